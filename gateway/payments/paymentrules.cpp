#include "paymentrules.h"

#include "payments/paymentstatemachine.h"

namespace kessai::gateway::PaymentRules {

QStringList allowedActions(const PaymentDetail &detail, const QStringList &permissions, qint64 now)
{
    return allowedActions(detail.payment, permissions, now);
}

QStringList allowedActions(const Payment &payment, const QStringList &permissions, qint64 now)
{
    PaymentStateMachine::Times times;
    times.trade = payment.tradeTime.isValid() ? payment.tradeTime.toSecsSinceEpoch() : 0;
    times.cleared = payment.clearedTime.isValid() ? payment.clearedTime.toSecsSinceEpoch() : 0;
    times.due = payment.dueTime.isValid() ? payment.dueTime.toSecsSinceEpoch() : 0;
    return allowedActions(payment.type, payment.status, times, permissions, now);
}

QStringList allowedActions(const QString &type, int status, const PaymentStateMachine::Times &times,
                           const QStringList &permissions, qint64 now)
{
    QStringList allowed;
    for (const QString &action : PaymentStateMachine::possibleActions(type, status, times, now)) {
        if (permissions.contains(action))
            allowed.append(action);
    }
    return allowed;
}

} // namespace kessai::gateway::PaymentRules
