#include "domain/japantime.h"

#include <QTest>
#include <QTimeZone>

using namespace kessai;

// Japan time is UTC+9 without daylight saving: checked against the tz database's Asia/Tokyo,
// whatever zone the machine running the test is in.
class TestJapanTime : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void formatsInJapanWhateverTheMachineZone_data()
    {
        QTest::addColumn<QDateTime>("utc");
        QTest::addColumn<QString>("expected");
        QTest::newRow("morning") << QDateTime(QDate(2026, 11, 23), QTime(1, 2, 3), Qt::UTC) << QStringLiteral("2026/11/23 10:02:03");
        QTest::newRow("UTC 15:00 is the next day") << QDateTime(QDate(2026, 11, 23), QTime(15, 0, 0), Qt::UTC)
                                                   << QStringLiteral("2026/11/24 00:00:00");
        QTest::newRow("one second before") << QDateTime(QDate(2026, 11, 23), QTime(14, 59, 59), Qt::UTC)
                                           << QStringLiteral("2026/11/23 23:59:59");
        QTest::newRow("new year") << QDateTime(QDate(2026, 12, 31), QTime(15, 0, 0), Qt::UTC) << QStringLiteral("2027/01/01 00:00:00");
        QTest::newRow("leap day") << QDateTime(QDate(2028, 2, 28), QTime(20, 30, 0), Qt::UTC) << QStringLiteral("2028/02/29 05:30:00");
        QTest::newRow("before the epoch") << QDateTime(QDate(1969, 12, 31), QTime(12, 0, 0), Qt::UTC)
                                          << QStringLiteral("1969/12/31 21:00:00");
    }
    void formatsInJapanWhateverTheMachineZone()
    {
        QFETCH(QDateTime, utc);
        QFETCH(QString, expected);
        QCOMPARE(JapanTime::format(utc.toSecsSinceEpoch()), expected);
        QCOMPARE(JapanTime::format(utc), expected);
        QCOMPARE(JapanTime::format(utc.toSecsSinceEpoch(), true), expected.left(10));
        const QDateTime tokyo = utc.toTimeZone(QTimeZone(QByteArrayLiteral("Asia/Tokyo")));
        QCOMPARE(JapanTime::dateOf(utc.toSecsSinceEpoch()), tokyo.date());
        QCOMPARE(tokyo.toString(QStringLiteral("yyyy/MM/dd HH:mm:ss")), expected);
        QCOMPARE(JapanTime::toJapan(utc).toString(QStringLiteral("yyyy/MM/dd HH:mm:ss")), expected);
        QCOMPARE(JapanTime::toJapan(utc), utc); // the same instant
    }

    void readsDatesAsTheyAreTyped_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QDate>("date");
        const QDate nov1(2026, 11, 1);
        QTest::newRow("slashes") << QStringLiteral("2026/11/01") << nov1;
        QTest::newRow("short parts") << QStringLiteral("2026/11/1") << nov1;
        QTest::newRow("hyphens") << QStringLiteral("2026-11-01") << nov1;
        QTest::newRow("dots") << QStringLiteral("2026.11.01") << nov1;
        QTest::newRow("compact") << QStringLiteral("20261101") << nov1;
        QTest::newRow("kanji") << QStringLiteral("2026年11月1日") << nov1;
        QTest::newRow("full width") << QStringLiteral("２０２６／１１／０１") << nov1;
        QTest::newRow("spaces") << QStringLiteral(" 2026 / 11 / 01 ") << nov1;
        QTest::newRow("reiwa") << QStringLiteral("令和8年11月1日") << nov1;
        QTest::newRow("reiwa short") << QStringLiteral("R8/11/1") << nov1;
        QTest::newRow("reiwa first year") << QStringLiteral("令和元年5月1日") << QDate(2019, 5, 1);
        QTest::newRow("month and day") << QStringLiteral("11/1") << nov1;
        QTest::newRow("month and day in kanji") << QStringLiteral("11月1日") << nov1;
        QTest::newRow("no such day") << QStringLiteral("2026/02/30") << QDate();
        QTest::newRow("month 13") << QStringLiteral("20261301") << QDate();
        QTest::newRow("words") << QStringLiteral("yesterday") << QDate();
        QTest::newRow("empty") << QString() << QDate();
        QTest::newRow("two parts of a year") << QStringLiteral("2026/11") << QDate();
    }

    void readsDatesAsTheyAreTyped()
    {
        QFETCH(QString, text);
        QFETCH(QDate, date);
        QCOMPARE(JapanTime::parseDate(text, 2026), date);
    }

    void notSetIsEmpty()
    {
        QVERIFY(JapanTime::format(qint64(0)).isEmpty());
        QVERIFY(JapanTime::format(QDateTime()).isEmpty());
        QVERIFY(!JapanTime::toJapan(QDateTime()).isValid());
    }

    void todayIsTokyosDate()
    {
        const QDate before = QDateTime::currentDateTimeUtc().toTimeZone(QTimeZone(QByteArrayLiteral("Asia/Tokyo"))).date();
        const QDate today = JapanTime::today();
        const QDate after = QDateTime::currentDateTimeUtc().toTimeZone(QTimeZone(QByteArrayLiteral("Asia/Tokyo"))).date();
        QVERIFY(today == before || today == after);
    }
};

QTEST_GUILESS_MAIN(TestJapanTime)
#include "tst_japantime.moc"
