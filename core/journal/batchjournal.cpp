#include "batchjournal.h"

#include "api/merchantclient.h"

#include <QFileInfo>
#include <QDir>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

namespace kessai {

namespace {

const QStringList Schema = {
    QStringLiteral("CREATE TABLE IF NOT EXISTS batches (id INTEGER PRIMARY KEY, created INTEGER NOT NULL, "
                   "kind INTEGER NOT NULL, source TEXT NOT NULL, merchant_id TEXT NOT NULL, login_id TEXT NOT NULL, "
                   "finished INTEGER NOT NULL DEFAULT 0)"),
    QStringLiteral("CREATE TABLE IF NOT EXISTS chunks (batch_id INTEGER NOT NULL REFERENCES batches(id) ON DELETE CASCADE, "
                   "number INTEGER NOT NULL, idempotency_key TEXT NOT NULL, answered INTEGER NOT NULL DEFAULT 0, "
                   "PRIMARY KEY (batch_id, number))"),
    QStringLiteral("CREATE TABLE IF NOT EXISTS items (batch_id INTEGER NOT NULL REFERENCES batches(id) ON DELETE CASCADE, "
                   "seq INTEGER NOT NULL, chunk INTEGER NOT NULL, payment_id TEXT NOT NULL, amount INTEGER NOT NULL, "
                   "state INTEGER NOT NULL DEFAULT 0, status_after INTEGER NOT NULL DEFAULT 0, "
                   "amount_after INTEGER NOT NULL DEFAULT 0, error_code TEXT NOT NULL DEFAULT '', "
                   "error_message TEXT NOT NULL DEFAULT '', type TEXT NOT NULL DEFAULT '', line INTEGER NOT NULL DEFAULT 0, "
                   "PRIMARY KEY (batch_id, seq))"),
    QStringLiteral("CREATE INDEX IF NOT EXISTS items_by_chunk ON items (batch_id, chunk, payment_id)"),
};

// One transaction on a connection, rolled back unless committed.
class Transaction
{
public:
    explicit Transaction(QSqlDatabase db)
        : m_db(std::move(db))
        , m_open(m_db.transaction())
    {
        if (!m_open)
            m_error = m_db.lastError().text();
    }
    ~Transaction()
    {
        if (m_open)
            m_db.rollback();
    }
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;
    bool isOpen() const { return m_open; }
    // A COMMIT that fails (a full disk, an I/O error) is rolled back here, so the connection is
    // not left inside a transaction that every later BEGIN would trip over.
    bool commit()
    {
        m_open = false;
        if (m_db.commit())
            return true;
        m_error = m_db.lastError().text();
        m_db.rollback();
        return false;
    }
    // Why BEGIN or COMMIT failed.
    QString errorText() const { return m_error; }

private:
    QSqlDatabase m_db;
    bool m_open;
    QString m_error;
};

// A null QString binds as SQL NULL; the text columns hold '' for "none".
QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

BatchJournal::Batch batchOf(const QSqlQuery &q)
{
    BatchJournal::Batch b;
    b.id = q.value(0).toLongLong();
    b.created = QDateTime::fromSecsSinceEpoch(q.value(1).toLongLong(), Qt::UTC);
    b.kind = PaymentAction::Kind(q.value(2).toInt());
    b.source = q.value(3).toString();
    b.merchantId = q.value(4).toString();
    b.loginId = q.value(5).toString();
    b.finished = q.value(6).toBool();
    b.items = q.value(7).toInt();
    b.chunks = q.value(8).toInt();
    b.answeredChunks = q.value(9).toInt();
    b.succeeded = q.value(10).toInt();
    b.failed = q.value(11).toInt();
    b.skipped = q.value(12).toInt();
    return b;
}

const QString BatchColumns = QStringLiteral(
    "SELECT b.id, b.created, b.kind, b.source, b.merchant_id, b.login_id, b.finished, "
    "(SELECT COUNT(*) FROM items i WHERE i.batch_id = b.id), "
    "(SELECT COUNT(*) FROM chunks c WHERE c.batch_id = b.id), "
    "(SELECT COUNT(*) FROM chunks c WHERE c.batch_id = b.id AND c.answered = 1), "
    "(SELECT COUNT(*) FROM items i WHERE i.batch_id = b.id AND i.state = 1), "
    "(SELECT COUNT(*) FROM items i WHERE i.batch_id = b.id AND i.state = 2), "
    "(SELECT COUNT(*) FROM items i WHERE i.batch_id = b.id AND i.state = 3) "
    "FROM batches b");

} // namespace

BatchJournal::BatchJournal(const QString &connection)
    : m_connection(connection)
{
}

BatchJournal::~BatchJournal()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

std::unique_ptr<BatchJournal> BatchJournal::open(const QString &path, QString *error)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    const QString connection = QStringLiteral("kessai-journal-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    std::unique_ptr<BatchJournal> journal(new BatchJournal(connection));
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
    db.setDatabaseName(path);
    if (!db.open()) {
        if (error)
            *error = db.lastError().text();
        return nullptr;
    }
    // Money moves on what this file says: every commit is on disk before the next request.
    for (const QString &pragma : {QStringLiteral("PRAGMA journal_mode=WAL"), QStringLiteral("PRAGMA synchronous=FULL"),
                                  QStringLiteral("PRAGMA foreign_keys=ON"), QStringLiteral("PRAGMA busy_timeout=5000")}) {
        if (!journal->exec(pragma)) {
            if (error)
                *error = journal->lastError();
            return nullptr;
        }
    }
    for (const QString &statement : Schema) {
        if (!journal->exec(statement)) {
            if (error)
                *error = journal->lastError();
            return nullptr;
        }
    }
    // A journal written before items kept their payment type and file line gets the columns.
    {
        QSqlQuery columns(QSqlDatabase::database(connection));
        QStringList have;
        if (columns.exec(QStringLiteral("PRAGMA table_info(items)"))) {
            while (columns.next())
                have.append(columns.value(1).toString());
        }
        const std::pair<QString, QString> added[] = {
            {QStringLiteral("type"), QStringLiteral("ALTER TABLE items ADD COLUMN type TEXT NOT NULL DEFAULT ''")},
            {QStringLiteral("line"), QStringLiteral("ALTER TABLE items ADD COLUMN line INTEGER NOT NULL DEFAULT 0")},
        };
        for (const auto &[column, statement] : added) {
            if (!have.contains(column) && !journal->exec(statement)) {
                if (error)
                    *error = journal->lastError();
                return nullptr;
            }
        }
    }
    // Only the user may read what was done on their behalf.
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return journal;
}

bool BatchJournal::exec(const QString &sql)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    if (q.exec(sql))
        return true;
    m_error = q.lastError().text();
    return false;
}

std::optional<qint64> BatchJournal::createBatch(PaymentAction::Kind kind, const QList<PaymentActionItem> &items,
                                                const QList<Item> &skipped, const QString &source,
                                                const QString &merchantId, const QString &loginId, int chunkSize,
                                                const QList<int> &lines)
{
    chunkSize = std::clamp(chunkSize, 1, MaxChunk);
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    Transaction tx(db);
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO batches (created, kind, source, merchant_id, login_id) VALUES (?, ?, ?, ?, ?)"));
    q.addBindValue(QDateTime::currentSecsSinceEpoch());
    q.addBindValue(int(kind));
    q.addBindValue(text(source));
    q.addBindValue(text(merchantId));
    q.addBindValue(text(loginId));
    if (!tx.isOpen()) {
        m_error = tx.errorText();
        return std::nullopt;
    }
    if (!q.exec()) {
        m_error = q.lastError().text();
        return std::nullopt;
    }
    const qint64 id = q.lastInsertId().toLongLong();
    const int chunkCount = int((items.size() + chunkSize - 1) / chunkSize);
    QSqlQuery chunk(db);
    chunk.prepare(QStringLiteral("INSERT INTO chunks (batch_id, number, idempotency_key) VALUES (?, ?, ?)"));
    for (int n = 0; n < chunkCount; ++n) {
        chunk.addBindValue(id);
        chunk.addBindValue(n);
        chunk.addBindValue(QString::fromLatin1(MerchantClient::newIdempotencyKey()));
        if (!chunk.exec()) {
            m_error = chunk.lastError().text();
            return std::nullopt;
        }
    }
    QSqlQuery item(db);
    item.prepare(QStringLiteral("INSERT INTO items (batch_id, seq, chunk, payment_id, amount, state, error_code, "
                                "error_message, status_after, amount_after, type, line) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    int seq = 0;
    const auto insert = [&](int chunkNumber, const QString &paymentId, Yen amount, ItemState state,
                            const QString &code, const QString &message, int status = 0, Yen amountNow = 0,
                            const QString &type = QString(), int line = 0) {
        item.addBindValue(id);
        item.addBindValue(seq++);
        item.addBindValue(chunkNumber);
        item.addBindValue(paymentId);
        item.addBindValue(amount);
        item.addBindValue(int(state));
        item.addBindValue(text(code));
        item.addBindValue(text(message));
        item.addBindValue(status);
        item.addBindValue(amountNow);
        item.addBindValue(text(type));
        item.addBindValue(line);
        if (item.exec())
            return true;
        m_error = item.lastError().text();
        return false;
    };
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (!insert(int(i / chunkSize), items[i].paymentId, items[i].amount, ItemState::Pending, {}, {}, 0, 0, {},
                    lines.value(i)))
            return std::nullopt;
    }
    for (const Item &s : skipped) {
        if (!insert(-1, s.paymentId, s.amount, ItemState::Skipped, s.errorCode, s.errorMessage, s.statusAfter,
                    s.amountAfter, s.type, s.line))
            return std::nullopt;
    }
    if (chunkCount == 0) {
        QSqlQuery done(db);
        done.prepare(QStringLiteral("UPDATE batches SET finished = 1 WHERE id = ?"));
        done.addBindValue(id);
        done.exec();
    }
    if (!tx.commit()) {
        m_error = tx.errorText();
        return std::nullopt;
    }
    return id;
}

std::optional<BatchJournal::Batch> BatchJournal::batch(qint64 id) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(BatchColumns + QStringLiteral(" WHERE b.id = ?"));
    q.addBindValue(id);
    if (!q.exec() || !q.next()) {
        m_error = q.lastError().text();
        return std::nullopt;
    }
    return batchOf(q);
}

QList<BatchJournal::Batch> BatchJournal::batches(bool unfinishedOnly, const QString &merchantId,
                                                 const QString &loginId) const
{
    QString sql = BatchColumns + QStringLiteral(" WHERE 1 = 1");
    if (unfinishedOnly)
        sql += QStringLiteral(" AND b.finished = 0");
    if (!loginId.isEmpty())
        sql += QStringLiteral(" AND b.merchant_id = ? AND b.login_id = ?");
    sql += QStringLiteral(" ORDER BY b.id DESC");
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(sql);
    if (!loginId.isEmpty()) {
        q.addBindValue(text(merchantId));
        q.addBindValue(loginId);
    }
    QList<Batch> list;
    if (!q.exec()) {
        m_error = q.lastError().text();
        return list;
    }
    while (q.next())
        list.append(batchOf(q));
    return list;
}

QList<BatchJournal::Chunk> BatchJournal::chunks(qint64 batchId) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("SELECT number, idempotency_key, answered FROM chunks WHERE batch_id = ? ORDER BY number"));
    q.addBindValue(batchId);
    QList<Chunk> list;
    if (!q.exec()) {
        m_error = q.lastError().text();
        return list;
    }
    while (q.next())
        list.append({q.value(0).toInt(), q.value(1).toString().toLatin1(), q.value(2).toBool()});
    return list;
}

QList<BatchJournal::Item> BatchJournal::items(qint64 batchId, std::optional<int> chunk) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("SELECT seq, chunk, payment_id, amount, state, status_after, amount_after, error_code, "
                             "error_message, type, line FROM items WHERE batch_id = ?")
              + (chunk ? QStringLiteral(" AND chunk = ?") : QString()) + QStringLiteral(" ORDER BY seq"));
    q.addBindValue(batchId);
    if (chunk)
        q.addBindValue(*chunk);
    QList<Item> list;
    if (!q.exec()) {
        m_error = q.lastError().text();
        return list;
    }
    while (q.next()) {
        list.append({q.value(0).toInt(), q.value(1).toInt(), q.value(2).toString(), q.value(3).toLongLong(),
                     ItemState(q.value(4).toInt()), q.value(5).toInt(), q.value(6).toLongLong(), q.value(7).toString(),
                     q.value(8).toString(), q.value(9).toString(), q.value(10).toInt()});
    }
    return list;
}

bool BatchJournal::recordAnswer(qint64 batchId, int chunk, const QList<PaymentActionResult> &results)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    Transaction tx(db);
    if (!tx.isOpen()) {
        m_error = tx.errorText();
        return false;
    }
    QSqlQuery q(db);
    // The gateway answers item by item in request order; a payment listed twice is answered
    // for its first place (duplicate_item for the second), so the answer is matched by place.
    const QList<Item> sent = items(batchId, chunk);
    q.prepare(QStringLiteral("UPDATE items SET state = ?, status_after = ?, amount_after = ?, error_code = ?, "
                             "error_message = ? WHERE batch_id = ? AND seq = ?"));
    for (qsizetype i = 0; i < sent.size(); ++i) {
        const PaymentActionResult r = results.value(i);
        const bool matches = i < results.size() && r.paymentId == sent[i].paymentId;
        q.addBindValue(int(matches && r.ok ? ItemState::Succeeded : ItemState::Failed));
        q.addBindValue(r.status);
        q.addBindValue(r.amount);
        q.addBindValue(text(matches ? r.errorCode : QStringLiteral("unreadable_answer")));
        q.addBindValue(text(matches ? r.errorMessage : QString()));
        q.addBindValue(batchId);
        q.addBindValue(sent[i].seq);
        if (!q.exec()) {
            m_error = q.lastError().text();
            return false;
        }
    }
    QSqlQuery answered(db);
    answered.prepare(QStringLiteral("UPDATE chunks SET answered = 1 WHERE batch_id = ? AND number = ?"));
    answered.addBindValue(batchId);
    answered.addBindValue(chunk);
    if (!answered.exec()) {
        m_error = answered.lastError().text();
        return false;
    }
    if (!tx.commit()) {
        m_error = tx.errorText();
        return false;
    }
    return true;
}

bool BatchJournal::recordRefusal(qint64 batchId, int chunk, const ApiError &error)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    Transaction tx(db);
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE items SET state = 2, error_code = ?, error_message = ? WHERE batch_id = ? AND chunk = ?"));
    q.addBindValue(error.code.isEmpty() ? QStringLiteral("refused") : error.code);
    q.addBindValue(text(error.message));
    q.addBindValue(batchId);
    q.addBindValue(chunk);
    QSqlQuery answered(db);
    answered.prepare(QStringLiteral("UPDATE chunks SET answered = 1 WHERE batch_id = ? AND number = ?"));
    answered.addBindValue(batchId);
    answered.addBindValue(chunk);
    if (!tx.isOpen()) {
        m_error = tx.errorText();
        return false;
    }
    if (!q.exec()) {
        m_error = q.lastError().text();
        return false;
    }
    if (!answered.exec()) {
        m_error = answered.lastError().text();
        return false;
    }
    if (!tx.commit()) {
        m_error = tx.errorText();
        return false;
    }
    return true;
}

bool BatchJournal::markFinished(qint64 batchId)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("UPDATE batches SET finished = 1 WHERE id = ? AND NOT EXISTS "
                             "(SELECT 1 FROM chunks WHERE batch_id = ? AND answered = 0)"));
    q.addBindValue(batchId);
    q.addBindValue(batchId);
    if (!q.exec()) {
        m_error = q.lastError().text();
        return false;
    }
    return q.numRowsAffected() == 1;
}

int BatchJournal::prune(const QDateTime &before)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("DELETE FROM batches WHERE finished = 1 AND created < ?"));
    q.addBindValue(before.toSecsSinceEpoch());
    if (!q.exec()) {
        m_error = q.lastError().text();
        return 0;
    }
    return q.numRowsAffected();
}

} // namespace kessai
