#pragma once

#include "http/routekit.h"

namespace kessai::gateway {

class AuditLog;
class Clock;
class PaymentStore;

// GET /v1/payments (search), /v1/payments/count and /v1/payments/{id} (detail with events and
// the actions this user may take now on the payment clock).
void installSearchRoutes(Router &router,
                         const RouteKit &kit,
                         PaymentStore &payments,
                         AuditLog &audit,
                         const Clock &paymentClock,
                         const Clock &clock);

} // namespace kessai::gateway
