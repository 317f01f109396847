#pragma once

#include "http/routekit.h"

#include <QByteArray>

namespace kessai::gateway {

class Clock;
class IdempotencyStore;
class RegistrationStore;

// POST /v1/payments (manual registration). cardDigestKey keys the digests that replace card
// numbers in idempotency request hashes.
void installRegistrationRoutes(Router &router,
                               const RouteKit &kit,
                               IdempotencyStore &idempotency,
                               const Clock &clock,
                               RegistrationStore &registrations,
                               const QByteArray &cardDigestKey);

} // namespace kessai::gateway
