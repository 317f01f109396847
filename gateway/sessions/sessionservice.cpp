#include "sessionservice.h"

#include "db/database.h"
#include "security/crypto.h"
#include "security/passwordhasher.h"

#include <algorithm>

namespace kessai::gateway {

namespace {

ApiError invalidCredentials()
{
    return {ErrorKind::Unauthenticated, QStringLiteral("invalid_credentials"), QStringLiteral("Login ID or password is wrong.")};
}

} // namespace

SessionService::SessionService(AccountStore &accounts, const Clock &clock)
    : m_accounts(accounts)
    , m_clock(clock)
{}

QString SessionService::hashToken(const QString &token)
{
    return QString::fromLatin1(crypto::sha256(token.toUtf8()).toHex());
}

void SessionService::audit(const QString &action,
                           const QString &loginId,
                           const QString &merchantId,
                           const QString &result,
                           const RequestOrigin &origin,
                           const QString &target)
{
    AuditEntry entry;
    entry.at = m_clock.now();
    entry.loginId = loginId;
    entry.merchantId = merchantId;
    entry.action = action;
    entry.target = target.isEmpty() ? loginId : target;
    entry.result = result;
    entry.origin = origin.address;
    entry.requestId = origin.requestId;
    if (auto written = m_accounts.audit(entry); !written)
        qCCritical(lcGatewayDb).noquote() << "audit entry lost:" << action << result << written.error();
}

SessionService::MismatchWindow SessionService::countMismatch(const QString &fingerprint, qint64 now)
{
    std::lock_guard lock(m_mismatchMutex);
    // Only certificates this gateway issued get here, so the table stays small; windows that
    // have ended are dropped now and then all the same.
    if (m_mismatches.size() > 10000) {
        for (auto it = m_mismatches.begin(); it != m_mismatches.end();)
            it = now - it->start >= MismatchWindowSeconds ? m_mismatches.erase(it) : std::next(it);
    }
    MismatchWindow &window = m_mismatches[fingerprint];
    if (window.count == 0 || now - window.start >= MismatchWindowSeconds)
        window = MismatchWindow{now, 0};
    ++window.count;
    return window;
}

ApiResult<LoginResult> SessionService::login(const QString &loginId,
                                             const QString &password,
                                             const RequestOrigin &origin)
{
    const qint64 now = m_clock.now();
    auto found = m_accounts.findUser(loginId);
    if (!found)
        return ApiError::internal();

    // The certificate names the one user who may log in on this connection (1 user = 1
    // certificate), so it is checked first, before anything about the login ID is looked at:
    // any other ID, existing or not, locked or not, gets the same answer, so a certificate
    // holder can neither enumerate login IDs nor probe or run down another account's lockout.
    auto owner = m_accounts.certificateOwner(origin.certificateFingerprint);
    if (!owner)
        return ApiError::internal();
    if (!owner.value() || *owner.value() != loginId) {
        const MismatchWindow window = countMismatch(origin.certificateFingerprint, now);
        if (window.count > MismatchesPerWindow) {
            ApiError limited{ErrorKind::TooManyRequests,
                             QStringLiteral("too_many_attempts"),
                             QStringLiteral("Too many logins with a certificate that belongs to another login ID; wait a minute.")};
            limited.retryAfterSeconds = std::max<qint64>(1, window.start + MismatchWindowSeconds - now);
            return limited;
        }
        PasswordHasher::burnVerification(password);
        // Filed with the certificate holder's merchant: whoever holds a certificate of merchant
        // A cannot fill merchant B's audit log by naming B's users.
        QString holderMerchant;
        if (owner.value()) {
            auto holder = m_accounts.findUser(*owner.value());
            if (holder && holder.value())
                holderMerchant = holder.value()->merchantId;
        }
        // Under the certificate's owner, who really acted; the login id typed is the target.
        if (window.count == 1)
            audit(QStringLiteral("login"), owner.value().value_or(loginId), holderMerchant,
                  QStringLiteral("certificate_mismatch"), origin, QStringLiteral("typed:") + loginId);
        return ApiError{ErrorKind::Forbidden,
                        QStringLiteral("certificate_mismatch"),
                        QStringLiteral("The client certificate does not belong to this login ID.")};
    }
    if (!found.value() || !found.value()->enabled) {
        PasswordHasher::burnVerification(password);
        // A disabled user's attempts belong in its merchant's log; the client cannot tell them
        // from a wrong password.
        const bool disabled = found.value().has_value();
        audit(QStringLiteral("login"),
              loginId,
              disabled ? found.value()->merchantId : QString(),
              disabled ? QStringLiteral("user_disabled") : QStringLiteral("invalid_credentials"),
              origin);
        return invalidCredentials();
    }
    const UserRecord &user = *found.value();

    if (user.lockedUntil > now) {
        audit(QStringLiteral("login"), loginId, user.merchantId, QStringLiteral("account_locked"), origin);
        ApiError locked{ErrorKind::Locked, QStringLiteral("account_locked"),
                        QStringLiteral("Too many failed logins; the account is locked for %1 more minute(s).")
                            .arg((user.lockedUntil - now + 59) / 60)};
        locked.retryAfterSeconds = user.lockedUntil - now;
        return locked;
    }

    if (!PasswordHasher::verify(password, user.passwordHash)) {
        auto locked = m_accounts.recordFailedLogin(user.loginId, MaxFailedLogins, now + LockSeconds);
        if (!locked)
            return ApiError::internal();
        audit(QStringLiteral("login"),
              loginId,
              user.merchantId,
              locked.value() ? QStringLiteral("invalid_credentials_locked") : QStringLiteral("invalid_credentials"),
              origin);
        return invalidCredentials();
    }

    if (auto recorded = m_accounts.recordLogin(user.loginId, now); !recorded)
        return ApiError::internal();

    LoginResult result;
    result.token = QString::fromLatin1(crypto::toBase64Url(crypto::randomBytes(32)));
    result.expiresAt = now + AbsoluteTimeoutSeconds;
    result.user = user;
    SessionRecord session;
    session.loginId = user.loginId;
    session.certificateFingerprint = origin.certificateFingerprint;
    session.createdAt = now;
    session.lastSeen = now;
    session.expiresAt = result.expiresAt;
    if (auto created = m_accounts.createSession(hashToken(result.token), session); !created)
        return ApiError::internal();
    audit(QStringLiteral("login"), loginId, user.merchantId, QStringLiteral("ok"), origin);
    return result;
}

ApiResult<AuthenticatedUser> SessionService::authenticate(const QString &token, const RequestOrigin &origin)
{
    if (token.isEmpty())
        return ApiError::unauthenticated(QStringLiteral("An Authorization: Bearer token is required."));
    const QString tokenHash = hashToken(token);
    auto found = m_accounts.findSession(tokenHash);
    if (!found)
        return ApiError::internal();
    // A token presented on a connection with another certificate is treated as unknown.
    if (!found.value() || found.value()->certificateFingerprint != origin.certificateFingerprint)
        return ApiError::unauthenticated(QStringLiteral("The session token is not valid."));
    const SessionRecord &session = *found.value();

    const qint64 now = m_clock.now();
    if (now >= session.expiresAt || now - session.lastSeen >= IdleTimeoutSeconds) {
        if (auto removed = m_accounts.deleteSession(tokenHash); !removed)
            return ApiError::internal();
        return ApiError{ErrorKind::Unauthenticated, QStringLiteral("session_expired"), QStringLiteral("The session has expired; log in again.")};
    }

    auto user = m_accounts.findUser(session.loginId);
    if (!user)
        return ApiError::internal();
    if (!user.value() || !user.value()->enabled) {
        if (auto removed = m_accounts.deleteSession(tokenHash); !removed)
            return ApiError::internal();
        return ApiError::unauthenticated(QStringLiteral("The session token is not valid."));
    }
    if (now - session.lastSeen >= TouchGranularitySeconds) {
        if (auto touched = m_accounts.touchSession(tokenHash, now); !touched)
            return ApiError::internal();
    }
    return AuthenticatedUser{std::move(*user.value()), tokenHash};
}

ApiResult<bool> SessionService::logout(const Caller &caller, const RequestOrigin &origin)
{
    if (auto removed = m_accounts.deleteSession(caller.sessionId); !removed)
        return ApiError::internal();
    audit(QStringLiteral("logout"), caller.loginId, caller.merchantId, QStringLiteral("ok"), origin);
    return true;
}

ApiResult<bool> SessionService::changePassword(const Caller &caller,
                                              const QString &currentPassword,
                                              const QString &newPassword,
                                              const RequestOrigin &origin)
{
    const QString action = QStringLiteral("password_change");
    const qint64 now = m_clock.now();
    auto found = m_accounts.findUser(caller.loginId);
    if (!found)
        return ApiError::internal();
    if (!found.value())
        return ApiError::unauthenticated(QStringLiteral("The session token is not valid."));
    const UserRecord &user = *found.value();
    auto refuse = [&](const QString &result, ApiError error) {
        audit(action, user.loginId, user.merchantId, result, origin);
        return error;
    };
    if (user.lockedUntil > now) {
        ApiError locked{ErrorKind::Locked, QStringLiteral("account_locked"),
                        QStringLiteral("Too many wrong passwords; the account is locked for %1 more minute(s).")
                            .arg((user.lockedUntil - now + 59) / 60)};
        locked.retryAfterSeconds = user.lockedUntil - now;
        return refuse(locked.code, locked);
    }
    if (!PasswordHasher::verify(currentPassword, user.passwordHash)) {
        auto locked = m_accounts.recordFailedLogin(user.loginId, MaxFailedLogins, now + LockSeconds);
        if (!locked)
            return ApiError::internal();
        // Whoever is guessing at an unattended console loses it with the lock.
        if (locked.value()) {
            if (auto ended = m_accounts.deleteSessionsOf(user.loginId); !ended)
                return ApiError::internal();
        }
        return refuse(locked.value() ? QStringLiteral("wrong_password_locked") : QStringLiteral("wrong_password"),
                      {ErrorKind::Unprocessable, QStringLiteral("wrong_password"), QStringLiteral("The current password is wrong.")});
    }
    if (const QString why = PasswordHasher::policyViolation(newPassword); !why.isEmpty())
        return refuse(QStringLiteral("weak_password"), {ErrorKind::BadRequest, QStringLiteral("weak_password"), why});
    if (newPassword == currentPassword)
        return refuse(QStringLiteral("weak_password"),
                      {ErrorKind::BadRequest, QStringLiteral("weak_password"),
                       QStringLiteral("The new password must differ from the current one.")});
    auto hash = PasswordHasher::hash(newPassword);
    if (!hash)
        return ApiError::internal();
    if (auto changed = m_accounts.changePassword(user.loginId, hash.value(), caller.sessionId); !changed) {
        qCWarning(lcGatewayDb).noquote() << "password change failed:" << changed.error();
        return ApiError::internal();
    }
    audit(action, user.loginId, user.merchantId, QStringLiteral("ok"), origin);
    return true;
}

Caller callerOf(const UserRecord &user, const QString &sessionId)
{
    return Caller{user.loginId, user.merchantId,  user.merchantName,          user.name,
                  user.role,    user.permissions, sessionId, user.mustChangePassword};
}

} // namespace kessai::gateway
