#include "common/logthrottle.h"

#include <QTest>

using namespace kessai::gateway;
using namespace std::chrono_literals;

// A log line a client can provoke at will is written once per key and interval, with the count
// of the ones left out; distinct keys past the table's size share one slot.
class TestLogThrottle : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void oneLinePerKeyAndIntervalWithTheCountLeftOut()
    {
        LogThrottle throttle(60s);
        const auto t0 = LogThrottle::Clock::time_point{} + 1h;
        qint64 left = -1;
        QVERIFY(throttle.admit(QStringLiteral("revoked:ab"), t0, &left));
        QCOMPARE(left, 0);
        for (int i = 0; i < 500; ++i)
            QVERIFY(!throttle.admit(QStringLiteral("revoked:ab"), t0 + 1s, &left));
        QVERIFY(throttle.admit(QStringLiteral("revoked:cd"), t0 + 1s, &left)); // another key: its own line
        QVERIFY(!throttle.admit(QStringLiteral("revoked:ab"), t0 + 59s, &left));
        QVERIFY(throttle.admit(QStringLiteral("revoked:ab"), t0 + 60s, &left));
        QCOMPARE(left, 501);
        QCOMPARE(LogThrottle::more(left), QStringLiteral(" (501 more since the last)"));
        QVERIFY(LogThrottle::more(0).isEmpty());
        QVERIFY(!throttle.admit(QStringLiteral("revoked:ab"), t0 + 61s, &left));
        QVERIFY(throttle.admit(QStringLiteral("revoked:ab"), t0 + 121s, &left));
        QCOMPARE(left, 1);
    }

    void aFloodOfKeysSharesOneSlot()
    {
        LogThrottle throttle(60s, 4);
        const auto t0 = LogThrottle::Clock::time_point{} + 1h;
        int written = 0;
        for (int i = 0; i < 10000; ++i)
            written += throttle.admit(QStringLiteral("revoked:%1").arg(i), t0 + std::chrono::milliseconds(i), nullptr);
        // The first keys get their lines, then one for the shared slot: not ten thousand.
        QVERIFY2(written <= 5, qPrintable(QString::number(written)));
        // After the interval the stale keys are dropped and new ones are written again.
        qint64 left = -1;
        QVERIFY(throttle.admit(QStringLiteral("revoked:new"), t0 + 200s, &left));
        QCOMPARE(left, 0);
    }
};

QTEST_GUILESS_MAIN(TestLogThrottle)
#include "tst_logthrottle.moc"
