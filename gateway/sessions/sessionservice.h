#pragma once

#include "common/apierror.h"
#include "common/clock.h"
#include "http/caller.h"
#include "http/requestorigin.h"
#include "sessions/accountstore.h"

#include <QHash>
#include <QString>

#include <mutex>

namespace kessai::gateway {

struct LoginResult
{
    QString token; // handed out once; only its SHA-256 is stored
    qint64 expiresAt = 0;
    UserRecord user;
};

struct AuthenticatedUser
{
    UserRecord user;
    QString tokenHash;
};

// What the features see of a signed-in user (sessionId: the token hash, for logout).
Caller callerOf(const UserRecord &user, const QString &sessionId = {});
inline Caller callerOf(const AuthenticatedUser &user)
{
    return callerOf(user.user, user.tokenHash);
}

// Login, token authentication and logout: the gateway's session rules (certificate binding,
// lockout, idle and absolute timeouts) in one place, independent of HTTP.
class SessionService
{
public:
    static constexpr qint64 IdleTimeoutSeconds = 15 * 60;
    static constexpr qint64 AbsoluteTimeoutSeconds = 12 * 60 * 60;
    static constexpr qint64 LockSeconds = 30 * 60;
    static constexpr int MaxFailedLogins = 5;
    // last_seen is written at most this often: an idle timeout may end up to this much early,
    // and a busy console does not cost one synchronous write per request.
    static constexpr qint64 TouchGranularitySeconds = 15;
    // Logins naming another user than the certificate's: each costs a password hash, so one
    // certificate gets this many per window; the first of a window is audited, the rest are
    // counted in the request log only, and past the limit the answer is 429 until it ends.
    static constexpr int MismatchesPerWindow = 5;
    static constexpr qint64 MismatchWindowSeconds = 60;

    SessionService(AccountStore &accounts, const Clock &clock);

    ApiResult<LoginResult> login(const QString &loginId, const QString &password, const RequestOrigin &origin);
    ApiResult<AuthenticatedUser> authenticate(const QString &token, const RequestOrigin &origin);
    ApiResult<bool> logout(const Caller &caller, const RequestOrigin &origin);
    // The signed-in user's own password: the current one must be right (a wrong one counts like
    // a failed login; the failure that locks the account also ends its sessions), the new one
    // meet the policy and differ. Ends the user's other sessions; clears a reset's flag.
    ApiResult<bool> changePassword(const Caller &caller,
                                   const QString &currentPassword,
                                   const QString &newPassword,
                                   const RequestOrigin &origin);

    static QString hashToken(const QString &token);

private:
    void audit(const QString &action,
               const QString &loginId,
               const QString &merchantId,
               const QString &result,
               const RequestOrigin &origin,
               const QString &target = {}); // default: the login id

    struct MismatchWindow
    {
        qint64 start = 0;
        int count = 0;
    };
    // Counts a mismatched login of this certificate; its window after counting.
    MismatchWindow countMismatch(const QString &fingerprint, qint64 now);

    AccountStore &m_accounts;
    const Clock &m_clock;
    std::mutex m_mismatchMutex;
    QHash<QString, MismatchWindow> m_mismatches;
};

} // namespace kessai::gateway
