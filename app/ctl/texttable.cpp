#include "texttable.h"

namespace kessai {

TextTable::TextTable(QStringList headers, QList<bool> rightAligned)
    : m_headers(std::move(headers))
    , m_right(std::move(rightAligned))
{
    while (m_right.size() < m_headers.size())
        m_right.append(false);
}

void TextTable::addRow(QStringList cells)
{
    while (cells.size() < m_headers.size())
        cells.append(QString());
    m_rows.append(std::move(cells));
}

int TextTable::displayWidth(const QString &text)
{
    int width = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        char32_t ucs = text.at(i).unicode();
        if (text.at(i).isHighSurrogate() && i + 1 < text.size()) {
            ucs = QChar::surrogateToUcs4(text.at(i), text.at(i + 1));
            ++i;
        }
        const bool wide = (ucs >= 0x1100 && ucs <= 0x115f) || (ucs >= 0x2e80 && ucs <= 0xa4cf)
                          || (ucs >= 0xac00 && ucs <= 0xd7a3) || (ucs >= 0xf900 && ucs <= 0xfaff)
                          || (ucs >= 0xfe30 && ucs <= 0xfe4f) || (ucs >= 0xff00 && ucs <= 0xff60)
                          || (ucs >= 0xffe0 && ucs <= 0xffe6) || (ucs >= 0x20000 && ucs <= 0x3fffd);
        width += wide ? 2 : 1;
    }
    return width;
}

QString TextTable::render() const
{
    QList<int> widths;
    for (const QString &h : m_headers)
        widths.append(displayWidth(h));
    for (const QStringList &row : m_rows) {
        for (qsizetype c = 0; c < widths.size(); ++c)
            widths[c] = std::max(widths[c], displayWidth(row.at(c)));
    }
    auto line = [&](const QStringList &cells) -> QString {
        QString out;
        for (qsizetype c = 0; c < widths.size(); ++c) {
            const QString pad(widths[c] - displayWidth(cells.at(c)), u' ');
            if (c > 0)
                out += QStringLiteral("  ");
            out += m_right[c] ? pad + cells.at(c) : cells.at(c) + (c + 1 < widths.size() ? pad : QString());
        }
        return out + u'\n';
    };
    QString out = line(m_headers);
    for (const QStringList &row : m_rows)
        out += line(row);
    return out;
}

} // namespace kessai
