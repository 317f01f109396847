#pragma once

#include "common/result.h"
#include "db/database.h"
#include "payments/actions/actionoutcome.h"
#include "payments/paymentstatemachine.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <variant>

namespace kessai::gateway {

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

    const Database &database() const { return m_database; }

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
