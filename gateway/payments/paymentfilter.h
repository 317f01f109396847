#pragma once

#include "common/result.h"
#include "domain/payment.h"
#include "payments/paymentrows.h"

#include <QList>
#include <QSqlQuery>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

namespace kessai::gateway {

// The search side of payments: filters, sort orders, keyset cursors and result pages.

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
    // (type, status) pairs, any of which a payment must be in; empty = no such condition. The
    // parser also narrows statuses and types to those of the pairs, so their indexes serve it.
    QList<std::pair<QString, int>> typeStatuses;
    bool restrictTypes = false;   // when true only `types` (possibly none) are visible
    QStringList types;
    TimeRange trade;
    TimeRange due;
    TimeRange cleared;
    // "What is this charge?": the authorization (trade) or the capture/clearing time in range.
    TimeRange charged;
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
    PaymentRows items;
    std::optional<PaymentCursor> next;
    std::optional<qint64> total;
};

} // namespace kessai::gateway
