#include "sessionroutes.h"

#include "domain/payment.h"
#include "http/jsonbody.h"
#include "http/httpserver.h"
#include "sessions/accountstore.h"
#include "sessions/sessionservice.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace kessai::gateway {

namespace {

QJsonObject userJson(const Caller &user)
{
    return QJsonObject{{QStringLiteral("login_id"), user.loginId},
                       {QStringLiteral("name"), user.name},
                       {QStringLiteral("role"), user.role},
                       {QStringLiteral("merchant"),
                        QJsonObject{{QStringLiteral("id"), user.merchantId},
                                    {QStringLiteral("name"), user.merchantName}}},
                       {QStringLiteral("permissions"), QJsonArray::fromStringList(user.permissions)},
                       {QStringLiteral("must_change_password"), user.mustChangePassword}};
}

} // namespace

void installSessionRoutes(Router &router, const RouteKit &kit, SessionService &sessions)
{
    using Request = HttpRequest;
    using Response = HttpResponse;

    router.post("/v1/session", [&sessions](const Request &req, Response &res) {
        const RequestOrigin &origin = req.origin;
        const auto parsed = jsonObjectOf(req.body);
        if (!parsed) {
            res.sendError(ApiError::badRequest(QStringLiteral("The body must be a JSON object.")));
            return;
        }
        const QJsonObject &body = *parsed;
        const QJsonValue loginId = body.value(QLatin1String("login_id"));
        const QJsonValue password = body.value(QLatin1String("password"));
        if (!loginId.isString() || !password.isString() || loginId.toString().isEmpty()
            || password.toString().isEmpty()) {
            res.sendError(ApiError::badRequest(QStringLiteral("login_id and password are required.")));
            return;
        }
        if (origin.certificateFingerprint.isEmpty()) {
            res.sendError(ApiError::unauthenticated(QStringLiteral("A client certificate is required.")));
            return;
        }
        // A login ID no user can have (a password typed into the wrong field, control
        // characters) is refused before it reaches the request log or the audit table.
        if (!AccountStore::isValidLoginId(loginId.toString())) {
            HttpServer::setRequestUser(QStringLiteral("?"));
            res.sendError({ErrorKind::Unauthenticated, QStringLiteral("invalid_credentials"), QStringLiteral("Login ID or password is wrong.")});
            return;
        }
        HttpServer::setRequestUser(loginId.toString());
        auto login = sessions.login(loginId.toString(), password.toString(), origin);
        if (!login.ok()) {
            res.sendError(login.error());
            return;
        }
        const LoginResult &result = login.value();
        res.sendJson(201,
                 QJsonObject{{QStringLiteral("token"), result.token},
                             {QStringLiteral("expires_at"),
                              toWireTime(QDateTime::fromSecsSinceEpoch(result.expiresAt, Qt::UTC))},
                             {QStringLiteral("idle_timeout_s"), SessionService::IdleTimeoutSeconds},
                             {QStringLiteral("user"), userJson(callerOf(result.user))}});
    });

    router.del("/v1/session",
                  kit.evenBeforePasswordChange([&sessions](const Request &, Response &res, const Caller &user,
                                       const RequestOrigin &origin) {
                      auto done = sessions.logout(user, origin);
                      if (!done.ok()) {
                          res.sendError(done.error());
                          return;
                      }
                      res.status = 204;
                  }));

    router.get("/v1/me",
               kit.evenBeforePasswordChange([](const Request &, Response &res, const Caller &user, const RequestOrigin &) {
                   res.sendJson(200, userJson(user));
               }));

    router.post("/v1/me/password",
                kit.evenBeforePasswordChange([&sessions](const Request &req, Response &res, const Caller &user,
                                                         const RequestOrigin &origin) {
                    const auto parsed = jsonObjectOf(req.body);
                    const QJsonObject body = parsed.value_or(QJsonObject());
                    const QJsonValue current = body.value(QLatin1String("current_password"));
                    const QJsonValue next = body.value(QLatin1String("new_password"));
                    if (!parsed || !current.isString()
                        || !next.isString() || body.size() != 2) {
                        res.sendError(ApiError::badRequest(
                            QStringLiteral("The body must be {\"current_password\": \"…\", \"new_password\": \"…\"}.")));
                        return;
                    }
                    auto changed = sessions.changePassword(user, current.toString(), next.toString(), origin);
                    if (!changed.ok()) {
                        res.sendError(changed.error());
                        return;
                    }
                    res.status = 204;
                }));
}

} // namespace kessai::gateway
