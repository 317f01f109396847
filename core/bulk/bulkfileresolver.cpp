#include "bulkfileresolver.h"

#include "api/merchantclient.h"
#include "domain/payment.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonObject>

#include <utility>

namespace kessai {

namespace {

// More matches than this are named as the first ones and "…": the user needs the 決済ID anyway.
constexpr int MatchesShown = 20;

} // namespace

BulkFileResolver::BulkFileResolver(MerchantClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
}

BulkFileResolver::~BulkFileResolver()
{
    cancel();
}

void BulkFileResolver::start(const BulkFile &file)
{
    cancel();
    m_file = file;
    m_error = {};
    m_todo.clear();
    for (int i = 0; i < m_file.lines().size(); ++i) {
        if (!m_file.lines().at(i).tradingId.isEmpty())
            m_todo.append(i);
    }
    m_next = 0;
    m_done = 0;
    m_inFlight = 0;
    m_running = true;
    Q_EMIT progress(0, int(m_todo.size()));
    if (!m_client) {
        m_error.kind = ApiError::Kind::Connection;
        m_error.message = tr("Not connected to the gateway.");
        finish();
        return;
    }
    sendMore();
}

void BulkFileResolver::cancel()
{
    if (!m_running)
        return;
    m_running = false;
    abortAll();
}

void BulkFileResolver::abortAll()
{
    // An aborted reply may finish at once, inside abort(): the list is taken out first.
    const QList<QPointer<ApiReply>> replies = std::exchange(m_replies, {});
    for (const QPointer<ApiReply> &reply : replies) {
        if (reply)
            reply->abort();
    }
}

void BulkFileResolver::sendMore()
{
    while (m_running && m_inFlight < InFlight && m_next < m_todo.size()) {
        const int index = m_todo.at(m_next++);
        PaymentQuery query;
        query.tradingId = m_file.lines().at(index).tradingId; // checked: no '*', so an exact match
        ApiReply *reply = m_client->searchPayments(query, QString(), MatchesShown + 1, false);
        ++m_inFlight;
        m_replies.append(reply);
        connect(reply, &ApiReply::finished, this, [this, index, reply] { onAnswer(index, reply); });
    }
    if (m_running && m_inFlight == 0 && m_next >= m_todo.size())
        finish();
}

void BulkFileResolver::onAnswer(int index, ApiReply *reply)
{
    m_replies.removeAll(reply);
    --m_inFlight;
    if (!m_running)
        return;
    if (!reply->ok()) {
        m_error = reply->error();
        m_running = false;
        abortAll();
        Q_EMIT finished();
        return;
    }
    BulkFileLine &line = m_file.lines()[index];
    QStringList ids;
    for (const QJsonValue &item : reply->json().object().value(QLatin1String("items")).toArray())
        ids.append(Payment::fromJson(item.toObject()).paymentId);
    QString shown = QStringList(ids.mid(0, MatchesShown)).join(QStringLiteral(", "));
    if (ids.size() > MatchesShown)
        shown += QStringLiteral(", …");
    if (ids.isEmpty()) {
        m_file.addError(line.line, tr("No payment has 取引ID %1.").arg(line.tradingId));
        line.paymentId = QStringLiteral("-"); // marks the line as dropped below
    } else if (!line.paymentId.isEmpty()) {
        if (!ids.contains(line.paymentId)) {
            m_file.addError(line.line, tr("Payment %1 is not a payment of 取引ID %2 (its payments: %3).")
                                           .arg(line.paymentId, line.tradingId, shown));
            line.paymentId = QStringLiteral("-");
        }
    } else if (ids.size() > 1) {
        m_file.addError(line.line, tr("取引ID %1 matches %2 payments: %3. Give the 決済ID (payment_id) of the one meant.")
                                       .arg(line.tradingId)
                                       .arg(ids.size() > MatchesShown ? tr("more than %1").arg(MatchesShown)
                                                                      : QString::number(ids.size()))
                                       .arg(shown));
        line.paymentId = QStringLiteral("-");
    } else {
        line.paymentId = ids.first();
    }
    ++m_done;
    Q_EMIT progress(m_done, int(m_todo.size()));
    sendMore();
}

void BulkFileResolver::finish()
{
    if (!m_running)
        return;
    m_running = false;
    if (!m_error.isError()) {
        QList<BulkFileLine> kept;
        for (const BulkFileLine &l : std::as_const(m_file.lines())) {
            if (l.paymentId != QLatin1String("-"))
                kept.append(l);
        }
        m_file.lines() = kept;
        m_file.checkDuplicatePayments(); // also sorts the errors into line order
    }
    Q_EMIT finished();
}

BulkFile BulkFileResolver::resolve(MerchantClient *client, const BulkFile &file, ApiError *error)
{
    BulkFileResolver resolver(client);
    QEventLoop loop;
    connect(&resolver, &BulkFileResolver::finished, &loop, &QEventLoop::quit);
    resolver.start(file);
    if (resolver.isRunning())
        loop.exec();
    if (error)
        *error = resolver.error();
    return resolver.result();
}

} // namespace kessai
