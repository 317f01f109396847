#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QLoggingCategory>
#include <QString>

#include <memory>

Q_DECLARE_LOGGING_CATEGORY(lcGatewayHttp)

namespace httplib {
class SSLServer;
}

typedef struct x509_st X509;

namespace kessai::gateway {

class AccountStore;
class AdminStore;
class Clock;
class IdempotencyStore;
class PaymentActionStore;
class SandboxClock;
class PaymentStore;
class RegistrationStore;
class SessionService;
class StatementStore;
class UserAdmin;

// The Merchant API over HTTPS with mandatory client certificates (cpp-httplib + OpenSSL).
// TLS policy, routes, JSON errors with request ids and the request log live here; the rules
// themselves live in SessionService and the stores.
class GatewayServer
{
public:
    static constexpr int DefaultThreads = 32;

    GatewayServer(AccountStore &accounts, PaymentStore &payments, SessionService &sessions, const Clock &clock);
    ~GatewayServer();
    GatewayServer(const GatewayServer &) = delete;
    GatewayServer &operator=(const GatewayServer &) = delete;

    // Loads the server certificate and the merchant CA of dataDir and installs the routes.
    Result<void> setup(const QString &dataDir, int threads = DefaultThreads);
    // Binds host:port (port 0 = any free port); returns the bound port.
    Result<int> bind(const QString &host, int port);
    // Serves until stop(); false if the listening socket failed.
    bool listen();
    // Thread-safe; makes listen() return.
    void stop();

    // Sandbox mode (before setup()): the /v1/sandbox routes and a persisted payment clock offset.
    void setSandbox(bool sandbox) { m_sandbox = sandbox; }

    // The TLS verify hook's question: may this (chain-valid) client certificate connect?
    bool acceptsClientCertificate(X509 *certificate);

private:
    void installRoutes();
    UserAdmin &userAdmin();

    AccountStore &m_accounts;
    PaymentStore &m_payments;
    SessionService &m_sessions;
    const Clock &m_clock;
    std::unique_ptr<httplib::SSLServer> m_server;
    QString m_setupError;
    QString m_dataDir;
    std::unique_ptr<AdminStore> m_adminStore;
    std::unique_ptr<UserAdmin> m_userAdmin;
    bool m_sandbox = false;
    std::unique_ptr<SandboxClock> m_paymentClock; // the state machine's clock
    std::unique_ptr<PaymentActionStore> m_paymentActions;
    std::unique_ptr<IdempotencyStore> m_idempotency;
    std::unique_ptr<RegistrationStore> m_registrations;
    QByteArray m_cardDigestKey; // DIR/card-digest.key
    std::unique_ptr<StatementStore> m_statements;
};

} // namespace kessai::gateway
