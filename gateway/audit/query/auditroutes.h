#pragma once

#include "http/routekit.h"

namespace kessai::gateway {

class AuditLog;
class Clock;

// GET /v1/audit: the merchant's audit trail, newest first. Requires manage_users (deny by
// default; a refusal is itself audited).
void installAuditRoutes(Router &router, const RouteKit &kit, AuditLog &audit, const Clock &clock);

} // namespace kessai::gateway
