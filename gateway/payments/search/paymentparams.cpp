#include "paymentparams.h"

#include "domain/paymentcatalog.h"
#include "http/wire.h"
#include "payments/paymentstatemachine.h"
#include "security/permissions.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QTimeZone>

#include <algorithm>
#include <optional>

namespace kessai::gateway {

namespace {

constexpr qsizetype MaxCustomerLength = 64;

ApiError invalid(const QString &name, const QString &why)
{
    return ApiError::invalidParameter(QStringLiteral("%1: %2").arg(name, why));
}

std::optional<ApiError> parseRange(const QMultiMap<QString, QString> &params, const QString &prefix, TimeRange &range)
{
    const QString fromName = prefix + QStringLiteral("_from");
    const QString toName = prefix + QStringLiteral("_to");
    const QString expected = QStringLiteral("an ISO 8601 UTC time (2026-11-23T00:00:00Z) or a date (2026-11-23, JST), 1970 or later");
    if (params.contains(fromName)) {
        range.from = parseQueryTime(params.value(fromName));
        if (!range.from)
            return invalid(fromName, expected);
    }
    if (params.contains(toName)) {
        range.to = parseQueryTime(params.value(toName));
        if (!range.to)
            return invalid(toName, expected);
    }
    return std::nullopt;
}

std::optional<ApiError> parseAmount(const QMultiMap<QString, QString> &params, const QString &name,
                                    std::optional<qint64> &amount)
{
    if (!params.contains(name))
        return std::nullopt;
    static const QRegularExpression digits(QStringLiteral("^[0-9]{1,12}\\z"));
    const QString value = params.value(name);
    if (!digits.match(value).hasMatch())
        return invalid(name, QStringLiteral("a whole number of yen, 0 or more"));
    amount = value.toLongLong();
    return std::nullopt;
}

// type_status=02:40,01:40: (type, status) pairs, combined with status and type by AND (a pair
// that either does not name is dropped). The statuses and types of the pairs left become the
// status and type conditions too, so that their indexes serve the search; the pairs themselves
// are checked row by row, and not at all when they are every combination of those. Answers
// whether a pair is left.
ApiResult<bool> parseTypeStatuses(const QString &value, PaymentFilter &filter, QStringList &requestedTypes)
{
    const QString name = QStringLiteral("type_status");
    QList<std::pair<QString, int>> pairs;
    for (const QString &item : value.split(u',')) {
        const QStringList parts = item.split(u':');
        bool ok = false;
        const int status = parts.size() == 2 ? parts.at(1).toInt(&ok) : 0;
        if (!ok || parts.at(1).size() != 2 || !PaymentCatalog::isKnownType(parts.at(0)))
            return invalid(name, QStringLiteral("'%1' is not a pair TYPE:STATUS of known codes (02:40)").arg(item));
        if (!PaymentCatalog::type(parts.at(0))->statuses.contains(status))
            return invalid(name, QStringLiteral("payment type %1 has no status %2").arg(parts.at(0)).arg(status));
        const std::pair<QString, int> pair(parts.at(0), status);
        if (!pairs.contains(pair))
            pairs.append(pair);
    }
    QList<std::pair<QString, int>> kept;
    QList<int> statuses;
    QStringList types;
    for (const auto &pair : std::as_const(pairs)) {
        if ((!filter.statuses.isEmpty() && !filter.statuses.contains(pair.second))
            || (!requestedTypes.isEmpty() && !requestedTypes.contains(pair.first)))
            continue;
        kept.append(pair);
        if (!statuses.contains(pair.second))
            statuses.append(pair.second);
        if (!types.contains(pair.first))
            types.append(pair.first);
    }
    if (kept.isEmpty())
        return false;
    filter.statuses = statuses;
    requestedTypes = types;
    if (kept.size() != statuses.size() * types.size())
        filter.typeStatuses = kept;
    return true;
}

} // namespace

ApiResult<PaymentFilter> parsePaymentQuery(const QMultiMap<QString, QString> &params,
                                           const QStringList &permissions)
{
    static const QStringList known = {QStringLiteral("trading_id"),
                                      QStringLiteral("payment_id"),
                                      QStringLiteral("status"),
                                      QStringLiteral("type"),
                                      QStringLiteral("type_status"),
                                      QStringLiteral("cursor"),
                                      QStringLiteral("limit"),
                                      QStringLiteral("count"),
                                      QStringLiteral("sum"),
                                      QStringLiteral("trade_from"),
                                      QStringLiteral("trade_to"),
                                      QStringLiteral("due_from"),
                                      QStringLiteral("due_to"),
                                      QStringLiteral("cleared_from"),
                                      QStringLiteral("cleared_to"),
                                      QStringLiteral("charge_from"),
                                      QStringLiteral("charge_to"),
                                      QStringLiteral("auth_expires_from"),
                                      QStringLiteral("auth_expires_to"),
                                      QStringLiteral("amount_min"),
                                      QStringLiteral("amount_max"),
                                      QStringLiteral("card_last4"),
                                      QStringLiteral("customer"),
                                      QStringLiteral("sort"),
                                      QStringLiteral("order")};
    for (const QString &name : known) {
        if (params.count(name) > 1)
            return invalid(name, QStringLiteral("given more than once"));
    }

    PaymentFilter filter;
    if (params.contains(QStringLiteral("trading_id"))) {
        static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9_]{1,25}\\z"));
        QString value = params.value(QStringLiteral("trading_id"));
        if (value.endsWith(u'*')) {
            filter.tradingIdPrefix = true;
            value.chop(1);
        }
        if (!pattern.match(value).hasMatch())
            return invalid(QStringLiteral("trading_id"),
                           QStringLiteral("1 to 25 characters of A-Z a-z 0-9 _, optionally followed by *"));
        filter.tradingId = value;
    }
    if (params.contains(QStringLiteral("payment_id"))) {
        static const QRegularExpression pattern(QStringLiteral("^[0-9]{1,18}\\z"));
        const QString value = params.value(QStringLiteral("payment_id"));
        if (!pattern.match(value).hasMatch())
            return invalid(QStringLiteral("payment_id"), QStringLiteral("1 to 18 digits"));
        filter.paymentId = value.toLongLong();
    }
    if (params.contains(QStringLiteral("status"))) {
        for (const QString &item : params.value(QStringLiteral("status")).split(u',')) {
            bool ok = false;
            const int status = item.toInt(&ok);
            if (!ok || item.size() != 2 || !PaymentCatalog::isKnownStatus(status))
                return invalid(QStringLiteral("status"), QStringLiteral("unknown status code '%1'").arg(item));
            if (!filter.statuses.contains(status))
                filter.statuses.append(status);
        }
    }
    QStringList requestedTypes;
    if (params.contains(QStringLiteral("type"))) {
        for (const QString &item : params.value(QStringLiteral("type")).split(u',')) {
            if (!PaymentCatalog::isKnownType(item))
                return invalid(QStringLiteral("type"), QStringLiteral("unknown payment type '%1'").arg(item));
            if (!requestedTypes.contains(item))
                requestedTypes.append(item);
        }
    }
    // auth_expires_from/_to: card authorizations (02 in 20) that lapse within the range. They
    // lapse one lifetime after the authorization, so this is the status, the type, and the
    // trade range moved back by that lifetime (applied below): the trade_time indexes serve it.
    TimeRange authExpires;
    if (auto error = parseRange(params, QStringLiteral("auth_expires"), authExpires))
        return *error;
    bool noAuthorizationLeft = false;
    std::optional<PaymentStateMachine::TimedTransition> lapse;
    if (authExpires.isSet()) {
        const QString card = QStringLiteral("02");
        const int authorized = PaymentStateMachine::initialStatus(card);
        lapse = PaymentStateMachine::timedFrom(card, authorized);
        Q_ASSERT(lapse && lapse->anchor == PaymentStateMachine::Anchor::TradeTime);
        noAuthorizationLeft = (!filter.statuses.isEmpty() && !filter.statuses.contains(authorized))
            || (!requestedTypes.isEmpty() && !requestedTypes.contains(card));
        filter.statuses = {authorized};
        requestedTypes = {card};
    }
    bool noPairLeft = false;
    if (params.contains(QStringLiteral("type_status"))) {
        auto anyLeft = parseTypeStatuses(params.value(QStringLiteral("type_status")), filter, requestedTypes);
        if (!anyLeft.ok())
            return anyLeft.error();
        noPairLeft = !anyLeft.value();
    }
    if (auto error = parseRange(params, QStringLiteral("trade"), filter.trade))
        return *error;
    if (lapse) {
        if (authExpires.from)
            filter.trade.from = std::max(filter.trade.from.value_or(*authExpires.from - lapse->afterSeconds),
                                         *authExpires.from - lapse->afterSeconds);
        if (authExpires.to)
            filter.trade.to = std::min(filter.trade.to.value_or(*authExpires.to - lapse->afterSeconds),
                                       *authExpires.to - lapse->afterSeconds);
    }
    if (auto error = parseRange(params, QStringLiteral("due"), filter.due))
        return *error;
    if (auto error = parseRange(params, QStringLiteral("cleared"), filter.cleared))
        return *error;
    if (auto error = parseRange(params, QStringLiteral("charge"), filter.charged))
        return *error;
    if (auto error = parseAmount(params, QStringLiteral("amount_min"), filter.amountMin))
        return *error;
    if (auto error = parseAmount(params, QStringLiteral("amount_max"), filter.amountMax))
        return *error;
    if (params.contains(QStringLiteral("card_last4"))) {
        static const QRegularExpression pattern(QStringLiteral("^[0-9]{4}\\z"));
        filter.cardLast4 = params.value(QStringLiteral("card_last4"));
        if (!pattern.match(filter.cardLast4).hasMatch())
            return invalid(QStringLiteral("card_last4"), QStringLiteral("exactly 4 digits"));
    }
    if (params.contains(QStringLiteral("customer"))) {
        filter.customer = params.value(QStringLiteral("customer")).trimmed();
        // A control character (NUL above all: PostgreSQL cannot hold one in text) is in no name.
        const bool control = std::any_of(filter.customer.cbegin(), filter.customer.cend(),
                                          [](QChar c) { return c.category() == QChar::Other_Control; });
        if (filter.customer.isEmpty() || filter.customer.size() > MaxCustomerLength || control)
            return invalid(QStringLiteral("customer"),
                           QStringLiteral("1 to %1 characters, without control characters").arg(MaxCustomerLength));
    }
    if (params.contains(QStringLiteral("sort"))) {
        static const QList<std::pair<QString, PaymentSort>> sorts = {
            {QStringLiteral("trade_time"), PaymentSort::TradeTime},
            {QStringLiteral("amount"), PaymentSort::Amount},
            {QStringLiteral("due_time"), PaymentSort::DueTime},
            {QStringLiteral("cleared_time"), PaymentSort::ClearedTime},
            {QStringLiteral("trading_id"), PaymentSort::TradingId},
        };
        const QString value = params.value(QStringLiteral("sort"));
        const auto found = std::find_if(sorts.cbegin(), sorts.cend(), [&](const auto &s) { return s.first == value; });
        if (found == sorts.cend())
            return invalid(QStringLiteral("sort"),
                           QStringLiteral("one of trade_time, amount, due_time, cleared_time, trading_id"));
        filter.sort = found->second;
    }
    if (params.contains(QStringLiteral("order"))) {
        const QString value = params.value(QStringLiteral("order"));
        if (value == QLatin1String("asc"))
            filter.ascending = true;
        else if (value != QLatin1String("desc"))
            return invalid(QStringLiteral("order"), QStringLiteral("asc or desc"));
    }
    if (params.contains(QStringLiteral("cursor"))) {
        filter.after = PaymentCursor::decode(params.value(QStringLiteral("cursor")));
        if (!filter.after)
            return invalid(QStringLiteral("cursor"), QStringLiteral("not a cursor this gateway issued"));
        if (filter.after->sort != filter.sort || filter.after->ascending != filter.ascending)
            return invalid(QStringLiteral("cursor"), QStringLiteral("issued for another sort or order"));
    }
    if (params.contains(QStringLiteral("limit"))) {
        bool ok = false;
        const QString value = params.value(QStringLiteral("limit"));
        filter.limit = value.toInt(&ok);
        if (!ok || filter.limit < 1 || filter.limit > 1000)
            return invalid(QStringLiteral("limit"), QStringLiteral("an integer from 1 to 1000"));
    }
    if (params.contains(QStringLiteral("count"))) {
        const QString value = params.value(QStringLiteral("count"));
        if (value == QLatin1String("false"))
            filter.count = false;
        else if (value == QLatin1String("true"))
            filter.count = true;
        else
            return invalid(QStringLiteral("count"), QStringLiteral("true or false"));
    }

    // Types the user may not view are filtered out as if they did not exist.
    QStringList visible;
    for (const PaymentTypeInfo &type : PaymentCatalog::types()) {
        const bool wanted = requestedTypes.isEmpty() || requestedTypes.contains(type.code);
        if (wanted && permissions.contains(Permissions::view(type.code)))
            visible.append(type.code);
    }
    filter.restrictTypes = visible.size() != PaymentCatalog::types().size();
    filter.types = visible;
    if (noPairLeft || noAuthorizationLeft) {
        // No pair is left once status and type have narrowed them: nothing can match.
        filter.restrictTypes = true;
        filter.types.clear();
    }
    return filter;
}

} // namespace kessai::gateway
