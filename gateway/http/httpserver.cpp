#include "httpserver.h"

#include "ca/certificateauthority.h"
#include "common/logtext.h"
#include "db/database.h"
#include "http/httpconnection.h"

#include <QFile>
#include <QRegularExpression>
#include <QStringList>
#include <QUrlQuery>

#include <boost/asio/bind_executor.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/strand.hpp>

#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <sys/resource.h>

#include <algorithm>
#include <thread>

Q_LOGGING_CATEGORY(lcGatewayHttp, "gateway.http", QtInfoMsg)

namespace kessai::gateway {

namespace {

// Mozilla "intermediate": ECDHE with AES-GCM or ChaCha20-Poly1305 for TLS 1.2, no CBC.
// TLS 1.3 keeps OpenSSL's default suites, which are all AEAD.
constexpr const char *Tls12Ciphers = "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:"
                                     "ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:"
                                     "ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305";
constexpr std::chrono::seconds RefusalLogInterval{10};

thread_local QString t_requestUser;

// Where the SSL_CTX keeps its HttpServer. Not SSL_CTX's "app data" (ex_data index 0): Boost.Asio's
// ssl::context keeps its own verify callback object there and deletes whatever it finds in its
// destructor — our server, a second time, at every gateway exit.
int serverIndex()
{
    static const int index = SSL_CTX_get_ex_new_index(0, nullptr, nullptr, nullptr, nullptr);
    return index;
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
    auto *server = static_cast<HttpServer *>(SSL_CTX_get_ex_data(SSL_get_SSL_CTX(ssl), serverIndex()));
    switch (server ? server->checkClientCertificate(X509_STORE_CTX_get_current_cert(store))
                   : HttpServer::CertificateVerdict::Unavailable) {
    case HttpServer::CertificateVerdict::Accepted:
        return 1;
    case HttpServer::CertificateVerdict::Refused:
        X509_STORE_CTX_set_error(store, X509_V_ERR_CERT_REVOKED);
        return 0;
    case HttpServer::CertificateVerdict::Unavailable:
        // The client is told the server failed (an internal_error alert), never that its
        // certificate was revoked.
        X509_STORE_CTX_set_error(store, X509_V_ERR_UNSPECIFIED);
        return 0;
    }
    return 0;
}

// Thousands of connections need as many descriptors; the soft limit is often 1024.
void raiseDescriptorLimit()
{
    rlimit limit = {};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur >= limit.rlim_max)
        return;
    limit.rlim_cur = limit.rlim_max;
    if (setrlimit(RLIMIT_NOFILE, &limit) != 0)
        qCWarning(lcGatewayHttp) << "cannot raise the open file limit to" << quint64(limit.rlim_max);
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

} // namespace

QString requestUser()
{
    return t_requestUser;
}

void clearRequestUser()
{
    t_requestUser.clear();
}

QString decodedPath(std::string_view target)
{
    const std::string_view path = target.substr(0, target.find('?'));
    QByteArray decoded;
    decoded.reserve(qsizetype(path.size()));
    for (size_t i = 0; i < path.size(); ++i) {
        if (path[i] == '%' && i + 2 < path.size()) {
            const int high = hexValue(path[i + 1]);
            const int low = hexValue(path[i + 2]);
            if (high >= 0 && low >= 0) {
                decoded.append(char(high * 16 + low));
                i += 2;
                continue;
            }
        }
        decoded.append(path[i]);
    }
    return QString::fromUtf8(decoded);
}

QList<std::pair<QString, QString>> targetQueryItems(std::string_view target)
{
    const auto question = target.find('?');
    if (question == std::string_view::npos)
        return {};
    const std::string_view query = target.substr(question + 1);
    return QUrlQuery(QString::fromUtf8(query.data(), qsizetype(query.size()))).queryItems(QUrl::FullyDecoded);
}

QString loggedPath(std::string_view target)
{
    const std::string_view path = target.substr(0, target.find('?'));
    return escapedText(QString::fromUtf8(path.data(), qsizetype(path.size())));
}

void logExchange(const Exchange &exchange)
{
    QStringList parameterNames;
    for (const auto &item : targetQueryItems(exchange.target)) {
        // Names only, and only names that look like names: values may carry customer data
        // and a malformed query must not smuggle anything else into the log.
        static const QRegularExpression plainName(QStringLiteral("^[a-z_]{1,32}\\z"));
        const QString name = plainName.match(item.first).hasMatch() ? item.first : QStringLiteral("?");
        if (!parameterNames.contains(name))
            parameterNames.append(name);
    }
    const double ms = exchange.timer.isValid() ? double(exchange.timer.nsecsElapsed()) / 1e6 : 0.0;
    qCInfo(lcGatewayHttp).noquote().nospace()
        << "request id=" << (exchange.requestId.isEmpty() ? QByteArray("-") : exchange.requestId)
        << " method=" << escapedText(QString::fromStdString(exchange.method)) << " path=" << loggedPath(exchange.target)
        << " params=" << (parameterNames.isEmpty() ? QStringLiteral("-") : parameterNames.join(u','))
        << " status=" << exchange.status << " ms=" << QString::number(ms, 'f', 2)
        << " user=" << (exchange.loginId.isEmpty() ? QStringLiteral("-") : escapedText(exchange.loginId))
        << " from=" << escapedText(exchange.address);
}

HttpServer::Impl::Impl(HttpServer &server)
    : owner(server)
{}

void HttpServer::Impl::addRoute(const char *method, const std::string &pattern, Handler handler)
{
    Route route{method, pattern, std::regex(pattern), std::move(handler), pattern, true};
    const size_t syntax = pattern.find_first_of("()[]{}.*+?\\^$|");
    if (syntax != std::string::npos) {
        // A quantifier makes the character before it optional: it is no longer certain.
        const bool quantifier = std::string_view("*+?{").find(pattern[syntax]) != std::string_view::npos;
        route.literalPrefix = pattern.substr(0, quantifier && syntax > 0 ? syntax - 1 : syntax);
        route.literal = false;
    }
    m_routes.push_back(std::move(route));
}

std::vector<std::pair<std::string, std::string>> HttpServer::Impl::routes() const
{
    std::vector<std::pair<std::string, std::string>> all;
    for (const Route &route : m_routes)
        all.emplace_back(route.method, route.patternText);
    return all;
}

RouteMatch HttpServer::Impl::route(const std::string &method, const QString &path) const
{
    static const std::string known[] = {"GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH"};
    RouteMatch match;
    if (std::find(std::begin(known), std::end(known), method) == std::end(known)) {
        match.knownMethod = false;
        return match;
    }
    const std::string wanted = method == "HEAD" ? std::string("GET") : method;
    const std::string subject = path.toStdString();
    std::smatch groups;
    for (const Route &route : m_routes) {
        if (route.method != wanted)
            continue;
        if (route.literal) {
            if (subject == route.literalPrefix) {
                match.handler = &route.handler;
                return match;
            }
            continue;
        }
        if (!subject.starts_with(route.literalPrefix) || !std::regex_match(subject, groups, route.pattern))
            continue;
        match.handler = &route.handler;
        for (size_t i = 1; i < groups.size(); ++i)
            match.arguments.append(QByteArray::fromStdString(groups[i].str()));
        return match;
    }
    return match;
}

bool HttpServer::Impl::takeSlot(const std::string &address)
{
    std::lock_guard lock(m_slotMutex);
    int &fromAddress = m_perAddress[address];
    if (m_connections < limits.maxConnections && fromAddress < limits.maxConnectionsPerAddress) {
        ++m_connections;
        ++fromAddress;
        return true;
    }
    if (fromAddress == 0)
        m_perAddress.erase(address);
    ++m_refused;
    const auto now = std::chrono::steady_clock::now();
    if (now - m_lastRefusalLog >= RefusalLogInterval) {
        qCWarning(lcGatewayHttp).noquote() << "refused" << m_refused << "connection(s) over the caps (last from"
                                           << escapedText(QString::fromStdString(address)) << "with" << m_connections
                                           << "open)";
        m_refused = 0;
        m_lastRefusalLog = now;
    }
    return false;
}

void HttpServer::Impl::releaseSlot(const std::string &address)
{
    std::lock_guard lock(m_slotMutex);
    --m_connections;
    auto found = m_perAddress.find(address);
    if (found != m_perAddress.end() && --found->second <= 0)
        m_perAddress.erase(found);
}

void HttpServer::Impl::accept()
{
    acceptor.async_accept(net::make_strand(io), net::bind_executor(acceptStrand, [this](beast::error_code error, tcp::socket socket) {
        if (error) {
            if (error == net::error::operation_aborted || draining)
                return;
            // Out of descriptors, most likely: wait a moment instead of spinning.
            if (qint64 left = 0; acceptLog.admit(QString::fromStdString(error.message()), &left))
                qCWarning(lcGatewayHttp).noquote() << "accept failed:" << QString::fromStdString(error.message()) + LogThrottle::more(left);
            acceptRetry.expires_after(std::chrono::milliseconds(100));
            acceptRetry.async_wait([this](beast::error_code waited) {
                if (!waited)
                    accept();
            });
            return;
        }
        accept(); // first: whatever happens to this connection, the next one is accepted
        onAccepted(std::move(socket));
    }));
}

bool HttpServer::Impl::enterIdle(const std::shared_ptr<HttpConnection> &connection)
{
    std::lock_guard lock(m_idleMutex);
    // Checked under the lock drain() collects under: a connection is either collected or sees
    // the flag, never neither.
    if (draining)
        return false;
    m_idle.emplace(connection.get(), connection);
    return true;
}

void HttpServer::Impl::leaveIdle(const HttpConnection *connection)
{
    std::lock_guard lock(m_idleMutex);
    m_idle.erase(connection);
}

int HttpServer::Impl::openConnections()
{
    std::lock_guard lock(m_slotMutex);
    return m_connections;
}

void HttpServer::Impl::drain()
{
    beast::error_code ignored;
    acceptor.close(ignored);
    acceptRetry.cancel();
    std::vector<std::shared_ptr<HttpConnection>> idle;
    {
        std::lock_guard lock(m_idleMutex);
        for (const auto &[pointer, weak] : m_idle) {
            if (auto connection = weak.lock())
                idle.push_back(std::move(connection));
        }
    }
    qCInfo(lcGatewayHttp).noquote() << QStringLiteral("stopping: %1 idle connection(s) closed, %2 under way to finish")
                                           .arg(idle.size())
                                           .arg(std::max(0, openConnections() - int(idle.size())));
    for (const auto &connection : idle)
        connection->closeIfIdle();
    m_drainDeadline = std::chrono::steady_clock::now() + limits.drainTimeout;
    watchDrain();
}

void HttpServer::Impl::watchDrain()
{
    const int open = openConnections();
    const bool late = std::chrono::steady_clock::now() >= m_drainDeadline;
    if (open == 0 || late) {
        if (open > 0)
            qCWarning(lcGatewayHttp).noquote() << QStringLiteral("stopping: %1 connection(s) still open at the drain deadline are cut").arg(open);
        stopping = true;
        io.stop();
        return;
    }
    drainTimer.expires_after(std::chrono::milliseconds(20));
    drainTimer.async_wait([this](beast::error_code) { watchDrain(); });
}

void HttpServer::Impl::onAccepted(tcp::socket socket)
{
    beast::error_code ignored;
    const tcp::endpoint peer = socket.remote_endpoint(ignored);
    const std::string address = ignored ? std::string() : peer.address().to_string();
    if (!takeSlot(address)) {
        socket.close(ignored);
        return;
    }
    // Without it a keep-alive HTTPS round trip costs ~36 ms (Nagle + delayed ACK).
    socket.set_option(tcp::no_delay(true), ignored);
    std::shared_ptr<HttpConnection> connection;
    try {
        connection = std::make_shared<HttpConnection>(std::move(socket), *this, address);
    } catch (const std::exception &e) {
        // Out of memory, or OpenSSL could not make the session: this connection is dropped.
        releaseSlot(address);
        qCCritical(lcGatewayHttp).noquote() << "cannot serve a new connection:" << escapedText(QString::fromLocal8Bit(e.what()));
        return;
    }
    connection->start();
}

HttpServer::HttpServer()
    : m_impl(std::make_unique<Impl>(*this))
{}

HttpServer::~HttpServer() = default;

HttpServer::CertificateVerdict HttpServer::checkClientCertificate(X509 *certificate)
{
    const QString fingerprint = CertificateAuthority::fingerprint(certificate);
    if (fingerprint.isEmpty() || !m_impl->check)
        return CertificateVerdict::Refused;
    return m_impl->check(fingerprint);
}

void HttpServer::setRequestUser(const QString &loginId)
{
    t_requestUser = loginId;
}

Result<void> HttpServer::setup(const TlsFiles &files, CertificateCheck check, const EdgeLimits &limits)
{
    Impl &d = *m_impl;
    d.check = std::move(check);
    d.limits = limits;
    d.limits.workers = std::max(1, limits.workers);
    d.limits.writers = limits.writers > 0 ? limits.writers : std::clamp(limits.workers / 4, 1, 8);
    d.limits.ioThreads = std::max(1, limits.ioThreads);
    raiseDescriptorLimit();

    const QByteArray certificatePath = QFile::encodeName(files.certificate);
    const QByteArray keyPath = QFile::encodeName(files.key);
    const QByteArray caPath = QFile::encodeName(files.ca);
    SSL_CTX *ctx = d.tls.native_handle();
    auto fail = [](const char *what) { return makeError(QStringLiteral("TLS setup failed: ") + QString::fromLatin1(what)); };
    if (SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION) != 1)
        return fail("cannot require TLS 1.2");
    SSL_CTX_set_options(ctx, SSL_OP_NO_COMPRESSION | SSL_OP_NO_RENEGOTIATION | SSL_OP_CIPHER_SERVER_PREFERENCE | SSL_OP_NO_TICKET);
    if (SSL_CTX_set_cipher_list(ctx, Tls12Ciphers) != 1)
        return fail("cannot set the TLS 1.2 cipher list");
    if (SSL_CTX_use_certificate_chain_file(ctx, certificatePath.constData()) != 1
        || SSL_CTX_use_PrivateKey_file(ctx, keyPath.constData(), SSL_FILETYPE_PEM) != 1 || SSL_CTX_check_private_key(ctx) != 1)
        return fail("cannot load server.pem / server.key");
    if (SSL_CTX_load_verify_locations(ctx, caPath.constData(), nullptr) != 1)
        return fail("cannot load ca.pem");
    STACK_OF(X509_NAME) *caNames = SSL_load_client_CA_file(caPath.constData());
    if (!caNames)
        return fail("cannot read the CA name from ca.pem");
    SSL_CTX_set_client_CA_list(ctx, caNames);
    SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT, verifyClientCertificate);
    SSL_CTX_set_verify_depth(ctx, 2);
    // No session resumption: every connection runs the verify hook, so a revocation takes effect
    // on the very next handshake (and on every request of the connections already open).
    SSL_CTX_set_session_cache_mode(ctx, SSL_SESS_CACHE_OFF);
    SSL_CTX_set_num_tickets(ctx, 0);
    // An idle keep-alive connection gives OpenSSL's record buffers back (~34 KB of the ~70 KB
    // an Asio TLS stream holds).
    SSL_CTX_set_mode(ctx, SSL_MODE_RELEASE_BUFFERS);
    if (serverIndex() < 0 || SSL_CTX_set_ex_data(ctx, serverIndex(), this) != 1)
        return makeError(QStringLiteral("cannot attach the server to its TLS context"));
    return {};
}

std::vector<std::pair<std::string, std::string>> HttpServer::routes() const
{
    return m_impl->routes();
}

void HttpServer::get(const std::string &pattern, Handler handler)
{
    m_impl->addRoute("GET", pattern, std::move(handler));
}

void HttpServer::post(const std::string &pattern, Handler handler)
{
    m_impl->addRoute("POST", pattern, std::move(handler));
}

void HttpServer::patch(const std::string &pattern, Handler handler)
{
    m_impl->addRoute("PATCH", pattern, std::move(handler));
}

void HttpServer::del(const std::string &pattern, Handler handler)
{
    m_impl->addRoute("DELETE", pattern, std::move(handler));
}

Result<int> HttpServer::bind(const QString &host, int port)
{
    Impl &d = *m_impl;
    const QString where = port == 0 ? QStringLiteral("%1 to a free port").arg(host) : QStringLiteral("%1:%2 (in use?)").arg(host).arg(port);
    beast::error_code error;
    tcp::endpoint endpoint;
    const auto address = net::ip::make_address(host.toStdString(), error);
    if (!error) {
        endpoint = tcp::endpoint(address, static_cast<unsigned short>(port));
    } else {
        tcp::resolver resolver(d.io);
        const auto results = resolver.resolve(host.toStdString(), std::to_string(port), error);
        if (error || results.empty())
            return makeError(QStringLiteral("cannot bind %1").arg(where));
        endpoint = results.begin()->endpoint();
    }
    d.acceptor.open(endpoint.protocol(), error);
    if (!error)
        d.acceptor.set_option(net::socket_base::reuse_address(true), error);
    if (!error)
        d.acceptor.bind(endpoint, error);
    if (!error)
        d.acceptor.listen(net::socket_base::max_listen_connections, error);
    if (error) {
        beast::error_code ignored;
        d.acceptor.close(ignored);
        return makeError(QStringLiteral("cannot bind %1").arg(where));
    }
    return int(d.acceptor.local_endpoint().port());
}

bool HttpServer::listen()
{
    Impl &d = *m_impl;
    if (!d.acceptor.is_open())
        return false;
    d.readers.start(d.limits.workers, d.limits.queueLimit, d.warmUp, [] { Database::releaseThreadConnections(); });
    d.writers.start(d.limits.writers, d.limits.queueLimit, d.warmUp, [] { Database::releaseThreadConnections(); });
    d.accept();
    const auto run = [&d] {
        for (;;) {
            try {
                d.io.run();
                break;
            } catch (const std::exception &e) {
                qCCritical(lcGatewayHttp).noquote() << "I/O thread caught:" << QString::fromLocal8Bit(e.what());
            }
        }
    };
    std::vector<std::thread> threads;
    for (int i = 1; i < d.limits.ioThreads; ++i) {
        threads.emplace_back([&run] {
            run();
            Database::releaseThreadConnections();
        });
    }
    run();
    for (std::thread &thread : threads)
        thread.join();
    d.readers.stop();
    d.writers.stop();
    return true;
}

void HttpServer::setWorkerWarmUp(std::function<void()> warmUp)
{
    m_impl->warmUp = std::move(warmUp);
}

void HttpServer::stop()
{
    // Repeated calls (the signal thread repeats it until listen() returns) do nothing more; a
    // call before listen() runs the I/O is carried out as soon as it does.
    Impl &d = *m_impl;
    if (d.draining.exchange(true))
        return;
    net::post(d.acceptStrand, [&d] { d.drain(); });
}

} // namespace kessai::gateway
