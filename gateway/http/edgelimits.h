#pragma once

#include <chrono>
#include <cstddef>

namespace kessai::gateway {

// What the edge allows a client (docs/api.md, "Limits"). A client past a limit is refused with
// the status named beside it, or its connection is closed; the gateway goes on serving others.
struct EdgeLimits
{
    // Handlers (database work) run on worker threads; accept, TLS and the reading and writing of
    // every connection on ioThreads apart from them. GET (and HEAD) requests run on `workers`;
    // POST, PATCH and DELETE on `writers` of their own (0: a quarter of workers, 1 to 8), so
    // that writes waiting their turn for the database's one writer never hold up reads.
    int workers = 32;
    int writers = 0;
    int ioThreads = 2;
    // Requests waiting for a worker beyond this (in each of the two pools) are answered 503 with
    // Retry-After.
    int queueLimit = 256;
    // Open connections, in all and per client address; past either a new connection is closed
    // as soon as it is accepted.
    int maxConnections = 4096;
    int maxConnectionsPerAddress = 256;
    // The TLS handshake, from accept to done; the request head, from its first byte; the wait
    // for the next request on a keep-alive connection; each write of an answer.
    std::chrono::milliseconds handshakeTimeout{10000};
    std::chrono::milliseconds headTimeout{10000};
    std::chrono::milliseconds idleTimeout{60000};
    std::chrono::milliseconds writeTimeout{30000};
    // A stop (SIGTERM) closes the listening socket and the idle keep-alive connections at once,
    // and waits this long at most for the requests under way to be answered.
    std::chrono::milliseconds drainTimeout{8000};
    // The request line and headers (431 past either), and a body however it is sent (413).
    std::size_t headBytes = 16 * 1024;
    int headFields = 100;
    std::size_t bodyBytes = 2 * 1024 * 1024;
};

} // namespace kessai::gateway
