#include "statementstore.h"

#include "db/transaction.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace kessai::gateway {

namespace {

using namespace SettlementRules;

constexpr int SaleStatus = 40;   // capture (card) or 消込 (CVS, ATM, bank)
constexpr int CancelStatus = 60; // 売上取消 of a captured card payment

const QString StatementColumns = QStringLiteral(
    "SELECT statement_id, merchant_id, period_start, period_end, first_day, closing_date, payout_date,"
    " sale_count, sale_amount, cancel_count, cancel_amount, fee, tax, net,"
    " carry_in, transfer_fee, payout, carry_out, line_count, closed_at FROM statements");

QString isoDate(const QDate &date)
{
    return date.toString(Qt::ISODate);
}

StatementRecord statementFromRow(const QSqlQuery &q)
{
    StatementRecord record;
    record.statementId = q.value(0).toLongLong();
    record.merchantId = q.value(1).toString();
    record.period.start = q.value(2).toLongLong();
    record.period.end = q.value(3).toLongLong();
    record.period.first = QDate::fromString(q.value(4).toString(), Qt::ISODate);
    record.period.last = QDate::fromString(q.value(5).toString(), Qt::ISODate);
    record.period.payoutDate = QDate::fromString(q.value(6).toString(), Qt::ISODate);
    Figures &totals = record.figures.totals;
    totals.saleCount = q.value(7).toLongLong();
    totals.saleAmount = q.value(8).toLongLong();
    totals.cancelCount = q.value(9).toLongLong();
    totals.cancelAmount = q.value(10).toLongLong();
    totals.fee = q.value(11).toLongLong();
    totals.tax = q.value(12).toLongLong();
    totals.net = q.value(13).toLongLong();
    record.figures.carryIn = q.value(14).toLongLong();
    record.figures.transferFee = q.value(15).toLongLong();
    record.figures.payout = q.value(16).toLongLong();
    record.figures.carryOut = q.value(17).toLongLong();
    record.lineCount = q.value(18).toLongLong();
    record.closedAt = q.value(19).toLongLong();
    return record;
}

Result<FeeSchedule> readFeeSchedule(const QSqlDatabase &db, const QString &merchantId)
{
    FeeSchedule schedule;
    auto rates = runQuery(db, QStringLiteral("SELECT type, rate_bp, fixed_fee FROM merchant_fees WHERE merchant_id = ?"), {merchantId});
    if (!rates)
        return makeError(rates.error());
    while (rates.value().next())
        schedule.rates.insert(rates.value().value(0).toString(),
                              FeeRate{rates.value().value(1).toInt(), rates.value().value(2).toLongLong()});
    rates.value().finish();
    auto payout = runQuery(db, QStringLiteral("SELECT transfer_fee FROM merchant_payout_settings WHERE merchant_id = ?"), {merchantId});
    if (!payout)
        return makeError(payout.error());
    if (payout.value().next())
        schedule.transferFee = payout.value().value(0).toLongLong();
    payout.value().finish();
    return schedule;
}

// Where the merchant's next statement starts and what it carries in; nullopt when the merchant
// has neither a statement nor a money event yet.
struct NextStatement
{
    Period period;
    qint64 carryIn = 0;
};

Result<std::optional<NextStatement>> nextStatement(const QSqlDatabase &db, const QString &merchantId)
{
    auto last = runQuery(db,
                         QStringLiteral("SELECT period_end, carry_out FROM statements WHERE merchant_id = ?"
                                        " ORDER BY period_start DESC LIMIT 1"),
                         {merchantId});
    if (!last)
        return makeError(last.error());
    if (last.value().next()) {
        NextStatement next{periodContaining(last.value().value(0).toLongLong()), last.value().value(1).toLongLong()};
        last.value().finish();
        return std::optional<NextStatement>(next);
    }
    last.value().finish();
    // The first statement is that of the merchant's first payment (periods without a sale get a
    // statement too, so the series has no gaps), or of an earlier money event should one exist.
    std::optional<qint64> first;
    for (const QString &sql : {QStringLiteral("SELECT MIN(trade_time) FROM payments WHERE merchant_id = ?"),
                               QStringLiteral("SELECT MIN(e.at) FROM payment_events e JOIN payments p ON p.payment_id = e.payment_id"
                                              " WHERE e.statement_id IS NULL AND e.to_status IN (40, 60) AND p.merchant_id = ?")}) {
        auto earliest = runQuery(db, sql, {merchantId});
        if (!earliest)
            return makeError(earliest.error());
        if (earliest.value().next() && !earliest.value().value(0).isNull()) {
            const qint64 at = earliest.value().value(0).toLongLong();
            first = first ? std::min(*first, at) : at;
        }
        earliest.value().finish();
    }
    if (!first)
        return std::optional<NextStatement>();
    return std::optional<NextStatement>(NextStatement{periodContaining(*first), 0});
}

struct PendingEvent
{
    qint64 eventId = 0;
    qint64 paymentId = 0;
    QString tradingId;
    qint64 at = 0;
    Line line;
};

Result<QList<PendingEvent>> pendingEvents(const QSqlDatabase &db, const QString &merchantId, qint64 before,
                                          const FeeSchedule &schedule)
{
    // The partial index payment_events_unsettled holds exactly the rows this asks for.
    auto rows = runQuery(db,
                         QStringLiteral("SELECT e.event_id, e.payment_id, p.trading_id, p.type, e.to_status, e.at,"
                                        " COALESCE(e.amount, p.amount)"
                                        " FROM payment_events e JOIN payments p ON p.payment_id = e.payment_id"
                                        " WHERE e.statement_id IS NULL AND e.to_status IN (40, 60) AND e.at < ?"
                                        " AND p.merchant_id = ? ORDER BY e.at, e.event_id"),
                         {before, merchantId});
    if (!rows)
        return makeError(rows.error());
    QList<PendingEvent> events;
    QSqlQuery &q = rows.value();
    while (q.next()) {
        PendingEvent event;
        event.eventId = q.value(0).toLongLong();
        event.paymentId = q.value(1).toLongLong();
        event.tradingId = q.value(2).toString();
        const QString type = q.value(3).toString();
        const int status = q.value(4).toInt();
        event.at = q.value(5).toLongLong();
        const qint64 amount = q.value(6).toLongLong();
        const LineKind kind = status == SaleStatus ? LineKind::Sale : LineKind::Cancel;
        Q_ASSERT(status == SaleStatus || status == CancelStatus);
        event.line = makeLine(type, kind, amount, schedule.rateFor(type));
        events.append(std::move(event));
    }
    q.finish();
    return events;
}

Result<void> prepare(QSqlQuery &query, const QString &sql)
{
    if (!query.prepare(sql))
        return makeError(QStringLiteral("prepare failed: ") + query.lastError().text());
    return {};
}

Result<void> exec(QSqlQuery &query, const QVariantList &values)
{
    for (qsizetype i = 0; i < values.size(); ++i)
        query.bindValue(static_cast<int>(i), values.at(i));
    if (!query.exec())
        return makeError(QStringLiteral("query failed: ") + query.lastError().text());
    return {};
}

} // namespace

StatementStore::StatementStore(const Database &database)
    : m_database(database)
{}

Result<FeeSchedule> StatementStore::feeSchedule(const QString &merchantId)
{
    auto db = m_database.connection();
    if (!db)
        return makeError(db.error());
    return readFeeSchedule(*db, merchantId);
}

Result<void> StatementStore::setFeeRate(const QString &merchantId, const QString &type, const FeeRate &rate)
{
    if (rate.rateBp < 0 || rate.rateBp > MaxRateBp || rate.fixedFee < 0)
        return makeError(QStringLiteral("fee rate out of range"));
    auto db = m_database.connection();
    if (!db)
        return makeError(db.error());
    auto stored = runQuery(*db,
                           QStringLiteral("INSERT INTO merchant_fees (merchant_id, type, rate_bp, fixed_fee) VALUES (?, ?, ?, ?)"
                                          " ON CONFLICT (merchant_id, type) DO UPDATE SET rate_bp = excluded.rate_bp,"
                                          " fixed_fee = excluded.fixed_fee"),
                           {merchantId, type, rate.rateBp, rate.fixedFee});
    if (!stored)
        return makeError(stored.error());
    return {};
}

Result<void> StatementStore::setTransferFee(const QString &merchantId, qint64 transferFee)
{
    if (transferFee < 0)
        return makeError(QStringLiteral("transfer fee out of range"));
    auto db = m_database.connection();
    if (!db)
        return makeError(db.error());
    auto stored = runQuery(*db,
                           QStringLiteral("INSERT INTO merchant_payout_settings (merchant_id, transfer_fee) VALUES (?, ?)"
                                          " ON CONFLICT (merchant_id) DO UPDATE SET transfer_fee = excluded.transfer_fee"),
                           {merchantId, transferFee});
    if (!stored)
        return makeError(stored.error());
    return {};
}

Result<QStringList> StatementStore::merchantIds()
{
    auto db = m_database.connection();
    if (!db)
        return makeError(db.error());
    auto rows = runQuery(*db, QStringLiteral("SELECT merchant_id FROM merchants ORDER BY merchant_id"));
    if (!rows)
        return makeError(rows.error());
    QStringList ids;
    while (rows.value().next())
        ids.append(rows.value().value(0).toString());
    return ids;
}

Result<int> StatementStore::closeDue(const QString &merchantId, qint64 now)
{
    auto closed = closeDueOnce(merchantId, now);
    if (closed)
        return closed;
    // A concurrent closer may have written the same period first (the unique key refused
    // ours); then there is nothing left to do, which a second pass sees.
    qCInfo(lcGatewayDb).noquote() << "closing statements of" << merchantId << "failed, retrying:" << closed.error();
    return closeDueOnce(merchantId, now);
}

Result<int> StatementStore::closeDueOnce(const QString &merchantId, qint64 now)
{
    auto db = m_database.connection();
    if (!db)
        return makeError(db.error());

    // Probe without the write lock: nearly always nothing is due.
    auto probe = nextStatement(*db, merchantId);
    if (!probe)
        return makeError(probe.error());
    if (!probe.value() || probe.value()->period.end > now)
        return 0;

    Transaction transaction(*db);
    if (auto begun = transaction.begin(); !begun)
        return makeError(begun.error());
    auto next = nextStatement(*db, merchantId);
    if (!next)
        return makeError(next.error());
    if (!next.value())
        return 0;
    auto schedule = readFeeSchedule(*db, merchantId);
    if (!schedule)
        return makeError(schedule.error());

    QSqlQuery insertLine(*db);
    QSqlQuery markEvent(*db);
    if (auto prepared = prepare(insertLine,
                                QStringLiteral("INSERT INTO statement_lines (statement_id, event_id, payment_id, trading_id,"
                                               " type, kind, event_at, amount, fee) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        !prepared)
        return makeError(prepared.error());
    if (auto prepared = prepare(markEvent,
                                QStringLiteral("UPDATE payment_events SET statement_id = ? WHERE event_id = ? AND statement_id IS NULL"));
        !prepared)
        return makeError(prepared.error());

    Period period = next.value()->period;
    qint64 carryIn = next.value()->carryIn;
    int closed = 0;
    while (period.end <= now) {
        auto events = pendingEvents(*db, merchantId, period.end, schedule.value());
        if (!events)
            return makeError(events.error());
        QList<Line> lines;
        QMap<QString, FeeRate> rates;
        lines.reserve(events.value().size());
        for (const PendingEvent &event : events.value()) {
            lines.append(event.line);
            rates.insert(event.line.type, schedule.value().rateFor(event.line.type));
        }
        const StatementFigures figures = computeStatement(lines, rates, carryIn, schedule.value().transferFee);
        const Figures &t = figures.totals;
        auto inserted = runQuery(*db,
                                 QStringLiteral("INSERT INTO statements (merchant_id, period_start, period_end, first_day,"
                                                " closing_date, payout_date, sale_count, sale_amount, cancel_count,"
                                                " cancel_amount, fee, tax, net, carry_in, transfer_fee, payout, carry_out,"
                                                " line_count, closed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                                 {merchantId, period.start, period.end, isoDate(period.first), isoDate(period.last),
                                  isoDate(period.payoutDate), t.saleCount, t.saleAmount, t.cancelCount, t.cancelAmount,
                                  t.fee, t.tax, t.net, figures.carryIn, figures.transferFee, figures.payout,
                                  figures.carryOut, qint64(lines.size()), now});
        if (!inserted)
            return makeError(inserted.error());
        // Read back through the unique key: portable where lastInsertId is not.
        auto id = runQuery(*db, QStringLiteral("SELECT statement_id FROM statements WHERE merchant_id = ? AND period_start = ?"),
                           {merchantId, period.start});
        if (!id)
            return makeError(id.error());
        if (!id.value().next())
            return makeError(QStringLiteral("statement of %1 vanished").arg(isoDate(period.first)));
        const qint64 statementId = id.value().value(0).toLongLong();
        id.value().finish();

        for (const MethodFigures &method : figures.methods) {
            const Figures &f = method.figures;
            auto row = runQuery(*db,
                                QStringLiteral("INSERT INTO statement_methods (statement_id, type, rate_bp, fixed_fee, sale_count,"
                                               " sale_amount, cancel_count, cancel_amount, fee, tax, net)"
                                               " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                                {statementId, method.type, method.rate.rateBp, method.rate.fixedFee, f.saleCount,
                                 f.saleAmount, f.cancelCount, f.cancelAmount, f.fee, f.tax, f.net});
            if (!row)
                return makeError(row.error());
        }
        for (const PendingEvent &event : events.value()) {
            if (auto added = exec(insertLine,
                                  {statementId, event.eventId, event.paymentId, event.tradingId, event.line.type,
                                   kindName(event.line.kind), event.at, event.line.amount, event.line.fee});
                !added)
                return makeError(added.error());
            if (auto marked = exec(markEvent, {statementId, event.eventId}); !marked)
                return makeError(marked.error());
            if (markEvent.numRowsAffected() != 1)
                return makeError(QStringLiteral("event %1 entered another statement meanwhile").arg(event.eventId));
        }
        carryIn = figures.carryOut;
        period = nextPeriod(period);
        ++closed;
    }
    insertLine.finish();
    markEvent.finish();
    if (auto committed = transaction.commit(); !committed)
        return makeError(committed.error());
    if (closed > 0)
        qCInfo(lcGatewayDb) << "closed" << closed << "statements of" << merchantId;
    return closed;
}

Result<StatementPage> StatementStore::list(const QString &merchantId, const StatementListQuery &query)
{
    auto db = m_database.connection();
    if (!db)
        return makeError(db.error());
    QString sql = StatementColumns + QStringLiteral(" WHERE merchant_id = ?");
    QVariantList values{merchantId};
    if (query.payoutFrom) {
        sql += QStringLiteral(" AND payout_date >= ?");
        values.append(isoDate(*query.payoutFrom));
    }
    if (query.payoutTo) {
        sql += QStringLiteral(" AND payout_date < ?");
        values.append(isoDate(*query.payoutTo));
    }
    if (query.beforePeriodStart) {
        sql += QStringLiteral(" AND period_start < ?");
        values.append(*query.beforePeriodStart);
    }
    sql += QStringLiteral(" ORDER BY period_start DESC LIMIT ?");
    values.append(query.limit + 1);
    auto rows = runQuery(*db, sql, values);
    if (!rows)
        return makeError(rows.error());
    StatementPage page;
    while (rows.value().next()) {
        if (page.items.size() == query.limit) {
            page.more = true;
            break;
        }
        page.items.append(statementFromRow(rows.value()));
    }
    return page;
}

Result<std::optional<StatementRecord>> StatementStore::find(const QString &merchantId, qint64 statementId)
{
    auto db = m_database.connection();
    if (!db)
        return makeError(db.error());
    auto row = runQuery(*db, StatementColumns + QStringLiteral(" WHERE statement_id = ? AND merchant_id = ?"),
                        {statementId, merchantId});
    if (!row)
        return makeError(row.error());
    if (!row.value().next())
        return std::optional<StatementRecord>();
    StatementRecord record = statementFromRow(row.value());
    row.value().finish();
    auto methods = runQuery(*db,
                            QStringLiteral("SELECT type, rate_bp, fixed_fee, sale_count, sale_amount, cancel_count,"
                                           " cancel_amount, fee, tax, net FROM statement_methods WHERE statement_id = ?"
                                           " ORDER BY type"),
                            {statementId});
    if (!methods)
        return makeError(methods.error());
    QSqlQuery &q = methods.value();
    while (q.next()) {
        MethodFigures method;
        method.type = q.value(0).toString();
        method.rate = FeeRate{q.value(1).toInt(), q.value(2).toLongLong()};
        method.figures.saleCount = q.value(3).toLongLong();
        method.figures.saleAmount = q.value(4).toLongLong();
        method.figures.cancelCount = q.value(5).toLongLong();
        method.figures.cancelAmount = q.value(6).toLongLong();
        method.figures.fee = q.value(7).toLongLong();
        method.figures.tax = q.value(8).toLongLong();
        method.figures.net = q.value(9).toLongLong();
        record.figures.methods.append(std::move(method));
    }
    return std::optional<StatementRecord>(std::move(record));
}

Result<StatementLinePage> StatementStore::lines(qint64 statementId, const StatementLineQuery &query)
{
    auto db = m_database.connection();
    if (!db)
        return makeError(db.error());
    QString sql = QStringLiteral("SELECT line_id, payment_id, trading_id, type, kind, event_at, amount, fee"
                                 " FROM statement_lines WHERE statement_id = ?");
    QVariantList values{statementId};
    if (!query.types.isEmpty()) {
        QStringList marks;
        for (const QString &type : query.types) {
            marks.append(QStringLiteral("?"));
            values.append(type);
        }
        sql += QStringLiteral(" AND type IN (") + marks.join(QStringLiteral(", ")) + u')';
    }
    if (!query.kinds.isEmpty()) {
        QStringList marks;
        for (const QString &kind : query.kinds) {
            marks.append(QStringLiteral("?"));
            values.append(kind);
        }
        sql += QStringLiteral(" AND kind IN (") + marks.join(QStringLiteral(", ")) + u')';
    }
    if (query.afterLineId) {
        sql += QStringLiteral(" AND line_id > ?");
        values.append(*query.afterLineId);
    }
    sql += QStringLiteral(" ORDER BY line_id LIMIT ?");
    values.append(query.limit + 1);
    auto rows = runQuery(*db, sql, values);
    if (!rows)
        return makeError(rows.error());
    StatementLinePage page;
    QSqlQuery &q = rows.value();
    while (q.next()) {
        if (page.items.size() == query.limit) {
            page.more = true;
            break;
        }
        StatementLineRecord line;
        line.lineId = q.value(0).toLongLong();
        line.paymentId = q.value(1).toLongLong();
        line.tradingId = q.value(2).toString();
        line.type = q.value(3).toString();
        line.kind = q.value(4).toString();
        line.at = q.value(5).toLongLong();
        line.amount = q.value(6).toLongLong();
        line.fee = q.value(7).toLongLong();
        page.items.append(std::move(line));
    }
    return page;
}

} // namespace kessai::gateway
