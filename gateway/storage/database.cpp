#include "database.h"

#include "payments/paymentstatemachine.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
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

QString describe(const QSqlError &error)
{
    return error.text().isEmpty() ? QStringLiteral("unknown database error") : error.text();
}

bool isSqlite(const QSqlDatabase &db)
{
    return db.driverName() == QLatin1String("QSQLITE");
}

// Any writer of the database takes this lock first (Transaction::begin on PostgreSQL).
// Advisory locks are per database, so gateways on other databases of a cluster never wait.
constexpr qint64 WriteLockKey = 0x4b65737361690001; // "Kessai" 1

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
        const QString message = QStringLiteral("cannot open %1: %2").arg(url.display, describe(db.lastError()));
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
            const QString message = describe(query.lastError());
            query = QSqlQuery();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(name);
            return makeError(QStringLiteral("cannot set up the connection to %1: %2").arg(url.display, message));
        }
    }
    return db;
}

// Type names differ between engines; the schema is written once with placeholders.
QString dialect(const QSqlDatabase &db, QString sql)
{
    const bool sqlite = isSqlite(db);
    // Text that is sorted or range-compared (trading id prefixes, keyset cursors) compares by
    // bytes on every engine, whatever collation the PostgreSQL database was created with.
    sql.replace(QStringLiteral("%BYTES%"), sqlite ? QString() : QStringLiteral(" COLLATE \"C\""));
    // SQLite's INTEGER PRIMARY KEY is the 64-bit rowid itself: the payments table needs no
    // second index for its key.
    sql.replace(QStringLiteral("%ID_KEY%"),
                sqlite ? QStringLiteral("INTEGER PRIMARY KEY") : QStringLiteral("BIGINT PRIMARY KEY"));
    sql.replace(QStringLiteral("%SERIAL_KEY%"),
                sqlite ? QStringLiteral("INTEGER PRIMARY KEY AUTOINCREMENT")
                       : QStringLiteral("BIGSERIAL PRIMARY KEY"));
    return sql;
}

const QStringList &migrationOne()
{
    static const QStringList statements = {
        QStringLiteral("CREATE TABLE settings (name VARCHAR(64) PRIMARY KEY, value TEXT NOT NULL)"),
        QStringLiteral("CREATE TABLE merchants ("
                       " merchant_id VARCHAR(32) PRIMARY KEY,"
                       " name TEXT NOT NULL,"
                       " created_at BIGINT NOT NULL)"),
        QStringLiteral("CREATE TABLE users ("
                       " login_id VARCHAR(64)%BYTES% PRIMARY KEY,"
                       " merchant_id VARCHAR(32) NOT NULL REFERENCES merchants (merchant_id),"
                       " name TEXT NOT NULL,"
                       " role VARCHAR(16) NOT NULL CHECK (role IN ('admin', 'general')),"
                       " password_hash TEXT NOT NULL,"
                       " failed_logins INTEGER NOT NULL DEFAULT 0,"
                       " locked_until BIGINT,"
                       " enabled INTEGER NOT NULL DEFAULT 1,"
                       " created_at BIGINT NOT NULL)"),
        QStringLiteral("CREATE INDEX users_merchant ON users (merchant_id)"),
        QStringLiteral("CREATE TABLE user_permissions ("
                       " login_id VARCHAR(64) NOT NULL REFERENCES users (login_id),"
                       " permission VARCHAR(32) NOT NULL,"
                       " PRIMARY KEY (login_id, permission))"),
        QStringLiteral("CREATE TABLE certificates ("
                       " fingerprint CHAR(64) PRIMARY KEY,"
                       " login_id VARCHAR(64) NOT NULL REFERENCES users (login_id),"
                       " serial VARCHAR(64) NOT NULL,"
                       " issued_at BIGINT NOT NULL,"
                       " not_after BIGINT NOT NULL,"
                       " revoked_at BIGINT)"),
        QStringLiteral("CREATE INDEX certificates_login ON certificates (login_id)"),
        QStringLiteral("CREATE TABLE sessions ("
                       " token_hash CHAR(64) PRIMARY KEY,"
                       " login_id VARCHAR(64) NOT NULL REFERENCES users (login_id),"
                       " cert_fingerprint CHAR(64) NOT NULL,"
                       " created_at BIGINT NOT NULL,"
                       " last_seen BIGINT NOT NULL,"
                       " expires_at BIGINT NOT NULL)"),
        QStringLiteral("CREATE INDEX sessions_login ON sessions (login_id)"),
        QStringLiteral("CREATE TABLE payments ("
                       " payment_id %ID_KEY%,"
                       " merchant_id VARCHAR(32) NOT NULL REFERENCES merchants (merchant_id),"
                       " trading_id VARCHAR(25)%BYTES% NOT NULL,"
                       " type CHAR(2) NOT NULL,"
                       " status INTEGER NOT NULL,"
                       " amount BIGINT NOT NULL,"
                       " authorized_amount BIGINT,"
                       " institution TEXT NOT NULL DEFAULT '',"
                       " trade_time BIGINT NOT NULL,"
                       " due_time BIGINT,"
                       " cleared_time BIGINT,"
                       " base_payment_id BIGINT,"
                       " card_brand VARCHAR(16),"
                       " card_bin CHAR(6),"
                       " card_last4 CHAR(4),"
                       " card_expiry CHAR(5),"
                       " customer_name TEXT,"
                       " customer_kana TEXT,"
                       " customer_email TEXT,"
                       " customer_phone VARCHAR(20),"
                       " created_at BIGINT NOT NULL,"
                       " updated_at BIGINT NOT NULL)"),
        QStringLiteral("CREATE TABLE payment_events ("
                       " event_id %SERIAL_KEY%,"
                       " payment_id BIGINT NOT NULL REFERENCES payments (payment_id),"
                       " at BIGINT NOT NULL,"
                       " actor VARCHAR(64) NOT NULL,"
                       " from_status INTEGER,"
                       " to_status INTEGER NOT NULL,"
                       " amount BIGINT)"),
        QStringLiteral("CREATE INDEX payment_events_payment ON payment_events (payment_id, at)"),
        QStringLiteral("CREATE TABLE audit_log ("
                       " audit_id %SERIAL_KEY%,"
                       " at BIGINT NOT NULL,"
                       " login_id VARCHAR(64),"
                       " merchant_id VARCHAR(32),"
                       " action VARCHAR(64) NOT NULL,"
                       " target TEXT,"
                       " result VARCHAR(64) NOT NULL,"
                       " origin VARCHAR(64),"
                       " request_id VARCHAR(32))"),
        QStringLiteral("CREATE INDEX audit_log_merchant ON audit_log (merchant_id, at DESC)"),
    };
    return statements;
}

// The search indexes as schema 1 created them; later ones come with their migration.
const QStringList &migrationOneIndexes()
{
    static const QStringList statements = {
        QStringLiteral("CREATE INDEX payments_merchant_time ON payments (merchant_id, trade_time DESC, payment_id DESC)"),
        QStringLiteral("CREATE INDEX payments_merchant_trading ON payments (merchant_id, trading_id)"),
        QStringLiteral("CREATE INDEX payments_merchant_status_time ON payments (merchant_id, status, trade_time DESC, payment_id DESC)"),
        QStringLiteral("CREATE INDEX payments_merchant_type_time ON payments (merchant_id, type, trade_time DESC, payment_id DESC)"),
    };
    return statements;
}

// Schema 2: CVS/ATM payment numbers and the indexes behind every sort and range filter of the
// search page. Due and cleared times are indexed as COALESCE(x, -1) because the search sorts
// and pages them that way (a missing time sorts lowest on every engine).
const QStringList &migrationTwo()
{
    static const QStringList statements = {
        QStringLiteral("ALTER TABLE payments ADD COLUMN receipt_number VARCHAR(32)"),
        QStringLiteral("ALTER TABLE payments ADD COLUMN payment_number VARCHAR(32)"),
        QStringLiteral("CREATE INDEX IF NOT EXISTS payments_merchant_amount ON payments (merchant_id, amount, payment_id)"),
        QStringLiteral("CREATE INDEX IF NOT EXISTS payments_merchant_last4_time ON payments (merchant_id, card_last4, trade_time, payment_id)"),
        QStringLiteral("CREATE INDEX IF NOT EXISTS payments_merchant_due ON payments (merchant_id, (COALESCE(due_time, -1)), payment_id)"),
        QStringLiteral("CREATE INDEX IF NOT EXISTS payments_merchant_cleared ON payments (merchant_id, (COALESCE(cleared_time, -1)), payment_id)"),
        // One status is the console's most common filter: it is served in every sort order.
        QStringLiteral("CREATE INDEX IF NOT EXISTS payments_merchant_status_amount ON payments (merchant_id, status, amount, payment_id)"),
        QStringLiteral("CREATE INDEX IF NOT EXISTS payments_merchant_status_due ON payments (merchant_id, status, (COALESCE(due_time, -1)), payment_id)"),
        QStringLiteral("CREATE INDEX IF NOT EXISTS payments_merchant_status_cleared ON payments (merchant_id, status, (COALESCE(cleared_time, -1)), payment_id)"),
        QStringLiteral("CREATE INDEX IF NOT EXISTS payments_merchant_status_trading ON payments (merchant_id, status, trading_id, payment_id)"),
    };
    return statements;
}

// Schema 3: payment actions. deadline_at is when the current status falls due by itself
// (authorization expiry, end of the cancel window, payment deadline), so the lazy expiry sweep
// is one index range; idempotency_keys remembers bulk action answers per merchant and key.
QStringList migrationThree()
{
    QStringList statements = {
        QStringLiteral("ALTER TABLE payments ADD COLUMN deadline_at BIGINT"),
    };
    statements += PaymentStateMachine::deadlineBackfillStatements();
    statements += {
        QStringLiteral("CREATE INDEX payments_merchant_deadline ON payments (merchant_id, deadline_at)"),
        QStringLiteral("CREATE TABLE idempotency_keys ("
                       " merchant_id VARCHAR(32) NOT NULL REFERENCES merchants (merchant_id),"
                       " idempotency_key VARCHAR(64) NOT NULL,"
                       " request_hash CHAR(64) NOT NULL,"
                       " state VARCHAR(8) NOT NULL CHECK (state IN ('running', 'done')),"
                       " http_status INTEGER,"
                       " response TEXT,"
                       " created_at BIGINT NOT NULL,"
                       " updated_at BIGINT NOT NULL,"
                       " PRIMARY KEY (merchant_id, idempotency_key))"),
        QStringLiteral("CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at)"),
    };
    return statements;
}

// Schema 4: user administration. One active certificate per user (1 user = 1 certificate),
// and the audit log read newest first per merchant, optionally per user, with a total order.
const QStringList &migrationFour()
{
    static const QStringList statements = {
        QStringLiteral("CREATE UNIQUE INDEX certificates_one_active ON certificates (login_id) WHERE revoked_at IS NULL"),
        QStringLiteral("CREATE INDEX audit_log_merchant_page ON audit_log (merchant_id, at DESC, audit_id DESC)"),
        QStringLiteral("CREATE INDEX audit_log_merchant_login ON audit_log (merchant_id, login_id, at DESC, audit_id DESC)"),
        QStringLiteral("DROP INDEX audit_log_merchant"),
    };
    return statements;
}

// Schema 5: manual registration (POST /v1/payments). A card's payment class (支払区分: 10 一括,
// 61 分割, 23 ボーナス一括, 80 リボ) and its number of installments; NULL for older rows and for
// other payment types.
const QStringList &migrationFive()
{
    static const QStringList statements = {
        QStringLiteral("ALTER TABLE payments ADD COLUMN payment_class CHAR(2)"),
        QStringLiteral("ALTER TABLE payments ADD COLUMN split_count INTEGER"),
    };
    return statements;
}

// Schema 6: settlement statements (支払明細). Fees per merchant and payment type and the
// transfer fee per payout; closed statements with their per-method rows and lines. A money
// event (a sale to 40, a cancel 40 → 60) records the statement it entered; the partial index
// holds exactly the events no statement has taken yet, so closing a period reads only those.
const QStringList &migrationSix()
{
    static const QStringList statements = {
        QStringLiteral("CREATE TABLE merchant_fees ("
                       " merchant_id VARCHAR(32) NOT NULL REFERENCES merchants (merchant_id),"
                       " type CHAR(2) NOT NULL,"
                       " rate_bp INTEGER NOT NULL CHECK (rate_bp >= 0 AND rate_bp <= 10000),"
                       " fixed_fee BIGINT NOT NULL CHECK (fixed_fee >= 0),"
                       " PRIMARY KEY (merchant_id, type))"),
        QStringLiteral("CREATE TABLE merchant_payout_settings ("
                       " merchant_id VARCHAR(32) PRIMARY KEY REFERENCES merchants (merchant_id),"
                       " transfer_fee BIGINT NOT NULL CHECK (transfer_fee >= 0))"),
        QStringLiteral("CREATE TABLE statements ("
                       " statement_id %SERIAL_KEY%,"
                       " merchant_id VARCHAR(32) NOT NULL REFERENCES merchants (merchant_id),"
                       " period_start BIGINT NOT NULL,"
                       " period_end BIGINT NOT NULL,"
                       " first_day CHAR(10) NOT NULL,"
                       " closing_date CHAR(10) NOT NULL,"
                       " payout_date CHAR(10) NOT NULL,"
                       " sale_count BIGINT NOT NULL,"
                       " sale_amount BIGINT NOT NULL,"
                       " cancel_count BIGINT NOT NULL,"
                       " cancel_amount BIGINT NOT NULL,"
                       " fee BIGINT NOT NULL,"
                       " tax BIGINT NOT NULL,"
                       " net BIGINT NOT NULL,"
                       " carry_in BIGINT NOT NULL,"
                       " transfer_fee BIGINT NOT NULL,"
                       " payout BIGINT NOT NULL,"
                       " carry_out BIGINT NOT NULL,"
                       " line_count BIGINT NOT NULL,"
                       " closed_at BIGINT NOT NULL,"
                       " UNIQUE (merchant_id, period_start))"),
        QStringLiteral("CREATE INDEX statements_merchant_payout ON statements (merchant_id, payout_date)"),
        QStringLiteral("CREATE TABLE statement_methods ("
                       " statement_id BIGINT NOT NULL REFERENCES statements (statement_id),"
                       " type CHAR(2) NOT NULL,"
                       " rate_bp INTEGER NOT NULL,"
                       " fixed_fee BIGINT NOT NULL,"
                       " sale_count BIGINT NOT NULL,"
                       " sale_amount BIGINT NOT NULL,"
                       " cancel_count BIGINT NOT NULL,"
                       " cancel_amount BIGINT NOT NULL,"
                       " fee BIGINT NOT NULL,"
                       " tax BIGINT NOT NULL,"
                       " net BIGINT NOT NULL,"
                       " PRIMARY KEY (statement_id, type))"),
        // Later kinds (chargeback, fee, adjustment) may have no payment event or payment.
        QStringLiteral("CREATE TABLE statement_lines ("
                       " line_id %SERIAL_KEY%,"
                       " statement_id BIGINT NOT NULL REFERENCES statements (statement_id),"
                       " event_id BIGINT REFERENCES payment_events (event_id),"
                       " payment_id BIGINT,"
                       " trading_id VARCHAR(25),"
                       " type CHAR(2) NOT NULL,"
                       " kind VARCHAR(32) NOT NULL,"
                       " event_at BIGINT NOT NULL,"
                       " amount BIGINT NOT NULL,"
                       " fee BIGINT NOT NULL)"),
        QStringLiteral("CREATE UNIQUE INDEX statement_lines_event ON statement_lines (event_id)"),
        QStringLiteral("CREATE INDEX statement_lines_page ON statement_lines (statement_id, line_id)"),
        QStringLiteral("CREATE INDEX statement_lines_type ON statement_lines (statement_id, type, line_id)"),
        QStringLiteral("ALTER TABLE payment_events ADD COLUMN statement_id BIGINT REFERENCES statements (statement_id)"),
        QStringLiteral("CREATE INDEX payment_events_unsettled ON payment_events (at)"
                       " WHERE statement_id IS NULL AND to_status IN (40, 60)"),
    };
    return statements;
}

// Schema 7: the two searches that had no index of their own on a merchant with a million
// payments. One payment type with an amount range (both common, rare together) is one range of
// (type, amount). The customer filter (a substring of name, kana or phone) cannot use a b-tree
// range. On SQLite a virtual (computed, not stored) column holds the lower-cased name and kana
// and the phone's digits, separated by U+001F (which no search text contains), and two indexes
// serve it: a trigram full-text index (FTS5, kept by triggers) finds the payments of a text of
// three or more characters at once, and a narrow b-tree of the column is what a search scans
// instead of the table otherwise (shorter texts, or one so common that the trigram index would
// hand over most of the table). PostgreSQL scans the table.
QStringList migrationSeven(bool postgres)
{
    QStringList statements = {
        QStringLiteral("CREATE INDEX IF NOT EXISTS payments_merchant_type_amount ON payments (merchant_id, type, amount, payment_id)"),
    };
    if (postgres) {
        // The same text as an expression, in a trigram GIN index (pg_trgm ships with PostgreSQL
        // and is a trusted extension: the database's owner may create it).
        QString trigramIndex = QStringLiteral("CREATE INDEX IF NOT EXISTS payments_customer_trigram ON payments USING gin ((");
        trigramIndex.append(Database::customerSearchExpression(true)).append(QStringLiteral(") gin_trgm_ops)"));
        statements << QStringLiteral("CREATE EXTENSION IF NOT EXISTS pg_trgm") << trigramIndex;
    } else {
        QString searchColumn = QStringLiteral("ALTER TABLE payments ADD COLUMN customer_search TEXT GENERATED ALWAYS AS (");
        searchColumn.append(Database::customerSearchExpression(false)).append(QStringLiteral(") VIRTUAL"));
        statements += {
            searchColumn,
            Database::customerIndexStatement(),
            QStringLiteral("CREATE VIRTUAL TABLE payment_customers USING fts5(customer_search, content='payments',"
                           " content_rowid='payment_id', tokenize='trigram', detail='none')"),
            QStringLiteral("CREATE TRIGGER payment_customers_delete AFTER DELETE ON payments BEGIN"
                           " INSERT INTO payment_customers (payment_customers, rowid, customer_search)"
                           " VALUES ('delete', old.payment_id, old.customer_search); END"),
            QStringLiteral("CREATE TRIGGER payment_customers_update AFTER UPDATE OF customer_name, customer_kana, customer_phone"
                           " ON payments BEGIN"
                           " INSERT INTO payment_customers (payment_customers, rowid, customer_search)"
                           " VALUES ('delete', old.payment_id, old.customer_search);"
                           " INSERT INTO payment_customers (rowid, customer_search) VALUES (new.payment_id, new.customer_search); END"),
        };
        statements += Database::customerTextIndexStatements();
    }
    return statements;
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
        const QString message = QStringLiteral("cannot open %1: %2").arg(m_location, describe(db.lastError()));
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
            return makeError(QStringLiteral("%1 failed: %2").arg(pragma, describe(query.lastError())));
    }
    qCDebug(lcGatewayDb) << "opened" << name << "on thread" << QThread::currentThread();
    return db;
}

void Database::releaseThreadConnections()
{
    t_connections.release();
}

Result<void> Database::migrate() const
{
    auto db = connection();
    if (!db)
        return makeError(db.error());

    const bool postgres = kessai::gateway::isPostgres(*db);
    const QList<QStringList> migrations = {migrationOne() + migrationOneIndexes(), migrationTwo(), migrationThree(), migrationFour(),
                                              migrationFive(), migrationSix(), migrationSeven(postgres)};
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
        if (version == SchemaVersion) {
            if (auto committed = transaction.commit(); !committed)
                return committed;
            break;
        }
        for (const QString &statement : migrations.at(version)) {
            auto result = runQuery(*db, dialect(*db, statement));
            if (!result)
                return makeError(QStringLiteral("migration %1: %2").arg(version + 1).arg(result.error()));
        }
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

QString Database::customerSearchExpression(bool postgres)
{
    return QStringLiteral("LOWER(COALESCE(customer_name, '')) || %1 || LOWER(COALESCE(customer_kana, '')) || %1"
                          " || REPLACE(REPLACE(COALESCE(customer_phone, ''), '-', ''), ' ', '')")
        .arg(postgres ? QStringLiteral("chr(31)") : QStringLiteral("char(31)"));
}

QStringList Database::customerTextIndexStatements()
{
    return {
        QStringLiteral("CREATE TRIGGER IF NOT EXISTS payment_customers_insert AFTER INSERT ON payments BEGIN"
                       " INSERT INTO payment_customers (rowid, customer_search) VALUES (new.payment_id, new.customer_search); END"),
        QStringLiteral("INSERT INTO payment_customers (payment_customers) VALUES ('rebuild')"),
    };
}

QString Database::customerIndexStatement()
{
    return QStringLiteral("CREATE INDEX IF NOT EXISTS payments_merchant_customer ON payments (merchant_id, customer_search)");
}

QStringList Database::paymentIndexCreateStatements(bool postgres)
{
    QStringList statements;
    for (const QString &statement : migrationOneIndexes())
        statements.append(QString(statement).replace(QStringLiteral("CREATE INDEX "), QStringLiteral("CREATE INDEX IF NOT EXISTS ")));
    for (const QString &statement : migrationTwo() + migrationSeven(postgres)) {
        if (statement.startsWith(QLatin1String("CREATE INDEX")))
            statements.append(statement);
    }
    // The trigram index is filled once after the load rather than row by row.
    if (!postgres)
        statements += customerTextIndexStatements();
    return statements;
}

QStringList Database::paymentIndexDropStatements(bool postgres)
{
    QStringList statements = {
        QStringLiteral("DROP INDEX IF EXISTS payments_merchant_time"),
        QStringLiteral("DROP INDEX IF EXISTS payments_merchant_trading"),
        QStringLiteral("DROP INDEX IF EXISTS payments_merchant_status_time"),
        QStringLiteral("DROP INDEX IF EXISTS payments_merchant_type_time"),
        QStringLiteral("DROP INDEX IF EXISTS payments_merchant_amount"),
        QStringLiteral("DROP INDEX IF EXISTS payments_merchant_last4_time"),
        QStringLiteral("DROP INDEX IF EXISTS payments_merchant_due"),
        QStringLiteral("DROP INDEX IF EXISTS payments_merchant_cleared"),
        QStringLiteral("DROP INDEX IF EXISTS payments_merchant_status_amount"),
        QStringLiteral("DROP INDEX IF EXISTS payments_merchant_status_due"),
        QStringLiteral("DROP INDEX IF EXISTS payments_merchant_status_cleared"),
        QStringLiteral("DROP INDEX IF EXISTS payments_merchant_status_trading"),
        QStringLiteral("DROP INDEX IF EXISTS payments_merchant_type_amount"),
        QStringLiteral("DROP INDEX IF EXISTS payments_merchant_customer"),
        QStringLiteral("DROP INDEX IF EXISTS payments_customer_trigram"),
    };
    if (!postgres)
        statements.append(QStringLiteral("DROP TRIGGER IF EXISTS payment_customers_insert"));
    return statements;
}

bool isPostgres(const QSqlDatabase &db)
{
    return db.driverName() == QLatin1String("QPSQL");
}

namespace {

// A failed statement on PostgreSQL may mean the connection died (a server restart, a session
// ended by an administrator): no SQLSTATE (libpq found no server), class 08 (connection
// exception) or 57P (operator intervention). Then the next Database::connection() on this
// thread opens a new one. (A ping cannot tell: inside a failed transaction it fails as well.)
void noteFailure(const QSqlDatabase &db, const QSqlError &error)
{
    const QString state = error.nativeErrorCode();
    if (isPostgres(db) && (state.isEmpty() || state.startsWith(QLatin1String("08")) || state.startsWith(QLatin1String("57P"))))
        t_connections.lost.insert(db.connectionName());
}

Error failed(const QSqlDatabase &db, const char *what, const QSqlQuery &query, const QString &sql)
{
    const QString message = describe(query.lastError());
    qCWarning(lcGatewayDb).noquote() << what << "failed:" << message << "in" << sql;
    noteFailure(db, query.lastError());
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

Transaction::Transaction(QSqlDatabase db)
    : m_db(std::move(db))
{}

Transaction::~Transaction()
{
    if (!m_active)
        return;
    if (isSqlite(m_db)) {
        QSqlQuery query(m_db);
        if (!query.exec(QStringLiteral("ROLLBACK")))
            qCWarning(lcGatewayDb) << "rollback failed:" << describe(query.lastError());
    } else if (!m_db.rollback()) {
        qCWarning(lcGatewayDb) << "rollback failed:" << describe(m_db.lastError());
    }
}

Result<void> Transaction::begin()
{
    bool ok = false;
    QString error;
    if (isSqlite(m_db)) {
        QSqlQuery query(m_db);
        ok = query.exec(QStringLiteral("BEGIN IMMEDIATE"));
        error = describe(query.lastError());
    } else {
        ok = m_db.transaction();
        error = describe(m_db.lastError());
        if (!ok)
            noteFailure(m_db, m_db.lastError());
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
    if (isSqlite(m_db)) {
        QSqlQuery query(m_db);
        ok = query.exec(QStringLiteral("COMMIT"));
        error = describe(query.lastError());
    } else {
        ok = m_db.commit();
        error = describe(m_db.lastError());
    }
    if (!ok)
        return makeError(QStringLiteral("commit failed: ") + error);
    m_active = false;
    return {};
}

} // namespace kessai::gateway
