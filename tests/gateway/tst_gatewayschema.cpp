#include "db/database.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace kessai::gateway;

namespace {

bool postgresRequested()
{
    return qEnvironmentVariableIsSet("KESSAI_TEST_PG") || qEnvironmentVariableIsSet("KESSAI_TEST_PG_URL_FILE");
}

QString postgresServerUrl()
{
    QString url = qEnvironmentVariable("KESSAI_TEST_PG");
    if (url.isEmpty()) {
        QFile file(qEnvironmentVariable("KESSAI_TEST_PG_URL_FILE"));
        if (file.open(QIODevice::ReadOnly))
            url = QString::fromUtf8(file.readAll()).trimmed();
    }
    return url;
}

// Runs sql on the server's maintenance database (CREATE/DROP DATABASE cannot run in the
// database they name).
bool onServer(const QString &sql)
{
    const QUrl url(postgresServerUrl());
    const QString connection = QStringLiteral("schema-admin");
    bool ok = false;
    {
        QSqlDatabase admin = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connection);
        admin.setHostName(url.host());
        if (url.port() > 0)
            admin.setPort(url.port());
        admin.setUserName(url.userName());
        admin.setPassword(url.password());
        admin.setDatabaseName(url.path().mid(1));
        if (admin.open()) {
            QSqlQuery query(admin);
            ok = query.exec(sql);
            if (!ok)
                qWarning() << sql << query.lastError().text();
        } else {
            qWarning() << "cannot connect to" << url.toString(QUrl::RemovePassword) << admin.lastError().text();
        }
        admin.close();
    }
    QSqlDatabase::removeDatabase(connection);
    return ok;
}

QStringList rows(const QSqlDatabase &db, const QString &sql)
{
    QStringList lines;
    QSqlQuery query(db);
    if (!query.exec(sql)) {
        lines << QStringLiteral("QUERY FAILED: ") + query.lastError().text();
        return lines;
    }
    while (query.next()) {
        QStringList fields;
        for (int i = 0; i < query.record().count(); ++i)
            fields << (query.value(i).isNull() ? QStringLiteral("NULL") : query.value(i).toString());
        lines << fields.join(QStringLiteral(" | "));
    }
    return lines;
}

// Everything the migrations define, in an order that does not depend on how they ran.
QStringList schemaDump(const QSqlDatabase &db, bool postgres)
{
    QStringList dump;
    if (!postgres) {
        dump << rows(db, QStringLiteral("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"));
    } else {
        dump << QStringLiteral("# columns")
             << rows(db, QStringLiteral("SELECT table_name, ordinal_position, column_name, data_type, character_maximum_length,"
                                        " numeric_precision, is_nullable, column_default, collation_name, is_generated,"
                                        " generation_expression FROM information_schema.columns"
                                        " WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position"));
        dump << QStringLiteral("# indexes")
             << rows(db, QStringLiteral("SELECT tablename, indexname, indexdef FROM pg_indexes"
                                        " WHERE schemaname = current_schema() ORDER BY tablename, indexname"));
        dump << QStringLiteral("# constraints")
             << rows(db, QStringLiteral("SELECT conrelid::regclass::text, conname, contype, pg_get_constraintdef(oid)"
                                        " FROM pg_constraint WHERE connamespace = current_schema()::regnamespace"
                                        " ORDER BY 1, 2"));
        dump << QStringLiteral("# sequences")
             << rows(db, QStringLiteral("SELECT sequence_name, data_type FROM information_schema.sequences"
                                        " WHERE sequence_schema = current_schema() ORDER BY sequence_name"));
        dump << QStringLiteral("# extensions") << rows(db, QStringLiteral("SELECT extname FROM pg_extension ORDER BY extname"));
    }
    dump << QStringLiteral("# versions") << rows(db, QStringLiteral("SELECT version FROM schema_version ORDER BY version"));
    return dump;
}

} // namespace

// The schema the migrations build, compared with a dump of the schema the gateway built when its
// migrations were C++ code (tests/gateway/schema/): moving them to frozen .sql files changed
// nothing, and a database upgraded from any earlier version ends identical to a new one.
// KESSAI_WRITE_SCHEMA=1 writes the dump instead, for the day a migration is added.
class TestGatewaySchema : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void newAndUpgradedDatabasesMatchTheFrozenSchema_data();
    void newAndUpgradedDatabasesMatchTheFrozenSchema();

private:
    // A new, empty database: a SQLite file or a PostgreSQL database of the test server.
    QString createDatabase();

    bool m_postgres = false;
    QTemporaryDir m_dir;
    QStringList m_databases;
};

void TestGatewaySchema::initTestCase()
{
    m_postgres = postgresRequested();
    QVERIFY(m_dir.isValid());
    if (m_postgres)
        QVERIFY2(postgresServerUrl().startsWith(QLatin1String("postgresql://")), "no PostgreSQL server URL");
}

void TestGatewaySchema::cleanupTestCase()
{
    Database::releaseThreadConnections();
    for (const QString &name : std::as_const(m_databases))
        onServer(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(name));
}

QString TestGatewaySchema::createDatabase()
{
    const QString name = QStringLiteral("kessai_schema_%1").arg(QRandomGenerator::system()->generate64(), 16, 16, QLatin1Char('0'));
    if (!m_postgres)
        return m_dir.filePath(name + QStringLiteral(".db"));
    if (!onServer(QStringLiteral("CREATE DATABASE ") + name))
        return {};
    m_databases << name;
    QUrl url(postgresServerUrl());
    url.setPath(u'/' + name);
    return url.toString();
}

void TestGatewaySchema::newAndUpgradedDatabasesMatchTheFrozenSchema_data()
{
    QTest::addColumn<int>("from");
    QTest::newRow("new") << 0;
    for (int version = 1; version < Database::SchemaVersion; ++version)
        QTest::addRow("from %d", version) << version;
}

void TestGatewaySchema::newAndUpgradedDatabasesMatchTheFrozenSchema()
{
    QFETCH(int, from);
    const QString location = createDatabase();
    QVERIFY(!location.isEmpty());
    const Database database(location);
    if (from > 0) {
        auto earlier = database.migrate(from);
        QVERIFY2(earlier, earlier ? "" : qPrintable(earlier.error()));
    }
    auto migrated = database.migrate();
    QVERIFY2(migrated, migrated ? "" : qPrintable(migrated.error()));
    auto db = database.connection();
    QVERIFY2(db, db ? "" : qPrintable(db.error()));
    const QString dump = schemaDump(*db, m_postgres).join(u'\n') + u'\n';

    const QString expectedPath = QDir(QStringLiteral(KESSAI_SCHEMA_DIR))
                                     .filePath(m_postgres ? QStringLiteral("schema.postgres.txt") : QStringLiteral("schema.sqlite.txt"));
    if (from == 0 && qEnvironmentVariableIsSet("KESSAI_WRITE_SCHEMA")) {
        QFile out(expectedPath);
        QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
        out.write(dump.toUtf8());
    }
    QFile expectedFile(expectedPath);
    QVERIFY2(expectedFile.open(QIODevice::ReadOnly), qPrintable(expectedPath));
    const QString expected = QString::fromUtf8(expectedFile.readAll());
    QCOMPARE(dump.split(u'\n'), expected.split(u'\n'));
}

QTEST_GUILESS_MAIN(TestGatewaySchema)
#include "tst_gatewayschema.moc"
