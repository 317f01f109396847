#include "statements/settlementrules.h"

#include <QDateTime>
#include <QTest>

#include <random>

using namespace kessai::gateway;
using namespace kessai::gateway::SettlementRules;

namespace {

qint64 utc(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toSecsSinceEpoch();
}

QDate day(const char *iso)
{
    return QDate::fromString(QString::fromLatin1(iso), Qt::ISODate);
}

} // namespace

// The settlement rules of docs/api.md (支払明細): the half-month calendar in JST, payout dates,
// line fees, the consumption tax and its allocation, and how a statement's figures follow from
// its lines. Expected values are written from the documented rules, not computed by the code
// under test; the property test recomputes every sum on its own.
class TestSettlementRules : public QObject
{
    Q_OBJECT

private slots:
    void periodOfAnInstantIsItsJstHalfMonth_data();
    void periodOfAnInstantIsItsJstHalfMonth();
    void payoutIsFifteenDaysAfterClosingOnAWeekday_data();
    void payoutIsFifteenDaysAfterClosingOnAWeekday();
    void periodsFollowEachOtherWithoutGaps();
    void lineFeeChargesRateAndFixedAndRefundsOnlyTheRate_data();
    void lineFeeChargesRateAndFixedAndRefundsOnlyTheRate();
    void taxIsTenPercentRoundedTowardZero_data();
    void taxIsTenPercentRoundedTowardZero();
    void taxIsSharedOutByLargestRemainder_data();
    void taxIsSharedOutByLargestRemainder();
    void workedExampleOfTheDocs();
    void negativeBalanceIsCarriedOverAndPaidLater();
    void balanceNotAboveTheTransferFeeIsCarriedWithoutAFee();
    void saleAndCancelInOneStatementCostTheFixedFeeOnly();
    void linesSumToTheSummaryForRandomStatements();
};

void TestSettlementRules::periodOfAnInstantIsItsJstHalfMonth_data()
{
    QTest::addColumn<qint64>("instant");
    QTest::addColumn<QDate>("first");
    QTest::addColumn<QDate>("last");

    // 15:00 UTC is midnight in Tokyo: the JST date decides, not the UTC one.
    QTest::newRow("first second of the 1st JST") << utc("2026-10-31T15:00:00Z") << day("2026-11-01") << day("2026-11-15");
    QTest::newRow("last second of the 31st UTC is the 1st JST")
        << utc("2026-10-31T23:59:59Z") << day("2026-11-01") << day("2026-11-15");
    QTest::newRow("last second of the 15th JST") << utc("2026-11-15T14:59:59Z") << day("2026-11-01") << day("2026-11-15");
    QTest::newRow("first second of the 16th JST") << utc("2026-11-15T15:00:00Z") << day("2026-11-16") << day("2026-11-30");
    QTest::newRow("30-day month end") << utc("2026-11-30T14:59:59Z") << day("2026-11-16") << day("2026-11-30");
    QTest::newRow("31-day month end") << utc("2026-12-31T14:00:00Z") << day("2026-12-16") << day("2026-12-31");
    QTest::newRow("new year JST") << utc("2026-12-31T15:00:00Z") << day("2027-01-01") << day("2027-01-15");
    QTest::newRow("february") << utc("2027-02-20T00:00:00Z") << day("2027-02-16") << day("2027-02-28");
    QTest::newRow("leap february") << utc("2028-02-29T10:00:00Z") << day("2028-02-16") << day("2028-02-29");
}

void TestSettlementRules::periodOfAnInstantIsItsJstHalfMonth()
{
    QFETCH(qint64, instant);
    QFETCH(QDate, first);
    QFETCH(QDate, last);
    const Period period = periodContaining(instant);
    QCOMPARE(period.first, first);
    QCOMPARE(period.last, last);
    // [00:00 JST of the first day, 00:00 JST of the day after the closing date)
    QCOMPARE(period.start, QDateTime(first, QTime(0, 0), Qt::UTC).toSecsSinceEpoch() - 9 * 3600);
    QCOMPARE(period.end, QDateTime(last.addDays(1), QTime(0, 0), Qt::UTC).toSecsSinceEpoch() - 9 * 3600);
    QVERIFY(period.start <= instant && instant < period.end);
}

void TestSettlementRules::payoutIsFifteenDaysAfterClosingOnAWeekday_data()
{
    QTest::addColumn<QDate>("closing");
    QTest::addColumn<QDate>("payout");
    QTest::newRow("Friday stays") << day("2026-01-15") << day("2026-01-30");
    QTest::newRow("Monday stays") << day("2026-11-15") << day("2026-11-30");
    QTest::newRow("Sunday moves to Monday") << day("2026-10-31") << day("2026-11-16");
    QTest::newRow("Saturday moves to Monday across a month") << day("2026-05-15") << day("2026-06-01");
    QTest::newRow("February end") << day("2026-02-28") << day("2026-03-16");
    QTest::newRow("leap February end") << day("2028-02-29") << day("2028-03-15");
    QTest::newRow("year end") << day("2026-12-31") << day("2027-01-15");
}

void TestSettlementRules::payoutIsFifteenDaysAfterClosingOnAWeekday()
{
    QFETCH(QDate, closing);
    QFETCH(QDate, payout);
    QCOMPARE(payoutDate(closing), payout);
    QCOMPARE(periodOf(closing).payoutDate, payout);
}

void TestSettlementRules::periodsFollowEachOtherWithoutGaps()
{
    Period period = periodOf(day("2025-12-20"));
    int perYear2026 = 0;
    for (int i = 0; i < 60; ++i) {
        const Period next = nextPeriod(period);
        QCOMPARE(next.start, period.end);
        QCOMPARE(next.first, period.last.addDays(1));
        QVERIFY(next.first.day() == 1 || next.first.day() == 16);
        QVERIFY(next.payoutDate > next.last);
        QVERIFY(next.payoutDate.dayOfWeek() <= 5);
        if (next.first.year() == 2026)
            ++perYear2026;
        period = next;
    }
    QCOMPARE(perYear2026, 24);
}

void TestSettlementRules::lineFeeChargesRateAndFixedAndRefundsOnlyTheRate_data()
{
    QTest::addColumn<bool>("sale");
    QTest::addColumn<qint64>("amount");
    QTest::addColumn<int>("rateBp");
    QTest::addColumn<qint64>("fixedFee");
    QTest::addColumn<qint64>("fee");

    QTest::newRow("card 3.25% of 5,000 = 162.5 → 162") << true << qint64(5000) << 325 << qint64(0) << qint64(162);
    QTest::newRow("card cancel gets 162 back") << false << qint64(5000) << 325 << qint64(0) << qint64(-162);
    QTest::newRow("card 3.25% of 6,300 = 204.75 → 204") << true << qint64(6300) << 325 << qint64(0) << qint64(204);
    QTest::newRow("CVS fixed 130") << true << qint64(8000) << 0 << qint64(130) << qint64(130);
    QTest::newRow("cancel keeps the fixed fee") << false << qint64(8000) << 0 << qint64(130) << qint64(0);
    QTest::newRow("rate and fixed") << true << qint64(1234) << 360 << qint64(10) << qint64(44 + 10);
    QTest::newRow("rate and fixed, cancel") << false << qint64(1234) << 360 << qint64(10) << qint64(-44);
    QTest::newRow("1 yen") << true << qint64(1) << 325 << qint64(0) << qint64(0);
    QTest::newRow("maximum amount") << true << qint64(9999999) << 10000 << qint64(500) << qint64(9999999 + 500);
}

void TestSettlementRules::lineFeeChargesRateAndFixedAndRefundsOnlyTheRate()
{
    QFETCH(bool, sale);
    QFETCH(qint64, amount);
    QFETCH(int, rateBp);
    QFETCH(qint64, fixedFee);
    QFETCH(qint64, fee);
    const LineKind kind = sale ? LineKind::Sale : LineKind::Cancel;
    QCOMPARE(lineFee(kind, amount, {rateBp, fixedFee}), fee);
    const Line line = makeLine(QStringLiteral("02"), kind, amount, {rateBp, fixedFee});
    QCOMPARE(line.amount, sale ? amount : -amount);
    QCOMPARE(line.fee, fee);
}

void TestSettlementRules::taxIsTenPercentRoundedTowardZero_data()
{
    QTest::addColumn<qint64>("fee");
    QTest::addColumn<qint64>("tax");
    QTest::newRow("0") << qint64(0) << qint64(0);
    QTest::newRow("9") << qint64(9) << qint64(0);
    QTest::newRow("10") << qint64(10) << qint64(1);
    QTest::newRow("162") << qint64(162) << qint64(16);
    QTest::newRow("-162 mirrors 162") << qint64(-162) << qint64(-16);
    QTest::newRow("-9") << qint64(-9) << qint64(0);
    QTest::newRow("37825") << qint64(37825) << qint64(3782);
}

void TestSettlementRules::taxIsTenPercentRoundedTowardZero()
{
    QFETCH(qint64, fee);
    QFETCH(qint64, tax);
    QCOMPARE(taxOn(fee), tax);
}

void TestSettlementRules::taxIsSharedOutByLargestRemainder_data()
{
    QTest::addColumn<QList<qint64>>("fees");
    QTest::addColumn<QList<qint64>>("taxes");
    QTest::newRow("one method") << QList<qint64>{162} << QList<qint64>{16};
    QTest::newRow("none") << QList<qint64>{} << QList<qint64>{};
    // 4.5 + 4.5 + 4.5 = 13.5 → 13: each gets 4, the one yen left goes to the first.
    QTest::newRow("ties go to the earlier method") << QList<qint64>{45, 45, 45} << QList<qint64>{5, 4, 4};
    // 16.2 + 2.9 + 13.0 = 32.1 → 32: floors 16 + 2 + 13 = 31; the largest remainder (.9) gets it.
    QTest::newRow("largest remainder") << QList<qint64>{162, 29, 130} << QList<qint64>{16, 3, 13};
    // 16.2 − 16.2 = 0: floors 16 and −17; the −16.2 has the larger remainder (.8).
    QTest::newRow("charge and refund") << QList<qint64>{162, -162} << QList<qint64>{16, -16};
    QTest::newRow("refund only") << QList<qint64>{-162} << QList<qint64>{-16};
    QTest::newRow("whole shares untouched") << QList<qint64>{600, 130, 1690} << QList<qint64>{60, 13, 169};
}

void TestSettlementRules::taxIsSharedOutByLargestRemainder()
{
    QFETCH(QList<qint64>, fees);
    QFETCH(QList<qint64>, taxes);
    QCOMPARE(allocateTax(fees), taxes);
}

// The example of docs/api.md, figure by figure.
void TestSettlementRules::workedExampleOfTheDocs()
{
    const QMap<QString, FeeRate> rates{{QStringLiteral("02"), {325, 0}},
                                       {QStringLiteral("03"), {0, 130}},
                                       {QStringLiteral("05"), {150, 0}}};
    const QList<Line> lines = {
        makeLine(QStringLiteral("02"), LineKind::Sale, 5000, rates[QStringLiteral("02")]),   // 162.5 → 162
        makeLine(QStringLiteral("02"), LineKind::Sale, 12345, rates[QStringLiteral("02")]),  // 401.2 → 401
        makeLine(QStringLiteral("02"), LineKind::Cancel, 3000, rates[QStringLiteral("02")]), // −97 (97.5 → 97)
        makeLine(QStringLiteral("03"), LineKind::Sale, 8000, rates[QStringLiteral("03")]),   // 130
        makeLine(QStringLiteral("03"), LineKind::Sale, 2980, rates[QStringLiteral("03")]),   // 130
        makeLine(QStringLiteral("05"), LineKind::Sale, 3980, rates[QStringLiteral("05")]),   // 59.7 → 59
    };
    QCOMPARE(lines.at(2).amount, -3000);
    QCOMPARE(lines.at(2).fee, -97);
    const StatementFigures s = computeStatement(lines, rates, 0, 250);
    QCOMPARE(s.methods.size(), 3);
    QCOMPARE(s.methods.at(0).type, QStringLiteral("02"));
    QCOMPARE(s.methods.at(1).type, QStringLiteral("03"));
    QCOMPARE(s.methods.at(2).type, QStringLiteral("05"));
    const Figures &card = s.methods.at(0).figures;
    const Figures &cvs = s.methods.at(1).figures;
    const Figures &bank = s.methods.at(2).figures;
    QCOMPARE(card.saleCount, 2);
    QCOMPARE(card.saleAmount, 17345);
    QCOMPARE(card.cancelCount, 1);
    QCOMPARE(card.cancelAmount, 3000);
    QCOMPARE(card.fee, 466);
    QCOMPARE(cvs.fee, 260);
    QCOMPARE(bank.fee, 59);
    // Σ fees 785 → tax 78 (78.5 toward zero). Shares 46.6, 26.0, 5.9: floors 46 + 26 + 5 = 77,
    // the yen left goes to the largest remainder (.9, bank net).
    QCOMPARE(s.totals.fee, 785);
    QCOMPARE(s.totals.tax, 78);
    QCOMPARE(card.tax, 46);
    QCOMPARE(cvs.tax, 26);
    QCOMPARE(bank.tax, 6);
    QCOMPARE(card.net, 13833);
    QCOMPARE(cvs.net, 10694);
    QCOMPARE(bank.net, 3915);
    QCOMPARE(s.totals.saleCount, 5);
    QCOMPARE(s.totals.saleAmount, 32305);
    QCOMPARE(s.totals.net, 28442);
    QCOMPARE(s.transferFee, 250);
    QCOMPARE(s.payout, 28192);
    QCOMPARE(s.carryOut, 0);
}

void TestSettlementRules::negativeBalanceIsCarriedOverAndPaidLater()
{
    const FeeRate card{325, 0};
    const FeeRate cvs{0, 130};
    // Period 1: only the cancel of a sale paid out earlier.
    const StatementFigures first = computeStatement({makeLine(QStringLiteral("02"), LineKind::Cancel, 5000, card)},
                                                    {{QStringLiteral("02"), card}}, 0, 250);
    QCOMPARE(first.totals.fee, -162);
    QCOMPARE(first.totals.tax, -16);
    QCOMPARE(first.totals.net, -5000 + 162 + 16);
    QCOMPARE(first.payout, 0);
    QCOMPARE(first.transferFee, 0);
    QCOMPARE(first.carryOut, -4822);
    // Period 2: a CVS sale of 8,000 pays the debt and the rest goes out.
    const StatementFigures second = computeStatement({makeLine(QStringLiteral("03"), LineKind::Sale, 8000, cvs)},
                                                     {{QStringLiteral("03"), cvs}}, first.carryOut, 250);
    QCOMPARE(second.totals.net, 8000 - 130 - 13);
    QCOMPARE(second.carryIn, -4822);
    QCOMPARE(second.transferFee, 250);
    QCOMPARE(second.payout, 7857 - 4822 - 250);
    QCOMPARE(second.carryOut, 0);
    // An empty period only carries the balance on.
    const StatementFigures empty = computeStatement({}, {}, -4822, 250);
    QVERIFY(empty.methods.isEmpty());
    QCOMPARE(empty.totals, Figures());
    QCOMPARE(empty.carryOut, -4822);
    QCOMPARE(empty.payout, 0);
}

void TestSettlementRules::balanceNotAboveTheTransferFeeIsCarriedWithoutAFee()
{
    const FeeRate cvs{0, 130};
    // 400 − 130 − 13 = 257: above 250, paid out as 7 yen.
    StatementFigures s = computeStatement({makeLine(QStringLiteral("03"), LineKind::Sale, 400, cvs)}, {}, 0, 250);
    QCOMPARE(s.totals.net, 257);
    QCOMPARE(s.payout, 7);
    QCOMPARE(s.transferFee, 250);
    // 393 − 143 = 250: exactly the transfer fee, nothing would arrive: carried over, no fee.
    s = computeStatement({makeLine(QStringLiteral("03"), LineKind::Sale, 393, cvs)}, {}, 0, 250);
    QCOMPARE(s.totals.net, 250);
    QCOMPARE(s.payout, 0);
    QCOMPARE(s.transferFee, 0);
    QCOMPARE(s.carryOut, 250);
}

void TestSettlementRules::saleAndCancelInOneStatementCostTheFixedFeeOnly()
{
    const FeeRate rate{360, 10};
    const StatementFigures s = computeStatement({makeLine(QStringLiteral("02"), LineKind::Sale, 7777, rate),
                                                 makeLine(QStringLiteral("02"), LineKind::Cancel, 7777, rate)},
                                                {{QStringLiteral("02"), rate}}, 0, 0);
    QCOMPARE(s.totals.saleAmount, 7777);
    QCOMPARE(s.totals.cancelAmount, 7777);
    QCOMPARE(s.totals.fee, 10);
    QCOMPARE(s.totals.tax, 1);
    QCOMPARE(s.totals.net, -11);
    QCOMPARE(s.methods.at(0).rate, rate);
}

// Many random statements: every summary figure is the sum of the line figures, the methods sum
// to the totals, the tax is one rounding of the total, and the payout balances to the yen.
void TestSettlementRules::linesSumToTheSummaryForRandomStatements()
{
    std::mt19937_64 random(20261123);
    auto between = [&random](qint64 low, qint64 high) {
        return low + static_cast<qint64>(random() % static_cast<quint64>(high - low + 1));
    };
    const QStringList types = {QStringLiteral("01"), QStringLiteral("02"), QStringLiteral("03"), QStringLiteral("05"),
                               QStringLiteral("07")};
    qint64 carry = 0;
    for (int round = 0; round < 3000; ++round) {
        QMap<QString, FeeRate> rates;
        for (const QString &type : types)
            rates.insert(type, FeeRate{int(between(0, 1000)), between(0, 3) == 0 ? 0 : between(0, 300)});
        const qint64 transferFee = between(0, 3) == 0 ? 0 : between(1, 800);
        QList<Line> lines;
        const qint64 count = between(0, 40);
        for (qint64 i = 0; i < count; ++i) {
            const QString &type = types.at(between(0, types.size() - 1));
            const LineKind kind = between(0, 4) == 0 ? LineKind::Cancel : LineKind::Sale;
            // Mostly small amounts (where rounding shows), sometimes up to the maximum.
            const qint64 amount = between(0, 9) == 0 ? between(1, 9999999) : between(1, 5000);
            lines.append(makeLine(type, kind, amount, rates.value(type)));
        }
        const StatementFigures s = computeStatement(lines, rates, carry, transferFee);

        // Recomputed here from the lines alone.
        QMap<QString, Figures> expected;
        for (const Line &line : std::as_const(lines)) {
            Figures &f = expected[line.type];
            if (line.amount > 0) {
                ++f.saleCount;
                f.saleAmount += line.amount;
                QCOMPARE(line.fee, line.amount * rates.value(line.type).rateBp / 10000 + rates.value(line.type).fixedFee);
            } else {
                ++f.cancelCount;
                f.cancelAmount += -line.amount;
                QCOMPARE(line.fee, -((-line.amount) * rates.value(line.type).rateBp / 10000));
            }
            f.fee += line.fee;
        }
        QCOMPARE(s.methods.size(), expected.size());
        Figures sum;
        qint64 feeTotal = 0;
        for (const MethodFigures &method : s.methods) {
            const Figures &f = method.figures;
            const Figures &e = expected.value(method.type);
            QCOMPARE(method.rate, rates.value(method.type));
            QCOMPARE(f.saleCount, e.saleCount);
            QCOMPARE(f.saleAmount, e.saleAmount);
            QCOMPARE(f.cancelCount, e.cancelCount);
            QCOMPARE(f.cancelAmount, e.cancelAmount);
            QCOMPARE(f.fee, e.fee);
            // Each method's tax is its exact 10 % rounded down or up, never further off.
            QVERIFY2(qAbs(f.tax * 100 - f.fee * 10) < 100,
                     qPrintable(QStringLiteral("fee %1 tax %2").arg(f.fee).arg(f.tax)));
            QCOMPARE(f.net, f.saleAmount - f.cancelAmount - f.fee - f.tax);
            sum.saleCount += f.saleCount;
            sum.saleAmount += f.saleAmount;
            sum.cancelCount += f.cancelCount;
            sum.cancelAmount += f.cancelAmount;
            sum.fee += f.fee;
            sum.tax += f.tax;
            sum.net += f.net;
            feeTotal += f.fee;
        }
        QCOMPARE(s.totals, sum);
        // One rounding per statement, toward zero.
        const qint64 towardZero = feeTotal >= 0 ? feeTotal / 10 : -((-feeTotal) / 10);
        QCOMPARE(s.totals.tax, towardZero);
        QCOMPARE(s.totals.net, s.totals.saleAmount - s.totals.cancelAmount - s.totals.fee - s.totals.tax);
        // The payout balances to the yen.
        QCOMPARE(s.carryIn, carry);
        QCOMPARE(s.payout + s.transferFee + s.carryOut, s.totals.net + carry);
        QVERIFY(s.payout >= 0);
        if (s.payout > 0) {
            QCOMPARE(s.transferFee, transferFee);
            QCOMPARE(s.carryOut, 0);
        } else {
            QCOMPARE(s.transferFee, 0);
            QVERIFY(s.carryOut <= transferFee);
        }
        carry = s.carryOut;
    }
}

QTEST_APPLESS_MAIN(TestSettlementRules)
#include "tst_settlementrules.moc"
