#pragma once

#include "common/apierror.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>

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

} // namespace kessai::gateway
