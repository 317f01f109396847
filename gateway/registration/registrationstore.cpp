#include "registrationstore.h"

#include "db/customerfold.h"
#include "db/transaction.h"
#include "payments/paymentcolumns.h"
#include "payments/paymentnumbers.h"
#include "payments/paymentstatemachine.h"

#include <QSqlQuery>
#include <QVariant>

namespace kessai::gateway {

namespace {

using PaymentStateMachine::Action;

const QString AuditAction = QStringLiteral("payment_register");
const QString Card = QStringLiteral("02");
const QString Cvs = QStringLiteral("03");
const QString Atm = QStringLiteral("01");

QVariant nullableText(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

QVariant nullableInt(qint64 value)
{
    return value == 0 ? QVariant(QMetaType::fromType<qint64>()) : QVariant(value);
}

QString tradingTarget(const QString &tradingId)
{
    return QStringLiteral("trading:") + tradingId;
}

// A trading id names one order of the merchant: a second registration under it is refused
// (amount changes keep theirs; declined authorizations left nothing behind).
Result<bool> tradingIdTaken(const QSqlDatabase &db, const QString &merchantId, const QString &tradingId)
{
    auto existing = runQuery(db, QStringLiteral("SELECT payment_id FROM payments WHERE merchant_id = ? AND trading_id = ?"
                                                " LIMIT 1"),
                             {merchantId, tradingId});
    if (!existing)
        return makeError(existing.error());
    const bool taken = existing.value().next();
    existing.value().finish();
    return taken;
}

RegistrationOutcome duplicateTradingId()
{
    RegistrationOutcome outcome;
    outcome.errorCode = QStringLiteral("duplicate_trading_id");
    outcome.message = QStringLiteral("A payment with this trading_id exists already.");
    return outcome;
}

} // namespace

RegistrationStore::RegistrationStore(const Database &database)
    : m_database(database)
{}

Result<void> RegistrationStore::auditDecline(const ActionActor &actor, const QString &tradingId, const QString &detailCode,
                                             qint64 now)
{
    auto db = m_database.connection();
    if (!db)
        return makeError(db.error());
    return PaymentWrites::addAudit(*db, actor, AuditAction, tradingTarget(tradingId),
                                   QStringLiteral("card_declined_") + detailCode, now);
}

Result<std::optional<RegistrationOutcome>> RegistrationStore::refuseDuplicate(const ActionActor &actor, const QString &tradingId,
                                                                             qint64 now)
{
    auto db = m_database.connection();
    if (!db)
        return makeError(db.error());
    auto taken = tradingIdTaken(*db, actor.merchantId, tradingId);
    if (!taken)
        return makeError(taken.error());
    if (!taken.value())
        return std::optional<RegistrationOutcome>();
    const RegistrationOutcome outcome = duplicateTradingId();
    if (auto audited = PaymentWrites::addAudit(*db, actor, AuditAction, tradingTarget(tradingId), outcome.errorCode, now); !audited)
        return makeError(audited.error());
    return std::optional<RegistrationOutcome>(outcome);
}

Result<RegistrationOutcome> RegistrationStore::registerPayment(const ActionActor &actor,
                                                               const RegistrationRules::Registration &r,
                                                               qint64 now)
{
    auto db = m_database.connection();
    if (!db)
        return makeError(db.error());
    Transaction transaction(*db);
    if (auto begun = transaction.begin(); !begun)
        return makeError(begun.error());

    auto finish = [&](const RegistrationOutcome &outcome) -> Result<RegistrationOutcome> {
        const QString target = outcome.ok ? QStringLiteral("payment:") + QString::number(outcome.paymentId)
                                          : tradingTarget(r.tradingId);
        if (auto audited = PaymentWrites::addAudit(*db, actor, AuditAction, target,
                                                   outcome.ok ? QStringLiteral("ok") : outcome.errorCode, now);
            !audited)
            return makeError(audited.error());
        if (auto committed = transaction.commit(); !committed)
            return makeError(committed.error());
        return outcome;
    };

    // The write lock taken by begin() keeps two registrations of one id from both passing this.
    auto taken = tradingIdTaken(*db, actor.merchantId, r.tradingId);
    if (!taken)
        return makeError(taken.error());
    if (taken.value())
        return finish(duplicateTradingId());

    auto nextId = PaymentWrites::nextPaymentId(*db);
    if (!nextId)
        return makeError(nextId.error());
    RegistrationOutcome outcome;
    outcome.paymentId = nextId.value();
    outcome.tradeTime = now;

    // The statuses the payment passes through now: created in the type's first status, and a
    // card captured at once takes the state machine's capture transition from there.
    const int initial = PaymentStateMachine::initialStatus(r.type);
    if (initial == 0)
        return makeError(QStringLiteral("no initial status for payment type %1").arg(r.type));
    QList<int> path = {initial};
    if (r.type == Card && r.capture) {
        const auto capture = PaymentStateMachine::find(r.type, initial, Action::Capture);
        if (!capture)
            return makeError(QStringLiteral("the state machine has no capture from %1").arg(initial));
        path.append(capture->to);
        outcome.clearedTime = now;
    }
    outcome.status = path.last();
    if (r.type != Card)
        outcome.dueTime = RegistrationRules::dueTime(now, r.dueDays);
    if (r.type == Cvs)
        outcome.receiptNumber = PaymentNumbers::receiptNumber(outcome.paymentId);
    else if (r.type == Atm)
        outcome.paymentNumber = PaymentNumbers::atmPaymentNumber(outcome.paymentId);

    PaymentStateMachine::Times times;
    times.trade = now;
    times.cleared = outcome.clearedTime;
    times.due = outcome.dueTime;
    const auto deadline = PaymentStateMachine::deadline(r.type, outcome.status, times);
    const bool card = r.type == Card;
    using enum PaymentColumn;
    static const QList<PaymentColumn> columns = {
        PaymentId,   MerchantId, TradingId,    Type,         Status,        Amount,        AuthorizedAmount,
        Institution, TradeTime,  DueTime,      ClearedTime,  CardBrand,     CardBin,       CardLast4,
        CardExpiry,  CustomerName, CustomerKana, CustomerEmail, CustomerPhone, ReceiptNumber, PaymentNumber,
        CreatedAt,   UpdatedAt,  DeadlineAt,   PaymentClass, SplitCount,   FoldedCustomer,
    };
    auto inserted = runQuery(
        *db,
        PaymentColumns::insert(columns),
        {outcome.paymentId, actor.merchantId, r.tradingId, r.type, outcome.status, r.amount,
         card ? QVariant(r.amount) : QVariant(QMetaType::fromType<qint64>()), r.institution, now,
         nullableInt(outcome.dueTime), nullableInt(outcome.clearedTime), nullableText(r.card.brand),
         nullableText(r.card.bin), nullableText(r.card.last4), nullableText(r.card.expiry),
         nullableText(r.customer.name), nullableText(r.customer.kana), nullableText(r.customer.email),
         nullableText(r.customer.phone), nullableText(outcome.receiptNumber), nullableText(outcome.paymentNumber), now, now,
         deadline ? QVariant(*deadline) : QVariant(QMetaType::fromType<qint64>()), nullableText(r.paymentClass),
         nullableInt(r.splitCount), CustomerFold::searchText(r.customer.name, r.customer.kana, r.customer.phone)});
    if (!inserted)
        return makeError(inserted.error());
    int from = 0;
    for (int to : std::as_const(path)) {
        if (auto event = PaymentWrites::addEvent(*db, outcome.paymentId, now, actor.loginId, from, to, r.amount); !event)
            return makeError(event.error());
        from = to;
    }
    outcome.ok = true;
    return finish(outcome);
}

} // namespace kessai::gateway
