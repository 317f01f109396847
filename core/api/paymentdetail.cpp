#include "paymentdetail.h"

#include "apireply.h"

#include <QJsonArray>
#include <QJsonObject>

namespace kessai {

PaymentDetail PaymentDetail::fromReply(const ApiReply &reply)
{
    PaymentDetail detail;
    if (!reply.ok())
        return detail;
    const QJsonObject object = reply.json().object();
    detail.payment = Payment::fromJson(object);
    const QJsonValue authorized = object.value(QLatin1String("authorized_amount"));
    if (authorized.isDouble())
        detail.authorizedAmount = authorized.toInteger();
    detail.replacedByPaymentId = object.value(QLatin1String("replaced_by_payment_id")).toString();
    for (const QJsonValue &value : object.value(QLatin1String("events")).toArray()) {
        const QJsonObject e = value.toObject();
        detail.events.append(PaymentEvent{fromWireTime(e.value(QLatin1String("at")).toString()),
                                          e.value(QLatin1String("actor")).toString(),
                                          e.value(QLatin1String("from")).toInt(), e.value(QLatin1String("to")).toInt(),
                                          e.value(QLatin1String("amount")).toInteger()});
    }
    return detail;
}

} // namespace kessai
