#pragma once

#include "common/apierror.h"
#include "db/database.h"
#include "http/idempotentroute.h"
#include "http/routekit.h"
#include "payments/paymentstatemachine.h"
#include "payments/paymentwrites.h"

#include <QByteArray>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QString>

#include <optional>

Q_DECLARE_LOGGING_CATEGORY(lcGatewayActions)

namespace kessai::gateway {

class Clock;
class IdempotencyStore;

namespace ActionRoutes {

ApiError forbidden();
ActionActor actorOf(const Caller &user, const RequestOrigin &origin);
// The body as a JSON object; an empty body counts as {} when emptyIsObject.
std::optional<QJsonObject> parseObject(const HttpRequest &req, bool emptyIsObject = false);
// A JSON number that is a whole number of yen (or days) within qint64.
std::optional<qint64> integerOf(const QJsonValue &value);
// Answers 400 unless the request carries a well-formed Idempotency-Key.
bool keyPresent(const HttpRequest &req, HttpResponse &res);

} // namespace ActionRoutes

// What the routes that move money share (payment actions, registration, the sandbox): the
// permission check with its audited refusal, and the Idempotency-Key protocol.
class ActionRouteSupport
{
public:
    ActionRouteSupport(const Database &database, IdempotencyStore &idempotency, const Clock &clock)
        : m_database(database)
        , m_idempotent(idempotency, clock)
        , m_clock(clock)
    {}

protected:
    // The Idempotency-Key protocol (http/idempotentroute.h).
    std::optional<QString> claim(const HttpRequest &req, HttpResponse &res, const Caller &user,
                                 const QJsonObject &canonicalBody) const;
    void finish(HttpResponse &res, const Caller &user, const QString &key, int status,
                const QByteArray &body) const;
    void failInternally(HttpResponse &res, const Caller &user, const QString &key,
                        const QString &what) const;
    bool permitted(HttpResponse &res, const Caller &user, const RequestOrigin &origin,
                   PaymentStateMachine::Action action, const QString &target) const;
    // Answers 403 (audited as auditAction on target) unless the user holds permission.
    bool holds(HttpResponse &res, const Caller &user, const RequestOrigin &origin,
               const QString &permission, const QString &auditAction, const QString &target) const;

    const Database &m_database;
    IdempotentRoute m_idempotent;
    const Clock &m_clock;
};

} // namespace kessai::gateway
