#include "adminroutes.h"

#include "domain/payment.h"
#include "users/useradmin.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMultiMap>
#include <QUrlQuery>

#include <httplib.h>

namespace kessai::gateway {

namespace {

const QString ManageUsers = QStringLiteral("manage_users");
// Matches any path segment so that a malformed login id is a 404 (and audited) rather than
// httplib's unrouted 404; the login id rule itself is UserAdmin's.
constexpr const char *UserPath = R"(/v1/users/([^/]{1,128}))";

QJsonValue wireTime(qint64 seconds)
{
    if (seconds <= 0)
        return QJsonValue(QJsonValue::Null);
    return toWireTime(QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC));
}

QJsonObject managedUserJson(const ManagedUser &user)
{
    QJsonValue certificate(QJsonValue::Null);
    if (user.certificate) {
        certificate = QJsonObject{{QStringLiteral("fingerprint"), user.certificate->fingerprint},
                                  {QStringLiteral("not_after"), wireTime(user.certificate->notAfter)},
                                  {QStringLiteral("revoked"), user.certificate->revoked}};
    }
    return QJsonObject{{QStringLiteral("login_id"), user.loginId},
                       {QStringLiteral("name"), user.name},
                       {QStringLiteral("role"), user.role},
                       {QStringLiteral("permissions"), QJsonArray::fromStringList(user.permissions)},
                       {QStringLiteral("enabled"), user.enabled},
                       {QStringLiteral("locked_until"), wireTime(user.lockedUntil)},
                       {QStringLiteral("certificate"), certificate}};
}

QString loginIdOf(const httplib::Request &req)
{
    return QUrl::fromPercentEncoding(QByteArray::fromStdString(req.matches[1].str()));
}

QMultiMap<QString, QString> queryParams(const httplib::Request &req)
{
    QMultiMap<QString, QString> params;
    const auto question = req.target.find('?');
    if (question == std::string::npos)
        return params;
    const QUrlQuery query(QString::fromUtf8(req.target.substr(question + 1)));
    for (const auto &item : query.queryItems(QUrl::FullyDecoded))
        params.insert(item.first, item.second);
    return params;
}

std::optional<QJsonObject> jsonBody(const httplib::Request &req, httplib::Response &res, const RouteKit &kit)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray::fromStdString(req.body), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        kit.sendError(res, ApiError::badRequest(QStringLiteral("The body must be a JSON object.")));
        return std::nullopt;
    }
    return document.object();
}

} // namespace

void installAdminRoutes(httplib::Server &server, UserAdmin &admin, const RouteKit &kit)
{
    using httplib::Request;
    using httplib::Response;

    // Every admin route goes through here: session, then manage_users, then the handler.
    auto guarded = [&admin, kit](const QString &action, RouteKit::AuthenticatedHandler handler) {
        return kit.authenticated([&admin, kit, action, handler](const Request &req, Response &res,
                                                                const AuthenticatedUser &user,
                                                                const RequestOrigin &origin) {
            if (auto refused = admin.requirePermission(user, origin, ManageUsers, action)) {
                kit.sendError(res, *refused);
                return;
            }
            handler(req, res, user, origin);
        });
    };

    server.Get("/v1/users",
               guarded(QStringLiteral("user_list"),
                       [&admin, kit](const Request &, Response &res, const AuthenticatedUser &user, const RequestOrigin &) {
                           auto users = admin.list(user);
                           if (!users.ok()) {
                               kit.sendError(res, users.error());
                               return;
                           }
                           QJsonArray items;
                           for (const ManagedUser &managed : users.value())
                               items.append(managedUserJson(managed));
                           kit.sendJson(res, 200, QJsonObject{{QStringLiteral("items"), items}});
                       }));

    server.Post("/v1/users",
                guarded(QStringLiteral("user_create"),
                        [&admin, kit](const Request &req, Response &res, const AuthenticatedUser &user,
                                      const RequestOrigin &origin) {
                            const auto body = jsonBody(req, res, kit);
                            if (!body)
                                return;
                            auto created = admin.create(user, origin, *body);
                            if (!created.ok()) {
                                kit.sendError(res, created.error());
                                return;
                            }
                            kit.sendJson(res, 201, managedUserJson(created.value()));
                        }));

    server.Patch(UserPath,
                 guarded(QStringLiteral("user_update"),
                         [&admin, kit](const Request &req, Response &res, const AuthenticatedUser &user,
                                       const RequestOrigin &origin) {
                             const auto body = jsonBody(req, res, kit);
                             if (!body)
                                 return;
                             auto updated = admin.update(user, origin, loginIdOf(req), *body);
                             if (!updated.ok()) {
                                 kit.sendError(res, updated.error());
                                 return;
                             }
                             kit.sendJson(res, 200, managedUserJson(updated.value()));
                         }));

    server.Post(std::string(UserPath) + "/unlock",
                guarded(QStringLiteral("user_unlock"),
                        [&admin, kit](const Request &req, Response &res, const AuthenticatedUser &user,
                                      const RequestOrigin &origin) {
                            auto unlocked = admin.unlock(user, origin, loginIdOf(req));
                            if (!unlocked.ok()) {
                                kit.sendError(res, unlocked.error());
                                return;
                            }
                            kit.sendJson(res, 200, managedUserJson(unlocked.value()));
                        }));

    server.Post(std::string(UserPath) + "/certificate",
                guarded(QStringLiteral("certificate_issue"),
                        [&admin, kit](const Request &req, Response &res, const AuthenticatedUser &user,
                                      const RequestOrigin &origin) {
                            auto issued = admin.issueCertificate(user, origin, loginIdOf(req));
                            if (!issued.ok()) {
                                kit.sendError(res, issued.error());
                                return;
                            }
                            // Handed out once: the gateway keeps only the fingerprint.
                            kit.sendJson(res,
                                         201,
                                         QJsonObject{{QStringLiteral("p12"), QString::fromLatin1(issued.value().pkcs12.toBase64())},
                                                     {QStringLiteral("passphrase"), issued.value().passphrase},
                                                     {QStringLiteral("fingerprint"), issued.value().fingerprint},
                                                     {QStringLiteral("not_after"), wireTime(issued.value().notAfter)}});
                        }));

    server.Delete(std::string(UserPath) + "/certificate",
                  guarded(QStringLiteral("certificate_revoke"),
                          [&admin, kit](const Request &req, Response &res, const AuthenticatedUser &user,
                                        const RequestOrigin &origin) {
                              auto revoked = admin.revokeCertificate(user, origin, loginIdOf(req));
                              if (!revoked.ok()) {
                                  kit.sendError(res, revoked.error());
                                  return;
                              }
                              kit.sendJson(res, 200, managedUserJson(revoked.value()));
                          }));

    server.Get("/v1/audit",
               guarded(QStringLiteral("audit_query"),
                       [&admin, kit](const Request &req, Response &res, const AuthenticatedUser &user, const RequestOrigin &) {
                           auto result = admin.queryAudit(user, queryParams(req));
                           if (!result.ok()) {
                               kit.sendError(res, result.error());
                               return;
                           }
                           QJsonArray items;
                           for (const AuditRow &row : result.value().page.items) {
                               auto text = [](const QString &value) {
                                   return value.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(value);
                               };
                               items.append(QJsonObject{{QStringLiteral("at"), wireTime(row.at)},
                                                        {QStringLiteral("login_id"), text(row.loginId)},
                                                        {QStringLiteral("action"), row.action},
                                                        {QStringLiteral("target"), text(row.target)},
                                                        {QStringLiteral("result"), row.result},
                                                        {QStringLiteral("origin"), text(row.origin)},
                                                        {QStringLiteral("request_id"), text(row.requestId)}});
                           }
                           const QString &next = result.value().nextCursor;
                           kit.sendJson(res,
                                        200,
                                        QJsonObject{{QStringLiteral("items"), items},
                                                    {QStringLiteral("next_cursor"),
                                                     next.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(next)}});
                       }));
}

} // namespace kessai::gateway
