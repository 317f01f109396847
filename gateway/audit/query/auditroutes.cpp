#include "auditroutes.h"

#include "audit/auditlog.h"
#include "common/clock.h"
#include "domain/payment.h"
#include "http/wire.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcGatewayAuditRoutes, "gateway.admin", QtInfoMsg)

namespace kessai::gateway {

namespace {

const QString ManageUsers = QStringLiteral("manage_users");

// 403, and an audit row saying who was refused the audit trail.
void refuse(AuditLog &audit, const Clock &clock, const Caller &user, const RequestOrigin &origin, HttpResponse &res)
{
    const AuditEntry entry{clock.now(), user.loginId,   user.merchantId, QStringLiteral("audit_query"),
                           QString(),   QStringLiteral("forbidden"), origin.address, origin.requestId, {}};
    if (auto written = audit.write(entry); !written)
        qCCritical(lcGatewayAuditRoutes).noquote() << "audit entry lost:" << entry.action << entry.result << written.error();
    res.sendError(ApiError::forbidden(QStringLiteral("This requires the %1 permission.").arg(ManageUsers)));
}

} // namespace

void installAuditRoutes(Router &router, const RouteKit &kit, AuditLog &audit, const Clock &clock)
{
    using Request = HttpRequest;
    using Response = HttpResponse;

    router.get("/v1/audit",
               kit.authenticated([&audit, &clock](const Request &req, Response &res, const Caller &user,
                                                  const RequestOrigin &origin) {
                           if (!user.permissions.contains(ManageUsers)) {
                               refuse(audit, clock, user, origin, res);
                               return;
                           }
                           auto result = audit.query(user.merchantId, req.query);
                           if (!result.ok()) {
                               res.sendError(result.error());
                               return;
                           }
                           QJsonArray items;
                           for (const AuditRow &row : result.value().page.items) {
                               auto text = [](const QString &value) {
                                   return value.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(value);
                               };
                               items.append(QJsonObject{{QStringLiteral("at"), wireTimeOrNull(row.at)},
                                                        {QStringLiteral("login_id"), text(row.loginId)},
                                                        {QStringLiteral("action"), row.action},
                                                        {QStringLiteral("target"), text(row.target)},
                                                        {QStringLiteral("result"), row.result},
                                                        {QStringLiteral("origin"), text(row.origin)},
                                                        {QStringLiteral("request_id"), text(row.requestId)},
                                                        {QStringLiteral("detail"), text(row.detail)}});
                           }
                           const QString &next = result.value().nextCursor;
                           res.sendJson(200,
                                        QJsonObject{{QStringLiteral("items"), items},
                                                    {QStringLiteral("next_cursor"),
                                                     next.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(next)}});
                       }));
}

} // namespace kessai::gateway
