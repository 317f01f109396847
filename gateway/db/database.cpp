#include "database.h"

#include "rowcursor.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QSqlDriver>
#include <QSqlError>
#include <QThread>
#include <QUrl>
#include <QUrlQuery>

#include <atomic>

Q_LOGGING_CATEGORY(lcGatewayDb, "gateway.db", QtInfoMsg)

namespace kessai::gateway {

namespace {

std::atomic<quint64> s_connectionCounter{0};

struct ThreadConnections
{
    QHash<QString, QString> names;   // database location -> connection name
    QHash<QString, qint64> lastUsed; // connection name -> steady-clock ms of its last hand-out
    QSet<QString> lost;              // PostgreSQL connections found dead: reopen on next use

    static void close(const QString &name)
    {
        {
            QSqlDatabase db = QSqlDatabase::database(name, false);
            RowCursor::releaseStatements(db); // SQLite closes no connection with statements left
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
    }
    void forget(const QString &location)
    {
        const QString name = names.take(location);
        lastUsed.remove(name);
        lost.remove(name);
        close(name);
    }
    void release()
    {
        for (const QString &name : std::as_const(names))
            close(name);
        names.clear();
        lastUsed.clear();
        lost.clear();
    }
    ~ThreadConnections() { release(); }
};

thread_local ThreadConnections t_connections;

// The parts of a postgresql:// URL, password included: never log one.
struct PostgresUrl
{
    QString host;
    int port = -1;
    QString user;
    QString password;
    QString database;
    QString options; // QPSQL connect options, `;`-separated libpq keywords
    QString display; // the URL without its password
    QString error;
};

PostgresUrl parsePostgresUrl(const QString &location)
{
    PostgresUrl parsed;
    const QUrl url(location, QUrl::StrictMode);
    if (!url.isValid()) {
        parsed.error = QStringLiteral("invalid PostgreSQL URL");
        return parsed;
    }
    parsed.host = url.host();
    parsed.port = url.port(-1);
    parsed.user = url.userName();
    parsed.password = url.password();
    parsed.database = url.path().mid(1);
    if (parsed.database.isEmpty() || parsed.database.contains(u'/')) {
        parsed.error = QStringLiteral("a PostgreSQL URL names one database: postgresql://user@host:port/dbname");
        return parsed;
    }
    // Sensible defaults a URL may override; QPSQL joins the options into a libpq conninfo
    // string as they are, so a value may not contain what would end or quote it.
    QList<std::pair<QString, QString>> options = {{QStringLiteral("connect_timeout"), QStringLiteral("10")},
                                                  {QStringLiteral("application_name"), QStringLiteral("kessai-gateway")}};
    static const QRegularExpression keyPattern(QStringLiteral("^[a-z_]{1,64}\\z"));
    static const QRegularExpression valuePattern(QStringLiteral("^[A-Za-z0-9_.,:/@+=-]{1,256}\\z"));
    const auto items = QUrlQuery(url).queryItems(QUrl::FullyDecoded);
    for (const auto &[key, value] : items) {
        if (key == QLatin1String("password") || key == QLatin1String("user") || key == QLatin1String("dbname")
            || key == QLatin1String("port")) {
            parsed.error = QStringLiteral("give %1 in the URL itself, not as ?%1=").arg(key);
            return parsed;
        }
        if (!keyPattern.match(key).hasMatch() || !valuePattern.match(value).hasMatch()) {
            parsed.error = QStringLiteral("unsupported PostgreSQL URL option %1").arg(key);
            return parsed;
        }
        bool replaced = false;
        for (auto &option : options) {
            if (option.first == key) {
                option.second = value;
                replaced = true;
            }
        }
        if (!replaced)
            options.append({key, value});
    }
    QStringList joined;
    for (const auto &[key, value] : std::as_const(options))
        joined.append(key + u'=' + value);
    parsed.options = joined.join(u';');
    parsed.display = url.toString(QUrl::RemovePassword);
    return parsed;
}

Result<QSqlDatabase> openPostgres(const QString &location, const QString &name)
{
    const PostgresUrl url = parsePostgresUrl(location);
    if (!url.error.isEmpty())
        return makeError(url.error);
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
        return makeError(QStringLiteral("the Qt PostgreSQL driver QPSQL is not installed (Debian: libqt6sql6-psql)"));
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
    db.setHostName(url.host);
    if (url.port > 0)
        db.setPort(url.port);
    db.setUserName(url.user);
    db.setPassword(url.password);
    db.setDatabaseName(url.database);
    db.setConnectOptions(url.options);
    if (!db.open()) {
        const QString message = QStringLiteral("cannot open %1: %2").arg(url.display, describeSqlError(db.lastError()));
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);
        return makeError(message);
    }
    // IF NOT EXISTS and friends report NOTICEs, which libpq would print to stderr. Transaction
    // relies on READ COMMITTED whatever the server's default is.
    for (const QString &setting : {QStringLiteral("SET client_min_messages TO warning"),
                                   QStringLiteral("SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL READ COMMITTED")}) {
        QSqlQuery query(db);
        if (!query.exec(setting)) {
            const QString message = describeSqlError(query.lastError());
            query = QSqlQuery();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(name);
            return makeError(QStringLiteral("cannot set up the connection to %1: %2").arg(url.display, message));
        }
    }
    return db;
}

} // namespace

QString Database::defaultPath(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("gateway.db"));
}

bool Database::isUrl(const QString &location)
{
    return location.startsWith(QLatin1String("postgresql://")) || location.startsWith(QLatin1String("postgres://"));
}

QString Database::locationError(const QString &location)
{
    if (location.isEmpty())
        return QStringLiteral("no database given");
    if (isUrl(location))
        return parsePostgresUrl(location).error;
    if (location.contains(QLatin1String("://")))
        return QStringLiteral("unsupported database URL (expected postgresql://… or a file path)");
    return QString();
}

Database::Database(QString location)
    : m_location(std::move(location))
{}

QString Database::displayName() const
{
    if (!isPostgres())
        return m_location;
    const PostgresUrl url = parsePostgresUrl(m_location);
    return url.error.isEmpty() ? url.display : QStringLiteral("postgresql://(invalid URL)");
}

Result<bool> Database::isInitialised() const
{
    if (!isPostgres())
        return QFileInfo::exists(m_location);
    auto db = connection();
    if (!db)
        return makeError(db.error());
    auto found = runQuery(*db, QStringLiteral("SELECT COUNT(*) FROM information_schema.tables"
                                              " WHERE table_schema = current_schema() AND table_name = 'schema_version'"));
    if (!found)
        return makeError(found.error());
    return found.value().next() && found.value().value(0).toInt() > 0;
}

namespace {

// A PostgreSQL connection idle this long is checked before it is handed out again: the server
// may have restarted (or an administrator ended the session) meanwhile.
constexpr qint64 PostgresIdleCheckMs = 1000;

// Whether a PostgreSQL connection still answers.
bool answers(const QSqlDatabase &db)
{
    QSqlQuery ping(db);
    return ping.exec(QStringLiteral("SELECT 1"));
}

} // namespace

Result<QSqlDatabase> Database::connection() const
{
    const qint64 now = QDeadlineTimer::current().deadline();
    const auto found = t_connections.names.constFind(m_location);
    if (found != t_connections.names.cend()) {
        const QString name = *found;
        QSqlDatabase db = QSqlDatabase::database(name, false);
        const bool idle = now - t_connections.lastUsed.value(name, now) > PostgresIdleCheckMs;
        if (!isPostgres() || (!t_connections.lost.contains(name) && (!idle || answers(db)))) {
            t_connections.lastUsed.insert(name, now);
            return db;
        }
        // Reopened below; a request that was using it when it died has failed already.
        qCWarning(lcGatewayDb) << "connection" << name << "to" << displayName() << "was lost; reconnecting";
        db = QSqlDatabase();
        t_connections.forget(m_location);
    }

    const QString name = QStringLiteral("kessai-gateway-%1").arg(++s_connectionCounter);
    if (isPostgres()) {
        auto db = openPostgres(m_location, name);
        if (!db)
            return db;
        t_connections.names.insert(m_location, name);
        t_connections.lastUsed.insert(name, now);
        qCDebug(lcGatewayDb) << "opened" << name << "on thread" << QThread::currentThread();
        return db;
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(m_location);
    // Writers wait for each other instead of failing at once.
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    if (!db.open()) {
        const QString message = QStringLiteral("cannot open %1: %2").arg(m_location, describeSqlError(db.lastError()));
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);
        return makeError(message);
    }
    t_connections.names.insert(m_location, name);
    for (const QString &pragma : {QStringLiteral("PRAGMA journal_mode=WAL"),
                                  QStringLiteral("PRAGMA synchronous=FULL"),
                                  QStringLiteral("PRAGMA foreign_keys=ON")}) {
        QSqlQuery query(db);
        if (!query.exec(pragma))
            return makeError(QStringLiteral("%1 failed: %2").arg(pragma, describeSqlError(query.lastError())));
    }
    qCDebug(lcGatewayDb) << "opened" << name << "on thread" << QThread::currentThread();
    return db;
}

void Database::releaseThreadConnections()
{
    t_connections.release();
}

bool isPostgres(const QSqlDatabase &db)
{
    return db.driverName() == QLatin1String("QPSQL");
}

// A failed statement on PostgreSQL may mean the connection died (a server restart, a session
// ended by an administrator): no SQLSTATE (libpq found no server), class 08 (connection
// exception) or 57P (operator intervention). Then the next Database::connection() on this
// thread opens a new one. (A ping cannot tell: inside a failed transaction it fails as well.)
void noteConnectionFailure(const QSqlDatabase &db, const QSqlError &error)
{
    const QString state = error.nativeErrorCode();
    if (isPostgres(db) && (state.isEmpty() || state.startsWith(QLatin1String("08")) || state.startsWith(QLatin1String("57P"))))
        t_connections.lost.insert(db.connectionName());
}

namespace {
thread_local bool t_storageFailure = false;
} // namespace

void noteStorageFailure(const QSqlError &error)
{
    // SQLite: SQLITE_FULL and SQLITE_IOERR (a write past RLIMIT_FSIZE is an I/O error);
    // PostgreSQL: 53100 disk_full only (the rest of class 53 — too many connections, out of
    // memory — is not the storage's trouble).
    const QString text = error.text();
    if (text.contains(QLatin1String("database or disk is full")) || text.contains(QLatin1String("disk I/O error"))
        || error.nativeErrorCode() == QLatin1String("53100"))
        t_storageFailure = true;
}

bool storageFailureSeen()
{
    return t_storageFailure;
}

void resetStorageFailure()
{
    t_storageFailure = false;
}

QString describeSqlError(const QSqlError &error)
{
    return error.text().isEmpty() ? QStringLiteral("unknown database error") : error.text();
}

namespace {

Error failed(const QSqlDatabase &db, const char *what, const QSqlQuery &query, const QString &sql)
{
    const QString message = describeSqlError(query.lastError());
    qCWarning(lcGatewayDb).noquote() << what << "failed:" << message << "in" << sql;
    noteConnectionFailure(db, query.lastError());
    noteStorageFailure(query.lastError());
    return makeError(QLatin1StringView(what) + QStringLiteral(" failed: ") + message);
}

} // namespace

Result<QSqlQuery> runQuery(const QSqlDatabase &db, const QString &sql, const QVariantList &values)
{
    QSqlQuery query(db);
    // A forward-only QPSQL query streams its rows in libpq's single-row mode, which allows one
    // query in flight per connection: the stores read one query while running another (as
    // SQLite allows), so PostgreSQL results are fetched whole. Every result is small (pages
    // are at most 1,000 rows).
    query.setForwardOnly(!isPostgres(db));
    // QPSQL prepares with PREPARE … AS, which takes no DDL: a statement without values runs
    // as it is (nothing is concatenated into it).
    if (values.isEmpty() && isPostgres(db)) {
        if (!query.exec(sql))
            return failed(db, "query", query, sql);
        return query;
    }
    if (!query.prepare(sql))
        return failed(db, "prepare", query, sql);
    for (qsizetype i = 0; i < values.size(); ++i)
        query.bindValue(static_cast<int>(i), values.at(i));
    if (!query.exec())
        return failed(db, "query", query, sql);
    return query;
}

} // namespace kessai::gateway
