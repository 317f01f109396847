#pragma once

#include "api/apierror.h"
#include "api/keysetpager.h"
#include "api/paymentlistpage.h"
#include "api/paymentquery.h"
#include "csv/csvwriter.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <memory>
#include <optional>

namespace kessai {

class ApiReply;
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

// Exports every payment that matches a search (not only the rows a view has loaded) to a CSV
// file, paging through the gateway with the keyset cursor on the event loop. Memory stays
// bounded: one page in flight, one being written. The file appears at the path only when every
// row is written; a cancel or an error leaves no file. Card data is never exported.
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
    void setEncoding(CsvEncoding encoding) { m_encoding = encoding; }
    void setPageSize(int size) { m_pageSize = size; } // 1..1000
    // CP932: write '?' for a character it cannot represent instead of failing with its row and
    // column (off by default: a silently changed name is worse than a clear error).
    void setReplaceUnmappable(bool replace) { m_replaceUnmappable = replace; }

    static QStringList headerLabels();
    // "payments_20260123_0930.csv" for the given local time.
    static QString defaultFileName(const QDateTime &now);

    bool isRunning() const { return m_running; }
    qint64 rowsWritten() const { return m_rows; }
    qint64 total() const { return m_total; }

public Q_SLOTS:
    void start();
    // Aborts the request in flight, discards the temporary file and finishes as cancelled.
    void cancel();

Q_SIGNALS:
    // total is -1 until the gateway has counted; after the last page it is the rows written.
    void progress(qint64 done, qint64 total);
    // Exactly once per start().
    void finished(const kessai::ExportResult &result);

private:
    void writePage();
    void finish(ExportResult result);

    QPointer<MerchantClient> m_client;
    PaymentQuery m_query;
    QString m_path;
    CsvEncoding m_encoding = CsvEncoding::Cp932;
    int m_pageSize = 1000;
    bool m_replaceUnmappable = false;
    std::unique_ptr<CsvFile> m_file;
    KeysetPager *m_pager;
    std::optional<PaymentListPage> m_page; // read, not yet written
    QElapsedTimer m_pageTimer;
    qint64 m_rows = 0;
    qint64 m_total = -1;
    bool m_running = false;
};

} // namespace kessai

Q_DECLARE_METATYPE(kessai::ExportResult)
