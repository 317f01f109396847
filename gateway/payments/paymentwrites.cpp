#include "paymentwrites.h"

#include "audit/auditlog.h"
#include "db/database.h"
#include "payments/paymentstore.h"

#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

namespace kessai::gateway {

namespace {

QVariant nullableInt(qint64 value)
{
    return value == 0 ? QVariant(QMetaType::fromType<qint64>()) : QVariant(value);
}

} // namespace

namespace PaymentWrites {

Result<qint64> nextPaymentId(const QSqlDatabase &db)
{
    auto maxId = runQuery(db, QStringLiteral("SELECT MAX(payment_id) FROM payments"));
    if (!maxId)
        return makeError(maxId.error());
    qint64 highest = 0;
    if (maxId.value().next())
        highest = maxId.value().value(0).toLongLong();
    maxId.value().finish();
    return std::max(PaymentStore::FirstPaymentId, highest + 1);
}

Result<void> addEvent(const QSqlDatabase &db, qint64 paymentId, qint64 at, const QString &actor, int from, int to, qint64 amount)
{
    auto done = runQuery(db,
                         QStringLiteral("INSERT INTO payment_events (payment_id, at, actor, from_status, to_status, amount)"
                                        " VALUES (?, ?, ?, ?, ?, ?)"),
                         {paymentId, at, actor, nullableInt(from), to, amount});
    if (!done)
        return makeError(done.error());
    return {};
}

Result<void> addAudit(const QSqlDatabase &db, const ActionActor &actor, const QString &action, const QString &target,
                      const QString &result, qint64 now)
{
    // Actor, merchant and target are never empty here, so the NULLs of empty texts are only
    // ever the origin and request id, as before writeAudit was shared.
    return writeAudit(db, {now, actor.loginId, actor.merchantId, action, target, result, actor.origin, actor.requestId, {}});
}

} // namespace PaymentWrites

} // namespace kessai::gateway
