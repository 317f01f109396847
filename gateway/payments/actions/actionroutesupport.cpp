#include "actionroutesupport.h"

#include "common/clock.h"
#include "domain/jsonwriter.h"
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

ApiError conflictFor(const ActionOutcome &outcome)
{
    if (outcome.errorCode == QLatin1String("not_found"))
        return ApiError::notFound(outcome.message);
    if (outcome.errorCode == QLatin1String("invalid_amount"))
        return {ErrorKind::BadRequest, outcome.errorCode, outcome.message};
    return {ErrorKind::Conflict, outcome.errorCode, outcome.message};
}

ActionActor actorOf(const Caller &user, const RequestOrigin &origin)
{
    return {user.loginId, user.merchantId, user.permissions, origin.address, origin.requestId};
}

std::optional<QJsonObject> parseObject(const HttpRequest &req, bool emptyIsObject)
{
    if (emptyIsObject && req.body.isEmpty())
        return QJsonObject();
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(req.body, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    return document.object();
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
    if (!req.hasHeader("Idempotency-Key")) {
        res.sendError(ApiError::badRequest(QStringLiteral("The Idempotency-Key header is required.")));
        return false;
    }
    if (!IdempotencyStore::isValidKey(req.header("Idempotency-Key"))) {
        res.sendError(ApiError::invalidParameter(
                               QStringLiteral("Idempotency-Key must be 1-64 characters of A-Z a-z 0-9 _ -.")));
        return false;
    }
    return true;
}

} // namespace ActionRoutes

using namespace ActionRoutes;

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
    auto audited = m_actions.auditRefusal(actorOf(user, origin), auditAction, target, QStringLiteral("forbidden"),
                                          m_clock.now());
    if (!audited)
        qCWarning(lcGatewayActions).noquote() << "audit failed:" << audited.error();
    res.sendError(forbidden());
    return false;
}

std::optional<QString> ActionRouteSupport::claim(const HttpRequest &req, HttpResponse &res,
                                     const Caller &user, const QJsonObject &canonicalBody) const
{
    const QString key = req.header("Idempotency-Key");
    const QString hash = IdempotencyStore::requestHash(user.loginId, req.method,
                                                       req.path,
                                                       QJsonDocument(canonicalBody).toJson(QJsonDocument::Compact));
    auto claimed = m_idempotency.claim(user.merchantId, key, hash, m_clock.now());
    if (!claimed) {
        qCWarning(lcGatewayActions).noquote() << "idempotency claim failed:" << claimed.error();
        res.sendError(ApiError::internal());
        return std::nullopt;
    }
    switch (claimed->outcome) {
    case IdempotencyStore::Outcome::Claimed:
        return key;
    case IdempotencyStore::Outcome::Replay:
        res.setHeader("Idempotent-Replayed", "true");
        res.sendJsonText(claimed->httpStatus, claimed->response);
        return std::nullopt;
    case IdempotencyStore::Outcome::Mismatch:
        res.sendError({ErrorKind::Unprocessable, QStringLiteral("idempotency_mismatch"),
                              QStringLiteral("This Idempotency-Key was used with a different request.")});
        return std::nullopt;
    case IdempotencyStore::Outcome::InProgress:
        res.sendError({ErrorKind::Conflict, QStringLiteral("idempotency_in_progress"),
                              QStringLiteral("A request with this Idempotency-Key is still running; retry later.")});
        return std::nullopt;
    }
    return std::nullopt;
}

void ActionRouteSupport::finish(HttpResponse &res, const Caller &user, const QString &key, int status,
                    const QByteArray &body) const
{
    if (auto stored = m_idempotency.complete(user.merchantId, key, status, body, m_clock.now()); !stored) {
        // The work is done and committed; only the replay is lost. Answer it anyway.
        qCWarning(lcGatewayActions).noquote() << "storing the idempotent answer failed:" << stored.error();
    }
    res.sendJsonText(status, body);
}

void ActionRouteSupport::failInternally(HttpResponse &res, const Caller &user, const QString &key,
                            const QString &what) const
{
    qCWarning(lcGatewayActions).noquote() << what;
    // Nothing of the request was committed (a bulk request is one transaction), so the key is
    // released and a retry with it does the whole request.
    if (auto released = m_idempotency.release(user.merchantId, key); !released)
        qCWarning(lcGatewayActions).noquote() << "releasing the idempotency key failed:" << released.error();
    res.sendError(ApiError::internal());
}

} // namespace kessai::gateway
