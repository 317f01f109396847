#pragma once

#include "http/httpserver_p.h"

#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>

#include <ctime>
#include <functional>
#include <future>
#include <memory>
#include <optional>

namespace kessai::gateway {

namespace beast = boost::beast;

// One client's connection, from accept to close. Reading and writing run on the connection's
// strand on the I/O threads, each under a deadline (EdgeLimits); a complete request goes to the
// worker pool, where the certificate is checked again, the handler runs and the answer is built;
// the answer goes back to the strand to be written. No pipelining: the next request is read once
// the answer is out.
class HttpConnection : public std::enable_shared_from_this<HttpConnection>
{
public:
    HttpConnection(tcp::socket &&socket, HttpServer::Impl &server, std::string address);
    ~HttpConnection();

    void start();
    // Closes the connection if it is waiting for its next request (the gateway stops).
    void closeIfIdle();

private:
    using Parser = beast::http::request_parser<beast::http::string_body>;
    using Done = std::function<void(beast::error_code)>;

    // On the strand.
    void onHandshake(beast::error_code error);
    void waitForRequest();
    void readHead();
    void onHead(beast::error_code error);
    void readBody();
    void onBody(beast::error_code error);
    void dispatch();
    void refuse(const std::shared_ptr<Exchange> &exchange, int status, const QString &code, const QString &message,
                bool keepAlive, const QByteArray &retryAfter = {});
    void finish(const std::shared_ptr<Exchange> &exchange, bool keepAlive);
    void shutdown();
    void expiresAfter(std::chrono::milliseconds timeout);

    // On a worker.
    struct Request;
    void serve(const std::shared_ptr<Request> &request);
    void streamBody(const std::shared_ptr<Request> &request, HttpResponse &response);
    // Runs op on the strand and returns what its completion said; from a worker only.
    std::future<beast::error_code> onStrand(std::function<void(Done)> op);
    bool await(std::future<beast::error_code> &pending);

    beast::ssl_stream<beast::tcp_stream> m_stream;
    beast::flat_buffer m_buffer;
    std::optional<Parser> m_parser;
    std::shared_ptr<Exchange> m_exchange; // the request being read
    std::ptrdiff_t m_headFields = 0;      // its fields when the head was read
    HttpServer::Impl &m_server;
    std::string m_address;
    // The peer certificate, read once after the handshake.
    QString m_fingerprint;
    std::time_t m_notAfter = 0;
    bool m_idle = false; // waiting for a request's first byte (on the strand)
};

} // namespace kessai::gateway
