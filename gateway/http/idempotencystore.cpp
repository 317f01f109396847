#include "idempotencystore.h"

#include "db/transaction.h"
#include "security/crypto.h"

#include <QRegularExpression>
#include <QVariant>

namespace kessai::gateway {

namespace {

const QString Running = QStringLiteral("running");
const QString Done = QStringLiteral("done");

QString abandonedEntry(const QString &merchantId, const QString &key)
{
    return merchantId + QLatin1Char('\n') + key;
}

} // namespace

IdempotencyStore::IdempotencyStore(const Database &database)
    : m_database(database)
{}

bool IdempotencyStore::isValidKey(const QString &key)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9_-]{1,64}\\z"));
    return pattern.match(key).hasMatch();
}

QString IdempotencyStore::requestHash(const QString &loginId, const QString &method, const QString &path,
                                      const QByteArray &canonicalBody)
{
    // The user is part of the request: another user's key never replays an answer that may
    // show payments they may not view.
    const QByteArray material = loginId.toUtf8() + '\n' + method.toUtf8() + '\n' + path.toUtf8() + '\n' + canonicalBody;
    return QString::fromLatin1(crypto::sha256(material).toHex());
}

Result<IdempotencyStore::Claim> IdempotencyStore::claim(const QString &merchantId,
                                                         const QString &key,
                                                         const QString &requestHash,
                                                         qint64 now)
{
    // (A claim whose own commit failed is not marked abandoned: by the time it knew, another
    // request may have claimed the key and be running under it. Its key is taken over after
    // StaleRunningSeconds, as when the gateway dies.)
    auto db = m_database.connection();
    if (!db)
        return makeError(db.error());
    Transaction transaction(*db);
    if (auto begun = transaction.begin(); !begun)
        return makeError(begun.error());

    // Lazy purge: every claim removes what has outlived the retention period.
    if (auto purged = runQuery(*db, QStringLiteral("DELETE FROM idempotency_keys WHERE created_at < ?"), {now - RetentionSeconds});
        !purged)
        return makeError(purged.error());

    auto found = runQuery(*db,
                          QStringLiteral("SELECT request_hash, state, http_status, response, updated_at"
                                         " FROM idempotency_keys WHERE merchant_id = ? AND idempotency_key = ?"),
                          {merchantId, key});
    if (!found)
        return makeError(found.error());
    QSqlQuery &row = found.value();
    Claim claim;
    if (row.next()) {
        const QString storedHash = row.value(0).toString();
        const QString state = row.value(1).toString();
        if (storedHash != requestHash) {
            claim.outcome = Outcome::Mismatch;
        } else if (state == Done) {
            claim.outcome = Outcome::Replay;
            claim.httpStatus = row.value(2).toInt();
            claim.response = row.value(3).toString().toUtf8();
        } else if (row.value(4).toLongLong() > now - StaleRunningSeconds && !isAbandoned(merchantId, key)) {
            claim.outcome = Outcome::InProgress;
        } else {
            // The request that claimed it has not been heard of for minutes (the gateway died
            // under it), or it failed here without doing anything and its release failed too.
            // Every item it committed stays committed; a retry reports those items as no
            // longer allowed instead of acting twice.
            auto retaken = runQuery(*db,
                                    QStringLiteral("UPDATE idempotency_keys SET updated_at = ?"
                                                   " WHERE merchant_id = ? AND idempotency_key = ?"),
                                    {now, merchantId, key});
            if (!retaken)
                return makeError(retaken.error());
            qCInfo(lcGatewayDb) << "retaking a stale running idempotency key of" << merchantId;
        }
    } else {
        auto added = runQuery(*db,
                                 QStringLiteral("INSERT INTO idempotency_keys (merchant_id, idempotency_key,"
                                                " request_hash, state, created_at, updated_at)"
                                                " VALUES (?, ?, ?, ?, ?, ?)"),
                                 {merchantId, key, requestHash, Running, now, now});
        if (!added)
            return makeError(added.error());
    }
    row.finish();
    // Forgotten before the commit, inside the write lock, so that a second claim of it waits
    // and then finds it running.
    if (claim.outcome == Outcome::Claimed)
        forgetAbandoned(merchantId, key);
    if (auto committed = transaction.commit(); !committed)
        return makeError(committed.error());
    return claim;
}

Result<void> IdempotencyStore::complete(const QString &merchantId,
                                        const QString &key,
                                        int httpStatus,
                                        const QByteArray &response,
                                        qint64 now)
{
    auto db = m_database.connection();
    if (!db)
        return makeError(db.error());
    auto done = runQuery(*db,
                         QStringLiteral("UPDATE idempotency_keys SET state = ?, http_status = ?, response = ?,"
                                        " updated_at = ? WHERE merchant_id = ? AND idempotency_key = ?"),
                         {Done, httpStatus, QString::fromUtf8(response), now, merchantId, key});
    if (!done)
        return makeError(done.error());
    return {};
}

Result<void> IdempotencyStore::release(const QString &merchantId, const QString &key)
{
    auto released = deleteKey(merchantId, key);
    // The request failed, often with its connection: a lost one is replaced on this second try.
    if (!released)
        released = deleteKey(merchantId, key);
    if (!released)
        abandon(merchantId, key);
    else
        forgetAbandoned(merchantId, key);
    return released;
}

void IdempotencyStore::abandon(const QString &merchantId, const QString &key)
{
    const QMutexLocker lock(&m_abandonedMutex);
    m_abandoned.insert(abandonedEntry(merchantId, key));
}

bool IdempotencyStore::isAbandoned(const QString &merchantId, const QString &key) const
{
    const QMutexLocker lock(&m_abandonedMutex);
    return m_abandoned.contains(abandonedEntry(merchantId, key));
}

void IdempotencyStore::forgetAbandoned(const QString &merchantId, const QString &key)
{
    const QMutexLocker lock(&m_abandonedMutex);
    m_abandoned.remove(abandonedEntry(merchantId, key));
}

Result<void> IdempotencyStore::deleteKey(const QString &merchantId, const QString &key)
{
    auto db = m_database.connection();
    if (!db)
        return makeError(db.error());
    auto released = runQuery(*db,
                             QStringLiteral("DELETE FROM idempotency_keys WHERE merchant_id = ? AND idempotency_key = ?"),
                             {merchantId, key});
    if (!released)
        return makeError(released.error());
    return {};
}

} // namespace kessai::gateway
