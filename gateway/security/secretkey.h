#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QString>

namespace kessai::gateway {

// A gateway-wide secret in a file of the data directory (mode 0600), made on first use: the
// key of the digests that stand in for card numbers in idempotency request hashes. It lives
// beside the database, not in it, so a copy of the database alone cannot test guesses.
Result<QByteArray> loadOrCreateSecretKey(const QString &path);

} // namespace kessai::gateway
