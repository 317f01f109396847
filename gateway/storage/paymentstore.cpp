#include "paymentstore.h"

#include <QSqlError>
#include <QStringList>
#include <QTimeZone>
#include <QVariant>

namespace kessai::gateway {

namespace {

const QString PaymentColumns = QStringLiteral(
    "payment_id, trading_id, type, status, amount, institution, trade_time, due_time,"
    " cleared_time, base_payment_id, card_brand, card_bin, card_last4, card_expiry,"
    " customer_name, customer_kana, customer_email, customer_phone");

QDateTime fromEpoch(const QVariant &value)
{
    if (value.isNull())
        return {};
    return QDateTime::fromSecsSinceEpoch(value.toLongLong(), QTimeZone::utc());
}

Payment readPayment(const QSqlQuery &q)
{
    Payment p;
    p.paymentId = QString::number(q.value(0).toLongLong());
    p.tradingId = q.value(1).toString();
    p.type = q.value(2).toString();
    p.status = q.value(3).toInt();
    p.amount = q.value(4).toLongLong();
    p.institution = q.value(5).toString();
    p.tradeTime = fromEpoch(q.value(6));
    p.dueTime = fromEpoch(q.value(7));
    p.clearedTime = fromEpoch(q.value(8));
    if (!q.value(9).isNull())
        p.basePaymentId = QString::number(q.value(9).toLongLong());
    p.card.brand = q.value(10).toString();
    p.card.bin = q.value(11).toString();
    p.card.last4 = q.value(12).toString();
    p.card.expiry = q.value(13).toString();
    p.customer.name = q.value(14).toString();
    p.customer.kana = q.value(15).toString();
    p.customer.email = q.value(16).toString();
    p.customer.phone = q.value(17).toString();
    return p;
}

QString placeholders(qsizetype count)
{
    QStringList marks;
    marks.reserve(count);
    for (qsizetype i = 0; i < count; ++i)
        marks.append(QStringLiteral("?"));
    return marks.join(u',');
}

QVariant nullIfZero(qint64 value)
{
    return value == 0 ? QVariant(QMetaType::fromType<qint64>()) : QVariant(value);
}

QVariant nullIfEmpty(const QString &value)
{
    return value.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(value);
}

// The first string greater than every string starting with prefix, in byte order.
// Trading ids are ASCII [A-Za-z0-9_], so bumping the last character is enough.
QString prefixUpperBound(const QString &prefix)
{
    QString upper = prefix;
    upper[upper.size() - 1] = QChar(upper.at(upper.size() - 1).unicode() + 1);
    return upper;
}

} // namespace

QString PaymentCursor::encode() const
{
    const QByteArray raw = QByteArray::number(tradeTime) + ':' + QByteArray::number(paymentId);
    return QString::fromLatin1(raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

std::optional<PaymentCursor> PaymentCursor::decode(const QString &text)
{
    if (text.isEmpty() || text.size() > 64)
        return std::nullopt;
    const auto decoded = QByteArray::fromBase64Encoding(text.toLatin1(),
                                                        QByteArray::Base64UrlEncoding
                                                            | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    const QList<QByteArray> parts = decoded.decoded.split(':');
    if (parts.size() != 2)
        return std::nullopt;
    bool timeOk = false;
    bool idOk = false;
    PaymentCursor cursor;
    cursor.tradeTime = parts.at(0).toLongLong(&timeOk);
    cursor.paymentId = parts.at(1).toLongLong(&idOk);
    if (!timeOk || !idOk || cursor.paymentId <= 0)
        return std::nullopt;
    return cursor;
}

PaymentStore::PaymentStore(const Database &database)
    : m_database(database)
{}

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

    QString where = QStringLiteral(" WHERE merchant_id = ?");
    QVariantList values{merchantId};
    if (!filter.tradingId.isEmpty()) {
        if (filter.tradingIdPrefix) {
            where += QStringLiteral(" AND trading_id >= ? AND trading_id < ?");
            values << filter.tradingId << prefixUpperBound(filter.tradingId);
        } else {
            where += QStringLiteral(" AND trading_id = ?");
            values << filter.tradingId;
        }
    }
    if (filter.paymentId) {
        where += QStringLiteral(" AND payment_id = ?");
        values << *filter.paymentId;
    }
    if (!filter.statuses.isEmpty()) {
        where += QStringLiteral(" AND status IN (") + placeholders(filter.statuses.size()) + u')';
        for (int status : filter.statuses)
            values << status;
    }
    if (filter.restrictTypes) {
        where += QStringLiteral(" AND type IN (") + placeholders(filter.types.size()) + u')';
        for (const QString &type : filter.types)
            values << type;
    }

    if (filter.count) {
        auto counted = runQuery(*db, QStringLiteral("SELECT COUNT(*) FROM payments") + where, values);
        if (!counted)
            return makeError(counted.error());
        page.total = counted.value().next() ? counted.value().value(0).toLongLong() : 0;
    }

    QString pageWhere = where;
    QVariantList pageValues = values;
    if (filter.after) {
        // A row-value comparison keeps the keyset condition on one index range.
        pageWhere += QStringLiteral(" AND (trade_time, payment_id) < (?, ?)");
        pageValues << filter.after->tradeTime << filter.after->paymentId;
    }
    pageValues << filter.limit + 1;
    auto rows = runQuery(*db,
                         QStringLiteral("SELECT ") + PaymentColumns + QStringLiteral(" FROM payments") + pageWhere
                             + QStringLiteral(" ORDER BY trade_time DESC, payment_id DESC LIMIT ?"),
                         pageValues);
    if (!rows)
        return makeError(rows.error());
    QSqlQuery &q = rows.value();
    qint64 lastTime = 0;
    qint64 lastId = 0;
    while (q.next()) {
        if (page.items.size() == filter.limit) {
            page.next = PaymentCursor{lastTime, lastId};
            break;
        }
        lastTime = q.value(6).toLongLong();
        lastId = q.value(0).toLongLong();
        page.items.append(readPayment(q));
    }
    return page;
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
    m_transaction.emplace(m_db);
    if (auto begun = m_transaction->begin(); !begun)
        return begun;
    for (const QString &statement : Database::paymentIndexDropStatements()) {
        if (auto dropped = runQuery(m_db, statement); !dropped)
            return makeError(dropped.error());
    }
    m_insertPayment.emplace(m_db);
    if (!m_insertPayment->prepare(QStringLiteral(
            "INSERT INTO payments (payment_id, merchant_id, trading_id, type, status, amount,"
            " authorized_amount, institution, trade_time, due_time, cleared_time, base_payment_id,"
            " card_brand, card_bin, card_last4, card_expiry, customer_name, customer_kana,"
            " customer_email, customer_phone, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")))
        return makeError(QStringLiteral("prepare failed: ") + m_insertPayment->lastError().text());
    m_insertEvent.emplace(m_db);
    if (!m_insertEvent->prepare(QStringLiteral(
            "INSERT INTO payment_events (payment_id, at, actor, from_status, to_status, amount)"
            " VALUES (?, ?, ?, ?, ?, ?)")))
        return makeError(QStringLiteral("prepare failed: ") + m_insertEvent->lastError().text());
    return {};
}

Result<void> PaymentStore::BulkLoader::add(const PaymentRecord &p)
{
    QSqlQuery &q = *m_insertPayment;
    q.bindValue(0, p.paymentId);
    q.bindValue(1, p.merchantId);
    q.bindValue(2, p.tradingId);
    q.bindValue(3, p.type);
    q.bindValue(4, p.status);
    q.bindValue(5, p.amount);
    q.bindValue(6, nullIfZero(p.authorizedAmount));
    q.bindValue(7, p.institution);
    q.bindValue(8, p.tradeTime);
    q.bindValue(9, nullIfZero(p.dueTime));
    q.bindValue(10, nullIfZero(p.clearedTime));
    q.bindValue(11, nullIfZero(p.basePaymentId));
    q.bindValue(12, nullIfEmpty(p.card.brand));
    q.bindValue(13, nullIfEmpty(p.card.bin));
    q.bindValue(14, nullIfEmpty(p.card.last4));
    q.bindValue(15, nullIfEmpty(p.card.expiry));
    q.bindValue(16, nullIfEmpty(p.customer.name));
    q.bindValue(17, nullIfEmpty(p.customer.kana));
    q.bindValue(18, nullIfEmpty(p.customer.email));
    q.bindValue(19, nullIfEmpty(p.customer.phone));
    q.bindValue(20, m_now);
    q.bindValue(21, m_now);
    if (!q.exec())
        return makeError(QStringLiteral("cannot insert payment %1: %2").arg(p.paymentId).arg(q.lastError().text()));
    return {};
}

Result<void> PaymentStore::BulkLoader::addEvent(const PaymentEventRecord &e)
{
    QSqlQuery &q = *m_insertEvent;
    q.bindValue(0, e.paymentId);
    q.bindValue(1, e.at);
    q.bindValue(2, e.actor);
    q.bindValue(3, e.fromStatus == 0 ? QVariant(QMetaType::fromType<int>()) : QVariant(e.fromStatus));
    q.bindValue(4, e.toStatus);
    q.bindValue(5, e.amount);
    if (!q.exec())
        return makeError(QStringLiteral("cannot insert an event: ") + q.lastError().text());
    return {};
}

Result<void> PaymentStore::BulkLoader::finish()
{
    m_insertPayment.reset();
    m_insertEvent.reset();
    for (const QString &statement : Database::paymentIndexCreateStatements()) {
        if (auto created = runQuery(m_db, statement); !created)
            return makeError(created.error());
    }
    if (auto analysed = runQuery(m_db, QStringLiteral("ANALYZE")); !analysed)
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
