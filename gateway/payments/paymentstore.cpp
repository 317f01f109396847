#include "paymentstore.h"

#include "db/customerfold.h"
#include "db/rowcursor.h"
#include "payments/paymentcolumns.h"
#include "payments/probecache.h"
#include "payments/paymentstatemachine.h"

#include <QRegularExpression>
#include <QSqlError>
#include <QStringList>
#include <QTimeZone>
#include <QVariant>

#include <array>
#include <optional>

namespace kessai::gateway {

namespace {

// The first string greater than every string starting with prefix, in byte order.
// Trading ids are ASCII [A-Za-z0-9_], so bumping the last character is enough.
QString prefixUpperBound(const QString &prefix)
{
    QString upper = prefix;
    upper[upper.size() - 1] = QChar(upper.at(upper.size() - 1).unicode() + 1);
    return upper;
}

struct SortInfo
{
    PaymentSort sort;
    const char *name;
    const char *expression; // also the indexed expression, so the keyset stays one index range
};

constexpr std::array<SortInfo, 5> Sorts = {{
    {PaymentSort::TradeTime, "trade_time", "trade_time"},
    {PaymentSort::Amount, "amount", "amount"},
    {PaymentSort::DueTime, "due_time", "COALESCE(due_time, -1)"},
    {PaymentSort::ClearedTime, "cleared_time", "COALESCE(cleared_time, -1)"},
    {PaymentSort::TradingId, "trading_id", "trading_id"},
}};

const SortInfo &sortInfo(PaymentSort sort)
{
    for (const SortInfo &info : Sorts) {
        if (info.sort == sort)
            return info;
    }
    return Sorts.front();
}

std::optional<PaymentSort> sortNamed(const QByteArray &name)
{
    for (const SortInfo &info : Sorts) {
        if (name == info.name)
            return info.sort;
    }
    return std::nullopt;
}

// LIKE pattern for "contains text", with LIKE's own wildcards taken literally.
QString containsPattern(const QString &text)
{
    QString escaped;
    escaped.reserve(text.size() + 2);
    for (const QChar c : text) {
        if (c == u'\\' || c == u'%' || c == u'_')
            escaped.append(u'\\');
        escaped.append(c);
    }
    return QString(u'%' + escaped + u'%');
}

// One condition of a search. Those on an indexed column can be written with a unary plus,
// which keeps SQLite from driving the query through that column's index. PostgreSQL plans
// from real statistics (and has no unary plus for text): there the column stays plain.
struct Term
{
    std::optional<PaymentSort> column; // the sort this term's column belongs to, if any
    bool indexed = true;
    QString sql;                       // with %1 where the (possibly unindexed) column goes
    QString columnSql;
    QVariantList values;
    bool singleStatus = false; // status = one code: every sort has a (status, sort key) index
    bool singleType = false;   // type = one code: (type, trade time) is indexed
    bool plainColumn = false;  // PostgreSQL
    // An index this condition can be checked in without reading the table, for when no
    // condition is selective: scanning it beats scanning the table.
    const char *scanIndex = nullptr;
    // A condition served by another kind of index than a column range (the trigram index of
    // customer texts): drivingSql finds its rows through that index, probeSql counts them (up
    // to a bound given as its last value), and sql checks a row at hand.
    QString drivingSql = QString();
    QString probeSql = QString();

    // Whether the sort order's own index can serve this condition as part of its range.
    bool servedBySort(PaymentSort sort) const
    {
        return singleStatus || (singleType && sort == PaymentSort::TradeTime) || column == sort;
    }

    QString render(bool useIndex) const
    {
        if (!drivingSql.isEmpty())
            return useIndex ? drivingSql : sql;
        if (columnSql.isEmpty())
            return sql;
        return sql.arg(useIndex || !indexed || plainColumn ? columnSql : u'+' + columnSql);
    }
};

struct Conditions
{
    QVariantList merchant;
    QList<Term> terms;
};

void addRange(QList<Term> &terms, PaymentSort column, const TimeRange &range, bool nullable)
{
    if (!range.isSet())
        return;
    Term term;
    term.column = column;
    term.columnSql = QString::fromLatin1(sortInfo(column).expression);
    QStringList parts;
    // A nullable time is compared as COALESCE(x, -1): a lower bound of 0 keeps the missing ones out.
    if (range.from || nullable) {
        parts << QStringLiteral("%1 >= ?");
        term.values << range.from.value_or(0);
    }
    if (range.to) {
        parts << QStringLiteral("%1 < ?");
        term.values << *range.to;
    }
    term.sql = parts.join(QStringLiteral(" AND "));
    terms.append(term);
}

Conditions conditionsFor(const QString &merchantId, const PaymentFilter &filter, bool postgres)
{
    Conditions c;
    c.merchant = {merchantId};
    if (!filter.tradingId.isEmpty()) {
        Term term{PaymentSort::TradingId, true, {}, QStringLiteral("trading_id"), {}};
        if (filter.tradingIdPrefix) {
            term.sql = QStringLiteral("%1 >= ? AND %1 < ?");
            term.values << filter.tradingId << prefixUpperBound(filter.tradingId);
        } else {
            term.sql = QStringLiteral("%1 = ?");
            term.values << filter.tradingId;
        }
        c.terms.append(term);
    }
    if (filter.paymentId)
        c.terms.append({std::nullopt, false, QStringLiteral("%1 = ?"), QStringLiteral("payment_id"), {*filter.paymentId}});
    if (!filter.statuses.isEmpty()) {
        Term term{std::nullopt, true, QStringLiteral("%1 IN (") + placeholders(filter.statuses.size()) + u')',
                  QStringLiteral("status"), {}};
        for (int status : filter.statuses)
            term.values << status;
        term.singleStatus = filter.statuses.size() == 1;
        c.terms.append(term);
    }
    if (filter.restrictTypes) {
        Term term{std::nullopt, true, QStringLiteral("%1 IN (") + placeholders(filter.types.size()) + u')',
                  QStringLiteral("type"), {}};
        for (const QString &type : filter.types)
            term.values << type;
        term.singleType = filter.types.size() == 1;
        c.terms.append(term);
    }
    if (!filter.typeStatuses.isEmpty()) {
        // Checked row by row: the status and type terms (narrowed to the pairs' codes) are what
        // an index serves. SQLite's unary plus keeps it from driving the query by a union of
        // indexes instead.
        const QString pair = postgres ? QStringLiteral("(type = ? AND status = ?)") : QStringLiteral("(+type = ? AND +status = ?)");
        Term term{std::nullopt, false, {}, QString(), {}};
        QStringList pairs;
        for (const auto &[type, status] : filter.typeStatuses) {
            pairs << pair;
            term.values << type << status;
        }
        term.sql = u'(' + pairs.join(QStringLiteral(" OR ")) + u')';
        c.terms.append(term);
    }
    addRange(c.terms, PaymentSort::TradeTime, filter.trade, false);
    addRange(c.terms, PaymentSort::DueTime, filter.due, true);
    addRange(c.terms, PaymentSort::ClearedTime, filter.cleared, true);
    if (filter.charged.isSet()) {
        // Either time in range: checked row by row (an OR of two ranges is no one index range;
        // the amount and card of a support lookup are what finds the rows).
        Term term{std::nullopt, false, {}, QString(), {}};
        QStringList either;
        for (const QString &column : {QStringLiteral("trade_time"), QStringLiteral("cleared_time")}) {
            const QString plain = postgres ? column : QString(u'+' + column);
            QStringList parts;
            if (filter.charged.from) {
                parts << plain + QStringLiteral(" >= ?");
                term.values << *filter.charged.from;
            }
            if (filter.charged.to) {
                parts << plain + QStringLiteral(" < ?");
                term.values << *filter.charged.to;
            }
            either << u'(' + parts.join(QStringLiteral(" AND ")) + u')';
        }
        term.sql = u'(' + either.join(QStringLiteral(" OR ")) + u')';
        c.terms.append(term);
    }
    if (filter.amountMin || filter.amountMax) {
        Term term{PaymentSort::Amount, true, {}, QStringLiteral("amount"), {}};
        QStringList parts;
        if (filter.amountMin) {
            parts << QStringLiteral("%1 >= ?");
            term.values << *filter.amountMin;
        }
        if (filter.amountMax) {
            parts << QStringLiteral("%1 <= ?");
            term.values << *filter.amountMax;
        }
        term.sql = parts.join(QStringLiteral(" AND "));
        c.terms.append(term);
    }
    if (!filter.cardLast4.isEmpty())
        c.terms.append({std::nullopt, true, QStringLiteral("%1 = ?"), QStringLiteral("card_last4"), {filter.cardLast4}});
    if (!filter.customer.isEmpty()) {
        // No b-tree range serves a substring: the term narrows what another condition found, or
        // (SQLite) scans the narrow customer_fold index of schema 8 instead of the table. What
        // is searched for is folded as the stored text was (CustomerFold).
        const QString text = CustomerFold::fold(filter.customer);
        const QString pattern = containsPattern(text);
        QString digits = text;
        digits.remove(u'-');
        static const QRegularExpression allDigits(QStringLiteral("^[0-9]+\\z"));
        const bool phone = allDigits.match(digits).hasMatch();
        Term term{std::nullopt, false, {}, QString(), {pattern}};
        const qsizetype length = text.toUcs4().size();
        if (postgres) {
            // The trigram-indexed column drives the query (a rare text of three or more
            // characters); as `customer_fold || ''` it no longer matches the index and is checked
            // row by row (PostgreSQL's counterpart of SQLite's unary plus), since a two-character
            // pattern gives pg_trgm no trigram and would read the whole index.
            const auto likeSql = [&](const QString &searched) {
                QString sql = u'(' + searched + QStringLiteral(" LIKE ? ESCAPE '\\'");
                if (phone)
                    sql += QStringLiteral(" OR ") + searched + QStringLiteral(" LIKE ?");
                return sql;
            };
            term.sql = likeSql(QStringLiteral("(customer_fold || '')"));
            if (length >= 3 && (!phone || digits.size() >= 3)) {
                term.indexed = true;
                term.drivingSql = likeSql(QStringLiteral("customer_fold")) + u')';
            }
        } else {
            term.sql = QStringLiteral("(customer_fold LIKE ? ESCAPE '\\'");
            if (phone)
                term.sql += QStringLiteral(" OR customer_fold LIKE ?");
            term.scanIndex = Database::CustomerIndex;
            // The trigram index takes a LIKE of three characters or more, without ESCAPE.
            static const QRegularExpression likeWildcards(QStringLiteral("[%_\\\\]"));
            if (length >= 3 && !text.contains(likeWildcards) && (!phone || digits.size() >= 3)) {
                const QString match = QStringLiteral("SELECT rowid FROM ") + QLatin1String(Database::CustomerTextIndex)
                                      + QStringLiteral(" WHERE customer_fold LIKE ?");
                const QString matches = phone ? match + QStringLiteral(" UNION ALL ") + match : match;
                term.indexed = true;
                term.drivingSql = QStringLiteral("payment_id IN (") + matches + u')';
                term.probeSql = QStringLiteral("SELECT COUNT(*) FROM (") + matches + QStringLiteral(" LIMIT ?) AS probe");
            }
        }
        if (phone)
            term.values << QString(u'%' + digits + u'%');
        term.sql += u')';
        c.terms.append(term);
    }
    for (Term &term : c.terms)
        term.plainColumn = postgres;
    return c;
}

// " WHERE merchant_id = ? AND …" over the given terms, each with its index allowed or not.
QString whereClause(const Conditions &c, const QList<bool> &useIndex, QVariantList &values)
{
    QString where = QStringLiteral(" WHERE merchant_id = ?");
    values = c.merchant;
    for (qsizetype i = 0; i < c.terms.size(); ++i) {
        where += QStringLiteral(" AND ") + c.terms.at(i).render(useIndex.at(i));
        values << c.terms.at(i).values;
    }
    return where;
}

// SQLite plans a range or an IN list from averages, so alone it cannot tell "amount 1,000–5,000"
// (a third of the rows: walk the sort order and skip) from "amount 123,450" (a handful: read
// them and sort). A probe counts each indexed condition's rows up to a small bound, an index-only
// read of a few milliseconds, and the query is then written so that the index that fits is used.

struct Plan
{
    QList<bool> useIndex;   // per term
    bool anySparse = false; // some term has fewer than ProbeCache::bound() rows: drive the query by it
};

// Every condition through its index; but with no selective condition, one with a scan index
// is checked in that index's entries (see fromPayments) rather than driving the query itself.
QList<bool> allIndexes(const Conditions &c, const Plan &plan)
{
    QList<bool> useIndex(c.terms.size(), true);
    for (qsizetype i = 0; i < c.terms.size(); ++i) {
        if (!plan.anySparse && c.terms.at(i).scanIndex)
            useIndex[i] = false;
    }
    return useIndex;
}

Result<Plan> planFor(const QSqlDatabase &db, const Conditions &c, std::optional<PaymentSort> sort)
{
    Plan plan;
    plan.useIndex = QList<bool>(c.terms.size(), true);
    for (qsizetype i = 0; i < c.terms.size(); ++i) {
        const Term &term = c.terms.at(i);
        if (!term.indexed || (sort && term.servedBySort(*sort)))
            continue;
        // The trigram index is not per merchant: its count is an upper bound of this one's.
        QVariantList values = term.probeSql.isEmpty() ? c.merchant : QVariantList();
        values << term.values << ProbeCache::bound();
        const QString sql = term.probeSql.isEmpty()
                                ? QStringLiteral("SELECT COUNT(*) FROM (SELECT 1 FROM payments WHERE merchant_id = ? AND ")
                                      + term.render(true) + QStringLiteral(" LIMIT ?) AS probe")
                                : term.probeSql;
        const QString key = ProbeCache::key(db, sql, values);
        std::optional<qint64> rows = ProbeCache::instance().find(key);
        if (!rows) {
            ProbeCache::instance().noteRun();
            auto probed = RowCursor::run(db, sql, values);
            if (!probed)
                return makeError(probed.error());
            rows = probed.value().next() ? probed->integer(0) : 0;
            if (probed->failed())
                return makeError(probed->error());
            ProbeCache::instance().insert(key, *rows);
        }
        if (*rows < ProbeCache::bound())
            plan.anySparse = true;
        else
            plan.useIndex[i] = false;
    }
    if (!plan.anySparse) {
        // Everything is dense: the sort index with the rest checked row by row. A count has no
        // sort, so there the engine may pick freely.
        if (!sort)
            plan.useIndex = allIndexes(c, plan);
    }
    return plan;
}

// " FROM payments", or with the scan index of a condition (see Term::scanIndex) when no
// condition was found selective: a dense intersection fills the page from the sort order's
// walk, so what is left here is rare, and scanning that index is bounded where an index range
// of a common condition plus a table read per row is not.
QString fromPayments(const Conditions &c, const Plan &plan)
{
    if (!plan.anySparse) {
        for (const Term &term : c.terms) {
            if (term.scanIndex)
                return QStringLiteral(" FROM payments INDEXED BY ") + QLatin1String(term.scanIndex);
        }
    }
    return QStringLiteral(" FROM payments");
}

// Rows of the sort index a dense search walks before it falls back to its conditions' indexes:
// twice the probe bound (10,000 by default), so that a lowered bound shortens the walk too.
int walkBound() { return 2 * ProbeCache::bound(); }

// limit rows and, when the query found limit + 1, the cursor after the last of them.
PaymentPage readPage(RowCursor &row, const PaymentFilter &filter)
{
    PaymentPage page;
    PaymentCursor last;
    last.sort = filter.sort;
    last.ascending = filter.ascending;
    const int keyColumn = int(PaymentColumns::wire().size());
    while (row.next()) {
        if (page.items.size() == filter.limit) {
            page.next = last;
            break;
        }
        if (filter.sort == PaymentSort::TradingId)
            last.tradingKey = QString::fromUtf8(row.text(keyColumn));
        else
            last.key = row.integer(keyColumn);
        last.paymentId = row.integer(0);
        page.items.append(row);
    }
    return page;
}

} // namespace

QString PaymentCursor::encode() const
{
    const QByteArray keyText = sort == PaymentSort::TradingId ? tradingKey.toLatin1() : QByteArray::number(key);
    const QByteArray raw = QByteArray(sortInfo(sort).name) + ':' + (ascending ? "asc" : "desc") + ':' + keyText + ':'
                           + QByteArray::number(paymentId);
    return QString::fromLatin1(raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

std::optional<PaymentCursor> PaymentCursor::decode(const QString &text)
{
    if (text.isEmpty() || text.size() > 128)
        return std::nullopt;
    const auto decoded = QByteArray::fromBase64Encoding(text.toLatin1(),
                                                        QByteArray::Base64UrlEncoding
                                                            | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    QList<QByteArray> parts = decoded.decoded.split(':');
    // Gateway 0.1 issued "trade_time:payment_id" for its only order.
    if (parts.size() == 2)
        parts = {QByteArray("trade_time"), QByteArray("desc"), parts.at(0), parts.at(1)};
    if (parts.size() != 4)
        return std::nullopt;
    PaymentCursor cursor;
    const auto sort = sortNamed(parts.at(0));
    if (!sort)
        return std::nullopt;
    cursor.sort = *sort;
    if (parts.at(1) == "asc")
        cursor.ascending = true;
    else if (parts.at(1) != "desc")
        return std::nullopt;
    if (cursor.sort == PaymentSort::TradingId) {
        static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9_]{1,25}\\z"));
        cursor.tradingKey = QString::fromLatin1(parts.at(2));
        if (!pattern.match(cursor.tradingKey).hasMatch())
            return std::nullopt;
    } else {
        bool keyOk = false;
        cursor.key = parts.at(2).toLongLong(&keyOk);
        if (!keyOk)
            return std::nullopt;
    }
    bool idOk = false;
    cursor.paymentId = parts.at(3).toLongLong(&idOk);
    if (!idOk || cursor.paymentId <= 0)
        return std::nullopt;
    return cursor;
}

PaymentStore::PaymentStore(const Database &database)
    : m_database(database)
{}

qint64 PaymentStore::probesRun()
{
    return ProbeCache::instance().runs();
}

Result<PaymentPage> PaymentStore::search(const QString &merchantId, const PaymentFilter &filter)
{
    PaymentPage page;
    if (filter.restrictTypes && filter.types.isEmpty()) {
        if (filter.count)
            page.total = 0;
        return page;
    }
    auto db = m_database.connection();
    if (!db)
        return makeError(db.error());

    if (filter.count) {
        auto counted = count(merchantId, filter);
        if (!counted)
            return makeError(counted.error());
        page.total = counted.value();
    }

    const Conditions conditions = conditionsFor(merchantId, filter, isPostgres(*db));
    auto plan = planFor(*db, conditions, filter.sort);
    if (!plan)
        return makeError(plan.error());
    const QString sortExpression = QString::fromLatin1(sortInfo(filter.sort).expression);
    const QString unindexedSort = isPostgres(*db) ? sortExpression : QString(u'+' + sortExpression);
    const QString direction = filter.ascending ? QStringLiteral(" ASC") : QStringLiteral(" DESC");
    const QString columns = QStringLiteral("SELECT ") + PaymentColumns::wireNames() + QStringLiteral(", ") + sortExpression;

    // The keyset condition for an ORDER BY written as `order` (the plain or the unindexed form).
    const auto keyset = [&](const QString &order, QVariantList &values) -> QString {
        if (!filter.after)
            return QString();
        if (filter.sort == PaymentSort::TradingId)
            values << filter.after->tradingKey;
        else
            values << filter.after->key;
        values << filter.after->paymentId;
        // A row-value comparison keeps the keyset condition on one index range.
        return QStringLiteral(" AND (") + order + QStringLiteral(", payment_id) ") + (filter.ascending ? u'>' : u'<')
               + QStringLiteral(" (?, ?)");
    };
    const auto orderBy = [&](const QString &order) -> QString {
        return QStringLiteral(" ORDER BY ") + order + direction + QStringLiteral(", payment_id") + direction;
    };
    // Driven by the sparse conditions' indexes, or (sortByIndex) by the sort index.
    const auto direct = [&](const QList<bool> &useIndex, bool sortByIndex, const QString &from) -> Result<PaymentPage> {
        const QString order = sortByIndex ? sortExpression : unindexedSort;
        QVariantList values;
        QString where = whereClause(conditions, useIndex, values);
        where += keyset(order, values);
        values << filter.limit + 1;
        const QString sql = columns + from + where + orderBy(order) + QStringLiteral(" LIMIT ?");
        // An exact trading id names a handful of rows: its index is the plan whatever the values.
        auto rows = !filter.tradingId.isEmpty() && !filter.tradingIdPrefix ? RowCursor::runKept(*db, sql, values) : RowCursor::run(*db, sql, values);
        if (!rows)
            return makeError(rows.error());
        PaymentPage read = readPage(rows.value(), filter);
        if (rows->failed())
            return makeError(rows->error());
        return read;
    };

    bool checkedRowByRow = false;
    QList<bool> servedBySort;
    for (const Term &term : conditions.terms) {
        servedBySort.append(term.servedBySort(filter.sort));
        checkedRowByRow = checkedRowByRow || !servedBySort.constLast();
    }
    // " AND …" of the conditions the sort index serves, for the bounded walk.
    const auto sortServed = [&](QVariantList &values) -> QString {
        QString sql;
        for (qsizetype i = 0; i < conditions.terms.size(); ++i) {
            if (!servedBySort.at(i))
                continue;
            sql += QStringLiteral(" AND ") + conditions.terms.at(i).render(true);
            values << conditions.terms.at(i).values;
        }
        return sql;
    };
    Result<PaymentPage> rows = PaymentPage();
    if (plan->anySparse || !checkedRowByRow) {
        rows = direct(plan->useIndex, !plan->anySparse, QStringLiteral(" FROM payments"));
    } else {
        // Dense conditions can still be rare together, or missing from the start of the sort
        // order (no card payment has a due time). So only a bounded stretch of the sort index
        // is walked: an index-only read finds the key walkBound() rows on, and the page is read
        // from the sort index up to that key, each row checked as it comes, stopping when the
        // page is full. Only when that stretch neither fills the page nor reaches the end are
        // the conditions' own indexes used.
        QVariantList endValues{merchantId};
        QString endWhere = sortServed(endValues);
        endWhere += keyset(sortExpression, endValues);
        endValues << walkBound() - 1;
        // The key walkBound() rows on, none if the stretch reaches the end: RowCursor, one round trip on PostgreSQL.
        const auto walkEnd = [&]() -> Result<QVariantList> {
            auto end = RowCursor::run(*db, QStringLiteral("SELECT ") + sortExpression + QStringLiteral(", payment_id FROM payments WHERE merchant_id = ?")
                                               + endWhere + orderBy(sortExpression) + QStringLiteral(" LIMIT 1 OFFSET ?"), endValues);
            if (!end)
                return makeError(end.error());
            if (!end.value().next())
                return end->failed() ? Result<QVariantList>(makeError(end->error())) : Result<QVariantList>(QVariantList());
            return QVariantList{filter.sort == PaymentSort::TradingId ? QVariant(end->string(0)) : QVariant(end->integer(0)), end->integer(1)};
        }();
        if (!walkEnd)
            return makeError(walkEnd.error());
        QVariantList values;
        QList<bool> useIndex;
        for (bool served : std::as_const(servedBySort))
            useIndex.append(served);
        QString where = whereClause(conditions, useIndex, values);
        where += keyset(sortExpression, values);
        if (!walkEnd->isEmpty()) {
            where += QStringLiteral(" AND (") + sortExpression + QStringLiteral(", payment_id) ")
                     + (filter.ascending ? QStringLiteral("<=") : QStringLiteral(">=")) + QStringLiteral(" (?, ?)");
            values << *walkEnd;
        }
        values << filter.limit + 1;
        auto found = RowCursor::run(*db, columns + QStringLiteral(" FROM payments") + where + orderBy(sortExpression) + QStringLiteral(" LIMIT ?"), values);
        if (!found)
            return makeError(found.error());
        rows = readPage(found.value(), filter);
        if (found->failed())
            return makeError(found->error());
        if (!rows->next && !walkEnd->isEmpty())
            rows = direct(allIndexes(conditions, *plan), false, fromPayments(conditions, *plan));
    }
    if (!rows)
        return makeError(rows.error());
    page.items = std::move(rows->items);
    page.next = rows->next;
    return page;
}

Result<qint64> PaymentStore::count(const QString &merchantId, const PaymentFilter &filter)
{
    if (filter.restrictTypes && filter.types.isEmpty())
        return qint64(0);
    auto db = m_database.connection();
    if (!db)
        return makeError(db.error());
    const Conditions conditions = conditionsFor(merchantId, filter, isPostgres(*db));
    auto plan = planFor(*db, conditions, std::nullopt);
    if (!plan)
        return makeError(plan.error());
    QVariantList values;
    const QString where = whereClause(conditions, plan->useIndex, values);
    auto counted = runQuery(*db, QStringLiteral("SELECT COUNT(*)") + fromPayments(conditions, *plan) + where, values);
    if (!counted)
        return makeError(counted.error());
    return counted.value().next() ? counted.value().value(0).toLongLong() : qint64(0);
}

Result<std::pair<qint64, qint64>> PaymentStore::countAndSum(const QString &merchantId, const PaymentFilter &filter)
{
    if (filter.restrictTypes && filter.types.isEmpty())
        return std::pair<qint64, qint64>(0, 0);
    auto db = m_database.connection();
    if (!db)
        return makeError(db.error());
    const Conditions conditions = conditionsFor(merchantId, filter, isPostgres(*db));
    auto plan = planFor(*db, conditions, std::nullopt);
    if (!plan)
        return makeError(plan.error());
    QVariantList values;
    const QString where = whereClause(conditions, plan->useIndex, values);
    auto row = runQuery(*db, QStringLiteral("SELECT COUNT(*), COALESCE(SUM(amount), 0)") + fromPayments(conditions, *plan) + where,
                        values);
    if (!row)
        return makeError(row.error());
    if (!row.value().next())
        return std::pair<qint64, qint64>(0, 0);
    // PostgreSQL's SUM of a BIGINT is a NUMERIC: it comes as text, read as a whole number.
    return std::pair<qint64, qint64>(row.value().value(0).toLongLong(), row.value().value(1).toString().toLongLong());
}

Result<std::optional<PaymentDetail>> PaymentStore::find(const QString &merchantId, qint64 paymentId)
{
    auto db = m_database.connection();
    if (!db)
        return makeError(db.error());
    using enum PaymentColumn;
    const QList<PaymentColumn> columns
        = PaymentColumns::wire() + QList<PaymentColumn>{AuthorizedAmount, ReceiptNumber, PaymentNumber, PaymentClass, SplitCount};
    auto row = runQuery(*db,
                        QStringLiteral("SELECT ") + PaymentColumns::names(columns)
                            + QStringLiteral(" FROM payments WHERE payment_id = ? AND merchant_id = ?"),
                        {paymentId, merchantId});
    if (!row)
        return makeError(row.error());
    QSqlQuery &q = row.value();
    if (!q.next())
        return std::optional<PaymentDetail>();
    PaymentDetail detail;
    detail.payment = readPayment(q);
    detail.authorizedAmount = q.value(columnIndex(columns, AuthorizedAmount)).toLongLong();
    detail.receiptNumber = q.value(columnIndex(columns, ReceiptNumber)).toString();
    detail.paymentNumber = q.value(columnIndex(columns, PaymentNumber)).toString();
    detail.paymentClass = q.value(columnIndex(columns, PaymentClass)).toString();
    detail.splitCount = q.value(columnIndex(columns, SplitCount)).toInt();

    // An amount change keeps the trading id: its (merchant, trading id) index finds the new payment.
    auto replacement = runQuery(*db,
                                QStringLiteral("SELECT MIN(payment_id) FROM payments WHERE merchant_id = ? AND trading_id = ?"
                                               " AND base_payment_id = ?"),
                                {merchantId, detail.payment.tradingId, paymentId});
    if (!replacement)
        return makeError(replacement.error());
    if (replacement.value().next())
        detail.replacedBy = replacement.value().value(0).toLongLong();
    replacement.value().finish();

    auto events = runQuery(*db,
                           QStringLiteral("SELECT at, actor, from_status, to_status, amount FROM payment_events"
                                          " WHERE payment_id = ? ORDER BY at, event_id"),
                           {paymentId});
    if (!events)
        return makeError(events.error());
    QSqlQuery &e = events.value();
    while (e.next()) {
        detail.events.append({e.value(0).toLongLong(), e.value(1).toString(), e.value(2).toInt(),
                              e.value(3).toInt(), e.value(4).toLongLong()});
    }
    return std::optional<PaymentDetail>(std::move(detail));
}

Result<qint64> PaymentStore::maxPaymentId()
{
    auto db = m_database.connection();
    if (!db)
        return makeError(db.error());
    auto q = runQuery(*db, QStringLiteral("SELECT MAX(payment_id) FROM payments"));
    if (!q)
        return makeError(q.error());
    if (!q.value().next() || q.value().value(0).isNull())
        return qint64(0);
    return q.value().value(0).toLongLong();
}

} // namespace kessai::gateway
