#pragma once

#include "audit/auditentry.h"
#include "common/apierror.h"
#include "common/result.h"
#include "db/database.h"

#include <QList>
#include <QMultiMap>
#include <QString>

#include <optional>
#include <utility>

namespace kessai::gateway {

// Writes entry on db, inside the caller's transaction if it has one. Empty texts are stored as
// NULL.
Result<void> writeAudit(const QSqlDatabase &db, const AuditEntry &entry);

// The audit trail of the merchants: written by every feature (writeAudit), read by the audit
// page (GET /v1/audit), newest first and one merchant at a time.
class AuditLog
{
public:
    static constexpr int MaxLimit = 1000;
    static constexpr int DefaultLimit = 100;

    explicit AuditLog(const Database &database);

    Result<void> write(const AuditEntry &entry);
    // One page of merchantId's entries for the query parameters of GET /v1/audit.
    ApiResult<AuditPageResult> query(const QString &merchantId, const QMultiMap<QString, QString> &params);
    Result<AuditPage> page(const QString &merchantId, const AuditQuery &query);

private:
    const Database &m_database;
};

} // namespace kessai::gateway
