#include "logtext.h"

#include <QChar>
#include <QList>

namespace kessai::gateway {

QString escapedText(QStringView text)
{
    bool plain = true;
    for (const QChar c : text) {
        const auto category = c.category();
        if (c == u'\\' || category == QChar::Other_Control || category == QChar::Other_Format
            || category == QChar::Separator_Line || category == QChar::Separator_Paragraph || c.isSurrogate()) {
            plain = false;
            break;
        }
    }
    if (plain)
        return text.toString();

    QString escaped;
    escaped.reserve(text.size() + 16);
    const QList<uint> codePoints = text.toUcs4(); // a lone surrogate becomes U+FFFD
    for (const uint codePoint : codePoints) {
        const char32_t c = codePoint;
        const auto category = QChar::category(c);
        if (c == U'\\') {
            escaped += QStringLiteral("\\\\");
        } else if (c == U'\n') {
            escaped += QStringLiteral("\\n");
        } else if (c == U'\r') {
            escaped += QStringLiteral("\\r");
        } else if (c == U'\t') {
            escaped += QStringLiteral("\\t");
        } else if (category == QChar::Other_Control) {
            escaped += QStringLiteral("\\x") + QString::number(codePoint, 16).toUpper().rightJustified(2, u'0');
        } else if (category == QChar::Other_Format || category == QChar::Separator_Line
                   || category == QChar::Separator_Paragraph) {
            escaped += QStringLiteral("\\u{") + QString::number(codePoint, 16).toUpper() + u'}';
        } else {
            escaped += QString::fromUcs4(&c, 1);
        }
    }
    return escaped;
}

} // namespace kessai::gateway
