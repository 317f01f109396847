#pragma once

#include "storage/paymentstore.h"

#include <QStringList>

namespace kessai::gateway {

// The payment state machine's questions that do not write anything: which actions a payment
// allows now, for a user with these permissions.
namespace PaymentRules {

constexpr qint64 AuthorizationLifetimeSeconds = 60 * 86400; // 20 → 33 after this
constexpr qint64 CancelWindowSeconds = 60 * 86400;          // 40 → 41 after this (from capture)

// capture, cancel, change_amount — in that order, only those the user holds a permission for.
QStringList allowedActions(const PaymentDetail &detail, const QStringList &permissions, qint64 now);

} // namespace PaymentRules

} // namespace kessai::gateway
