#pragma once

#include "common/result.h"
#include "http/router.h"

#include <QLoggingCategory>
#include <QString>

#include <functional>
#include <memory>

Q_DECLARE_LOGGING_CATEGORY(lcGatewayHttp)

namespace httplib {
class SSLServer;
}

typedef struct x509_st X509;

namespace kessai::gateway {

// The Merchant API's edge: HTTPS with mandatory client certificates (cpp-httplib + OpenSSL),
// the TLS policy, request ids, the request log and the JSON errors of the server's own
// refusals. The only place that knows the HTTP server library; features see Router,
// HttpRequest and HttpResponse.
class HttpServer final : public Router
{
public:
    static constexpr int DefaultThreads = 32;

    struct TlsFiles
    {
        QString certificate; // server.pem
        QString key;         // server.key
        QString ca;          // ca.pem: the client certificates' issuer
    };
    // May a (chain-valid) client certificate with this SHA-256 fingerprint connect?
    using CertificateCheck = std::function<bool(const QString &fingerprint)>;

    HttpServer();
    ~HttpServer() override;
    HttpServer(const HttpServer &) = delete;
    HttpServer &operator=(const HttpServer &) = delete;

    // Loads the TLS files and installs the request hooks; routes are added afterwards.
    Result<void> setup(const TlsFiles &files, CertificateCheck check, int threads = DefaultThreads);
    // Binds host:port (port 0 = any free port); returns the bound port.
    Result<int> bind(const QString &host, int port);
    // Serves until stop(); false if the listening socket failed.
    bool listen();
    // Thread-safe; makes listen() return.
    void stop();

    void get(const std::string &pattern, Handler handler) override;
    void post(const std::string &pattern, Handler handler) override;
    void patch(const std::string &pattern, Handler handler) override;
    void del(const std::string &pattern, Handler handler) override;

    // The TLS verify hook's question: may this (chain-valid) client certificate connect?
    bool acceptsClientCertificate(X509 *certificate);
    // Names the user the current request acts for in the request log.
    static void setRequestUser(const QString &loginId);

private:
    void installHooks();

    std::unique_ptr<httplib::SSLServer> m_server;
    CertificateCheck m_check;
    QString m_setupError;
};

} // namespace kessai::gateway
