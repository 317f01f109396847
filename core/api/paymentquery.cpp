#include "paymentquery.h"

#include "domain/japantime.h"

#include <algorithm>

namespace kessai {

namespace {

void addRange(QUrlQuery &query, const QString &name, const QDate &from, const QDate &to)
{
    if (from.isValid())
        query.addQueryItem(name + QStringLiteral("_from"), from.toString(Qt::ISODate));
    if (to.isValid())
        query.addQueryItem(name + QStringLiteral("_to"), to.addDays(1).toString(Qt::ISODate));
}

} // namespace

QString PaymentQuery::sortKeyName(SortKey key)
{
    switch (key) {
    case SortKey::TradeTime:
        return QStringLiteral("trade_time");
    case SortKey::Amount:
        return QStringLiteral("amount");
    case SortKey::DueTime:
        return QStringLiteral("due_time");
    case SortKey::ClearedTime:
        return QStringLiteral("cleared_time");
    case SortKey::TradingId:
        return QStringLiteral("trading_id");
    }
    return QStringLiteral("trade_time");
}

void PaymentQuery::addTo(QUrlQuery &query, QDate today) const
{
    addFilters(query);
    if (authExpiresWithinDays) {
        // The end of that day in Japan: the gateway reads a plain date as 00:00 JST, exclusive.
        const QDate base = today.isValid() ? today : JapanTime::today();
        query.addQueryItem(QStringLiteral("auth_expires_to"),
                           base.addDays(std::max(0, *authExpiresWithinDays) + 1).toString(Qt::ISODate));
    }
    addOrder(query);
}

void PaymentQuery::addFilters(QUrlQuery &query) const
{
    const QString trading = tradingId.trimmed();
    if (!trading.isEmpty())
        query.addQueryItem(QStringLiteral("trading_id"), trading);
    const QString payment = paymentId.trimmed();
    if (!payment.isEmpty())
        query.addQueryItem(QStringLiteral("payment_id"), payment);
    if (!statuses.isEmpty()) {
        QStringList codes;
        for (int status : statuses)
            codes.append(QString::number(status));
        query.addQueryItem(QStringLiteral("status"), codes.join(u','));
    }
    if (!typeStatuses.isEmpty()) {
        QStringList pairs;
        for (const TypeStatus &pair : typeStatuses)
            pairs.append(pair.type + u':' + QString::number(pair.status));
        query.addQueryItem(QStringLiteral("type_status"), pairs.join(u','));
    }
    if (!types.isEmpty())
        query.addQueryItem(QStringLiteral("type"), types.join(u','));
    addRange(query, QStringLiteral("trade"), tradeFrom, tradeTo);
    addRange(query, QStringLiteral("due"), dueFrom, dueTo);
    addRange(query, QStringLiteral("cleared"), clearedFrom, clearedTo);
    addRange(query, QStringLiteral("charge"), chargeFrom, chargeTo);
    if (amountMin)
        query.addQueryItem(QStringLiteral("amount_min"), QString::number(*amountMin));
    if (amountMax)
        query.addQueryItem(QStringLiteral("amount_max"), QString::number(*amountMax));
    if (!cardLast4.trimmed().isEmpty())
        query.addQueryItem(QStringLiteral("card_last4"), cardLast4.trimmed());
    if (!customer.trimmed().isEmpty())
        query.addQueryItem(QStringLiteral("customer"), customer.trimmed());
}

void PaymentQuery::addOrder(QUrlQuery &query) const
{
    if (sort != SortKey::TradeTime)
        query.addQueryItem(QStringLiteral("sort"), sortKeyName(sort));
    if (!descending)
        query.addQueryItem(QStringLiteral("order"), QStringLiteral("asc"));
}

bool PaymentQuery::isEmpty() const
{
    PaymentQuery blank;
    blank.sort = sort;
    blank.descending = descending;
    return *this == blank;
}

QString PaymentQuery::toQueryString() const
{
    QUrlQuery query;
    addFilters(query);
    if (authExpiresWithinDays)
        query.addQueryItem(QStringLiteral("auth_expires_within"), QString::number(*authExpiresWithinDays));
    addOrder(query);
    return query.toString(QUrl::FullyEncoded);
}

PaymentQuery PaymentQuery::fromQueryString(const QString &text)
{
    const QUrlQuery q(text);
    auto value = [&q](const char *name) { return q.queryItemValue(QString::fromLatin1(name), QUrl::FullyDecoded); };
    auto day = [&value](const char *name, int shift) {
        const QDate date = QDate::fromString(value(name), Qt::ISODate);
        return date.isValid() ? date.addDays(shift) : QDate();
    };
    PaymentQuery p;
    p.tradingId = value("trading_id");
    p.paymentId = value("payment_id");
    for (const QString &code : value("status").split(u',', Qt::SkipEmptyParts)) {
        bool ok = false;
        const int status = code.toInt(&ok);
        if (ok)
            p.statuses.append(status);
    }
    for (const QString &pair : value("type_status").split(u',', Qt::SkipEmptyParts)) {
        const QStringList parts = pair.split(u':');
        bool ok = false;
        const int status = parts.size() == 2 ? parts.at(1).toInt(&ok) : 0;
        if (ok && !parts.at(0).isEmpty())
            p.typeStatuses.append({parts.at(0), status});
    }
    p.types = value("type").split(u',', Qt::SkipEmptyParts);
    p.tradeFrom = day("trade_from", 0);
    p.tradeTo = day("trade_to", -1);
    p.dueFrom = day("due_from", 0);
    p.dueTo = day("due_to", -1);
    p.clearedFrom = day("cleared_from", 0);
    p.clearedTo = day("cleared_to", -1);
    p.chargeFrom = day("charge_from", 0);
    p.chargeTo = day("charge_to", -1);
    bool ok = false;
    if (const qint64 min = value("amount_min").toLongLong(&ok); ok)
        p.amountMin = min;
    if (const qint64 max = value("amount_max").toLongLong(&ok); ok)
        p.amountMax = max;
    p.cardLast4 = value("card_last4");
    p.customer = value("customer");
    if (const int days = value("auth_expires_within").toInt(&ok); ok && days >= 0)
        p.authExpiresWithinDays = days;
    const QString sort = value("sort");
    for (SortKey key : {SortKey::TradeTime, SortKey::Amount, SortKey::DueTime, SortKey::ClearedTime, SortKey::TradingId}) {
        if (sortKeyName(key) == sort)
            p.sort = key;
    }
    p.descending = value("order") != QLatin1String("asc");
    return p;
}

} // namespace kessai
