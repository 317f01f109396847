#pragma once

#include "common/apierror.h"
#include "security/sessionservice.h"

#include <QJsonObject>

#include <functional>

namespace httplib {
class Server;
struct Request;
struct Response;
} // namespace httplib

namespace kessai::gateway {

class UserAdmin;

// What the admin routes borrow from GatewayServer: its session check and its JSON replies.
struct RouteKit
{
    using Handler = std::function<void(const httplib::Request &, httplib::Response &)>;
    using AuthenticatedHandler = std::function<
        void(const httplib::Request &, httplib::Response &, const AuthenticatedUser &, const RequestOrigin &)>;

    std::function<Handler(AuthenticatedHandler)> authenticated;
    std::function<void(httplib::Response &, int, const QJsonObject &)> sendJson;
    std::function<void(httplib::Response &, const ApiError &)> sendError;
};

// /v1/users… and /v1/audit. Every route requires manage_users (deny by default).
void installAdminRoutes(httplib::Server &server, UserAdmin &admin, const RouteKit &kit);

} // namespace kessai::gateway
