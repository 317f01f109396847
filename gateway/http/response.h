#pragma once

#include "common/apierror.h"
#include "domain/jsonwriter.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QList>

#include <functional>
#include <memory>
#include <utility>

namespace kessai::gateway {

// A body produced while it is sent, for answers too large to hold in memory (an export). After
// the handler returns, the server calls next on the handler's thread again and again, each time
// for the next part, until it says the body is complete or cannot go on. The body goes out with
// chunked transfer encoding, never compressed, so a cut-off answer never looks complete.
struct StreamedBody
{
    enum class Step {
        More,     // call next again
        Complete, // the body is whole: end it
        Failed,   // stop: the connection is closed without ending the body
    };
    // Sends bytes to the client; false once the client has gone (stop writing then).
    using Write = std::function<bool(QByteArrayView bytes)>;

    std::function<Step(const Write &write)> next;
    // Called once when the answer is over (also when next never ran, as for HEAD): whether the
    // whole body was handed to the connection.
    std::function<void(bool complete)> finished;
};

// An answer as the features write it; the server sends it once the handler returns.
struct HttpResponse
{
    int status = 200;
    QByteArray body;
    QByteArray contentType;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray requestId; // for error bodies; set by the server before the handler runs
    std::shared_ptr<StreamedBody> stream; // instead of body, when set

    void setHeader(const QByteArray &name, const QByteArray &value);
    // A JSON answer (never cached).
    void sendJson(int status, const QJsonObject &body);
    void sendJsonText(int status, const QByteArray &body);
    // The one error body of the Merchant API: {"error": {"code", "message", "request_id"}}.
    void sendError(const ApiError &error);
    void sendError(int status, const QString &code, const QString &message);
    // A streamed answer (never cached): body is ignored, stream's next writes it.
    void sendStream(int status, const QByteArray &contentType, StreamedBody streamed);
};

// The one mapping from the gateway's error kinds to HTTP statuses.
int httpStatus(ErrorKind kind);

// The error body as bytes, for answers that are stored before they are sent (idempotent
// replays): the same object as HttpResponse::sendError writes; extra adds fields after
// request_id (a registration's field errors, an issuer's detail code).
QByteArray errorBody(const ApiError &error, const QString &requestId, const std::function<void(JsonWriter &)> &extra = {});

} // namespace kessai::gateway
