#pragma once

#include <QList>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

// Starts a real kessai-gateway for a test: `demo` into a throwaway directory (its own CA and
// database), then `serve` on a free loopback port. Stops it (SIGTERM) when destroyed.
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
    // Runs `serve` again on an existing data directory (after stop()).
    bool restart(const QStringList &extraServeArgs = {});
    void stop();

    QString error() const { return m_error; }
    QString dataDir() const { return m_dir ? m_dir->path() : QString(); }
    QUrl url() const { return m_url; }
    QString caPath() const { return m_caPath; }
    QList<User> users() const { return m_users; }
    User user(const QString &loginId) const;
    // Combined stdout/stderr of the serving gateway so far.
    QByteArray serverLog();

    static QString gatewayBinary();
    // Runs kessai-gateway with args to completion; returns exit code, output in *output.
    static int runGateway(const QStringList &args, QByteArray *output = nullptr, int timeoutMs = 120000);

private:
    bool serve(const QStringList &extraArgs);
    bool readDemo();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QProcess> m_server;
    QByteArray m_log;
    QUrl m_url;
    QString m_caPath;
    QList<User> m_users;
    QString m_error;
};
