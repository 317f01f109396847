#pragma once

#include <QHash>
#include <QMutex>
#include <QSqlDatabase>
#include <QString>
#include <QVariantList>

#include <atomic>
#include <optional>

namespace kessai::gateway {

// The search planner's probe counts of recent searches, for a while: paging on through a search,
// refreshing it, or searching the same again plans from them instead of counting again (two
// probes cost more than the page's own query on 1,000,000 payments). A count that has moved on
// since only makes the plan less apt, never the answer different: every plan returns the same rows.
class ProbeCache
{
public:
    static constexpr qint64 KeepMs = 30 * 1000;
    static constexpr int MaxEntries = 1024;

    // A probe counts a condition's rows up to this bound (5,000).
    // KESSAI_GATEWAY_SEARCH_PROBE_ROWS lowers it so that a test database of a few thousand
    // payments takes the same "dense" paths (the bounded walks) as a production one.
    static int bound();
    static ProbeCache &instance();
    // The database, the probe and its values: one search's probe of one condition.
    static QString key(const QSqlDatabase &db, const QString &sql, const QVariantList &values);

    std::optional<qint64> find(const QString &key);
    void insert(const QString &key, qint64 rows);
    // The probes run (not taken from here) in this process: for tests.
    void noteRun() { m_runs.fetch_add(1, std::memory_order_relaxed); }
    qint64 runs() const { return m_runs.load(std::memory_order_relaxed); }

private:
    struct Entry
    {
        qint64 rows = 0;
        qint64 at = 0;
    };
    QMutex m_mutex;
    QHash<QString, Entry> m_entries;
    std::atomic<qint64> m_runs{0};
};

} // namespace kessai::gateway
