#include "gatewayfixture.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QUrl>

#include <csignal>
#include <sys/resource.h>

GatewayFixture::GatewayFixture() = default;

GatewayFixture::~GatewayFixture()
{
    stop();
    dropPostgresDatabase();
    if (!m_logPath.isEmpty())
        QFile::remove(m_logPath);
}

bool GatewayFixture::postgresRequested()
{
    return qEnvironmentVariableIsSet("KESSAI_TEST_PG") || qEnvironmentVariableIsSet("KESSAI_TEST_PG_URL_FILE");
}

QString GatewayFixture::postgresServerUrl(QString *error)
{
    QString url = qEnvironmentVariable("KESSAI_TEST_PG");
    if (url.isEmpty()) {
        const QString path = qEnvironmentVariable("KESSAI_TEST_PG_URL_FILE");
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("KESSAI_TEST_PG_URL_FILE: cannot read %1 (did the kessai_pg fixture start PostgreSQL?): %2")
                         .arg(path, file.errorString());
            return {};
        }
        url = QString::fromUtf8(file.readAll()).trimmed();
    }
    if (!url.startsWith(QLatin1String("postgresql://"))) {
        *error = QStringLiteral("not a postgresql:// URL: ") + url;
        return {};
    }
    return url;
}

namespace {

// A QPSQL connection to url's database (its password, if any, included).
QSqlDatabase addPostgres(const QString &connectionName, const QUrl &url)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connectionName);
    db.setHostName(url.host());
    if (url.port() > 0)
        db.setPort(url.port());
    db.setUserName(url.userName());
    db.setPassword(url.password());
    db.setDatabaseName(url.path().mid(1));
    db.setConnectOptions(QStringLiteral("connect_timeout=10;application_name=kessai-tests"));
    return db;
}

} // namespace

// One database per fixture: tests run in parallel against one server.
bool GatewayFixture::createPostgresDatabase()
{
    m_serverUrl = postgresServerUrl(&m_error);
    if (m_serverUrl.isEmpty())
        return false;
    const QString name = QStringLiteral("kessai_t_%1").arg(QRandomGenerator::system()->generate64(), 16, 16, QLatin1Char('0'));
    const QString connection = QStringLiteral("fixture-admin-") + name;
    bool created = false;
    {
        QSqlDatabase admin = addPostgres(connection, QUrl(m_serverUrl));
        if (!admin.open()) {
            m_error = QStringLiteral("cannot connect to PostgreSQL %1: %2").arg(m_serverUrl, admin.lastError().text());
        } else {
            QSqlQuery query(admin);
            // A name cannot be bound; this one is made of [a-z0-9_] above.
            created = query.exec(QStringLiteral("CREATE DATABASE ") + name);
            if (!created)
                m_error = QStringLiteral("CREATE DATABASE %1 failed: %2").arg(name, query.lastError().text());
        }
        admin.close();
    }
    QSqlDatabase::removeDatabase(connection);
    if (!created)
        return false;
    m_databaseName = name;
    QUrl url(m_serverUrl);
    url.setPath(u'/' + name);
    m_databaseUrl = url.toString();
    return true;
}

void GatewayFixture::dropPostgresDatabase()
{
    if (m_databaseName.isEmpty())
        return;
    const QString connection = QStringLiteral("fixture-admin-drop-") + m_databaseName;
    {
        QSqlDatabase admin = addPostgres(connection, QUrl(m_serverUrl));
        if (admin.open()) {
            QSqlQuery query(admin);
            if (!query.exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_databaseName)))
                qWarning("cannot drop %s: %s", qPrintable(m_databaseName), qPrintable(query.lastError().text()));
        }
        admin.close();
    }
    QSqlDatabase::removeDatabase(connection);
    m_databaseName.clear();
    m_databaseUrl.clear();
}

QSqlDatabase GatewayFixture::openDatabase(const QString &connectionName)
{
    QSqlDatabase db;
    if (m_databaseUrl.isEmpty()) {
        db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
        db.setDatabaseName(m_dir->filePath(QStringLiteral("gateway.db")));
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    } else {
        db = addPostgres(connectionName, QUrl(m_databaseUrl));
    }
    if (!db.open())
        m_error = QStringLiteral("cannot open the test database: ") + db.lastError().text();
    return db;
}

QString GatewayFixture::gatewayBinary()
{
    return QStringLiteral(KESSAI_GATEWAY_BIN);
}

int GatewayFixture::runGateway(const QStringList &args, QByteArray *output, int timeoutMs)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(gatewayBinary(), args);
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        if (output)
            *output = process.readAll() + "\n(timed out)";
        return -1;
    }
    if (output)
        *output = process.readAll();
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

bool GatewayFixture::prepare()
{
    stop();
    m_users.clear();
    m_dir = std::make_unique<QTemporaryDir>();
    if (!m_dir->isValid()) {
        m_error = QStringLiteral("cannot create a temporary directory");
        return false;
    }
    m_caPath = m_dir->filePath(QStringLiteral("ca.pem"));
    dropPostgresDatabase();
    return !postgresRequested() || createPostgresDatabase();
}

bool GatewayFixture::start(int payments, int seed, const QStringList &extraServeArgs)
{
    if (!prepare())
        return false;
    QByteArray output;
    const int rc = runGateway(QStringList{QStringLiteral("demo"),
                                          QStringLiteral("--data"),
                                          m_dir->path(),
                                          QStringLiteral("--payments"),
                                          QString::number(payments),
                                          QStringLiteral("--seed"),
                                          QString::number(seed),
                                          QStringLiteral("--listen"),
                                          QStringLiteral("127.0.0.1:0")}
                                  + databaseArgs(),
                              &output);
    if (rc != 0) {
        m_error = QStringLiteral("kessai-gateway demo failed (%1): %2")
                      .arg(rc)
                      .arg(QString::fromUtf8(output));
        return false;
    }
    if (!readDemo())
        return false;
    return serve(extraServeArgs);
}

bool GatewayFixture::restart(const QStringList &extraServeArgs)
{
    stop();
    return serve(extraServeArgs);
}

bool GatewayFixture::readDemo()
{
    QFile file(m_dir->filePath(QStringLiteral("demo.json")));
    if (!file.open(QIODevice::ReadOnly)) {
        m_error = QStringLiteral("no demo.json: ") + file.errorString();
        return false;
    }
    const QJsonObject demo = QJsonDocument::fromJson(file.readAll()).object();
    m_caPath = demo.value(QLatin1String("ca")).toString();
    m_users.clear();
    for (const QJsonValue &value : demo.value(QLatin1String("users")).toArray()) {
        const QJsonObject u = value.toObject();
        User user;
        user.loginId = u.value(QLatin1String("login_id")).toString();
        user.password = u.value(QLatin1String("password")).toString();
        user.role = u.value(QLatin1String("role")).toString();
        user.merchantId = u.value(QLatin1String("merchant_id")).toString();
        for (const QJsonValue &p : u.value(QLatin1String("permissions")).toArray())
            user.permissions.append(p.toString());
        user.p12 = u.value(QLatin1String("p12")).toString();
        user.p12Passphrase = u.value(QLatin1String("p12_passphrase")).toString();
        m_users.append(user);
    }
    if (m_users.isEmpty() || m_caPath.isEmpty()) {
        m_error = QStringLiteral("demo.json has no users or no CA");
        return false;
    }
    return true;
}

bool GatewayFixture::serve(const QStringList &extraArgs)
{
    m_server = std::make_unique<QProcess>();
    // Into a file, not a pipe: a test that holds no event loop (raw sockets, long loops) would
    // leave a pipe unread, and a gateway that logs into a full pipe stops serving.
    // Beside the data directory, not in it: the gateway checks what its directory holds.
    if (!m_logPath.isEmpty())
        QFile::remove(m_logPath);
    m_logPath = m_dir->path() + QStringLiteral("-serve-%1.log").arg(++m_serveCount);
    m_server->setProcessChannelMode(QProcess::MergedChannels);
    m_server->setStandardOutputFile(m_logPath, QIODevice::Truncate);
    if (m_fileSizeLimit > 0) {
        // A disk that is full at this size: a write past it fails with EFBIG instead of raising
        // SIGXFSZ (an ignored signal stays ignored across exec).
        const rlim_t limit = rlim_t(m_fileSizeLimit);
        m_server->setChildProcessModifier([limit] {
            ::signal(SIGXFSZ, SIG_IGN);
            const rlimit files{limit, limit};
            ::setrlimit(RLIMIT_FSIZE, &files);
        });
    }
    m_server->start(gatewayBinary(),
                    QStringList{QStringLiteral("serve"),
                                QStringLiteral("--data"),
                                m_dir->path(),
                                QStringLiteral("--listen"),
                                QStringLiteral("127.0.0.1:0")}
                        + databaseArgs() + extraArgs);
    if (!m_server->waitForStarted(10000)) {
        m_error = QStringLiteral("kessai-gateway serve did not start: ") + m_server->errorString();
        return false;
    }
    static const QRegularExpression ready(QStringLiteral("^listening (https://127\\.0\\.0\\.1:\\d+)\\s*$"),
                                          QRegularExpression::MultilineOption);
    QDeadlineTimer deadline(30000);
    while (!deadline.hasExpired()) {
        if (m_server->state() != QProcess::Running) {
            m_error = QStringLiteral("kessai-gateway serve exited: ") + QString::fromUtf8(serverLog());
            return false;
        }
        m_server->waitForFinished(50);
        const auto match = ready.match(QString::fromUtf8(serverLog()));
        if (match.hasMatch()) {
            m_url = QUrl(match.captured(1));
            return true;
        }
    }
    m_error = QStringLiteral("kessai-gateway serve never said it was listening: ")
              + QString::fromUtf8(serverLog());
    return false;
}

void GatewayFixture::kill()
{
    if (!m_server)
        return;
    m_server->kill();
    m_server->waitForFinished();
    m_server.reset();
}

void GatewayFixture::stop()
{
    if (!m_server)
        return;
    if (m_server->state() == QProcess::Running) {
        m_server->terminate();
        if (!m_server->waitForFinished(10000)) {
            m_server->kill();
            m_server->waitForFinished();
        } else if (m_server->exitStatus() != QProcess::NormalExit || m_server->exitCode() != 0) {
            // SIGTERM is a graceful stop: anything but exit code 0 is a defect of the gateway
            // (it once freed its HTTP server twice at every exit), and fails the test run.
            qFatal("kessai-gateway did not stop cleanly (%s, exit code %d); its log:\n%s",
                   m_server->exitStatus() == QProcess::NormalExit ? "exited" : "crashed", m_server->exitCode(),
                   serverLog().right(4000).constData());
        }
    }
    m_server.reset();
}

QByteArray GatewayFixture::serverLog()
{
    QFile file(m_logPath);
    if (m_logPath.isEmpty() || !file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

QStringList GatewayFixture::seedAuthorizations(const QString &prefix, int count, qint64 amount)
{
    QStringList ids;
    const QString connection = QStringLiteral("fixture-seed");
    {
        QSqlDatabase db = openDatabase(connection);
        QSqlQuery model(db);
        QSqlQuery highest(db);
        // Every column of an authorized card payment, so that the copies are what the gateway
        // itself would have written, whatever columns later schema versions add.
        if (!model.exec(QStringLiteral("SELECT * FROM payments WHERE trading_id = 'paygent02' AND status = 20")) || !model.next()
            || !highest.exec(QStringLiteral("SELECT MAX(payment_id) FROM payments")) || !highest.next()) {
            qWarning("cannot read the model payment: %s", qPrintable(model.lastError().text()));
            return {};
        }
        // Generated columns (the customer search text) are the engine's to write.
        QSqlQuery generated(db);
        generated.exec(db.driverName() == QLatin1String("QSQLITE")
                           ? QStringLiteral("SELECT name FROM pragma_table_xinfo('payments') WHERE hidden IN (2, 3)")
                           : QStringLiteral("SELECT column_name FROM information_schema.columns WHERE table_name = 'payments' "
                                            "AND is_generated = 'ALWAYS'"));
        QStringList skipped;
        while (generated.next())
            skipped.append(generated.value(0).toString().toLower());
        const QSqlRecord record = model.record();
        QStringList names;
        QStringList marks;
        QList<int> columns;
        for (int i = 0; i < record.count(); ++i) {
            if (skipped.contains(record.fieldName(i).toLower()))
                continue;
            names.append(record.fieldName(i));
            marks.append(QStringLiteral("?"));
            columns.append(i);
        }
        QSqlQuery insert(db);
        db.transaction();
        if (!insert.prepare(QStringLiteral("INSERT INTO payments (%1) VALUES (%2)").arg(names.join(u','), marks.join(u',')))) {
            qWarning("cannot prepare the seed: %s", qPrintable(insert.lastError().text()));
            return {};
        }
        const qint64 first = highest.value(0).toLongLong() + 1;
        for (int n = 0; n < count; ++n) {
            const qint64 id = first + n;
            for (int i : std::as_const(columns)) {
                const QString name = record.fieldName(i).toLower();
                if (name == QLatin1String("payment_id"))
                    insert.addBindValue(id);
                else if (name == QLatin1String("trading_id"))
                    insert.addBindValue(QStringLiteral("%1%2").arg(prefix).arg(n + 1, 5, 10, QLatin1Char('0')));
                else if (name == QLatin1String("amount") || name == QLatin1String("authorized_amount"))
                    insert.addBindValue(amount);
                else
                    insert.addBindValue(model.value(i));
            }
            if (!insert.exec()) {
                qWarning("cannot seed: %s", qPrintable(insert.lastError().text()));
                db.rollback();
                return {};
            }
            ids.append(QString::number(id));
        }
        db.commit();
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    return ids;
}

GatewayFixture::User GatewayFixture::user(const QString &loginId) const
{
    for (const User &u : m_users) {
        if (u.loginId == loginId)
            return u;
    }
    return {};
}
