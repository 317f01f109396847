#include "useradmin.h"

#include "domain/cardnumberscan.h"
#include "security/crypto.h"
#include "security/passwordhasher.h"
#include "security/permissions.h"

#include <QDateTime>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTimeZone>

#include <algorithm>

Q_LOGGING_CATEGORY(lcGatewayAdmin, "gateway.admin", QtInfoMsg)

namespace kessai::gateway {

namespace {

constexpr qsizetype MaxNameLength = 64;
const QString ManageUsers = QStringLiteral("manage_users");

ApiError invalid(const QString &name, const QString &why)
{
    return ApiError::invalidParameter(QStringLiteral("%1: %2").arg(name, why));
}

ApiError userNotFound()
{
    return ApiError::notFound(QStringLiteral("No such user."));
}

ApiError selfLockout(const QString &message)
{
    return {ErrorKind::Unprocessable, QStringLiteral("self_lockout"), message};
}

// A general user with manage_users runs the accounts of its merchant, but never hands out more
// than it holds: no admin role, no permission it lacks itself, and no hand on an admin's account
// (an admin's password lockout, certificate or rights stay with the admins).
bool isAdmin(const QString &role)
{
    return role == QLatin1String("admin");
}

std::optional<ApiError> beyondOwnRights(const Caller &actor, const QString &role, const QStringList &permissions)
{
    if (isAdmin(actor.role))
        return std::nullopt;
    if (isAdmin(role))
        return ApiError{ErrorKind::Forbidden, QStringLiteral("forbidden"), QStringLiteral("Only an admin can give the admin role.")};
    for (const QString &permission : permissions) {
        if (!actor.permissions.contains(permission))
            return ApiError{ErrorKind::Forbidden, QStringLiteral("forbidden"),
                            QStringLiteral("You cannot grant %1, which you do not hold yourself.").arg(permission)};
    }
    return std::nullopt;
}

std::optional<ApiError> rejectUnknownFields(const QJsonObject &body, const QStringList &known)
{
    for (auto it = body.begin(); it != body.end(); ++it) {
        if (!known.contains(it.key()))
            return invalid(it.key(), QStringLiteral("unknown field"));
    }
    return std::nullopt;
}

std::optional<ApiError> parseName(const QJsonValue &value, QString &name)
{
    if (!value.isString())
        return invalid(QStringLiteral("name"), QStringLiteral("must be a string"));
    name = value.toString().trimmed();
    // A control character (NUL above all: PostgreSQL cannot hold one in text) is in no name.
    const bool control = std::any_of(name.cbegin(), name.cend(), [](QChar c) { return c.category() == QChar::Other_Control; });
    if (name.isEmpty() || name.size() > MaxNameLength || control)
        return invalid(QStringLiteral("name"), QStringLiteral("1 to 64 characters, without control characters"));
    // Free text: a card number typed into it would be stored and shown (never echoed here).
    if (containsCardNumber(name))
        return invalid(QStringLiteral("name"), QStringLiteral("must not hold a card number"));
    return std::nullopt;
}

std::optional<ApiError> parseRole(const QJsonValue &value, QString &role)
{
    role = value.toString();
    if (!value.isString() || (role != QLatin1String("admin") && role != QLatin1String("general")))
        return invalid(QStringLiteral("role"), QStringLiteral("admin or general"));
    return std::nullopt;
}

std::optional<ApiError> parsePermissions(const QJsonValue &value, QStringList &permissions)
{
    if (!value.isArray())
        return invalid(QStringLiteral("permissions"), QStringLiteral("must be an array of strings"));
    permissions.clear();
    for (const QJsonValue &item : value.toArray()) {
        if (!item.isString() || !Permissions::isKnown(item.toString()))
            return invalid(QStringLiteral("permissions"),
                           QStringLiteral("unknown permission; known: ") + Permissions::all().join(u','));
        if (!permissions.contains(item.toString()))
            permissions.append(item.toString());
    }
    return std::nullopt;
}

// What a user_update changed, for the audit log: "role: general → admin; permissions: +capture
// −cancel; enabled: true → false; name: 花子 → 華子". Only what differs; empty if nothing does.
QString describeChange(const ManagedUser &before, const UserChange &change)
{
    QStringList parts;
    if (change.name && *change.name != before.name)
        parts << QStringLiteral("name: %1 → %2").arg(before.name, *change.name);
    if (change.role && *change.role != before.role)
        parts << QStringLiteral("role: %1 → %2").arg(before.role, *change.role);
    if (change.permissions) {
        QStringList delta;
        for (const QString &permission : *change.permissions) {
            if (!before.storedPermissions.contains(permission))
                delta << u'+' + permission;
        }
        for (const QString &permission : before.storedPermissions) {
            if (!change.permissions->contains(permission))
                delta << QStringLiteral("−") + permission;
        }
        if (!delta.isEmpty())
            parts << QStringLiteral("permissions: ") + delta.join(u' ');
    }
    if (change.enabled && *change.enabled != before.enabled)
        parts << QStringLiteral("enabled: %1 → %2")
                     .arg(before.enabled ? QStringLiteral("true") : QStringLiteral("false"),
                          *change.enabled ? QStringLiteral("true") : QStringLiteral("false"));
    return parts.join(QStringLiteral("; "));
}

} // namespace

UserAdmin::UserAdmin(AccountStore &accounts,
                     AdminStore &admin,
                     const Clock &clock,
                     std::optional<CertificateAuthority> authority)
    : m_accounts(accounts)
    , m_admin(admin)
    , m_clock(clock)
    , m_authority(std::move(authority))
{}

void UserAdmin::audit(const Caller &actor,
                      const RequestOrigin &origin,
                      const QString &action,
                      const QString &target,
                      const QString &result,
                      const QString &detail)
{
    AuditEntry entry;
    entry.at = m_clock.now();
    entry.loginId = actor.loginId;
    entry.merchantId = actor.merchantId;
    entry.action = action;
    entry.target = target;
    entry.result = result;
    entry.origin = origin.address;
    entry.requestId = origin.requestId;
    entry.detail = detail;
    if (auto written = m_accounts.audit(entry); !written)
        qCCritical(lcGatewayAdmin).noquote() << "audit entry lost:" << action << result << written.error();
}

std::optional<ApiError> UserAdmin::requirePermission(const Caller &actor,
                                                     const RequestOrigin &origin,
                                                     const QString &permission,
                                                     const QString &action)
{
    if (actor.permissions.contains(permission))
        return std::nullopt;
    audit(actor, origin, action, QString(), QStringLiteral("forbidden"));
    return ApiError{ErrorKind::Forbidden, QStringLiteral("forbidden"), QStringLiteral("This requires the %1 permission.").arg(permission)};
}

ApiResult<ManagedUser> UserAdmin::target(const Caller &actor,
                                         const RequestOrigin &origin,
                                         const QString &loginId,
                                         const QString &action)
{
    const QString targetName = QStringLiteral("user:") + loginId.left(64);
    if (!isValidLoginId(loginId)) {
        audit(actor, origin, action, targetName, QStringLiteral("not_found"));
        return userNotFound();
    }
    auto found = m_admin.findUser(actor.merchantId, loginId);
    if (!found) {
        qCWarning(lcGatewayAdmin).noquote() << "user lookup failed:" << found.error();
        return ApiError::internal();
    }
    if (!found.value()) {
        // Another merchant's user looks exactly like one that does not exist.
        audit(actor, origin, action, targetName, QStringLiteral("not_found"));
        return userNotFound();
    }
    if (!isAdmin(actor.role) && found.value()->loginId != actor.loginId) {
        if (isAdmin(found.value()->role)) {
            audit(actor, origin, action, targetName, QStringLiteral("forbidden"));
            return ApiError{ErrorKind::Forbidden, QStringLiteral("forbidden"), QStringLiteral("Only an admin can change an admin's account.")};
        }
        // Nor the account of someone who holds rights the actor lacks: its certificate is half
        // of that user's login, its unlock or revocation that user's access.
        for (const QString &permission : std::as_const(found.value()->permissions)) {
            if (!actor.permissions.contains(permission)) {
                audit(actor, origin, action, targetName, QStringLiteral("forbidden"));
                return ApiError{ErrorKind::Forbidden, QStringLiteral("forbidden"),
                                QStringLiteral("This user holds %1, which you do not: only an admin can change its account.")
                                    .arg(permission)};
            }
        }
    }
    return std::move(*found.value());
}

ApiResult<QList<ManagedUser>> UserAdmin::list(const Caller &actor)
{
    auto users = m_admin.listUsers(actor.merchantId);
    if (!users) {
        qCWarning(lcGatewayAdmin).noquote() << "user list failed:" << users.error();
        return ApiError::internal();
    }
    return std::move(users).value();
}

ApiResult<ManagedUser> UserAdmin::create(const Caller &actor, const RequestOrigin &origin, const QJsonObject &body)
{
    const QString action = QStringLiteral("user_create");
    const QString loginId = body.value(QLatin1String("login_id")).toString();
    const QString targetName = QStringLiteral("user:") + loginId.left(64);
    auto refuse = [&](const ApiError &error) {
        audit(actor, origin, action, targetName, error.code);
        return error;
    };
    if (auto unknown = rejectUnknownFields(body, {QStringLiteral("login_id"), QStringLiteral("name"), QStringLiteral("role"),
                                                  QStringLiteral("permissions"), QStringLiteral("password")}))
        return refuse(*unknown);
    if (!body.value(QLatin1String("login_id")).isString() || !isValidLoginId(loginId))
        return refuse(invalid(QStringLiteral("login_id"), QStringLiteral("3 to 32 of A-Z a-z 0-9 _ . -")));
    NewUser user;
    user.loginId = loginId;
    user.merchantId = actor.merchantId;
    if (auto error = parseName(body.value(QLatin1String("name")), user.name))
        return refuse(*error);
    if (auto error = parseRole(body.value(QLatin1String("role")), user.role))
        return refuse(*error);
    if (body.contains(QLatin1String("permissions"))) {
        if (auto error = parsePermissions(body.value(QLatin1String("permissions")), user.permissions))
            return refuse(*error);
    }
    if (auto beyond = beyondOwnRights(actor, user.role, user.permissions))
        return refuse(*beyond);
    const QJsonValue password = body.value(QLatin1String("password"));
    if (!password.isString())
        return refuse(invalid(QStringLiteral("password"), QStringLiteral("required")));
    if (const QString why = PasswordHasher::policyViolation(password.toString()); !why.isEmpty())
        return refuse(ApiError{ErrorKind::BadRequest, QStringLiteral("weak_password"), why});

    if (AccountStore::isReservedLoginId(loginId))
        return refuse(ApiError{ErrorKind::Conflict, QStringLiteral("conflict"), QStringLiteral("This login ID is reserved for the gateway.")});
    auto exists = m_admin.loginIdExists(loginId);
    if (!exists) {
        qCWarning(lcGatewayAdmin).noquote() << "user lookup failed:" << exists.error();
        return ApiError::internal();
    }
    if (exists.value())
        return refuse(ApiError{ErrorKind::Conflict, QStringLiteral("conflict"), QStringLiteral("This login ID is already taken.")});
    auto hash = PasswordHasher::hash(password.toString());
    if (!hash) {
        qCWarning(lcGatewayAdmin).noquote() << "password hashing failed:" << hash.error();
        return ApiError::internal();
    }
    user.passwordHash = hash.value();
    if (auto created = m_accounts.createUser(user, m_clock.now()); !created) {
        // A concurrent create of the same id loses on the primary key.
        auto raced = m_admin.loginIdExists(loginId);
        if (raced && raced.value())
            return refuse(ApiError{ErrorKind::Conflict, QStringLiteral("conflict"), QStringLiteral("This login ID is already taken.")});
        qCWarning(lcGatewayAdmin).noquote() << "user create failed:" << created.error();
        return ApiError::internal();
    }
    audit(actor, origin, action, targetName, QStringLiteral("ok"));
    qCInfo(lcGatewayAdmin).noquote() << actor.loginId << "created user" << loginId << "role" << user.role;
    auto found = m_admin.findUser(actor.merchantId, loginId);
    if (!found || !found.value())
        return ApiError::internal();
    return std::move(*found.value());
}

ApiResult<ManagedUser> UserAdmin::update(const Caller &actor,
                                         const RequestOrigin &origin,
                                         const QString &loginId,
                                         const QJsonObject &body)
{
    const QString action = QStringLiteral("user_update");
    auto current = target(actor, origin, loginId, action);
    if (!current.ok())
        return current.error();
    const QString targetName = QStringLiteral("user:") + loginId;
    auto refuse = [&](const ApiError &error) {
        audit(actor, origin, action, targetName, error.code);
        return error;
    };
    if (auto unknown = rejectUnknownFields(body, {QStringLiteral("name"), QStringLiteral("role"),
                                                  QStringLiteral("permissions"), QStringLiteral("enabled")}))
        return refuse(*unknown);
    if (body.isEmpty())
        return refuse(ApiError::badRequest(QStringLiteral("Nothing to change: send name, role, permissions or enabled.")));
    UserChange change;
    if (body.contains(QLatin1String("name"))) {
        QString name;
        if (auto error = parseName(body.value(QLatin1String("name")), name))
            return refuse(*error);
        change.name = name;
    }
    if (body.contains(QLatin1String("role"))) {
        QString role;
        if (auto error = parseRole(body.value(QLatin1String("role")), role))
            return refuse(*error);
        change.role = role;
    }
    if (body.contains(QLatin1String("permissions"))) {
        QStringList permissions;
        if (auto error = parsePermissions(body.value(QLatin1String("permissions")), permissions))
            return refuse(*error);
        change.permissions = permissions;
    }
    if (body.contains(QLatin1String("enabled"))) {
        if (!body.value(QLatin1String("enabled")).isBool())
            return refuse(invalid(QStringLiteral("enabled"), QStringLiteral("must be true or false")));
        change.enabled = body.value(QLatin1String("enabled")).toBool();
    }

    if (change.role || change.permissions) {
        const QString role = change.role.value_or(current.value().role);
        if (auto beyond = beyondOwnRights(actor, role, change.permissions.value_or(QStringList())))
            return refuse(*beyond);
    }
    if (loginId == actor.loginId) {
        if (change.enabled && !*change.enabled)
            return refuse(selfLockout(QStringLiteral("You cannot disable your own account.")));
        const QStringList after = Permissions::effective(change.role.value_or(current.value().role),
                                                         change.permissions.value_or(current.value().storedPermissions));
        if (!after.contains(ManageUsers))
            return refuse(selfLockout(QStringLiteral("You cannot remove your own manage_users permission.")));
    }

    if (auto updated = m_admin.updateUser(actor.merchantId, loginId, change); !updated) {
        qCWarning(lcGatewayAdmin).noquote() << "user update failed:" << updated.error();
        return ApiError::internal();
    }
    audit(actor, origin, action, targetName, QStringLiteral("ok"), describeChange(current.value(), change));
    qCInfo(lcGatewayAdmin).noquote() << actor.loginId << "updated user" << loginId << "fields"
                                     << body.keys().join(u',');
    auto found = m_admin.findUser(actor.merchantId, loginId);
    if (!found || !found.value())
        return ApiError::internal();
    return std::move(*found.value());
}

ApiResult<ManagedUser> UserAdmin::unlock(const Caller &actor, const RequestOrigin &origin, const QString &loginId)
{
    const QString action = QStringLiteral("user_unlock");
    auto current = target(actor, origin, loginId, action);
    if (!current.ok())
        return current.error();
    if (auto unlocked = m_admin.unlock(actor.merchantId, loginId); !unlocked) {
        qCWarning(lcGatewayAdmin).noquote() << "unlock failed:" << unlocked.error();
        return ApiError::internal();
    }
    audit(actor, origin, action, QStringLiteral("user:") + loginId, QStringLiteral("ok"));
    qCInfo(lcGatewayAdmin).noquote() << actor.loginId << "unlocked user" << loginId;
    current.value().lockedUntil = 0;
    return current;
}

ApiResult<QString> UserAdmin::resetPassword(const Caller &actor, const RequestOrigin &origin, const QString &loginId)
{
    const QString action = QStringLiteral("password_reset");
    auto current = target(actor, origin, loginId, action);
    if (!current.ok())
        return current.error();
    const QString targetName = QStringLiteral("user:") + loginId;
    if (loginId == actor.loginId) {
        audit(actor, origin, action, targetName, QStringLiteral("self_lockout"));
        return selfLockout(QStringLiteral("You cannot reset your own password: change it with your current one (POST /v1/me/password)."));
    }
    const QString password = PasswordHasher::generate();
    auto hash = PasswordHasher::hash(password);
    if (!hash) {
        qCWarning(lcGatewayAdmin).noquote() << "password hashing failed:" << hash.error();
        return ApiError::internal();
    }
    if (auto reset = m_admin.resetPassword(actor.merchantId, loginId, hash.value()); !reset) {
        qCWarning(lcGatewayAdmin).noquote() << "password reset failed:" << reset.error();
        return ApiError::internal();
    }
    audit(actor, origin, action, targetName, QStringLiteral("ok"));
    // The password itself never reaches a log.
    qCInfo(lcGatewayAdmin).noquote() << actor.loginId << "reset the password of" << loginId;
    return password;
}

ApiResult<IssuedCertificate> UserAdmin::issueCertificate(const Caller &actor,
                                                         const RequestOrigin &origin,
                                                         const QString &loginId)
{
    const QString action = QStringLiteral("certificate_issue");
    auto current = target(actor, origin, loginId, action);
    if (!current.ok())
        return current.error();
    const QString targetName = QStringLiteral("user:") + loginId;
    if (!m_authority) {
        audit(actor, origin, action, targetName, QStringLiteral("unavailable"));
        return ApiError{ErrorKind::Unavailable, QStringLiteral("unavailable"), QStringLiteral("The merchant CA key is not available on this gateway.")};
    }
    const qint64 now = m_clock.now();
    std::lock_guard<std::mutex> lock(m_issueMutex);
    auto issued = m_authority->issueClientCertificate(loginId, actor.merchantId, now);
    if (!issued) {
        qCWarning(lcGatewayAdmin).noquote() << "certificate issue failed:" << issued.error();
        audit(actor, origin, action, targetName, QStringLiteral("internal"));
        return ApiError::internal();
    }
    auto replaced = m_admin.replaceCertificate(actor.merchantId, loginId, issued.value(), now);
    if (!replaced) {
        qCWarning(lcGatewayAdmin).noquote() << "certificate store failed:" << replaced.error();
        audit(actor, origin, action, targetName, QStringLiteral("internal"));
        return ApiError::internal();
    }
    audit(actor, origin, action, targetName + QStringLiteral(" cert:") + issued.value().fingerprint.left(16), QStringLiteral("ok"));
    for (const QString &old : replaced.value())
        audit(actor, origin, QStringLiteral("certificate_revoke"), targetName + QStringLiteral(" cert:") + old.left(16), QStringLiteral("ok"));
    // Fingerprint prefixes only; the PKCS#12 and its passphrase never reach a log.
    qCInfo(lcGatewayAdmin).noquote() << actor.loginId << "issued certificate" << issued.value().fingerprint.left(16)
                                     << "for" << loginId << "revoking" << replaced.value().size();
    return std::move(issued).value();
}

ApiResult<ManagedUser> UserAdmin::revokeCertificate(const Caller &actor,
                                                    const RequestOrigin &origin,
                                                    const QString &loginId)
{
    const QString action = QStringLiteral("certificate_revoke");
    auto current = target(actor, origin, loginId, action);
    if (!current.ok())
        return current.error();
    const QString targetName = QStringLiteral("user:") + loginId;
    if (loginId == actor.loginId) {
        audit(actor, origin, action, targetName, QStringLiteral("self_lockout"));
        return selfLockout(QStringLiteral("You cannot revoke your own certificate; issue a new one instead."));
    }
    auto revoked = m_admin.revokeCertificates(actor.merchantId, loginId, m_clock.now());
    if (!revoked) {
        qCWarning(lcGatewayAdmin).noquote() << "certificate revoke failed:" << revoked.error();
        return ApiError::internal();
    }
    if (revoked.value().isEmpty()) {
        audit(actor, origin, action, targetName, QStringLiteral("not_found"));
        return ApiError::notFound(QStringLiteral("This user has no active certificate."));
    }
    for (const QString &fingerprint : revoked.value())
        audit(actor, origin, action, targetName + QStringLiteral(" cert:") + fingerprint.left(16), QStringLiteral("ok"));
    qCInfo(lcGatewayAdmin).noquote() << actor.loginId << "revoked" << revoked.value().size() << "certificate(s) of" << loginId;
    auto found = m_admin.findUser(actor.merchantId, loginId);
    if (!found || !found.value())
        return ApiError::internal();
    return std::move(*found.value());
}

} // namespace kessai::gateway
