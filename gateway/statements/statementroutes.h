#pragma once

#include "http/routekit.h"

namespace kessai::gateway {

class AuditLog;
class Clock;
class StatementStore;

// GET /v1/statements, /v1/statements/{id}, /v1/statements/{id}/lines. Every route requires the
// `statements` permission (deny by default) and first closes the periods that have ended on
// the payment clock, so a statement exists as soon as its period is over.
void installStatementRoutes(Router &router,
                            const RouteKit &kit,
                            StatementStore &statements,
                            AuditLog &audit,
                            const Clock &paymentClock,
                            const Clock &clock);

} // namespace kessai::gateway
