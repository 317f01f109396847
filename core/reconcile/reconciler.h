#pragma once

#include "domain/money.h"
#include "reconcile/ledger.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <array>
#include <optional>

namespace kessai {

// The outcome of reconciling (消込) one 取引ID. The codes are stable: reports and the workspace
// store them.
enum class ReconcileStatus {
    Matched,       // in both, same amount
    AmountDiffers, // in both, amounts differ
    NotPaid,       // in the ledger, not in the statement
    NotInLedger,   // in the statement, not in the ledger
    Duplicate,     // the 取引ID is on one side more than once: none of its rows matches
};
constexpr int ReconcileStatusCount = 5;

// "matched", "amount_differs", "not_paid", "not_in_ledger", "duplicate".
QString reconcileStatusCode(ReconcileStatus status);
std::optional<ReconcileStatus> reconcileStatusFromCode(const QString &code);
// The status in words, translated ("Matched", "Amount differs", …).
QString reconcileStatusLabel(ReconcileStatus status);

// One line of the gateway's settlement statement (支払明細) as the reconciler needs it.
struct StatementEntry
{
    enum class Kind { Sale, Cancel };

    QString tradingId; // may be empty: the payment was registered without one
    QString paymentId;
    Yen amount = 0; // signed: a cancel line is negative
    Kind kind = Kind::Sale;
};

// One row of a reconciliation: a ledger line, a statement payment (its lines netted), or both.
struct ReconcileRow
{
    ReconcileStatus status = ReconcileStatus::Matched;
    QString tradingId;
    std::optional<Yen> ledgerAmount;    // none: not from the ledger
    std::optional<Yen> statementAmount; // none: not from the statement; else the netted amount
    QString paymentId;                  // empty: not from the statement
    int ledgerLine = 0;                 // 0: not from the ledger
    // The statement sold and then cancelled the payment in full (its lines net to 0).
    bool cancelledInFull = false;
    // Kept with the workspace, not set by the reconciler.
    QString note;
    bool resolved = false;

    bool operator==(const ReconcileRow &) const = default;
};

struct ReconcileTotal
{
    int count = 0; // rows
    Yen ledgerAmount = 0;
    Yen statementAmount = 0;

    bool operator==(const ReconcileTotal &) const = default;
};

struct ReconcileResult
{
    QList<ReconcileRow> rows;
    std::array<ReconcileTotal, ReconcileStatusCount> totals{};
    // The status of every input entry, index for index (a statement line's is its payment's).
    QList<ReconcileStatus> ledgerStatuses;
    QList<ReconcileStatus> statementStatuses;

    const ReconcileTotal &total(ReconcileStatus status) const { return totals[size_t(status)]; }
};

// Sums rows per status (for rows loaded back from a workspace).
std::array<ReconcileTotal, ReconcileStatusCount> reconcileTotals(const QList<ReconcileRow> &rows);

// Matches the merchant's ledger against the statement by 取引ID, in linear time (hash tables).
// 取引IDs compare exactly, case included (Ledger has already width-normalised and trimmed them).
//
// The statement's lines are first netted per payment (a sale of 5,000 and a cancel of -5,000 are
// one payment of 0 yen), then grouped by 取引ID. A 取引ID that appears twice in the ledger, or on
// two payments in the statement, is a conflict nobody can resolve by amount: every row of it on
// both sides is `duplicate` (a ledger row per line, a statement row per payment) and none matches.
// Otherwise one ledger line and one payment make one row, `matched` or `amount_differs`; a ledger
// line alone is `not_paid`, a payment alone `not_in_ledger`. Payments without a 取引ID cannot be
// in the ledger: each is its own `not_in_ledger` row.
//
// Sold and cancelled in full (net 0): such a payment that is not in the ledger is still a
// `not_in_ledger` row with a statement amount of 0, marked cancelledInFull — every statement
// line is accounted for, nothing disappears without a trace, and the yen totals are unchanged;
// the page may hide these rows. When it is in the ledger it is compared like any other: a ledger
// amount other than 0 is `amount_differs` (the order was kept, the money was given back).
//
// Rows come in ledger order (a duplicate 取引ID's statement rows follow its first ledger row), then
// the payments whose 取引ID is not in the ledger, in statement order.
class Reconciler
{
public:
    static ReconcileResult reconcile(const QList<LedgerEntry> &ledger,
                                     const QList<StatementEntry> &statement);
};

} // namespace kessai
