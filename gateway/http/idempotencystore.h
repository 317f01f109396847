#pragma once

#include "common/result.h"
#include "db/database.h"

#include <QByteArray>
#include <QMutex>
#include <QSet>
#include <QString>

namespace kessai::gateway {

// Idempotency-Key bookkeeping for the action endpoints, scoped to a merchant. A key is claimed
// ("running") before the work starts and holds the final answer ("done") afterwards, with a
// SHA-256 of the request it belongs to. Keys live at least RetentionSeconds and are purged
// lazily; a running key whose request died with the process can be retaken after
// StaleRunningSeconds.
class IdempotencyStore
{
public:
    static constexpr qint64 RetentionSeconds = 24 * 3600;
    static constexpr qint64 StaleRunningSeconds = 5 * 60;

    enum class Outcome { Claimed, Replay, Mismatch, InProgress };
    struct Claim
    {
        Outcome outcome = Outcome::Claimed;
        int httpStatus = 0;  // Replay
        QByteArray response; // Replay: the stored body, byte for byte
    };

    explicit IdempotencyStore(const Database &database);

    // 1–64 characters of [A-Za-z0-9_-].
    static bool isValidKey(const QString &key);
    // SHA-256 (hex) of method, path and the canonical JSON body (keys sorted, compact).
    static QString requestHash(const QString &loginId, const QString &method, const QString &path,
                               const QByteArray &canonicalBody);

    Result<Claim> claim(const QString &merchantId, const QString &key, const QString &requestHash, qint64 now);
    Result<void> complete(const QString &merchantId, const QString &key, int httpStatus, const QByteArray &response, qint64 now);
    // Forgets a claimed key whose request failed inside the gateway, so the client may retry.
    // Tried again on a new connection if the first one was lost; if the database cannot be
    // written at all, the key is remembered here as abandoned and the next claim of it takes
    // it over at once instead of answering "still running" for StaleRunningSeconds.
    Result<void> release(const QString &merchantId, const QString &key);

private:
    Result<void> deleteKey(const QString &merchantId, const QString &key);
    void abandon(const QString &merchantId, const QString &key);
    bool isAbandoned(const QString &merchantId, const QString &key) const;
    void forgetAbandoned(const QString &merchantId, const QString &key);

    const Database &m_database;
    // Keys this process claimed for requests that ended without doing anything, whose release
    // the database refused. A running key not in here may belong to a request still running.
    mutable QMutex m_abandonedMutex;
    QSet<QString> m_abandoned;
};

} // namespace kessai::gateway
