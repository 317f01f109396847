#include "db/database.h"
#include "http/idempotencystore.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace kessai::gateway;

// The Idempotency-Key bookkeeping on its own database: a key is claimed, answered, replayed,
// refused for another request, taken over when stale — and, when the request failed and its
// release was refused too (the database lost or full), taken over at once by the next claim
// instead of answering "still running" for five minutes.
class TestIdempotencyStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_database.emplace(QDir(m_dir.path()).filePath(QStringLiteral("gateway.db")));
        auto migrated = m_database->migrate();
        QVERIFY2(migrated.ok(), qPrintable(migrated.ok() ? QString() : migrated.error()));
        QVERIFY(exec(QStringLiteral("INSERT INTO merchants (merchant_id, name, created_at) VALUES ('M1', 'm', 0)")));
        m_store.emplace(*m_database);
    }

    void claimAnswerReplayAndMismatch()
    {
        QCOMPARE(claim(QStringLiteral("k1"), QStringLiteral("h1")), IdempotencyStore::Outcome::Claimed);
        QCOMPARE(claim(QStringLiteral("k1"), QStringLiteral("h1")), IdempotencyStore::Outcome::InProgress);
        QCOMPARE(claim(QStringLiteral("k1"), QStringLiteral("h2")), IdempotencyStore::Outcome::Mismatch);
        QVERIFY(m_store->complete(QStringLiteral("M1"), QStringLiteral("k1"), 200, "{\"ok\":true}", Now).ok());
        auto replay = m_store->claim(QStringLiteral("M1"), QStringLiteral("k1"), QStringLiteral("h1"), Now + 1);
        QVERIFY(replay.ok());
        QCOMPARE(replay->outcome, IdempotencyStore::Outcome::Replay);
        QCOMPARE(replay->httpStatus, 200);
        QCOMPARE(replay->response, QByteArray("{\"ok\":true}"));
        // Another merchant's key of the same name is its own.
        QVERIFY(exec(QStringLiteral("INSERT INTO merchants (merchant_id, name, created_at) VALUES ('M2', 'm', 0)")));
        auto other = m_store->claim(QStringLiteral("M2"), QStringLiteral("k1"), QStringLiteral("h9"), Now);
        QVERIFY(other.ok());
        QCOMPARE(other->outcome, IdempotencyStore::Outcome::Claimed);
    }

    void releasedKeyIsClaimedAgain()
    {
        QCOMPARE(claim(QStringLiteral("k2"), QStringLiteral("h")), IdempotencyStore::Outcome::Claimed);
        QVERIFY(m_store->release(QStringLiteral("M1"), QStringLiteral("k2")).ok());
        QCOMPARE(claim(QStringLiteral("k2"), QStringLiteral("h")), IdempotencyStore::Outcome::Claimed);
        QCOMPARE(claim(QStringLiteral("k2"), QStringLiteral("h")), IdempotencyStore::Outcome::InProgress);
    }

    void staleRunningKeyIsTakenOver()
    {
        QCOMPARE(claim(QStringLiteral("k3"), QStringLiteral("h")), IdempotencyStore::Outcome::Claimed);
        QCOMPARE(claim(QStringLiteral("k3"), QStringLiteral("h"), Now + IdempotencyStore::StaleRunningSeconds - 1),
                 IdempotencyStore::Outcome::InProgress);
        QCOMPARE(claim(QStringLiteral("k3"), QStringLiteral("h"), Now + IdempotencyStore::StaleRunningSeconds + 1),
                 IdempotencyStore::Outcome::Claimed);
    }

    // The database refuses the release (a trigger here; a lost connection or a full disk in
    // life): the key is still "running" in the table, but this gateway knows nothing runs
    // under it, and the next claim takes it — once: a second claim finds it running.
    void keyWhoseReleaseFailedIsTakenOverAtOnce()
    {
        QVERIFY(exec(QStringLiteral("CREATE TRIGGER refuse_release BEFORE DELETE ON idempotency_keys"
                                    " WHEN OLD.idempotency_key IN ('k4', 'k5') BEGIN SELECT RAISE(ABORT, 'refused'); END")));
        QCOMPARE(claim(QStringLiteral("k4"), QStringLiteral("h")), IdempotencyStore::Outcome::Claimed);
        QVERIFY(!m_store->release(QStringLiteral("M1"), QStringLiteral("k4")).ok());
        QCOMPARE(runningKeys(QStringLiteral("k4")), 1);
        QCOMPARE(claim(QStringLiteral("k4"), QStringLiteral("h")), IdempotencyStore::Outcome::Claimed);
        QCOMPARE(claim(QStringLiteral("k4"), QStringLiteral("h")), IdempotencyStore::Outcome::InProgress);
        // Another request under the abandoned key is still refused as such.
        QCOMPARE(claim(QStringLiteral("k4"), QStringLiteral("other")), IdempotencyStore::Outcome::Mismatch);
        // And a key of the same name another merchant abandoned stays running for this one.
        QCOMPARE(claim(QStringLiteral("k5"), QStringLiteral("h")), IdempotencyStore::Outcome::Claimed);
        auto theirs = m_store->claim(QStringLiteral("M2"), QStringLiteral("k5"), QStringLiteral("h"), Now);
        QVERIFY(theirs.ok());
        QCOMPARE(theirs->outcome, IdempotencyStore::Outcome::Claimed);
        QVERIFY(!m_store->release(QStringLiteral("M2"), QStringLiteral("k5")).ok());
        QCOMPARE(claim(QStringLiteral("k5"), QStringLiteral("h")), IdempotencyStore::Outcome::InProgress);
        QVERIFY(exec(QStringLiteral("DROP TRIGGER refuse_release")));
    }

private:
    static constexpr qint64 Now = 1764900000;

    bool exec(const QString &sql)
    {
        auto db = m_database->connection();
        return db.ok() && runQuery(*db, sql).ok();
    }

    int runningKeys(const QString &key)
    {
        auto db = m_database->connection();
        if (!db.ok())
            return -1;
        auto found = runQuery(*db, QStringLiteral("SELECT COUNT(*) FROM idempotency_keys WHERE idempotency_key = ? AND state = 'running'"),
                              {key});
        if (!found.ok() || !found.value().next())
            return -1;
        return found.value().value(0).toInt();
    }

    IdempotencyStore::Outcome claim(const QString &key, const QString &hash, qint64 now = Now)
    {
        auto claimed = m_store->claim(QStringLiteral("M1"), key, hash, now);
        if (!claimed.ok()) {
            qWarning("claim failed: %s", qPrintable(claimed.error()));
            return IdempotencyStore::Outcome::Mismatch;
        }
        return claimed->outcome;
    }

    QTemporaryDir m_dir;
    std::optional<Database> m_database;
    std::optional<IdempotencyStore> m_store;
};

QTEST_GUILESS_MAIN(TestIdempotencyStore)
#include "tst_idempotencystore.moc"
