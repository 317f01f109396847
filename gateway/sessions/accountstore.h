#pragma once

#include "audit/auditlog.h"
#include "common/result.h"
#include "db/database.h"
#include "sessions/userrecord.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace kessai::gateway {

struct IssuedCertificate;

// Merchants, users, their certificates and sessions; audit() writes to the audit log.
class AccountStore
{
public:
    explicit AccountStore(const Database &database);

    // 3-32 characters of A-Z a-z 0-9 _ . -: what a login id can be, checked before one is
    // created, logged or looked up.
    static bool isValidLoginId(const QString &loginId);
    // Names the gateway writes for itself where a login id goes (`system`: the actor of timed
    // status changes and of command-line administration), in any case: no user may take them.
    static bool isReservedLoginId(const QString &loginId);
    // M and 4 to 8 digits (M0001): what a merchant id can be (the certificates' O, the audit
    // log's merchant), checked before a merchant is created.
    static bool isValidMerchantId(const QString &merchantId);

    const Database &database() const { return m_database; }

    Result<void> createMerchant(const QString &merchantId, const QString &name, qint64 now);
    // The merchant's name, or nullopt when there is no such merchant.
    Result<std::optional<QString>> merchantName(const QString &merchantId);
    // Refuses a reserved login id and one that another user has in any case (`Admin` when
    // `admin` exists), checked under the write lock so that two creations cannot both pass.
    Result<void> createUser(const NewUser &user, qint64 now);
    Result<std::optional<UserRecord>> findUser(const QString &loginId);

    Result<void> addCertificate(const QString &loginId, const IssuedCertificate &certificate, qint64 now);
    // The login id a valid (not revoked) certificate belongs to, if any.
    Result<std::optional<QString>> certificateOwner(const QString &fingerprint);
    enum class CertificateStanding {
        Valid,     // issued by this gateway, not revoked
        Revoked,
        NotIssued, // no row: this gateway never issued it
    };
    Result<CertificateStanding> certificateStanding(const QString &fingerprint);

    // Counts a wrong password; at lockAfter failures the account is locked until lockedUntil.
    // Returns true when this failure locked the account.
    Result<bool> recordFailedLogin(const QString &loginId, int lockAfter, qint64 lockedUntil);
    // A successful login: the failed logins forgotten, the time kept as the user's last login.
    Result<void> recordLogin(const QString &loginId, qint64 at);
    // The user's own new password: stored with the reset flag cleared and the failed logins
    // forgotten, and every other session of the user ended (keepSession: the token hash of the
    // one that changed it), in one transaction.
    Result<void> changePassword(const QString &loginId, const QString &passwordHash, const QString &keepSession);

    Result<void> createSession(const QString &tokenHash, const SessionRecord &session);
    Result<std::optional<SessionRecord>> findSession(const QString &tokenHash);
    Result<void> touchSession(const QString &tokenHash, qint64 now);
    Result<void> deleteSession(const QString &tokenHash);
    Result<void> deleteSessionsOf(const QString &loginId);

    Result<void> audit(const AuditEntry &entry);

    Result<std::optional<QString>> setting(const QString &name);
    Result<void> setSetting(const QString &name, const QString &value);

private:
    const Database &m_database;
};

} // namespace kessai::gateway
