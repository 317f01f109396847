#pragma once

#include "common/apierror.h"
#include "common/result.h"
#include "payments/paymentstatemachine.h"
#include "payments/paymentwrites.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <variant>

namespace kessai::gateway {

// What payment actions act on and how each item ended.

// The result of one item (or one single-payment action).
struct ActionOutcome
{
    bool ok = false;
    int status = 0;            // ok: the payment's status afterwards
    QString errorCode;         // status_not_allowed, amount_exceeds_authorized, invalid_amount, expired, not_found
    QString message;
    qint64 paymentId = 0;      // amount change: the new payment; otherwise the payment acted on
    qint64 amount = 0;         // ok: the payment's amount afterwards
    qint64 basePaymentId = 0;  // amount change: the old payment
    int baseStatus = 0;        // amount change: the old payment's status afterwards
};

// One item of a bulk action.
struct ActionItem
{
    qint64 paymentId = 0;
    std::optional<qint64> amount;
    // Refused on its face by the caller (a repeated id, an impossible amount): only audited.
    std::optional<ActionOutcome> refusal = std::nullopt;
};

// The answer to an action the payment's state refused (404, 400 or 409).
ApiError conflictFor(const ActionOutcome &outcome);

} // namespace kessai::gateway
