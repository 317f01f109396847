#pragma once

#include "http/routekit.h"

namespace kessai::gateway {

class IdempotencyStore;
class PaymentActionStore;
class SandboxClock;

// Only when clock.sandbox(): /v1/sandbox/payments/{id}/pay|expire and /v1/sandbox/clock.
// Otherwise the sandbox paths stay unknown (404).
void installSandboxRoutes(Router &router,
                          const RouteKit &kit,
                          PaymentActionStore &actions,
                          IdempotencyStore &idempotency,
                          SandboxClock &clock);

} // namespace kessai::gateway
