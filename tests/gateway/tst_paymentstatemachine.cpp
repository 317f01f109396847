#include "payments/paymentstatemachine.h"

#include <QTest>

using namespace kessai::gateway;
using PaymentStateMachine::Action;

// The state table's time rules without a gateway: windows at 59 and 61 days, deadlines, and
// which refusals are `expired` rather than `status_not_allowed`.
class TestPaymentStateMachine : public QObject
{
    Q_OBJECT

private slots:
    void possibleActionsFollowTheWindows_data();
    void possibleActionsFollowTheWindows();
    void deadlinesComeFromTheRightTime();
    void expiredOnlyWhereTimeClosedTheAction();
    void onlyCardPaymentsHaveMerchantActions();
};

namespace {
constexpr qint64 Day = PaymentStateMachine::Day;
constexpr qint64 T0 = 1'790'000'000;
} // namespace

void TestPaymentStateMachine::possibleActionsFollowTheWindows_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<qint64>("cleared");
    QTest::addColumn<qint64>("daysLater");
    QTest::addColumn<QStringList>("expected");
    const QStringList all = {QStringLiteral("capture"), QStringLiteral("cancel"), QStringLiteral("change_amount")};
    const QStringList captured = {QStringLiteral("cancel"), QStringLiteral("change_amount")};
    QTest::newRow("20 fresh") << 20 << qint64(0) << qint64(0) << all;
    QTest::newRow("20 at 59 days") << 20 << qint64(0) << qint64(59) << all;
    QTest::newRow("20 at 60 days") << 20 << qint64(0) << qint64(60) << QStringList();
    QTest::newRow("20 at 61 days") << 20 << qint64(0) << qint64(61) << QStringList();
    QTest::newRow("40 captured 59 days ago") << 40 << T0 << qint64(59) << captured;
    QTest::newRow("40 captured 61 days ago") << 40 << T0 << qint64(61) << QStringList();
    QTest::newRow("40 without a capture time") << 40 << qint64(0) << qint64(1) << QStringList();
    for (int status : {11, 13, 32, 33, 41, 60})
        QTest::addRow("%d", status) << status << T0 << qint64(1) << QStringList();
}

void TestPaymentStateMachine::possibleActionsFollowTheWindows()
{
    QFETCH(int, status);
    QFETCH(qint64, cleared);
    QFETCH(qint64, daysLater);
    QFETCH(QStringList, expected);
    const PaymentStateMachine::Times times{T0, cleared, 0};
    QCOMPARE(PaymentStateMachine::possibleActions(QStringLiteral("02"), status, times, T0 + daysLater * Day), expected);
}

void TestPaymentStateMachine::deadlinesComeFromTheRightTime()
{
    const PaymentStateMachine::Times times{T0, T0 + 5 * Day, T0 + 7 * Day};
    QCOMPARE(PaymentStateMachine::deadline(QStringLiteral("02"), 20, times), std::optional<qint64>(T0 + 60 * Day));
    QCOMPARE(PaymentStateMachine::deadline(QStringLiteral("02"), 40, times), std::optional<qint64>(T0 + 65 * Day));
    QCOMPARE(PaymentStateMachine::deadline(QStringLiteral("03"), 10, times), std::optional<qint64>(T0 + 7 * Day));
    QCOMPARE(PaymentStateMachine::deadline(QStringLiteral("01"), 10, times), std::optional<qint64>(T0 + 7 * Day));
    QCOMPARE(PaymentStateMachine::deadline(QStringLiteral("05"), 10, times), std::optional<qint64>(T0 + 7 * Day));
    QCOMPARE(PaymentStateMachine::timedFrom(QStringLiteral("05"), 10)->to, 15);
    QCOMPARE(PaymentStateMachine::timedFrom(QStringLiteral("03"), 10)->to, 12);
    QVERIFY(!PaymentStateMachine::deadline(QStringLiteral("03"), 43, times));
    QVERIFY(!PaymentStateMachine::deadline(QStringLiteral("02"), 60, times));
    const PaymentStateMachine::Times withoutDue{T0, 0, 0};
    QVERIFY(!PaymentStateMachine::deadline(QStringLiteral("03"), 10, withoutDue));
}

void TestPaymentStateMachine::expiredOnlyWhereTimeClosedTheAction()
{
    QVERIFY(PaymentStateMachine::expiredFor(QStringLiteral("02"), 33, Action::Capture));
    QVERIFY(PaymentStateMachine::expiredFor(QStringLiteral("02"), 33, Action::Cancel));
    QVERIFY(PaymentStateMachine::expiredFor(QStringLiteral("02"), 41, Action::Cancel));
    QVERIFY(PaymentStateMachine::expiredFor(QStringLiteral("02"), 41, Action::ChangeAmount));
    QVERIFY(!PaymentStateMachine::expiredFor(QStringLiteral("02"), 41, Action::Capture));
    QVERIFY(!PaymentStateMachine::expiredFor(QStringLiteral("02"), 32, Action::Cancel));
    QVERIFY(!PaymentStateMachine::expiredFor(QStringLiteral("03"), 12, Action::Cancel));
    QVERIFY(PaymentStateMachine::expiredFor(QStringLiteral("03"), 12, Action::Pay));
}

void TestPaymentStateMachine::onlyCardPaymentsHaveMerchantActions()
{
    for (const PaymentStateMachine::Transition &t : PaymentStateMachine::transitions()) {
        const bool merchant = !PaymentStateMachine::permissionFor(t.action).isEmpty();
        QCOMPARE(merchant, t.type == QLatin1String("02"));
    }
    // Paid CVS / ATM / bank payments cannot be refunded through the gateway.
    for (const char *type : {"01", "03", "05"})
        QVERIFY(!PaymentStateMachine::find(QLatin1String(type), 40, Action::Cancel));
}

QTEST_GUILESS_MAIN(TestPaymentStateMachine)
#include "tst_paymentstatemachine.moc"
