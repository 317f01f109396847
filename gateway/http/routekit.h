#pragma once

#include "http/caller.h"
#include "http/router.h"

#include <functional>

namespace kessai::gateway {

// What feature routes get from the composition root: the session check in front of a handler
// (a valid session on this connection's certificate, and the payment time rules applied).
struct RouteKit
{
    using Handler = Router::Handler;
    using AuthenticatedHandler
        = std::function<void(const HttpRequest &, HttpResponse &, const Caller &, const RequestOrigin &)>;

    // Every route but a few: a user whose password an admin has reset gets 403
    // password_change_required here until it has changed it.
    std::function<Handler(AuthenticatedHandler)> authenticated;
    // The few a user must reach to change a reset password: who am I, log out, the change itself.
    std::function<Handler(AuthenticatedHandler)> evenBeforePasswordChange;
};

} // namespace kessai::gateway
