#include "jsonreader.h"

#include <limits>

namespace kessai {

namespace {

constexpr int MaxDepth = 128;

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

void appendUtf8(QByteArray *out, char32_t code)
{
    if (code < 0x80) {
        out->append(char(code));
    } else if (code < 0x800) {
        out->append(char(0xc0 | (code >> 6)));
        out->append(char(0x80 | (code & 0x3f)));
    } else if (code < 0x10000) {
        out->append(char(0xe0 | (code >> 12)));
        out->append(char(0x80 | ((code >> 6) & 0x3f)));
        out->append(char(0x80 | (code & 0x3f)));
    } else {
        out->append(char(0xf0 | (code >> 18)));
        out->append(char(0x80 | ((code >> 12) & 0x3f)));
        out->append(char(0x80 | ((code >> 6) & 0x3f)));
        out->append(char(0x80 | (code & 0x3f)));
    }
}

} // namespace

JsonReader::JsonReader(QByteArrayView text)
    : m_text(text)
{}

bool JsonReader::fail(const char *what)
{
    if (m_error.isEmpty())
        m_error = QStringLiteral("%1 at byte %2").arg(QLatin1StringView(what)).arg(m_pos);
    return false;
}

void JsonReader::skipSpace()
{
    while (m_pos < m_text.size()) {
        const char c = m_text[m_pos];
        if (c != ' ' && c != '\n' && c != '\r' && c != '\t')
            return;
        ++m_pos;
    }
}

bool JsonReader::expect(char c)
{
    if (hasError())
        return false;
    skipSpace();
    if (m_pos >= m_text.size() || m_text[m_pos] != c)
        return fail(c == ':' ? "expected ':'" : c == '{' ? "expected an object" : c == '[' ? "expected an array" : "unexpected text");
    ++m_pos;
    return true;
}

JsonReader::Type JsonReader::peek()
{
    if (hasError())
        return Type::Invalid;
    skipSpace();
    if (m_pos >= m_text.size())
        return Type::Invalid;
    switch (m_text[m_pos]) {
    case '{':
        return Type::Object;
    case '[':
        return Type::Array;
    case '"':
        return Type::String;
    case 't':
    case 'f':
        return Type::Bool;
    case 'n':
        return Type::Null;
    default:
        return m_text[m_pos] == '-' || (m_text[m_pos] >= '0' && m_text[m_pos] <= '9') ? Type::Number : Type::Invalid;
    }
}

bool JsonReader::beginObject()
{
    if (m_first.size() >= MaxDepth)
        return fail("nested too deeply");
    if (!expect('{'))
        return false;
    m_first.append(true);
    return true;
}

bool JsonReader::beginArray()
{
    if (m_first.size() >= MaxDepth)
        return fail("nested too deeply");
    if (!expect('['))
        return false;
    m_first.append(true);
    return true;
}

bool JsonReader::separator(char close)
{
    if (hasError())
        return false;
    if (m_first.isEmpty())
        return fail("not in an object or array");
    skipSpace();
    if (m_pos >= m_text.size())
        return fail("unexpected end");
    if (m_text[m_pos] == close) {
        ++m_pos;
        m_first.removeLast();
        return false;
    }
    if (m_first.last()) {
        m_first.last() = false;
        return true;
    }
    return expect(',');
}

bool JsonReader::nextKey(QByteArrayView *key)
{
    if (!separator('}'))
        return false;
    if (peek() != Type::String)
        return fail("expected a member name");
    return readStringBytes(key) && expect(':');
}

bool JsonReader::nextElement()
{
    return separator(']');
}

bool JsonReader::readStringBytes(QByteArrayView *utf8)
{
    // A failed read must not leave the caller a view of the previous string: m_buffer is
    // reused below, so that view may point at freed memory.
    *utf8 = QByteArrayView();
    if (hasError())
        return false;
    skipSpace();
    if (m_pos >= m_text.size() || m_text[m_pos] != '"')
        return fail("expected a string");
    const qsizetype start = ++m_pos;
    // The common case: no escapes, the bytes are the text.
    while (m_pos < m_text.size()) {
        const char c = m_text[m_pos];
        if (c == '"') {
            *utf8 = m_text.sliced(start, m_pos - start);
            ++m_pos;
            return true;
        }
        if (c == '\\')
            break;
        if (uchar(c) < 0x20)
            return fail("control character in a string");
        ++m_pos;
    }
    m_buffer.clear();
    m_buffer.append(m_text.sliced(start, m_pos - start));
    while (m_pos < m_text.size()) {
        const char c = m_text[m_pos++];
        if (c == '"') {
            *utf8 = QByteArrayView(m_buffer);
            return true;
        }
        if (uchar(c) < 0x20)
            return fail("control character in a string");
        if (c != '\\') {
            m_buffer.append(c);
            continue;
        }
        if (m_pos >= m_text.size())
            break;
        const char escaped = m_text[m_pos++];
        switch (escaped) {
        case '"':
        case '\\':
        case '/':
            m_buffer.append(escaped);
            break;
        case 'b':
            m_buffer.append('\b');
            break;
        case 'f':
            m_buffer.append('\f');
            break;
        case 'n':
            m_buffer.append('\n');
            break;
        case 'r':
            m_buffer.append('\r');
            break;
        case 't':
            m_buffer.append('\t');
            break;
        case 'u': {
            const auto unit = [this]() -> int {
                if (m_pos + 4 > m_text.size())
                    return -1;
                int value = 0;
                for (int i = 0; i < 4; ++i) {
                    const int digit = hexValue(m_text[m_pos + i]);
                    if (digit < 0)
                        return -1;
                    value = value * 16 + digit;
                }
                m_pos += 4;
                return value;
            };
            const int first = unit();
            if (first < 0)
                return fail("bad \\u escape");
            char32_t code = char32_t(first);
            if (first >= 0xd800 && first <= 0xdbff && m_pos + 1 < m_text.size() && m_text[m_pos] == '\\' && m_text[m_pos + 1] == 'u') {
                const qsizetype before = m_pos;
                m_pos += 2;
                const int second = unit();
                if (second >= 0xdc00 && second <= 0xdfff)
                    code = 0x10000 + ((char32_t(first) - 0xd800) << 10) + (char32_t(second) - 0xdc00);
                else
                    m_pos = before; // not a pair: the lone half becomes U+FFFD below
            }
            if (code >= 0xd800 && code <= 0xdfff)
                code = 0xfffd;
            appendUtf8(&m_buffer, code);
            break;
        }
        default:
            return fail("bad escape");
        }
    }
    return fail("unterminated string");
}

bool JsonReader::readUtf8(QByteArrayView *utf8)
{
    if (peek() != Type::String)
        return fail("expected a string");
    return readStringBytes(utf8);
}

bool JsonReader::readString(QString *text)
{
    QByteArrayView utf8;
    if (!readUtf8(&utf8))
        return false;
    *text = QString::fromUtf8(utf8);
    return true;
}

bool JsonReader::readInteger(qint64 *number)
{
    if (peek() != Type::Number)
        return fail("expected a number");
    const qsizetype start = m_pos;
    const bool negative = m_text[m_pos] == '-';
    if (negative)
        ++m_pos;
    const qsizetype digits = m_pos;
    // Accumulated as a negative number: its range reaches the minimum of qint64.
    qint64 value = 0;
    constexpr qint64 Min = std::numeric_limits<qint64>::min();
    while (m_pos < m_text.size() && m_text[m_pos] >= '0' && m_text[m_pos] <= '9') {
        const int digit = m_text[m_pos] - '0';
        if (value < (Min + digit) / 10)
            return fail("integer out of range");
        value = value * 10 - digit;
        ++m_pos;
    }
    if (m_pos == digits || (m_text[digits] == '0' && m_pos - digits > 1))
        return fail("malformed number");
    if (m_pos < m_text.size() && (m_text[m_pos] == '.' || m_text[m_pos] == 'e' || m_text[m_pos] == 'E')) {
        m_pos = start;
        return fail("expected an integer");
    }
    if (!negative && value == Min)
        return fail("integer out of range");
    *number = negative ? value : -value;
    return true;
}

bool JsonReader::readBool(bool *flag)
{
    if (peek() != Type::Bool)
        return fail("expected true or false");
    *flag = m_text[m_pos] == 't';
    return skipLiteral(*flag ? QByteArrayView("true") : QByteArrayView("false"));
}

bool JsonReader::skipNull()
{
    if (peek() != Type::Null)
        return false;
    return skipLiteral("null");
}

bool JsonReader::skipLiteral(QByteArrayView literal)
{
    if (m_text.sliced(m_pos).startsWith(literal)) {
        m_pos += literal.size();
        return true;
    }
    return fail("unknown literal");
}

bool JsonReader::skipNumber()
{
    const auto digits = [this] {
        const qsizetype start = m_pos;
        while (m_pos < m_text.size() && m_text[m_pos] >= '0' && m_text[m_pos] <= '9')
            ++m_pos;
        return m_pos > start;
    };
    if (m_text[m_pos] == '-')
        ++m_pos;
    if (!digits())
        return fail("malformed number");
    if (m_pos < m_text.size() && m_text[m_pos] == '.') {
        ++m_pos;
        if (!digits())
            return fail("malformed number");
    }
    if (m_pos < m_text.size() && (m_text[m_pos] == 'e' || m_text[m_pos] == 'E')) {
        ++m_pos;
        if (m_pos < m_text.size() && (m_text[m_pos] == '+' || m_text[m_pos] == '-'))
            ++m_pos;
        if (!digits())
            return fail("malformed number");
    }
    return true;
}

bool JsonReader::skipValue()
{
    return skipValue(int(m_first.size()));
}

bool JsonReader::skipValue(int depth)
{
    switch (peek()) {
    case Type::Null:
        return skipLiteral("null");
    case Type::Bool: {
        bool ignored = false;
        return readBool(&ignored);
    }
    case Type::Number:
        return skipNumber();
    case Type::String: {
        QByteArrayView ignored;
        return readStringBytes(&ignored);
    }
    case Type::Array:
        if (depth >= MaxDepth || !beginArray())
            return fail("nested too deeply");
        while (nextElement()) {
            if (!skipValue(depth + 1))
                return false;
        }
        return !hasError();
    case Type::Object: {
        if (depth >= MaxDepth || !beginObject())
            return fail("nested too deeply");
        QByteArrayView key;
        while (nextKey(&key)) {
            if (!skipValue(depth + 1))
                return false;
        }
        return !hasError();
    }
    case Type::Invalid:
        break;
    }
    return fail("expected a value");
}

bool JsonReader::atEnd()
{
    skipSpace();
    return !hasError() && m_pos == m_text.size() && m_first.isEmpty();
}

} // namespace kessai
