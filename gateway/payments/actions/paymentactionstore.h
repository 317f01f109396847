#pragma once

#include "common/result.h"
#include "db/database.h"
#include "payments/paymentstatemachine.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <variant>

namespace kessai::gateway {

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

// Writes the state machine into the payments table: merchant actions, sandbox moves and the
// time rules. Each item is a conditional UPDATE (only from the status it was checked in), its
// events and its audit row; a refused item writes only its audit row. A single action is one
// transaction; a bulk request is one transaction for all its items (one durable commit, not one
// per item), so a failure inside leaves none of it behind but its audit rows (see actAll).
class PaymentActionStore
{
public:
    static constexpr qint64 MaxAmount = 9'999'999;

    explicit PaymentActionStore(const Database &database);

    // Applies every timed transition of this merchant that is due at `now` (events dated at the
    // deadline, actor "system"). Cheap when nothing is due: one index range probe.
    Result<qint64> applyDue(const QString &merchantId, qint64 now);

    // capture / cancel / pay / preliminary / expire on one payment. `amount`: capture amount
    // (absent = the authorized amount); cancel: must equal the current amount when given.
    Result<ActionOutcome> act(const ActionActor &actor,
                              PaymentStateMachine::Action action,
                              qint64 paymentId,
                              std::optional<qint64> amount,
                              qint64 now);
    // The same for every item, in order, in one transaction; one outcome per item. An error
    // (not a refusal) rolls everything back; then every item gets an audit row of its own
    // transaction: its refusal if it was refused before the error, otherwise internal_error.
    Result<QList<ActionOutcome>> actAll(const ActionActor &actor,
                                        PaymentStateMachine::Action action,
                                        const QList<ActionItem> &items,
                                        qint64 now);
    // change_amount: a new payment with base_payment_id = the old one, which is cancelled.
    Result<ActionOutcome> changeAmount(const ActionActor &actor, qint64 paymentId, qint64 amount, qint64 now);
    // An audit row for a request refused before any payment was looked at (e.g. forbidden).
    Result<void> auditRefusal(const ActionActor &actor, const QString &action, const QString &target,
                              const QString &result, qint64 now);

private:
    const Database &m_database;
};

} // namespace kessai::gateway
