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
// small helpers that check every prepare/exec. Two engines: a SQLite file (WAL,
// synchronous=FULL) or PostgreSQL (QPSQL), named by a `postgresql://` URL. The SQL is written
// once; what differs goes through dialect() and isPostgres().
class Database
{
public:
    static constexpr int SchemaVersion = 7;

    static QString defaultPath(const QString &dataDir); // DIR/gateway.db
    // Whether location is a PostgreSQL URL (postgresql:// or postgres://) rather than a file.
    static bool isUrl(const QString &location);
    // Why location cannot name a database (a malformed URL), or an empty string.
    static QString locationError(const QString &location);

    // location: a SQLite file path or postgresql://user[:password]@host[:port]/dbname[?options].
    explicit Database(QString location);

    const QString &location() const { return m_location; }
    bool isPostgres() const { return isUrl(m_location); }
    // The location without its password, for messages and logs.
    QString displayName() const;
    // Whether the schema exists (SQLite: the file exists; nothing is created to find out).
    Result<bool> isInitialised() const;
    // This thread's open connection to the database.
    Result<QSqlDatabase> connection() const;
    // Creates or upgrades the schema, each step in one transaction.
    Result<void> migrate() const;

    // Closes the calling thread's connections; pool threads do this when they end, main
    // calls it before QCoreApplication goes away.
    static void releaseThreadConnections();

    // Secondary indexes of payments: dropped around bulk loads and created again afterwards.
    static QStringList paymentIndexCreateStatements(bool postgres);
    static QStringList paymentIndexDropStatements(bool postgres);
    // SQLite only (see schema 7): the narrow index the customer filter scans, and the trigger
    // that keeps the trigram index of customer texts with a rebuild of that index.
    static QString customerIndexStatement();
    // The customer text searched (lower-cased name and kana, the phone's digits, U+001F between):
    // SQLite's customer_search column, PostgreSQL's trigram-indexed expression.
    static QString customerSearchExpression(bool postgres);
    static QStringList customerTextIndexStatements();
    static constexpr const char *CustomerIndex = "payments_merchant_customer";
    static constexpr const char *CustomerTextIndex = "payment_customers";

private:
    static Result<void> refreshStatistics(const QSqlDatabase &db);

    QString m_location;
};

bool isPostgres(const QSqlDatabase &db);

// Prepares sql, binds values positionally (never concatenated), executes.
Result<QSqlQuery> runQuery(const QSqlDatabase &db, const QString &sql, const QVariantList &values = {});

// A write transaction that takes the write lock up front, so that two writers never deadlock on
// a lock upgrade and a read-then-write inside it sees no other writer's commit in between:
// BEGIN IMMEDIATE on SQLite; on PostgreSQL a READ COMMITTED transaction that first takes one
// transaction-scoped advisory lock (per database), the same one-writer-at-a-time rule.
// Rolled back unless committed.
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
