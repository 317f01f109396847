#pragma once

#include "common/result.h"
#include "registration/registrationrules.h"

#include <QString>

#include <optional>

namespace kessai::gateway {

// The result of a manual registration that reached the database.
struct RegistrationOutcome
{
    bool ok = false;
    QString errorCode; // duplicate_trading_id
    QString message;
    qint64 paymentId = 0;
    int status = 0;
    qint64 tradeTime = 0;
    qint64 dueTime = 0;     // 0 = none (cards)
    qint64 clearedTime = 0; // 0 = none
    QString receiptNumber;  // CVS
    QString paymentNumber;  // ATM
};

} // namespace kessai::gateway
