#include "sandboxclock.h"

#include "db/rowcursor.h"
#include "db/transaction.h"

#include <QVariant>

namespace kessai::gateway {

namespace {

const QString OffsetSetting = QStringLiteral("sandbox_clock_offset_seconds");

// A sandbox reads its offset for every request: through RowCursor, one round trip on
// PostgreSQL (Qt SQL's PREPARE, EXECUTE and DEALLOCATE are three) and a kept statement on SQLite.
// Inside advance()'s transaction it runs on the same connection, so in the transaction.
Result<qint64> readOffset(const QSqlDatabase &db)
{
    auto q = RowCursor::runKept(db, QStringLiteral("SELECT value FROM settings WHERE name = ?"), {OffsetSetting});
    if (!q)
        return makeError(q.error());
    qint64 offset = 0;
    if (q.value().next())
        offset = q.value().string(0).toLongLong();
    if (q.value().failed())
        return makeError(q.value().error());
    return offset;
}

} // namespace

SandboxClock::SandboxClock(const Clock &base, const Database &database, bool sandbox)
    : m_base(base)
    , m_database(database)
    , m_sandbox(sandbox)
{}

qint64 SandboxClock::now() const
{
    if (!m_sandbox)
        return m_base.now();
    auto offset = offsetSeconds();
    if (!offset) {
        // Clock::now() cannot fail; the database being unreadable fails the request anyway.
        qCWarning(lcGatewayDb).noquote() << "sandbox clock offset unreadable:" << offset.error();
        return m_base.now();
    }
    return m_base.now() + offset.value();
}

Result<qint64> SandboxClock::offsetSeconds() const
{
    if (!m_sandbox)
        return qint64(0);
    auto db = m_database.connection();
    if (!db)
        return makeError(db.error());
    return readOffset(*db);
}

Result<qint64> SandboxClock::advance(qint64 days)
{
    if (!m_sandbox)
        return makeError(QStringLiteral("not a sandbox"));
    auto db = m_database.connection();
    if (!db)
        return makeError(db.error());
    Transaction transaction(*db);
    if (auto begun = transaction.begin(); !begun)
        return makeError(begun.error());
    auto current = readOffset(*db);
    if (!current)
        return makeError(current.error());
    const qint64 offset = current.value() + days * 86400;
    auto removed = runQuery(*db, QStringLiteral("DELETE FROM settings WHERE name = ?"), {OffsetSetting});
    if (!removed)
        return makeError(removed.error());
    auto stored = runQuery(*db, QStringLiteral("INSERT INTO settings (name, value) VALUES (?, ?)"),
                           {OffsetSetting, QString::number(offset)});
    if (!stored)
        return makeError(stored.error());
    if (auto committed = transaction.commit(); !committed)
        return makeError(committed.error());
    qCInfo(lcGatewayDb) << "sandbox clock advanced by" << days << "days; offset now" << offset / 86400 << "days";
    return offset;
}

} // namespace kessai::gateway
