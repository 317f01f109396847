#include "jsondom.h"

#include "domain/jsonwriter.h"

#include <QByteArray>

#include <cstring>

namespace kessai::jsondom {

namespace {

struct ThreadState
{
    simdjson::dom::parser parser;
    QByteArray buffer;
};

ThreadState &threadState()
{
    thread_local ThreadState state;
    return state;
}

} // namespace

simdjson::error_code parse(QByteArrayView json, element *root)
{
    // The bytes of a network reply carry no padding: a copy that does, into a kept buffer.
    ThreadState &state = threadState();
    const qsizetype needed = json.size() + qsizetype(simdjson::SIMDJSON_PADDING);
    if (state.buffer.size() < needed)
        state.buffer.resize(needed);
    if (!json.isEmpty())
        std::memcpy(state.buffer.data(), json.data(), size_t(json.size()));
    std::memset(state.buffer.data() + json.size(), 0, simdjson::SIMDJSON_PADDING);
    return state.parser.parse(state.buffer.constData(), size_t(json.size()), false).get(*root);
}

bool readUtf8(element value, std::string_view *text)
{
    return !value.get_string().get(*text);
}

bool readString(element value, QString *text)
{
    std::string_view utf8;
    if (value.get_string().get(utf8))
        return false;
    *text = QString::fromUtf8(viewOf(utf8));
    return true;
}

bool readInteger(element value, qint64 *number)
{
    int64_t read = 0;
    if (value.get_int64().get(read))
        return false;
    *number = read;
    return true;
}

bool readTimeOrNull(element value, qint64 *seconds)
{
    *seconds = 0;
    if (value.is_null())
        return true;
    std::string_view text;
    return readUtf8(value, &text) && parseWireSeconds(viewOf(text), seconds);
}

bool readIdOrNull(element value, qint64 *id)
{
    *id = 0;
    if (value.is_null())
        return true;
    std::string_view text;
    bool number = false;
    if (!readUtf8(value, &text))
        return false;
    *id = viewOf(text).toLongLong(&number);
    return number && *id > 0;
}

QString errorText(simdjson::error_code error)
{
    return QString::fromLatin1(simdjson::error_message(error));
}

} // namespace kessai::jsondom
