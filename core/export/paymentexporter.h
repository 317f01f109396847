#pragma once

#include "api/apierror.h"
#include "api/apireply.h"
#include "api/paymentexportstream.h"
#include "api/paymentlistpage.h"
#include "api/paymentquery.h"
#include "csv/csvwriter.h"
#include "export/tablewriter.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QVariantList>

#include <algorithm>
#include <memory>

namespace kessai {

class MerchantClient;

// How an export ended: the number of data rows written, or the gateway's or the file's error.
struct ExportResult
{
    QString path;
    qint64 rows = 0; // data rows, without the header
    qint64 replacements = 0; // characters written as '?' (only with setReplaceUnmappable(true))
    bool cancelled = false;
    ApiError apiError;
    CsvError csvError;

    bool ok() const { return !cancelled && !apiError.isError() && !csvError.isError(); }
    // A translated sentence for the user (empty when ok).
    QString errorText() const;
};

// Exports every payment that matches a search (not only the rows a view has loaded) to a file —
// CSV in the encodings of TableWriter, or an Excel workbook — from the gateway's one streamed
// answer (GET /v1/payments/export), written row by row as it arrives: memory stays flat whatever
// the number of rows. The total for the progress comes from GET /v1/payments/count beside it.
// The file appears at the path only when every row is written; a cancel, an error or an answer
// that broke off leaves no file. Card data is never exported.
class PaymentExporter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PaymentExporter)

public:
    enum Column {
        TradingIdColumn,
        PaymentIdColumn,
        TypeColumn,
        InstitutionColumn,
        StatusColumn,
        TradeTimeColumn,
        DueTimeColumn,
        ClearedTimeColumn,
        AmountColumn,
        ColumnCount
    };

    explicit PaymentExporter(MerchantClient *client, QObject *parent = nullptr);
    ~PaymentExporter() override;

    void setQuery(const PaymentQuery &query) { m_query = query; }
    void setOutputPath(const QString &path) { m_path = path; }
    void setFormat(ExportFormat format) { m_format = format; }
    ExportFormat format() const { return m_format; }
    // CSV in this encoding (CP932 unless told otherwise).
    void setEncoding(CsvEncoding encoding);
    // Rows between two progress() signals (default 1000).
    void setProgressStep(int rows) { m_progressStep = std::max(1, rows); }
    // The old name, from when the export paged through the search: now the progress step.
    void setPageSize(int size) { setProgressStep(size); }
    // CP932: write '?' for a character it cannot represent instead of failing with its row and
    // column (off by default: a silently changed name is worse than a clear error).
    void setReplaceUnmappable(bool replace) { m_replaceUnmappable = replace; }
    // The header row in English whatever the console's language (TableWriter::Options).
    void setEnglishHeader(bool english) { m_englishHeader = english; }
    // The columns written, as Column values, in this order; empty = all (TableWriter::Options).
    void setColumnOrder(const QList<int> &order) { m_columnOrder = order; }

    // Translated, or the English source names.
    static QStringList headerLabels(bool english = false);
    // The columns with their kinds: the IDs and labels as text, times as JST date-times, the
    // due date as a date, the amount as yen.
    static QList<ExportColumn> columns(bool englishHeader = false);
    // "payments_20260123_0930.csv" (or .xlsx) for the given local time.
    static QString defaultFileName(const QDateTime &now, ExportFormat format = ExportFormat::CsvCp932);

    bool isRunning() const { return m_running; }
    qint64 rowsWritten() const { return m_rows; }
    qint64 total() const { return m_total; }

public Q_SLOTS:
    void start();
    // Closes the connection, discards the temporary file and finishes as cancelled.
    void cancel();

Q_SIGNALS:
    // total is -1 until the gateway has counted; after the last row it is the rows written.
    void progress(qint64 done, qint64 total);
    // Exactly once per start().
    void finished(const kessai::ExportResult &result);

private:
    void writeRows(const QList<PaymentListItem> &items);
    void streamFinished();
    void finish(ExportResult result);
    void stopRequests();

    QPointer<MerchantClient> m_client;
    PaymentQuery m_query;
    QString m_path;
    ExportFormat m_format = ExportFormat::CsvCp932;
    int m_progressStep = 1000;
    bool m_replaceUnmappable = false;
    bool m_englishHeader = false;
    QList<int> m_columnOrder;
    std::unique_ptr<TableWriter> m_writer;
    QPointer<PaymentExportStream> m_stream;
    QPointer<ApiReply> m_count;
    QVariantList m_cells; // one row, reused
    QElapsedTimer m_timer;
    qint64 m_rows = 0;
    qint64 m_total = -1;
    bool m_running = false;
};

} // namespace kessai

Q_DECLARE_METATYPE(kessai::ExportResult)
