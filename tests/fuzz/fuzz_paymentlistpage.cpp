// The console's reader of GET /v1/payments pages and export lines (core/api/paymentlistpage,
// over simdjson On-Demand, api/ondemandjson.h): whatever the bytes, no crash; a page that reads, written back as the
// gateway writes pages, reads back to the same page.

#include "fuzzcheck.h"

#include "api/paymentlistpage.h"
#include "domain/jsonwriter.h"

#include <QByteArray>
#include <QDateTime>

#include <cstdint>

using namespace kessai;

namespace {

// Times the wire can carry: four-digit years (appendWireTime writes others, nothing reads them).
bool wireRepresentable(qint64 seconds)
{
    const int year = QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).date().year();
    return year >= 1 && year <= 9999;
}

void writeTime(JsonWriter &out, QLatin1StringView name, qint64 seconds)
{
    out.key(name);
    if (seconds == 0)
        out.null();
    else
        out.wireTime(seconds);
}

void writeItem(JsonWriter &out, const PaymentListItem &item)
{
    out.beginObject();
    out.key(QLatin1StringView("payment_id")).value(QString::number(item.paymentId));
    out.key(QLatin1StringView("trading_id")).value(item.tradingId);
    out.key(QLatin1StringView("type")).value(item.type);
    out.key(QLatin1StringView("status")).value(item.status);
    out.key(QLatin1StringView("amount")).value(item.amount);
    out.key(QLatin1StringView("institution")).value(item.institution);
    writeTime(out, QLatin1StringView("trade_time"), item.tradeTime);
    writeTime(out, QLatin1StringView("due_time"), item.dueTime);
    writeTime(out, QLatin1StringView("cleared_time"), item.clearedTime);
    out.key(QLatin1StringView("actions")).beginArray();
    if (item.actions & PaymentListItem::Capture)
        out.value(QLatin1StringView("capture"));
    if (item.actions & PaymentListItem::Cancel)
        out.value(QLatin1StringView("cancel"));
    if (item.actions & PaymentListItem::ChangeAmount)
        out.value(QLatin1StringView("change_amount"));
    out.endArray();
    out.endObject();
}

bool timesRepresentable(const PaymentListItem &item)
{
    for (const qint64 t : {item.tradeTime, item.dueTime, item.clearedTime}) {
        if (t != 0 && !wireRepresentable(t))
            return false;
    }
    return true;
}

bool sameItem(const PaymentListItem &a, const PaymentListItem &b)
{
    return a.paymentId == b.paymentId && a.tradingId == b.tradingId && a.type == b.type && a.status == b.status
           && a.amount == b.amount && a.institution == b.institution && a.tradeTime == b.tradeTime
           && a.dueTime == b.dueTime && a.clearedTime == b.clearedTime && a.actions == b.actions;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView json(reinterpret_cast<const char *>(data), qsizetype(size));

    QString error;
    const std::optional<PaymentListPage> page = readPaymentListPage(json, &error);
    KESSAI_FUZZ_CHECK(page.has_value() || !error.isEmpty());
    if (page) {
        KESSAI_FUZZ_CHECK(page->items.size() <= qsizetype(size) / 16); // {"payment_id":"1"} at least
        bool representable = true;
        QByteArray text;
        JsonWriter out(&text);
        out.beginObject().key(QLatin1StringView("items")).beginArray();
        for (const PaymentListItem &item : page->items) {
            KESSAI_FUZZ_CHECK(item.paymentId > 0);
            representable = representable && timesRepresentable(item);
            writeItem(out, item);
        }
        out.endArray();
        out.key(QLatin1StringView("next_cursor"));
        if (page->nextCursor.isEmpty())
            out.null();
        else
            out.value(page->nextCursor);
        out.key(QLatin1StringView("total")).value(page->total);
        out.endObject();
        if (representable) {
            QString again;
            const std::optional<PaymentListPage> reread = readPaymentListPage(text, &again);
            if (!reread)
                std::fprintf(stderr, "%s\n%s\n", qPrintable(again), text.constData());
            KESSAI_FUZZ_CHECK(reread.has_value());
            KESSAI_FUZZ_CHECK(reread->items.size() == page->items.size());
            for (qsizetype i = 0; i < page->items.size(); ++i)
                KESSAI_FUZZ_CHECK(sameItem(reread->items.at(i), page->items.at(i)));
            KESSAI_FUZZ_CHECK(reread->nextCursor == page->nextCursor);
            KESSAI_FUZZ_CHECK(reread->total == page->total);
        }
    }

    PaymentListItem item;
    QString itemError;
    if (readPaymentListItem(json, &item, &itemError)) {
        KESSAI_FUZZ_CHECK(item.paymentId > 0);
        if (timesRepresentable(item)) {
            QByteArray text;
            JsonWriter out(&text);
            writeItem(out, item);
            PaymentListItem again;
            KESSAI_FUZZ_CHECK(readPaymentListItem(text, &again));
            KESSAI_FUZZ_CHECK(sameItem(again, item));
        }
    } else {
        KESSAI_FUZZ_CHECK(!itemError.isEmpty());
    }
    return 0;
}
