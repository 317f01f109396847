#include "tablewriter.h"

#include "xlsxtablewriter.h"

#include "domain/japantime.h"

#include <QCoreApplication>

namespace kessai {

namespace {

CsvEncoding csvEncoding(ExportFormat format)
{
    switch (format) {
    case ExportFormat::CsvUtf8:
        return CsvEncoding::Utf8;
    case ExportFormat::CsvCp932:
        return CsvEncoding::Cp932;
    case ExportFormat::CsvUtf8Bom:
    case ExportFormat::Xlsx:
        break;
    }
    return CsvEncoding::Utf8Bom;
}

class CsvTableWriter final : public TableWriter
{
public:
    CsvTableWriter(const QString &path, ExportFormat format, const Options &options)
        : m_file(path, CsvWriter::Options{csvEncoding(format), options.neutraliseFormulas, options.replaceUnmappable})
    {
    }

    CsvError open(const QList<ExportColumn> &columns) override
    {
        if (CsvError error = m_file.open(); error.isError())
            return error;
        m_open = true;
        QList<int> numeric;
        QStringList header;
        m_kinds.clear();
        for (int i = 0; i < columns.size(); ++i) {
            const ExportColumn::Kind kind = columns.at(i).kind;
            if (kind == ExportColumn::Kind::Integer || kind == ExportColumn::Kind::Money
                || kind == ExportColumn::Kind::Percent)
                numeric.append(i);
            header.append(columns.at(i).header);
            m_kinds.append(kind);
        }
        m_file.writer().setNumericColumns(numeric);
        return m_file.writer().writeRow(header);
    }

    CsvError writeRow(const QVariantList &cells) override
    {
        m_fields.clear();
        for (int i = 0; i < m_kinds.size(); ++i)
            m_fields.append(exportCellText(cells.value(i), m_kinds.at(i)));
        return m_file.writer().writeRow(m_fields);
    }

    CsvError commit() override { return m_file.commit(); }
    qint64 rowsWritten() const override { return m_open ? std::max<qint64>(0, m_file.writer().rowsWritten() - 1) : 0; }
    qint64 replacements() const override { return m_open ? m_file.writer().replacements() : 0; }

private:
    mutable CsvFile m_file; // writer() is not const
    bool m_open = false;
    QList<ExportColumn::Kind> m_kinds;
    QStringList m_fields;
};

} // namespace

TableWriter::~TableWriter() = default;

ExportFormat exportFormatForPath(const QString &path, ExportFormat fallback)
{
    if (path.endsWith(QLatin1String(".xlsx"), Qt::CaseInsensitive))
        return ExportFormat::Xlsx;
    if (path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive) && fallback == ExportFormat::Xlsx)
        return ExportFormat::CsvUtf8Bom;
    return fallback;
}

QString exportSuffix(ExportFormat format)
{
    return format == ExportFormat::Xlsx ? QStringLiteral(".xlsx") : QStringLiteral(".csv");
}

QString exportNameFilter(ExportFormat format)
{
    if (format == ExportFormat::Xlsx)
        return QCoreApplication::translate("kessai::TableWriter", "Excel workbook (*.xlsx)");
    return QCoreApplication::translate("kessai::TableWriter", "CSV (*.csv)");
}

QString exportCellText(const QVariant &value, ExportColumn::Kind kind)
{
    if (value.isNull())
        return {};
    switch (kind) {
    case ExportColumn::Kind::Text:
        return value.toString();
    case ExportColumn::Kind::Integer:
    case ExportColumn::Kind::Money:
        return QString::number(value.toLongLong());
    case ExportColumn::Kind::DateTime: {
        const qint64 seconds = value.toLongLong();
        return seconds == 0 ? QString() : JapanTime::format(seconds);
    }
    case ExportColumn::Kind::Date:
        return value.toDate().toString(QStringLiteral("yyyy/MM/dd"));
    case ExportColumn::Kind::Percent: {
        const qint64 bp = value.toLongLong();
        return QStringLiteral("%1%2.%3")
            .arg(bp < 0 ? QStringLiteral("-") : QString())
            .arg(std::abs(bp) / 100)
            .arg(std::abs(bp) % 100, 2, 10, QLatin1Char('0'));
    }
    }
    return {};
}

namespace {

// The chosen columns of every row, in the chosen order, handed to the writer of the format.
class SelectedColumnsWriter final : public TableWriter
{
public:
    SelectedColumnsWriter(std::unique_ptr<TableWriter> writer, QList<int> order)
        : m_writer(std::move(writer))
        , m_order(std::move(order))
    {}

    CsvError open(const QList<ExportColumn> &columns) override
    {
        QList<int> valid;
        for (const int index : std::as_const(m_order)) {
            if (index >= 0 && index < columns.size() && !valid.contains(index))
                valid.append(index);
        }
        m_order = valid;
        if (m_order.isEmpty()) { // nothing left of the choice: every column
            for (int i = 0; i < columns.size(); ++i)
                m_order.append(i);
        }
        QList<ExportColumn> chosen;
        chosen.reserve(m_order.size());
        for (const int index : std::as_const(m_order))
            chosen.append(columns.at(index));
        m_cells.resize(m_order.size());
        return m_writer->open(chosen);
    }

    CsvError writeRow(const QVariantList &cells) override
    {
        for (qsizetype i = 0; i < m_order.size(); ++i)
            m_cells[i] = cells.value(m_order.at(i));
        return m_writer->writeRow(m_cells);
    }

    CsvError commit() override { return m_writer->commit(); }
    qint64 rowsWritten() const override { return m_writer->rowsWritten(); }
    qint64 replacements() const override { return m_writer->replacements(); }

private:
    std::unique_ptr<TableWriter> m_writer;
    QList<int> m_order;
    QVariantList m_cells;
};

} // namespace

std::unique_ptr<TableWriter> TableWriter::create(const QString &path, ExportFormat format, const Options &options)
{
    std::unique_ptr<TableWriter> writer;
    if (format == ExportFormat::Xlsx)
        writer = std::make_unique<XlsxTableWriter>(path, options);
    else
        writer = std::make_unique<CsvTableWriter>(path, format, options);
    if (options.columnOrder.isEmpty())
        return writer;
    return std::make_unique<SelectedColumnsWriter>(std::move(writer), options.columnOrder);
}

} // namespace kessai
