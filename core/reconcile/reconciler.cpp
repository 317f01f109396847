#include "reconciler.h"

#include <QHash>
#include <QVarLengthArray>

namespace kessai {

namespace {

const std::array<QLatin1String, ReconcileStatusCount> Codes = {
    QLatin1String("matched"),
    QLatin1String("amount_differs"),
    QLatin1String("not_paid"),
    QLatin1String("not_in_ledger"),
    QLatin1String("duplicate"),
};

// A statement payment: its lines netted.
struct Payment
{
    QString tradingId;
    QString paymentId;
    Yen net = 0;
    bool cancelled = false;
    bool consumed = false; // its row is written
    ReconcileStatus status = ReconcileStatus::NotInLedger;
};

} // namespace

QString reconcileStatusCode(ReconcileStatus status)
{
    return Codes[size_t(status)];
}

std::optional<ReconcileStatus> reconcileStatusFromCode(const QString &code)
{
    for (size_t i = 0; i < Codes.size(); ++i) {
        if (code == Codes[i])
            return ReconcileStatus(i);
    }
    return std::nullopt;
}

QString reconcileStatusLabel(ReconcileStatus status)
{
    switch (status) {
    case ReconcileStatus::Matched:
        return QCoreApplication::translate("kessai::Reconcile", "Matched");
    case ReconcileStatus::AmountDiffers:
        return QCoreApplication::translate("kessai::Reconcile", "Amount differs");
    case ReconcileStatus::NotPaid:
        return QCoreApplication::translate("kessai::Reconcile", "Not paid");
    case ReconcileStatus::NotInLedger:
        return QCoreApplication::translate("kessai::Reconcile", "Not in ledger");
    case ReconcileStatus::Duplicate:
        return QCoreApplication::translate(
            "kessai::Reconcile", "Duplicate", "reconciliation status");
    }
    return {};
}

std::array<ReconcileTotal, ReconcileStatusCount> reconcileTotals(const QList<ReconcileRow> &rows)
{
    std::array<ReconcileTotal, ReconcileStatusCount> totals{};
    for (const ReconcileRow &row : rows) {
        ReconcileTotal &t = totals[size_t(row.status)];
        ++t.count;
        t.ledgerAmount += row.ledgerAmount.value_or(0);
        t.statementAmount += row.statementAmount.value_or(0);
    }
    return totals;
}

ReconcileResult Reconciler::reconcile(const QList<LedgerEntry> &ledger,
                                      const QList<StatementEntry> &statement)
{
    ReconcileResult result;

    // Net the statement's lines per payment.
    QList<Payment> payments;
    QList<int> paymentOfLine(statement.size(), -1);
    {
        QHash<QString, int> byId;
        byId.reserve(statement.size());
        for (qsizetype i = 0; i < statement.size(); ++i) {
            const StatementEntry &e = statement[i];
            int index = e.paymentId.isEmpty() ? -1 : byId.value(e.paymentId, -1);
            if (index < 0) {
                index = int(payments.size());
                payments.append(
                    {e.tradingId, e.paymentId, 0, false, false, ReconcileStatus::NotInLedger});
                if (!e.paymentId.isEmpty())
                    byId.insert(e.paymentId, index);
            }
            payments[index].net += e.amount;
            payments[index].cancelled =
                payments[index].cancelled || e.kind == StatementEntry::Kind::Cancel;
            paymentOfLine[i] = index;
        }
    }
    QHash<QString, QVarLengthArray<int, 1>> paymentsByTradingId;
    paymentsByTradingId.reserve(payments.size());
    for (qsizetype i = 0; i < payments.size(); ++i) {
        if (!payments[i].tradingId.isEmpty())
            paymentsByTradingId[payments[i].tradingId].append(int(i));
    }
    QHash<QString, int> ledgerCount;
    ledgerCount.reserve(ledger.size());
    for (const LedgerEntry &e : ledger)
        ++ledgerCount[e.tradingId];

    const auto statementRow = [&result](Payment &p, ReconcileStatus status) {
        p.status = status;
        p.consumed = true;
        ReconcileRow row;
        row.status = status;
        row.tradingId = p.tradingId;
        row.statementAmount = p.net;
        row.paymentId = p.paymentId;
        row.cancelledInFull = p.cancelled && p.net == 0;
        result.rows.append(std::move(row));
    };

    result.rows.reserve(ledger.size() + payments.size());
    result.ledgerStatuses.reserve(ledger.size());
    for (const LedgerEntry &e : ledger) {
        const auto found = paymentsByTradingId.constFind(e.tradingId);
        const qsizetype onStatement = found == paymentsByTradingId.cend() ? 0 : found->size();
        ReconcileRow row;
        row.tradingId = e.tradingId;
        row.ledgerAmount = e.amount;
        row.ledgerLine = e.line;
        if (ledgerCount.value(e.tradingId) > 1 || onStatement > 1) {
            row.status = ReconcileStatus::Duplicate;
        } else if (onStatement == 1) {
            Payment &p = payments[found->first()];
            row.status =
                p.net == e.amount ? ReconcileStatus::Matched : ReconcileStatus::AmountDiffers;
            row.statementAmount = p.net;
            row.paymentId = p.paymentId;
            row.cancelledInFull = p.cancelled && p.net == 0;
            p.status = row.status;
            p.consumed = true;
        } else {
            row.status = ReconcileStatus::NotPaid;
        }
        const ReconcileStatus status = row.status;
        result.ledgerStatuses.append(status);
        result.rows.append(std::move(row));
        if (status == ReconcileStatus::Duplicate) {
            // The statement's side of the conflict follows its first ledger row.
            for (qsizetype k = 0; k < onStatement; ++k) {
                Payment &p = payments[(*found)[k]];
                if (!p.consumed)
                    statementRow(p, ReconcileStatus::Duplicate);
            }
        }
    }
    for (Payment &p : payments) {
        if (p.consumed)
            continue;
        const bool twice =
            !p.tradingId.isEmpty() && paymentsByTradingId.value(p.tradingId).size() > 1;
        statementRow(p, twice ? ReconcileStatus::Duplicate : ReconcileStatus::NotInLedger);
    }

    result.statementStatuses.reserve(statement.size());
    for (const int index : std::as_const(paymentOfLine))
        result.statementStatuses.append(payments[index].status);
    result.totals = reconcileTotals(result.rows);
    return result;
}

} // namespace kessai
