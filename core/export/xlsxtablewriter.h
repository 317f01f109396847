#pragma once

#include "tablewriter.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringView>

#include <array>

struct lxw_workbook;
struct lxw_worksheet;
struct lxw_format;

namespace kessai {

// The .xlsx backend of TableWriter: libxlsxwriter in constant-memory mode (one row in memory),
// numbers as numbers (counts "#,##0", yen "¥#,##0" as Japanese Excel's own 通貨 format), times as
// real Excel date-times in JST, a bold frozen header row with a filter, and column widths from
// the header, the kind and the first rows (a wide Japanese character counts as two).
class XlsxTableWriter final : public TableWriter
{
public:
    // Excel's limit, without the header row.
    static constexpr qint64 MaxDataRows = 1048575;
    // How many data rows widen the columns (set once, after them or on commit).
    static constexpr qint64 WidthSampleRows = 100;

    XlsxTableWriter(const QString &path, const Options &options);
    ~XlsxTableWriter() override; // discards the temporary workbook unless committed
    XlsxTableWriter(const XlsxTableWriter &) = delete;
    XlsxTableWriter &operator=(const XlsxTableWriter &) = delete;

    [[nodiscard]] CsvError open(const QList<ExportColumn> &columns) override;
    [[nodiscard]] CsvError writeRow(const QVariantList &cells) override;
    [[nodiscard]] CsvError commit() override;
    qint64 rowsWritten() const override { return m_rows; }

    // A worksheet name Excel accepts: none of []:*?/\ (each becomes '_'), no apostrophe at
    // either end, at most 31 characters; "Sheet1" for an empty name.
    static QString sheetName(const QString &requested);
    // Columns the text needs in a spreadsheet: East Asian wide and full-width characters (and
    // the ambiguous ones Japanese fonts draw wide, such as ① and ※) count two, combining marks none.
    static int displayWidth(QStringView text);

private:
    enum Style { Header, Integer, Yen, DateTime, Date, Percent, StyleCount };

    CsvError writeCell(quint32 row, quint16 column, const QVariant &value, ExportColumn::Kind kind);
    void widen(int column, const QVariant &value, ExportColumn::Kind kind);
    int applyWidths();
    CsvError fail(int error, qint64 record = 0, int column = 0) const;
    void discard();

    QString m_path;
    QString m_tempPath;
    QByteArray m_tmpDir; // libxlsxwriter keeps the pointer
    QString m_sheetName;
    lxw_workbook *m_workbook = nullptr;
    lxw_worksheet *m_sheet = nullptr;
    std::array<lxw_format *, StyleCount> m_styles{};
    QList<ExportColumn::Kind> m_kinds;
    QList<double> m_widths;
    qint64 m_rows = 0;
    bool m_widthsApplied = false;
    bool m_committed = false;
};

} // namespace kessai
