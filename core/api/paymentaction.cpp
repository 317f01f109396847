#include "paymentaction.h"

#include "apireply.h"
#include "merchantclient.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace kessai {

QList<PaymentActionResult> PaymentActionResult::listFromJson(const QJsonObject &answer)
{
    QList<PaymentActionResult> results;
    for (const QJsonValue &value : answer.value(QLatin1String("results")).toArray()) {
        const QJsonObject object = value.toObject();
        PaymentActionResult r;
        r.paymentId = object.value(QLatin1String("payment_id")).toString();
        r.ok = object.value(QLatin1String("ok")).toBool();
        r.status = object.value(QLatin1String("status")).toInt();
        r.amount = object.value(QLatin1String("amount")).toInteger();
        const QJsonObject error = object.value(QLatin1String("error")).toObject();
        r.errorCode = error.value(QLatin1String("code")).toString();
        r.errorMessage = error.value(QLatin1String("message")).toString();
        results.append(r);
    }
    return results;
}

QString PaymentActionResult::errorText() const
{
    return paymentActionErrorText(errorCode, errorMessage);
}

AmountChangeResult AmountChangeResult::fromJson(const QJsonObject &answer)
{
    AmountChangeResult r;
    r.paymentId = answer.value(QLatin1String("payment_id")).toString();
    r.basePaymentId = answer.value(QLatin1String("base_payment_id")).toString();
    r.status = answer.value(QLatin1String("status")).toInt();
    r.amount = answer.value(QLatin1String("amount")).toInteger();
    r.baseStatus = answer.value(QLatin1String("base_status")).toInt();
    return r;
}

QString paymentActionErrorText(const QString &code, const QString &fallback)
{
    if (code == QLatin1String("status_not_allowed"))
        return QCoreApplication::translate("kessai::PaymentAction", "This is not possible in the payment's current status. "
                                                    "It may have been changed by someone else; reload it and check.");
    if (code == QLatin1String("expired"))
        return QCoreApplication::translate("kessai::PaymentAction", "The period for this has passed (60 days after the "
                                                    "authorization or the capture).");
    if (code == QLatin1String("amount_exceeds_authorized"))
        return QCoreApplication::translate("kessai::PaymentAction", "The amount is larger than the authorized amount.");
    if (code == QLatin1String("invalid_amount"))
        return QCoreApplication::translate("kessai::PaymentAction", "The amount is not valid: it must be a whole number of yen "
                                                    "from 1 to 9,999,999 and differ from the current amount.");
    if (code == QLatin1String("not_found"))
        return QCoreApplication::translate("kessai::PaymentAction", "The payment was not found.");
    if (code == QLatin1String("duplicate_item"))
        return QCoreApplication::translate("kessai::PaymentAction", "The same payment appears twice in the request; "
                                                    "only the first was processed.");
    if (code == QLatin1String("idempotency_in_progress"))
        return QCoreApplication::translate("kessai::PaymentAction", "The gateway is still processing this request. "
                                                    "Wait a moment and retry.");
    if (code == QLatin1String("idempotency_mismatch"))
        return QCoreApplication::translate("kessai::PaymentAction", "The gateway refused the request because its key was "
                                                    "already used for another request.");
    if (!fallback.isEmpty())
        return fallback;
    return QCoreApplication::translate("kessai::PaymentAction", "The gateway refused this (%1).").arg(code);
}

PaymentAction::PaymentAction(Kind kind, const QList<PaymentActionItem> &items)
    : m_kind(kind)
    , m_items(items)
    , m_key(MerchantClient::newIdempotencyKey())
{
}

PaymentAction PaymentAction::withKey(Kind kind, const QList<PaymentActionItem> &items, const QByteArray &key)
{
    PaymentAction action(kind, items);
    action.m_key = key;
    return action;
}

PaymentAction PaymentAction::capture(const QList<PaymentActionItem> &items)
{
    return PaymentAction(Kind::Capture, items);
}

PaymentAction PaymentAction::cancel(const QList<PaymentActionItem> &items)
{
    return PaymentAction(Kind::Cancel, items);
}

PaymentAction PaymentAction::changeAmount(const QString &paymentId, Yen amount)
{
    return PaymentAction(Kind::ChangeAmount, {PaymentActionItem{paymentId, amount}});
}

ApiReply *PaymentAction::send(MerchantClient *client) const
{
    Q_ASSERT(isValid());
    switch (m_kind) {
    case Kind::Capture:
        return client->capturePayments(m_items, m_key);
    case Kind::Cancel:
        return client->cancelPayments(m_items, m_key);
    case Kind::ChangeAmount:
        break;
    }
    const PaymentActionItem item = m_items.value(0);
    return client->changeAmount(item.paymentId, item.amount, m_key);
}

bool PaymentAction::isRetryable(const ApiError &error)
{
    switch (error.kind) {
    case ApiError::Kind::Connection:
    case ApiError::Kind::Tls:
        // Nothing came back, except the refusal of a non-https URL, which no retry mends.
        return error.code != QLatin1String("insecure_url");
    case ApiError::Kind::Cancelled:
        // A transfer timeout ends the reply as cancelled: the request may have been applied.
        return true;
    case ApiError::Kind::Server:
        return error.httpStatus >= 500;
    case ApiError::Kind::Invalid:
        return error.code == QLatin1String("idempotency_in_progress");
    default:
        return false;
    }
}

} // namespace kessai
