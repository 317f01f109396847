#include "settlementrules.h"

#include <QDateTime>
#include <QTime>

#include <algorithm>
#include <numeric>

namespace kessai::gateway::SettlementRules {

namespace {

// Integer division rounding toward minus infinity, and its non-negative remainder.
qint64 floorDiv(qint64 numerator, qint64 denominator)
{
    const qint64 quotient = numerator / denominator;
    return (numerator % denominator != 0 && (numerator < 0) != (denominator < 0)) ? quotient - 1 : quotient;
}

qint64 floorMod(qint64 numerator, qint64 denominator)
{
    return numerator - floorDiv(numerator, denominator) * denominator;
}

} // namespace

QDate jstDate(qint64 epochSeconds)
{
    return QDateTime::fromSecsSinceEpoch(epochSeconds + JstOffsetSeconds, Qt::UTC).date();
}

qint64 jstMidnight(const QDate &date)
{
    return QDateTime(date, QTime(0, 0), Qt::UTC).toSecsSinceEpoch() - JstOffsetSeconds;
}

Period periodOf(const QDate &jstDay)
{
    Period period;
    if (!jstDay.isValid())
        return period;
    if (jstDay.day() <= 15) {
        period.first = QDate(jstDay.year(), jstDay.month(), 1);
        period.last = QDate(jstDay.year(), jstDay.month(), 15);
    } else {
        period.first = QDate(jstDay.year(), jstDay.month(), 16);
        period.last = QDate(jstDay.year(), jstDay.month(), jstDay.daysInMonth());
    }
    period.start = jstMidnight(period.first);
    period.end = jstMidnight(period.last.addDays(1));
    period.payoutDate = payoutDate(period.last);
    return period;
}

Period periodContaining(qint64 epochSeconds)
{
    return periodOf(jstDate(epochSeconds));
}

Period nextPeriod(const Period &period)
{
    return periodOf(period.last.addDays(1));
}

QDate payoutDate(const QDate &closingDate)
{
    QDate date = closingDate.addDays(PayoutDelayDays);
    if (date.dayOfWeek() == Qt::Saturday)
        date = date.addDays(2);
    else if (date.dayOfWeek() == Qt::Sunday)
        date = date.addDays(1);
    return date;
}

FeeRate defaultFeeRate(const QString &type)
{
    if (type == QLatin1String("01")) // ATM (Pay-easy)
        return {0, 150};
    if (type == QLatin1String("02")) // card
        return {325, 0};
    if (type == QLatin1String("03")) // convenience store
        return {0, 130};
    if (type == QLatin1String("05")) // online banking
        return {150, 0};
    return {0, 0};
}

QString kindName(LineKind kind)
{
    return kind == LineKind::Sale ? QStringLiteral("sale") : QStringLiteral("cancel");
}

qint64 lineFee(LineKind kind, qint64 amount, const FeeRate &rate)
{
    const qint64 ratePart = floorDiv(amount * rate.rateBp, BasisPointsPerUnit);
    return kind == LineKind::Sale ? ratePart + rate.fixedFee : -ratePart;
}

qint64 taxOn(qint64 fee)
{
    // C++ integer division truncates toward zero: exactly 切り捨て for charges and refunds.
    return fee * TaxRatePercent / 100;
}

QList<qint64> allocateTax(const QList<qint64> &fees)
{
    const qint64 total = taxOn(std::accumulate(fees.cbegin(), fees.cend(), qint64(0)));
    QList<qint64> shares;
    QList<qint64> remainders;
    shares.reserve(fees.size());
    remainders.reserve(fees.size());
    for (qint64 fee : fees) {
        shares.append(floorDiv(fee * TaxRatePercent, 100));
        remainders.append(floorMod(fee * TaxRatePercent, 100));
    }
    // Σ floor ≤ the total ≤ Σ floor + (methods with a remainder): one yen each at most, and
    // only to methods whose exact share was not whole.
    qint64 left = total - std::accumulate(shares.cbegin(), shares.cend(), qint64(0));
    QList<qsizetype> order(fees.size());
    std::iota(order.begin(), order.end(), qsizetype(0));
    std::stable_sort(order.begin(), order.end(), [&](qsizetype a, qsizetype b) { return remainders.at(a) > remainders.at(b); });
    for (qsizetype i = 0; i < order.size() && left > 0; ++i) {
        if (remainders.at(order.at(i)) == 0)
            break;
        ++shares[order.at(i)];
        --left;
    }
    Q_ASSERT(left == 0);
    return shares;
}

Line makeLine(const QString &type, LineKind kind, qint64 amount, const FeeRate &rate)
{
    Line line;
    line.type = type;
    line.kind = kind;
    line.amount = kind == LineKind::Sale ? amount : -amount;
    line.fee = lineFee(kind, amount, rate);
    return line;
}

Figures &Figures::operator+=(const Figures &other)
{
    saleCount += other.saleCount;
    saleAmount += other.saleAmount;
    cancelCount += other.cancelCount;
    cancelAmount += other.cancelAmount;
    fee += other.fee;
    tax += other.tax;
    net += other.net;
    return *this;
}

StatementFigures computeStatement(const QList<Line> &lines,
                                  const QMap<QString, FeeRate> &rates,
                                  qint64 carryIn,
                                  qint64 transferFee)
{
    QMap<QString, Figures> byType; // ordered by type code
    for (const Line &line : lines) {
        Figures &figures = byType[line.type];
        if (line.kind == LineKind::Sale) {
            ++figures.saleCount;
            figures.saleAmount += line.amount;
        } else {
            ++figures.cancelCount;
            figures.cancelAmount -= line.amount;
        }
        figures.fee += line.fee;
    }

    StatementFigures statement;
    QList<qint64> fees;
    for (auto it = byType.cbegin(); it != byType.cend(); ++it) {
        statement.methods.append({it.key(), rates.value(it.key(), defaultFeeRate(it.key())), it.value()});
        fees.append(it.value().fee);
    }
    const QList<qint64> taxes = allocateTax(fees);
    for (qsizetype i = 0; i < statement.methods.size(); ++i) {
        Figures &figures = statement.methods[i].figures;
        figures.tax = taxes.at(i);
        figures.net = figures.saleAmount - figures.cancelAmount - figures.fee - figures.tax;
        statement.totals += figures;
    }

    statement.carryIn = carryIn;
    const qint64 balance = statement.totals.net + carryIn;
    if (balance > transferFee) {
        statement.transferFee = transferFee;
        statement.payout = balance - transferFee;
    } else {
        statement.carryOut = balance;
    }
    return statement;
}

} // namespace kessai::gateway::SettlementRules
