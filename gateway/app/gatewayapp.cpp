#include "gatewayapp.h"

#include "audit/auditlog.h"
#include "audit/query/auditroutes.h"
#include "ca/certificateauthority.h"
#include "common/clock.h"
#include "db/database.h"
#include "http/httpserver.h"
#include "http/idempotencystore.h"
#include "payments/actions/paymentactionroutes.h"
#include "payments/actions/paymentactionstore.h"
#include "payments/paymentstore.h"
#include "payments/search/exportroutes.h"
#include "payments/search/exportslots.h"
#include "payments/search/searchroutes.h"
#include "registration/registrationroutes.h"
#include "registration/registrationstore.h"
#include "sandbox/sandboxclock.h"
#include "sandbox/sandboxroutes.h"
#include "security/secretkey.h"
#include "sessions/accountstore.h"
#include "sessions/sessionroutes.h"
#include "sessions/sessionservice.h"
#include "statements/statementroutes.h"
#include "statements/statementstore.h"
#include "users/adminroutes.h"
#include "users/adminstore.h"
#include "users/useradmin.h"

#include <QDir>

namespace kessai::gateway {

namespace {

QString bearerToken(const HttpRequest &req)
{
    const QString header = req.header("Authorization");
    static const QString prefix = QStringLiteral("Bearer ");
    if (header.size() <= prefix.size() || !header.startsWith(prefix))
        return {};
    return header.mid(prefix.size()).trimmed();
}

} // namespace

GatewayApp::GatewayApp(const Database &database, const Clock &clock)
    : m_database(database)
    , m_clock(clock)
    , m_http(std::make_unique<HttpServer>())
    , m_accounts(std::make_unique<AccountStore>(database))
    , m_sessions(std::make_unique<SessionService>(*m_accounts, clock))
    , m_payments(std::make_unique<PaymentStore>(database))
{}

GatewayApp::~GatewayApp() = default;

HttpServer::CertificateVerdict GatewayApp::acceptsCertificate(const QString &fingerprint)
{
    // An allow-list, not a deny-list: a certificate the CA signed but this gateway never
    // recorded (a key that leaked with the CA's, a test certificate) does not get in.
    auto standing = m_accounts->certificateStanding(fingerprint);
    qint64 left = 0;
    if (!standing) {
        // Once more: a PostgreSQL connection that died since its last use (a database restart)
        // is found by the failure, and the second try opens a new one. It is only a read.
        if (m_refusalLog.admit(QStringLiteral("check-retried"), &left))
            qCWarning(lcGatewayHttp).noquote() << "certificate check failed, trying again:" << standing.error() + LogThrottle::more(left);
        standing = m_accounts->certificateStanding(fingerprint);
    }
    if (!standing) {
        // Fail closed: without the certificate list nobody gets in.
        if (m_refusalLog.admit(QStringLiteral("check-failed"), &left))
            qCWarning(lcGatewayHttp).noquote() << "certificate check failed:" << standing.error() + LogThrottle::more(left);
        return HttpServer::CertificateVerdict::Unavailable;
    }
    switch (standing.value()) {
    case AccountStore::CertificateStanding::Valid:
        return HttpServer::CertificateVerdict::Accepted;
    case AccountStore::CertificateStanding::Revoked:
        if (m_refusalLog.admit(QStringLiteral("revoked:") + fingerprint, &left))
            qCInfo(lcGatewayHttp).noquote() << "certificate" << fingerprint.left(16)
                                            << QStringLiteral("refused: it is revoked") + LogThrottle::more(left);
        break;
    case AccountStore::CertificateStanding::NotIssued:
        if (m_refusalLog.admit(QStringLiteral("unissued:") + fingerprint, &left))
            qCInfo(lcGatewayHttp).noquote() << "certificate" << fingerprint.left(16)
                                            << QStringLiteral("refused: this gateway never issued it") + LogThrottle::more(left);
        break;
    }
    return HttpServer::CertificateVerdict::Refused;
}

Result<void> GatewayApp::setup(const QString &dataDir, const EdgeLimits &limits)
{
    const HttpServer::TlsFiles files{CertificateAuthority::serverCertificatePath(dataDir),
                                     CertificateAuthority::serverKeyPath(dataDir),
                                     CertificateAuthority::caCertificatePath(dataDir)};
    if (auto ready = m_http->setup(files, [this](const QString &fingerprint) { return acceptsCertificate(fingerprint); }, limits);
        !ready)
        return ready;
    // Each worker opens its database connection (and keeps the certificate check's statement)
    // as it starts, not on the first request it happens to serve.
    m_http->setWorkerWarmUp([this] { (void)m_accounts->certificateStanding(QString()); });
    m_dataDir = dataDir;
    m_limits = limits;
    auto digestKey = loadOrCreateSecretKey(QDir(dataDir).filePath(QStringLiteral("card-digest.key")));
    if (!digestKey)
        return makeError(digestKey.error());
    m_cardDigestKey = digestKey.value();
    installRoutes();
    return {};
}

void GatewayApp::installRoutes()
{
    m_paymentClock = std::make_unique<SandboxClock>(m_clock, m_database, m_sandbox);
    m_paymentActions = std::make_unique<PaymentActionStore>(m_database);
    m_idempotency = std::make_unique<IdempotencyStore>(m_database);
    m_registrations = std::make_unique<RegistrationStore>(m_database);
    m_statements = std::make_unique<StatementStore>(m_database);
    m_audit = std::make_unique<AuditLog>(m_database);

    // Every route but login needs a valid session on this certificate; all but three also a
    // password that is the user's own (not one an admin has just reset).
    auto sessionCheck = [this](bool passwordMayBePending) {
        return [this, passwordMayBePending](RouteKit::AuthenticatedHandler handler) -> RouteKit::Handler {
            return [this, passwordMayBePending, handler = std::move(handler)](const HttpRequest &req, HttpResponse &res) {
                const RequestOrigin &origin = req.origin;
                auto user = m_sessions->authenticate(bearerToken(req), origin);
                if (!user.ok()) {
                    res.sendError(user.error());
                    return;
                }
                HttpServer::setRequestUser(user.value().user.loginId);
                if (user.value().user.mustChangePassword && !passwordMayBePending) {
                    res.sendError({ErrorKind::Forbidden, QStringLiteral("password_change_required"),
                                   QStringLiteral("An administrator reset this password: change it (POST /v1/me/password) first.")});
                    return;
                }
                // Time rules are applied lazily, before anything of this merchant is read or
                // acted on, so search, detail and actions all see the same status.
                if (auto due = m_paymentActions->applyDue(user.value().user.merchantId, m_paymentClock->now()); !due) {
                    qCWarning(lcGatewayHttp).noquote() << "payment time rules failed:" << due.error();
                    res.sendError(ApiError::internal());
                    return;
                }
                handler(req, res, callerOf(user.value()), origin);
            };
        };
    };
    const RouteKit kit{sessionCheck(false), sessionCheck(true)};

    Router &router = *m_http;
    installSessionRoutes(router, kit, *m_sessions);
    installSearchRoutes(router, kit, *m_payments, *m_audit, *m_paymentClock, m_clock);
    // An export holds a read worker while its client reads: a quarter of them at most.
    m_exportSlots = std::make_unique<ExportSlots>(qMax(1, m_limits.workers / 4), 2);
    installExportRoutes(router, kit, *m_payments, *m_audit, m_clock, *m_exportSlots);
    installAdminRoutes(router, userAdmin(), kit);
    installAuditRoutes(router, kit, *m_audit, m_clock);
    installRegistrationRoutes(router, kit, *m_idempotency, *m_paymentClock, *m_registrations, m_cardDigestKey);
    installPaymentActionRoutes(router, kit, *m_paymentActions, *m_idempotency, *m_paymentClock);
    installSandboxRoutes(router, kit, *m_paymentActions, *m_idempotency, *m_paymentClock);
    installStatementRoutes(router, kit, *m_statements, *m_audit, *m_paymentClock, m_clock);
}

UserAdmin &GatewayApp::userAdmin()
{
    if (!m_userAdmin) {
        // Without the CA key (an offline CA) everything but certificate issuing still works.
        auto authority = CertificateAuthority::load(m_dataDir);
        if (!authority)
            qCWarning(lcGatewayHttp).noquote() << "certificate issuing disabled:" << authority.error();
        m_adminStore = std::make_unique<AdminStore>(m_database);
        m_userAdmin = std::make_unique<UserAdmin>(*m_accounts,
                                                  *m_adminStore,
                                                  m_clock,
                                                  authority ? std::optional<CertificateAuthority>(authority.value())
                                                            : std::nullopt);
    }
    return *m_userAdmin;
}

QStringList GatewayApp::routes() const
{
    QStringList all;
    for (const auto &[method, pattern] : m_http->routes())
        all.append(QString::fromStdString(method + ' ' + pattern));
    return all;
}

Result<int> GatewayApp::bind(const QString &host, int port)
{
    return m_http->bind(host, port);
}

bool GatewayApp::listen()
{
    return m_http->listen();
}

void GatewayApp::stop()
{
    m_http->stop();
}

} // namespace kessai::gateway
