#pragma once

#include "csv/csvwriter.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QVariant>

#include <memory>

namespace kessai {

// The file formats every export of the product offers (statements, their lines, the
// reconciliation report, search results): CSV in the encodings Japanese software reads, or an
// Excel workbook with real numbers and dates and no encoding question at all.
enum class ExportFormat { CsvUtf8Bom, CsvUtf8, CsvCp932, Xlsx };

// The format a file name's extension asks for (".xlsx"), else fallback.
ExportFormat exportFormatForPath(const QString &path, ExportFormat fallback);
// ".csv" or ".xlsx".
QString exportSuffix(ExportFormat format);
// A file dialog's name filter for the format ("CSV (*.csv)"), translated.
QString exportNameFilter(ExportFormat format);

struct ExportColumn
{
    enum class Kind {
        Text,     // QString; 決済ID and 取引ID are text, so 18 digits stay exact
        Integer,  // qint64: counts
        Money,    // qint64 yen
        DateTime, // qint64 seconds since the epoch (UTC), written in JST; 0 = empty
        Date,     // QDate
        Percent,  // qint64 basis points (325 = 3.25 %)
    };

    QString header;
    Kind kind = Kind::Text;
};

// Writes one table to a file, row by row with constant memory, atomically: the file appears
// under its name only on commit(); destroying the writer before that leaves nothing (and an
// existing file at the path untouched).
//
// Cells are QVariants of the column's kind (see ExportColumn::Kind); a null QVariant is an
// empty cell. Errors are values (CsvError: the row and column of a character CP932 cannot
// hold, or the file's error), never exceptions.
class TableWriter
{
public:
    struct Options
    {
        bool neutraliseFormulas = true; // CSV: a text cell starting = + - @ TAB CR gets a '
        bool replaceUnmappable = false; // CSV CP932: '?' instead of failing the row
        QString sheetName;              // .xlsx: the worksheet's name (Excel allows 31 characters)
        // The header row in English (the columns' source names) whatever the console's language:
        // for macros and imports that look for fixed column names. The caller builds the columns.
        bool englishHeader = false;
        // The columns written, as indices into the columns open() is given, in this order (the
        // user's choice in the export dialog); empty = all of them as given. Indices past the
        // end are ignored.
        QList<int> columnOrder;
    };

    virtual ~TableWriter();

    // A writer for the format, or nullptr if this build cannot write it.
    static std::unique_ptr<TableWriter> create(const QString &path, ExportFormat format, const Options &options);
    static std::unique_ptr<TableWriter> create(const QString &path, ExportFormat format)
    {
        return create(path, format, Options());
    }

    // Opens the temporary file and writes the header row.
    [[nodiscard]] virtual CsvError open(const QList<ExportColumn> &columns) = 0;
    [[nodiscard]] virtual CsvError writeRow(const QVariantList &cells) = 0;
    [[nodiscard]] virtual CsvError commit() = 0;
    virtual qint64 rowsWritten() const = 0; // data rows, without the header
    virtual qint64 replacements() const { return 0; }

protected:
    TableWriter() = default;
};

// The text a CSV cell holds for a value of the kind: yen and counts as plain digits (no
// separators: accounting software imports them as numbers), times as "yyyy/MM/dd HH:mm:ss" JST,
// dates as "yyyy/MM/dd", percentages as "3.25".
QString exportCellText(const QVariant &value, ExportColumn::Kind kind);

} // namespace kessai
