#pragma once

#include "common/result.h"
#include "db/database.h"
#include "users/manageduser.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace kessai::gateway {

struct IssuedCertificate;

// User administration of one merchant. Every read and write is scoped by
// merchant id in SQL, so a login id of another merchant is simply not found.
class AdminStore
{
public:
    explicit AdminStore(const Database &database);

    Result<QList<ManagedUser>> listUsers(const QString &merchantId);
    Result<std::optional<ManagedUser>> findUser(const QString &merchantId, const QString &loginId);
    // Whether the login id is taken by any merchant, in any case (`Admin` when `admin` exists):
    // login ids are global (certificate CN) and must not be told apart by case alone.
    Result<bool> loginIdExists(const QString &loginId);

    // Applies the change in one transaction; disabling a user also ends its sessions.
    Result<void> updateUser(const QString &merchantId, const QString &loginId, const UserChange &change);
    Result<void> unlock(const QString &merchantId, const QString &loginId);
    // Stores a new password that its user must change at the next login, clears the lockout and
    // ends every session of the user, in one transaction.
    Result<void> resetPassword(const QString &merchantId, const QString &loginId, const QString &passwordHash);
    // Revokes every active certificate of the user, ends the sessions bound to them and stores
    // the new one, atomically. Returns the fingerprints revoked.
    Result<QStringList> replaceCertificate(const QString &merchantId,
                                           const QString &loginId,
                                           const IssuedCertificate &certificate,
                                           qint64 now);
    // Revokes every active certificate and ends the sessions bound to them; returns the
    // fingerprints revoked (empty: there was none).
    Result<QStringList> revokeCertificates(const QString &merchantId, const QString &loginId, qint64 now);

private:
    Result<QStringList> revokeActive(const QSqlDatabase &db, const QString &loginId, qint64 now);

    const Database &m_database;
};

} // namespace kessai::gateway
