#pragma once

#include <QByteArray>
#include <QJsonObject>

#include <optional>

namespace kessai::gateway {

// A request body that is one JSON object, or nothing. Every route reads its JSON body through
// here. Besides what QJsonDocument refuses, a \u escape of half a surrogate pair is refused:
// Qt 6.4 reads "\ud800x" as U+10078, so the gateway would store another character than the one
// sent (a lone surrogate has no UTF-8 form to store it as).
std::optional<QJsonObject> jsonObjectOf(const QByteArray &body);

// Whether every \u escape of a surrogate in the JSON text is half of a well-formed pair.
bool surrogateEscapesArePaired(const QByteArray &json);

} // namespace kessai::gateway
