#pragma once

#include "common/result.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace kessai::gateway {

// A user as the administration sees it, with its certificate, and the changes it can take.

// The certificate a user holds now: the newest one issued, revoked or not.
struct CertificateSummary
{
    QString fingerprint;
    qint64 notAfter = 0;
    bool revoked = false;
};

// A user as an admin of its merchant sees it.
struct ManagedUser
{
    QString loginId;
    QString merchantId;
    QString name;
    QString role;
    QStringList permissions;       // effective
    QStringList storedPermissions; // as granted; differs from effective for admins
    bool enabled = true;
    qint64 lockedUntil = 0;
    bool mustChangePassword = false; // an admin reset the password; the user has not changed it
    qint64 lastLoginAt = 0;          // the last successful login; 0 = never
    std::optional<CertificateSummary> certificate;
};

struct UserChange
{
    std::optional<QString> name;
    std::optional<QString> role;
    std::optional<QStringList> permissions; // stored as given; an admin has all regardless
    std::optional<bool> enabled;
};

} // namespace kessai::gateway
