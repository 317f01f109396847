#include "passwordhasher.h"

#include "crypto.h"

#include <QStringList>

#include <openssl/evp.h>

namespace kessai::gateway {

namespace {

constexpr int SaltBytes = 16;
constexpr int HashBytes = 32;
constexpr int MaxIterations = 10000000;

bool derive(const QByteArray &password, const QByteArray &salt, int iterations, QByteArray *out)
{
    out->resize(HashBytes);
    return PKCS5_PBKDF2_HMAC(password.constData(),
                             static_cast<int>(password.size()),
                             reinterpret_cast<const unsigned char *>(salt.constData()),
                             static_cast<int>(salt.size()),
                             iterations,
                             EVP_sha256(),
                             HashBytes,
                             reinterpret_cast<unsigned char *>(out->data()))
           == 1;
}

} // namespace

QString PasswordHasher::policyViolation(const QString &password)
{
    if (password.size() < MinimumLength)
        return QStringLiteral("a password needs at least %1 characters").arg(MinimumLength);
    bool letter = false;
    bool digit = false;
    for (const QChar ch : password) {
        letter = letter || ch.isLetter();
        digit = digit || ch.isDigit();
    }
    if (!letter || !digit)
        return QStringLiteral("a password needs letters and digits");
    return {};
}

QString PasswordHasher::generate()
{
    static const QLatin1String alphabet("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789");
    constexpr int Groups = 4;
    constexpr int GroupLength = 5;
    // Bytes at or above the largest multiple of the alphabet's size are dropped, so that every
    // character is equally likely.
    const int limit = 256 - 256 % int(alphabet.size());
    for (;;) {
        QString password;
        while (password.size() < Groups * (GroupLength + 1) - 1) {
            for (const char byte : crypto::randomBytes(32)) {
                const int value = static_cast<unsigned char>(byte);
                if (value >= limit)
                    continue;
                if (password.size() % (GroupLength + 1) == GroupLength)
                    password.append(u'-');
                password.append(alphabet.at(value % alphabet.size()));
                if (password.size() == Groups * (GroupLength + 1) - 1)
                    break;
            }
        }
        // About one in twenty has no digit: draw again rather than bend the distribution.
        if (policyViolation(password).isEmpty())
            return password;
    }
}

Result<QString> PasswordHasher::hash(const QString &password, int iterations)
{
    if (iterations < 1 || iterations > MaxIterations)
        return makeError(QStringLiteral("invalid PBKDF2 iteration count"));
    const QByteArray salt = crypto::randomBytes(SaltBytes);
    QByteArray derived;
    if (!derive(password.toUtf8(), salt, iterations, &derived))
        return makeError(QStringLiteral("PBKDF2 failed"));
    return QStringLiteral("pbkdf2-sha256$%1$%2$%3")
        .arg(iterations)
        .arg(QString::fromLatin1(salt.toBase64()), QString::fromLatin1(derived.toBase64()));
}

bool PasswordHasher::verify(const QString &password, const QString &stored)
{
    const QStringList parts = stored.split(u'$');
    if (parts.size() != 4 || parts.at(0) != QLatin1String("pbkdf2-sha256"))
        return false;
    bool ok = false;
    const int iterations = parts.at(1).toInt(&ok);
    if (!ok || iterations < 1 || iterations > MaxIterations)
        return false;
    const auto salt = QByteArray::fromBase64Encoding(parts.at(2).toLatin1(),
                                                     QByteArray::AbortOnBase64DecodingErrors);
    const auto expected = QByteArray::fromBase64Encoding(parts.at(3).toLatin1(),
                                                         QByteArray::AbortOnBase64DecodingErrors);
    if (!salt || !expected || salt.decoded.isEmpty() || expected.decoded.size() != HashBytes)
        return false;
    QByteArray derived;
    if (!derive(password.toUtf8(), *salt, iterations, &derived))
        return false;
    return crypto::constantTimeEquals(derived, *expected);
}

void PasswordHasher::burnVerification(const QString &password)
{
    QByteArray derived;
    derive(password.toUtf8(), QByteArray(SaltBytes, '\0'), DefaultIterations, &derived);
}

} // namespace kessai::gateway
