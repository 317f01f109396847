#pragma once

#include "http/routekit.h"

namespace kessai::gateway {

class SessionService;

// POST /v1/session (login), DELETE /v1/session (logout) and GET /v1/me.
void installSessionRoutes(Router &router, const RouteKit &kit, SessionService &sessions);

} // namespace kessai::gateway
