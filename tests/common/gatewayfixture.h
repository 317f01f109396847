#pragma once

#include <QList>
#include <QProcess>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

// Starts a real kessai-gateway for a test: `demo` into a throwaway directory (its own CA and
// database), then `serve` on a free loopback port. Stops it (SIGTERM) when destroyed.
// With KESSAI_TEST_PG set to a PostgreSQL URL (or KESSAI_TEST_PG_URL_FILE to a file holding
// one, as the CTest fixture kessai_pg writes it) the database is a fresh PostgreSQL database
// of that server instead, created for this fixture and dropped when it is destroyed.
class GatewayFixture
{
public:
    struct User
    {
        QString loginId;
        QString password;
        QString role;
        QString merchantId;
        QStringList permissions;
        QString p12;
        QString p12Passphrase;
    };

    GatewayFixture();
    ~GatewayFixture();
    GatewayFixture(const GatewayFixture &) = delete;
    GatewayFixture &operator=(const GatewayFixture &) = delete;

    // Runs `demo` (payments, seed) and `serve`. False with error() on failure.
    bool start(int payments = 2000, int seed = 1, const QStringList &extraServeArgs = {});
    // An empty data directory (and on PostgreSQL an empty database) for a test that runs `init`
    // and the other commands itself (with databaseArgs()), then serves it with restart().
    // users() stays empty: the test knows whom it created.
    bool prepare();
    // Runs `serve` again on an existing data directory (after stop(), or first after prepare()).
    bool restart(const QStringList &extraServeArgs = {});
    void stop();
    // From the next (re)start on: no file the gateway writes grows past bytes, as on a full
    // disk (RLIMIT_FSIZE; 0 = no limit).
    void setFileSizeLimit(qint64 bytes) { m_fileSizeLimit = bytes; }
    // SIGKILL: the gateway dies mid-request, as in a power cut (restart() serves again).
    void kill();

    QString error() const { return m_error; }
    // Whether this run uses PostgreSQL (see above); the URL of the server to use, or an error.
    static bool postgresRequested();
    static QString postgresServerUrl(QString *error);
    // The --db value given to the gateway: the PostgreSQL URL, or empty (DIR/gateway.db).
    QString databaseUrl() const { return m_databaseUrl; }
    // {"--db", databaseUrl()} on PostgreSQL, nothing on SQLite: what every command is given.
    QStringList databaseArgs() const { return m_databaseUrl.isEmpty() ? QStringList() : QStringList{QStringLiteral("--db"), m_databaseUrl}; }
    // A new connection named connectionName to this gateway's database, opened (check
    // isOpen(); error() says why not). The caller closes it and removes the connection.
    QSqlDatabase openDatabase(const QString &connectionName);
    // count new card payments in status 20 (copies of the demo's paygent02), written straight
    // into the database, with trading IDs prefix00001…, each authorized for amount; their
    // payment IDs (empty on failure, with a warning).
    QStringList seedAuthorizations(const QString &prefix, int count, qint64 amount);
    QString dataDir() const { return m_dir ? m_dir->path() : QString(); }
    QUrl url() const { return m_url; }
    QString caPath() const { return m_caPath; }
    QList<User> users() const { return m_users; }
    User user(const QString &loginId) const;
    // Combined stdout/stderr of the latest serving gateway so far.
    QByteArray serverLog();
    // The serving gateway's process id (0 when none runs): for reading /proc/PID/status.
    qint64 processId() const { return m_server ? m_server->processId() : 0; }

    static QString gatewayBinary();
    // Runs kessai-gateway with args to completion; returns exit code, output in *output.
    static int runGateway(const QStringList &args, QByteArray *output = nullptr, int timeoutMs = 120000);

private:
    bool serve(const QStringList &extraArgs);
    bool readDemo();
    bool createPostgresDatabase();
    void dropPostgresDatabase();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QProcess> m_server;
    QString m_logPath; // the serving gateway's stdout and stderr
    int m_serveCount = 0;
    qint64 m_fileSizeLimit = 0;
    QUrl m_url;
    QString m_caPath;
    QList<User> m_users;
    QString m_error;
    QString m_serverUrl;    // PostgreSQL: the server's maintenance database
    QString m_databaseName; // PostgreSQL: this fixture's database
    QString m_databaseUrl;
};
