#pragma once

#include "common/result.h"
#include "http/edgelimits.h"
#include "http/router.h"

#include <QLoggingCategory>
#include <QString>

#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

Q_DECLARE_LOGGING_CATEGORY(lcGatewayHttp)

typedef struct x509_st X509;

namespace kessai::gateway {

// The Merchant API's edge: HTTPS with mandatory client certificates (Boost.Beast over Asio with
// OpenSSL), the TLS policy, the limits and deadlines of EdgeLimits, request ids, the request log
// and the JSON errors of the server's own refusals. The only place that knows the HTTP library;
// features see Router, HttpRequest and HttpResponse.
//
// Accept, handshake, reads and writes run asynchronously on a few I/O threads; handlers run on a
// bounded pool of worker threads, one request from start to end on one worker (a streamed body
// too), so a handler may keep per-thread state such as its database connection.
class HttpServer final : public Router
{
public:
    struct TlsFiles
    {
        QString certificate; // server.pem
        QString key;         // server.key
        QString ca;          // ca.pem: the client certificates' issuer
    };
    // May a (chain-valid) client certificate with this SHA-256 fingerprint connect, and go on
    // sending requests? Asked at the handshake and again before every request.
    // May a chain-valid client certificate connect? Unavailable: the answer could not be read
    // (the database is away); the handshake then fails with an internal error, not as if the
    // certificate were revoked.
    enum class CertificateVerdict { Accepted, Refused, Unavailable };
    using CertificateCheck = std::function<CertificateVerdict(const QString &fingerprint)>;

    HttpServer();
    ~HttpServer() override;
    HttpServer(const HttpServer &) = delete;
    HttpServer &operator=(const HttpServer &) = delete;

    // Loads the TLS files; routes are added afterwards.
    Result<void> setup(const TlsFiles &files, CertificateCheck check, const EdgeLimits &limits = {});
    // Binds host:port (port 0 = any free port); returns the bound port.
    Result<int> bind(const QString &host, int port);
    // Runs on each worker thread as it starts, before listen() takes requests: the owner opens
    // the thread's database connection there.
    void setWorkerWarmUp(std::function<void()> warmUp);
    // Serves until stop(); false if there is no listening socket.
    bool listen();
    // Thread-safe, also before listen(); makes listen() return.
    void stop();

    void get(const std::string &pattern, Handler handler) override;
    void post(const std::string &pattern, Handler handler) override;
    void patch(const std::string &pattern, Handler handler) override;
    void del(const std::string &pattern, Handler handler) override;
    // Every route added: its method and path pattern, in the order they were added.
    std::vector<std::pair<std::string, std::string>> routes() const;

    // The TLS verify hook's question: may this (chain-valid) client certificate connect?
    CertificateVerdict checkClientCertificate(X509 *certificate);
    // Names the user the current request acts for in the request log (on the handler's thread).
    static void setRequestUser(const QString &loginId);

    class Impl;

private:
    std::unique_ptr<Impl> m_impl;
};

} // namespace kessai::gateway
