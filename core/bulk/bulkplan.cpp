#include "bulkplan.h"

#include "api/apireply.h"
#include "api/keysetpager.h"
#include "api/merchantclient.h"

#include "domain/paymentcatalog.h"

#include <QCoreApplication>

#include <algorithm>

namespace kessai {

namespace {

quint8 actionBit(PaymentAction::Kind kind)
{
    switch (kind) {
    case PaymentAction::Kind::Capture:
        return PaymentListItem::Capture;
    case PaymentAction::Kind::Cancel:
        return PaymentListItem::Cancel;
    case PaymentAction::Kind::ChangeAmount:
        return PaymentListItem::ChangeAmount;
    }
    return PaymentListItem::NoAction;
}

} // namespace

BulkPlan::Group &BulkPlan::group(const QString &type, int status)
{
    const auto at = std::lower_bound(groups.begin(), groups.end(), std::pair(type, status),
                                     [](const Group &g, const std::pair<QString, int> &key) {
                                         return std::pair(g.type, g.status) < key;
                                     });
    if (at != groups.end() && at->type == type && at->status == status)
        return *at;
    Group fresh;
    fresh.type = type;
    fresh.status = status;
    return *groups.insert(at, fresh);
}

void BulkPlan::add(const PaymentListItem &item)
{
    const QString id = QString::number(item.paymentId);
    Group &g = group(item.type, item.status);
    if (item.actions & actionBit(kind)) {
        // The whole authorized amount (capture) or the current amount (cancel): no amount is sent.
        items.append({id, 0});
        ++g.count;
        g.amount += item.amount;
        total += item.amount;
        return;
    }
    BatchJournal::Item left;
    left.paymentId = id;
    left.state = BatchJournal::ItemState::Skipped;
    left.statusAfter = item.status;
    left.amountAfter = item.amount;
    left.type = item.type;
    left.errorCode = QStringLiteral("status_not_allowed");
    ++g.skipped;
    skipped.append(left);
}

void BulkPlan::addUnknown(const QString &paymentId)
{
    items.append({paymentId, 0});
    ++unknown;
}

QString bulkItemReason(const BatchJournal::Item &item)
{
    if (item.state == BatchJournal::ItemState::Skipped)
        return QCoreApplication::translate("kessai::BulkPlan",
                                           "Left out: the gateway does not allow this on the payment in its status (%1).")
            .arg(PaymentCatalog::statusLabel(item.statusAfter, item.type));
    if (item.state == BatchJournal::ItemState::Failed)
        return paymentActionErrorText(item.errorCode, item.errorMessage);
    return {};
}

BulkPlanner::BulkPlanner(MerchantClient *client, PaymentAction::Kind kind, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_pager(new KeysetPager(this))
    , m_plan(kind)
{
    m_pager->setRequests(
        [this](const QString &cursor, int limit) -> ApiReply * {
            return m_client ? m_client->paymentPage(m_query, cursor, limit) : nullptr;
        },
        [this](ApiReply &reply) -> std::optional<QString> {
            QString error;
            const auto page = readPaymentListPage(reply.body(), &error);
            if (!page) {
                reply.setMalformed(error);
                return std::nullopt;
            }
            for (const PaymentListItem &item : page->items) {
                ++m_read;
                if (!m_excluded.contains(item.paymentId))
                    m_plan.add(item);
            }
            return page->nextCursor;
        },
        [this]() -> ApiReply * { return m_client ? m_client->countPayments(m_query) : nullptr; });
    connect(m_pager, &KeysetPager::pageRead, this, &BulkPlanner::onPage);
    connect(m_pager, &KeysetPager::totalChanged, this, [this](qint64 total) { Q_EMIT progress(m_read, total); });
    connect(m_pager, &KeysetPager::failed, this, [this](const ApiError &error) {
        if (m_done)
            return;
        m_done = true;
        Q_EMIT failed(error, false);
    });
}

BulkPlanner::~BulkPlanner() = default;

void BulkPlanner::start(const PaymentQuery &query, const QStringList &excludedIds)
{
    m_query = query;
    m_excluded.clear();
    for (const QString &id : excludedIds)
        m_excluded.insert(id.toLongLong());
    m_plan = BulkPlan(m_plan.kind);
    m_read = 0;
    m_done = false;
    m_pager->restart(true);
    m_pager->fetch(PageSize);
}

void BulkPlanner::cancel()
{
    m_done = true;
    m_pager->stop();
}

void BulkPlanner::onPage()
{
    if (m_done)
        return;
    Q_EMIT progress(m_read, m_pager->total());
    if (m_plan.size() > BulkPlan::MaxItems) {
        m_done = true;
        m_pager->stop();
        Q_EMIT failed({}, true);
        return;
    }
    if (m_pager->isExhausted()) {
        m_done = true;
        Q_EMIT finished();
        return;
    }
    m_pager->fetch(PageSize);
}

} // namespace kessai
