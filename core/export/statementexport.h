#pragma once

#include "api/statement.h"
#include "export/pagedexporter.h"
#include "export/tablewriter.h"

namespace kessai {

class MerchantClient;

// A statement as the exports write it: one row per payment method, the totals row, then the
// payout rows (carried in, transfer fee, carried out, payout). Every row repeats the period and
// the payout date, so a row means something on its own in a spreadsheet or an import.
namespace StatementExport {

QList<ExportColumn> summaryColumns(bool englishHeader = false);
QList<QVariantList> summaryRows(const Statement &statement);
// Writes the summary; the file appears only when every row is written.
ExportResult writeSummary(const Statement &statement, const QString &path, ExportFormat format,
                          const TableWriter::Options &options = {});

QList<ExportColumn> lineColumns(bool englishHeader = false);
QVariantList lineCells(const StatementLine &line);

// "statement_20261130.csv": the payout date names the file; lines add "_lines".
QString defaultFileName(const Statement &statement, bool lines, ExportFormat format);

} // namespace StatementExport

// Writes every line of a statement (of the chosen methods and kinds) to a file.
class StatementLinesExporter final : public PagedExporter
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatementLinesExporter)

public:
    explicit StatementLinesExporter(MerchantClient *client, QObject *parent = nullptr);
    ~StatementLinesExporter() override;

    void setQuery(const StatementLineQuery &query) { m_query = query; }

protected:
    QList<ExportColumn> columns(bool englishHeader) const override;
    ApiReply *requestPage(const QString &cursor, int limit) override;
    std::optional<QString> readPage(const ApiReply &reply, QList<QVariantList> &rows, QString *why) override;

private:
    StatementLineQuery m_query;
};

} // namespace kessai
