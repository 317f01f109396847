#include "auditlog.h"

#include "audit/auditcursor.h"
#include "common/logtext.h"
#include "http/wire.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTimeZone>
#include <QVariant>

#include <algorithm>

// The audit query answered for the admin routes before it had a folder of its own: its log
// lines keep their category.
Q_LOGGING_CATEGORY(lcGatewayAudit, "gateway.admin", QtInfoMsg)

namespace kessai::gateway {

namespace {


// Every text of an entry is stored escaped (common/logtext.h): a login ID or path a client chose
// can neither break a line of an exported trail nor hide or reorder what is shown.
QVariant nullableText(const QString &value)
{
    return value.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(escapedText(value));
}

ApiError invalid(const QString &name, const QString &why)
{
    return ApiError::invalidParameter(QStringLiteral("%1: %2").arg(name, why));
}

} // namespace

Result<void> writeAudit(const QSqlDatabase &db, const AuditEntry &entry)
{
    auto done = runQuery(db,
                         QStringLiteral("INSERT INTO audit_log (at, login_id, merchant_id, action, target,"
                                        " result, origin, request_id, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                         {entry.at,
                          nullableText(entry.loginId),
                          nullableText(entry.merchantId),
                          escapedText(entry.action),
                          nullableText(entry.target),
                          escapedText(entry.result),
                          nullableText(entry.origin),
                          nullableText(entry.requestId),
                          nullableText(entry.detail)});
    if (!done)
        return makeError(done.error());
    return {};
}

AuditLog::AuditLog(const Database &database)
    : m_database(database)
{}

Result<void> AuditLog::write(const AuditEntry &entry)
{
    auto db = m_database.connection();
    if (!db)
        return makeError(db.error());
    return writeAudit(*db, entry);
}

ApiResult<AuditPageResult> AuditLog::query(const QString &merchantId, const QMultiMap<QString, QString> &params)
{
    AuditQuery query;
    const QString timeExpected = QStringLiteral("an ISO 8601 UTC time (2026-11-23T00:00:00Z) or a date (2026-11-23, JST)");
    if (params.contains(QStringLiteral("from"))) {
        query.from = parseQueryTime(params.value(QStringLiteral("from")));
        if (!query.from)
            return invalid(QStringLiteral("from"), timeExpected);
    }
    if (params.contains(QStringLiteral("to"))) {
        query.to = parseQueryTime(params.value(QStringLiteral("to")));
        if (!query.to)
            return invalid(QStringLiteral("to"), timeExpected);
    }
    static const QRegularExpression word(QStringLiteral("^[A-Za-z0-9_.\\-]{1,64}\\z"));
    for (const auto &[name, field] : {std::pair{QStringLiteral("login_id"), &query.loginId},
                                      std::pair{QStringLiteral("action"), &query.action},
                                      std::pair{QStringLiteral("result"), &query.result}}) {
        if (!params.contains(name))
            continue;
        *field = params.value(name);
        if (!word.match(*field).hasMatch())
            return invalid(name, QStringLiteral("1 to 64 of A-Z a-z 0-9 _ . -"));
    }
    if (params.contains(QStringLiteral("target"))) {
        query.target = params.value(QStringLiteral("target"));
        const bool control = std::any_of(query.target.cbegin(), query.target.cend(),
                                         [](QChar c) { return c.category() == QChar::Other_Control; });
        if (query.target.isEmpty() || query.target.size() > 64 || control)
            return invalid(QStringLiteral("target"), QStringLiteral("1 to 64 characters, no control characters"));
    }
    if (params.contains(QStringLiteral("limit"))) {
        bool ok = false;
        query.limit = params.value(QStringLiteral("limit")).toInt(&ok);
        if (!ok || query.limit < 1 || query.limit > MaxLimit)
            return invalid(QStringLiteral("limit"), QStringLiteral("1 to 1000"));
    } else {
        query.limit = DefaultLimit;
    }
    if (params.contains(QStringLiteral("cursor"))) {
        query.before = AuditCursor::decode(params.value(QStringLiteral("cursor")));
        if (!query.before)
            return invalid(QStringLiteral("cursor"), QStringLiteral("not a cursor of this gateway"));
    }
    auto found = page(merchantId, query);
    if (!found) {
        qCWarning(lcGatewayAudit).noquote() << "audit query failed:" << found.error();
        return ApiError::internal();
    }
    AuditPageResult result;
    result.page = std::move(found).value();
    if (result.page.more && !result.page.items.isEmpty())
        result.nextCursor = AuditCursor::encode(result.page.items.last().at, result.page.items.last().id);
    return result;
}

Result<AuditPage> AuditLog::page(const QString &merchantId, const AuditQuery &query)
{
    auto db = m_database.connection();
    if (!db)
        return makeError(db.error());
    QString sql = QStringLiteral("SELECT audit_id, at, login_id, action, target, result, origin, request_id, detail"
                                 " FROM audit_log WHERE merchant_id = ?");
    QVariantList values{merchantId};
    if (query.from) {
        sql += QStringLiteral(" AND at >= ?");
        values.append(*query.from);
    }
    if (query.to) {
        sql += QStringLiteral(" AND at < ?");
        values.append(*query.to);
    }
    if (!query.loginId.isEmpty()) {
        sql += QStringLiteral(" AND login_id = ?");
        values.append(query.loginId);
    }
    if (!query.action.isEmpty()) {
        sql += QStringLiteral(" AND action = ?");
        values.append(query.action);
    }
    if (!query.result.isEmpty()) {
        sql += QStringLiteral(" AND result = ?");
        values.append(query.result);
    }
    if (!query.target.isEmpty()) {
        // The targets the features write (docs/api.md "Audit"); the exact ones through the index on
        // (merchant_id, target). A 取引ID names the merchant's payments that carry it.
        sql += QStringLiteral(" AND (target IN (?, ?, ?, ?, ?)"
                              " OR substr(target, 1, ?) = ?"
                              " OR target IN (SELECT 'payment:' || payment_id FROM payments"
                              "               WHERE merchant_id = ? AND trading_id = ?))");
        const QString certificatesOf = QStringLiteral("user:") + query.target + QStringLiteral(" cert:");
        // The bare login id: a login, logout or password change of the user.
        for (const QString &prefix : {QString(), QStringLiteral("payment:"), QStringLiteral("user:"),
                                      QStringLiteral("statement:"), QStringLiteral("typed:")})
            values.append(QString(prefix + query.target));
        values << int(certificatesOf.toUcs4().size()) << certificatesOf << merchantId << query.target;
    }
    if (query.before) {
        sql += QStringLiteral(" AND (at < ? OR (at = ? AND audit_id < ?))");
        values << query.before->first << query.before->first << query.before->second;
    }
    // One row more than asked tells whether another page exists.
    sql += QStringLiteral(" ORDER BY at DESC, audit_id DESC LIMIT ?");
    values.append(query.limit + 1);
    auto rows = runQuery(*db, sql, values);
    if (!rows)
        return makeError(rows.error());
    AuditPage page;
    QSqlQuery &q = rows.value();
    while (q.next()) {
        if (page.items.size() == query.limit) {
            page.more = true;
            break;
        }
        AuditRow row;
        row.id = q.value(0).toLongLong();
        row.at = q.value(1).toLongLong();
        row.loginId = q.value(2).toString();
        row.action = q.value(3).toString();
        row.target = q.value(4).toString();
        row.result = q.value(5).toString();
        row.origin = q.value(6).toString();
        row.requestId = q.value(7).toString();
        row.detail = q.value(8).toString();
        page.items.append(std::move(row));
    }
    return page;
}

} // namespace kessai::gateway
