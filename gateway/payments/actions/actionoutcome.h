#pragma once

#include "common/result.h"
#include "payments/paymentstatemachine.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <variant>

namespace kessai::gateway {

// Who acts on payments, on what, and how each item ended.

// Who acts, for the event and audit rows.
struct ActionActor
{
    QString loginId;     // or "system"
    QString merchantId;
    QStringList permissions; // view:<type> decides which payments exist for this actor
    QString origin;
    QString requestId;
};

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

// Row writes shared by the stores that move or create payments, inside their transaction.
namespace PaymentWrites {
// The next payment id: ids grow with time, and the caller's write transaction keeps the
// maximum its own until it commits.
Result<qint64> nextPaymentId(const QSqlDatabase &db);
// A status event; from 0 = the payment's creation.
Result<void> addEvent(const QSqlDatabase &db, qint64 paymentId, qint64 at, const QString &actor, int from, int to,
                      qint64 amount);
Result<void> addAudit(const QSqlDatabase &db, const ActionActor &actor, const QString &action, const QString &target,
                      const QString &result, qint64 now);
} // namespace PaymentWrites

// One item of a bulk action.
struct ActionItem
{
    qint64 paymentId = 0;
    std::optional<qint64> amount;
    // Refused on its face by the caller (a repeated id, an impossible amount): only audited.
    std::optional<ActionOutcome> refusal = std::nullopt;
};

} // namespace kessai::gateway
