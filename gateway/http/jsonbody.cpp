#include "http/jsonbody.h"

#include <QChar>
#include <QJsonDocument>
#include <QJsonParseError>

namespace kessai::gateway {

namespace {

// The code unit of the \uXXXX escape at json[at] (at points at the backslash), or -1.
int escapedUnit(const QByteArray &json, qsizetype at)
{
    if (at + 6 > json.size() || json.at(at) != '\\' || json.at(at + 1) != 'u')
        return -1;
    bool ok = false;
    const int unit = json.mid(at + 2, 4).toInt(&ok, 16);
    return ok ? unit : -1;
}

} // namespace

bool surrogateEscapesArePaired(const QByteArray &json)
{
    for (qsizetype i = 0; i < json.size(); ++i) {
        if (json.at(i) != '\\')
            continue;
        const int unit = escapedUnit(json, i);
        if (unit < 0) {
            ++i; // an escaped character ("\\", "\""): never the start of another escape
            continue;
        }
        if (QChar::isLowSurrogate(char16_t(unit)))
            return false;
        if (QChar::isHighSurrogate(char16_t(unit))) {
            const int next = escapedUnit(json, i + 6);
            if (next < 0 || !QChar::isLowSurrogate(char16_t(next)))
                return false;
            i += 6;
        }
        i += 5;
    }
    return true;
}

std::optional<QJsonObject> jsonObjectOf(const QByteArray &body)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject() || !surrogateEscapesArePaired(body))
        return std::nullopt;
    return document.object();
}

} // namespace kessai::gateway
