#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

namespace kessai {

// A pull reader of one JSON text (UTF-8, RFC 8259) for the hot paths that read big answers
// (a page of 1,000 payments) field by field. Building a QJsonDocument of such a page, and a
// QString per member looked up in it, cost most of the console's time per page; this reads
// the members the caller wants and skips the rest without allocating.
//
// After the first error every call fails and hasError() is true; a caller checks it (and
// atEnd()) once it has read what it wanted.
class JsonReader
{
public:
    enum class Type { Null, Bool, Number, String, Array, Object, Invalid };

    explicit JsonReader(QByteArrayView text);

    // The type of the next value (Invalid at the end of the text or after an error).
    Type peek();

    // '{' … '}': after beginObject(), nextKey() gives each member's name and leaves the reader
    // at its value, which the caller must read or skip; false (having consumed '}') at the end.
    bool beginObject();
    bool nextKey(QByteArrayView *key);
    // '[' … ']': nextElement() is true while another element follows (read or skip it).
    bool beginArray();
    bool nextElement();

    bool readString(QString *text);
    // The string's UTF-8 bytes, valid until the next call (escapes decoded into a buffer); empty
    // after a failed call.
    bool readUtf8(QByteArrayView *utf8);
    // An integer in the range of qint64 (no fraction, no exponent).
    bool readInteger(qint64 *number);
    bool readBool(bool *flag);
    // Consumes a null and returns true; returns false (consuming nothing) for any other value.
    bool skipNull();
    bool skipValue();

    // Whether only whitespace is left.
    bool atEnd();
    bool hasError() const { return !m_error.isEmpty(); }
    QString errorString() const { return m_error; }

private:
    bool fail(const char *what);
    void skipSpace();
    bool expect(char c);
    bool separator(char close); // before a member or element: ',' unless first; false at close
    bool readStringBytes(QByteArrayView *utf8);
    bool skipNumber();
    bool skipLiteral(QByteArrayView literal);
    bool skipValue(int depth);

    QByteArrayView m_text;
    qsizetype m_pos = 0;
    QList<bool> m_first; // per open container: no member or element read yet
    QByteArray m_buffer; // decoded strings with escapes
    QString m_error;
};

} // namespace kessai
