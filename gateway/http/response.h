#pragma once

#include "common/apierror.h"
#include "domain/jsonwriter.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>

#include <functional>

#include <utility>

namespace kessai::gateway {

// An answer as the features write it; the server sends it once the handler returns.
struct HttpResponse
{
    int status = 200;
    QByteArray body;
    QByteArray contentType;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray requestId; // for error bodies; set by the server before the handler runs

    void setHeader(const QByteArray &name, const QByteArray &value);
    // A JSON answer (never cached).
    void sendJson(int status, const QJsonObject &body);
    void sendJsonText(int status, const QByteArray &body);
    // The one error body of the Merchant API: {"error": {"code", "message", "request_id"}}.
    void sendError(const ApiError &error);
    void sendError(int status, const QString &code, const QString &message);
};

// The one mapping from the gateway's error kinds to HTTP statuses.
int httpStatus(ErrorKind kind);

// The error body as bytes, for answers that are stored before they are sent (idempotent
// replays): the same object as HttpResponse::sendError writes; extra adds fields after
// request_id (a registration's field errors, an issuer's detail code).
QByteArray errorBody(const ApiError &error, const QString &requestId, const std::function<void(JsonWriter &)> &extra = {});

} // namespace kessai::gateway
