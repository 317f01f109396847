#include "gatewayserver.h"

#include "ca/certificateauthority.h"
#include "common/apierror.h"
#include "common/clock.h"
#include "http/idempotencystore.h"
#include "payments/actions/paymentactionroutes.h"
#include "payments/actions/paymentactionstore.h"
#include "payments/paymentrules.h"
#include "payments/paymentstore.h"
#include "payments/search/paymentparams.h"
#include "registration/registrationroutes.h"
#include "registration/registrationstore.h"
#include "sandbox/sandboxclock.h"
#include "sandbox/sandboxroutes.h"
#include "security/crypto.h"
#include "security/permissions.h"
#include "security/secretkey.h"
#include "sessions/accountstore.h"
#include "sessions/sessionservice.h"
#include "statements/statementroutes.h"
#include "statements/statementstore.h"
#include "users/adminroutes.h"
#include "users/adminstore.h"
#include "users/useradmin.h"

#include <QDir>
#include <QElapsedTimer>
#include <QTimeZone>
#include <QFile>
#include "domain/jsonwriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMultiMap>
#include <QRegularExpression>
#include <QUrlQuery>

#include <httplib.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <chrono>

Q_LOGGING_CATEGORY(lcGatewayHttp, "gateway.http", QtInfoMsg)

namespace kessai::gateway {

namespace {

// Mozilla "intermediate": ECDHE with AES-GCM or ChaCha20-Poly1305 for TLS 1.2, no CBC.
// TLS 1.3 keeps OpenSSL's default suites, which are all AEAD.
constexpr const char *Tls12Ciphers = "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:"
                                     "ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:"
                                     "ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305";
constexpr size_t PayloadMaxBytes = 2 * 1024 * 1024;
constexpr size_t KeepAliveMaxRequests = 100000;
constexpr time_t KeepAliveTimeoutSeconds = 30;
constexpr time_t ReadTimeoutSeconds = 30;
constexpr time_t WriteTimeoutSeconds = 30;

// One connection is served by one pool thread from start to end, so per-request state that
// the pre-routing hook, the handler and the logger share can live in thread-locals.
struct RequestState
{
    QByteArray requestId;
    QElapsedTimer timer;
    QString loginId;
};
thread_local RequestState t_request;

QByteArray currentRequestId(httplib::Response &res)
{
    if (t_request.requestId.isEmpty()) {
        t_request.requestId = crypto::newRequestId();
        res.set_header("X-Request-Id", t_request.requestId.toStdString());
    }
    return t_request.requestId;
}

// With a charset parameter the type is not on cpp-httplib's list of compressible types, so
// answers go out uncompressed. Its Brotli runs at quality 11: a 200-row page took ~150 ms to
// compress, far more than the query and the TLS together (measured with perf; see docs/api.md).
constexpr const char *JsonContentType = "application/json; charset=utf-8";

void sendJson(httplib::Response &res, int status, const QJsonObject &body)
{
    res.status = status;
    res.set_header("Cache-Control", "no-store");
    res.set_content(QJsonDocument(body).toJson(QJsonDocument::Compact).toStdString(), JsonContentType);
}

void sendJsonText(httplib::Response &res, int status, const QByteArray &body)
{
    res.status = status;
    res.set_header("Cache-Control", "no-store");
    res.set_content(body.constData(), size_t(body.size()), JsonContentType);
}

void sendError(httplib::Response &res, const ApiError &error)
{
    const QByteArray requestId = currentRequestId(res);
    sendJson(res,
             error.httpStatus,
             QJsonObject{{QStringLiteral("error"),
                          QJsonObject{{QStringLiteral("code"), error.code},
                                      {QStringLiteral("message"), error.message},
                                      {QStringLiteral("request_id"), QString::fromLatin1(requestId)}}}});
}

QString peerFingerprint(const httplib::Request &req)
{
    if (!req.ssl)
        return {};
    X509 *certificate = SSL_get1_peer_certificate(req.ssl);
    const QString fingerprint = CertificateAuthority::fingerprint(certificate);
    X509_free(certificate);
    return fingerprint;
}

RequestOrigin originOf(const httplib::Request &req, httplib::Response &res)
{
    RequestOrigin origin;
    origin.certificateFingerprint = peerFingerprint(req);
    origin.address = QString::fromStdString(req.remote_addr);
    origin.requestId = QString::fromLatin1(currentRequestId(res));
    return origin;
}

QString bearerToken(const httplib::Request &req)
{
    const std::string header = req.get_header_value("Authorization");
    static const std::string prefix = "Bearer ";
    if (header.size() <= prefix.size() || header.compare(0, prefix.size(), prefix) != 0)
        return {};
    return QString::fromStdString(header.substr(prefix.size())).trimmed();
}

QJsonObject userJson(const UserRecord &user)
{
    return QJsonObject{{QStringLiteral("login_id"), user.loginId},
                       {QStringLiteral("name"), user.name},
                       {QStringLiteral("role"), user.role},
                       {QStringLiteral("merchant"),
                        QJsonObject{{QStringLiteral("id"), user.merchantId},
                                    {QStringLiteral("name"), user.merchantName}}},
                       {QStringLiteral("permissions"), QJsonArray::fromStringList(user.permissions)}};
}

// The query string of the request target only. httplib also merges form-encoded bodies into
// req.params, and a login body must never be taken for (or logged as) query parameters.
QList<std::pair<QString, QString>> queryItems(const httplib::Request &req)
{
    const auto question = req.target.find('?');
    if (question == std::string::npos)
        return {};
    const QUrlQuery query(QString::fromUtf8(req.target.substr(question + 1)));
    return query.queryItems(QUrl::FullyDecoded);
}

QMultiMap<QString, QString> queryParams(const httplib::Request &req)
{
    QMultiMap<QString, QString> params;
    for (const auto &item : queryItems(req))
        params.insert(item.first, item.second);
    return params;
}

QString wireTime(qint64 seconds)
{
    return toWireTime(QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC));
}

QJsonObject detailJson(const PaymentDetail &detail, const QStringList &actions)
{
    QJsonObject object = detail.payment.toJson();
    if (detail.authorizedAmount > 0)
        object.insert(QStringLiteral("authorized_amount"), detail.authorizedAmount);
    if (!detail.receiptNumber.isEmpty())
        object.insert(QStringLiteral("receipt_number"), detail.receiptNumber);
    if (!detail.paymentNumber.isEmpty())
        object.insert(QStringLiteral("payment_number"), detail.paymentNumber);
    if (!detail.paymentClass.isEmpty())
        object.insert(QStringLiteral("payment_class"), detail.paymentClass);
    if (detail.splitCount > 0)
        object.insert(QStringLiteral("split_count"), detail.splitCount);
    QJsonArray events;
    for (const PaymentEvent &event : detail.events) {
        events.append(QJsonObject{
            {QStringLiteral("at"), wireTime(event.at)},
            {QStringLiteral("actor"), event.actor},
            {QStringLiteral("from"), event.fromStatus == 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(event.fromStatus)},
            {QStringLiteral("to"), event.toStatus},
            {QStringLiteral("amount"), event.amount},
        });
    }
    object.insert(QStringLiteral("events"), events);
    object.insert(QStringLiteral("actions"), QJsonArray::fromStringList(actions));
    return object;
}

ApiError errorForStatus(int status)
{
    switch (status) {
    case 400:
        return ApiError::badRequest(QStringLiteral("The request could not be parsed."));
    case 404:
        return ApiError::notFound(QStringLiteral("No such resource."));
    case 405:
        return ApiError{405, QStringLiteral("method_not_allowed"), QStringLiteral("Method not allowed.")};
    case 413:
        return ApiError{413, QStringLiteral("payload_too_large"), QStringLiteral("The request body is too large.")};
    case 414:
    case 431:
        return ApiError{status, QStringLiteral("bad_request"), QStringLiteral("The request line or headers are too large.")};
    default:
        if (status >= 500)
            return ApiError::internal();
        return ApiError{status, QStringLiteral("bad_request"), QStringLiteral("The request was refused.")};
    }
}

int verifyClientCertificate(int preverified, X509_STORE_CTX *store)
{
    if (preverified != 1)
        return 0;
    // Only the leaf is a user's certificate; the CA itself was already checked by OpenSSL.
    if (X509_STORE_CTX_get_error_depth(store) != 0)
        return 1;
    auto *ssl = static_cast<SSL *>(X509_STORE_CTX_get_ex_data(store, SSL_get_ex_data_X509_STORE_CTX_idx()));
    if (!ssl)
        return 0;
    auto *server = static_cast<GatewayServer *>(SSL_CTX_get_app_data(SSL_get_SSL_CTX(ssl)));
    if (!server || !server->acceptsClientCertificate(X509_STORE_CTX_get_current_cert(store))) {
        X509_STORE_CTX_set_error(store, X509_V_ERR_CERT_REVOKED);
        return 0;
    }
    return 1;
}

} // namespace

GatewayServer::GatewayServer(AccountStore &accounts, PaymentStore &payments, SessionService &sessions, const Clock &clock)
    : m_accounts(accounts)
    , m_payments(payments)
    , m_sessions(sessions)
    , m_clock(clock)
{}

GatewayServer::~GatewayServer() = default;

bool GatewayServer::acceptsClientCertificate(X509 *certificate)
{
    const QString fingerprint = CertificateAuthority::fingerprint(certificate);
    if (fingerprint.isEmpty())
        return false;
    auto revoked = m_accounts.isRevoked(fingerprint);
    if (!revoked) {
        // Fail closed: without the revocation list nobody gets in.
        qCWarning(lcGatewayHttp).noquote() << "revocation check failed:" << revoked.error();
        return false;
    }
    if (revoked.value())
        qCInfo(lcGatewayHttp).noquote() << "handshake refused: certificate" << fingerprint.left(16) << "is revoked";
    return !revoked.value();
}

Result<void> GatewayServer::setup(const QString &dataDir, int threads)
{
    const QByteArray certificatePath = QFile::encodeName(CertificateAuthority::serverCertificatePath(dataDir));
    const QByteArray keyPath = QFile::encodeName(CertificateAuthority::serverKeyPath(dataDir));
    const QByteArray caPath = QFile::encodeName(CertificateAuthority::caCertificatePath(dataDir));
    m_setupError.clear();

    m_server = std::make_unique<httplib::SSLServer>([&](SSL_CTX &ctx) {
        auto fail = [this](const char *what) {
            m_setupError = QString::fromLatin1(what);
            return false;
        };
        if (SSL_CTX_set_min_proto_version(&ctx, TLS1_2_VERSION) != 1)
            return fail("cannot require TLS 1.2");
        SSL_CTX_set_options(&ctx,
                            SSL_OP_NO_COMPRESSION | SSL_OP_NO_RENEGOTIATION | SSL_OP_CIPHER_SERVER_PREFERENCE
                                | SSL_OP_NO_TICKET);
        if (SSL_CTX_set_cipher_list(&ctx, Tls12Ciphers) != 1)
            return fail("cannot set the TLS 1.2 cipher list");
        if (SSL_CTX_use_certificate_chain_file(&ctx, certificatePath.constData()) != 1
            || SSL_CTX_use_PrivateKey_file(&ctx, keyPath.constData(), SSL_FILETYPE_PEM) != 1
            || SSL_CTX_check_private_key(&ctx) != 1)
            return fail("cannot load server.pem / server.key");
        if (SSL_CTX_load_verify_locations(&ctx, caPath.constData(), nullptr) != 1)
            return fail("cannot load ca.pem");
        STACK_OF(X509_NAME) *caNames = SSL_load_client_CA_file(caPath.constData());
        if (!caNames)
            return fail("cannot read the CA name from ca.pem");
        SSL_CTX_set_client_CA_list(&ctx, caNames);
        SSL_CTX_set_verify(&ctx, SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT, verifyClientCertificate);
        SSL_CTX_set_verify_depth(&ctx, 2);
        // No session resumption: every connection runs the verify hook, so a revocation
        // takes effect on the very next handshake.
        SSL_CTX_set_session_cache_mode(&ctx, SSL_SESS_CACHE_OFF);
        SSL_CTX_set_num_tickets(&ctx, 0);
        SSL_CTX_set_app_data(&ctx, this);
        return true;
    });
    if (!m_server->is_valid())
        return makeError(QStringLiteral("TLS setup failed: ")
                         + (m_setupError.isEmpty() ? QStringLiteral("unknown error") : m_setupError));

    // Without these a keep-alive HTTPS round trip costs ~36 ms (Nagle + delayed ACK) and
    // every fifth request pays a new handshake.
    m_server->set_tcp_nodelay(true);
    m_server->set_keep_alive_max_count(KeepAliveMaxRequests);
    m_server->set_keep_alive_timeout(KeepAliveTimeoutSeconds);
    m_server->set_read_timeout(ReadTimeoutSeconds, 0);
    m_server->set_write_timeout(WriteTimeoutSeconds, 0);
    m_server->set_payload_max_length(PayloadMaxBytes);
    // A keep-alive connection holds its thread for its whole life.
    const size_t poolSize = static_cast<size_t>(qMax(2, threads));
    m_server->new_task_queue = [poolSize] { return new httplib::ThreadPool(poolSize); };
    m_dataDir = dataDir;
    auto digestKey = loadOrCreateSecretKey(QDir(dataDir).filePath(QStringLiteral("card-digest.key")));
    if (!digestKey)
        return makeError(digestKey.error());
    m_cardDigestKey = digestKey.value();
    installRoutes();
    return {};
}

void GatewayServer::installRoutes()
{
    using httplib::Request;
    using httplib::Response;
    httplib::SSLServer &server = *m_server;

    server.set_pre_routing_handler([](const Request &, Response &res) {
        t_request.requestId = crypto::newRequestId();
        t_request.timer.start();
        t_request.loginId.clear();
        res.set_header("X-Request-Id", t_request.requestId.toStdString());
        return httplib::Server::HandlerResponse::Unhandled;
    });

    server.set_error_handler(httplib::Server::HandlerWithResponse([](const Request &, Response &res) {
        // Handlers' own errors already have a JSON body; this fills in httplib's (404, 413, …).
        if (!res.body.empty())
            return httplib::Server::HandlerResponse::Unhandled;
        sendError(res, errorForStatus(res.status));
        return httplib::Server::HandlerResponse::Handled;
    }));

    server.set_exception_handler([](const Request &req, Response &res, std::exception_ptr exception) {
        QString what = QStringLiteral("unknown exception");
        try {
            if (exception)
                std::rethrow_exception(exception);
        } catch (const std::exception &e) {
            what = QString::fromLocal8Bit(e.what());
        } catch (...) {
        }
        qCCritical(lcGatewayHttp).noquote() << "handler of" << QString::fromStdString(req.path) << "threw:" << what;
        sendError(res, ApiError::internal());
    });

    server.set_logger([](const Request &req, const Response &res) {
        QStringList parameterNames;
        for (const auto &item : queryItems(req)) {
            // Names only, and only names that look like names: values may carry customer data
            // and a malformed query must not smuggle anything else into the log.
            static const QRegularExpression plainName(QStringLiteral("^[a-z_]{1,32}\\z"));
            const QString name = plainName.match(item.first).hasMatch() ? item.first : QStringLiteral("?");
            if (!parameterNames.contains(name))
                parameterNames.append(name);
        }
        const double ms = t_request.timer.isValid() ? double(t_request.timer.nsecsElapsed()) / 1e6 : 0.0;
        // Query values are left out on purpose: they may carry customer data.
        qCInfo(lcGatewayHttp).noquote().nospace()
            << "request id=" << (t_request.requestId.isEmpty() ? QByteArray("-") : t_request.requestId)
            << " method=" << QString::fromStdString(req.method) << " path=" << QString::fromStdString(req.path)
            << " params=" << (parameterNames.isEmpty() ? QStringLiteral("-") : parameterNames.join(u','))
            << " status=" << res.status << " ms=" << QString::number(ms, 'f', 2)
            << " user=" << (t_request.loginId.isEmpty() ? QStringLiteral("-") : t_request.loginId)
            << " from=" << QString::fromStdString(req.remote_addr);
        t_request = RequestState();
    });

    // Every route but login needs a valid session on this certificate.
    m_paymentClock = std::make_unique<SandboxClock>(m_clock, m_accounts.database(), m_sandbox);
    m_paymentActions = std::make_unique<PaymentActionStore>(m_accounts.database());
    m_idempotency = std::make_unique<IdempotencyStore>(m_accounts.database());
    m_registrations = std::make_unique<RegistrationStore>(m_accounts.database());
    m_statements = std::make_unique<StatementStore>(m_accounts.database());

    auto authenticated = [this](auto handler) {
        return [this, handler](const Request &req, Response &res) {
            const RequestOrigin origin = originOf(req, res);
            auto user = m_sessions.authenticate(bearerToken(req), origin);
            if (!user.ok()) {
                sendError(res, user.error());
                return;
            }
            t_request.loginId = user.value().user.loginId;
            // Time rules are applied lazily, before anything of this merchant is read or
            // acted on, so search, detail and actions all see the same status.
            if (auto due = m_paymentActions->applyDue(user.value().user.merchantId, m_paymentClock->now()); !due) {
                qCWarning(lcGatewayHttp).noquote() << "payment time rules failed:" << due.error();
                sendError(res, ApiError::internal());
                return;
            }
            handler(req, res, user.value(), origin);
        };
    };

    server.Post("/v1/session", [this](const Request &req, Response &res) {
        const RequestOrigin origin = originOf(req, res);
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(QByteArray::fromStdString(req.body), &parseError);
        if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
            sendError(res, ApiError::badRequest(QStringLiteral("The body must be a JSON object.")));
            return;
        }
        const QJsonObject body = document.object();
        const QJsonValue loginId = body.value(QLatin1String("login_id"));
        const QJsonValue password = body.value(QLatin1String("password"));
        if (!loginId.isString() || !password.isString() || loginId.toString().isEmpty()
            || password.toString().isEmpty()) {
            sendError(res, ApiError::badRequest(QStringLiteral("login_id and password are required.")));
            return;
        }
        if (origin.certificateFingerprint.isEmpty()) {
            sendError(res, ApiError::unauthenticated(QStringLiteral("A client certificate is required.")));
            return;
        }
        // A login ID no user can have (a password typed into the wrong field, control
        // characters) is refused before it reaches the request log or the audit table.
        if (!UserAdmin::isValidLoginId(loginId.toString())) {
            t_request.loginId = QStringLiteral("?");
            sendError(res, {401, QStringLiteral("invalid_credentials"), QStringLiteral("Login ID or password is wrong.")});
            return;
        }
        t_request.loginId = loginId.toString();
        auto login = m_sessions.login(loginId.toString(), password.toString(), origin);
        if (!login.ok()) {
            sendError(res, login.error());
            return;
        }
        const LoginResult &result = login.value();
        sendJson(res,
                 201,
                 QJsonObject{{QStringLiteral("token"), result.token},
                             {QStringLiteral("expires_at"),
                              toWireTime(QDateTime::fromSecsSinceEpoch(result.expiresAt, Qt::UTC))},
                             {QStringLiteral("idle_timeout_s"), SessionService::IdleTimeoutSeconds},
                             {QStringLiteral("user"), userJson(result.user)}});
    });

    server.Delete("/v1/session",
                  authenticated([this](const Request &, Response &res, const AuthenticatedUser &user,
                                       const RequestOrigin &origin) {
                      auto done = m_sessions.logout(user, origin);
                      if (!done.ok()) {
                          sendError(res, done.error());
                          return;
                      }
                      res.status = 204;
                  }));

    server.Get("/v1/me",
               authenticated([](const Request &, Response &res, const AuthenticatedUser &user, const RequestOrigin &) {
                   sendJson(res, 200, userJson(user.user));
               }));

    server.Get("/v1/payments",
               authenticated([this](const Request &req, Response &res, const AuthenticatedUser &user,
                                    const RequestOrigin &) {
                   auto filter = parsePaymentQuery(queryParams(req), user.user.permissions);
                   if (!filter.ok()) {
                       sendError(res, filter.error());
                       return;
                   }
                   auto page = m_payments.search(user.user.merchantId, filter.value());
                   if (!page) {
                       qCWarning(lcGatewayHttp).noquote() << "payment search failed:" << page.error();
                       sendError(res, ApiError::internal());
                       return;
                   }
                   // Streamed: a QJsonObject per row cost most of a 1,000-row answer.
                   QByteArray body;
                   body.reserve(page->items.size() * 400 + 128);
                   JsonWriter writer(&body);
                   writer.beginObject().key(QLatin1StringView("items")).beginArray();
                   for (const Payment &payment : page->items)
                       payment.writeJson(writer);
                   writer.endArray().key(QLatin1StringView("next_cursor"));
                   if (page->next)
                       writer.value(page->next->encode());
                   else
                       writer.null();
                   if (page->total)
                       writer.key(QLatin1StringView("total")).value(*page->total);
                   writer.endObject();
                   sendJsonText(res, 200, body);
               }));

    server.Get("/v1/payments/count",
               authenticated([this](const Request &req, Response &res, const AuthenticatedUser &user,
                                    const RequestOrigin &) {
                   auto filter = parsePaymentQuery(queryParams(req), user.user.permissions);
                   if (!filter.ok()) {
                       sendError(res, filter.error());
                       return;
                   }
                   auto total = m_payments.count(user.user.merchantId, filter.value());
                   if (!total) {
                       qCWarning(lcGatewayHttp).noquote() << "payment count failed:" << total.error();
                       sendError(res, ApiError::internal());
                       return;
                   }
                   sendJson(res, 200, QJsonObject{{QStringLiteral("total"), total.value()}});
               }));

    server.Get(R"(/v1/payments/([0-9]{1,18}))",
               authenticated([this](const Request &req, Response &res, const AuthenticatedUser &user,
                                    const RequestOrigin &origin) {
                   const QString paymentId = QString::fromStdString(req.matches[1].str());
                   auto found = m_payments.find(user.user.merchantId, paymentId.toLongLong());
                   if (!found) {
                       qCWarning(lcGatewayHttp).noquote() << "payment lookup failed:" << found.error();
                       sendError(res, ApiError::internal());
                       return;
                   }
                   const std::optional<PaymentDetail> &detail = found.value();
                   // Another merchant's payment and a type this user may not view look exactly
                   // like a payment that does not exist, and are recorded as refused access.
                   if (!detail || !user.user.permissions.contains(Permissions::view(detail->payment.type))) {
                       auto audited = m_accounts.audit({m_clock.now(), user.user.loginId, user.user.merchantId,
                                                        QStringLiteral("payment_view"),
                                                        QStringLiteral("payment:") + paymentId,
                                                        QStringLiteral("not_found"), origin.address, origin.requestId});
                       if (!audited)
                           qCWarning(lcGatewayHttp).noquote() << "audit failed:" << audited.error();
                       sendError(res, ApiError::notFound(QStringLiteral("No such payment.")));
                       return;
                   }
                   const QStringList actions = PaymentRules::allowedActions(*detail, user.user.permissions, m_paymentClock->now());
                   sendJson(res, 200, detailJson(*detail, actions));
               }));

    installAdminRoutes(server, userAdmin(), RouteKit{[authenticated](RouteKit::AuthenticatedHandler handler) {
                                                          return RouteKit::Handler(authenticated(std::move(handler)));
                                                      },
                                                      &sendJson,
                                                      &sendError});
    const PaymentActionRouteKit actionKit{[authenticated](PaymentActionRouteKit::AuthenticatedHandler handler) {
                                              return PaymentActionRouteKit::Handler(authenticated(std::move(handler)));
                                          },
                                          &sendJsonText,
                                          &sendError};
    installRegistrationRoutes(server, actionKit, *m_paymentActions, *m_idempotency, *m_paymentClock, *m_registrations,
                              m_cardDigestKey);
    installPaymentActionRoutes(server, actionKit, *m_paymentActions, *m_idempotency, *m_paymentClock);
    installSandboxRoutes(server, actionKit, *m_paymentActions, *m_idempotency, *m_paymentClock);
    installStatementRoutes(server,
                           RouteKit{[authenticated](RouteKit::AuthenticatedHandler handler) {
                                        return RouteKit::Handler(authenticated(std::move(handler)));
                                    },
                                    &sendJson,
                                    &sendError},
                           *m_statements,
                           m_accounts,
                           *m_paymentClock,
                           m_clock);
}

UserAdmin &GatewayServer::userAdmin()
{
    if (!m_userAdmin) {
        // Without the CA key (an offline CA) everything but certificate issuing still works.
        auto authority = CertificateAuthority::load(m_dataDir);
        if (!authority)
            qCWarning(lcGatewayHttp).noquote() << "certificate issuing disabled:" << authority.error();
        m_adminStore = std::make_unique<AdminStore>(m_accounts.database());
        m_userAdmin = std::make_unique<UserAdmin>(m_accounts,
                                                  *m_adminStore,
                                                  m_clock,
                                                  authority ? std::optional<CertificateAuthority>(authority.value())
                                                            : std::nullopt);
    }
    return *m_userAdmin;
}

Result<int> GatewayServer::bind(const QString &host, int port)
{
    const std::string address = host.toStdString();
    if (port == 0) {
        const int bound = m_server->bind_to_any_port(address);
        if (bound <= 0)
            return makeError(QStringLiteral("cannot bind %1 to a free port").arg(host));
        return bound;
    }
    if (!m_server->bind_to_port(address, port))
        return makeError(QStringLiteral("cannot bind %1:%2 (in use?)").arg(host).arg(port));
    return port;
}

bool GatewayServer::listen()
{
    return m_server->listen_after_bind();
}

void GatewayServer::stop()
{
    if (m_server)
        m_server->stop();
}

} // namespace kessai::gateway
