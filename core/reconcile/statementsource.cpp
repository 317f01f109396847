#include "statementsource.h"

#include "api/apireply.h"
#include "api/keysetpager.h"
#include "api/merchantclient.h"
#include "api/paymentlistpage.h"

namespace kessai {

QList<StatementEntry> statementEntries(const QList<StatementLine> &lines)
{
    QList<StatementEntry> entries;
    entries.reserve(lines.size());
    for (const StatementLine &line : lines) {
        // Sales and cancels move a payment's money; later kinds without a payment (fees,
        // adjustments) are not orders of the merchant and stay out of the match.
        if (line.paymentId == 0 || (line.kind != QLatin1String("sale") && line.kind != QLatin1String("cancel")))
            continue;
        StatementEntry entry;
        entry.tradingId = line.tradingId;
        entry.paymentId = QString::number(line.paymentId);
        entry.amount = line.amount;
        entry.kind = line.kind == QLatin1String("cancel") ? StatementEntry::Kind::Cancel : StatementEntry::Kind::Sale;
        entries.append(entry);
    }
    return entries;
}

StatementLinesReader::StatementLinesReader(MerchantClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_pager(new KeysetPager(this))
{
    m_pager->setRequests(
        [this](const QString &cursor, int limit) -> ApiReply * {
            return m_client ? m_client->statementLines(m_query, cursor, limit) : nullptr;
        },
        [this](ApiReply &reply) -> std::optional<QString> {
            QString why;
            auto page = readStatementLinesPage(reply.body(), &why);
            if (!page) {
                reply.setMalformed(why);
                return std::nullopt;
            }
            m_lines.append(page->items);
            return page->nextCursor;
        });
    connect(m_pager, &KeysetPager::pageRead, this, [this] {
        if (!m_running)
            return;
        Q_EMIT progress(m_lines.size());
        if (m_pager->isExhausted()) {
            m_running = false;
            Q_EMIT finished(ApiError());
            return;
        }
        m_pager->fetch(1000);
    });
    connect(m_pager, &KeysetPager::failed, this, [this](const ApiError &error) {
        if (!m_running)
            return;
        m_running = false;
        Q_EMIT finished(error);
    });
}

StatementLinesReader::~StatementLinesReader() = default;

void StatementLinesReader::start(const QString &statementId)
{
    cancel();
    m_lines.clear();
    m_query = StatementLineQuery();
    m_query.statementId = statementId;
    m_running = true;
    m_pager->restart(false);
    if (!m_pager->fetch(1000)) {
        m_running = false;
        ApiError error;
        error.kind = ApiError::Kind::Connection;
        error.message = tr("Not connected to the gateway.");
        Q_EMIT finished(error);
    }
}

void StatementLinesReader::cancel()
{
    m_running = false;
    m_pager->stop();
}

ApiError StatementLinesReader::readAll(const QString &statementId)
{
    cancel();
    m_lines.clear();
    m_query = StatementLineQuery();
    m_query.statementId = statementId;
    m_pager->restart(false);
    return m_pager->readAll(1000);
}

CapturedPaymentsReader::CapturedPaymentsReader(MerchantClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_pager(new KeysetPager(this))
{
    m_pager->setRequests(
        [this](const QString &cursor, int limit) -> ApiReply * {
            return m_client ? m_client->paymentPage(m_query, cursor, limit) : nullptr;
        },
        [this](ApiReply &reply) -> std::optional<QString> {
            QString why;
            auto page = readPaymentListPage(reply.body(), &why);
            if (!page) {
                reply.setMalformed(why);
                return std::nullopt;
            }
            for (const PaymentListItem &item : std::as_const(page->items)) {
                StatementEntry entry;
                entry.tradingId = item.tradingId;
                entry.paymentId = QString::number(item.paymentId);
                entry.amount = item.amount;
                entry.kind = StatementEntry::Kind::Sale;
                m_entries.append(entry);
            }
            return page->nextCursor;
        });
    connect(m_pager, &KeysetPager::pageRead, this, [this] {
        if (!m_running)
            return;
        Q_EMIT progress(m_entries.size());
        if (m_pager->isExhausted()) {
            m_running = false;
            Q_EMIT finished(ApiError());
            return;
        }
        m_pager->fetch(1000);
    });
    connect(m_pager, &KeysetPager::failed, this, [this](const ApiError &error) {
        if (!m_running)
            return;
        m_running = false;
        Q_EMIT finished(error);
    });
}

CapturedPaymentsReader::~CapturedPaymentsReader() = default;

PaymentQuery CapturedPaymentsReader::queryFor(const QDate &from, const QDate &to)
{
    PaymentQuery query;
    query.statuses = {40, 41};
    query.clearedFrom = from;
    query.clearedTo = to;
    query.sort = PaymentQuery::SortKey::ClearedTime;
    query.descending = false;
    return query;
}

void CapturedPaymentsReader::start(const QDate &from, const QDate &to)
{
    cancel();
    m_entries.clear();
    m_query = queryFor(from, to);
    m_running = true;
    m_pager->restart(false);
    if (!m_pager->fetch(1000)) {
        m_running = false;
        ApiError error;
        error.kind = ApiError::Kind::Connection;
        error.message = tr("Not connected to the gateway.");
        Q_EMIT finished(error);
    }
}

void CapturedPaymentsReader::cancel()
{
    m_running = false;
    m_pager->stop();
}

ApiError CapturedPaymentsReader::readAll(const QDate &from, const QDate &to)
{
    cancel();
    m_entries.clear();
    m_query = queryFor(from, to);
    m_pager->restart(false);
    return m_pager->readAll(1000);
}

} // namespace kessai
