#include "paymentexporter.h"

#include "api/apireply.h"
#include "api/merchantclient.h"
#include "api/paymentlistpage.h"
#include "domain/japantime.h"
#include "domain/paymentcatalog.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonObject>
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
{
    qRegisterMetaType<kessai::ExportResult>();
}

PaymentExporter::~PaymentExporter()
{
    abortRequests(); // the file, if any, is discarded by ~CsvFile
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
    ApiReply *count = m_client->countPayments(m_query);
    m_countReply = count;
    connect(count, &ApiReply::finished, this, [this, count] {
        m_countReply = nullptr;
        if (!m_running || !count->ok())
            return; // progress just stays indeterminate
        m_total = count->json().object().value(QLatin1String("total")).toInteger(-1);
        Q_EMIT progress(m_rows, m_total);
    });
    Q_EMIT progress(0, -1);
    requestPage(QString());
}

void PaymentExporter::requestPage(const QString &cursor)
{
    ApiReply *reply = m_client->paymentPage(m_query, cursor, m_pageSize);
    m_pageReply = reply;
    m_pageTimer.start();
    connect(reply, &ApiReply::finished, this, [this, reply] { onPage(reply); });
}

void PaymentExporter::onPage(ApiReply *reply)
{
    if (!m_running || reply != m_pageReply)
        return;
    m_pageReply = nullptr;
    if (!reply->ok()) {
        ExportResult result;
        result.apiError = reply->error();
        finish(result);
        return;
    }
    const qint64 waited = m_pageTimer.elapsed();
    QString why;
    const auto page = readPaymentListPage(reply->body(), &why);
    if (!page) {
        reply->setMalformed(why);
        ExportResult result;
        result.apiError = reply->error();
        finish(result);
        return;
    }
    const QString next = page->nextCursor;
    // Ask for the next page before writing this one, so the gateway works while we write.
    if (!next.isEmpty())
        requestPage(next);

    QElapsedTimer writing;
    writing.start();
    CsvWriter &writer = m_file->writer();
    QStringList fields;
    fields.reserve(ColumnCount);
    for (const PaymentListItem &p : page->items) {
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
    qCDebug(lcExport) << "page of" << page->items.size() << "rows: gateway" << waited << "ms, written in" << writing.elapsed() << "ms";
    // After the last page the total is what was written, whether or not the count has come.
    Q_EMIT progress(m_rows, next.isEmpty() ? m_rows : m_total);
    if (!next.isEmpty())
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

void PaymentExporter::abortRequests()
{
    for (ApiReply *reply : {m_pageReply.data(), m_countReply.data()}) {
        if (reply) {
            reply->disconnect(this);
            reply->abort();
        }
    }
    m_pageReply = nullptr;
    m_countReply = nullptr;
}

void PaymentExporter::finish(ExportResult result)
{
    abortRequests();
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
