#include "domain/jsonwriter.h"
#include "domain/payment.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

using namespace kessai;

class TestJsonWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writesWhatQtJsonReadsBack()
    {
        QByteArray out;
        JsonWriter w(&out);
        const QString tricky = QStringLiteral("quote \" backslash \\ newline \n tab \t bell \a 日本語 😀");
        w.beginObject()
            .key(QLatin1StringView("text")).value(tricky)
            .key(QLatin1StringView("n")).value(qint64(-9007199254740993))
            .key(QLatin1StringView("min")).value(std::numeric_limits<qint64>::min())
            .key(QLatin1StringView("zero")).value(0)
            .key(QLatin1StringView("flag")).value(true)
            .key(QLatin1StringView("none")).null()
            .key(QLatin1StringView("list")).beginArray().value(1).value(QStringLiteral("two")).beginObject().endObject().endArray()
            .optional(QLatin1StringView("skipped"), QString())
            .endObject();
        QJsonParseError error{};
        const QJsonObject o = QJsonDocument::fromJson(out, &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(o.value(QLatin1String("text")).toString(), tricky);
        QCOMPARE(o.value(QLatin1String("n")).toInteger(), Q_INT64_C(-9007199254740993));
        QCOMPARE(o.value(QLatin1String("zero")).toInteger(), 0);
        QCOMPARE(o.value(QLatin1String("flag")).toBool(), true);
        QVERIFY(o.value(QLatin1String("none")).isNull());
        QCOMPARE(o.value(QLatin1String("list")).toArray().size(), 3);
        QVERIFY(!o.contains(QLatin1String("skipped")));
        QVERIFY(out.contains("\"min\":-9223372036854775808"));
    }

    void wireTimesMatchQDateTime()
    {
        QList<qint64> samples{0, 59, 86399, 86400, 951782400 /* 2000-02-29 */, 1709164800 /* 2024-02-29 */,
                              4107542399 /* 2100-02-28T23:59:59 */, 4107542400, 1795392000};
        auto *random = QRandomGenerator::global();
        for (int i = 0; i < 2000; ++i)
            samples.append(random->bounded(qint64(0), qint64(4102444800)));
        for (qint64 secs : samples) {
            QByteArray ours;
            appendWireTime(&ours, secs);
            const QString qt = QDateTime::fromSecsSinceEpoch(secs, Qt::UTC).toString(Qt::ISODate);
            QCOMPARE(QString::fromLatin1(ours), qt);
            qint64 back = -1;
            QVERIFY(parseWireSeconds(qt, &back));
            QCOMPARE(back, secs);
        }
    }

    void parsesOnlyRealTimes_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<qint64>("seconds");
        QTest::newRow("canonical") << QStringLiteral("2026-11-23T01:02:03Z") << true << qint64(1795395723);
        QTest::newRow("offset") << QStringLiteral("2026-11-23T10:02:03+09:00") << true << qint64(1795395723);
        QTest::newRow("february 30") << QStringLiteral("2026-02-30T00:00:00Z") << false << qint64(0);
        QTest::newRow("hour 24") << QStringLiteral("2026-01-01T24:00:00Z") << false << qint64(0);
        QTest::newRow("letters") << QStringLiteral("2026-0a-01T00:00:00Z") << false << qint64(0);
        QTest::newRow("garbage") << QStringLiteral("tomorrow") << false << qint64(0);
    }
    void parsesOnlyRealTimes()
    {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        QFETCH(qint64, seconds);
        qint64 parsed = 0;
        QCOMPARE(parseWireSeconds(text, &parsed), ok);
        if (ok)
            QCOMPARE(parsed, seconds);
        // The same from UTF-8 bytes (the page reader's way).
        const QByteArray utf8 = text.toUtf8();
        qint64 fromBytes = 0;
        QCOMPARE(parseWireSeconds(QByteArrayView(utf8), &fromBytes), ok);
        if (ok)
            QCOMPARE(fromBytes, seconds);
    }

    void paymentStreamsTheSameAsItsObject()
    {
        Payment p;
        p.paymentId = QStringLiteral("100000000000000001");
        p.tradingId = QStringLiteral("paygent03");
        p.type = QStringLiteral("03");
        p.status = 40;
        p.amount = 12000;
        p.institution = QStringLiteral("ローソン");
        p.tradeTime = QDateTime(QDate(2026, 11, 18), QTime(1, 20), Qt::UTC);
        p.clearedTime = QDateTime(QDate(2026, 11, 19), QTime(2, 0), Qt::UTC);
        p.customer.name = QStringLiteral("佐藤 \"太郎\"");
        QByteArray out;
        JsonWriter w(&out);
        p.writeJson(w);
        const QJsonObject o = QJsonDocument::fromJson(out).object();
        QCOMPARE(o.value(QLatin1String("cleared_time")).toString(), QStringLiteral("2026-11-19T02:00:00Z"));
        QVERIFY(!o.contains(QLatin1String("due_time")));
        QVERIFY(!o.contains(QLatin1String("card")));
        const Payment back = Payment::fromJson(o);
        QCOMPARE(back.customer.name, p.customer.name);
        QCOMPARE(back.tradeTime, p.tradeTime);
        QCOMPARE(back.institution, p.institution);
    }
};

QTEST_GUILESS_MAIN(TestJsonWriter)
#include "tst_jsonwriter.moc"
