#include "csvwriter.h"

#include <QCoreApplication>
#include <QIODevice>
#include <QRegularExpression>

#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>

namespace kessai {

namespace {

bool isPlainNumber(const QString &field)
{
    // "-500", "1200", "-0.5": what a spreadsheet reads as a number and never as a formula.
    static const QRegularExpression number(QStringLiteral("\\A-?[0-9]+(\\.[0-9]+)?\\z"));
    return number.match(field).hasMatch();
}

QString describeCharacter(char32_t c)
{
    const QString hex = QString::number(uint(c), 16).toUpper().rightJustified(4, u'0');
    return QStringLiteral("\"%1\" (U+%2)").arg(QString::fromUcs4(&c, 1), hex);
}

} // namespace

QString CsvError::message() const
{
    switch (kind) {
    case Kind::None:
        return {};
    case Kind::Unmappable:
        return QCoreApplication::translate("kessai::CsvWriter",
                                           "Row %1, column %2 contains %3, which Shift_JIS (CP932) cannot represent. "
                                           "Export as UTF-8 instead, or change the data.")
            .arg(row)
            .arg(column)
            .arg(describeCharacter(character));
    case Kind::Io:
        return QCoreApplication::translate("kessai::CsvWriter", "The file could not be written: %1").arg(detail);
    }
    return {};
}

// ICU's converter for windows-31j, with fallbacks on (WAVE DASH → 0x8160, MINUS SIGN → 0x817C,
// as Windows writes them) and the STOP callback so an unmappable character fails loudly.
struct CsvWriter::Converter
{
    UConverter *cnv = nullptr;
    ~Converter()
    {
        if (cnv)
            ucnv_close(cnv);
    }
};

CsvWriter::CsvWriter(QIODevice *device, const Options &options)
    : m_device(device)
    , m_options(options)
{
    if (m_options.encoding == CsvEncoding::Cp932) {
        m_converter = std::make_unique<Converter>();
        UErrorCode status = U_ZERO_ERROR;
        m_converter->cnv = ucnv_open("windows-31j", &status);
        if (U_SUCCESS(status)) {
            ucnv_setFallback(m_converter->cnv, true);
            ucnv_setFromUCallBack(m_converter->cnv, UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
        }
        if (U_FAILURE(status)) {
            m_error.kind = CsvError::Kind::Io;
            m_error.detail = QStringLiteral("ICU: %1").arg(QString::fromLatin1(u_errorName(status)));
        }
    }
}

CsvWriter::~CsvWriter() = default;

bool CsvWriter::needsNeutralising(const QString &field, bool numeric)
{
    if (field.isEmpty())
        return false;
    const QChar first = field.front();
    if (first != u'=' && first != u'+' && first != u'-' && first != u'@' && first != u'\t' && first != u'\r')
        return false;
    return !(numeric && isPlainNumber(field));
}

QString CsvWriter::escapeField(const QString &field, bool numeric, bool neutraliseFormulas)
{
    QString text = (neutraliseFormulas && needsNeutralising(field, numeric)) ? QLatin1Char('\'') + field : field;
    bool quote = false;
    for (const QChar c : std::as_const(text)) {
        if (c == u',' || c == u'"' || c == u'\r' || c == u'\n') {
            quote = true;
            break;
        }
    }
    if (!quote)
        return text;
    text.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + text + QLatin1Char('"');
}

bool CsvWriter::encodeInto(const QString &text, QByteArray *out, int column)
{
    if (m_options.encoding != CsvEncoding::Cp932) {
        out->append(text.toUtf8());
        return true;
    }
    UConverter *cnv = m_converter->cnv;
    const auto *source = reinterpret_cast<const UChar *>(text.utf16());
    const UChar *sourceEnd = source + text.size();
    char buffer[1024];
    for (;;) {
        char *target = buffer;
        UErrorCode status = U_ZERO_ERROR;
        ucnv_fromUnicode(cnv, &target, buffer + sizeof buffer, &source, sourceEnd, nullptr, true, &status);
        out->append(buffer, target - buffer);
        if (status == U_BUFFER_OVERFLOW_ERROR)
            continue;
        if (U_SUCCESS(status))
            return true;
        // Unmappable, illegal (a lone surrogate) or truncated: the source is past the character.
        UChar bad[4] = {};
        int8_t length = 4;
        UErrorCode invalidStatus = U_ZERO_ERROR;
        ucnv_getInvalidUChars(cnv, bad, &length, &invalidStatus);
        ucnv_resetFromUnicode(cnv);
        char32_t character = length > 0 ? bad[0] : 0xFFFD;
        if (length == 2 && QChar::isHighSurrogate(bad[0]) && QChar::isLowSurrogate(bad[1]))
            character = QChar::surrogateToUcs4(bad[0], bad[1]);
        if (!m_options.replaceUnmappable) {
            m_error.kind = CsvError::Kind::Unmappable;
            m_error.row = m_rows + 1;
            m_error.column = column + 1;
            m_error.character = character;
            return false;
        }
        out->append('?');
        ++m_replacements;
        if (source >= sourceEnd)
            return true;
    }
}

CsvError CsvWriter::writeRow(const QStringList &fields)
{
    if (m_error.kind == CsvError::Kind::Io)
        return m_error; // the device or converter is unusable; the export has failed
    m_error = {};
    m_record.clear();
    if (!m_bomWritten && m_options.encoding == CsvEncoding::Utf8Bom)
        m_record.append("\xEF\xBB\xBF");
    for (int column = 0; column < fields.size(); ++column) {
        if (column > 0)
            m_record.append(',');
        const QString escaped = escapeField(fields.at(column), m_numericColumns.contains(column), m_options.neutraliseFormulas);
        if (!encodeInto(escaped, &m_record, column))
            return m_error;
    }
    m_record.append("\r\n");
    if (m_device->write(m_record) != m_record.size()) {
        m_error.kind = CsvError::Kind::Io;
        m_error.row = m_rows + 1;
        m_error.detail = m_device->errorString();
        return m_error;
    }
    m_bomWritten = true;
    ++m_rows;
    return {};
}

QString decodeCsvText(const QByteArray &bytes, CsvEncoding encoding)
{
    if (encoding != CsvEncoding::Cp932) {
        const QByteArray bom("\xEF\xBB\xBF");
        return QString::fromUtf8(bytes.startsWith(bom) ? bytes.mid(bom.size()) : bytes);
    }
    UErrorCode status = U_ZERO_ERROR;
    UConverter *cnv = ucnv_open("windows-31j", &status);
    if (U_FAILURE(status))
        return {};
    QString text(bytes.size() + 1, Qt::Uninitialized); // CP932 never needs more UTF-16 units than bytes
    const int32_t length = ucnv_toUChars(cnv, reinterpret_cast<UChar *>(text.data()), int32_t(text.size()),
                                         bytes.constData(), int32_t(bytes.size()), &status);
    ucnv_close(cnv);
    if (U_FAILURE(status))
        return {};
    text.truncate(length);
    return text;
}

CsvFile::CsvFile(const QString &path, const CsvWriter::Options &options)
    : m_file(path)
    , m_options(options)
{
}

CsvFile::~CsvFile()
{
    if (m_file.isOpen())
        m_file.cancelWriting();
}

CsvError CsvFile::open()
{
    CsvError error;
    if (!m_file.open(QIODevice::WriteOnly)) {
        error.kind = CsvError::Kind::Io;
        error.detail = m_file.errorString();
        return error;
    }
    m_writer = std::make_unique<CsvWriter>(&m_file, m_options);
    return m_writer->error();
}

CsvError CsvFile::commit()
{
    CsvError error;
    if (!m_file.commit()) {
        error.kind = CsvError::Kind::Io;
        error.detail = m_file.errorString();
    }
    return error;
}

void CsvFile::cancel()
{
    if (m_file.isOpen()) {
        m_file.cancelWriting();
        m_file.commit(); // with writing cancelled, this only closes and removes the temporary file
    }
}

} // namespace kessai
