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
