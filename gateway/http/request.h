#pragma once

#include "http/requestorigin.h"

#include <QByteArray>
#include <QList>
#include <QMultiMap>
#include <QString>

#include <utility>

namespace kessai::gateway {

// A request as the features see it: the gateway's own type, so that the HTTP server library
// behind http/ can be replaced without touching a feature.
struct HttpRequest
{
    QString method;
    QString path;                     // decoded, without the query string
    QByteArray body;
    QList<QByteArray> pathArguments;  // what the route pattern's groups captured, in order
    QMultiMap<QString, QString> query; // the query string of the target only, decoded
    QList<std::pair<QString, QString>> queryItems; // the same, in the order sent
    QList<std::pair<QByteArray, QByteArray>> headers;
    RequestOrigin origin;

    bool hasHeader(const char *name) const;
    // The first value of a header (names compare case-insensitively); empty if absent.
    QString header(const char *name) const;
};

} // namespace kessai::gateway
