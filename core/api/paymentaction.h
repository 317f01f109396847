#pragma once

#include "apierror.h"
#include "domain/money.h"

#include <QByteArray>
#include <QList>
#include <QString>

class QJsonObject;

namespace kessai {

class ApiReply;
class MerchantClient;

// One payment of a capture or cancel request. amount 0 leaves it out: capture then takes the
// authorized amount; a cancel amount, when given, must equal the payment's current amount.
struct PaymentActionItem
{
    QString paymentId;
    Yen amount = 0;
};

// One item's outcome in the answer of POST /v1/payments/capture or /cancel.
struct PaymentActionResult
{
    QString paymentId;
    bool ok = false;
    int status = 0;       // after the action
    Yen amount = 0;       // after the action
    QString errorCode;    // "status_not_allowed", "expired", ... when !ok
    QString errorMessage; // the gateway's own (English) message

    // A translated sentence for errorCode, fit to show the user.
    QString errorText() const;
    static QList<PaymentActionResult> listFromJson(const QJsonObject &answer);
};

// The answer of POST /v1/payments/{id}/amount: the new payment that replaces the old one.
struct AmountChangeResult
{
    QString paymentId;     // the new payment
    QString basePaymentId; // the old one
    int status = 0;
    Yen amount = 0;
    int baseStatus = 0;    // the old payment's status now (32 or 60)

    static AmountChangeResult fromJson(const QJsonObject &answer);
};

// A translated sentence for an error code of a payment action (an item's, or the whole answer's
// for an amount change); fallback when the code is not one of them.
QString paymentActionErrorText(const QString &code, const QString &fallback = QString());

// One confirmed payment action: the request and the Idempotency-Key chosen when the user
// confirmed it. send() again after a lost answer repeats the same request under the same key, so
// the gateway applies it once; a new confirmation is a new PaymentAction with a new key.
class PaymentAction
{
public:
    enum class Kind { Capture, Cancel, ChangeAmount };

    PaymentAction() = default;
    static PaymentAction capture(const QList<PaymentActionItem> &items);
    static PaymentAction cancel(const QList<PaymentActionItem> &items);
    static PaymentAction changeAmount(const QString &paymentId, Yen amount);
    // A capture or cancel under a key chosen earlier (a journaled chunk sent again after a crash).
    static PaymentAction withKey(Kind kind, const QList<PaymentActionItem> &items, const QByteArray &key);

    bool isValid() const { return !m_key.isEmpty(); }
    Kind kind() const { return m_kind; }
    const QList<PaymentActionItem> &items() const { return m_items; }
    const QByteArray &idempotencyKey() const { return m_key; }
    ApiReply *send(MerchantClient *client) const;

    // Whether sending the same action again under its key is the way on: no answer came
    // (connection, TLS, timeout), the gateway failed inside (5xx releases the key) or another
    // request with the key is still running (409 idempotency_in_progress).
    static bool isRetryable(const ApiError &error);

private:
    PaymentAction(Kind kind, const QList<PaymentActionItem> &items);

    Kind m_kind = Kind::Capture;
    QList<PaymentActionItem> m_items;
    QByteArray m_key;
};

} // namespace kessai
