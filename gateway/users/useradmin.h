#pragma once

#include "ca/certificateauthority.h"
#include "common/apierror.h"
#include "common/clock.h"
#include "http/caller.h"
#include "http/requestorigin.h"
#include "sessions/accountstore.h"
#include "users/adminstore.h"

#include <QJsonObject>
#include <QLoggingCategory>
#include <QMultiMap>

#include <mutex>
#include <optional>

Q_DECLARE_LOGGING_CATEGORY(lcGatewayAdmin)

namespace kessai::gateway {


// User, certificate and audit administration of one merchant, independent of HTTP: validation,
// the self-lockout rules, certificate issuing and the audit trail of every admin action.
// Callers check manage_users first (requirePermission); every method is merchant-scoped.
class UserAdmin
{
public:

    UserAdmin(AccountStore &accounts,
              AdminStore &admin,
              const Clock &clock,
              std::optional<CertificateAuthority> authority);

    // Deny by default: the user must hold the permission; a refusal is audited as `action`.
    std::optional<ApiError> requirePermission(const Caller &actor,
                                              const RequestOrigin &origin,
                                              const QString &permission,
                                              const QString &action);

    ApiResult<QList<ManagedUser>> list(const Caller &actor);
    ApiResult<ManagedUser> create(const Caller &actor, const RequestOrigin &origin, const QJsonObject &body);
    ApiResult<ManagedUser> update(const Caller &actor,
                                  const RequestOrigin &origin,
                                  const QString &loginId,
                                  const QJsonObject &body);
    ApiResult<ManagedUser> unlock(const Caller &actor, const RequestOrigin &origin, const QString &loginId);
    // A generated password (shown once, to the admin) that the user must change at its next
    // login; clears the lockout and ends the user's sessions. Not for oneself (422 self_lockout:
    // change your own with the current password).
    ApiResult<QString> resetPassword(const Caller &actor, const RequestOrigin &origin, const QString &loginId);
    ApiResult<IssuedCertificate> issueCertificate(const Caller &actor,
                                                  const RequestOrigin &origin,
                                                  const QString &loginId);
    ApiResult<ManagedUser> revokeCertificate(const Caller &actor,
                                             const RequestOrigin &origin,
                                             const QString &loginId);

    static bool isValidLoginId(const QString &loginId) { return AccountStore::isValidLoginId(loginId); }

private:
    void audit(const Caller &actor,
               const RequestOrigin &origin,
               const QString &action,
               const QString &target,
               const QString &result,
               const QString &detail = {});
    // The target user of this merchant, or 404 (audited: it may be another merchant's).
    ApiResult<ManagedUser> target(const Caller &actor,
                                  const RequestOrigin &origin,
                                  const QString &loginId,
                                  const QString &action);

    AccountStore &m_accounts;
    AdminStore &m_admin;
    const Clock &m_clock;
    std::optional<CertificateAuthority> m_authority;
    std::mutex m_issueMutex;
};

} // namespace kessai::gateway
