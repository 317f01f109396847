#include "sandboxroutes.h"

#include "domain/jsonwriter.h"
#include "payments/actionroutesupport.h"
#include "payments/actions/actionoutcome.h"
#include "payments/actions/paymentactionstore.h"
#include "payments/paymentstatemachine.h"
#include "sandbox/sandboxclock.h"

#include "http/router.h"

namespace kessai::gateway {

namespace {

using namespace ActionRoutes;
using PaymentStateMachine::Action;

constexpr qint64 MaxAdvanceDays = 3650;

class Routes : public ActionRouteSupport
{
public:
    Routes(PaymentActionStore &actions, IdempotencyStore &idempotency, SandboxClock &clock)
        : ActionRouteSupport(actions.database(), idempotency, clock)
        , m_actions(actions)
        , m_sandboxClock(clock)
    {}

    void sandboxMove(const HttpRequest &req, HttpResponse &res, const Caller &user,
                     const RequestOrigin &origin, Action action) const;
    void sandboxClock(const HttpRequest &req, HttpResponse &res, const Caller &user,
                      const RequestOrigin &origin, bool advance) const;

private:
    PaymentActionStore &m_actions;
    SandboxClock &m_sandboxClock;
};

void Routes::sandboxMove(const HttpRequest &req, HttpResponse &res, const Caller &user,
                         const RequestOrigin &origin, Action action) const
{
    const qint64 paymentId = QString::fromUtf8(req.pathArguments.at(0)).toLongLong();
    const auto body = parseObject(req, true);
    if (!body) {
        res.sendError(ApiError::badRequest(QStringLiteral("The body must be a JSON object.")));
        return;
    }
    if (action == Action::Pay) {
        const QJsonValue preliminary = body->value(QLatin1String("preliminary"));
        if (!preliminary.isUndefined() && !preliminary.isBool()) {
            res.sendError(ApiError::invalidParameter(QStringLiteral("preliminary must be true or false.")));
            return;
        }
        if (preliminary.toBool())
            action = Action::Preliminary;
    }
    auto done = m_actions.act(actorOf(user, origin), action, paymentId, std::nullopt, m_clock.now());
    if (!done) {
        qCWarning(lcGatewayActions).noquote() << "sandbox action failed:" << done.error();
        res.sendError(ApiError::internal());
        return;
    }
    if (!done->ok) {
        res.sendError(conflictFor(done.value()));
        return;
    }
    QByteArray out;
    JsonWriter(&out)
        .beginObject()
        .key(QLatin1StringView("payment_id"))
        .value(QString::number(paymentId))
        .key(QLatin1StringView("status"))
        .value(done->status)
        .endObject();
    res.sendJsonText(200, out);
}

void Routes::sandboxClock(const HttpRequest &req, HttpResponse &res, const Caller &user,
                          const RequestOrigin &origin, bool advance) const
{
    if (advance) {
        // The payment clock is the whole sandbox's: only an admin moves it, and every move is
        // in the audit log.
        const auto audit = [&](const QString &target, const QString &result) {
            if (auto audited = m_actions.auditRefusal(actorOf(user, origin), QStringLiteral("sandbox_clock"), target, result,
                                                      m_clock.now());
                !audited)
                qCWarning(lcGatewayActions).noquote() << "audit failed:" << audited.error();
        };
        if (user.role != QLatin1String("admin")) {
            audit(QStringLiteral("clock"), QStringLiteral("forbidden"));
            res.sendError(forbidden());
            return;
        }
        const auto body = parseObject(req);
        const std::optional<qint64> days = body ? integerOf(body->value(QLatin1String("advance_days"))) : std::nullopt;
        if (!days || *days < 0 || *days > MaxAdvanceDays) {
            res.sendError(ApiError::invalidParameter(
                                     QStringLiteral("advance_days must be a whole number from 0 to %1.").arg(MaxAdvanceDays)));
            return;
        }
        if (auto advanced = m_sandboxClock.advance(*days); !advanced) {
            qCWarning(lcGatewayActions).noquote() << "advancing the sandbox clock failed:" << advanced.error();
            res.sendError(ApiError::internal());
            return;
        }
        audit(QStringLiteral("clock:+%1d").arg(*days), QStringLiteral("ok"));
    }
    auto offset = m_sandboxClock.offsetSeconds();
    if (!offset) {
        qCWarning(lcGatewayActions).noquote() << "reading the sandbox clock failed:" << offset.error();
        res.sendError(ApiError::internal());
        return;
    }
    QByteArray out;
    JsonWriter(&out)
        .beginObject()
        .key(QLatin1StringView("now"))
        .wireTime(m_clock.now())
        .key(QLatin1StringView("offset_days"))
        .value(offset.value() / PaymentStateMachine::Day)
        .endObject();
    res.sendJsonText(200, out);
}

} // namespace

void installSandboxRoutes(Router &router,
                          const RouteKit &kit,
                          PaymentActionStore &actions,
                          IdempotencyStore &idempotency,
                          SandboxClock &clock)
{
    using Request = HttpRequest;
    using Response = HttpResponse;
    if (!clock.sandbox())
        return; // the sandbox paths stay unknown: 404
    auto routes = std::make_shared<Routes>(actions, idempotency, clock);
    auto move = [&kit, routes](Action action) {
        return kit.authenticated([routes, action](const Request &req, Response &res, const Caller &user,
                                                  const RequestOrigin &origin) {
            routes->sandboxMove(req, res, user, origin, action);
        });
    };
    router.post(R"(/v1/sandbox/payments/([0-9]{1,18})/pay)", move(Action::Pay));
    router.post(R"(/v1/sandbox/payments/([0-9]{1,18})/expire)", move(Action::Expire));
    router.post("/v1/sandbox/clock",
                kit.authenticated([routes](const Request &req, Response &res, const Caller &user,
                                           const RequestOrigin &origin) { routes->sandboxClock(req, res, user, origin, true); }));
    router.get("/v1/sandbox/clock",
               kit.authenticated([routes](const Request &req, Response &res, const Caller &user,
                                          const RequestOrigin &origin) { routes->sandboxClock(req, res, user, origin, false); }));
}

} // namespace kessai::gateway
