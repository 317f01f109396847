#include "csvreader.h"

#include <QCoreApplication>
#include <QStringDecoder>

#include <algorithm>

#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>

namespace kessai {

namespace {

constexpr char16_t Undecodable = u'\uFFFD';

// ICU's own substitution for an unassigned CP932 byte is U+001A, a character a file may also
// hold on purpose; this callback always writes U+FFFD, which CP932 never decodes to.
void substituteReplacementCharacter(const void *, UConverterToUnicodeArgs *args, const char *, int32_t,
                                    UConverterCallbackReason reason, UErrorCode *status)
{
    if (reason > UCNV_IRREGULAR) // reset, close, clone: nothing to substitute
        return;
    *status = U_ZERO_ERROR;
    const UChar replacement = Undecodable;
    ucnv_cbToUWriteUChars(args, &replacement, 1, 0, status);
}

QString decodeCp932(const QByteArray &bytes)
{
    UErrorCode status = U_ZERO_ERROR;
    UConverter *cnv = ucnv_open("windows-31j", &status);
    if (U_FAILURE(status))
        return QString(bytes.size(), QChar(Undecodable));
    // Fallbacks on, as Windows decodes (the NEC and IBM duplicates of the same character).
    ucnv_setFallback(cnv, true);
    ucnv_setToUCallBack(cnv, substituteReplacementCharacter, nullptr, nullptr, nullptr, &status);
    // CP932 never needs more UTF-16 units than bytes; one more for the terminating zero.
    QString text(bytes.size() + 1, Qt::Uninitialized);
    const int32_t length = ucnv_toUChars(cnv, reinterpret_cast<UChar *>(text.data()), int32_t(text.size()),
                                         bytes.constData(), int32_t(bytes.size()), &status);
    ucnv_close(cnv);
    if (U_FAILURE(status))
        return QString(bytes.size(), QChar(Undecodable));
    text.truncate(length);
    return text;
}

const QByteArray Utf8Bom("\xEF\xBB\xBF");

} // namespace

bool CsvRecord::isBlank() const
{
    return std::all_of(fields.cbegin(), fields.cend(), [](const QString &f) { return f.trimmed().isEmpty(); });
}

QString CsvRecord::problemText() const
{
    switch (problem) {
    case Problem::None:
        break;
    case Problem::StrayQuote:
        return QCoreApplication::translate("kessai::CsvReader",
                                           "A double quote (\") in the wrong place: a field with a quote must be "
                                           "quoted as a whole, with the quote doubled (\"\").");
    case Problem::UnclosedQuote:
        return QCoreApplication::translate("kessai::CsvReader",
                                           "A quoted field starts on this line and is never closed.");
    case Problem::Undecodable:
        return QCoreApplication::translate("kessai::CsvReader",
                                           "This line holds bytes that are not text in UTF-8 or Shift_JIS (CP932).");
    }
    return {};
}

CsvReader::CsvReader(const QByteArray &bytes)
    : m_encoding(detectEncoding(bytes))
{
    decode(bytes);
}

CsvReader::CsvReader(const QByteArray &bytes, CsvEncoding encoding)
    : m_encoding(encoding)
{
    decode(bytes);
}

CsvEncoding CsvReader::detectEncoding(const QByteArray &bytes)
{
    if (bytes.startsWith(Utf8Bom))
        return CsvEncoding::Utf8Bom;
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = utf8.decode(bytes);
    Q_UNUSED(text)
    return utf8.hasError() ? CsvEncoding::Cp932 : CsvEncoding::Utf8;
}

void CsvReader::decode(const QByteArray &bytes)
{
    switch (m_encoding) {
    case CsvEncoding::Utf8Bom:
    case CsvEncoding::Utf8:
        // Invalid sequences become U+FFFD, which marks their record Undecodable.
        m_text = QString::fromUtf8(bytes.startsWith(Utf8Bom) ? bytes.mid(Utf8Bom.size()) : bytes);
        break;
    case CsvEncoding::Cp932:
        m_text = decodeCp932(bytes);
        break;
    }
}

bool CsvReader::atLineBreak() const
{
    return m_pos < m_text.size() && (m_text.at(m_pos) == u'\n' || m_text.at(m_pos) == u'\r');
}

void CsvReader::takeLineBreak()
{
    if (m_text.at(m_pos) == u'\r' && m_pos + 1 < m_text.size() && m_text.at(m_pos + 1) == u'\n')
        ++m_pos;
    ++m_pos;
    ++m_line;
}

void CsvReader::skipToLineEnd()
{
    while (m_pos < m_text.size() && !atLineBreak())
        ++m_pos;
    if (m_pos < m_text.size())
        takeLineBreak();
}

CsvRecord CsvReader::next()
{
    while (atLineBreak())
        takeLineBreak();
    CsvRecord record;
    record.line = m_line;
    if (atEnd())
        return record;
    const qsizetype start = m_pos;
    const auto finish = [&record] {
        if (record.problem == CsvRecord::Problem::None) {
            for (const QString &field : std::as_const(record.fields)) {
                if (field.contains(QChar(Undecodable)))
                    record.problem = CsvRecord::Problem::Undecodable;
            }
        }
        return record;
    };

    for (;;) {
        QString field;
        if (m_text.at(m_pos) == u'"') {
            ++m_pos;
            bool closed = false;
            while (m_pos < m_text.size()) {
                const QChar c = m_text.at(m_pos);
                if (c == u'"') {
                    if (m_pos + 1 < m_text.size() && m_text.at(m_pos + 1) == u'"') {
                        field += u'"';
                        m_pos += 2;
                        continue;
                    }
                    ++m_pos;
                    closed = true;
                    break;
                }
                if (c == u'\n' || (c == u'\r' && (m_pos + 1 >= m_text.size() || m_text.at(m_pos + 1) != u'\n')))
                    ++m_line;
                field += c;
                ++m_pos;
            }
            if (!closed) {
                // Report it on the line it opened, then read on from the next line: the lines
                // after it are checked one by one instead of vanishing into the open field.
                record.fields.append(field);
                record.problem = CsvRecord::Problem::UnclosedQuote;
                m_pos = start;
                m_line = record.line;
                skipToLineEnd();
                return record;
            }
            if (m_pos < m_text.size() && m_text.at(m_pos) != u',' && !atLineBreak()) {
                record.fields.append(field);
                record.problem = CsvRecord::Problem::StrayQuote;
                skipToLineEnd();
                return record;
            }
        } else {
            while (m_pos < m_text.size() && m_text.at(m_pos) != u',' && !atLineBreak()) {
                if (m_text.at(m_pos) == u'"') {
                    record.fields.append(field);
                    record.problem = CsvRecord::Problem::StrayQuote;
                    skipToLineEnd();
                    return record;
                }
                field += m_text.at(m_pos++);
            }
        }
        record.fields.append(field);
        if (m_pos >= m_text.size())
            return finish();
        if (m_text.at(m_pos) == u',') {
            ++m_pos;
            if (m_pos >= m_text.size() || atLineBreak()) { // a trailing comma: one more, empty field
                record.fields.append(QString());
                if (m_pos < m_text.size())
                    takeLineBreak();
                return finish();
            }
            continue;
        }
        takeLineBreak();
        return finish();
    }
}

QList<CsvRecord> CsvReader::readAll()
{
    QList<CsvRecord> records;
    while (!atEnd()) {
        CsvRecord record = next();
        if (record.fields.isEmpty()) // only line breaks were left
            break;
        records.append(std::move(record));
    }
    return records;
}

} // namespace kessai
