#pragma once

#include "common/logthrottle.h"
#include "common/result.h"
#include "http/edgelimits.h"
#include "http/httpserver.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <memory>

namespace kessai::gateway {

class AccountStore;
class AuditLog;
class ExportSlots;
class AdminStore;
class Clock;
class Database;
class HttpServer;
class IdempotencyStore;
class PaymentActionStore;
class PaymentStore;
class RegistrationStore;
class SandboxClock;
class SessionService;
class StatementStore;
class UserAdmin;

// The composition root: builds every store and service of the gateway over one database and
// installs each feature's routes on the HTTP server, one line per feature.
class GatewayApp
{
public:
    GatewayApp(const Database &database, const Clock &clock);
    ~GatewayApp();
    GatewayApp(const GatewayApp &) = delete;
    GatewayApp &operator=(const GatewayApp &) = delete;

    // Sandbox mode (before setup()): the /v1/sandbox routes and a persisted payment clock offset.
    void setSandbox(bool sandbox) { m_sandbox = sandbox; }

    // Loads the server certificate and the merchant CA of dataDir and installs the routes.
    Result<void> setup(const QString &dataDir, const EdgeLimits &limits = {});
    // The routes setup() installed, one "METHOD pattern" each.
    QStringList routes() const;
    // Binds host:port (port 0 = any free port); returns the bound port.
    Result<int> bind(const QString &host, int port);
    // Serves until stop(); false if the listening socket failed.
    bool listen();
    // Thread-safe; makes listen() return.
    void stop();

private:
    // May a chain-valid client certificate connect? Not if it is revoked (fail closed).
    HttpServer::CertificateVerdict acceptsCertificate(const QString &fingerprint);
    void installRoutes();
    UserAdmin &userAdmin();

    const Database &m_database;
    const Clock &m_clock;
    bool m_sandbox = false;
    QString m_dataDir;
    QByteArray m_cardDigestKey; // DIR/card-digest.key
    // Before the server: the workers it joins when it goes may still hold an export slot or log.
    EdgeLimits m_limits;
    std::unique_ptr<ExportSlots> m_exportSlots;
    // Refused certificates are logged once a minute each: a client retrying a revoked one in a
    // loop must not fill the disk.
    LogThrottle m_refusalLog;
    std::unique_ptr<HttpServer> m_http;
    std::unique_ptr<AccountStore> m_accounts;
    std::unique_ptr<SessionService> m_sessions;
    std::unique_ptr<PaymentStore> m_payments;
    std::unique_ptr<SandboxClock> m_paymentClock; // the state machine's clock
    std::unique_ptr<PaymentActionStore> m_paymentActions;
    std::unique_ptr<IdempotencyStore> m_idempotency;
    std::unique_ptr<RegistrationStore> m_registrations;
    std::unique_ptr<StatementStore> m_statements;
    std::unique_ptr<AdminStore> m_adminStore;
    std::unique_ptr<UserAdmin> m_userAdmin;
    std::unique_ptr<AuditLog> m_audit;
};

} // namespace kessai::gateway
