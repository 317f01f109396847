#include "httpserver.h"

#include "ca/certificateauthority.h"
#include "common/apierror.h"
#include "common/logtext.h"
#include "security/crypto.h"

#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>
#include <QStringList>
#include <QUrlQuery>

#include <httplib.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

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

// A streamed body through cpp-httplib's chunked content provider. httplib calls the provider
// until it ends the body (sink.done) or fails, and ends its loop early, reporting success, when
// the server stops: so "complete" is only what the feature itself called complete.
void sendStreamed(const std::shared_ptr<StreamedBody> &streamed, const QByteArray &contentType, httplib::Response &res)
{
    auto completed = std::make_shared<bool>(false);
    res.set_chunked_content_provider(
        contentType.toStdString(),
        [streamed, completed](size_t, httplib::DataSink &sink) {
            // An empty write would end httplib's loop without the closing chunk.
            const StreamedBody::Write write = [&sink](QByteArrayView bytes) {
                return bytes.isEmpty() || sink.write(bytes.data(), size_t(bytes.size()));
            };
            StreamedBody::Step step = StreamedBody::Step::Failed;
            // httplib writes the body outside its handler's try block: nothing may escape here.
            try {
                step = streamed->next ? streamed->next(write) : StreamedBody::Step::Complete;
            } catch (const std::exception &e) {
                qCCritical(lcGatewayHttp).noquote() << "streamed body threw:" << QString::fromLocal8Bit(e.what());
            } catch (...) {
                qCCritical(lcGatewayHttp).noquote() << "streamed body threw";
            }
            switch (step) {
            case StreamedBody::Step::More:
                return true;
            case StreamedBody::Step::Complete:
                sink.done();
                *completed = true;
                return true;
            case StreamedBody::Step::Failed:
                break;
            }
            return false;
        },
        [streamed, completed](bool success) {
            if (!streamed->finished)
                return;
            // Called from httplib's Response destructor: nothing may escape here either.
            try {
                streamed->finished(success && *completed);
            } catch (...) {
                qCCritical(lcGatewayHttp).noquote() << "the end of a streamed body threw";
            }
        });
}

void send(const HttpResponse &response, httplib::Response &res)
{
    res.status = response.status;
    for (const auto &[name, value] : response.headers)
        res.set_header(name.toStdString(), value.toStdString());
    if (response.stream)
        sendStreamed(response.stream, response.contentType, res);
    else if (!response.contentType.isEmpty())
        res.set_content(response.body.constData(), size_t(response.body.size()), response.contentType.constData());
}

void sendError(httplib::Response &res, int status, const QString &code, const QString &message)
{
    HttpResponse response;
    response.requestId = currentRequestId(res);
    response.sendError(status, code, message);
    send(response, res);
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

// The path for the request log: as it came on the wire, percent-encoding kept (httplib's req.path
// is decoded, so %0A in it would be a line break), without the query, control characters escaped.
QString loggedPath(const httplib::Request &req)
{
    const std::string &target = req.target.empty() ? req.path : req.target;
    const QString path = QString::fromUtf8(target.substr(0, target.find('?')));
    return escapedText(path);
}

// The error body of a request the server refused before any handler ran.
struct EdgeError
{
    int status = 500;
    QString code;
    QString message;
};

EdgeError errorForStatus(int status)
{
    switch (status) {
    case 400:
        return {400, QStringLiteral("bad_request"), QStringLiteral("The request could not be parsed.")};
    case 404:
        return {404, QStringLiteral("not_found"), QStringLiteral("No such resource.")};
    case 405:
        return {405, QStringLiteral("method_not_allowed"), QStringLiteral("Method not allowed.")};
    case 413:
        return {413, QStringLiteral("payload_too_large"), QStringLiteral("The request body is too large.")};
    case 414:
    case 431:
        return {status, QStringLiteral("bad_request"), QStringLiteral("The request line or headers are too large.")};
    default:
        if (status >= 500) {
            const ApiError internal = ApiError::internal();
            return {500, internal.code, internal.message};
        }
        return {status, QStringLiteral("bad_request"), QStringLiteral("The request was refused.")};
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
    auto *server = static_cast<HttpServer *>(SSL_CTX_get_app_data(SSL_get_SSL_CTX(ssl)));
    if (!server || !server->acceptsClientCertificate(X509_STORE_CTX_get_current_cert(store))) {
        X509_STORE_CTX_set_error(store, X509_V_ERR_CERT_REVOKED);
        return 0;
    }
    return 1;
}

// The gateway's request for a handler: copied out of httplib's, which no feature sees.
HttpRequest toRequest(const httplib::Request &req, httplib::Response &res)
{
    HttpRequest request;
    request.method = QString::fromStdString(req.method);
    request.path = QString::fromStdString(req.path);
    request.body = QByteArray::fromStdString(req.body);
    for (size_t i = 1; i < req.matches.size(); ++i)
        request.pathArguments.append(QByteArray::fromStdString(req.matches[i].str()));
    request.queryItems = queryItems(req);
    for (const auto &item : std::as_const(request.queryItems))
        request.query.insert(item.first, item.second);
    request.headers.reserve(qsizetype(req.headers.size()));
    for (const auto &[name, value] : req.headers)
        request.headers.append({QByteArray::fromStdString(name), QByteArray::fromStdString(value)});
    request.origin.certificateFingerprint = peerFingerprint(req);
    request.origin.address = QString::fromStdString(req.remote_addr);
    request.origin.requestId = QString::fromLatin1(currentRequestId(res));
    return request;
}

httplib::Server::Handler adapt(Router::Handler handler)
{
    return [handler = std::move(handler)](const httplib::Request &req, httplib::Response &res) {
        const HttpRequest request = toRequest(req, res);
        HttpResponse response;
        response.requestId = currentRequestId(res);
        handler(request, response);
        // httplib compresses a chunked text/* body for any Accept-Encoding (Brotli at quality 11,
        // chunk by chunk); answers are never compressed (docs/api.md). The request is httplib's
        // own non-const object, handed to handlers as const.
        if (response.stream)
            const_cast<httplib::Request &>(req).headers.erase("Accept-Encoding");
        send(response, res);
    };
}

} // namespace

HttpServer::HttpServer() = default;

HttpServer::~HttpServer() = default;

bool HttpServer::acceptsClientCertificate(X509 *certificate)
{
    const QString fingerprint = CertificateAuthority::fingerprint(certificate);
    if (fingerprint.isEmpty() || !m_check)
        return false;
    return m_check(fingerprint);
}

void HttpServer::setRequestUser(const QString &loginId)
{
    t_request.loginId = loginId;
}

Result<void> HttpServer::setup(const TlsFiles &files, CertificateCheck check, int threads)
{
    const QByteArray certificatePath = QFile::encodeName(files.certificate);
    const QByteArray keyPath = QFile::encodeName(files.key);
    const QByteArray caPath = QFile::encodeName(files.ca);
    m_check = std::move(check);
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
    installHooks();
    return {};
}

void HttpServer::installHooks()
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
        const EdgeError error = errorForStatus(res.status);
        sendError(res, error.status, error.code, error.message);
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
        qCCritical(lcGatewayHttp).noquote() << "handler of" << loggedPath(req) << "threw:" << escapedText(what);
        const ApiError internal = ApiError::internal();
        sendError(res, 500, internal.code, internal.message);
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
            << " method=" << escapedText(QString::fromStdString(req.method)) << " path=" << loggedPath(req)
            << " params=" << (parameterNames.isEmpty() ? QStringLiteral("-") : parameterNames.join(u','))
            << " status=" << res.status << " ms=" << QString::number(ms, 'f', 2)
            << " user=" << (t_request.loginId.isEmpty() ? QStringLiteral("-") : escapedText(t_request.loginId))
            << " from=" << escapedText(QString::fromStdString(req.remote_addr));
        t_request = RequestState();
    });
}

void HttpServer::get(const std::string &pattern, Handler handler)
{
    m_server->Get(pattern, adapt(std::move(handler)));
}

void HttpServer::post(const std::string &pattern, Handler handler)
{
    m_server->Post(pattern, adapt(std::move(handler)));
}

void HttpServer::patch(const std::string &pattern, Handler handler)
{
    m_server->Patch(pattern, adapt(std::move(handler)));
}

void HttpServer::del(const std::string &pattern, Handler handler)
{
    m_server->Delete(pattern, adapt(std::move(handler)));
}

Result<int> HttpServer::bind(const QString &host, int port)
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

bool HttpServer::listen()
{
    return m_server->listen_after_bind();
}

void HttpServer::stop()
{
    if (m_server)
        m_server->stop();
}

} // namespace kessai::gateway
