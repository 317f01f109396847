#include "actionroutesupport.h"

#include "common/clock.h"
#include "domain/jsonwriter.h"
#include "http/jsonbody.h"
#include "http/idempotencystore.h"
#include "http/router.h"

#include <QJsonDocument>

#include <cmath>

Q_LOGGING_CATEGORY(lcGatewayActions, "gateway.actions", QtInfoMsg)

namespace kessai::gateway {

namespace ActionRoutes {

ApiError forbidden()
{
    return {ErrorKind::Forbidden, QStringLiteral("forbidden"), QStringLiteral("You do not have the permission for this action.")};
}

ActionActor actorOf(const Caller &user, const RequestOrigin &origin)
{
    return {user.loginId, user.merchantId, user.permissions, origin.address, origin.requestId};
}

std::optional<QJsonObject> parseObject(const HttpRequest &req, bool emptyIsObject)
{
    if (emptyIsObject && req.body.isEmpty())
        return QJsonObject();
    return jsonObjectOf(req.body);
}

std::optional<qint64> integerOf(const QJsonValue &value)
{
    if (!value.isDouble())
        return std::nullopt;
    const double number = value.toDouble();
    if (!std::isfinite(number) || std::floor(number) != number || std::fabs(number) > 9.0e15)
        return std::nullopt;
    return static_cast<qint64>(number);
}

bool keyPresent(const HttpRequest &req, HttpResponse &res)
{
    return IdempotentRoute::keyPresent(req, res);
}

} // namespace ActionRoutes

using namespace ActionRoutes;

std::optional<QString> ActionRouteSupport::claim(const HttpRequest &req, HttpResponse &res, const Caller &user,
                                                 const QJsonObject &canonicalBody) const
{
    return m_idempotent.claim(req, res, user, canonicalBody);
}

void ActionRouteSupport::finish(HttpResponse &res, const Caller &user, const QString &key, int status,
                                const QByteArray &body) const
{
    m_idempotent.finish(res, user, key, status, body);
}

void ActionRouteSupport::failInternally(HttpResponse &res, const Caller &user, const QString &key, const QString &what) const
{
    m_idempotent.failInternally(res, user, key, what);
}

bool ActionRouteSupport::permitted(HttpResponse &res, const Caller &user, const RequestOrigin &origin,
                       PaymentStateMachine::Action action, const QString &target) const
{
    return holds(res, user, origin, PaymentStateMachine::permissionFor(action),
                 QStringLiteral("payment_") + PaymentStateMachine::actionName(action), target);
}

bool ActionRouteSupport::holds(HttpResponse &res, const Caller &user, const RequestOrigin &origin,
                   const QString &permission, const QString &auditAction, const QString &target) const
{
    if (!permission.isEmpty() && user.permissions.contains(permission))
        return true;
    auto db = m_database.connection();
    const auto audited = db ? PaymentWrites::addAudit(*db, actorOf(user, origin), auditAction, target, QStringLiteral("forbidden"),
                                                      m_clock.now())
                            : Result<void>(makeError(db.error()));
    if (!audited)
        qCWarning(lcGatewayActions).noquote() << "audit failed:" << audited.error();
    res.sendError(forbidden());
    return false;
}

} // namespace kessai::gateway
