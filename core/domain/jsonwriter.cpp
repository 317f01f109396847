#include "jsonwriter.h"

#include <QDateTime>

#include <algorithm>
#include <optional>

namespace kessai {

namespace {

// Days since 1970-01-01 of a proleptic Gregorian date, and back (H. Hinnant's civil algorithms).
qint64 daysFromCivil(qint64 y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const qint64 era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = unsigned(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + qint64(doe) - 719468;
}

void civilFromDays(qint64 z, qint64 *year, unsigned *month, unsigned *day)
{
    z += 719468;
    const qint64 era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = unsigned(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    *day = doy - (153 * mp + 2) / 5 + 1;
    *month = mp < 10 ? mp + 3 : mp - 9;
    *year = qint64(yoe) + era * 400 + (*month <= 2);
}

void appendDigits(QByteArray *out, qint64 value, int width)
{
    char buffer[24];
    int n = 0;
    do {
        buffer[n++] = char('0' + value % 10);
        value /= 10;
    } while (value > 0 && n < 20);
    while (n < width)
        buffer[n++] = '0';
    while (n > 0)
        out->append(buffer[--n]);
}

void appendEscapedUtf8(QByteArray *out, QByteArrayView utf8)
{
    out->append('"');
    const bool plain = std::all_of(utf8.cbegin(), utf8.cend(), [](char c) {
        return static_cast<unsigned char>(c) >= 0x20 && c != '"' && c != '\\';
    });
    if (plain) {
        out->append(utf8);
        out->append('"');
        return;
    }
    for (const char c : utf8) {
        const auto u = static_cast<unsigned char>(c);
        switch (c) {
        case '"':
            out->append("\\\"", 2);
            break;
        case '\\':
            out->append("\\\\", 2);
            break;
        case '\n':
            out->append("\\n", 2);
            break;
        case '\r':
            out->append("\\r", 2);
            break;
        case '\t':
            out->append("\\t", 2);
            break;
        default:
            if (u < 0x20) {
                static const char hex[] = "0123456789abcdef";
                const char escaped[] = {'\\', 'u', '0', '0', hex[u >> 4], hex[u & 0xf]};
                out->append(escaped, 6);
            } else {
                out->append(c);
            }
        }
    }
    out->append('"');
}

void appendEscaped(QByteArray *out, QStringView text)
{
    appendEscapedUtf8(out, text.toUtf8());
}

char16_t unitAt(QStringView text, qsizetype at)
{
    return text[at].unicode();
}

char16_t unitAt(QByteArrayView text, qsizetype at)
{
    return char16_t(uchar(text[at]));
}

template<typename Text>
int twoDigits(Text text, qsizetype at)
{
    const char16_t a = unitAt(text, at);
    const char16_t b = unitAt(text, at + 1);
    if (a < u'0' || a > u'9' || b < u'0' || b > u'9')
        return -1;
    return (a - u'0') * 10 + (b - u'0');
}

// Whether text has the shape of YYYY-MM-DDTHH:MM:SSZ, the form the gateway writes.
template<typename Text>
bool canonicalShape(Text text)
{
    return text.size() == 20 && unitAt(text, 4) == u'-' && unitAt(text, 7) == u'-' && unitAt(text, 10) == u'T'
           && unitAt(text, 13) == u':' && unitAt(text, 16) == u':' && unitAt(text, 19) == u'Z';
}

// The seconds of a text of that shape; nullopt if its numbers are no time (hour 24 included).
template<typename Text>
std::optional<qint64> canonicalWireSeconds(Text text)
{
    const int c = twoDigits(text, 0);
    const int y = twoDigits(text, 2);
    const int mo = twoDigits(text, 5);
    const int d = twoDigits(text, 8);
    const int h = twoDigits(text, 11);
    const int mi = twoDigits(text, 14);
    const int s = twoDigits(text, 17);
    if (c < 0 || y < 0 || mo < 1 || mo > 12 || d < 1 || d > 31 || h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0 || s > 60)
        return std::nullopt;
    const int year = c * 100 + y;
    if (d > QDate(year, mo, 1).daysInMonth())
        return std::nullopt;
    return daysFromCivil(year, unsigned(mo), unsigned(d)) * 86400 + h * 3600 + mi * 60 + s;
}

} // namespace

JsonWriter::JsonWriter(QByteArray *out)
    : m_out(out)
{
}

void JsonWriter::separate()
{
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (!m_first.isEmpty()) {
        if (m_first.last())
            m_first.last() = false;
        else
            m_out->append(',');
    }
}

JsonWriter &JsonWriter::beginObject()
{
    separate();
    m_out->append('{');
    m_first.append(true);
    return *this;
}

JsonWriter &JsonWriter::endObject()
{
    m_out->append('}');
    m_first.removeLast();
    return *this;
}

JsonWriter &JsonWriter::beginArray()
{
    separate();
    m_out->append('[');
    m_first.append(true);
    return *this;
}

JsonWriter &JsonWriter::endArray()
{
    m_out->append(']');
    m_first.removeLast();
    return *this;
}

JsonWriter &JsonWriter::key(QLatin1StringView name)
{
    separate();
    m_out->append('"');
    m_out->append(name.data(), name.size());
    m_out->append("\":", 2);
    m_afterKey = true;
    return *this;
}

JsonWriter &JsonWriter::value(QStringView text)
{
    separate();
    appendEscaped(m_out, text);
    return *this;
}

JsonWriter &JsonWriter::utf8Value(QByteArrayView utf8)
{
    separate();
    appendEscapedUtf8(m_out, utf8);
    return *this;
}

JsonWriter &JsonWriter::numberText(qint64 number)
{
    separate();
    m_out->append('"');
    if (number < 0) {
        m_out->append(QByteArray::number(number));
    } else {
        appendDigits(m_out, number, 1);
    }
    m_out->append('"');
    return *this;
}

JsonWriter &JsonWriter::value(QLatin1StringView text)
{
    return value(QStringView(QString(text)));
}

JsonWriter &JsonWriter::value(qint64 number)
{
    separate();
    if (number < 0) {
        m_out->append('-');
        // The most negative value has no positive twin; write it through the unsigned type.
        const quint64 magnitude = quint64(0) - quint64(number);
        m_out->append(QByteArray::number(magnitude));
        return *this;
    }
    appendDigits(m_out, number, 1);
    return *this;
}

JsonWriter &JsonWriter::value(bool flag)
{
    separate();
    m_out->append(flag ? QByteArrayView("true") : QByteArrayView("false"));
    return *this;
}

JsonWriter &JsonWriter::null()
{
    separate();
    m_out->append("null", 4);
    return *this;
}

JsonWriter &JsonWriter::wireTime(qint64 secondsSinceEpoch)
{
    separate();
    m_out->append('"');
    appendWireTime(m_out, secondsSinceEpoch);
    m_out->append('"');
    return *this;
}

JsonWriter &JsonWriter::optional(QLatin1StringView name, QStringView text)
{
    if (!text.isEmpty())
        key(name).value(text);
    return *this;
}

void appendWireTime(QByteArray *out, qint64 secondsSinceEpoch)
{
    qint64 days = secondsSinceEpoch / 86400;
    qint64 rest = secondsSinceEpoch % 86400;
    if (rest < 0) {
        rest += 86400;
        --days;
    }
    qint64 year = 0;
    unsigned month = 0;
    unsigned day = 0;
    civilFromDays(days, &year, &month, &day);
    appendDigits(out, year, 4);
    out->append('-');
    appendDigits(out, month, 2);
    out->append('-');
    appendDigits(out, day, 2);
    out->append('T');
    appendDigits(out, rest / 3600, 2);
    out->append(':');
    appendDigits(out, rest / 60 % 60, 2);
    out->append(':');
    appendDigits(out, rest % 60, 2);
    out->append('Z');
}

bool parseWireSeconds(QStringView text, qint64 *secondsSinceEpoch)
{
    if (canonicalShape(text)) {
        const auto seconds = canonicalWireSeconds(text);
        if (seconds)
            *secondsSinceEpoch = *seconds;
        return seconds.has_value();
    }
    const QDateTime time = QDateTime::fromString(text.toString(), Qt::ISODate);
    if (!time.isValid())
        return false;
    *secondsSinceEpoch = time.toSecsSinceEpoch();
    return true;
}

bool parseWireSeconds(QByteArrayView utf8, qint64 *secondsSinceEpoch)
{
    if (canonicalShape(utf8)) {
        const auto seconds = canonicalWireSeconds(utf8);
        if (seconds)
            *secondsSinceEpoch = *seconds;
        return seconds.has_value();
    }
    return parseWireSeconds(QString::fromUtf8(utf8), secondsSinceEpoch);
}

} // namespace kessai
