#pragma once

#include "api/apierror.h"
#include "api/paymentaction.h"
#include "api/paymentlistpage.h"
#include "api/paymentquery.h"
#include "journal/batchjournal.h"

#include <QObject>
#include <QPointer>
#include <QSet>

namespace kessai {

class KeysetPager;
class MerchantClient;

// What a bulk capture or cancel (一括処理) will do before it is confirmed: the payments to send,
// those left out because the gateway does not allow the action on them now (from each row's
// `actions`), and both counted by payment type and status. The gateway still decides each item.
struct BulkPlan
{
    struct Group
    {
        QString type; // "02"
        int status = 0;
        int count = 0;   // to send
        Yen amount = 0;  // of those to send
        int skipped = 0; // left out
    };

    PaymentAction::Kind kind = PaymentAction::Kind::Capture;
    QList<PaymentActionItem> items;       // to send, in the order read
    QList<BatchJournal::Item> skipped;    // left out, with their reason
    QList<Group> groups;                  // by type, then status
    Yen total = 0;                        // the amount of the items to send
    int unknown = 0;                      // sent without a row to judge by (not loaded)

    // The largest batch one confirmation may start (a million-row search is narrowed first).
    static constexpr int MaxItems = 100000;

    explicit BulkPlan(PaymentAction::Kind k = PaymentAction::Kind::Capture)
        : kind(k)
    {
    }
    // A payment as a search row shows it: sent when its actions allow the kind, else left out.
    void add(const PaymentListItem &item);
    // A payment no row describes: sent, and the gateway answers for it.
    void addUnknown(const QString &paymentId);
    int size() const { return int(items.size() + skipped.size()); }

private:
    Group &group(const QString &type, int status);
};

// Why an item of a batch failed or was left out, in words (empty for the others).
QString bulkItemReason(const BatchJournal::Item &item);

// Builds the plan of "all N matching" (全件チェック): walks the search page by page without
// loading the table, leaves out the payments unchecked since, and stops at MaxItems.
class BulkPlanner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BulkPlanner)

public:
    BulkPlanner(MerchantClient *client, PaymentAction::Kind kind, QObject *parent = nullptr);
    ~BulkPlanner() override;

    void start(const PaymentQuery &query, const QStringList &excludedIds);
    void cancel();
    const BulkPlan &plan() const { return m_plan; }

    static constexpr int PageSize = 1000;

Q_SIGNALS:
    // read: payments read so far; total: what the search matches (-1 until counted).
    void progress(qint64 read, qint64 total);
    void finished();
    // The walk failed, or it would pass MaxItems (tooMany).
    void failed(const kessai::ApiError &error, bool tooMany);

private:
    void onPage();

    QPointer<MerchantClient> m_client;
    KeysetPager *m_pager;
    PaymentQuery m_query;
    QSet<qint64> m_excluded;
    BulkPlan m_plan;
    qint64 m_read = 0;
    bool m_done = false;
};

} // namespace kessai
