#pragma once

#include <QByteArray>
#include <QList>
#include <QSaveFile>
#include <QString>
#include <QStringList>

#include <memory>

class QIODevice;

namespace kessai {

// Text encodings a CSV file can be written in. Cp932 is what Excel on Japanese Windows and
// Japanese accounting software read ("Shift_JIS" in their menus, really Microsoft's windows-31j).
enum class CsvEncoding { Utf8Bom, Utf8, Cp932 };

// What went wrong while writing CSV: a value, never an exception.
struct CsvError
{
    enum class Kind {
        None,
        Unmappable, // a character the encoding cannot represent (an emoji in CP932)
        Io,         // the device refused the bytes or the file could not be opened/renamed
    };

    Kind kind = Kind::None;
    qint64 row = 0;        // 1-based record number in the file; the header, if any, is record 1
    int column = 0;        // 1-based
    char32_t character = 0; // the unmappable character
    QString detail;        // the device's error string for Io

    bool isError() const { return kind != Kind::None; }
    // A translated sentence for the user: "Row 12, column 3 contains "😀" (U+1F600), which
    // Shift_JIS (CP932) cannot represent."
    QString message() const;
};

struct CsvOptions
{
    CsvEncoding encoding = CsvEncoding::Utf8Bom;
    bool neutraliseFormulas = true;
    // Write '?' for a character the encoding cannot represent (and count it) instead of failing
    // the row.
    bool replaceUnmappable = false;
};

// Streams RFC 4180 CSV records to a QIODevice: CRLF line ends (as Excel writes them), fields
// quoted when they contain a comma, a quote, CR or LF (quotes doubled), UTF-8 with or without a
// BOM, or CP932 through ICU so that an unmappable character is reported with its row and column
// instead of being silently replaced (Qt's QStringEncoder("Shift_JIS") writes 0xFCFC for what it
// cannot map and says nothing).
//
// Spreadsheet formula neutralisation: a text field starting with '=', '+', '-', '@', TAB or CR
// gets a leading apostrophe, so Excel shows it as text and never evaluates it. Columns the
// caller marks numeric keep a plain number such as "-500" as it is (a number, not a formula);
// anything else in a numeric column is neutralised like text.
class CsvWriter
{
public:
    using Options = CsvOptions;

    explicit CsvWriter(QIODevice *device, const Options &options = {});
    ~CsvWriter();
    CsvWriter(const CsvWriter &) = delete;
    CsvWriter &operator=(const CsvWriter &) = delete;

    // 0-based indexes of columns that hold numbers (amounts, counts).
    void setNumericColumns(const QList<int> &columns) { m_numericColumns = columns; }

    // Writes one record (the BOM first, for the first record of a Utf8Bom file). On an error
    // nothing of the record reaches the device and the error is returned (and kept in error()).
    [[nodiscard]] CsvError writeRow(const QStringList &fields);

    qint64 rowsWritten() const { return m_rows; }
    qint64 replacements() const { return m_replacements; }
    const CsvError &error() const { return m_error; }

    // The field as it goes into the file before encoding: neutralised and quoted if needed.
    static QString escapeField(const QString &field, bool numeric, bool neutraliseFormulas = true);
    static bool needsNeutralising(const QString &field, bool numeric);

private:
    bool encodeInto(const QString &text, QByteArray *out, int column);

    QIODevice *m_device;
    Options m_options;
    QList<int> m_numericColumns;
    struct Converter;
    std::unique_ptr<Converter> m_converter;
    QByteArray m_record;
    CsvError m_error;
    qint64 m_rows = 0;
    qint64 m_replacements = 0;
    bool m_bomWritten = false;
};

// A CSV file written atomically: the records go to a temporary file beside the target, which
// replaces the target only on commit(). A cancelled or failed export leaves no half file behind
// (and an existing file at the path untouched).
class CsvFile
{
public:
    explicit CsvFile(const QString &path, const CsvWriter::Options &options = {});
    ~CsvFile(); // discards the temporary file unless committed
    CsvFile(const CsvFile &) = delete;
    CsvFile &operator=(const CsvFile &) = delete;

    [[nodiscard]] CsvError open();
    CsvWriter &writer() { return *m_writer; }
    [[nodiscard]] CsvError commit();
    void cancel();
    QString path() const { return m_file.fileName(); }

private:
    QSaveFile m_file;
    CsvWriter::Options m_options;
    std::unique_ptr<CsvWriter> m_writer;
};

// Decodes the bytes of a CSV file written in encoding (a UTF-8 BOM is skipped); CP932 goes
// through the same ICU converter as the writer. Undecodable bytes become U+FFFD.
QString decodeCsvText(const QByteArray &bytes, CsvEncoding encoding);

} // namespace kessai
