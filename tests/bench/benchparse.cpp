// Case 9: reading a page of 200 payments in the console, from the bytes the gateway sent to the
// rows the result table keeps. Ours (readPaymentListPage: simdjson On-Demand, core/api/
// ondemandjson.h) beside the naive Qt way (QJsonDocument) building the same rows, which are
// compared with ours before anything is timed.
// (When it was measured against the hand-written pull reader it replaced, in one run: that
// reader 179 us, simdjson On-Demand 114 us built for the x86-64 baseline and 114 us for AVX2,
// QJsonDocument 762 us.)

#include "benchcommon.h"

#include "domain/jsonwriter.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>
#include <functional>
#include <optional>
#include <utility>
#include <vector>


namespace kessai::bench {

namespace {

// The few distinct short texts of a page, one QString each (as readPaymentListPage shares them).
class SharedTexts
{
public:
    QString get(QByteArrayView utf8)
    {
        for (const auto &[bytes, text] : std::as_const(m_entries)) {
            if (bytes == utf8)
                return text;
        }
        QString text = QString::fromUtf8(utf8);
        m_entries.append({QByteArray(utf8.data(), utf8.size()), text});
        return text;
    }

private:
    QList<std::pair<QByteArray, QString>> m_entries;
};

quint8 actionBit(QByteArrayView text)
{
    if (text == "capture")
        return PaymentListItem::Capture;
    if (text == "cancel")
        return PaymentListItem::Cancel;
    if (text == "change_amount")
        return PaymentListItem::ChangeAmount;
    return PaymentListItem::NoAction;
}

quint16 last4Of(QByteArrayView text)
{
    bool digits = text.size() == 4;
    for (char c : text)
        digits = digits && c >= '0' && c <= '9';
    return digits ? quint16(text.toInt()) : PaymentListItem::NoCard;
}

// ---- the naive Qt way ---------------------------------------------------------------------------

qint64 qtTime(const QJsonValue &value)
{
    qint64 seconds = 0;
    if (!value.isNull() && !value.isUndefined() && !parseWireSeconds(value.toString(), &seconds))
        fail(QStringLiteral("QJsonDocument: a time that is no time"));
    return seconds;
}

std::optional<PaymentListPage> readWithQJsonDocument(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    const QJsonObject root = document.object();
    PaymentListPage page;
    SharedTexts texts;
    const QJsonArray items = root.value(QLatin1String("items")).toArray();
    page.items.reserve(items.size());
    for (const QJsonValue &value : items) {
        const QJsonObject o = value.toObject();
        PaymentListItem item;
        item.paymentId = o.value(QLatin1String("payment_id")).toString().toLongLong();
        item.tradingId = o.value(QLatin1String("trading_id")).toString();
        item.type = texts.get(o.value(QLatin1String("type")).toString().toUtf8());
        item.status = o.value(QLatin1String("status")).toInt();
        item.amount = o.value(QLatin1String("amount")).toInteger();
        item.institution = texts.get(o.value(QLatin1String("institution")).toString().toUtf8());
        item.tradeTime = qtTime(o.value(QLatin1String("trade_time")));
        item.dueTime = qtTime(o.value(QLatin1String("due_time")));
        item.clearedTime = qtTime(o.value(QLatin1String("cleared_time")));
        item.authExpiresTime = qtTime(o.value(QLatin1String("auth_expires_time")));
        const QJsonValue card = o.value(QLatin1String("card"));
        if (card.isObject())
            item.cardLast4 = last4Of(card.toObject().value(QLatin1String("last4")).toString().toLatin1());
        const QJsonValue customer = o.value(QLatin1String("customer"));
        if (customer.isObject())
            item.customerName = customer.toObject().value(QLatin1String("name")).toString();
        for (const QJsonValue &action : o.value(QLatin1String("actions")).toArray())
            item.actions |= actionBit(action.toString().toLatin1());
        page.items.append(std::move(item));
    }
    const QJsonValue next = root.value(QLatin1String("next_cursor"));
    page.nextCursor = next.isString() ? next.toString() : QString();
    const QJsonValue total = root.value(QLatin1String("total"));
    page.total = total.isDouble() ? total.toInteger() : -1;
    return page;
}

bool sameRows(const PaymentListPage &a, const PaymentListPage &b)
{
    if (a.items.size() != b.items.size() || a.nextCursor != b.nextCursor || a.total != b.total)
        return false;
    for (qsizetype i = 0; i < a.items.size(); ++i) {
        const PaymentListItem &x = a.items[i];
        const PaymentListItem &y = b.items[i];
        if (x.paymentId != y.paymentId || x.tradingId != y.tradingId || x.type != y.type || x.status != y.status
            || x.amount != y.amount || x.institution != y.institution || x.tradeTime != y.tradeTime
            || x.dueTime != y.dueTime || x.clearedTime != y.clearedTime || x.authExpiresTime != y.authExpiresTime
            || x.customerName != y.customerName || x.cardLast4 != y.cardLast4 || x.actions != y.actions)
            return false;
    }
    return true;
}

// Microseconds per read of the page: `reps` samples, each the mean of `batch` reads.
Stats timeReads(const std::function<bool()> &read, int reps, int batch)
{
    for (int i = 0; i < batch; ++i) {
        if (!read())
            fail(QStringLiteral("a reader failed on the page"));
    }
    std::vector<double> samples;
    samples.reserve(size_t(reps));
    for (int i = 0; i < reps; ++i) {
        QElapsedTimer t;
        t.start();
        for (int j = 0; j < batch; ++j) {
            if (!read())
                fail(QStringLiteral("a reader failed on the page"));
        }
        samples.push_back(double(t.nsecsElapsed()) / 1e3 / batch);
    }
    return statsOf(samples);
}

} // namespace

int runParse(const QCommandLineParser &args)
{
    const Demo demo = readDemo(args);
    const QUrl url(args.value(QStringLiteral("url")));
    const int reps = std::max(20, args.value(QStringLiteral("reps")).toInt());
    ResultWriter out(args.value(QStringLiteral("out")));
    const Identity id = loadIdentity(demo);
    auto client = newClient(url, id);
    login(*client, demo);

    // The result table's first page of every payment, as the gateway sent it.
    const ApiResult answer = waitFor(client->paymentPage(PaymentQuery(), QString(), 200));
    if (!answer.ok())
        fail(QStringLiteral("search failed: ") + answer.error.displayText());
    const QByteArray body = answer.body;
    QString why;
    const std::optional<PaymentListPage> ours = readPaymentListPage(body, &why);
    if (!ours || ours->items.size() != 200)
        fail(QStringLiteral("the page could not be read: ") + why);
    const std::optional<PaymentListPage> naive = readWithQJsonDocument(body);
    if (!naive || !sameRows(*ours, *naive))
        fail(QStringLiteral("QJsonDocument read other rows than ours"));
    std::printf("page of %lld rows, %lld bytes\n", qlonglong(ours->items.size()), qlonglong(body.size()));

    const int batch = 20;
    const Stats oursStats = timeReads([&] { return readPaymentListPage(body).has_value(); }, reps, batch);
    const Stats naiveStats = timeReads([&] { return readWithQJsonDocument(body).has_value(); }, reps, batch);
    out.row(QStringLiteral("9 read a page of 200 payments (bytes to rows)"), QStringLiteral("us"), oursStats,
            QStringLiteral("QJsonDocument, the same rows"), naiveStats, QStringLiteral("<= 1x"),
            oursStats.median <= naiveStats.median);
    return 0;
}

} // namespace kessai::bench
