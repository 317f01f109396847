#include "api/paymentlistpage.h"
#include "api/statement.h"
#include "domain/jsonwriter.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

#include <limits>

using namespace kessai;

// The readers of the big answers (a page of payments, an export line, a page of statement lines;
// simdjson On-Demand underneath) against Qt's own writer: what QJsonDocument writes, they read
// the same; members of a later gateway are skipped whatever they hold; strings, escapes and
// integers come out exactly; malformed text is refused with a reason; a page comes out field for
// field.
class TestPageReader : public QObject
{
    Q_OBJECT

private slots:
    void skipsWhatItDoesNotKnow();
    void stringsAndEscapes_data();
    void stringsAndEscapes();
    void integers_data();
    void integers();
    void malformedTextIsRefused_data();
    void malformedTextIsRefused();
    void deepNestingFailsCleanly();
    void pageOfPayments();
    void pageRefusals_data();
    void pageRefusals();
    void oneExportLine();
    void lineRefusals_data();
    void lineRefusals();
    void statementLines();
};

namespace {

QJsonValue randomValue(QRandomGenerator &random, int depth)
{
    static const QStringList texts = {QStringLiteral(""), QStringLiteral("佐藤 花子"), QStringLiteral("quote \" and \\ slash"),
                                      QStringLiteral("tab\tnew\nline"), QStringLiteral("😀 emoji"), QStringLiteral("\x01 control"),
                                      QStringLiteral("ｶﾀｶﾅ and ﾟ"), QStringLiteral("/")};
    switch (random.bounded(depth > 3 ? 5 : 7)) {
    case 0:
        return QJsonValue::Null;
    case 1:
        return random.bounded(2) == 1;
    case 2:
        return qint64(random.bounded(2000000)) - 1000000;
    case 3:
        return random.bounded(1000) / 8.0;
    case 4:
        return texts.at(int(random.bounded(qsizetype(texts.size()))));
    case 5: {
        QJsonArray array;
        for (int i = int(random.bounded(4)); i > 0; --i)
            array.append(randomValue(random, depth + 1));
        return array;
    }
    default: {
        QJsonObject object;
        for (int i = int(random.bounded(4)); i > 0; --i)
            object.insert(texts.at(int(random.bounded(qsizetype(texts.size())))) + QString::number(i), randomValue(random, depth + 1));
        return object;
    }
    }
}

QJsonObject cardPayment();

// An export line (one payment) with one member's JSON text put in as it stands.
QByteArray lineWith(const char *field, const QByteArray &json)
{
    QJsonObject item = cardPayment();
    item.insert(QLatin1String(field), QStringLiteral("@@@"));
    return QJsonDocument(item).toJson(QJsonDocument::Compact).replace("\"@@@\"", json);
}

QByteArray pageJson(const QList<QJsonObject> &items, const QJsonValue &next)
{
    QJsonArray array;
    for (const QJsonObject &item : items)
        array.append(item);
    return QJsonDocument(QJsonObject{{QStringLiteral("items"), array}, {QStringLiteral("next_cursor"), next}})
        .toJson(QJsonDocument::Indented);
}

QJsonObject cardPayment()
{
    return QJsonObject{{QStringLiteral("payment_id"), QStringLiteral("100000000000000042")},
                       {QStringLiteral("trading_id"), QStringLiteral("ORD_0042")},
                       {QStringLiteral("type"), QStringLiteral("02")},
                       {QStringLiteral("status"), 40},
                       {QStringLiteral("amount"), 1200},
                       {QStringLiteral("institution"), QStringLiteral("VISA")},
                       {QStringLiteral("trade_time"), QStringLiteral("2026-11-20T03:04:05Z")},
                       {QStringLiteral("due_time"), QJsonValue::Null},
                       {QStringLiteral("cleared_time"), QStringLiteral("2026-11-21T00:00:00Z")},
                       {QStringLiteral("card"), QJsonObject{{QStringLiteral("brand"), QStringLiteral("VISA")},
                                                            {QStringLiteral("bin"), QStringLiteral("411111")},
                                                            {QStringLiteral("last4"), QStringLiteral("1111")}}},
                       {QStringLiteral("customer"), QJsonObject{{QStringLiteral("name"), QStringLiteral("佐藤 花子")}}},
                       {QStringLiteral("future_field"), QJsonArray{1, 2.5e3, QJsonArray{}, QJsonObject{}}}};
}

} // namespace

// A later gateway may add members of any shape: they are skipped, the rest reads the same.
void TestPageReader::skipsWhatItDoesNotKnow()
{
    QRandomGenerator random(20261123);
    const QByteArray plain = QJsonDocument(cardPayment()).toJson(QJsonDocument::Compact);
    PaymentListItem expected;
    QVERIFY(readPaymentListItem(plain, &expected));
    for (int round = 0; round < 500; ++round) {
        QJsonObject item = cardPayment();
        item.insert(QStringLiteral("later_%1").arg(round % 7), randomValue(random, 0));
        item.insert(QStringLiteral("zz_after"), randomValue(random, 0));
        for (auto format : {QJsonDocument::Compact, QJsonDocument::Indented}) {
            const QByteArray text = QJsonDocument(item).toJson(format);
            PaymentListItem read;
            QString error;
            QVERIFY2(readPaymentListItem(text, &read, &error), qPrintable(error + QLatin1String(": ") + QString::fromUtf8(text)));
            QCOMPARE(read.paymentId, expected.paymentId);
            QCOMPARE(read.tradingId, expected.tradingId);
            QCOMPARE(read.amount, expected.amount);
            QCOMPARE(read.customerName, expected.customerName);
            QCOMPARE(read.clearedTime, expected.clearedTime);
        }
    }
}

void TestPageReader::stringsAndEscapes_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("text");
    QTest::newRow("plain") << QByteArray(R"("abc")") << QStringLiteral("abc");
    QTest::newRow("empty") << QByteArray(R"("")") << QString();
    QTest::newRow("utf-8 as is") << QByteArray("\"佐藤 花子\"") << QStringLiteral("佐藤 花子");
    QTest::newRow("simple escapes") << QByteArray(R"("a\"b\\c\/d\b\f\n\r\t")") << QStringLiteral("a\"b\\c/d\b\f\n\r\t");
    QTest::newRow("unicode escape") << QByteArray(R"("\u4f50\u85e4")") << QStringLiteral("佐藤");
    QTest::newRow("surrogate pair") << QByteArray(R"("\ud83d\ude00!")") << QStringLiteral("😀!");
    QTest::newRow("escape after text") << QByteArray(R"("ORD\u0031")") << QStringLiteral("ORD1");
    QTest::newRow("escaped NUL") << QByteArray(R"("a\u0000b")") << QString(QLatin1String("a\0b", 3));
}

// Through the 取引ID of an export line.
void TestPageReader::stringsAndEscapes()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, text);
    PaymentListItem item;
    QString error;
    QVERIFY2(readPaymentListItem(lineWith("trading_id", json), &item, &error), qPrintable(error));
    QCOMPARE(item.tradingId, text);
}

void TestPageReader::integers_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<qint64>("value");
    QTest::newRow("zero") << QByteArray("0") << true << qint64(0);
    QTest::newRow("yen") << QByteArray("9999999") << true << qint64(9999999);
    QTest::newRow("negative") << QByteArray("-1200") << true << qint64(-1200);
    QTest::newRow("max") << QByteArray("9223372036854775807") << true << std::numeric_limits<qint64>::max();
    QTest::newRow("min") << QByteArray("-9223372036854775808") << true << std::numeric_limits<qint64>::min();
    QTest::newRow("above max") << QByteArray("9223372036854775808") << false << qint64(0);
    QTest::newRow("below min") << QByteArray("-9223372036854775809") << false << qint64(0);
    QTest::newRow("fraction") << QByteArray("12.5") << false << qint64(0);
    QTest::newRow("exponent") << QByteArray("1e3") << false << qint64(0);
    QTest::newRow("leading zero") << QByteArray("012") << false << qint64(0);
    QTest::newRow("lone minus") << QByteArray("-") << false << qint64(0);
    QTest::newRow("string") << QByteArray(R"("12")") << false << qint64(0);
}

// Through the amount of an export line: yen are whole numbers in the range of qint64, exactly.
void TestPageReader::integers()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, ok);
    QFETCH(qint64, value);
    PaymentListItem item;
    QString error;
    QCOMPARE(readPaymentListItem(lineWith("amount", json), &item, &error), ok);
    if (ok)
        QCOMPARE(item.amount, value);
    else
        QVERIFY(!error.isEmpty());
}

void TestPageReader::malformedTextIsRefused_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("empty") << QByteArray("");
    QTest::newRow("truncated object") << QByteArray(R"({"a": 1)");
    QTest::newRow("truncated string") << QByteArray(R"({"a": "x)");
    QTest::newRow("trailing comma in array") << QByteArray("[1,]");
    QTest::newRow("trailing comma in object") << QByteArray(R"({"a": 1,})");
    QTest::newRow("missing comma") << QByteArray("[1 2]");
    QTest::newRow("missing colon") << QByteArray(R"({"a" 1})");
    QTest::newRow("bare word") << QByteArray("[nul]");
    QTest::newRow("bad escape") << QByteArray(R"(["\x"])");
    QTest::newRow("short unicode escape") << QByteArray(R"(["\u12"])");
    QTest::newRow("raw control character") << QByteArray("[\"a\nb\"]");
    QTest::newRow("key not a string") << QByteArray("{1: 2}");
    QTest::newRow("two values") << QByteArray("[] []");
    QTest::newRow("bad number") << QByteArray("[1.]");
    QTest::newRow("closing the wrong bracket") << QByteArray(R"({"a": [1})");
    QTest::newRow("invalid UTF-8") << QByteArray("[\"\xff\xfe\"]");
    QTest::newRow("lone high surrogate") << QByteArray(R"(["\ud83dx"])");
}

// Every text is invalid by RFC 8259 (Qt's parser lets a bad escape, a raw control character and
// "1." through). As the whole answer, as the 取引ID the reader reads, and as a member it skips.
void TestPageReader::malformedTextIsRefused()
{
    QFETCH(QByteArray, json);
    QString error;
    QVERIFY(!readPaymentListPage(json, &error));
    QVERIFY(!error.isEmpty());
    PaymentListItem item;
    QVERIFY(!readPaymentListItem(json, &item));
    QVERIFY(!readPaymentListItem(lineWith("trading_id", json), &item));
    QVERIFY(!readPaymentListItem(lineWith("later_member", json), &item));
    QVERIFY(!readStatementLinesPage(json));
}

void TestPageReader::deepNestingFailsCleanly()
{
    const QList<QByteArray> texts = {QByteArray(QByteArray(100000, '[') + QByteArray(100000, ']')), QByteArray(100000, '{'),
                                     QByteArray(R"({"items": [{"payment_id": "1", "x": )" + QByteArray(100000, '[')
                                                + QByteArray(100000, ']') + "}]}")};
    for (const QByteArray &deep : texts) {
        QString error;
        QVERIFY(!readPaymentListPage(deep, &error).has_value());
        QVERIFY(!error.isEmpty());
    }
}

void TestPageReader::pageOfPayments()
{
    QJsonObject cvs = cardPayment();
    cvs.insert(QStringLiteral("payment_id"), QStringLiteral("100000000000000043"));
    cvs.insert(QStringLiteral("type"), QStringLiteral("03"));
    cvs.insert(QStringLiteral("institution"), QStringLiteral("ローソン"));
    cvs.insert(QStringLiteral("trading_id"), QStringLiteral("ORD\"quoted\""));
    cvs.insert(QStringLiteral("due_time"), QStringLiteral("2026-11-27T14:59:59Z"));
    cvs.insert(QStringLiteral("cleared_time"), QJsonValue::Null);
    QJsonObject second = cardPayment();
    second.insert(QStringLiteral("payment_id"), QStringLiteral("100000000000000044"));
    second.insert(QStringLiteral("actions"), QJsonArray{QStringLiteral("cancel"), QStringLiteral("change_amount"),
                                                        QStringLiteral("refund_later")});
    second.insert(QStringLiteral("status"), 20);
    second.insert(QStringLiteral("auth_expires_time"), QStringLiteral("2027-01-19T03:04:05Z"));
    second.insert(QStringLiteral("card"), QJsonObject{{QStringLiteral("last4"), QStringLiteral("0042")},
                                                      {QStringLiteral("brand"), QStringLiteral("JCB")}});

    const QByteArray json = pageJson({cardPayment(), cvs, second}, QStringLiteral("Y3Vyc29y"));
    QString error;
    const auto page = readPaymentListPage(json, &error);
    QVERIFY2(page, qPrintable(error));
    QCOMPARE(page->nextCursor, QStringLiteral("Y3Vyc29y"));
    QCOMPARE(page->total, qint64(-1));
    QCOMPARE(page->items.size(), 3);
    const PaymentListItem &card = page->items.at(0);
    QCOMPARE(card.paymentId, qint64(100000000000000042));
    QCOMPARE(card.tradingId, QStringLiteral("ORD_0042"));
    QCOMPARE(card.type, QStringLiteral("02"));
    QCOMPARE(card.status, 40);
    QCOMPARE(card.amount, qint64(1200));
    QCOMPARE(card.institution, QStringLiteral("VISA"));
    QCOMPARE(card.tradeTime, QDateTime(QDate(2026, 11, 20), QTime(3, 4, 5), Qt::UTC).toSecsSinceEpoch());
    QCOMPARE(card.dueTime, qint64(0));
    QCOMPARE(card.clearedTime, QDateTime(QDate(2026, 11, 21), QTime(0, 0), Qt::UTC).toSecsSinceEpoch());
    const PaymentListItem &store = page->items.at(1);
    QCOMPARE(store.tradingId, QStringLiteral("ORD\"quoted\""));
    QCOMPARE(store.institution, QStringLiteral("ローソン"));
    QCOMPARE(store.dueTime, QDateTime(QDate(2026, 11, 27), QTime(14, 59, 59), Qt::UTC).toSecsSinceEpoch());
    QCOMPARE(store.clearedTime, qint64(0));
    // The optional columns: customer name, card last 4 (leading zeros kept), the lapse.
    QCOMPARE(card.customerName, QStringLiteral("佐藤 花子"));
    QCOMPARE(card.cardLast4Text(), QStringLiteral("1111"));
    QCOMPARE(card.authExpiresTime, qint64(0));
    const PaymentListItem &authorized = page->items.at(2);
    QCOMPARE(authorized.cardLast4Text(), QStringLiteral("0042"));
    QCOMPARE(authorized.authExpiresTime, QDateTime(QDate(2027, 1, 19), QTime(3, 4, 5), Qt::UTC).toSecsSinceEpoch());
    PaymentListItem cardless;
    QVERIFY(cardless.cardLast4Text().isEmpty());
    // What the user may do: bits of the names it knows, none when the list is absent.
    QCOMPARE(card.actions, quint8(PaymentListItem::NoAction));
    QCOMPARE(page->items.at(2).actions, quint8(PaymentListItem::Cancel | PaymentListItem::ChangeAmount));
    // Equal short texts share one string.
    QVERIFY(page->items.at(2).type.isSharedWith(card.type));

    // The last page: null cursor, and a counted total.
    QByteArray last = QJsonDocument(QJsonObject{{QStringLiteral("items"), QJsonArray()},
                                                {QStringLiteral("next_cursor"), QJsonValue::Null},
                                                {QStringLiteral("total"), 184233}})
                          .toJson(QJsonDocument::Compact);
    const auto end = readPaymentListPage(last);
    QVERIFY(end);
    QVERIFY(end->items.isEmpty());
    QVERIFY(end->nextCursor.isEmpty());
    QCOMPARE(end->total, qint64(184233));
}

void TestPageReader::pageRefusals_data()
{
    QTest::addColumn<QByteArray>("json");
    const auto with = [](const char *field, const QJsonValue &value) {
        QJsonObject item = cardPayment();
        if (value.isUndefined())
            item.remove(QLatin1String(field));
        else
            item.insert(QLatin1String(field), value);
        return pageJson({item}, QJsonValue::Null);
    };
    QTest::newRow("not an object") << QByteArray("[]");
    QTest::newRow("no payment id") << with("payment_id", QJsonValue::Undefined);
    QTest::newRow("payment id not a number") << with("payment_id", QStringLiteral("12a"));
    QTest::newRow("payment id as a number") << with("payment_id", 42);
    QTest::newRow("amount with a fraction") << with("amount", 12.5);
    QTest::newRow("amount as text") << with("amount", QStringLiteral("1200"));
    QTest::newRow("time that is no time") << with("trade_time", QStringLiteral("yesterday"));
    QTest::newRow("items not an array") << QByteArray(R"({"items": {}, "next_cursor": null})");
    QTest::newRow("text after the page") << QByteArray(R"({"items": []} x)");
    QTest::newRow("truncated") << pageJson({cardPayment()}, QJsonValue::Null).chopped(5);
}

void TestPageReader::pageRefusals()
{
    QFETCH(QByteArray, json);
    QString error;
    QVERIFY(!readPaymentListPage(json, &error).has_value());
    QVERIFY(!error.isEmpty());
}

// A line of GET /v1/payments/export: one payment object, the list row without `actions`.
void TestPageReader::oneExportLine()
{
    const QByteArray json = QJsonDocument(cardPayment()).toJson(QJsonDocument::Compact);
    PaymentListItem item;
    item.actions = PaymentListItem::Cancel; // whatever was there before is gone
    QString error;
    QVERIFY2(readPaymentListItem(json, &item, &error), qPrintable(error));
    QCOMPARE(item.paymentId, qint64(100000000000000042));
    QCOMPARE(item.tradingId, QStringLiteral("ORD_0042"));
    QCOMPARE(item.type, QStringLiteral("02"));
    QCOMPARE(item.status, 40);
    QCOMPARE(item.amount, qint64(1200));
    QCOMPARE(item.institution, QStringLiteral("VISA"));
    QCOMPARE(item.tradeTime, QDateTime(QDate(2026, 11, 20), QTime(3, 4, 5), Qt::UTC).toSecsSinceEpoch());
    QCOMPARE(item.dueTime, qint64(0));
    QCOMPARE(item.clearedTime, QDateTime(QDate(2026, 11, 21), QTime(0, 0), Qt::UTC).toSecsSinceEpoch());
    QCOMPARE(item.actions, quint8(PaymentListItem::NoAction));
    // Surrounding whitespace is no harm (a CR before the LF, spaces).
    QVERIFY(readPaymentListItem(QByteArray(" " + json + " \r"), &item));
}

void TestPageReader::lineRefusals_data()
{
    QTest::addColumn<QByteArray>("line");
    const auto with = [](const char *field, const QJsonValue &value) {
        QJsonObject item = cardPayment();
        if (value.isUndefined())
            item.remove(QLatin1String(field));
        else
            item.insert(QLatin1String(field), value);
        return QJsonDocument(item).toJson(QJsonDocument::Compact);
    };
    const QByteArray good = QJsonDocument(cardPayment()).toJson(QJsonDocument::Compact);
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("not an object") << QByteArray("[1,2]");
    QTest::newRow("a page, not a payment") << pageJson({cardPayment()}, QJsonValue::Null);
    QTest::newRow("no payment id") << with("payment_id", QJsonValue::Undefined);
    QTest::newRow("payment id not a number") << with("payment_id", QStringLiteral("12a"));
    QTest::newRow("amount with a fraction") << with("amount", 12.5);
    QTest::newRow("time that is no time") << with("trade_time", QStringLiteral("yesterday"));
    QTest::newRow("cut off") << good.chopped(3);
    QTest::newRow("two payments on one line") << good + good;
    QTest::newRow("garbage after it") << good + " x";
}

void TestPageReader::lineRefusals()
{
    QFETCH(QByteArray, line);
    PaymentListItem item;
    QString error;
    QVERIFY(!readPaymentListItem(line, &item, &error));
    QVERIFY(!error.isEmpty());
}

// A page of GET /v1/statements/{id}/lines, through the same reader.
void TestPageReader::statementLines()
{
    const QJsonObject sale{{QStringLiteral("line_id"), QStringLiteral("7")},
                           {QStringLiteral("payment_id"), QStringLiteral("100000000000000042")},
                           {QStringLiteral("trading_id"), QStringLiteral("ORD_0042")},
                           {QStringLiteral("type"), QStringLiteral("02")},
                           {QStringLiteral("kind"), QStringLiteral("sale")},
                           {QStringLiteral("at"), QStringLiteral("2026-11-20T03:04:05Z")},
                           {QStringLiteral("amount"), 1200},
                           {QStringLiteral("fee"), -39},
                           {QStringLiteral("later"), QJsonArray{1, QJsonObject{}}}};
    QJsonObject other = sale;
    other.insert(QStringLiteral("line_id"), QStringLiteral("8"));
    other.insert(QStringLiteral("payment_id"), QJsonValue::Null);
    other.insert(QStringLiteral("trading_id"), QJsonValue::Null);
    other.insert(QStringLiteral("kind"), QStringLiteral("cancel"));
    const QByteArray json = QJsonDocument(QJsonObject{{QStringLiteral("items"), QJsonArray{sale, other}},
                                                      {QStringLiteral("next_cursor"), QStringLiteral("bDo4")}})
                                .toJson();
    QString error;
    const auto page = readStatementLinesPage(json, &error);
    QVERIFY2(page, qPrintable(error));
    QCOMPARE(page->nextCursor, QStringLiteral("bDo4"));
    QCOMPARE(page->items.size(), 2);
    QCOMPARE(page->items[0].lineId, qint64(7));
    QCOMPARE(page->items[0].paymentId, qint64(100000000000000042));
    QCOMPARE(page->items[0].tradingId, QStringLiteral("ORD_0042"));
    QCOMPARE(page->items[0].kind, QStringLiteral("sale"));
    QCOMPARE(page->items[0].at, QDateTime(QDate(2026, 11, 20), QTime(3, 4, 5), Qt::UTC).toSecsSinceEpoch());
    QCOMPARE(page->items[0].amount, qint64(1200));
    QCOMPARE(page->items[0].fee, qint64(-39));
    QCOMPARE(page->items[1].paymentId, qint64(0));
    QVERIFY(page->items[1].tradingId.isEmpty());
    QCOMPARE(page->items[1].kind, QStringLiteral("cancel"));
    // A line without its id, or with a time that is no time, is refused; so is text after the page.
    QJsonObject broken = sale;
    broken.remove(QStringLiteral("line_id"));
    QVERIFY(!readStatementLinesPage(QJsonDocument(QJsonObject{{QStringLiteral("items"), QJsonArray{broken}}}).toJson()));
    broken = sale;
    broken.insert(QStringLiteral("at"), QStringLiteral("soon"));
    QVERIFY(!readStatementLinesPage(QJsonDocument(QJsonObject{{QStringLiteral("items"), QJsonArray{broken}}}).toJson()));
    QVERIFY(!readStatementLinesPage(QByteArray(json + " {}")));
}

QTEST_APPLESS_MAIN(TestPageReader)
#include "tst_pagereader.moc"
