#pragma once

#include "common/apierror.h"
#include "sessions/sessionservice.h"

#include <QByteArray>
#include <QJsonObject>

#include <functional>

namespace httplib {
class Server;
struct Request;
struct Response;
} // namespace httplib

namespace kessai::gateway {

// What the feature routes borrow from GatewayServer: its session check and its JSON replies.
struct RouteKit
{
    using Handler = std::function<void(const httplib::Request &, httplib::Response &)>;
    using AuthenticatedHandler = std::function<
        void(const httplib::Request &, httplib::Response &, const AuthenticatedUser &, const RequestOrigin &)>;

    std::function<Handler(AuthenticatedHandler)> authenticated;
    std::function<void(httplib::Response &, int, const QJsonObject &)> sendJson;
    std::function<void(httplib::Response &, const ApiError &)> sendError;
};

// The same for routes that answer with JSON text they wrote themselves.
struct PaymentActionRouteKit
{
    using Handler = std::function<void(const httplib::Request &, httplib::Response &)>;
    using AuthenticatedHandler = std::function<
        void(const httplib::Request &, httplib::Response &, const AuthenticatedUser &, const RequestOrigin &)>;

    std::function<Handler(AuthenticatedHandler)> authenticated;
    std::function<void(httplib::Response &, int, const QByteArray &)> sendJsonText;
    std::function<void(httplib::Response &, const ApiError &)> sendError;
};

} // namespace kessai::gateway
