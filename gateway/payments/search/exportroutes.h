#pragma once

#include "http/routekit.h"

namespace kessai::gateway {

class AuditLog;
class Clock;
class ExportSlots;
class PaymentStore;

// GET /v1/payments/export: the whole result of a payment search in one streamed answer (JSON
// Lines or CSV), for users with the export permission; every export is audited. At most as many
// run at once as exportSlots allows (429 too_many_exports past that).
void installExportRoutes(Router &router, const RouteKit &kit, PaymentStore &payments, AuditLog &audit, const Clock &clock,
                         ExportSlots &exportSlots);

} // namespace kessai::gateway
