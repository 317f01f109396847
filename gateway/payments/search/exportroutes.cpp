#include "exportroutes.h"

#include "audit/auditlog.h"
#include "common/clock.h"
#include "payments/paymentstore.h"
#include "payments/search/exportslots.h"
#include "payments/search/paymentexport.h"

#include <memory>

namespace kessai::gateway {

namespace {

const QString ExportPermission = QStringLiteral("export");
const QString ExportAction = QStringLiteral("payment_export");

// The audit trail has no detail column: the target carries the filter, the format and the rows
// sent, as "payments?status=40&type=02 format=csv rows=1234" (the query is percent-encoded, so
// the spaces only separate the parts).
QString exportTarget(const ExportRequest &request, qint64 rows)
{
    QString target = QStringLiteral("payments");
    if (!request.auditQuery.isEmpty())
        target += u'?' + request.auditQuery;
    return target + QStringLiteral(" format=") + formatName(request.format) + QStringLiteral(" rows=")
           + QString::number(rows);
}

QString resultOf(bool complete, PaymentExport::Outcome outcome)
{
    if (complete)
        return QStringLiteral("ok");
    // The body was cut off: by a batch the store could not read, or by the client going away
    // (a closed connection, a read stalled past the write timeout, the server stopping).
    return outcome == PaymentExport::Outcome::StoreFailed ? QStringLiteral("internal_error") : QStringLiteral("aborted");
}

} // namespace

void installExportRoutes(Router &router, const RouteKit &kit, PaymentStore &payments, AuditLog &audit, const Clock &clock,
                         ExportSlots &exportSlots)
{
    router.get("/v1/payments/export",
               kit.authenticated([&payments, &audit, &clock, &exportSlots](const HttpRequest &req, HttpResponse &res,
                                                             const Caller &user, const RequestOrigin &origin) {
                   const auto record = [&audit, &clock, user, origin](const QString &target, const QString &result) {
                       auto audited = audit.write({clock.now(), user.loginId, user.merchantId, ExportAction, target,
                                                   result, origin.address, origin.requestId, {}});
                       if (!audited)
                           qCWarning(lcGatewayExport).noquote() << "audit failed:" << audited.error();
                   };
                   // The permission comes first: without it nothing is looked at or validated.
                   if (!user.permissions.contains(ExportPermission)) {
                       record(QStringLiteral("payments"), QStringLiteral("forbidden"));
                       res.sendError(ApiError::forbidden(QStringLiteral("This requires the %1 permission.").arg(ExportPermission)));
                       return;
                   }
                   auto parsed = parseExportQuery(req.query, req.queryItems, user.permissions);
                   if (!parsed.ok()) {
                       res.sendError(parsed.error());
                       return;
                   }
                   const ExportRequest request = parsed.value();
                   // Taken before any row is read, given back when the stream ends (or whenever
                   // the answer is dropped unsent).
                   const std::shared_ptr<ExportSlots::Slot> slot = exportSlots.take(user.merchantId + u'/' + user.loginId);
                   if (!slot) {
                       ApiError busy{ErrorKind::TooManyRequests, QStringLiteral("too_many_exports"),
                                     QStringLiteral("Too many exports are running (at most %1 per user, %2 in all). "
                                                    "Try again when one has finished.")
                                         .arg(exportSlots.perUser())
                                         .arg(exportSlots.total())};
                       busy.retryAfterSeconds = 10;
                       res.sendError(busy);
                       return;
                   }
                   auto job = std::make_shared<PaymentExport>(payments, user.merchantId, request);
                   if (auto started = job->start(); !started) {
                       qCWarning(lcGatewayExport).noquote() << "export failed:" << started.error();
                       record(exportTarget(request, 0), QStringLiteral("internal_error"));
                       res.sendError(ApiError::internal());
                       return;
                   }

                   StreamedBody body;
                   body.next = [job, slot](const StreamedBody::Write &write) { return job->next(write); };
                   // One audit entry per export, when the stream ends: only then is the count known.
                   body.finished = [job, slot, record, request, requestId = origin.requestId](bool complete) {
                       slot->release();
                       const QString result = resultOf(complete, job->outcome());
                       record(exportTarget(request, job->rows()), result);
                       qCInfo(lcGatewayExport).noquote().nospace()
                           << "export id=" << requestId << " format=" << formatName(request.format)
                           << " rows=" << job->rows() << " result=" << result;
                   };
                   const bool csv = request.format == ExportRequest::Format::Csv;
                   res.setHeader(QByteArrayLiteral("Content-Disposition"),
                                 csv ? QByteArrayLiteral("attachment; filename=\"payments.csv\"")
                                     : QByteArrayLiteral("attachment; filename=\"payments.jsonl\""));
                   res.sendStream(200,
                                  csv ? QByteArrayLiteral("text/csv; charset=utf-8; header=present")
                                      : QByteArrayLiteral("application/x-ndjson"),
                                  std::move(body));
               }));
}

} // namespace kessai::gateway
