#include "searchroutes.h"

#include "audit/auditlog.h"
#include "common/clock.h"
#include "domain/jsonwriter.h"
#include "http/httpserver.h"
#include "http/wire.h"
#include "payments/paymentrules.h"
#include "payments/paymentstore.h"
#include "payments/search/paymentparams.h"
#include "security/permissions.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>

namespace kessai::gateway {

namespace {

QJsonObject detailJson(const PaymentDetail &detail, const QStringList &actions)
{
    QJsonObject object = detail.payment.toJson();
    if (detail.authorizedAmount > 0)
        object.insert(QStringLiteral("authorized_amount"), detail.authorizedAmount);
    if (!detail.receiptNumber.isEmpty())
        object.insert(QStringLiteral("receipt_number"), detail.receiptNumber);
    if (!detail.paymentNumber.isEmpty())
        object.insert(QStringLiteral("payment_number"), detail.paymentNumber);
    if (!detail.paymentClass.isEmpty())
        object.insert(QStringLiteral("payment_class"), detail.paymentClass);
    if (detail.splitCount > 0)
        object.insert(QStringLiteral("split_count"), detail.splitCount);
    if (detail.replacedBy > 0)
        object.insert(QStringLiteral("replaced_by_payment_id"), QString::number(detail.replacedBy));
    QJsonArray events;
    for (const PaymentEvent &event : detail.events) {
        events.append(QJsonObject{
            {QStringLiteral("at"), wireTime(event.at)},
            {QStringLiteral("actor"), event.actor},
            {QStringLiteral("from"), event.fromStatus == 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(event.fromStatus)},
            {QStringLiteral("to"), event.toStatus},
            {QStringLiteral("amount"), event.amount},
        });
    }
    object.insert(QStringLiteral("events"), events);
    object.insert(QStringLiteral("actions"), QJsonArray::fromStringList(actions));
    return object;
}

} // namespace

void installSearchRoutes(Router &router,
                         const RouteKit &kit,
                         PaymentStore &payments,
                         AuditLog &audit,
                         const Clock &paymentClock,
                         const Clock &clock)
{
    using Request = HttpRequest;
    using Response = HttpResponse;

    router.get("/v1/payments",
               kit.authenticated([&payments, &paymentClock](const Request &req, Response &res, const Caller &user,
                                    const RequestOrigin &) {
                   auto filter = parsePaymentQuery(req.query, user.permissions);
                   if (!filter.ok()) {
                       res.sendError(filter.error());
                       return;
                   }
                   auto page = payments.search(user.merchantId, filter.value());
                   if (!page) {
                       qCWarning(lcGatewayHttp).noquote() << "payment search failed:" << page.error();
                       res.sendError(ApiError::internal());
                       return;
                   }
                   // Streamed: a QJsonObject per row cost most of a 1,000-row answer.
                   QByteArray body;
                   body.reserve(page->items.size() * 400 + 128);
                   JsonWriter writer(&body);
                   writer.beginObject().key(QLatin1StringView("items")).beginArray();
                   // Each row says what this user may do to it now (empty: nothing), so a bulk
                   // capture or cancel can count what the gateway would refuse before sending.
                   const qint64 now = paymentClock.now();
                   const PaymentRows &rows = page->items;
                   for (qsizetype i = 0; i < rows.size(); ++i) {
                       const QStringList actions
                           = PaymentRules::allowedActions(rows.type(i), rows.status(i), rows.times(i), user.permissions, now);
                       rows.writeJson(i, writer, actions);
                   }
                   writer.endArray().key(QLatin1StringView("next_cursor"));
                   if (page->next)
                       writer.value(page->next->encode());
                   else
                       writer.null();
                   if (page->total)
                       writer.key(QLatin1StringView("total")).value(*page->total);
                   writer.endObject();
                   res.sendJsonText(200, body);
               }));

    router.get("/v1/payments/count",
               kit.authenticated([&payments](const Request &req, Response &res, const Caller &user,
                                    const RequestOrigin &) {
                   auto filter = parsePaymentQuery(req.query, user.permissions);
                   if (!filter.ok()) {
                       res.sendError(filter.error());
                       return;
                   }
                   // sum=amount: the summed amount as well (it reads every matching row's amount).
                   const QString sum = req.query.value(QStringLiteral("sum"));
                   if (!sum.isEmpty() && sum != QLatin1String("amount")) {
                       res.sendError(ApiError::invalidParameter(QStringLiteral("sum must be \"amount\".")));
                       return;
                   }
                   if (sum == QLatin1String("amount")) {
                       auto totals = payments.countAndSum(user.merchantId, filter.value());
                       if (!totals) {
                           qCWarning(lcGatewayHttp).noquote() << "payment count failed:" << totals.error();
                           res.sendError(ApiError::internal());
                           return;
                       }
                       res.sendJson(200, QJsonObject{{QStringLiteral("total"), totals->first},
                                                     {QStringLiteral("amount"), totals->second}});
                       return;
                   }
                   auto total = payments.count(user.merchantId, filter.value());
                   if (!total) {
                       qCWarning(lcGatewayHttp).noquote() << "payment count failed:" << total.error();
                       res.sendError(ApiError::internal());
                       return;
                   }
                   res.sendJson(200, QJsonObject{{QStringLiteral("total"), total.value()}});
               }));

    router.get(R"(/v1/payments/([0-9]{1,18}))",
               kit.authenticated([&payments, &audit, &paymentClock, &clock](const Request &req, Response &res, const Caller &user,
                                    const RequestOrigin &origin) {
                   const QString paymentId = QString::fromUtf8(req.pathArguments.at(0));
                   auto found = payments.find(user.merchantId, paymentId.toLongLong());
                   if (!found) {
                       qCWarning(lcGatewayHttp).noquote() << "payment lookup failed:" << found.error();
                       res.sendError(ApiError::internal());
                       return;
                   }
                   const std::optional<PaymentDetail> &detail = found.value();
                   // Another merchant's payment and a type this user may not view look exactly
                   // like a payment that does not exist, and are recorded as refused access.
                   if (!detail || !user.permissions.contains(Permissions::view(detail->payment.type))) {
                       auto audited = audit.write({clock.now(), user.loginId, user.merchantId,
                                                        QStringLiteral("payment_view"),
                                                        QStringLiteral("payment:") + paymentId,
                                                        QStringLiteral("not_found"), origin.address, origin.requestId, {}});
                       if (!audited)
                           qCWarning(lcGatewayHttp).noquote() << "audit failed:" << audited.error();
                       res.sendError(ApiError::notFound(QStringLiteral("No such payment.")));
                       return;
                   }
                   const QStringList actions = PaymentRules::allowedActions(*detail, user.permissions, paymentClock.now());
                   res.sendJson(200, detailJson(*detail, actions));
               }));
}

} // namespace kessai::gateway
