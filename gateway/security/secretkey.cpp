#include "secretkey.h"

#include "security/crypto.h"

#include <QFile>
#include <QSaveFile>

namespace kessai::gateway {

namespace {

constexpr int KeyBytes = 32;

} // namespace

Result<QByteArray> loadOrCreateSecretKey(const QString &path)
{
    QFile existing(path);
    if (existing.exists()) {
        if (!existing.open(QIODevice::ReadOnly))
            return makeError(QStringLiteral("cannot read %1: %2").arg(path, existing.errorString()));
        const QByteArray key = existing.readAll();
        if (key.size() != KeyBytes)
            return makeError(QStringLiteral("%1 is not a %2-byte key").arg(path).arg(KeyBytes));
        return key;
    }
    const QByteArray key = crypto::randomBytes(KeyBytes);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return makeError(QStringLiteral("cannot create %1: %2").arg(path, file.errorString()));
    // Owner-only before any byte of the key is written.
    if (!file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) || file.write(key) != KeyBytes
        || !file.commit())
        return makeError(QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    return key;
}

} // namespace kessai::gateway
