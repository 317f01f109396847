#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QStringView>

namespace kessai {

// A small streaming JSON writer for the hot paths (a page of 1,000 payments): appends compact
// UTF-8 straight into one buffer, where building a QJsonObject per row and serialising the
// document cost most of the time of a search answer.
class JsonWriter
{
public:
    explicit JsonWriter(QByteArray *out);

    JsonWriter &beginObject();
    JsonWriter &endObject();
    JsonWriter &beginArray();
    JsonWriter &endArray();
    // The name of the next member of the current object.
    JsonWriter &key(QLatin1StringView name);

    JsonWriter &value(QStringView text);
    JsonWriter &value(QLatin1StringView text);
    // A string already in UTF-8 (as a database hands it over), escaped as value() escapes.
    JsonWriter &utf8Value(QByteArrayView utf8);
    // A number written as a JSON string ("123"), as the API writes 64-bit ids.
    JsonWriter &numberText(qint64 number);
    JsonWriter &value(qint64 number);
    JsonWriter &value(int number) { return value(qint64(number)); }
    JsonWriter &value(bool flag);
    JsonWriter &null();
    // Seconds since the epoch as the wire's ISO 8601 UTC text ("2026-11-23T01:02:03Z").
    JsonWriter &wireTime(qint64 secondsSinceEpoch);

    // key + value, skipped when the text is empty.
    JsonWriter &optional(QLatin1StringView name, QStringView text);

private:
    void separate();

    QByteArray *m_out;
    QList<bool> m_first; // per open container: nothing written in it yet
    bool m_afterKey = false;
};

// "2026-11-23T01:02:03Z" for seconds since the epoch, without QDateTime.
void appendWireTime(QByteArray *out, qint64 secondsSinceEpoch);
// Reads the canonical wire form fast; anything else (offsets, fractions) through QDateTime.
// Returns false for text that is no time.
bool parseWireSeconds(QStringView text, qint64 *secondsSinceEpoch);
bool parseWireSeconds(QByteArrayView utf8, qint64 *secondsSinceEpoch);

} // namespace kessai
