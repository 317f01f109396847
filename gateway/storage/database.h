#pragma once

#include "common/result.h"

#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>

Q_DECLARE_LOGGING_CATEGORY(lcGatewayDb)

namespace kessai::gateway {

// The gateway database: one Qt SQL connection per thread (httplib handlers run on pool
// threads and a QSqlDatabase must stay on the thread that opened it), schema migrations, and
// small helpers that check every prepare/exec. SQLite (WAL, synchronous=FULL) for now; the SQL
// is kept portable so that QPSQL can be added.
class Database
{
public:
    static constexpr int SchemaVersion = 4;

    static QString defaultPath(const QString &dataDir); // DIR/gateway.db

    explicit Database(QString filePath);

    const QString &filePath() const { return m_filePath; }
    // This thread's open connection to the database.
    Result<QSqlDatabase> connection() const;
    // Creates or upgrades the schema, each step in one transaction.
    Result<void> migrate() const;

    // Closes the calling thread's connections; pool threads do this when they end, main
    // calls it before QCoreApplication goes away.
    static void releaseThreadConnections();

    // Secondary indexes of payments: dropped around bulk loads and created again afterwards.
    static QStringList paymentIndexCreateStatements();
    static QStringList paymentIndexDropStatements();

private:
    QString m_filePath;
};

// Prepares sql, binds values positionally (never concatenated), executes.
Result<QSqlQuery> runQuery(const QSqlDatabase &db, const QString &sql, const QVariantList &values = {});

// A write transaction that takes the write lock up front (BEGIN IMMEDIATE on SQLite) so that
// two writers never deadlock on a lock upgrade; rolled back unless committed.
class Transaction
{
public:
    explicit Transaction(QSqlDatabase db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    Result<void> begin();
    Result<void> commit();

private:
    QSqlDatabase m_db;
    bool m_active = false;
};

} // namespace kessai::gateway
