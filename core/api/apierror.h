#pragma once

#include <QString>

namespace kessai {

// What went wrong with a call to the gateway: a typed kind, the server's code and request id
// (to quote to support) and a message fit to show the user.
struct ApiError
{
    enum class Kind {
        None,
        Connection,     // refused, timed out, host not found
        Tls,            // handshake or certificate problem
        Authentication, // 401: not logged in, wrong credentials, session over
        Permission,     // 403 / 423
        NotFound,       // 404
        Invalid,        // 400 / 409 / 422
        Server,         // 5xx or a malformed answer
        Cancelled,
    };

    Kind kind = Kind::None;
    int httpStatus = 0;
    QString code;      // the gateway's error code, e.g. "invalid_credentials"
    QString message;   // translated, for the user
    QString requestId; // X-Request-Id of the failed request, if any
    qint64 retryAfterSeconds = 0; // a refusal that ends by itself (a locked account): how soon

    bool isError() const { return kind != Kind::None; }
    // "message (request id …)" for places that show one line.
    QString displayText() const;

    static ApiError cancelled();
};

} // namespace kessai
