#pragma once

#include "common/result.h"

#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>

Q_DECLARE_LOGGING_CATEGORY(lcGatewayDb)

namespace kessai::gateway {

// The gateway database: one Qt SQL connection per thread (HTTP handlers run on pool
// threads and a QSqlDatabase must stay on the thread that opened it), schema migrations, and
// small helpers that check every prepare/exec. Two engines: a SQLite file (WAL,
// synchronous=FULL) or PostgreSQL (QPSQL), named by a `postgresql://` URL. The SQL is written
// once; what differs goes through isPostgres() (and, for the schema, db/migrations).
class Database
{
public:
    static constexpr int SchemaVersion = 10;

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
    // Creates or upgrades the schema, each step in one transaction. An earlier target stops
    // there (tests build the databases that older gateways left behind).
    Result<void> migrate(int targetVersion = SchemaVersion) const;

    // Closes the calling thread's connections; pool threads do this when they end, main
    // calls it before QCoreApplication goes away.
    static void releaseThreadConnections();

    // Secondary indexes of payments: dropped around bulk loads and created again afterwards,
    // as the migrations define them.
    static QStringList paymentIndexCreateStatements(bool postgres);
    static QStringList paymentIndexDropStatements(bool postgres);
    // The folded customer text (CustomerFold::searchText, schema 8): its b-tree (SQLite) and its
    // trigram index (SQLite FTS5; PostgreSQL searches the column through pg_trgm).
    static constexpr const char *CustomerIndex = "payments_merchant_customer_fold";
    static constexpr const char *CustomerTextIndex = "payment_customer_folds";

private:
    static Result<void> refreshStatistics(const QSqlDatabase &db);

    QString m_location;
};

bool isPostgres(const QSqlDatabase &db);

// Prepares sql, binds values positionally (never concatenated), executes.
Result<QSqlQuery> runQuery(const QSqlDatabase &db, const QString &sql, const QVariantList &values = {});

// Marks the calling thread's connection for reopening if error says its PostgreSQL server went
// away: the next connection() opens a new one.
void noteConnectionFailure(const QSqlDatabase &db, const QSqlError &error);
// Storage trouble (a full disk, a failing one) seen by a statement on this thread since the last
// reset: the HTTP edge resets it before each request and then tells the client the gateway cannot
// write, instead of an internal error.
void noteStorageFailure(const QSqlError &error);
bool storageFailureSeen();
void resetStorageFailure();
// The driver's text of error, or a placeholder when it gave none.
QString describeSqlError(const QSqlError &error);

} // namespace kessai::gateway
