#pragma once

#include "common/result.h"
#include "db/database.h"
#include "db/transaction.h"
#include "domain/payment.h"

#include <QList>
#include <QSqlQuery>
#include <QString>
#include <QStringList>

#include <optional>

namespace kessai::gateway {

// What a search is ordered by; ties are always broken by payment_id in the same direction.
enum class PaymentSort { TradeTime, Amount, DueTime, ClearedTime, TradingId };

// A position in a search order: the sort, its direction and the last row of the previous page.
// A missing due or cleared time is the key -1, so it sorts lowest.
struct PaymentCursor
{
    PaymentSort sort = PaymentSort::TradeTime;
    bool ascending = false;
    qint64 key = 0;      // every sort but TradingId
    QString tradingKey;  // TradingId
    qint64 paymentId = 0;

    QString encode() const; // opaque to clients: base64url of "sort:order:key:payment_id"
    static std::optional<PaymentCursor> decode(const QString &text);
};

// Half-open [from, to) range of epoch seconds; either end may be open.
struct TimeRange
{
    std::optional<qint64> from;
    std::optional<qint64> to;

    bool isSet() const { return from || to; }
};

struct PaymentFilter
{
    QString tradingId;            // exact, or a prefix when tradingIdPrefix
    bool tradingIdPrefix = false;
    std::optional<qint64> paymentId;
    QList<int> statuses;          // empty = any
    bool restrictTypes = false;   // when true only `types` (possibly none) are visible
    QStringList types;
    TimeRange trade;
    TimeRange due;
    TimeRange cleared;
    std::optional<qint64> amountMin; // inclusive
    std::optional<qint64> amountMax; // inclusive
    QString cardLast4;
    QString customer;             // substring of name or kana; digits also match the phone
    PaymentSort sort = PaymentSort::TradeTime;
    bool ascending = false;
    std::optional<PaymentCursor> after;
    int limit = 100;
    bool count = true;
};

struct PaymentPage
{
    QList<Payment> items;
    std::optional<PaymentCursor> next;
    std::optional<qint64> total;
};

struct PaymentEvent
{
    qint64 at = 0;
    QString actor;
    int fromStatus = 0; // 0 = created
    int toStatus = 0;
    qint64 amount = 0;  // 0 = not recorded
};

// Everything GET /v1/payments/{id} shows about one payment.
struct PaymentDetail
{
    Payment payment;
    qint64 authorizedAmount = 0; // 0 = none
    QString receiptNumber;       // CVS 受付番号
    QString paymentNumber;       // ATM お客様番号 (Pay-easy)
    QString paymentClass;        // card 支払区分 (10, 61, 23, 80) when registered by hand
    int splitCount = 0;          // 0 = none
    QList<PaymentEvent> events;  // oldest first
};

// One payment row as stored; used by the demo generator and (later) registration.
struct PaymentRecord
{
    qint64 paymentId = 0;
    QString merchantId;
    QString tradingId;
    QString type;
    int status = 0;
    qint64 amount = 0;
    qint64 authorizedAmount = 0; // 0 = none (not a card)
    QString institution;
    qint64 tradeTime = 0;
    qint64 dueTime = 0;     // 0 = none
    qint64 clearedTime = 0; // 0 = none
    qint64 basePaymentId = 0;
    CardInfo card;
    Customer customer;
    QString receiptNumber; // CVS only
    QString paymentNumber; // ATM only
};

struct PaymentEventRecord
{
    qint64 paymentId = 0;
    qint64 at = 0;
    QString actor;
    int fromStatus = 0; // 0 = created
    int toStatus = 0;
    qint64 amount = 0;
};

class PaymentStore
{
public:
    static constexpr qint64 FirstPaymentId = 100000000000000001LL;

    explicit PaymentStore(const Database &database);

    Result<PaymentPage> search(const QString &merchantId, const PaymentFilter &filter);
    // The number of payments matching the filter; its cursor, limit and sort do not matter.
    Result<qint64> count(const QString &merchantId, const PaymentFilter &filter);
    // One payment of this merchant with its events; nullopt for an unknown id or another
    // merchant's payment.
    Result<std::optional<PaymentDetail>> find(const QString &merchantId, qint64 paymentId);
    Result<qint64> maxPaymentId();

    // Fast bulk loading in one transaction with two prepared statements reused for every row
    // (SQLite) or for every BatchRows rows, each column bound as one array (PostgreSQL, where
    // every statement is a round trip). The search indexes are dropped first and built once at
    // the end.
    class BulkLoader
    {
    public:
        explicit BulkLoader(const Database &database);
        ~BulkLoader();
        BulkLoader(const BulkLoader &) = delete;
        BulkLoader &operator=(const BulkLoader &) = delete;

        Result<void> begin(qint64 now);
        Result<void> add(const PaymentRecord &payment);
        Result<void> addEvent(const PaymentEventRecord &event);
        Result<void> finish();

        static constexpr int BatchRows = 1000;

    private:
        Result<void> flush();

        const Database &m_database;
        QSqlDatabase m_db;
        std::optional<Transaction> m_transaction;
        std::optional<QSqlQuery> m_insertPayment;
        std::optional<QSqlQuery> m_insertEvent;
        qint64 m_now = 0;
        bool m_relaxedDurability = false;
        bool m_batched = false;       // PostgreSQL
        QVariantList m_pendingPayments; // batched rows' values, row after row
        QVariantList m_pendingEvents;
    };

private:
    const Database &m_database;
};

} // namespace kessai::gateway
