#include "paymentquery.h"

namespace kessai {

void PaymentQuery::addTo(QUrlQuery &query) const
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
    if (!types.isEmpty())
        query.addQueryItem(QStringLiteral("type"), types.join(u','));
}

bool PaymentQuery::isEmpty() const
{
    return tradingId.trimmed().isEmpty() && paymentId.trimmed().isEmpty() && statuses.isEmpty()
           && types.isEmpty();
}

} // namespace kessai
