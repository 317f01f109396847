#include "adminroutes.h"

#include "domain/payment.h"
#include "http/jsonbody.h"
#include "http/router.h"
#include "http/wire.h"
#include "users/useradmin.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMultiMap>
#include <QUrlQuery>

namespace kessai::gateway {

namespace {

const QString ManageUsers = QStringLiteral("manage_users");
// Matches any path segment so that a malformed login id is a 404 (and audited) rather than
// the server's unrouted 404; the login id rule itself is UserAdmin's.
constexpr const char *UserPath = R"(/v1/users/([^/]{1,128}))";

QJsonObject managedUserJson(const ManagedUser &user)
{
    QJsonValue certificate(QJsonValue::Null);
    if (user.certificate) {
        certificate = QJsonObject{{QStringLiteral("fingerprint"), user.certificate->fingerprint},
                                  {QStringLiteral("not_after"), wireTimeOrNull(user.certificate->notAfter)},
                                  {QStringLiteral("revoked"), user.certificate->revoked}};
    }
    return QJsonObject{{QStringLiteral("login_id"), user.loginId},
                       {QStringLiteral("name"), user.name},
                       {QStringLiteral("role"), user.role},
                       {QStringLiteral("permissions"), QJsonArray::fromStringList(user.permissions)},
                       {QStringLiteral("enabled"), user.enabled},
                       {QStringLiteral("locked_until"), wireTimeOrNull(user.lockedUntil)},
                       {QStringLiteral("must_change_password"), user.mustChangePassword},
                       {QStringLiteral("last_login_at"), wireTimeOrNull(user.lastLoginAt)},
                       {QStringLiteral("certificate"), certificate}};
}

// The path argument is already percent-decoded, once, by the server: decoding it again would
// turn /v1/users/%2561dmin into "admin".
QString loginIdOf(const HttpRequest &req)
{
    return QString::fromUtf8(req.pathArguments.at(0));
}

std::optional<QJsonObject> jsonBody(const HttpRequest &req, HttpResponse &res)
{
    auto body = jsonObjectOf(req.body);
    if (!body)
        res.sendError(ApiError::badRequest(QStringLiteral("The body must be a JSON object.")));
    return body;
}

} // namespace

void installAdminRoutes(Router &router, UserAdmin &admin, const RouteKit &kit)
{
    using Request = HttpRequest;
    using Response = HttpResponse;

    // Every admin route goes through here: session, then manage_users, then the handler.
    auto guarded = [&admin, kit](const QString &action, RouteKit::AuthenticatedHandler handler) {
        return kit.authenticated([&admin, kit, action, handler](const Request &req, Response &res,
                                                                const Caller &user,
                                                                const RequestOrigin &origin) {
            if (auto refused = admin.requirePermission(user, origin, ManageUsers, action)) {
                res.sendError(*refused);
                return;
            }
            handler(req, res, user, origin);
        });
    };

    router.get("/v1/users",
               guarded(QStringLiteral("user_list"),
                       [&admin, kit](const Request &, Response &res, const Caller &user, const RequestOrigin &) {
                           auto users = admin.list(user);
                           if (!users.ok()) {
                               res.sendError(users.error());
                               return;
                           }
                           QJsonArray items;
                           for (const ManagedUser &managed : users.value())
                               items.append(managedUserJson(managed));
                           res.sendJson(200, QJsonObject{{QStringLiteral("items"), items}});
                       }));

    router.post("/v1/users",
                guarded(QStringLiteral("user_create"),
                        [&admin, kit](const Request &req, Response &res, const Caller &user,
                                      const RequestOrigin &origin) {
                            const auto body = jsonBody(req, res);
                            if (!body)
                                return;
                            auto created = admin.create(user, origin, *body);
                            if (!created.ok()) {
                                res.sendError(created.error());
                                return;
                            }
                            res.sendJson(201, managedUserJson(created.value()));
                        }));

    router.patch(UserPath,
                 guarded(QStringLiteral("user_update"),
                         [&admin, kit](const Request &req, Response &res, const Caller &user,
                                       const RequestOrigin &origin) {
                             const auto body = jsonBody(req, res);
                             if (!body)
                                 return;
                             auto updated = admin.update(user, origin, loginIdOf(req), *body);
                             if (!updated.ok()) {
                                 res.sendError(updated.error());
                                 return;
                             }
                             res.sendJson(200, managedUserJson(updated.value()));
                         }));

    router.post(std::string(UserPath) + "/unlock",
                guarded(QStringLiteral("user_unlock"),
                        [&admin, kit](const Request &req, Response &res, const Caller &user,
                                      const RequestOrigin &origin) {
                            auto unlocked = admin.unlock(user, origin, loginIdOf(req));
                            if (!unlocked.ok()) {
                                res.sendError(unlocked.error());
                                return;
                            }
                            res.sendJson(200, managedUserJson(unlocked.value()));
                        }));

    router.post(std::string(UserPath) + "/password",
                guarded(QStringLiteral("password_reset"),
                        [&admin, kit](const Request &req, Response &res, const Caller &user,
                                      const RequestOrigin &origin) {
                            auto reset = admin.resetPassword(user, origin, loginIdOf(req));
                            if (!reset.ok()) {
                                res.sendError(reset.error());
                                return;
                            }
                            // Handed out once: the gateway keeps only its hash.
                            res.sendJson(200, QJsonObject{{QStringLiteral("password"), reset.value()},
                                                          {QStringLiteral("must_change_password"), true}});
                        }));

    router.post(std::string(UserPath) + "/certificate",
                guarded(QStringLiteral("certificate_issue"),
                        [&admin, kit](const Request &req, Response &res, const Caller &user,
                                      const RequestOrigin &origin) {
                            auto issued = admin.issueCertificate(user, origin, loginIdOf(req));
                            if (!issued.ok()) {
                                res.sendError(issued.error());
                                return;
                            }
                            // Handed out once: the gateway keeps only the fingerprint.
                            res.sendJson(201,
                                         QJsonObject{{QStringLiteral("p12"), QString::fromLatin1(issued.value().pkcs12.toBase64())},
                                                     {QStringLiteral("passphrase"), issued.value().passphrase},
                                                     {QStringLiteral("fingerprint"), issued.value().fingerprint},
                                                     {QStringLiteral("not_after"), wireTimeOrNull(issued.value().notAfter)}});
                        }));

    router.del(std::string(UserPath) + "/certificate",
                  guarded(QStringLiteral("certificate_revoke"),
                          [&admin, kit](const Request &req, Response &res, const Caller &user,
                                        const RequestOrigin &origin) {
                              auto revoked = admin.revokeCertificate(user, origin, loginIdOf(req));
                              if (!revoked.ok()) {
                                  res.sendError(revoked.error());
                                  return;
                              }
                              res.sendJson(200, managedUserJson(revoked.value()));
                          }));
}

} // namespace kessai::gateway
