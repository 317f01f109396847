#pragma once

#include "payments/paymentstatemachine.h"
#include "payments/paymentstore.h"

#include <QStringList>

namespace kessai::gateway {

// The payment state machine's questions that do not write anything: which actions a payment
// allows now, for a user with these permissions.
namespace PaymentRules {

// capture, cancel, change_amount — in that order, only those the user holds a permission for.
// Derived from PaymentStateMachine's table, the same one the action endpoints apply.
QStringList allowedActions(const PaymentDetail &detail, const QStringList &permissions, qint64 now);
// The same for a row of a search page (the list shows what 一括処理 will skip before it is sent).
QStringList allowedActions(const Payment &payment, const QStringList &permissions, qint64 now);
// The same from what decides it: the type, the status and the payment's times.
QStringList allowedActions(const QString &type, int status, const PaymentStateMachine::Times &times,
                           const QStringList &permissions, qint64 now);

} // namespace PaymentRules

} // namespace kessai::gateway
