#pragma once

#include "http/routekit.h"

namespace kessai::gateway {

class Clock;
class IdempotencyStore;
class PaymentActionStore;

// /v1/payments/capture, /v1/payments/cancel and /v1/payments/{id}/amount.
void installPaymentActionRoutes(Router &router,
                                const RouteKit &kit,
                                PaymentActionStore &actions,
                                IdempotencyStore &idempotency,
                                const Clock &clock);

} // namespace kessai::gateway
