#pragma once

#include <QString>

#include <optional>
#include <utility>

namespace kessai::gateway {

// The keyset cursor of GET /v1/audit: opaque to clients, base64url of "<at>:<id>" of the last
// entry shown; the next page holds the entries strictly older than that one.
namespace AuditCursor {

QString encode(qint64 at, qint64 id);
// (at, id), or nothing for text that is not such a cursor (negative numbers included).
std::optional<std::pair<qint64, qint64>> decode(const QString &text);

} // namespace AuditCursor

} // namespace kessai::gateway
