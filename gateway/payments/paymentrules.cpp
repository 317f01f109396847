#include "paymentrules.h"

namespace kessai::gateway::PaymentRules {

namespace {

const QString CardType = QStringLiteral("02");
constexpr int Authorized = 20;
constexpr int Captured = 40;

} // namespace

QStringList allowedActions(const PaymentDetail &detail, const QStringList &permissions, qint64 now)
{
    const Payment &payment = detail.payment;
    QStringList possible;
    // CVS, ATM and bank payments cannot be changed through the gateway once registered.
    if (payment.type == CardType) {
        if (payment.status == Authorized && payment.tradeTime.isValid()
            && now < payment.tradeTime.toSecsSinceEpoch() + AuthorizationLifetimeSeconds) {
            possible = {QStringLiteral("capture"), QStringLiteral("cancel"), QStringLiteral("change_amount")};
        } else if (payment.status == Captured && payment.clearedTime.isValid()
                   && now < payment.clearedTime.toSecsSinceEpoch() + CancelWindowSeconds) {
            possible = {QStringLiteral("cancel"), QStringLiteral("change_amount")};
        }
    }
    QStringList allowed;
    for (const QString &action : std::as_const(possible)) {
        if (permissions.contains(action))
            allowed.append(action);
    }
    return allowed;
}

} // namespace kessai::gateway::PaymentRules
