#pragma once

#include "domain/japantime.h"

#include <QDate>
#include <QList>
#include <QMap>
#include <QString>

namespace kessai::gateway {

// The settlement (支払明細) rules without any SQL: the half-month calendar in Japan time, the
// payout date, the fee of one line, and how a statement's figures follow from its lines. Money
// is qint64 yen throughout; every division is an integer division with a stated rounding.
namespace SettlementRules {

constexpr qint64 JstOffsetSeconds = JapanTime::OffsetSeconds;
constexpr int PayoutDelayDays = 15;            // payout = closing date + 15 days (weekends: next Monday)
constexpr qint64 TaxRatePercent = 10;          // consumption tax on fees
constexpr qint64 BasisPointsPerUnit = 10000;   // 325 bp = 3.25 %
constexpr int MaxRateBp = 10000;
constexpr qint64 DefaultTransferFee = 250; // yen per payout, tax included

// The JST calendar day of an instant, and the instant 00:00 JST of a day begins.
QDate jstDate(qint64 epochSeconds);
qint64 jstMidnight(const QDate &date);

// One settlement period: the 1st to the 15th, or the 16th to the last day of a month (JST).
// It closes at the end of its last day; its statement is paid out on payoutDate.
struct Period
{
    QDate first;       // inclusive
    QDate last;        // inclusive: the closing date (締め日)
    qint64 start = 0;  // 00:00 JST of first, epoch seconds
    qint64 end = 0;    // 00:00 JST of the day after last: the period is [start, end)
    QDate payoutDate;  // 支払日

    bool isValid() const { return first.isValid(); }
    bool operator==(const Period &other) const = default;
};

Period periodOf(const QDate &jstDay);
Period periodContaining(qint64 epochSeconds);
Period nextPeriod(const Period &period);
// closingDate + 15 calendar days; a Saturday or Sunday moves on to the Monday after it.
// Public holidays are not modelled.
QDate payoutDate(const QDate &closingDate);

// A merchant's fee for one payment type: a rate in basis points and/or a fixed fee per sale.
struct FeeRate
{
    int rateBp = 0;
    qint64 fixedFee = 0;

    bool operator==(const FeeRate &other) const = default;
};

// Used when a merchant has no row of its own for a type (docs/api.md lists them).
FeeRate defaultFeeRate(const QString &type);

enum class LineKind { Sale, Cancel };
QString kindName(LineKind kind); // "sale", "cancel"

// The fee of one line, signed. A sale pays floor(amount × rate / 10000) + fixed; a cancel gets
// the rate part of the same amount back, −floor(amount × rate / 10000), but not the fixed fee
// (the transaction was processed). amount is the payment's amount (positive) in both cases.
qint64 lineFee(LineKind kind, qint64 amount, const FeeRate &rate);

// 10 % of a fee total, rounded toward zero (切り捨て; a refund of fees gives back tax the same
// way a charge takes it).
qint64 taxOn(qint64 fee);

// The statement's tax, taxOn(Σ fees), computed once (インボイス制度: one rounding per invoice
// and tax rate) and shared out to the methods: each gets floor(fee × 10 / 100), and the yen
// left over go one each to the methods with the largest remainder (ties: earlier in the list).
// The result has fees.size() entries and sums to taxOn(Σ fees).
QList<qint64> allocateTax(const QList<qint64> &fees);

struct Line
{
    QString type;
    LineKind kind = LineKind::Sale;
    qint64 amount = 0; // signed: a cancel is negative
    qint64 fee = 0;    // signed: lineFee()
};

// A line for a payment of `amount` yen (positive) of this kind, its fee computed with `rate`.
Line makeLine(const QString &type, LineKind kind, qint64 amount, const FeeRate &rate);

struct Figures
{
    qint64 saleCount = 0;
    qint64 saleAmount = 0;   // Σ sale line amounts
    qint64 cancelCount = 0;
    qint64 cancelAmount = 0; // −Σ cancel line amounts (shown positive)
    qint64 fee = 0;          // Σ line fees
    qint64 tax = 0;
    qint64 net = 0;          // saleAmount − cancelAmount − fee − tax

    Figures &operator+=(const Figures &other);
    bool operator==(const Figures &other) const = default;
};

struct MethodFigures
{
    QString type;
    FeeRate rate; // the rate in force when the statement was closed
    Figures figures;
};

struct StatementFigures
{
    QList<MethodFigures> methods; // by type code; only types with lines
    Figures totals;               // Σ methods
    qint64 carryIn = 0;           // the previous statement's carryOut
    qint64 transferFee = 0;       // charged only when something is paid out
    qint64 payout = 0;            // ≥ 0
    qint64 carryOut = 0;          // what the next statement starts from
};

// The figures of a statement from its lines (whose fees are already computed). The balance
// totals.net + carryIn is paid out less the transfer fee when it exceeds the transfer fee;
// otherwise nothing is paid, no transfer fee is charged and the balance (positive or negative)
// is carried over. Always payout + transferFee + carryOut == totals.net + carryIn.
StatementFigures computeStatement(const QList<Line> &lines,
                                  const QMap<QString, FeeRate> &rates,
                                  qint64 carryIn,
                                  qint64 transferFee);

} // namespace SettlementRules

} // namespace kessai::gateway
