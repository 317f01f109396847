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

    std::function<Handler(AuthenticatedHandler)> authenticated;
};

} // namespace kessai::gateway
