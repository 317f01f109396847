#include "useradmin.h"

#include "domain/jsonwriter.h"
#include "domain/paymentcatalog.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QRandomGenerator>

namespace kessai {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("kessai::UserAdmin", text);
}

bool readTime(const QJsonValue &value, qint64 *seconds)
{
    *seconds = 0;
    if (value.isNull() || value.isUndefined())
        return true;
    return value.isString() && parseWireSeconds(QStringView(value.toString()), seconds);
}

} // namespace

std::optional<ManagedUser> ManagedUser::fromJson(const QJsonObject &o)
{
    ManagedUser user;
    user.loginId = o.value(QLatin1String("login_id")).toString();
    user.name = o.value(QLatin1String("name")).toString();
    user.role = o.value(QLatin1String("role")).toString();
    for (const QJsonValue &p : o.value(QLatin1String("permissions")).toArray())
        user.permissions.append(p.toString());
    user.enabled = o.value(QLatin1String("enabled")).toBool(true);
    user.mustChangePassword = o.value(QLatin1String("must_change_password")).toBool();
    if (user.loginId.isEmpty() || user.role.isEmpty() || !readTime(o.value(QLatin1String("locked_until")), &user.lockedUntil)
        || !readTime(o.value(QLatin1String("last_login_at")), &user.lastLoginAt))
        return std::nullopt;
    const QJsonValue certificate = o.value(QLatin1String("certificate"));
    if (certificate.isObject()) {
        const QJsonObject c = certificate.toObject();
        Certificate cert;
        cert.fingerprint = c.value(QLatin1String("fingerprint")).toString();
        cert.revoked = c.value(QLatin1String("revoked")).toBool();
        if (!readTime(c.value(QLatin1String("not_after")), &cert.notAfter))
            return std::nullopt;
        user.certificate = cert;
    }
    return user;
}

std::optional<QList<ManagedUser>> ManagedUser::listFromJson(const QJsonObject &object)
{
    if (!object.value(QLatin1String("items")).isArray())
        return std::nullopt;
    QList<ManagedUser> users;
    for (const QJsonValue &value : object.value(QLatin1String("items")).toArray()) {
        auto user = fromJson(value.toObject());
        if (!user)
            return std::nullopt;
        users.append(*user);
    }
    return users;
}

std::optional<IssuedCertificate> IssuedCertificate::fromJson(const QJsonObject &o)
{
    IssuedCertificate issued;
    issued.p12 = QByteArray::fromBase64(o.value(QLatin1String("p12")).toString().toLatin1());
    issued.passphrase = o.value(QLatin1String("passphrase")).toString();
    issued.fingerprint = o.value(QLatin1String("fingerprint")).toString();
    if (issued.p12.isEmpty() || issued.passphrase.isEmpty()
        || !readTime(o.value(QLatin1String("not_after")), &issued.notAfter))
        return std::nullopt;
    return issued;
}

std::optional<QList<ManagedUser>> readUsers(const ApiReply &reply)
{
    return reply.ok() ? ManagedUser::listFromJson(reply.json().object()) : std::nullopt;
}

std::optional<ManagedUser> readManagedUser(const ApiReply &reply)
{
    return reply.ok() ? ManagedUser::fromJson(reply.json().object()) : std::nullopt;
}

std::optional<QString> readResetPassword(const ApiReply &reply)
{
    if (!reply.ok())
        return std::nullopt;
    const QString password = reply.json().object().value(QLatin1String("password")).toString();
    if (password.isEmpty())
        return std::nullopt;
    return password;
}

std::optional<IssuedCertificate> readIssuedCertificate(const ApiReply &reply)
{
    return reply.ok() ? IssuedCertificate::fromJson(reply.json().object()) : std::nullopt;
}

std::optional<AuditLogPage> readAuditPage(const ApiReply &reply)
{
    return reply.ok() ? readAuditPage(reply.json().object()) : std::nullopt;
}

QList<PermissionInfo> permissionCatalogue()
{
    QList<PermissionInfo> list;
    for (const PaymentTypeInfo &type : PaymentCatalog::types()) {
        const QString label = PaymentCatalog::typeLabel(type.code);
        list.append({QStringLiteral("view:") + type.code, QCoreApplication::translate("kessai::UserAdmin", "View: %1").arg(label),
                     QCoreApplication::translate("kessai::UserAdmin", "Sees %1 payments in searches, details and exports.").arg(label)});
    }
    list.append({QStringLiteral("capture"), QCoreApplication::translate("kessai::UserAdmin", "Capture (売上)"),
                 QCoreApplication::translate("kessai::UserAdmin", "Confirms the sale of authorized card payments, one by one or in bulk.")});
    list.append({QStringLiteral("cancel"), QCoreApplication::translate("kessai::UserAdmin", "Cancel (取消)"),
                 QCoreApplication::translate("kessai::UserAdmin", "Cancels authorizations and sales, one by one or in bulk.")});
    list.append({QStringLiteral("change_amount"), QCoreApplication::translate("kessai::UserAdmin", "Change amount (金額変更)"),
                 QCoreApplication::translate("kessai::UserAdmin", "Changes the amount of a card payment.")});
    list.append({QStringLiteral("register"), QCoreApplication::translate("kessai::UserAdmin", "Register payments"),
                 QCoreApplication::translate("kessai::UserAdmin", "Registers card, コンビニ, ATM and 銀行ネット payments by hand.")});
    list.append({QStringLiteral("export"), QCoreApplication::translate("kessai::UserAdmin", "Export"), QCoreApplication::translate("kessai::UserAdmin", "Writes search results to files (CSV, Excel).")});
    list.append({QStringLiteral("statements"), QCoreApplication::translate("kessai::UserAdmin", "Statements"),
                 QCoreApplication::translate("kessai::UserAdmin", "Reads settlement statements (支払明細), exports them and reconciles them (消込).")});
    list.append({QStringLiteral("manage_users"), QCoreApplication::translate("kessai::UserAdmin", "Manage users"),
                 QCoreApplication::translate("kessai::UserAdmin", "Adds and changes users, issues and revokes certificates, reads the audit log — "
                    "never beyond the rights they hold themselves.")});
    return list;
}

QString generateInitialPassword()
{
    static const char letters[] = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
    static const char digits[] = "23456789";
    QRandomGenerator *random = QRandomGenerator::system();
    QString password;
    for (;;) {
        password.clear();
        for (int i = 0; i < 16; ++i) {
            // Groups of four for reading aloud: xxxx-xxxx-xxxx-xxxx with a digit in each group.
            if (i > 0 && i % 4 == 0)
                password.append(u'-');
            const bool digit = random->bounded(4) == 0;
            password.append(QLatin1Char(digit ? digits[random->bounded(int(sizeof(digits) - 1))]
                                              : letters[random->bounded(int(sizeof(letters) - 1))]));
        }
        if (meetsPasswordPolicy(password))
            return password;
    }
}

bool meetsPasswordPolicy(const QString &password)
{
    bool letter = false;
    bool digit = false;
    for (const QChar c : password) {
        letter = letter || c.isLetter();
        digit = digit || c.isDigit();
    }
    return password.size() >= 12 && letter && digit;
}

std::optional<AuditLogPage> readAuditPage(const QJsonObject &object)
{
    if (!object.value(QLatin1String("items")).isArray())
        return std::nullopt;
    AuditLogPage page;
    for (const QJsonValue &value : object.value(QLatin1String("items")).toArray()) {
        const QJsonObject o = value.toObject();
        AuditEntry entry;
        if (!readTime(o.value(QLatin1String("at")), &entry.at) || entry.at == 0)
            return std::nullopt;
        entry.loginId = o.value(QLatin1String("login_id")).toString();
        entry.action = o.value(QLatin1String("action")).toString();
        entry.target = o.value(QLatin1String("target")).toString();
        entry.result = o.value(QLatin1String("result")).toString();
        entry.origin = o.value(QLatin1String("origin")).toString();
        entry.requestId = o.value(QLatin1String("request_id")).toString();
        entry.detail = o.value(QLatin1String("detail")).toString();
        page.items.append(entry);
    }
    page.nextCursor = object.value(QLatin1String("next_cursor")).toString();
    return page;
}

QStringList auditActions()
{
    return {QStringLiteral("login"),          QStringLiteral("logout"),           QStringLiteral("payment_view"),
            QStringLiteral("payment_export"), QStringLiteral("payment_capture"),  QStringLiteral("payment_cancel"),
            QStringLiteral("payment_amount"), QStringLiteral("payment_register"), QStringLiteral("user_create"),
            QStringLiteral("user_update"),    QStringLiteral("user_unlock"),      QStringLiteral("password_reset"),
            QStringLiteral("password_change"), QStringLiteral("certificate_issue"),
            QStringLiteral("certificate_revoke"), QStringLiteral("user_list"),    QStringLiteral("audit_query"),
            QStringLiteral("statement_list"), QStringLiteral("statement_view"),   QStringLiteral("sandbox_clock")};
}

QString auditActionLabel(const QString &action)
{
    static const QHash<QString, const char *> labels = {
        {QStringLiteral("login"), QT_TRANSLATE_NOOP("kessai::UserAdmin", "Login")},
        {QStringLiteral("logout"), QT_TRANSLATE_NOOP("kessai::UserAdmin", "Logout")},
        {QStringLiteral("payment_view"), QT_TRANSLATE_NOOP("kessai::UserAdmin", "Payment viewed")},
        {QStringLiteral("payment_export"), QT_TRANSLATE_NOOP("kessai::UserAdmin", "Payments exported")},
        {QStringLiteral("payment_capture"), QT_TRANSLATE_NOOP("kessai::UserAdmin", "Capture (売上)")},
        {QStringLiteral("payment_cancel"), QT_TRANSLATE_NOOP("kessai::UserAdmin", "Cancel (取消)")},
        {QStringLiteral("payment_amount"), QT_TRANSLATE_NOOP("kessai::UserAdmin", "Change amount (金額変更)")},
        {QStringLiteral("payment_register"), QT_TRANSLATE_NOOP("kessai::UserAdmin", "Payment registered")},
        {QStringLiteral("user_create"), QT_TRANSLATE_NOOP("kessai::UserAdmin", "User created")},
        {QStringLiteral("user_update"), QT_TRANSLATE_NOOP("kessai::UserAdmin", "User changed")},
        {QStringLiteral("user_unlock"), QT_TRANSLATE_NOOP("kessai::UserAdmin", "User unlocked")},
        {QStringLiteral("password_reset"), QT_TRANSLATE_NOOP("kessai::UserAdmin", "Password reset")},
        {QStringLiteral("password_change"), QT_TRANSLATE_NOOP("kessai::UserAdmin", "Password changed")},
        {QStringLiteral("certificate_issue"), QT_TRANSLATE_NOOP("kessai::UserAdmin", "Certificate issued")},
        {QStringLiteral("certificate_revoke"), QT_TRANSLATE_NOOP("kessai::UserAdmin", "Certificate revoked")},
        {QStringLiteral("user_list"), QT_TRANSLATE_NOOP("kessai::UserAdmin", "User list")},
        {QStringLiteral("audit_query"), QT_TRANSLATE_NOOP("kessai::UserAdmin", "Audit log read")},
        {QStringLiteral("statement_list"), QT_TRANSLATE_NOOP("kessai::UserAdmin", "Statements listed")},
        {QStringLiteral("statement_view"), QT_TRANSLATE_NOOP("kessai::UserAdmin", "Statement viewed")},
        {QStringLiteral("sandbox_clock"), QT_TRANSLATE_NOOP("kessai::UserAdmin", "Sandbox clock moved")},
    };
    const char *label = labels.value(action);
    return label ? tr(label) : action;
}

} // namespace kessai
