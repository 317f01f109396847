#pragma once

#include "domain/money.h"
#include "domain/payment.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace kessai {

class ApiReply;

// One state change of a payment, as its history lists it.
struct PaymentEvent
{
    QDateTime at;    // UTC
    QString actor;   // login ID, or the gateway's own name for what it did by itself
    int from = 0;    // 0 for the creation
    int to = 0;
    Yen amount = 0;
};

// GET /v1/payments/{id}: the payment, its history and what this user may do to it now.
struct PaymentDetail
{
    Payment payment;
    // The upper limit of a capture; set only when the gateway sends it (authorizations).
    std::optional<Yen> authorizedAmount;
    QList<PaymentEvent> events;
    // The payment an amount change replaced this one with (金額変更により置き換え); empty if none.
    QString replacedByPaymentId;

    Yen captureLimit() const { return authorizedAmount.value_or(payment.amount); }
    // The detail of a successful reply; an empty one (no payment ID) otherwise.
    static PaymentDetail fromReply(const ApiReply &reply);
};

} // namespace kessai
