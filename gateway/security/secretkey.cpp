#include "secretkey.h"

#include "security/crypto.h"
#include "security/privatefile.h"

#include <QFile>

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
    // Mode 0600 from its creation on (O_EXCL: a file that appeared meanwhile is not replaced).
    if (auto created = PrivateFile::create(path, key); !created)
        return makeError(created.error());
    return key;
}

} // namespace kessai::gateway
