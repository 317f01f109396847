#include "paymentactionstore.h"

#include "audit/auditlog.h"
#include "db/rowcursor.h"
#include "db/transaction.h"
#include "payments/paymentcolumns.h"
#include "payments/paymentstore.h"
#include "payments/paymentwrites.h"

#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <type_traits>

namespace kessai::gateway {

namespace {

using PaymentStateMachine::Action;
using PaymentWrites::addAudit;
using PaymentWrites::addEvent;

constexpr int SweepBatch = 500;
const QString System = QStringLiteral("system");

QVariant nullableInt(qint64 value)
{
    return value == 0 ? QVariant(QMetaType::fromType<qint64>()) : QVariant(value);
}

QVariant deadlineValue(const QString &type, int status, const PaymentStateMachine::Times &times)
{
    const auto deadline = PaymentStateMachine::deadline(type, status, times);
    return deadline ? QVariant(*deadline) : QVariant(QMetaType::fromType<qint64>());
}

struct Row
{
    qint64 paymentId = 0;
    QString type;
    int status = 0;
    qint64 amount = 0;
    qint64 authorizedAmount = 0;
    PaymentStateMachine::Times times;
    qint64 deadline = 0; // 0 = none
};

// What an action reads of a payment: SELECT rowColumns() … and rowOf() each result row.
const QList<PaymentColumn> &rowColumns()
{
    using enum PaymentColumn;
    static const QList<PaymentColumn> columns = {PaymentId, Type,        Status,  Amount,    AuthorizedAmount,
                                                 TradeTime, ClearedTime, DueTime, DeadlineAt};
    return columns;
}

const QString &selectRow()
{
    static const QString select = QStringLiteral("SELECT ") + PaymentColumns::names(rowColumns());
    return select;
}

Row rowOf(const QSqlQuery &r)
{
    using enum PaymentColumn;
    const auto value = [&](PaymentColumn column) { return r.value(columnIndex(rowColumns(), column)); };
    Row row;
    row.paymentId = value(PaymentId).toLongLong();
    row.type = value(Type).toString();
    row.status = value(Status).toInt();
    row.amount = value(Amount).toLongLong();
    row.authorizedAmount = value(AuthorizedAmount).toLongLong();
    row.times.trade = value(TradeTime).toLongLong();
    row.times.cleared = value(ClearedTime).toLongLong();
    row.times.due = value(DueTime).toLongLong();
    row.deadline = value(DeadlineAt).toLongLong();
    return row;
}

Result<std::optional<Row>> readRow(const QSqlDatabase &db, const QString &merchantId, qint64 paymentId)
{
    auto q = runQuery(db, selectRow() + QStringLiteral(" FROM payments WHERE payment_id = ? AND merchant_id = ?"),
                      {paymentId, merchantId});
    if (!q)
        return makeError(q.error());
    QSqlQuery &r = q.value();
    if (!r.next())
        return std::optional<Row>();
    const Row row = rowOf(r);
    r.finish();
    return std::optional<Row>(row);
}

// Moves one payment along its timed transition if it is due; row is updated in place.
Result<void> applyDueTo(const QSqlDatabase &db, Row &row, qint64 now)
{
    if (row.deadline == 0 || row.deadline > now)
        return {};
    const auto timed = PaymentStateMachine::timedFrom(row.type, row.status);
    if (!timed) {
        // A deadline on a status without a time rule is stale; drop it so it is not probed again.
        auto cleared = runQuery(db, QStringLiteral("UPDATE payments SET deadline_at = NULL WHERE payment_id = ?"), {row.paymentId});
        if (!cleared)
            return makeError(cleared.error());
        row.deadline = 0;
        return {};
    }
    auto moved = runQuery(db,
                          QStringLiteral("UPDATE payments SET status = ?, deadline_at = ?, updated_at = ?"
                                         " WHERE payment_id = ? AND status = ? AND deadline_at <= ?"),
                          {timed->to, deadlineValue(row.type, timed->to, row.times), now, row.paymentId, row.status, now});
    if (!moved)
        return makeError(moved.error());
    if (moved.value().numRowsAffected() != 1)
        return {}; // someone else moved it first
    if (auto event = addEvent(db, row.paymentId, row.deadline, System, row.status, timed->to, row.amount); !event)
        return event;
    row.status = timed->to;
    row.deadline = 0;
    return {};
}

ActionOutcome failure(qint64 paymentId, const QString &code, const QString &message)
{
    ActionOutcome outcome;
    outcome.paymentId = paymentId;
    outcome.errorCode = code;
    outcome.message = message;
    return outcome;
}

ActionOutcome notFound(qint64 paymentId)
{
    return failure(paymentId, QStringLiteral("not_found"), QStringLiteral("No such payment."));
}

// The transition this action takes from the row's status now, or the refusal.
std::variant<PaymentStateMachine::Transition, ActionOutcome> transitionFor(const Row &row, Action action, qint64 now)
{
    const auto transition = PaymentStateMachine::find(row.type, row.status, action);
    if (!transition) {
        if (PaymentStateMachine::expiredFor(row.type, row.status, action))
            return failure(row.paymentId, QStringLiteral("expired"),
                           QStringLiteral("The time allowed for this action has passed (status %1).").arg(row.status));
        return failure(row.paymentId, QStringLiteral("status_not_allowed"),
                       QStringLiteral("Not allowed in status %1.").arg(row.status));
    }
    if (!PaymentStateMachine::windowOpen(*transition, row.times, now))
        return failure(row.paymentId, QStringLiteral("expired"), QStringLiteral("The time allowed for this action has passed."));
    return *transition;
}

QString auditAction(Action action)
{
    return QStringLiteral("payment_") + PaymentStateMachine::actionName(action);
}

// Writes the audit row of one action's outcome and passes the outcome on.
Result<ActionOutcome> audited(const QSqlDatabase &db, const ActionActor &actor, Action action, qint64 paymentId,
                              const ActionOutcome &outcome, qint64 now)
{
    if (auto written = PaymentWrites::addAudit(db, actor, auditAction(action),
                                               QStringLiteral("payment:") + QString::number(paymentId),
                                               outcome.ok ? QStringLiteral("ok") : outcome.errorCode, now);
        !written)
        return makeError(written.error());
    return outcome;
}

struct Checked
{
    Row row;
    PaymentStateMachine::Transition transition;
};
using CheckResult = std::variant<Checked, ActionOutcome>;

// The first steps of every action on one payment: read it (another merchant's payment and a
// type this user may not view do not exist for them), apply the time rule that fell due on it,
// and find the action's transition from its status now. A refusal is the outcome to audit.
Result<CheckResult> check(const QSqlDatabase &db, const ActionActor &actor, Action action, qint64 paymentId, qint64 now)
{
    auto found = readRow(db, actor.merchantId, paymentId);
    if (!found)
        return makeError(found.error());
    if (!found.value() || !actor.permissions.contains(QStringLiteral("view:") + found.value()->type))
        return CheckResult(notFound(paymentId));
    Row row = *found.value();
    if (auto applied = applyDueTo(db, row, now); !applied)
        return makeError(applied.error());
    auto chosen = transitionFor(row, action, now);
    if (auto *refused = std::get_if<ActionOutcome>(&chosen))
        return CheckResult(std::move(*refused));
    return CheckResult(Checked{std::move(row), std::get<PaymentStateMachine::Transition>(chosen)});
}

} // namespace

PaymentActionStore::PaymentActionStore(const Database &database)
    : m_database(database)
{}

Result<void> PaymentActionStore::auditRefusal(const ActionActor &actor, const QString &action, const QString &target,
                                              const QString &result, qint64 now)
{
    auto db = m_database.connection();
    if (!db)
        return makeError(db.error());
    return addAudit(*db, actor, action, target, result, now);
}

Result<qint64> PaymentActionStore::applyDue(const QString &merchantId, qint64 now)
{
    auto db = m_database.connection();
    if (!db)
        return makeError(db.error());
    qint64 moved = 0;
    for (;;) {
        // Probe outside a write transaction: nearly always empty, and then no lock is taken. It
        // runs before every request of a signed-in user, so through RowCursor (kept statement).
        bool due = false;
        {
            auto probe = RowCursor::runKept(*db,
                                        QStringLiteral("SELECT payment_id FROM payments WHERE merchant_id = ? AND deadline_at <= ?"
                                                       " ORDER BY deadline_at LIMIT 1"),
                                        {merchantId, now});
            if (!probe)
                return makeError(probe.error());
            due = probe.value().next();
            if (probe.value().failed())
                return makeError(probe.value().error());
        }
        if (!due)
            return moved;

        Transaction transaction(*db);
        if (auto begun = transaction.begin(); !begun)
            return makeError(begun.error());
        auto rows = runQuery(*db,
                             selectRow()
                                 + QStringLiteral(" FROM payments WHERE merchant_id = ? AND deadline_at <= ?"
                                                  " ORDER BY deadline_at LIMIT ?"),
                             {merchantId, now, SweepBatch});
        if (!rows)
            return makeError(rows.error());
        QList<Row> batch;
        QSqlQuery &r = rows.value();
        while (r.next())
            batch.append(rowOf(r));
        r.finish();
        for (Row &row : batch) {
            const int before = row.status;
            if (auto applied = applyDueTo(*db, row, now); !applied)
                return makeError(applied.error());
            if (row.status != before)
                ++moved;
        }
        if (auto committed = transaction.commit(); !committed)
            return makeError(committed.error());
        if (batch.size() < SweepBatch) {
            if (moved > 0)
                qCInfo(lcGatewayDb) << "time rules moved" << moved << "payments of" << merchantId;
            return moved;
        }
    }
}

namespace {

// One action on one payment inside the caller's write transaction: the checks, a conditional
// UPDATE (only from the status it was checked in), its events and its audit row. A refused item
// writes only its audit row (and whatever time rule was due on the payment anyway).
Result<ActionOutcome> actInTransaction(const QSqlDatabase &database,
                                       const ActionActor &actor,
                                       Action action,
                                       qint64 paymentId,
                                       std::optional<qint64> amount,
                                       qint64 now)
{
    const QSqlDatabase *db = &database;
    constexpr qint64 MaxAmount = PaymentActionStore::MaxAmount;
    const auto finish = [&](const ActionOutcome &outcome) { return audited(database, actor, action, paymentId, outcome, now); };
    auto checked = check(database, actor, action, paymentId, now);
    if (!checked)
        return makeError(checked.error());
    if (const auto *refused = std::get_if<ActionOutcome>(&checked.value()))
        return finish(*refused);
    const auto &[row, transition] = std::get<Checked>(checked.value());

    qint64 newAmount = row.amount;
    if (action == Action::Capture) {
        const qint64 authorized = row.authorizedAmount > 0 ? row.authorizedAmount : row.amount;
        newAmount = amount.value_or(authorized);
        if (newAmount < 1 || newAmount > MaxAmount)
            return finish(failure(paymentId, QStringLiteral("invalid_amount"),
                                  QStringLiteral("amount must be from 1 to %1.").arg(MaxAmount)));
        if (newAmount > authorized)
            return finish(failure(paymentId, QStringLiteral("amount_exceeds_authorized"),
                                  QStringLiteral("amount exceeds the authorized %1 yen.").arg(authorized)));
    } else if (amount && *amount != row.amount) {
        return finish(failure(paymentId, QStringLiteral("invalid_amount"),
                              QStringLiteral("amount must be the payment's amount (%1 yen) or absent.").arg(row.amount)));
    }

    // A CVS payment paid in one step still passes through 速報 (43), as the stores report it.
    QList<int> path;
    if (action == Action::Pay) {
        const auto preliminary = PaymentStateMachine::find(row.type, row.status, Action::Preliminary);
        if (preliminary && PaymentStateMachine::find(row.type, preliminary->to, Action::Pay))
            path.append(preliminary->to);
    }
    path.append(transition.to);

    PaymentStateMachine::Times times = row.times;
    if (transition.to == 40 && (action == Action::Capture || action == Action::Pay))
        times.cleared = now;
    auto updated = runQuery(*db,
                            QStringLiteral("UPDATE payments SET status = ?, amount = ?, cleared_time = ?, deadline_at = ?,"
                                           " updated_at = ? WHERE payment_id = ? AND merchant_id = ? AND status = ?"),
                            {transition.to, newAmount, nullableInt(times.cleared),
                             deadlineValue(row.type, transition.to, times), now, paymentId, actor.merchantId,
                             row.status});
    if (!updated)
        return makeError(updated.error());
    if (updated.value().numRowsAffected() != 1)
        return finish(failure(paymentId, QStringLiteral("status_not_allowed"),
                              QStringLiteral("The payment changed meanwhile; reload it.")));
    int from = row.status;
    for (int to : std::as_const(path)) {
        if (auto event = addEvent(*db, paymentId, now, actor.loginId, from, to, newAmount); !event)
            return makeError(event.error());
        from = to;
    }
    ActionOutcome outcome;
    outcome.ok = true;
    outcome.status = transition.to;
    outcome.paymentId = paymentId;
    outcome.amount = newAmount;
    return finish(outcome);
}

} // namespace

namespace {

// Runs work (which writes payment actions or audit rows) in one write transaction of this
// thread's connection: committed when work succeeds, refusals included (their audit rows), rolled
// back when it fails.
template<typename Work>
auto inTransaction(const Database &database, Work &&work) -> std::invoke_result_t<Work &, const QSqlDatabase &>
{
    auto db = database.connection();
    if (!db)
        return makeError(db.error());
    Transaction transaction(*db);
    if (auto begun = transaction.begin(); !begun)
        return makeError(begun.error());
    auto outcome = work(*db);
    if (!outcome)
        return outcome;
    if (auto committed = transaction.commit(); !committed)
        return makeError(committed.error());
    return outcome;
}

} // namespace

Result<ActionOutcome> PaymentActionStore::act(const ActionActor &actor,
                                              Action action,
                                              qint64 paymentId,
                                              std::optional<qint64> amount,
                                              qint64 now)
{
    return inTransaction(m_database, [&](const QSqlDatabase &db) { return actInTransaction(db, actor, action, paymentId, amount, now); });
}

Result<QList<ActionOutcome>> PaymentActionStore::actAll(const ActionActor &actor,
                                                        Action action,
                                                        const QList<ActionItem> &items,
                                                        qint64 now)
{
    bool started = false;
    QList<ActionOutcome> outcomes;
    outcomes.reserve(items.size());
    auto acted = inTransaction(m_database, [&](const QSqlDatabase &db) -> Result<QList<ActionOutcome>> {
        started = true;
        for (const ActionItem &item : items) {
            auto outcome = item.refusal ? audited(db, actor, action, item.paymentId, *item.refusal, now)
                                        : actInTransaction(db, actor, action, item.paymentId, item.amount, now);
            if (!outcome)
                return makeError(outcome.error());
            outcomes.append(outcome.value());
        }
        return outcomes;
    });
    if (acted || !started)
        return acted;

    // Rolled back: nothing of this request is kept, its audit rows neither. Write them again on
    // their own, so that a failed request still shows what it probed: each refusal made before
    // the failure, internal_error for every other item.
    auto audit = inTransaction(m_database, [&](const QSqlDatabase &db) -> Result<void> {
        for (qsizetype i = 0; i < items.size(); ++i) {
            const qint64 paymentId = items.at(i).paymentId;
            const bool refused = i < outcomes.size() && !outcomes.at(i).ok;
            const ActionOutcome outcome = refused ? outcomes.at(i)
                                                  : failure(paymentId, QStringLiteral("internal_error"), QString());
            if (auto written = audited(db, actor, action, paymentId, outcome, now); !written)
                return makeError(written.error());
        }
        return {};
    });
    if (!audit)
        qCWarning(lcGatewayDb).noquote() << "auditing a failed" << auditAction(action) << "of" << items.size()
                                         << "items failed:" << audit.error();
    return acted;
}

namespace {

// 金額変更 inside the caller's write transaction: a new payment with the new amount (and the old
// one's status) based on the old one, which moves to its cancelled status.
Result<ActionOutcome> changeAmountInTransaction(const QSqlDatabase &database, const ActionActor &actor, qint64 paymentId,
                                               qint64 amount, qint64 now)
{
    const QSqlDatabase *db = &database;
    constexpr qint64 MaxAmount = PaymentActionStore::MaxAmount;
    const auto finish = [&](const ActionOutcome &outcome) {
        return audited(database, actor, Action::ChangeAmount, paymentId, outcome, now);
    };
    auto checked = check(database, actor, Action::ChangeAmount, paymentId, now);
    if (!checked)
        return makeError(checked.error());
    if (const auto *refused = std::get_if<ActionOutcome>(&checked.value()))
        return finish(*refused);
    const auto &[row, transition] = std::get<Checked>(checked.value());
    if (amount < 1 || amount > MaxAmount)
        return finish(failure(paymentId, QStringLiteral("invalid_amount"),
                              QStringLiteral("amount must be from 1 to %1.").arg(MaxAmount)));
    if (amount == row.amount)
        return finish(failure(paymentId, QStringLiteral("invalid_amount"),
                              QStringLiteral("amount is already %1 yen.").arg(amount)));

    auto nextId = PaymentWrites::nextPaymentId(*db);
    if (!nextId)
        return makeError(nextId.error());
    const qint64 newId = nextId.value();

    // The new payment is a new authorization (and, from 40, a new sale) made now: its windows
    // start now. It keeps the old payment's status.
    PaymentStateMachine::Times times;
    times.trade = now;
    times.cleared = row.status == 40 ? now : 0;
    times.due = row.times.due;
    // The new payment is a copy of the old row but for these values (bound in this order);
    // base_payment_id is the old payment's id.
    using enum PaymentColumn;
    static const QList<PaymentColumn> columns = {
        PaymentId,     MerchantId,  TradingId,    Type,         Status,        Amount,        AuthorizedAmount,
        Institution,   TradeTime,   DueTime,      ClearedTime,  BasePaymentId, CardBrand,     CardBin,
        CardLast4,     CardExpiry,  CustomerName, CustomerKana, CustomerEmail, CustomerPhone, ReceiptNumber,
        PaymentNumber, CreatedAt,   UpdatedAt,    DeadlineAt,   PaymentClass,  SplitCount,    FoldedCustomer,
    };
    static const QList<PaymentColumn> bound = {PaymentId, Amount, AuthorizedAmount, TradeTime, ClearedTime, CreatedAt, UpdatedAt, DeadlineAt};
    static const QString copy = []() -> QString {
        QStringList selected;
        for (const PaymentColumn column : columns) {
            if (bound.contains(column))
                selected.append(QStringLiteral("?"));
            else if (column == BasePaymentId)
                selected.append(PaymentColumns::name(PaymentId));
            else
                selected.append(PaymentColumns::name(column));
        }
        return QStringLiteral("INSERT INTO payments (") + PaymentColumns::names(columns) + QStringLiteral(") SELECT ")
               + selected.join(QStringLiteral(", "))
               + QStringLiteral(" FROM payments WHERE payment_id = ? AND merchant_id = ? AND status = ?");
    }();
    auto inserted = runQuery(
        *db,
        copy,
        {newId, amount, amount, now, nullableInt(times.cleared), now, now,
         deadlineValue(row.type, row.status, times), paymentId, actor.merchantId, row.status});
    if (!inserted)
        return makeError(inserted.error());
    if (inserted.value().numRowsAffected() != 1)
        return finish(failure(paymentId, QStringLiteral("status_not_allowed"),
                              QStringLiteral("The payment changed meanwhile; reload it.")));
    auto updated = runQuery(*db,
                            QStringLiteral("UPDATE payments SET status = ?, deadline_at = NULL, updated_at = ?"
                                           " WHERE payment_id = ? AND merchant_id = ? AND status = ?"),
                            {transition.to, now, paymentId, actor.merchantId, row.status});
    if (!updated)
        return makeError(updated.error());
    if (updated.value().numRowsAffected() != 1)
        return makeError(QStringLiteral("payment %1 changed inside its own transaction").arg(paymentId));
    if (auto event = addEvent(*db, paymentId, now, actor.loginId, row.status, transition.to, row.amount); !event)
        return makeError(event.error());
    if (auto event = addEvent(*db, newId, now, actor.loginId, 0, row.status, amount); !event)
        return makeError(event.error());

    ActionOutcome outcome;
    outcome.ok = true;
    outcome.status = row.status;
    outcome.paymentId = newId;
    outcome.amount = amount;
    outcome.basePaymentId = paymentId;
    outcome.baseStatus = transition.to;
    return finish(outcome);
}

} // namespace

Result<ActionOutcome> PaymentActionStore::changeAmount(const ActionActor &actor, qint64 paymentId, qint64 amount, qint64 now)
{
    return inTransaction(m_database, [&](const QSqlDatabase &db) { return changeAmountInTransaction(db, actor, paymentId, amount, now); });
}

} // namespace kessai::gateway
