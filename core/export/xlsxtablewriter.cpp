#include "xlsxtablewriter.h"

#include "domain/japantime.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryFile>

#include <xlsxwriter.h>

#include <cstdio>
#include <filesystem>
#include <system_error>

namespace kessai {

namespace {

// What each kind needs, in Excel's width unit (one '0' of the default font), before the header
// and the first rows widen it: "1,234,567,890", "¥-123,456,789", "2026/11/01 09:00:00",
// "2026/11/01", "-100.00%".
double kindWidth(ExportColumn::Kind kind)
{
    switch (kind) {
    case ExportColumn::Kind::Text:
        return 8;
    case ExportColumn::Kind::Integer:
        return 10;
    case ExportColumn::Kind::Money:
        return 13;
    case ExportColumn::Kind::DateTime:
        return 20;
    case ExportColumn::Kind::Date:
        return 11.5;
    case ExportColumn::Kind::Percent:
        return 9;
    }
    return 8;
}

constexpr double MaxWidth = 60;

// Bold is wider, and the filter's drop-down button covers the header's last two characters.
double headerWidth(const QString &header)
{
    return XlsxTableWriter::displayWidth(header) * 1.1 + 3.5;
}

int groupedDigitsWidth(qint64 value)
{
    const int digits = int(QString::number(value < 0 ? -(value + 1) : value).size());
    return digits + (digits - 1) / 3 + (value < 0 ? 1 : 0);
}

bool isWide(char32_t c)
{
    struct Range
    {
        char32_t first;
        char32_t last;
    };
    // East Asian Width W and F, plus the A (ambiguous) blocks that Japanese fonts draw full-width.
    static constexpr Range wide[] = {
        {0x00A7, 0x00A8}, {0x00B0, 0x00B1}, {0x00B4, 0x00B4}, {0x00B6, 0x00B6}, {0x00D7, 0x00D7},
        {0x00F7, 0x00F7}, {0x0391, 0x03C9}, {0x0401, 0x0451}, {0x1100, 0x115F}, {0x2010, 0x2027},
        {0x2030, 0x203B}, {0x2100, 0x22FF}, {0x2460, 0x27BF}, {0x2E80, 0x303E}, {0x3041, 0x33FF},
        {0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0xA000, 0xA4CF}, {0xAC00, 0xD7A3}, {0xF900, 0xFAFF},
        {0xFE30, 0xFE4F}, {0xFF00, 0xFF60}, {0xFFE0, 0xFFE6}, {0x1F300, 0x1F64F}, {0x1F900, 0x1F9FF},
        {0x20000, 0x3FFFD},
    };
    for (const Range &range : wide) {
        if (c < range.first)
            return false;
        if (c <= range.last)
            return true;
    }
    return false;
}

bool isZeroWidth(char32_t c)
{
    return (c >= 0x0300 && c <= 0x036F) || (c >= 0x200B && c <= 0x200F) || (c >= 0xFE00 && c <= 0xFE0F)
        || c == 0x3099 || c == 0x309A;
}

bool isXmlHostile(char16_t c)
{
    return (c < 0x20 && c != u'\t' && c != u'\n' && c != u'\r') || c == 0xFFFE || c == 0xFFFF;
}

bool isHex(char16_t c)
{
    return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
}

// "_x0041_" is how OOXML escapes a character in a string, so Excel would read a literal one as
// "A". Looks at text[i] == '_'.
bool startsXmlEscape(const QString &text, qsizetype i)
{
    if (i + 6 >= text.size() || text.at(i + 1) != u'x' || text.at(i + 6) != u'_')
        return false;
    for (qsizetype k = i + 2; k < i + 6; ++k) {
        if (!isHex(text.at(k).unicode()))
            return false;
    }
    return true;
}

// The UTF-8 bytes of a cell's text. XML 1.0 cannot carry C0 controls other than TAB, LF and CR,
// and libxlsxwriter writes them as they are (a file Excel offers to "repair"), so they become
// Excel's own _xHHHH_ escape; a literal "_xHHHH_" keeps its meaning by escaping its underscore.
QByteArray cellUtf8(const QString &text)
{
    bool plain = true;
    for (qsizetype i = 0; i < text.size() && plain; ++i) {
        const char16_t c = text.at(i).unicode();
        plain = !isXmlHostile(c) && !(c == u'_' && startsXmlEscape(text, i));
    }
    if (plain)
        return text.toUtf8();
    QString escaped;
    escaped.reserve(text.size() + 16);
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text.at(i).unicode();
        if (isXmlHostile(c))
            escaped += QStringLiteral("_x") % QString::number(uint(c), 16).toUpper().rightJustified(4, u'0') % u'_';
        else if (c == u'_' && startsXmlEscape(text, i))
            escaped += QStringLiteral("_x005F_");
        else
            escaped += QChar(c);
    }
    return escaped.toUtf8();
}

bool toExcelDateTime(const QDate &date, qint64 secondOfDay, lxw_datetime *out)
{
    // Excel's calendar (1900 epoch) starts in 1900 and ends in 9999.
    if (!date.isValid() || date.year() < 1900 || date.year() > 9999)
        return false;
    out->year = date.year();
    out->month = date.month();
    out->day = date.day();
    out->hour = int(secondOfDay / 3600);
    out->min = int(secondOfDay / 60 % 60);
    out->sec = double(secondOfDay % 60);
    return true;
}

qint64 floorDiv(qint64 a, qint64 b)
{
    return a >= 0 ? a / b : (a - b + 1) / b;
}

QByteArray nativePath(const QString &path)
{
#ifdef Q_OS_WIN
    return QDir::toNativeSeparators(path).toUtf8(); // libxlsxwriter opens UTF-8 names with _wfopen
#else
    return QFile::encodeName(path);
#endif
}

std::filesystem::path fsPath(const QString &path)
{
#ifdef Q_OS_WIN
    return std::filesystem::path(path.toStdWString());
#else
    return std::filesystem::path(QFile::encodeName(path).toStdString());
#endif
}

CsvError ioError(const QString &detail)
{
    CsvError error;
    error.kind = CsvError::Kind::Io;
    error.detail = detail;
    return error;
}

} // namespace

XlsxTableWriter::XlsxTableWriter(const QString &path, const Options &options)
    : m_path(path)
    , m_sheetName(sheetName(options.sheetName))
{
}

XlsxTableWriter::~XlsxTableWriter()
{
    discard();
}

QString XlsxTableWriter::sheetName(const QString &requested)
{
    QString name = requested.trimmed();
    for (QChar &c : name) {
        if (c.unicode() < 0x20 || QStringView(u"[]:*?/\\").contains(c))
            c = u'_';
    }
    // Excel counts UTF-16 units; cut before the 32nd without splitting a surrogate pair.
    if (name.size() > 31)
        name.truncate(name.at(30).isHighSurrogate() ? 30 : 31);
    while (name.startsWith(u'\''))
        name.remove(0, 1);
    while (name.endsWith(u'\''))
        name.chop(1);
    if (name.isEmpty())
        return QStringLiteral("Sheet1");
    if (name.compare(QLatin1String("History"), Qt::CaseInsensitive) == 0) // reserved by Excel
        name += u'_';
    return name;
}

int XlsxTableWriter::displayWidth(QStringView text)
{
    int width = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        char32_t c = text.at(i).unicode();
        if (QChar::isHighSurrogate(c) && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            c = QChar::surrogateToUcs4(text.at(i), text.at(i + 1));
            ++i;
        }
        if (!isZeroWidth(c))
            width += isWide(c) ? 2 : 1;
    }
    return width;
}

CsvError XlsxTableWriter::fail(int error, qint64 record, int column) const
{
    CsvError result = ioError(QString::fromUtf8(lxw_strerror(static_cast<lxw_error>(error))));
    result.row = record;
    result.column = column;
    if (record > 0) {
        result.detail = QCoreApplication::translate("kessai::TableWriter", "row %1, column %2: %3")
                            .arg(record)
                            .arg(column)
                            .arg(result.detail);
    }
    return result;
}

CsvError XlsxTableWriter::open(const QList<ExportColumn> &columns)
{
    if (m_workbook || m_committed)
        return ioError(QCoreApplication::translate("kessai::TableWriter", "The workbook is already open."));
    if (columns.size() > LXW_COL_MAX)
        return fail(LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE);

    // The workbook is assembled under a unique name beside the target (same file system, so the
    // rename on commit is atomic) and replaces the target only then.
    {
        QTemporaryFile reserve(m_path + QStringLiteral(".XXXXXX"));
        reserve.setAutoRemove(false);
        if (!reserve.open())
            return ioError(reserve.errorString());
        m_tempPath = reserve.fileName();
    }

    // Constant memory keeps one row in memory and the sheet's XML in a temporary file; put that
    // file beside the target too, not in /tmp, which is often RAM (tmpfs) and smaller than the
    // disk the user chose.
    m_tmpDir = nativePath(QFileInfo(m_path).absolutePath());
    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE;
    options.tmpdir = m_tmpDir.data();
    options.use_zip64 = LXW_FALSE;
    const QByteArray fileName = nativePath(m_tempPath);
    m_workbook = workbook_new_opt(fileName.constData(), &options);
    if (!m_workbook)
        return fail(LXW_ERROR_MEMORY_MALLOC_FAILED);
    m_sheet = workbook_add_worksheet(m_workbook, m_sheetName.toUtf8().constData());
    if (!m_sheet)
        return fail(LXW_ERROR_CREATING_TMPFILE); // the sheet's temporary file (the name is sanitised)

    for (lxw_format *&style : m_styles) {
        style = workbook_add_format(m_workbook);
        if (!style)
            return fail(LXW_ERROR_MEMORY_MALLOC_FAILED);
    }
    format_set_bold(m_styles[Header]);
    format_set_num_format(m_styles[Integer], "#,##0");
    // Japanese Excel's own 通貨 (currency) format, ¥-1,234 for a negative amount: the one a
    // Japanese user knows, shown under 通貨 in the format dialog. The yen sign is quoted U+00A5,
    // so it is a yen sign in every locale (not the currency symbol of the reader's locale).
    format_set_num_format(m_styles[Yen], "\"\xC2\xA5\"#,##0;\"\xC2\xA5\"\\-#,##0");
    format_set_num_format(m_styles[DateTime], "yyyy/mm/dd hh:mm:ss");
    format_set_num_format(m_styles[Date], "yyyy/mm/dd");
    format_set_num_format(m_styles[Percent], "0.00%");

    m_kinds.clear();
    m_widths.clear();
    for (qsizetype i = 0; i < columns.size(); ++i) {
        const ExportColumn &column = columns.at(i);
        m_kinds.append(column.kind);
        m_widths.append(std::min(MaxWidth, std::max(kindWidth(column.kind), headerWidth(column.header))));
        const QByteArray header = cellUtf8(column.header);
        if (const lxw_error error = worksheet_write_string(m_sheet, 0, static_cast<lxw_col_t>(i), header.constData(),
                                                           m_styles[Header]);
            error != LXW_NO_ERROR)
            return fail(error, 1, int(i) + 1);
    }
    // libxlsxwriter writes <cols> when it assembles the sheet, so widths set after the first rows
    // still count in constant-memory mode (only set_row must come before its row); set them now
    // so that an export of a few rows has them too.
    if (const int error = applyWidths(); error != LXW_NO_ERROR)
        return fail(error);
    worksheet_freeze_panes(m_sheet, 1, 0);
    return {};
}

CsvError XlsxTableWriter::writeRow(const QVariantList &cells)
{
    if (!m_sheet)
        return ioError(QCoreApplication::translate("kessai::TableWriter", "The workbook is not open."));
    if (m_rows >= MaxDataRows) {
        CsvError error = ioError(QCoreApplication::translate("kessai::TableWriter",
                                                             "An Excel sheet holds at most %L1 rows; export as CSV instead.")
                                     .arg(MaxDataRows));
        error.row = m_rows + 2;
        return error;
    }
    const auto row = static_cast<lxw_row_t>(m_rows + 1);
    for (qsizetype i = 0; i < m_kinds.size(); ++i) {
        const QVariant value = cells.value(i);
        if (CsvError error = writeCell(row, static_cast<lxw_col_t>(i), value, m_kinds.at(i)); error.isError())
            return error;
        if (!m_widthsApplied)
            widen(int(i), value, m_kinds.at(i));
    }
    ++m_rows;
    if (m_rows == WidthSampleRows && !m_widthsApplied) {
        m_widthsApplied = true;
        if (const int error = applyWidths(); error != LXW_NO_ERROR)
            return fail(error);
    }
    return {};
}

CsvError XlsxTableWriter::writeCell(quint32 row, quint16 column, const QVariant &value, ExportColumn::Kind kind)
{
    if (value.isNull())
        return {};
    lxw_error error = LXW_NO_ERROR;
    switch (kind) {
    case ExportColumn::Kind::Text: {
        // Always a string cell: "=SUM(A1)" stays text (only worksheet_write_formula makes a
        // formula) and a 決済ID of 18 digits stays exact.
        const QByteArray text = cellUtf8(value.toString());
        error = worksheet_write_string(m_sheet, row, column, text.constData(), nullptr);
        break;
    }
    case ExportColumn::Kind::Integer:
        error = worksheet_write_number(m_sheet, row, column, double(value.toLongLong()), m_styles[Integer]);
        break;
    case ExportColumn::Kind::Money:
        error = worksheet_write_number(m_sheet, row, column, double(value.toLongLong()), m_styles[Yen]);
        break;
    case ExportColumn::Kind::DateTime: {
        const qint64 seconds = value.toLongLong();
        if (seconds == 0)
            return {};
        const qint64 local = seconds + JapanTime::OffsetSeconds;
        const qint64 days = floorDiv(local, 86400);
        lxw_datetime datetime{};
        if (toExcelDateTime(QDate(1970, 1, 1).addDays(days), local - days * 86400, &datetime)) {
            error = worksheet_write_datetime(m_sheet, row, column, &datetime, m_styles[DateTime]);
        } else { // outside Excel's calendar: the text, rather than nothing
            const QByteArray text = JapanTime::format(seconds).toUtf8();
            error = worksheet_write_string(m_sheet, row, column, text.constData(), nullptr);
        }
        break;
    }
    case ExportColumn::Kind::Date: {
        const QDate date = value.toDate();
        if (!date.isValid())
            return {};
        lxw_datetime datetime{};
        if (toExcelDateTime(date, 0, &datetime)) {
            error = worksheet_write_datetime(m_sheet, row, column, &datetime, m_styles[Date]);
        } else {
            const QByteArray text = date.toString(QStringLiteral("yyyy/MM/dd")).toUtf8();
            error = worksheet_write_string(m_sheet, row, column, text.constData(), nullptr);
        }
        break;
    }
    case ExportColumn::Kind::Percent:
        error = worksheet_write_number(m_sheet, row, column, double(value.toLongLong()) / 10000.0, m_styles[Percent]);
        break;
    }
    if (error != LXW_NO_ERROR)
        return fail(error, qint64(row) + 1, int(column) + 1);
    return {};
}

void XlsxTableWriter::widen(int column, const QVariant &value, ExportColumn::Kind kind)
{
    if (value.isNull())
        return;
    double width = 0;
    switch (kind) {
    case ExportColumn::Kind::Text: {
        const QString text = value.toString();
        width = displayWidth(QStringView(text).left(text.indexOf(u'\n'))) + 1.5; // the first line
        break;
    }
    case ExportColumn::Kind::Integer:
        width = groupedDigitsWidth(value.toLongLong()) + 1.5;
        break;
    case ExportColumn::Kind::Money:
        width = groupedDigitsWidth(value.toLongLong()) + 2.5;
        break;
    case ExportColumn::Kind::DateTime:
    case ExportColumn::Kind::Date:
    case ExportColumn::Kind::Percent:
        return; // the kind's width fits every value
    }
    double &current = m_widths[column];
    current = std::max(current, std::min(MaxWidth, width));
}

int XlsxTableWriter::applyWidths()
{
    for (qsizetype i = 0; i < m_widths.size(); ++i) {
        const auto column = static_cast<lxw_col_t>(i);
        if (const lxw_error error = worksheet_set_column(m_sheet, column, column, m_widths.at(i), nullptr);
            error != LXW_NO_ERROR)
            return error;
    }
    return LXW_NO_ERROR;
}

CsvError XlsxTableWriter::commit()
{
    if (!m_workbook)
        return ioError(QCoreApplication::translate("kessai::TableWriter", "The workbook is not open."));
    if (!m_widthsApplied) {
        m_widthsApplied = true;
        if (const int error = applyWidths(); error != LXW_NO_ERROR)
            return fail(error);
    }
    if (!m_kinds.isEmpty()) {
        const lxw_error error = worksheet_autofilter(m_sheet, 0, 0, static_cast<lxw_row_t>(m_rows),
                                                     static_cast<lxw_col_t>(m_kinds.size() - 1));
        if (error != LXW_NO_ERROR)
            return fail(error);
    }

    // workbook_close() writes the file and frees the workbook, whatever it returns.
    const lxw_error closed = workbook_close(m_workbook);
    m_workbook = nullptr;
    m_sheet = nullptr;
    if (closed != LXW_NO_ERROR) {
        QFile::remove(m_tempPath);
        m_tempPath.clear();
        return fail(closed);
    }

    // QTemporaryFile made the file for its owner only; an export gets what a new file gets (or
    // what the file it replaces had).
    const QFile::Permissions permissions = QFile::exists(m_path)
        ? QFile::permissions(m_path)
        : QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser | QFile::ReadGroup | QFile::ReadOther;
    QFile::setPermissions(m_tempPath, permissions);

    // rename(2) (MoveFileEx with REPLACE_EXISTING on Windows): the target is the old file or the
    // new one, never half of either.
    std::error_code error;
    std::filesystem::rename(fsPath(m_tempPath), fsPath(m_path), error);
    if (error) {
        QFile::remove(m_tempPath);
        m_tempPath.clear();
        return ioError(QString::fromStdString(error.message()));
    }
    m_committed = true;
    return {};
}

void XlsxTableWriter::discard()
{
    if (m_workbook) {
        // lxw_workbook_free() does not close the sheet's constant-memory temporary file (it is
        // closed while the workbook is assembled, which a discarded one never is).
        if (m_sheet && m_sheet->optimize_tmpfile) {
            std::fclose(m_sheet->optimize_tmpfile);
            m_sheet->optimize_tmpfile = nullptr;
            m_sheet->file = nullptr;
        }
        lxw_workbook_free(m_workbook);
        m_workbook = nullptr;
        m_sheet = nullptr;
    }
    if (!m_committed && !m_tempPath.isEmpty()) {
        QFile::remove(m_tempPath);
        m_tempPath.clear();
    }
}

} // namespace kessai
