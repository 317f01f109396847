#pragma once

#include "common/result.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

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


} // namespace kessai::gateway
