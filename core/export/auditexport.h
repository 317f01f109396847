#pragma once

#include "api/useradmin.h"
#include "export/pagedexporter.h"

namespace kessai {

// The audit log as a file (操作ログ → Export): every entry the filters find, newest first, with
// the time in Japan time, the action in words and as the gateway's code, and what changed.
class AuditExporter final : public PagedExporter
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuditExporter)

public:
    explicit AuditExporter(MerchantClient *client, QObject *parent = nullptr);
    ~AuditExporter() override;

    void setQuery(const AuditQuery &query) { m_query = query; }

    static QList<ExportColumn> auditColumns(bool englishHeader = false);
    static QVariantList cells(const AuditEntry &entry);
    // "audit_20261201-20261231.csv", "audit_20261204.csv" (today when the days are open).
    static QString defaultFileName(const AuditQuery &query, const QDate &today, ExportFormat format);

protected:
    QList<ExportColumn> columns(bool englishHeader) const override { return auditColumns(englishHeader); }
    ApiReply *requestPage(const QString &cursor, int limit) override;
    std::optional<QString> readPage(const ApiReply &reply, QList<QVariantList> &rows, QString *why) override;

private:
    AuditQuery m_query;
};

} // namespace kessai
