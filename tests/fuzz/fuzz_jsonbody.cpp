// The JSON body of every gateway route (http/jsonbody, jsonObjectOf): whatever a client sends,
// what it yields is one JSON object whose every string has a UTF-8 form — what the gateway
// stores is what was sent, never a character Qt made up from half a surrogate pair — and that
// object written out and read again is the same object.

#include "fuzzcheck.h"

#include "http/jsonbody.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>

#include <cstdint>

using namespace kessai::gateway;

namespace {

bool wholeStrings(const QJsonValue &value, int depth = 0)
{
    if (depth > 1100)
        return true; // Qt's own nesting limit is far below
    if (value.isString()) {
        const QString text = value.toString();
        return QString::fromUtf8(text.toUtf8()) == text;
    }
    if (value.isArray()) {
        for (const QJsonValue &element : value.toArray()) {
            if (!wholeStrings(element, depth + 1))
                return false;
        }
    }
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            const QString key = it.key();
            if (QString::fromUtf8(key.toUtf8()) != key || !wholeStrings(it.value(), depth + 1))
                return false;
        }
    }
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body(reinterpret_cast<const char *>(data), qsizetype(size));
    (void)surrogateEscapesArePaired(body); // must not read past the end, whatever the input
    const std::optional<QJsonObject> object = jsonObjectOf(body);
    if (!object)
        return 0;
    KESSAI_FUZZ_CHECK(wholeStrings(QJsonValue(*object)));
    const QByteArray written = QJsonDocument(*object).toJson(QJsonDocument::Compact);
    const std::optional<QJsonObject> again = jsonObjectOf(written);
    KESSAI_FUZZ_CHECK(again.has_value());
    KESSAI_FUZZ_CHECK(*again == *object);
    return 0;
}
