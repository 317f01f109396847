#pragma once

// The edge's insides, shared by httpserver.cpp (the server) and httpconnection.cpp (one
// client's connection). Only http/ includes this, and only this includes Boost.Asio.

#include "common/logthrottle.h"
#include "http/httpserver.h"
#include "http/requesttarget.h"
#include "http/workerpool.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QString>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>

#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <regex>
#include <string>
#include <unordered_map>
#include <vector>

namespace kessai::gateway {

namespace net = boost::asio;
using tcp = net::ip::tcp;

class HttpConnection;

struct RouteMatch
{
    const Router::Handler *handler = nullptr;
    QList<QByteArray> arguments;
    bool knownMethod = true;
};

class HttpServer::Impl
{
public:
    explicit Impl(HttpServer &owner);

    void addRoute(const char *method, const std::string &pattern, Handler handler);
    RouteMatch route(const std::string &method, const QString &path) const;
    std::vector<std::pair<std::string, std::string>> routes() const; // method, pattern

    // The connection caps: false (and nothing taken) when this address or the server is full.
    bool takeSlot(const std::string &address);
    void releaseSlot(const std::string &address);

    void accept();
    void onAccepted(tcp::socket socket);

    // The graceful stop, on the I/O threads: no new connections, the idle ones closed, and the
    // I/O stopped once the requests under way are answered (or at the drain deadline).
    void drain();
    // A connection waiting for its next request registers here, to be closed when the gateway
    // stops; false (and nothing registered) once it is stopping: the connection closes instead.
    bool enterIdle(const std::shared_ptr<HttpConnection> &connection);
    void leaveIdle(const HttpConnection *connection);

    HttpServer &owner;
    EdgeLimits limits;
    CertificateCheck check;
    std::function<void()> warmUp; // on each worker as it starts
    // draining: stop() was asked; no new connection or request is taken, answers say
    // "Connection: close". stopping: the I/O has stopped, so a write queued now never happens.
    std::atomic<bool> draining{false};
    std::atomic<bool> stopping{false};
    WorkerPool readers; // GET, HEAD
    WorkerPool writers; // POST, PATCH, DELETE and anything else
    net::ssl::context tls{net::ssl::context::tls_server};

private:
    struct Route
    {
        std::string method;
        std::string patternText;
        std::regex pattern;
        Handler handler;
        // What every matching path starts with (the pattern up to its first regular expression
        // syntax), and whether that is the whole pattern: most routes are decided by a string
        // comparison, and std::regex (tens of microseconds a try) runs only where the prefix fits.
        std::string literalPrefix;
        bool literal = false;
    };
    std::vector<Route> m_routes;

    std::mutex m_slotMutex;
    int m_connections = 0;
    std::unordered_map<std::string, int> m_perAddress;
    // Refused connections are counted and logged at most every few seconds, so that a flood
    // does not become a flood of log lines.
    int m_refused = 0;
    std::chrono::steady_clock::time_point m_lastRefusalLog;

    void watchDrain();
    int openConnections();
    std::mutex m_idleMutex;
    std::unordered_map<const HttpConnection *, std::weak_ptr<HttpConnection>> m_idle;
    std::chrono::steady_clock::time_point m_drainDeadline;

public:
    // Declared last: destroyed first, with every handler (and connection) still queued on it.
    net::io_context io;
    tcp::acceptor acceptor{io};
    // The acceptor and its retry timer are touched by the accept chain and by drain() only, and
    // only on this strand (the io_context runs on several threads).
    net::strand<net::io_context::executor_type> acceptStrand{io.get_executor()};
    net::steady_timer acceptRetry{acceptStrand};
    LogThrottle acceptLog{std::chrono::seconds(10)}; // a failing accept is retried every 100 ms
    net::steady_timer drainTimer{acceptStrand};
};

// One request and its answer as the request log sees them.
struct Exchange
{
    std::string method = "-";
    std::string target = "-";
    QByteArray requestId;
    QElapsedTimer timer;
    QString loginId;
    QString address;
    int status = 0;
};
void logExchange(const Exchange &exchange);

} // namespace kessai::gateway

namespace kessai::gateway {

// What HttpServer::setRequestUser named on this worker for the request it serves.
QString requestUser();
void clearRequestUser();

} // namespace kessai::gateway
