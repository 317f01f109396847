#include "api/paymentquery.h"
#include "domain/payment.h"

#include <QJsonDocument>
#include <QTest>

using namespace kessai;

class TestPayment : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTripsThroughJson()
    {
        Payment p;
        p.paymentId = QStringLiteral("100000000000000123");
        p.tradingId = QStringLiteral("paygent02");
        p.type = QStringLiteral("02");
        p.status = 20;
        p.amount = 6300;
        p.institution = QStringLiteral("VISA");
        p.tradeTime = QDateTime(QDate(2026, 11, 20), QTime(3, 4, 5), Qt::UTC);
        p.card = {QStringLiteral("VISA"), QStringLiteral("411111"), QStringLiteral("1111"), QStringLiteral("12/28")};
        p.customer.name = QStringLiteral("山田 花子");
        p.customer.kana = QStringLiteral("ヤマダ ハナコ");
        p.actions = {QStringLiteral("capture"), QStringLiteral("cancel")};

        const QJsonObject json = p.toJson();
        QCOMPARE(json.value(QLatin1String("trade_time")).toString(), QStringLiteral("2026-11-20T03:04:05Z"));
        QVERIFY(!json.contains(QLatin1String("due_time")));
        QVERIFY(!json.contains(QLatin1String("cleared_time")));
        const Payment back = Payment::fromJson(json);
        QCOMPARE(back.paymentId, p.paymentId);
        QCOMPARE(back.amount, p.amount);
        QCOMPARE(back.tradeTime, p.tradeTime);
        QCOMPARE(back.card.masked(), QStringLiteral("411111******1111"));
        QCOMPARE(back.customer.kana, p.customer.kana);
        QCOMPARE(back.actions, p.actions);
        QVERIFY(!back.dueTime.isValid());
    }

    void keepsLargeAmountsExact()
    {
        // JSON numbers above 2^53 would lose yen in a double; amounts are far below, but totals
        // of statements are not, so the parser must read integers as integers.
        const QByteArray text = R"({"amount": 9007199254740993})";
        const Payment p = Payment::fromJson(QJsonDocument::fromJson(text).object());
        QCOMPARE(p.amount, Q_INT64_C(9007199254740993));
    }

    void readsWireTimesAsUtc_data()
    {
        QTest::addColumn<QString>("wire");
        QTest::addColumn<QDateTime>("utc");
        QTest::newRow("zulu") << QStringLiteral("2026-01-02T03:04:05Z") << QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), Qt::UTC);
        QTest::newRow("offset") << QStringLiteral("2026-01-02T12:04:05+09:00")
                                << QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), Qt::UTC);
        QTest::newRow("empty") << QString() << QDateTime();
        QTest::newRow("garbage") << QStringLiteral("yesterday") << QDateTime();
    }
    void readsWireTimesAsUtc()
    {
        QFETCH(QString, wire);
        QFETCH(QDateTime, utc);
        QCOMPARE(fromWireTime(wire), utc);
    }

    void queryWritesOnlyWhatIsSet()
    {
        PaymentQuery q;
        QVERIFY(q.isEmpty());
        QUrlQuery url;
        q.addTo(url);
        QVERIFY(url.isEmpty());

        q.tradingId = QStringLiteral(" ORD* ");
        q.statuses = {20, 40};
        q.types = {QStringLiteral("02"), QStringLiteral("03")};
        QVERIFY(!q.isEmpty());
        q.addTo(url);
        QCOMPARE(url.queryItemValue(QStringLiteral("trading_id")), QStringLiteral("ORD*"));
        QCOMPARE(url.queryItemValue(QStringLiteral("status")), QStringLiteral("20,40"));
        QCOMPARE(url.queryItemValue(QStringLiteral("type")), QStringLiteral("02,03"));
        QVERIFY(!url.hasQueryItem(QStringLiteral("payment_id")));
    }

    void typeStatusPairsTravelAndComeBack()
    {
        PaymentQuery q;
        q.typeStatuses = {{QStringLiteral("02"), 40}, {QStringLiteral("03"), 43}};
        QVERIFY(!q.isEmpty());
        QUrlQuery url;
        q.addTo(url);
        QCOMPARE(url.queryItemValue(QStringLiteral("type_status")), QStringLiteral("02:40,03:43"));
        QVERIFY(!url.hasQueryItem(QStringLiteral("status")));
        QCOMPARE(PaymentQuery::fromQueryString(q.toQueryString()), q);
    }

    // "Authorizations that lapse within N days": the wire gets the end of that day in Japan (a
    // plain date, exclusive); a saved search keeps N, so it means the same days when run again.
    void authorizationsExpiringWithinDaysAreRelative()
    {
        PaymentQuery q;
        q.authExpiresWithinDays = 7;
        QVERIFY(!q.isEmpty());
        QUrlQuery url;
        q.addTo(url, QDate(2026, 12, 4));
        QCOMPARE(url.queryItemValue(QStringLiteral("auth_expires_to")), QStringLiteral("2026-12-12"));
        QVERIFY(!url.hasQueryItem(QStringLiteral("auth_expires_from")));
        QUrlQuery today;
        q.authExpiresWithinDays = 0;
        q.addTo(today, QDate(2026, 12, 31));
        QCOMPARE(today.queryItemValue(QStringLiteral("auth_expires_to")), QStringLiteral("2027-01-01"));

        q.authExpiresWithinDays = 14;
        const QString saved = q.toQueryString();
        QVERIFY2(saved.contains(QStringLiteral("auth_expires_within=14")), qPrintable(saved));
        QVERIFY(!saved.contains(QStringLiteral("auth_expires_to")));
        QCOMPARE(PaymentQuery::fromQueryString(saved), q);
        QVERIFY(!PaymentQuery::fromQueryString(QStringLiteral("auth_expires_within=-3")).authExpiresWithinDays);
    }
};

QTEST_GUILESS_MAIN(TestPayment)
#include "tst_payment.moc"
