// PaymentStore::BulkLoader: the demo's and the benchmarks' fast path into payments.
#include "paymentstore.h"

#include "db/customerfold.h"
#include "payments/paymentcolumns.h"
#include "payments/paymentstatemachine.h"

#include <QSqlError>
#include <QStringList>
#include <QVariant>

namespace kessai::gateway {

namespace {

// The columns a loaded payment fills, in the order add() binds them.
const QList<PaymentColumn> &loadedColumns()
{
    using enum PaymentColumn;
    static const QList<PaymentColumn> columns = {
        PaymentId,     MerchantId, TradingId,  Type,         Status,       Amount,        AuthorizedAmount,
        Institution,   TradeTime,  DueTime,    ClearedTime,  BasePaymentId, CardBrand,    CardBin,
        CardLast4,     CardExpiry, CustomerName, CustomerKana, CustomerEmail, CustomerPhone, ReceiptNumber,
        PaymentNumber, CreatedAt,  UpdatedAt,  DeadlineAt, FoldedCustomer,
    };
    return columns;
}

const QString InsertPaymentHead = QStringLiteral("INSERT INTO payments (") + PaymentColumns::names(loadedColumns()) + u')';
const int PaymentInsertColumns = static_cast<int>(loadedColumns().size());
const QString InsertEventHead = QStringLiteral(
    "INSERT INTO payment_events (payment_id, at, actor, from_status, to_status, amount)");
constexpr int EventInsertColumns = 6;

// The PostgreSQL types of the columns above, for the batched insert.
const QStringList PaymentInsertTypes = [] {
    QStringList types;
    for (const PaymentColumn column : loadedColumns())
        types.append(PaymentColumns::postgresType(column));
    return types;
}();
const QStringList EventInsertTypes = {QStringLiteral("bigint"),  QStringLiteral("bigint"),  QStringLiteral("text"),
                                      QStringLiteral("integer"), QStringLiteral("integer"), QStringLiteral("bigint")};

// One column of rows (values stored row after row) as a PostgreSQL array literal, which is
// then bound as one value: {1,NULL,3} or {"a","b\"c"}.
QString arrayLiteral(const QVariantList &values, int column, int columns, bool text)
{
    QString literal(u'{');
    for (qsizetype i = column; i < values.size(); i += columns) {
        if (i != column)
            literal += u',';
        const QVariant &value = values.at(i);
        if (value.isNull()) {
            literal += QStringLiteral("NULL");
        } else if (text) {
            literal += u'"';
            for (const QChar c : value.toString()) {
                if (c == u'"' || c == u'\\')
                    literal += u'\\';
                literal += c;
            }
            literal += u'"';
        } else {
            literal += QString::number(value.toLongLong());
        }
    }
    return literal + u'}';
}

QVariant nullIfZero(qint64 value)
{
    return value == 0 ? QVariant(QMetaType::fromType<qint64>()) : QVariant(value);
}

QVariant nullIfEmpty(const QString &value)
{
    return value.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(value);
}

} // namespace

PaymentStore::BulkLoader::BulkLoader(const Database &database)
    : m_database(database)
{}

PaymentStore::BulkLoader::~BulkLoader()
{
    m_insertPayment.reset();
    m_insertEvent.reset();
    m_transaction.reset();
}

Result<void> PaymentStore::BulkLoader::begin(qint64 now)
{
    auto db = m_database.connection();
    if (!db)
        return makeError(db.error());
    m_db = *db;
    m_now = now;
    // A bulk load is only run by `demo` on a database nobody else has open: if it fails the
    // directory is thrown away, so journaling and syncing each page would be wasted work.
    // WAL would also write every page twice (log, then checkpoint).
    if (m_db.driverName() == QLatin1String("QSQLITE")) {
        for (const QString &pragma : {QStringLiteral("PRAGMA journal_mode=OFF"),
                                      QStringLiteral("PRAGMA synchronous=OFF"),
                                      QStringLiteral("PRAGMA cache_size=-262144")}) {
            if (auto set = runQuery(m_db, pragma); !set)
                return makeError(set.error());
        }
        m_relaxedDurability = true;
    }
    m_batched = isPostgres(m_db);
    m_transaction.emplace(m_db);
    if (auto begun = m_transaction->begin(); !begun)
        return begun;
    if (m_batched) {
        // One commit at the end; it need not wait for its WAL flush (it is this load's only one).
        if (auto set = runQuery(m_db, QStringLiteral("SET LOCAL synchronous_commit TO off")); !set)
            return makeError(set.error());
    }
    for (const QString &statement : Database::paymentIndexDropStatements(isPostgres(m_db))) {
        if (auto dropped = runQuery(m_db, statement); !dropped)
            return makeError(dropped.error());
    }
    if (m_batched)
        return {};
    m_insertPayment.emplace(m_db);
    if (!m_insertPayment->prepare(InsertPaymentHead + QStringLiteral(" VALUES (") + placeholders(PaymentInsertColumns) + u')'))
        return makeError(QStringLiteral("prepare failed: ") + m_insertPayment->lastError().text());
    m_insertEvent.emplace(m_db);
    if (!m_insertEvent->prepare(InsertEventHead + QStringLiteral(" VALUES (") + placeholders(EventInsertColumns) + u')'))
        return makeError(QStringLiteral("prepare failed: ") + m_insertEvent->lastError().text());
    return {};
}

Result<void> PaymentStore::BulkLoader::add(const PaymentRecord &p)
{
    const auto deadline = PaymentStateMachine::deadline(p.type, p.status, {p.tradeTime, p.clearedTime, p.dueTime});
    const QVariantList row = {p.paymentId,
                              p.merchantId,
                              p.tradingId,
                              p.type,
                              p.status,
                              p.amount,
                              nullIfZero(p.authorizedAmount),
                              p.institution,
                              p.tradeTime,
                              nullIfZero(p.dueTime),
                              nullIfZero(p.clearedTime),
                              nullIfZero(p.basePaymentId),
                              nullIfEmpty(p.card.brand),
                              nullIfEmpty(p.card.bin),
                              nullIfEmpty(p.card.last4),
                              nullIfEmpty(p.card.expiry),
                              nullIfEmpty(p.customer.name),
                              nullIfEmpty(p.customer.kana),
                              nullIfEmpty(p.customer.email),
                              nullIfEmpty(p.customer.phone),
                              nullIfEmpty(p.receiptNumber),
                              nullIfEmpty(p.paymentNumber),
                              m_now,
                              m_now,
                              deadline ? QVariant(*deadline) : QVariant(QMetaType::fromType<qint64>()),
                              CustomerFold::searchText(p.customer.name, p.customer.kana, p.customer.phone)};
    if (m_batched) {
        m_pendingPayments += row;
        if (m_pendingPayments.size() >= BatchRows * PaymentInsertColumns)
            return flush();
        return {};
    }
    QSqlQuery &q = *m_insertPayment;
    for (qsizetype i = 0; i < row.size(); ++i)
        q.bindValue(static_cast<int>(i), row.at(i));
    if (!q.exec())
        return makeError(QStringLiteral("cannot insert payment %1: %2").arg(p.paymentId).arg(q.lastError().text()));
    return {};
}

Result<void> PaymentStore::BulkLoader::addEvent(const PaymentEventRecord &e)
{
    const QVariantList row = {e.paymentId,
                              e.at,
                              e.actor,
                              e.fromStatus == 0 ? QVariant(QMetaType::fromType<int>()) : QVariant(e.fromStatus),
                              e.toStatus,
                              e.amount};
    if (m_batched) {
        m_pendingEvents += row;
        if (m_pendingEvents.size() >= BatchRows * EventInsertColumns)
            return flush();
        return {};
    }
    QSqlQuery &q = *m_insertEvent;
    for (qsizetype i = 0; i < row.size(); ++i)
        q.bindValue(static_cast<int>(i), row.at(i));
    if (!q.exec())
        return makeError(QStringLiteral("cannot insert an event: ") + q.lastError().text());
    return {};
}

// Payments first: their events refer to them. Each column travels as one array value, so a
// batch is one statement with one parameter per column, prepared once (a multi-row VALUES
// list took about four times as long per row).
Result<void> PaymentStore::BulkLoader::flush()
{
    const auto insert = [this](const QString &head, const QStringList &types, std::optional<QSqlQuery> &statement,
                               QVariantList &pending) -> Result<void> {
        if (pending.isEmpty())
            return {};
        const auto columns = int(types.size());
        if (!statement) {
            QStringList arrays;
            for (const QString &type : types)
                arrays.append(QStringLiteral("CAST(? AS %1[])").arg(type));
            statement.emplace(m_db);
            if (!statement->prepare(head + QStringLiteral(" SELECT * FROM unnest(") + arrays.join(QStringLiteral(", ")) + u')'))
                return makeError(QStringLiteral("prepare failed: ") + statement->lastError().text());
        }
        for (int column = 0; column < columns; ++column)
            statement->bindValue(column, arrayLiteral(pending, column, columns, types.at(column) == QLatin1String("text")));
        if (!statement->exec())
            return makeError(QStringLiteral("bulk insert failed: ") + statement->lastError().text());
        pending.clear();
        return {};
    };
    if (auto done = insert(InsertPaymentHead, PaymentInsertTypes, m_insertPayment, m_pendingPayments); !done)
        return done;
    return insert(InsertEventHead, EventInsertTypes, m_insertEvent, m_pendingEvents);
}

Result<void> PaymentStore::BulkLoader::finish()
{
    if (auto flushed = flush(); !flushed)
        return flushed;
    m_insertPayment.reset();
    m_insertEvent.reset();
    for (const QString &statement : Database::paymentIndexCreateStatements(m_batched)) {
        if (auto created = runQuery(m_db, statement); !created)
            return makeError(created.error());
    }
    // A bare ANALYZE on PostgreSQL also reads every system catalog (most of a second).
    const QString analyze = m_batched ? QStringLiteral("ANALYZE payments, payment_events") : QStringLiteral("ANALYZE");
    if (auto analysed = runQuery(m_db, analyze); !analysed)
        return makeError(analysed.error());
    auto committed = m_transaction->commit();
    m_transaction.reset();
    if (!committed)
        return committed;
    if (m_relaxedDurability) {
        for (const QString &pragma : {QStringLiteral("PRAGMA journal_mode=WAL"),
                                      QStringLiteral("PRAGMA synchronous=FULL"),
                                      QStringLiteral("PRAGMA cache_size=-2000")}) {
            if (auto set = runQuery(m_db, pragma); !set)
                return makeError(set.error());
        }
        m_relaxedDurability = false;
    }
    return {};
}

} // namespace kessai::gateway
