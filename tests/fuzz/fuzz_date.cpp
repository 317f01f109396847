// Dates and times at the edges: what people type into the console's date filters
// (domain/japantime parseDate), the wire times the console reads from every answer
// (domain/jsonwriter parseWireSeconds: a fast path for the canonical form, QDateTime for the
// rest) and the gateway's query times (http/wire parseQueryTime). Whatever the text, no crash;
// a date that parses, written as yyyy/MM/dd, parses to itself; the fast path agrees with
// QDateTime; a wire time written back reads back the same.

#include "fuzzcheck.h"

#include "domain/japantime.h"
#include "domain/jsonwriter.h"
#include "http/wire.h"

#include <QDateTime>

#include <cstdint>

using namespace kessai;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    // The first byte picks "this year" for dates typed without one (11/01).
    const int thisYear = 1970 + data[0];
    const QByteArrayView utf8(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));
    const QString text = QString::fromUtf8(utf8);

    const QDate date = JapanTime::parseDate(text, thisYear);
    if (date.isValid()) {
        KESSAI_FUZZ_CHECK(date.year() >= 1 && date.year() <= 9999);
        KESSAI_FUZZ_CHECK(JapanTime::parseDate(date.toString(QStringLiteral("yyyy/MM/dd")), thisYear) == date);
    }

    qint64 seconds = 0;
    const bool fromBytes = parseWireSeconds(utf8, &seconds);
    qint64 secondsFromText = 0;
    KESSAI_FUZZ_CHECK(parseWireSeconds(QStringView(text), &secondsFromText) == fromBytes);
    if (fromBytes) {
        KESSAI_FUZZ_CHECK(secondsFromText == seconds);
        const QDateTime slow = QDateTime::fromString(text, Qt::ISODate);
        // The fast path takes a leap second (:60), which QDateTime refuses.
        if (!text.endsWith(QLatin1String(":60Z"))) {
            KESSAI_FUZZ_CHECK(slow.isValid());
            KESSAI_FUZZ_CHECK(slow.toSecsSinceEpoch() == seconds);
        }
        const int year = QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).date().year();
        if (year >= 1 && year <= 9999) {
            QByteArray written;
            appendWireTime(&written, seconds);
            qint64 again = 0;
            KESSAI_FUZZ_CHECK(parseWireSeconds(QByteArrayView(written), &again));
            KESSAI_FUZZ_CHECK(again == seconds);
        }
    }

    if (const std::optional<qint64> query = gateway::parseQueryTime(text)) {
        KESSAI_FUZZ_CHECK(*query >= 0);
        // Written back as the wire writes times, it is the same instant.
        qint64 again = 0;
        KESSAI_FUZZ_CHECK(parseWireSeconds(gateway::wireTime(*query), &again));
        KESSAI_FUZZ_CHECK(again == *query);
    }
    return 0;
}
