#include "auditexport.h"

#include "api/apireply.h"
#include "api/merchantclient.h"

#include <QCoreApplication>

namespace kessai {

namespace {

// A column name: translated, or its English source text for an English header.
QString column(const char *text, bool english)
{
    return english ? QString::fromUtf8(text) : QCoreApplication::translate("kessai::AuditExport", text);
}

QVariant textOrEmpty(const QString &text)
{
    return text.isEmpty() ? QVariant() : QVariant(text);
}

} // namespace

AuditExporter::AuditExporter(MerchantClient *client, QObject *parent)
    : PagedExporter(client, parent)
{
}

AuditExporter::~AuditExporter() = default;

QList<ExportColumn> AuditExporter::auditColumns(bool english)
{
    using Kind = ExportColumn::Kind;
    const auto c = [english](const char *text, Kind kind) { return ExportColumn{column(text, english), kind}; };
    return {c(QT_TRANSLATE_NOOP("kessai::AuditExport", "Time"), Kind::DateTime),
            c(QT_TRANSLATE_NOOP("kessai::AuditExport", "User"), Kind::Text),
            c(QT_TRANSLATE_NOOP("kessai::AuditExport", "Action"), Kind::Text),
            c(QT_TRANSLATE_NOOP("kessai::AuditExport", "Action code"), Kind::Text),
            c(QT_TRANSLATE_NOOP("kessai::AuditExport", "Target"), Kind::Text),
            c(QT_TRANSLATE_NOOP("kessai::AuditExport", "Result"), Kind::Text),
            c(QT_TRANSLATE_NOOP("kessai::AuditExport", "From"), Kind::Text),
            c(QT_TRANSLATE_NOOP("kessai::AuditExport", "Request ID"), Kind::Text),
            c(QT_TRANSLATE_NOOP("kessai::AuditExport", "Detail"), Kind::Text)};
}

QVariantList AuditExporter::cells(const AuditEntry &e)
{
    return {QVariant::fromValue<qint64>(e.at), textOrEmpty(e.loginId), auditActionLabel(e.action), e.action,
            textOrEmpty(e.target), e.result, textOrEmpty(e.origin), textOrEmpty(e.requestId), textOrEmpty(e.detail)};
}

QString AuditExporter::defaultFileName(const AuditQuery &query, const QDate &today, ExportFormat format)
{
    const auto day = [](const QDate &date) { return date.toString(QStringLiteral("yyyyMMdd")); };
    const QDate from = query.from;
    const QDate to = query.to.isValid() ? query.to : today;
    QString name = QStringLiteral("audit_");
    name += from.isValid() && from != to ? day(from) + u'-' + day(to) : day(to);
    return name + exportSuffix(format);
}

ApiReply *AuditExporter::requestPage(const QString &cursor, int limit)
{
    return client()->audit(m_query, cursor, limit);
}

std::optional<QString> AuditExporter::readPage(const ApiReply &reply, QList<QVariantList> &rows, QString *why)
{
    const std::optional<AuditLogPage> page = readAuditPage(reply);
    if (!page) {
        if (why)
            *why = QStringLiteral("not a page of the audit log");
        return std::nullopt;
    }
    rows.reserve(page->items.size());
    for (const AuditEntry &entry : page->items)
        rows.append(cells(entry));
    return page->nextCursor;
}

} // namespace kessai
