#pragma once

#include "domain/money.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrlQuery>

#include <optional>

namespace kessai {

// One (決済種別, 決済ステータス) choice of a search: 40 of cards (売上済) is not 40 of CVS (消込済).
struct TypeStatus
{
    QString type;
    int status = 0;

    bool operator==(const TypeStatus &other) const = default;
};

// The filters and order of a payment search (GET /v1/payments), independent of paging.
struct PaymentQuery
{
    enum class SortKey { TradeTime, Amount, DueTime, ClearedTime, TradingId };

    QString tradingId; // exact, or a prefix when it ends with '*'
    QString paymentId;
    QList<int> statuses;            // any type in these statuses
    QList<TypeStatus> typeStatuses; // any of these pairs (sent as type_status=02:40,03:43)
    QStringList types;
    // Date ranges are whole days in Japan time, both ends included (the gateway reads a plain
    // date as 00:00 JST; the end is sent as the next day, exclusive).
    QDate tradeFrom, tradeTo;
    QDate dueFrom, dueTo;
    QDate clearedFrom, clearedTo;
    // "What is this charge?": authorized or captured/cleared on one of these days.
    QDate chargeFrom, chargeTo;
    std::optional<Yen> amountMin, amountMax;
    QString cardLast4;
    QString customer; // name, kana or phone
    // Card authorizations (02 in オーソリOK) that lapse by the end of the day N days from today
    // (Japan time; 0 = today): what must be captured before it is too late. Relative, so a saved
    // search means the same days when it is run again.
    std::optional<int> authExpiresWithinDays;
    SortKey sort = SortKey::TradeTime;
    bool descending = true;

    bool operator==(const PaymentQuery &other) const = default;

    // Adds the filter and sort parameters to a URL query (paging is added by the caller).
    // `today` (Japan time) anchors the relative conditions; invalid = the real today.
    void addTo(QUrlQuery &query, QDate today = QDate()) const;
    // Filters only: true when nothing narrows the search.
    bool isEmpty() const;

    // The same search without personal data (the customer name, kana or phone): what is
    // remembered in the settings file, which is plain text and may sit on a shared PC.
    PaymentQuery withoutPersonalData() const
    {
        PaymentQuery copy = *this;
        copy.customer.clear();
        return copy;
    }

    // The URL query form, to remember a search (last search, named searches).
    QString toQueryString() const;
    static PaymentQuery fromQueryString(const QString &text);

    static QString sortKeyName(SortKey key);

private:
    void addFilters(QUrlQuery &query) const; // every filter but the relative ones
    void addOrder(QUrlQuery &query) const;
};

} // namespace kessai
