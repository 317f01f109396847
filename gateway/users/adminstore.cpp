#include "adminstore.h"

#include "ca/certificateauthority.h"
#include "db/transaction.h"
#include "security/permissions.h"

#include <QHash>
#include <QVariant>

namespace kessai::gateway {

namespace {

const QString UserColumns = QStringLiteral(
    "SELECT u.login_id, u.merchant_id, u.name, u.role, u.enabled, u.locked_until,"
    " c.fingerprint, c.not_after, c.revoked_at, u.must_change_password, u.last_login_at"
    " FROM users u"
    // The newest certificate of the user; the fingerprint breaks ties of the same second.
    " LEFT JOIN certificates c ON c.fingerprint = ("
    "   SELECT c2.fingerprint FROM certificates c2 WHERE c2.login_id = u.login_id"
    "   ORDER BY c2.issued_at DESC, (c2.revoked_at IS NULL) DESC, c2.fingerprint DESC LIMIT 1)");

ManagedUser userFromRow(const QSqlQuery &q)
{
    ManagedUser user;
    user.loginId = q.value(0).toString();
    user.merchantId = q.value(1).toString();
    user.name = q.value(2).toString();
    user.role = q.value(3).toString();
    user.enabled = q.value(4).toInt() != 0;
    user.lockedUntil = q.value(5).isNull() ? 0 : q.value(5).toLongLong();
    user.mustChangePassword = q.value(9).toInt() != 0;
    user.lastLoginAt = q.value(10).isNull() ? 0 : q.value(10).toLongLong();
    if (!q.value(6).isNull()) {
        CertificateSummary certificate;
        certificate.fingerprint = q.value(6).toString();
        certificate.notAfter = q.value(7).toLongLong();
        certificate.revoked = !q.value(8).isNull();
        user.certificate = certificate;
    }
    return user;
}

Result<QHash<QString, QStringList>> storedPermissions(const QSqlDatabase &db,
                                                      const QString &merchantId,
                                                      const QString &loginId)
{
    QString sql = QStringLiteral("SELECT p.login_id, p.permission FROM user_permissions p"
                                 " JOIN users u ON u.login_id = p.login_id WHERE u.merchant_id = ?");
    QVariantList values{merchantId};
    if (!loginId.isEmpty()) {
        sql += QStringLiteral(" AND u.login_id = ?");
        values.append(loginId);
    }
    auto query = runQuery(db, sql, values);
    if (!query)
        return makeError(query.error());
    QHash<QString, QStringList> permissions;
    while (query.value().next())
        permissions[query.value().value(0).toString()].append(query.value().value(1).toString());
    return permissions;
}

Result<bool> belongsTo(const QSqlDatabase &db, const QString &merchantId, const QString &loginId)
{
    auto query = runQuery(db,
                          QStringLiteral("SELECT 1 FROM users WHERE login_id = ? AND merchant_id = ?"),
                          {loginId, merchantId});
    if (!query)
        return makeError(query.error());
    return query.value().next();
}

Error notOfMerchant(const QString &loginId)
{
    return makeError(QStringLiteral("user %1 is not of this merchant").arg(loginId));
}

} // namespace

AdminStore::AdminStore(const Database &database)
    : m_database(database)
{}

Result<QList<ManagedUser>> AdminStore::listUsers(const QString &merchantId)
{
    auto db = m_database.connection();
    if (!db)
        return makeError(db.error());
    auto query = runQuery(*db, UserColumns + QStringLiteral(" WHERE u.merchant_id = ? ORDER BY u.login_id"), {merchantId});
    if (!query)
        return makeError(query.error());
    auto permissions = storedPermissions(*db, merchantId, {});
    if (!permissions)
        return makeError(permissions.error());
    QList<ManagedUser> users;
    while (query.value().next()) {
        ManagedUser user = userFromRow(query.value());
        user.storedPermissions = permissions.value().value(user.loginId);
        user.permissions = Permissions::effective(user.role, user.storedPermissions);
        users.append(std::move(user));
    }
    return users;
}

Result<std::optional<ManagedUser>> AdminStore::findUser(const QString &merchantId, const QString &loginId)
{
    auto db = m_database.connection();
    if (!db)
        return makeError(db.error());
    auto query = runQuery(*db,
                          UserColumns + QStringLiteral(" WHERE u.merchant_id = ? AND u.login_id = ?"),
                          {merchantId, loginId});
    if (!query)
        return makeError(query.error());
    if (!query.value().next())
        return std::optional<ManagedUser>();
    ManagedUser user = userFromRow(query.value());
    auto permissions = storedPermissions(*db, merchantId, loginId);
    if (!permissions)
        return makeError(permissions.error());
    user.storedPermissions = permissions.value().value(user.loginId);
    user.permissions = Permissions::effective(user.role, user.storedPermissions);
    return std::optional<ManagedUser>(std::move(user));
}

Result<bool> AdminStore::loginIdExists(const QString &loginId)
{
    auto db = m_database.connection();
    if (!db)
        return makeError(db.error());
    auto query = runQuery(*db, QStringLiteral("SELECT 1 FROM users WHERE LOWER(login_id) = LOWER(?)"), {loginId});
    if (!query)
        return makeError(query.error());
    return query.value().next();
}

Result<void> AdminStore::updateUser(const QString &merchantId, const QString &loginId, const UserChange &change)
{
    auto db = m_database.connection();
    if (!db)
        return makeError(db.error());
    Transaction transaction(*db);
    if (auto begun = transaction.begin(); !begun)
        return begun;
    auto member = belongsTo(*db, merchantId, loginId);
    if (!member)
        return makeError(member.error());
    if (!member.value())
        return notOfMerchant(loginId);
    if (change.name) {
        if (auto done = runQuery(*db, QStringLiteral("UPDATE users SET name = ? WHERE login_id = ?"), {*change.name, loginId}); !done)
            return makeError(done.error());
    }
    if (change.role) {
        if (auto done = runQuery(*db, QStringLiteral("UPDATE users SET role = ? WHERE login_id = ?"), {*change.role, loginId}); !done)
            return makeError(done.error());
    }
    if (change.enabled) {
        if (auto done = runQuery(*db,
                                 QStringLiteral("UPDATE users SET enabled = ? WHERE login_id = ?"),
                                 {*change.enabled ? 1 : 0, loginId});
            !done)
            return makeError(done.error());
        if (!*change.enabled) {
            if (auto ended = runQuery(*db, QStringLiteral("DELETE FROM sessions WHERE login_id = ?"), {loginId}); !ended)
                return makeError(ended.error());
        }
    }
    if (change.permissions) {
        if (auto cleared = runQuery(*db, QStringLiteral("DELETE FROM user_permissions WHERE login_id = ?"), {loginId}); !cleared)
            return makeError(cleared.error());
        for (const QString &permission : *change.permissions) {
            if (!Permissions::isKnown(permission))
                return makeError(QStringLiteral("unknown permission %1").arg(permission));
            auto granted = runQuery(*db,
                                    QStringLiteral("INSERT INTO user_permissions (login_id, permission) VALUES (?, ?)"),
                                    {loginId, permission});
            if (!granted)
                return makeError(granted.error());
        }
    }
    return transaction.commit();
}

Result<void> AdminStore::unlock(const QString &merchantId, const QString &loginId)
{
    auto db = m_database.connection();
    if (!db)
        return makeError(db.error());
    auto done = runQuery(*db,
                         QStringLiteral("UPDATE users SET failed_logins = 0, locked_until = NULL"
                                        " WHERE login_id = ? AND merchant_id = ?"),
                         {loginId, merchantId});
    if (!done)
        return makeError(done.error());
    if (done.value().numRowsAffected() != 1)
        return notOfMerchant(loginId);
    return {};
}

Result<void> AdminStore::resetPassword(const QString &merchantId, const QString &loginId, const QString &passwordHash)
{
    auto db = m_database.connection();
    if (!db)
        return makeError(db.error());
    Transaction transaction(*db);
    if (auto begun = transaction.begin(); !begun)
        return begun;
    auto done = runQuery(*db,
                         QStringLiteral("UPDATE users SET password_hash = ?, must_change_password = 1,"
                                        " failed_logins = 0, locked_until = NULL"
                                        " WHERE login_id = ? AND merchant_id = ?"),
                         {passwordHash, loginId, merchantId});
    if (!done)
        return makeError(done.error());
    if (done.value().numRowsAffected() != 1)
        return notOfMerchant(loginId);
    if (auto ended = runQuery(*db, QStringLiteral("DELETE FROM sessions WHERE login_id = ?"), {loginId}); !ended)
        return makeError(ended.error());
    return transaction.commit();
}

Result<QStringList> AdminStore::revokeActive(const QSqlDatabase &db, const QString &loginId, qint64 now)
{
    auto active = runQuery(db,
                           QStringLiteral("SELECT fingerprint FROM certificates WHERE login_id = ? AND revoked_at IS NULL"),
                           {loginId});
    if (!active)
        return makeError(active.error());
    QStringList fingerprints;
    while (active.value().next())
        fingerprints.append(active.value().value(0).toString());
    for (const QString &fingerprint : std::as_const(fingerprints)) {
        if (auto revoked = runQuery(db,
                                    QStringLiteral("UPDATE certificates SET revoked_at = ? WHERE fingerprint = ?"),
                                    {now, fingerprint});
            !revoked)
            return makeError(revoked.error());
        if (auto ended = runQuery(db,
                                  QStringLiteral("DELETE FROM sessions WHERE login_id = ? AND cert_fingerprint = ?"),
                                  {loginId, fingerprint});
            !ended)
            return makeError(ended.error());
    }
    return fingerprints;
}

Result<QStringList> AdminStore::replaceCertificate(const QString &merchantId,
                                                   const QString &loginId,
                                                   const IssuedCertificate &certificate,
                                                   qint64 now)
{
    auto db = m_database.connection();
    if (!db)
        return makeError(db.error());
    Transaction transaction(*db);
    if (auto begun = transaction.begin(); !begun)
        return makeError(begun.error());
    auto member = belongsTo(*db, merchantId, loginId);
    if (!member)
        return makeError(member.error());
    if (!member.value())
        return notOfMerchant(loginId);
    auto revoked = revokeActive(*db, loginId, now);
    if (!revoked)
        return revoked;
    auto inserted = runQuery(*db,
                             QStringLiteral("INSERT INTO certificates (fingerprint, login_id, serial, issued_at,"
                                            " not_after, revoked_at) VALUES (?, ?, ?, ?, ?, NULL)"),
                             {certificate.fingerprint, loginId, certificate.serial, now, certificate.notAfter});
    if (!inserted)
        return makeError(inserted.error());
    if (auto committed = transaction.commit(); !committed)
        return makeError(committed.error());
    return revoked;
}

Result<QStringList> AdminStore::revokeCertificates(const QString &merchantId, const QString &loginId, qint64 now)
{
    auto db = m_database.connection();
    if (!db)
        return makeError(db.error());
    Transaction transaction(*db);
    if (auto begun = transaction.begin(); !begun)
        return makeError(begun.error());
    auto member = belongsTo(*db, merchantId, loginId);
    if (!member)
        return makeError(member.error());
    if (!member.value())
        return notOfMerchant(loginId);
    auto revoked = revokeActive(*db, loginId, now);
    if (!revoked)
        return revoked;
    if (auto committed = transaction.commit(); !committed)
        return makeError(committed.error());
    return revoked;
}

} // namespace kessai::gateway
