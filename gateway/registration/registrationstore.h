#pragma once

#include "common/result.h"
#include "db/database.h"
#include "payments/paymentwrites.h"
#include "registration/registrationoutcome.h"
#include "registration/registrationrules.h"

#include <QString>

#include <optional>

namespace kessai::gateway {

// Writes a manually registered payment (POST /v1/payments) in one transaction: the trading id
// check, the row, its creation events and the audit row. Stores the card's brand, first 6,
// last 4 and expiry only: the number and the security code never reach this class's SQL.
class RegistrationStore
{
public:
    explicit RegistrationStore(const Database &database);

    const Database &database() const { return m_database; }

    // A card registration must have been approved by the issuer before this is called.
    Result<RegistrationOutcome> registerPayment(const ActionActor &actor,
                                                const RegistrationRules::Registration &registration,
                                                qint64 now);
    // The refusal of a trading id the merchant has used already (audited), checked before the
    // issuer is asked to authorize; registerPayment checks again under the write lock.
    Result<std::optional<RegistrationOutcome>> refuseDuplicate(const ActionActor &actor, const QString &tradingId, qint64 now);
    // An audit row for a card the issuer declined; nothing else is stored.
    Result<void> auditDecline(const ActionActor &actor, const QString &tradingId, const QString &detailCode, qint64 now);

private:
    const Database &m_database;
};

} // namespace kessai::gateway
