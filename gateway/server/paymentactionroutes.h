#pragma once

#include "common/apierror.h"
#include "security/sessionservice.h"

#include <QByteArray>

#include <functional>

namespace httplib {
class Server;
struct Request;
struct Response;
} // namespace httplib

namespace kessai::gateway {

class IdempotencyStore;
class PaymentActionStore;
class RegistrationStore;
class SandboxClock;

// What the payment action routes borrow from GatewayServer: its session check and its replies.
struct PaymentActionRouteKit
{
    using Handler = std::function<void(const httplib::Request &, httplib::Response &)>;
    using AuthenticatedHandler = std::function<
        void(const httplib::Request &, httplib::Response &, const AuthenticatedUser &, const RequestOrigin &)>;

    std::function<Handler(AuthenticatedHandler)> authenticated;
    std::function<void(httplib::Response &, int, const QByteArray &)> sendJsonText;
    std::function<void(httplib::Response &, const ApiError &)> sendError;
};

// POST /v1/payments (manual registration), /v1/payments/capture, /v1/payments/cancel,
// /v1/payments/{id}/amount, and — only when clock.sandbox() — /v1/sandbox/payments/{id}/pay|expire
// and /v1/sandbox/clock. cardDigestKey keys the digests that replace card numbers in
// idempotency request hashes.
void installPaymentActionRoutes(httplib::Server &server,
                                const PaymentActionRouteKit &kit,
                                PaymentActionStore &actions,
                                IdempotencyStore &idempotency,
                                SandboxClock &clock,
                                RegistrationStore &registrations,
                                const QByteArray &cardDigestKey);

} // namespace kessai::gateway
