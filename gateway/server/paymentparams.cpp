#include "paymentparams.h"

#include "domain/paymentcatalog.h"
#include "security/permissions.h"

#include <QRegularExpression>

namespace kessai::gateway {

namespace {

ApiError invalid(const QString &name, const QString &why)
{
    return ApiError::invalidParameter(QStringLiteral("%1: %2").arg(name, why));
}

} // namespace

ApiResult<PaymentFilter> parsePaymentQuery(const QMultiMap<QString, QString> &params,
                                           const QStringList &permissions)
{
    static const QStringList known = {QStringLiteral("trading_id"),
                                      QStringLiteral("payment_id"),
                                      QStringLiteral("status"),
                                      QStringLiteral("type"),
                                      QStringLiteral("cursor"),
                                      QStringLiteral("limit"),
                                      QStringLiteral("count")};
    for (const QString &name : known) {
        if (params.count(name) > 1)
            return invalid(name, QStringLiteral("given more than once"));
    }

    PaymentFilter filter;
    if (params.contains(QStringLiteral("trading_id"))) {
        static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9_]{1,25}$"));
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
        static const QRegularExpression pattern(QStringLiteral("^[0-9]{1,18}$"));
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
    if (params.contains(QStringLiteral("cursor"))) {
        filter.after = PaymentCursor::decode(params.value(QStringLiteral("cursor")));
        if (!filter.after)
            return invalid(QStringLiteral("cursor"), QStringLiteral("not a cursor this gateway issued"));
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
    return filter;
}

} // namespace kessai::gateway
