#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QString>

namespace kessai::gateway {

// PBKDF2-HMAC-SHA256 password hashes in a self-describing form:
// pbkdf2-sha256$<iterations>$<base64 salt>$<base64 hash>
class PasswordHasher
{
public:
    static constexpr int DefaultIterations = 600000;
    static constexpr int MinimumLength = 12;

    // Empty when the password is acceptable, else why not (English, for the operator).
    static QString policyViolation(const QString &password);
    // A random password that meets the policy, for an account an operator creates: four groups
    // of five from 57 letters and digits that cannot be mistaken for one another (no 0/O, 1/l/I),
    // about 116 bits, e.g. "Hq7xe-3LmwT-p9Kda-Zr4bN".
    static QString generate();
    static Result<QString> hash(const QString &password, int iterations = DefaultIterations);
    // False for a wrong password and for a malformed stored hash.
    static bool verify(const QString &password, const QString &stored);
    // Spends the same time as a real verification so unknown login ids are not revealed by timing.
    static void burnVerification(const QString &password);
};

} // namespace kessai::gateway
