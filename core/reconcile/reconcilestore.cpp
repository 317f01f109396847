#include "reconcilestore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace kessai {

namespace {

// Migrations by target version: element i brings a store from user_version i to i + 1. Frozen
// once released; a change is a new element.
const QList<QStringList> Migrations = {
    {
        QStringLiteral(
            "CREATE TABLE workspaces (id INTEGER PRIMARY KEY, name TEXT NOT NULL, "
            "merchant_id TEXT NOT NULL, created INTEGER NOT NULL, updated INTEGER NOT NULL, "
            "ledger_path TEXT NOT NULL, ledger_sha256 TEXT NOT NULL, header_signature TEXT NOT "
            "NULL, "
            "trading_id_column INTEGER NOT NULL, amount_column INTEGER NOT NULL, "
            "statement_id INTEGER, payout_from TEXT, payout_to TEXT)"),
        QStringLiteral(
            "CREATE TABLE workspace_rows (workspace_id INTEGER NOT NULL "
            "REFERENCES workspaces(id) ON DELETE CASCADE, seq INTEGER NOT NULL, status TEXT NOT "
            "NULL, "
            "trading_id TEXT NOT NULL, ledger_amount INTEGER, statement_amount INTEGER, "
            "payment_id TEXT NOT NULL, ledger_line INTEGER NOT NULL, "
            "cancelled_in_full INTEGER NOT NULL DEFAULT 0, note TEXT NOT NULL DEFAULT '', "
            "resolved INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (workspace_id, seq)) WITHOUT ROWID"),
        QStringLiteral("CREATE TABLE mappings (header_signature TEXT PRIMARY KEY, "
                       "trading_id_column INTEGER NOT NULL, "
                       "amount_column INTEGER NOT NULL, updated INTEGER NOT NULL)"),
    },
};
static_assert(ReconcileStore::SchemaVersion == 1, "a new schema version needs its migration");

// One transaction on a connection, rolled back unless committed.
class Transaction
{
public:
    explicit Transaction(QSqlDatabase db)
        : m_db(std::move(db))
        , m_open(m_db.transaction())
    {}
    ~Transaction()
    {
        if (m_open)
            m_db.rollback();
    }
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;
    bool isOpen() const { return m_open; }
    bool commit()
    {
        m_open = false;
        return m_db.commit();
    }

private:
    QSqlDatabase m_db;
    bool m_open;
};

// A null QString binds as SQL NULL; the text columns hold '' for "none".
QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

QVariant optionalNumber(const std::optional<qint64> &value)
{
    return value ? QVariant(*value) : QVariant();
}

QVariant date(const QDate &d)
{
    return d.isValid() ? QVariant(d.toString(Qt::ISODate)) : QVariant();
}

const QString WorkspaceColumns = QStringLiteral(
    "SELECT w.id, w.name, w.merchant_id, w.created, w.updated, w.ledger_path, w.ledger_sha256, "
    "w.header_signature, "
    "w.trading_id_column, w.amount_column, w.statement_id, w.payout_from, w.payout_to, "
    "(SELECT COUNT(*) FROM workspace_rows r WHERE r.workspace_id = w.id), "
    "(SELECT COUNT(*) FROM workspace_rows r WHERE r.workspace_id = w.id AND r.resolved = 1) "
    "FROM workspaces w");

ReconcileStore::Workspace workspaceOf(const QSqlQuery &q)
{
    ReconcileStore::Workspace w;
    w.id = q.value(0).toLongLong();
    w.name = q.value(1).toString();
    w.merchantId = q.value(2).toString();
    w.created = QDateTime::fromSecsSinceEpoch(q.value(3).toLongLong(), Qt::UTC);
    w.updated = QDateTime::fromSecsSinceEpoch(q.value(4).toLongLong(), Qt::UTC);
    w.ledgerPath = q.value(5).toString();
    w.ledgerSha256 = q.value(6).toString().toLatin1();
    w.headerSignature = q.value(7).toString();
    w.mapping = {q.value(8).toInt(), q.value(9).toInt()};
    if (!q.value(10).isNull())
        w.statementId = q.value(10).toLongLong();
    w.payoutFrom = QDate::fromString(q.value(11).toString(), Qt::ISODate);
    w.payoutTo = QDate::fromString(q.value(12).toString(), Qt::ISODate);
    w.rowCount = q.value(13).toInt();
    w.resolvedCount = q.value(14).toInt();
    return w;
}

} // namespace

ReconcileStore::ReconcileStore(const QString &connection)
    : m_connection(connection)
{}

ReconcileStore::~ReconcileStore()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

std::unique_ptr<ReconcileStore> ReconcileStore::open(const QString &path, QString *error)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    const QString connection =
        QStringLiteral("kessai-reconcile-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    std::unique_ptr<ReconcileStore> store(new ReconcileStore(connection));
    const auto fail = [&store, error](const QString &message) {
        if (error)
            *error = message;
        store.reset(); // removes the connection
        return nullptr;
    };
    QString openError;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(path);
        if (!db.open())
            openError = db.lastError().text();
    }
    if (!openError.isNull())
        return fail(openError.isEmpty() ? path : openError);
    // Notes are work, not money: NORMAL keeps WAL commits safe from a crash of the console.
    for (const QString &pragma : {QStringLiteral("PRAGMA journal_mode=WAL"),
                                  QStringLiteral("PRAGMA synchronous=NORMAL"),
                                  QStringLiteral("PRAGMA foreign_keys=ON"),
                                  QStringLiteral("PRAGMA busy_timeout=5000")}) {
        if (!store->exec(pragma))
            return fail(store->lastError());
    }
    if (!store->migrate())
        return fail(store->lastError());
    // Ledgers and notes are the merchant's business: only the user may read them.
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return store;
}

bool ReconcileStore::exec(const QString &sql)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    if (q.exec(sql))
        return true;
    m_error = q.lastError().text();
    return false;
}

bool ReconcileStore::migrate()
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next()) {
        m_error = q.lastError().text();
        return false;
    }
    const int version = q.value(0).toInt();
    q.finish();
    if (version > SchemaVersion) {
        m_error = tr("The reconciliation store was written by a newer version of Kessai (schema "
                     "%1; this version "
                     "reads up to %2).")
                      .arg(version)
                      .arg(SchemaVersion);
        return false;
    }
    for (int v = version; v < SchemaVersion; ++v) {
        Transaction tx(db);
        if (!tx.isOpen()) {
            m_error = db.lastError().text();
            return false;
        }
        for (const QString &statement : Migrations[v]) {
            if (!exec(statement))
                return false;
        }
        // user_version is part of the transaction: a failed step leaves the old version.
        if (!exec(QStringLiteral("PRAGMA user_version = %1").arg(v + 1)))
            return false;
        if (!tx.commit()) {
            m_error = db.lastError().text();
            return false;
        }
    }
    return true;
}

std::optional<qint64> ReconcileStore::createWorkspace(const Workspace &workspace,
                                                      const QList<ReconcileRow> &rows)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    Transaction tx(db);
    if (!tx.isOpen()) {
        m_error = db.lastError().text();
        return std::nullopt;
    }
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
        "INSERT INTO workspaces (name, merchant_id, created, updated, ledger_path, ledger_sha256, "
        "header_signature, trading_id_column, amount_column, statement_id, payout_from, payout_to) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(text(workspace.name));
    q.addBindValue(text(workspace.merchantId));
    q.addBindValue(now);
    q.addBindValue(now);
    q.addBindValue(text(workspace.ledgerPath));
    q.addBindValue(text(QString::fromLatin1(workspace.ledgerSha256)));
    q.addBindValue(text(workspace.headerSignature));
    q.addBindValue(workspace.mapping.tradingIdColumn);
    q.addBindValue(workspace.mapping.amountColumn);
    q.addBindValue(optionalNumber(workspace.statementId));
    q.addBindValue(date(workspace.payoutFrom));
    q.addBindValue(date(workspace.payoutTo));
    if (!q.exec()) {
        m_error = q.lastError().text();
        return std::nullopt;
    }
    const qint64 id = q.lastInsertId().toLongLong();
    QSqlQuery row(db);
    row.prepare(QStringLiteral(
        "INSERT INTO workspace_rows (workspace_id, seq, status, trading_id, ledger_amount, "
        "statement_amount, payment_id, ledger_line, cancelled_in_full, note, resolved) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const ReconcileRow &r = rows[i];
        row.addBindValue(id);
        row.addBindValue(qint64(i));
        row.addBindValue(reconcileStatusCode(r.status));
        row.addBindValue(text(r.tradingId));
        row.addBindValue(optionalNumber(r.ledgerAmount));
        row.addBindValue(optionalNumber(r.statementAmount));
        row.addBindValue(text(r.paymentId));
        row.addBindValue(r.ledgerLine);
        row.addBindValue(r.cancelledInFull ? 1 : 0);
        row.addBindValue(text(r.note));
        row.addBindValue(r.resolved ? 1 : 0);
        if (!row.exec()) {
            m_error = row.lastError().text();
            return std::nullopt;
        }
    }
    if (!tx.commit()) {
        m_error = db.lastError().text();
        return std::nullopt;
    }
    return id;
}

QList<ReconcileStore::Workspace> ReconcileStore::workspaces(const QString &merchantId) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(WorkspaceColumns +
              (merchantId.isEmpty() ? QString() : QStringLiteral(" WHERE w.merchant_id = ?")) +
              QStringLiteral(" ORDER BY w.id DESC"));
    if (!merchantId.isEmpty())
        q.addBindValue(merchantId);
    QList<Workspace> list;
    if (!q.exec()) {
        m_error = q.lastError().text();
        return list;
    }
    while (q.next())
        list.append(workspaceOf(q));
    return list;
}

std::optional<ReconcileStore::Workspace> ReconcileStore::workspace(qint64 id) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(WorkspaceColumns + QStringLiteral(" WHERE w.id = ?"));
    q.addBindValue(id);
    if (!q.exec() || !q.next()) {
        m_error = q.lastError().isValid() ? q.lastError().text()
                                          : tr("There is no such reconciliation workspace.");
        return std::nullopt;
    }
    return workspaceOf(q);
}

QList<ReconcileRow> ReconcileStore::rows(qint64 workspaceId) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "SELECT status, trading_id, ledger_amount, statement_amount, payment_id, ledger_line, "
        "cancelled_in_full, note, resolved FROM workspace_rows WHERE workspace_id = ? ORDER BY "
        "seq"));
    q.addBindValue(workspaceId);
    QList<ReconcileRow> list;
    if (!q.exec()) {
        m_error = q.lastError().text();
        return list;
    }
    while (q.next()) {
        ReconcileRow r;
        r.status =
            reconcileStatusFromCode(q.value(0).toString()).value_or(ReconcileStatus::Duplicate);
        r.tradingId = q.value(1).toString();
        if (!q.value(2).isNull())
            r.ledgerAmount = q.value(2).toLongLong();
        if (!q.value(3).isNull())
            r.statementAmount = q.value(3).toLongLong();
        r.paymentId = q.value(4).toString();
        r.ledgerLine = q.value(5).toInt();
        r.cancelledInFull = q.value(6).toBool();
        r.note = q.value(7).toString();
        r.resolved = q.value(8).toBool();
        list.append(std::move(r));
    }
    return list;
}

bool ReconcileStore::updateRow(const QString &sql,
                               const QVariant &value,
                               qint64 workspaceId,
                               int row)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    Transaction tx(db);
    QSqlQuery q(db);
    q.prepare(sql);
    q.addBindValue(value);
    q.addBindValue(workspaceId);
    q.addBindValue(row);
    if (!tx.isOpen() || !q.exec()) {
        m_error = q.lastError().text();
        return false;
    }
    if (q.numRowsAffected() != 1) {
        m_error = tr("There is no such row in the reconciliation workspace.");
        return false;
    }
    QSqlQuery touch(db);
    touch.prepare(QStringLiteral("UPDATE workspaces SET updated = ? WHERE id = ?"));
    touch.addBindValue(QDateTime::currentSecsSinceEpoch());
    touch.addBindValue(workspaceId);
    if (!touch.exec() || !tx.commit()) {
        m_error = touch.lastError().isValid() ? touch.lastError().text() : db.lastError().text();
        return false;
    }
    return true;
}

bool ReconcileStore::setNote(qint64 workspaceId, int row, const QString &note)
{
    return updateRow(
        QStringLiteral("UPDATE workspace_rows SET note = ? WHERE workspace_id = ? AND seq = ?"),
        text(note),
        workspaceId,
        row);
}

bool ReconcileStore::setResolved(qint64 workspaceId, int row, bool resolved)
{
    return updateRow(
        QStringLiteral("UPDATE workspace_rows SET resolved = ? WHERE workspace_id = ? AND seq = ?"),
        resolved ? 1 : 0,
        workspaceId,
        row);
}

bool ReconcileStore::removeWorkspace(qint64 id)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("DELETE FROM workspaces WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec()) {
        m_error = q.lastError().text();
        return false;
    }
    if (q.numRowsAffected() != 1) {
        m_error = tr("There is no such reconciliation workspace.");
        return false;
    }
    return true;
}

bool ReconcileStore::rememberMapping(const QString &headerSignature, const LedgerMapping &mapping)
{
    if (headerSignature.isEmpty() || !mapping.isValid()) {
        m_error = tr("The column mapping is incomplete.");
        return false;
    }
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral(
        "INSERT INTO mappings (header_signature, trading_id_column, amount_column, updated) "
        "VALUES (?, ?, ?, ?) ON CONFLICT (header_signature) DO UPDATE SET "
        "trading_id_column = excluded.trading_id_column, amount_column = excluded.amount_column, "
        "updated = excluded.updated"));
    q.addBindValue(headerSignature);
    q.addBindValue(mapping.tradingIdColumn);
    q.addBindValue(mapping.amountColumn);
    q.addBindValue(QDateTime::currentSecsSinceEpoch());
    if (!q.exec()) {
        m_error = q.lastError().text();
        return false;
    }
    return true;
}

std::optional<LedgerMapping> ReconcileStore::rememberedMapping(const QString &headerSignature) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral(
        "SELECT trading_id_column, amount_column FROM mappings WHERE header_signature = ?"));
    q.addBindValue(headerSignature);
    if (!q.exec()) {
        m_error = q.lastError().text();
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    return LedgerMapping{q.value(0).toInt(), q.value(1).toInt()};
}

} // namespace kessai
