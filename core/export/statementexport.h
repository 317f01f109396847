#pragma once

#include "api/keysetpager.h"
#include "api/statement.h"
#include "export/paymentexporter.h"
#include "export/tablewriter.h"

#include <QObject>
#include <QPointer>

#include <memory>

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

// Writes every line of a statement (of the chosen methods and kinds) to a file, paging through
// the gateway 1,000 lines at a time on the event loop: progress, cancel, nothing left under the
// name unless every line was written.
class StatementLinesExporter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatementLinesExporter)

public:
    explicit StatementLinesExporter(MerchantClient *client, QObject *parent = nullptr);
    ~StatementLinesExporter() override;

    void setQuery(const StatementLineQuery &query) { m_query = query; }
    void setOutputPath(const QString &path) { m_path = path; }
    void setFormat(ExportFormat format) { m_format = format; }
    void setOptions(const TableWriter::Options &options) { m_options = options; }
    // The number of lines the walk will write, when the caller knows it (a statement's counts):
    // the progress total.
    void setExpectedLines(qint64 lines) { m_expected = lines; }

    bool isRunning() const { return m_running; }

public Q_SLOTS:
    void start();
    void cancel();

Q_SIGNALS:
    void progress(qint64 done, qint64 total); // total -1 when not known
    void finished(const kessai::ExportResult &result); // exactly once per start()

private:
    void writePage();
    void finish(ExportResult result);

    QPointer<MerchantClient> m_client;
    StatementLineQuery m_query;
    QString m_path;
    ExportFormat m_format = ExportFormat::CsvUtf8Bom;
    TableWriter::Options m_options;
    std::unique_ptr<TableWriter> m_writer;
    KeysetPager *m_pager;
    std::optional<StatementLinesPage> m_page;
    qint64 m_expected = -1;
    qint64 m_rows = 0;
    bool m_running = false;
};

} // namespace kessai
