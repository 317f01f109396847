// Database::migrate and what is derived from the migrations (the payment indexes a bulk load
// drops and builds again).
#include "database.h"

#include "db/customerfold.h"
#include "db/migrations.h"
#include "db/transaction.h"

#include <QElapsedTimer>

namespace kessai::gateway {

namespace {

// The secondary indexes of payments a bulk load drops and creates again, in creation order;
// their definitions come from the migrations. payments_merchant_deadline (schema 3) stays:
// the load writes deadline_at and the sweep needs it at once.
const QStringList &bulkLoadIndexNames(bool postgres)
{
    static const QStringList common = {
        QStringLiteral("payments_merchant_time"),          QStringLiteral("payments_merchant_trading"),
        QStringLiteral("payments_merchant_status_time"),   QStringLiteral("payments_merchant_type_time"),
        QStringLiteral("payments_merchant_amount"),        QStringLiteral("payments_merchant_last4_time"),
        QStringLiteral("payments_merchant_due"),           QStringLiteral("payments_merchant_cleared"),
        QStringLiteral("payments_merchant_status_amount"), QStringLiteral("payments_merchant_status_due"),
        QStringLiteral("payments_merchant_status_cleared"), QStringLiteral("payments_merchant_status_trading"),
        QStringLiteral("payments_merchant_type_amount"),
    };
    static const QStringList sqlite = common + QStringList{QStringLiteral("payments_merchant_customer_fold")};
    static const QStringList postgresql = common + QStringList{QStringLiteral("payments_customer_fold_trigram")};
    return postgres ? postgresql : sqlite;
}

// SQLite's trigger that feeds the customer trigram index row by row (schema 8): a bulk load
// drops it and rebuilds the index once at the end instead.
const QString CustomerInsertTrigger = QStringLiteral("payment_customer_folds_insert");

// What a version needs done in C++ after its SQL file, in the same transaction: data that SQL
// cannot compute. Schema 8's folded customer texts need ICU.
Result<void> runDataStep(const QSqlDatabase &db, int version)
{
    if (version == 8)
        return CustomerFold::fillMissing(db);
    return {};
}

// Every statement of every migration, oldest first.
QStringList allMigrationStatements(bool postgres)
{
    QStringList all;
    for (int version = 1; version <= Database::SchemaVersion; ++version) {
        auto statements = Migrations::statements(version, postgres);
        if (!statements)
            qFatal("%s", qPrintable(statements.error())); // the resource is part of the binary
        all += statements.value();
    }
    return all;
}

// The last definition of an index or trigger, made idempotent (CREATE … IF NOT EXISTS).
QString definitionOf(const QStringList &statements, const QString &kind, const QString &name)
{
    const QString plain = QStringLiteral("CREATE %1 %2 ").arg(kind, name);
    const QString guarded = QStringLiteral("CREATE %1 IF NOT EXISTS %2 ").arg(kind, name);
    for (auto it = statements.crbegin(); it != statements.crend(); ++it) {
        if (it->startsWith(guarded))
            return *it;
        if (it->startsWith(plain))
            return guarded + it->mid(plain.size());
    }
    qFatal("no migration creates %s %s", qPrintable(kind), qPrintable(name));
}

} // namespace

Result<void> Database::migrate(int targetVersion) const
{
    auto db = connection();
    if (!db)
        return makeError(db.error());

    const bool postgres = kessai::gateway::isPostgres(*db);
    // One step per transaction, each under the write lock (BEGIN IMMEDIATE; the advisory lock on
    // PostgreSQL) and reading the version inside it: two gateways starting on one database at
    // once take turns, and the second finds the steps the first applied done.
    int from = -1;
    for (;;) {
        Transaction transaction(*db);
        if (auto begun = transaction.begin(); !begun)
            return begun;
        auto created = runQuery(*db, QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)"));
        if (!created)
            return makeError(created.error());
        auto current = runQuery(*db, QStringLiteral("SELECT MAX(version) FROM schema_version"));
        if (!current)
            return makeError(current.error());
        int version = 0;
        if (current.value().next())
            version = current.value().value(0).toInt();
        // An unfinished SELECT keeps SQLite from dropping anything (DROP INDEX: "table is locked").
        current.value().finish();
        if (from < 0)
            from = version;
        if (version > SchemaVersion)
            return makeError(QStringLiteral("the database has schema %1, newer than this gateway (%2)")
                                 .arg(version)
                                 .arg(SchemaVersion));
        if (version >= targetVersion) {
            if (auto committed = transaction.commit(); !committed)
                return committed;
            break;
        }
        auto statements = Migrations::statements(version + 1, postgres);
        if (!statements)
            return makeError(statements.error());
        for (const QString &statement : std::as_const(statements.value())) {
            auto result = runQuery(*db, statement);
            if (!result)
                return makeError(QStringLiteral("migration %1: %2").arg(version + 1).arg(result.error()));
        }
        if (auto step = runDataStep(*db, version + 1); !step)
            return makeError(QStringLiteral("migration %1: %2").arg(version + 1).arg(step.error()));
        auto recorded = runQuery(*db, QStringLiteral("INSERT INTO schema_version (version) VALUES (?)"), {version + 1});
        if (!recorded)
            return makeError(recorded.error());
        if (auto committed = transaction.commit(); !committed)
            return committed;
        qCInfo(lcGatewayDb) << "schema migrated to version" << version + 1;
    }
    if (from > 0 && from < SchemaVersion)
        return refreshStatistics(*db);
    return {};
}

// SQLite plans from sqlite_stat1 once a database has been analysed (the demo and bulk loads do
// that), and takes an index that has no row there for a very selective one: after an upgrade
// added an index, a search that ignored it could walk it through the whole table, a hundred
// times slower. So an analysed database is analysed again after its schema grew.
// PostgreSQL gathers statistics for new expression indexes only when the table is analysed.
Result<void> Database::refreshStatistics(const QSqlDatabase &db)
{
    QString analyse = QStringLiteral("ANALYZE payments");
    if (!kessai::gateway::isPostgres(db)) {
        auto analysed = runQuery(db, QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE name = 'sqlite_stat1'"));
        if (!analysed)
            return makeError(analysed.error());
        if (!analysed.value().next() || analysed.value().value(0).toInt() == 0)
            return {};
        analysed.value().finish();
        analyse = QStringLiteral("ANALYZE");
    }
    QElapsedTimer timer;
    timer.start();
    if (auto done = runQuery(db, analyse); !done)
        return makeError(QStringLiteral("refreshing the statistics after the upgrade: ") + done.error());
    qCInfo(lcGatewayDb) << "statistics refreshed after the upgrade in" << timer.elapsed() << "ms";
    return {};
}

QStringList Database::paymentIndexCreateStatements(bool postgres)
{
    const QStringList migrations = allMigrationStatements(postgres);
    QStringList statements;
    for (const QString &name : bulkLoadIndexNames(postgres))
        statements.append(definitionOf(migrations, QStringLiteral("INDEX"), name));
    // The trigram index is filled once after the load rather than row by row.
    if (!postgres) {
        statements.append(definitionOf(migrations, QStringLiteral("TRIGGER"), CustomerInsertTrigger));
        statements.append(QStringLiteral("INSERT INTO %1 (%1) VALUES ('rebuild')").arg(QLatin1String(CustomerTextIndex)));
    }
    return statements;
}

QStringList Database::paymentIndexDropStatements(bool postgres)
{
    QStringList statements;
    for (const QString &name : bulkLoadIndexNames(postgres))
        statements.append(QStringLiteral("DROP INDEX IF EXISTS ") + name);
    if (!postgres)
        statements.append(QStringLiteral("DROP TRIGGER IF EXISTS ") + CustomerInsertTrigger);
    return statements;
}

} // namespace kessai::gateway
