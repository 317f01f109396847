#pragma once

#include <QJsonValue>
#include <QString>

#include <optional>

namespace kessai::gateway {

// How times cross the Merchant API (docs/api.md): ISO 8601 UTC with a Z, second precision.
QString wireTime(qint64 utcSeconds);
// The same, or null for 0 and earlier ("not set").
QJsonValue wireTimeOrNull(qint64 utcSeconds);

// A time in a query parameter: ISO 8601 UTC with a Z, or a plain date meaning 00:00 JST of
// that day (as the console's date filters send it). Nothing before 1970.
std::optional<qint64> parseQueryTime(const QString &text);

} // namespace kessai::gateway
