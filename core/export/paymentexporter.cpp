#include "paymentexporter.h"

#include "api/apireply.h"
#include "api/merchantclient.h"
#include "api/paymentlistpage.h"
#include "domain/japantime.h"
#include "domain/paymentcatalog.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcExport, "kessai.export", QtInfoMsg)

namespace kessai {

namespace {

// A time as Japan time, "yyyy/MM/dd HH:mm:ss" (or the date only), as the console shows it.
QString japanTime(qint64 seconds, bool dateOnly)
{
    return seconds == 0 ? QString() : JapanTime::format(seconds, dateOnly);
}

} // namespace

QString ExportResult::errorText() const
{
    if (cancelled)
        return PaymentExporter::tr("The export was cancelled.");
    if (apiError.isError())
        return apiError.displayText();
    if (csvError.isError())
        return csvError.message();
    return {};
}

PaymentExporter::PaymentExporter(MerchantClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_pager(new KeysetPager(this))
{
    qRegisterMetaType<kessai::ExportResult>();
    m_pager->setRequests(
        [this](const QString &cursor, int limit) {
            m_pageTimer.start();
            return m_client->paymentPage(m_query, cursor, limit);
        },
        [this](ApiReply &reply) -> std::optional<QString> {
            QString why;
            m_page = readPaymentListPage(reply.body(), &why);
            if (!m_page) {
                reply.setMalformed(why);
                return std::nullopt;
            }
            return m_page->nextCursor;
        },
        [this] { return m_client->countPayments(m_query); });
    connect(m_pager, &KeysetPager::pageRead, this, &PaymentExporter::writePage);
    connect(m_pager, &KeysetPager::failed, this, [this](const ApiError &error) {
        ExportResult result;
        result.apiError = error;
        finish(result);
    });
    connect(m_pager, &KeysetPager::totalChanged, this, [this](qint64 total) {
        if (!m_running || total < 0)
            return; // progress just stays indeterminate
        m_total = total;
        Q_EMIT progress(m_rows, m_total);
    });
}

PaymentExporter::~PaymentExporter()
{
    m_pager->stop(); // the file, if any, is discarded by ~CsvFile
}

QStringList PaymentExporter::headerLabels()
{
    // PAYGENT online's column names and order.
    return {tr("Trading ID"), tr("Payment ID"), tr("Payment type"), tr("Institution"), tr("Status"),
            tr("Trade time"), tr("Due date"), tr("Cleared time"), tr("Amount")};
}

QString PaymentExporter::defaultFileName(const QDateTime &now)
{
    return QStringLiteral("payments_%1.csv").arg(now.toString(QStringLiteral("yyyyMMdd_HHmm")));
}

void PaymentExporter::start()
{
    if (m_running)
        return;
    m_running = true;
    m_rows = 0;
    m_total = -1;
    if (!m_client) {
        ExportResult result;
        result.apiError.kind = ApiError::Kind::Connection;
        result.apiError.message = tr("Not connected to the gateway.");
        finish(result);
        return;
    }
    CsvWriter::Options options;
    options.encoding = m_encoding;
    options.replaceUnmappable = m_replaceUnmappable;
    m_file = std::make_unique<CsvFile>(m_path, options);
    if (CsvError error = m_file->open(); error.isError()) {
        ExportResult result;
        result.csvError = error;
        finish(result);
        return;
    }
    m_file->writer().setNumericColumns({AmountColumn});
    if (CsvError error = m_file->writer().writeRow(headerLabels()); error.isError()) {
        ExportResult result;
        result.csvError = error;
        finish(result);
        return;
    }

    // The rows do not wait for their total (a count can be slower than a page): ask for both.
    Q_EMIT progress(0, -1);
    m_pager->restart(true);
    m_pager->fetch(m_pageSize);
}

void PaymentExporter::writePage()
{
    if (!m_running || !m_page)
        return;
    const PaymentListPage page = std::move(*m_page);
    m_page.reset();
    const qint64 waited = m_pageTimer.elapsed();
    const bool last = m_pager->isExhausted();
    // Ask for the next page before writing this one, so the gateway works while we write.
    m_pager->fetch(m_pageSize);

    QElapsedTimer writing;
    writing.start();
    CsvWriter &writer = m_file->writer();
    QStringList fields;
    fields.reserve(ColumnCount);
    for (const PaymentListItem &p : page.items) {
        fields.clear();
        fields << p.tradingId << QString::number(p.paymentId) << PaymentCatalog::typeLabel(p.type) << p.institution
               << PaymentCatalog::statusLabel(p.status, p.type) << japanTime(p.tradeTime, false)
               << japanTime(p.dueTime, true) << japanTime(p.clearedTime, false) << QString::number(p.amount);
        if (CsvError error = writer.writeRow(fields); error.isError()) {
            ExportResult result;
            result.csvError = error;
            finish(result);
            return;
        }
        ++m_rows;
    }
    qCDebug(lcExport) << "page of" << page.items.size() << "rows: gateway" << waited << "ms, written in" << writing.elapsed() << "ms";
    // After the last page the total is what was written, whether or not the count has come.
    Q_EMIT progress(m_rows, last ? m_rows : m_total);
    if (!last)
        return;

    ExportResult result;
    result.rows = m_rows;
    result.replacements = m_file->writer().replacements();
    result.csvError = m_file->commit();
    finish(result);
}

void PaymentExporter::cancel()
{
    if (!m_running)
        return;
    ExportResult result;
    result.cancelled = true;
    finish(result);
}

void PaymentExporter::finish(ExportResult result)
{
    m_pager->stop();
    m_page.reset();
    if (m_file && !result.ok())
        m_file->cancel();
    m_file.reset();
    m_running = false;
    result.path = m_path;
    if (!result.ok() && !result.cancelled)
        qCInfo(lcExport) << "export failed:" << result.errorText();
    Q_EMIT finished(result);
}

} // namespace kessai
