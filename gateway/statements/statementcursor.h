#pragma once

#include <QString>

#include <optional>

namespace kessai::gateway {

// The keyset cursors of GET /v1/statements and GET /v1/statements/{id}/lines: opaque to clients,
// base64url of "p:<period start>" or "l:<line id>". A cursor of one list is refused by the other.
namespace StatementCursor {

enum class Kind : char { Statements = 'p', Lines = 'l' };

QString encode(Kind kind, qint64 key);
// The key, or nothing for text that is not a cursor of this kind written by encode().
std::optional<qint64> decode(Kind kind, const QString &text);

} // namespace StatementCursor

} // namespace kessai::gateway
