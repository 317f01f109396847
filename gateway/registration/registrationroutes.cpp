#include "registrationroutes.h"

#include "common/clock.h"
#include "domain/jsonwriter.h"
#include "payments/actionroutesupport.h"
#include "registration/registrationrules.h"
#include "registration/registrationstore.h"
#include "registration/sandboxissuer.h"
#include "security/permissions.h"

#include "http/router.h"

#include <variant>

namespace kessai::gateway {

namespace {

using namespace ActionRoutes;

// A registration's answer when its fields are wrong: every offending field, by name, never with
// its value. bad_request when a required field is missing, invalid_parameter otherwise.
ApiError fieldError(const QList<RegistrationRules::FieldError> &errors)
{
    QString message = errors.first().message;
    if (errors.size() > 1)
        message += QStringLiteral(" (and %1 more: see fields)").arg(errors.size() - 1);
    return {ErrorKind::BadRequest,
            RegistrationRules::anyMissing(errors) ? QStringLiteral("bad_request") : QStringLiteral("invalid_parameter"),
            message};
}

QByteArray fieldErrorBody(const ApiError &error, const QList<RegistrationRules::FieldError> &errors, const QString &requestId)
{
    return errorBody(error, requestId, [&errors](JsonWriter &writer) {
        writer.key(QLatin1StringView("fields")).beginArray();
        for (const RegistrationRules::FieldError &field : errors) {
            writer.beginObject()
                .key(QLatin1StringView("field"))
                .value(field.field)
                .key(QLatin1StringView("reason"))
                .value(field.reason)
                .key(QLatin1StringView("message"))
                .value(field.message)
                .endObject();
        }
        writer.endArray();
    });
}

// The 201 answer of a registration: the payment as the detail shows it, without events and
// actions. Card: brand, first 6, last 4 and expiry only.
QByteArray registeredBody(const RegistrationRules::Registration &r, const RegistrationOutcome &outcome)
{
    QByteArray out;
    JsonWriter w(&out);
    w.beginObject();
    w.key(QLatin1StringView("payment_id")).value(QString::number(outcome.paymentId));
    w.key(QLatin1StringView("trading_id")).value(r.tradingId);
    w.key(QLatin1StringView("type")).value(r.type);
    w.key(QLatin1StringView("status")).value(outcome.status);
    w.key(QLatin1StringView("amount")).value(r.amount);
    w.key(QLatin1StringView("institution")).value(r.institution);
    w.key(QLatin1StringView("trade_time")).wireTime(outcome.tradeTime);
    if (outcome.dueTime > 0)
        w.key(QLatin1StringView("due_time")).wireTime(outcome.dueTime);
    if (outcome.clearedTime > 0)
        w.key(QLatin1StringView("cleared_time")).wireTime(outcome.clearedTime);
    if (!r.card.isEmpty()) {
        w.key(QLatin1StringView("authorized_amount")).value(r.amount);
        w.key(QLatin1StringView("card")).beginObject();
        w.key(QLatin1StringView("brand")).value(r.card.brand);
        w.key(QLatin1StringView("bin")).value(r.card.bin);
        w.key(QLatin1StringView("last4")).value(r.card.last4);
        w.key(QLatin1StringView("expiry")).value(r.card.expiry);
        w.endObject();
        w.key(QLatin1StringView("payment_class")).value(r.paymentClass);
        if (r.splitCount > 0)
            w.key(QLatin1StringView("split_count")).value(r.splitCount);
    }
    if (!r.customer.name.isEmpty() || !r.customer.phone.isEmpty() || !r.customer.email.isEmpty()) {
        w.key(QLatin1StringView("customer")).beginObject();
        w.key(QLatin1StringView("name")).value(r.customer.name);
        w.key(QLatin1StringView("kana")).value(r.customer.kana);
        w.key(QLatin1StringView("email")).value(r.customer.email);
        w.key(QLatin1StringView("phone")).value(r.customer.phone);
        w.endObject();
    }
    w.optional(QLatin1StringView("receipt_number"), outcome.receiptNumber);
    w.optional(QLatin1StringView("payment_number"), outcome.paymentNumber);
    w.endObject();
    return out;
}

class Routes : public ActionRouteSupport
{
public:
    Routes(IdempotencyStore &idempotency, const Clock &clock,
           RegistrationStore &registrations, const QByteArray &cardDigestKey)
        : ActionRouteSupport(registrations.database(), idempotency, clock)
        , m_registrations(registrations)
        , m_cardDigestKey(cardDigestKey)
    {}

    void registerPayment(const HttpRequest &req, HttpResponse &res, const Caller &user,
                         const RequestOrigin &origin) const;

private:
    RegistrationStore &m_registrations;
    QByteArray m_cardDigestKey;
};

void Routes::registerPayment(const HttpRequest &req, HttpResponse &res, const Caller &user,
                             const RequestOrigin &origin) const
{
    const QString auditAction = QStringLiteral("payment_register");
    if (!holds(res, user, origin, QStringLiteral("register"), auditAction, QStringLiteral("payments")))
        return;
    if (!keyPresent(req, res))
        return;
    const auto body = parseObject(req);
    if (!body) {
        res.sendError(ApiError::badRequest(QStringLiteral("The body must be a JSON object.")));
        return;
    }
    // Registering a payment one may not look at afterwards is refused like any other lack of
    // permission; an unknown type is a field error below.
    const QJsonValue type = body->value(QLatin1String("type"));
    if (type.isString() && RegistrationRules::maxAmount(type.toString()) > 0
        && !holds(res, user, origin, Permissions::view(type.toString()), auditAction, QStringLiteral("payments")))
        return;
    const auto parsed = RegistrationRules::parse(*body, m_clock.now());
    if (const auto *errors = std::get_if<QList<RegistrationRules::FieldError>>(&parsed)) {
        const ApiError error = fieldError(*errors);
        res.sendJsonText(httpStatus(error.kind), fieldErrorBody(error, *errors, origin.requestId));
        return;
    }
    const RegistrationRules::Registration &registration = std::get<RegistrationRules::Registration>(parsed);
    // The hash sees keyed digests instead of the card number and security code.
    const auto key = claim(req, res, user, RegistrationRules::digestedForHash(*body, m_cardDigestKey));
    if (!key)
        return;

    const ActionActor actor = actorOf(user, origin);
    const auto refuse = [&](const RegistrationOutcome &refusal) {
        qCInfo(lcGatewayActions).noquote() << "register of type" << registration.type << "refused:" << refusal.errorCode;
        const ApiError error{ErrorKind::Conflict, refusal.errorCode, refusal.message};
        finish(res, user, *key, httpStatus(error.kind), errorBody(error, origin.requestId));
    };
    // A used trading id is refused before the issuer is asked: no authorization for an order
    // that cannot be registered, and no "declined" for a request that was wrong anyway.
    auto duplicate = m_registrations.refuseDuplicate(actor, registration.tradingId, m_clock.now());
    if (!duplicate) {
        failInternally(res, user, *key, QStringLiteral("trading id check failed: ") + duplicate.error());
        return;
    }
    if (duplicate.value()) {
        refuse(*duplicate.value());
        return;
    }
    if (registration.type == QLatin1String("02")) {
        const SandboxIssuer::Decision decision = SandboxIssuer::authorize(registration.cardNumber);
        if (!decision.approved) {
            // PAYGENT creates no payment for a declined authorization: only the audit row
            // (without the card) remembers it, and the trading id stays free for a retry.
            if (auto audited = m_registrations.auditDecline(actor, registration.tradingId, decision.detailCode, m_clock.now());
                !audited) {
                failInternally(res, user, *key, QStringLiteral("audit of a declined card failed: ") + audited.error());
                return;
            }
            qCInfo(lcGatewayActions).noquote() << "register of type 02 declined:" << decision.detailCode;
            const ApiError error{ErrorKind::Declined, QStringLiteral("card_declined"),
                                 QStringLiteral("The card was declined: ") + decision.message};
            finish(res, user, *key, httpStatus(error.kind), errorBody(error, origin.requestId, [&decision](JsonWriter &writer) {
                       writer.optional(QLatin1StringView("detail_code"), decision.detailCode);
                   }));
            return;
        }
    }
    auto done = m_registrations.registerPayment(actor, registration, m_clock.now());
    if (!done) {
        failInternally(res, user, *key, QStringLiteral("registration failed: ") + done.error());
        return;
    }
    if (!done->ok) {
        refuse(done.value());
        return;
    }
    qCInfo(lcGatewayActions).noquote() << "register of type" << registration.type << "->" << done->paymentId << "status"
                                       << done->status;
    finish(res, user, *key, 201, registeredBody(registration, done.value()));
}

} // namespace

void installRegistrationRoutes(Router &router,
                               const RouteKit &kit,
                               IdempotencyStore &idempotency,
                               const Clock &clock,
                               RegistrationStore &registrations,
                               const QByteArray &cardDigestKey)
{
    using Request = HttpRequest;
    using Response = HttpResponse;
    auto routes = std::make_shared<Routes>(idempotency, clock, registrations, cardDigestKey);
    router.post("/v1/payments",
                kit.authenticated([routes](const Request &req, Response &res, const Caller &user,
                                           const RequestOrigin &origin) { routes->registerPayment(req, res, user, origin); }));
}

} // namespace kessai::gateway
