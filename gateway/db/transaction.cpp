#include "transaction.h"

#include "db/database.h"

#include <QSqlQuery>

namespace kessai::gateway {

namespace {

// Any writer of the database takes this lock first (Transaction::begin on PostgreSQL).
// Advisory locks are per database, so gateways on other databases of a cluster never wait.
constexpr qint64 WriteLockKey = 0x4b65737361690001; // "Kessai" 1

} // namespace

Transaction::Transaction(QSqlDatabase db)
    : m_db(std::move(db))
{}

Transaction::~Transaction()
{
    if (!m_active)
        return;
    if (!isPostgres(m_db)) {
        QSqlQuery query(m_db);
        if (!query.exec(QStringLiteral("ROLLBACK")))
            qCWarning(lcGatewayDb) << "rollback failed:" << describeSqlError(query.lastError());
    } else if (!m_db.rollback()) {
        qCWarning(lcGatewayDb) << "rollback failed:" << describeSqlError(m_db.lastError());
    }
}

Result<void> Transaction::begin()
{
    bool ok = false;
    QString error;
    if (!isPostgres(m_db)) {
        QSqlQuery query(m_db);
        ok = query.exec(QStringLiteral("BEGIN IMMEDIATE"));
        error = describeSqlError(query.lastError());
        if (!ok)
            noteStorageFailure(query.lastError());
    } else {
        ok = m_db.transaction();
        error = describeSqlError(m_db.lastError());
        if (!ok)
            noteConnectionFailure(m_db, m_db.lastError());
    }
    if (!ok)
        return makeError(QStringLiteral("cannot begin a transaction: ") + error);
    m_active = true;
    if (isPostgres(m_db)) {
        // READ COMMITTED takes a new snapshot per statement: everything after the lock sees
        // every commit of the writer that held it before.
        auto locked = runQuery(m_db, QStringLiteral("SELECT pg_advisory_xact_lock(?)"), {WriteLockKey});
        if (!locked)
            return makeError(QStringLiteral("cannot take the write lock: ") + locked.error());
    }
    return {};
}

Result<void> Transaction::commit()
{
    bool ok = false;
    QString error;
    if (!isPostgres(m_db)) {
        QSqlQuery query(m_db);
        ok = query.exec(QStringLiteral("COMMIT"));
        error = describeSqlError(query.lastError());
        if (!ok)
            noteStorageFailure(query.lastError());
    } else {
        ok = m_db.commit();
        error = describeSqlError(m_db.lastError());
        if (!ok) {
            noteConnectionFailure(m_db, m_db.lastError());
            noteStorageFailure(m_db.lastError());
        }
    }
    if (!ok)
        return makeError(QStringLiteral("commit failed: ") + error);
    m_active = false;
    return {};
}

} // namespace kessai::gateway
