#pragma once

#include <QList>
#include <QString>

#include <string_view>
#include <utility>

namespace kessai::gateway {

// What the edge reads from a request target (the path and query of the request line), apart
// from Asio so that tests/fuzz can feed it any bytes.

// The path of a request target, percent-decoded once, without the query.
QString decodedPath(std::string_view target);
// The query string of a request target, decoded, in the order sent.
QList<std::pair<QString, QString>> targetQueryItems(std::string_view target);
// The path as it came on the wire (percent-encoding kept, so %0A stays text), control
// characters escaped: what the request log shows.
QString loggedPath(std::string_view target);

} // namespace kessai::gateway
