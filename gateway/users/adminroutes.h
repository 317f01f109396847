#pragma once

#include "http/routekit.h"

namespace kessai::gateway {

class UserAdmin;

// /v1/users… and /v1/audit. Every route requires manage_users (deny by default).
void installAdminRoutes(Router &router, UserAdmin &admin, const RouteKit &kit);

} // namespace kessai::gateway
