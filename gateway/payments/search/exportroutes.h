#pragma once

#include "http/routekit.h"

namespace kessai::gateway {

class AuditLog;
class Clock;
class PaymentStore;

// GET /v1/payments/export: the whole result of a payment search in one streamed answer (JSON
// Lines or CSV), for users with the export permission; every export is audited.
void installExportRoutes(Router &router, const RouteKit &kit, PaymentStore &payments, AuditLog &audit, const Clock &clock);

} // namespace kessai::gateway
