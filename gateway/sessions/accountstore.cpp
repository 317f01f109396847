#include "accountstore.h"

#include "ca/certificateauthority.h"
#include "db/rowcursor.h"
#include "db/transaction.h"
#include "security/permissions.h"

#include <QRegularExpression>
#include <QVariant>

namespace kessai::gateway {

bool AccountStore::isValidLoginId(const QString &loginId)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9_.\\-]{3,32}\\z"));
    return pattern.match(loginId).hasMatch();
}

bool AccountStore::isReservedLoginId(const QString &loginId)
{
    return loginId.compare(QLatin1String("system"), Qt::CaseInsensitive) == 0;
}

bool AccountStore::isValidMerchantId(const QString &merchantId)
{
    static const QRegularExpression pattern(QStringLiteral("^M[0-9]{4,8}\\z"));
    return pattern.match(merchantId).hasMatch();
}

AccountStore::AccountStore(const Database &database)
    : m_database(database)
{}

Result<void> AccountStore::createMerchant(const QString &merchantId, const QString &name, qint64 now)
{
    auto db = m_database.connection();
    if (!db)
        return makeError(db.error());
    auto done = runQuery(*db,
                         QStringLiteral("INSERT INTO merchants (merchant_id, name, created_at) VALUES (?, ?, ?)"),
                         {merchantId, name, now});
    if (!done)
        return makeError(done.error());
    return {};
}

Result<std::optional<QString>> AccountStore::merchantName(const QString &merchantId)
{
    auto db = m_database.connection();
    if (!db)
        return makeError(db.error());
    auto query = runQuery(*db, QStringLiteral("SELECT name FROM merchants WHERE merchant_id = ?"), {merchantId});
    if (!query)
        return makeError(query.error());
    if (!query.value().next())
        return std::optional<QString>();
    return std::optional<QString>(query.value().value(0).toString());
}

Result<void> AccountStore::createUser(const NewUser &user, qint64 now)
{
    if (isReservedLoginId(user.loginId))
        return makeError(QStringLiteral("login id %1 is reserved").arg(user.loginId));
    auto db = m_database.connection();
    if (!db)
        return makeError(db.error());
    Transaction transaction(*db);
    if (auto begun = transaction.begin(); !begun)
        return begun;
    // Login ids are ASCII, so LOWER() is the same on both engines whatever the collation.
    auto taken = runQuery(*db, QStringLiteral("SELECT login_id FROM users WHERE LOWER(login_id) = LOWER(?)"), {user.loginId});
    if (!taken)
        return makeError(taken.error());
    if (taken.value().next())
        return makeError(QStringLiteral("login id %1 is taken (by %2)").arg(user.loginId, taken.value().value(0).toString()));
    auto inserted = runQuery(*db,
                             QStringLiteral("INSERT INTO users (login_id, merchant_id, name, role, password_hash,"
                                            " failed_logins, locked_until, enabled, created_at)"
                                            " VALUES (?, ?, ?, ?, ?, 0, NULL, 1, ?)"),
                             {user.loginId, user.merchantId, user.name, user.role, user.passwordHash, now});
    if (!inserted)
        return makeError(inserted.error());
    for (const QString &permission : user.permissions) {
        if (!Permissions::isKnown(permission))
            return makeError(QStringLiteral("unknown permission %1").arg(permission));
        auto granted = runQuery(*db,
                                QStringLiteral("INSERT INTO user_permissions (login_id, permission) VALUES (?, ?)"),
                                {user.loginId, permission});
        if (!granted)
            return makeError(granted.error());
    }
    return transaction.commit();
}

Result<std::optional<UserRecord>> AccountStore::findUser(const QString &loginId)
{
    auto db = m_database.connection();
    if (!db)
        return makeError(db.error());
    // Every authenticated request reads its user and permissions: one query (a row per stored
    // permission, the user's columns repeated; one row with a NULL permission when there is
    // none), through RowCursor, whose statements are kept. On PostgreSQL each query is a round
    // trip to the server.
    auto query = RowCursor::runKept(*db,
                                QStringLiteral("SELECT u.login_id, u.merchant_id, m.name, u.name, u.role,"
                                               " u.password_hash, u.failed_logins, u.locked_until, u.enabled,"
                                               " u.must_change_password, p.permission"
                                               " FROM users u JOIN merchants m ON m.merchant_id = u.merchant_id"
                                               " LEFT JOIN user_permissions p ON p.login_id = u.login_id"
                                               " WHERE u.login_id = ?"),
                                {loginId});
    if (!query)
        return makeError(query.error());
    RowCursor &q = query.value();
    if (!q.next())
        return q.failed() ? Result<std::optional<UserRecord>>(makeError(q.error())) : std::optional<UserRecord>();
    UserRecord user;
    user.loginId = q.string(0);
    user.merchantId = q.string(1);
    user.merchantName = q.string(2);
    user.name = q.string(3);
    user.role = q.string(4);
    user.passwordHash = q.string(5);
    user.failedLogins = int(q.integer(6));
    user.lockedUntil = q.integer(7); // 0 for NULL
    user.enabled = q.integer(8) != 0;
    user.mustChangePassword = q.integer(9) != 0;

    QStringList stored;
    do {
        if (!q.isNull(10))
            stored.append(q.string(10));
    } while (q.next());
    if (q.failed())
        return makeError(q.error());
    user.permissions = Permissions::effective(user.role, stored);
    return std::optional<UserRecord>(std::move(user));
}

Result<void> AccountStore::addCertificate(const QString &loginId,
                                          const IssuedCertificate &certificate,
                                          qint64 now)
{
    auto db = m_database.connection();
    if (!db)
        return makeError(db.error());
    auto done = runQuery(*db,
                         QStringLiteral("INSERT INTO certificates (fingerprint, login_id, serial, issued_at,"
                                        " not_after, revoked_at) VALUES (?, ?, ?, ?, ?, NULL)"),
                         {certificate.fingerprint, loginId, certificate.serial, now, certificate.notAfter});
    if (!done)
        return makeError(done.error());
    return {};
}

Result<std::optional<QString>> AccountStore::certificateOwner(const QString &fingerprint)
{
    auto db = m_database.connection();
    if (!db)
        return makeError(db.error());
    auto query = runQuery(*db,
                          QStringLiteral("SELECT login_id FROM certificates"
                                         " WHERE fingerprint = ? AND revoked_at IS NULL"),
                          {fingerprint});
    if (!query)
        return makeError(query.error());
    if (!query.value().next())
        return std::optional<QString>();
    return std::optional<QString>(query.value().value(0).toString());
}

Result<AccountStore::CertificateStanding> AccountStore::certificateStanding(const QString &fingerprint)
{
    auto db = m_database.connection();
    if (!db)
        return makeError(db.error());
    // Asked on every request (the certificate may have been revoked since the handshake).
    auto query = RowCursor::runKept(*db, QStringLiteral("SELECT revoked_at FROM certificates WHERE fingerprint = ?"), {fingerprint});
    if (!query)
        return makeError(query.error());
    if (!query.value().next())
        return query.value().failed() ? Result<CertificateStanding>(makeError(query.value().error())) : CertificateStanding::NotIssued;
    return query.value().isNull(0) ? CertificateStanding::Valid : CertificateStanding::Revoked;
}

Result<bool> AccountStore::recordFailedLogin(const QString &loginId, int lockAfter, qint64 lockedUntil)
{
    auto db = m_database.connection();
    if (!db)
        return makeError(db.error());
    Transaction transaction(*db);
    if (auto begun = transaction.begin(); !begun)
        return makeError(begun.error());
    auto counted = runQuery(*db,
                            QStringLiteral("UPDATE users SET failed_logins = failed_logins + 1 WHERE login_id = ?"),
                            {loginId});
    if (!counted)
        return makeError(counted.error());
    auto read = runQuery(*db, QStringLiteral("SELECT failed_logins FROM users WHERE login_id = ?"), {loginId});
    if (!read)
        return makeError(read.error());
    const int failures = read.value().next() ? read.value().value(0).toInt() : 0;
    const bool lock = failures >= lockAfter;
    if (lock) {
        // The counter starts again once the lock is over.
        auto locked = runQuery(*db,
                               QStringLiteral("UPDATE users SET failed_logins = 0, locked_until = ? WHERE login_id = ?"),
                               {lockedUntil, loginId});
        if (!locked)
            return makeError(locked.error());
    }
    if (auto committed = transaction.commit(); !committed)
        return makeError(committed.error());
    return lock;
}

Result<void> AccountStore::recordLogin(const QString &loginId, qint64 at)
{
    auto db = m_database.connection();
    if (!db)
        return makeError(db.error());
    auto done = runQuery(*db,
                         QStringLiteral("UPDATE users SET failed_logins = 0, locked_until = NULL, last_login_at = ?"
                                        " WHERE login_id = ?"),
                         {at, loginId});
    if (!done)
        return makeError(done.error());
    return {};
}

Result<void> AccountStore::changePassword(const QString &loginId, const QString &passwordHash, const QString &keepSession)
{
    auto db = m_database.connection();
    if (!db)
        return makeError(db.error());
    Transaction transaction(*db);
    if (auto begun = transaction.begin(); !begun)
        return begun;
    auto changed = runQuery(*db,
                            QStringLiteral("UPDATE users SET password_hash = ?, must_change_password = 0,"
                                           " failed_logins = 0, locked_until = NULL WHERE login_id = ?"),
                            {passwordHash, loginId});
    if (!changed)
        return makeError(changed.error());
    auto ended = runQuery(*db,
                          QStringLiteral("DELETE FROM sessions WHERE login_id = ? AND token_hash <> ?"),
                          {loginId, keepSession});
    if (!ended)
        return makeError(ended.error());
    return transaction.commit();
}

Result<void> AccountStore::createSession(const QString &tokenHash, const SessionRecord &session)
{
    auto db = m_database.connection();
    if (!db)
        return makeError(db.error());
    auto done = runQuery(*db,
                         QStringLiteral("INSERT INTO sessions (token_hash, login_id, cert_fingerprint,"
                                        " created_at, last_seen, expires_at) VALUES (?, ?, ?, ?, ?, ?)"),
                         {tokenHash,
                          session.loginId,
                          session.certificateFingerprint,
                          session.createdAt,
                          session.lastSeen,
                          session.expiresAt});
    if (!done)
        return makeError(done.error());
    return {};
}

Result<std::optional<SessionRecord>> AccountStore::findSession(const QString &tokenHash)
{
    auto db = m_database.connection();
    if (!db)
        return makeError(db.error());
    auto query = RowCursor::runKept(*db,
                                QStringLiteral("SELECT login_id, cert_fingerprint, created_at, last_seen, expires_at"
                                               " FROM sessions WHERE token_hash = ?"),
                                {tokenHash});
    if (!query)
        return makeError(query.error());
    RowCursor &q = query.value();
    if (!q.next())
        return q.failed() ? Result<std::optional<SessionRecord>>(makeError(q.error())) : std::optional<SessionRecord>();
    SessionRecord session;
    session.loginId = q.string(0);
    session.certificateFingerprint = q.string(1);
    session.createdAt = q.integer(2);
    session.lastSeen = q.integer(3);
    session.expiresAt = q.integer(4);
    return std::optional<SessionRecord>(std::move(session));
}

Result<void> AccountStore::touchSession(const QString &tokenHash, qint64 now)
{
    auto db = m_database.connection();
    if (!db)
        return makeError(db.error());
    auto done = runQuery(*db,
                         QStringLiteral("UPDATE sessions SET last_seen = ? WHERE token_hash = ?"),
                         {now, tokenHash});
    if (!done)
        return makeError(done.error());
    return {};
}

Result<void> AccountStore::deleteSession(const QString &tokenHash)
{
    auto db = m_database.connection();
    if (!db)
        return makeError(db.error());
    auto done = runQuery(*db, QStringLiteral("DELETE FROM sessions WHERE token_hash = ?"), {tokenHash});
    if (!done)
        return makeError(done.error());
    return {};
}

Result<void> AccountStore::deleteSessionsOf(const QString &loginId)
{
    auto db = m_database.connection();
    if (!db)
        return makeError(db.error());
    auto done = runQuery(*db, QStringLiteral("DELETE FROM sessions WHERE login_id = ?"), {loginId});
    if (!done)
        return makeError(done.error());
    return {};
}

Result<void> AccountStore::audit(const AuditEntry &entry)
{
    auto db = m_database.connection();
    if (!db)
        return makeError(db.error());
    return writeAudit(*db, entry);
}

Result<std::optional<QString>> AccountStore::setting(const QString &name)
{
    auto db = m_database.connection();
    if (!db)
        return makeError(db.error());
    auto query = runQuery(*db, QStringLiteral("SELECT value FROM settings WHERE name = ?"), {name});
    if (!query)
        return makeError(query.error());
    if (!query.value().next())
        return std::optional<QString>();
    return std::optional<QString>(query.value().value(0).toString());
}

Result<void> AccountStore::setSetting(const QString &name, const QString &value)
{
    auto db = m_database.connection();
    if (!db)
        return makeError(db.error());
    Transaction transaction(*db);
    if (auto begun = transaction.begin(); !begun)
        return begun;
    auto removed = runQuery(*db, QStringLiteral("DELETE FROM settings WHERE name = ?"), {name});
    if (!removed)
        return makeError(removed.error());
    auto inserted = runQuery(*db, QStringLiteral("INSERT INTO settings (name, value) VALUES (?, ?)"), {name, value});
    if (!inserted)
        return makeError(inserted.error());
    return transaction.commit();
}

} // namespace kessai::gateway
