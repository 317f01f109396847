#pragma once

#include "common/result.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace kessai::gateway {

// Users and sessions as the accounts store keeps them.

struct UserRecord
{
    QString loginId;
    QString merchantId;
    QString merchantName;
    QString name;
    QString role; // admin | general
    QStringList permissions; // effective: an admin has all
    QString passwordHash;
    int failedLogins = 0;
    qint64 lockedUntil = 0; // UTC epoch seconds, 0 = not locked
    bool enabled = true;
    // An admin reset the password: nothing but changing it is allowed until the user does.
    bool mustChangePassword = false;
};

struct NewUser
{
    QString loginId;
    QString merchantId;
    QString name;
    QString role;
    QStringList permissions;
    QString passwordHash;
};

struct SessionRecord
{
    QString loginId;
    QString certificateFingerprint;
    qint64 createdAt = 0;
    qint64 lastSeen = 0;
    qint64 expiresAt = 0;
};

} // namespace kessai::gateway
