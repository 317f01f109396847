#include "probecache.h"

#include <QVariant>

#include <chrono>

namespace kessai::gateway {

namespace {

qint64 nowMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

} // namespace

int ProbeCache::bound()
{
    static const int bound = [] {
        bool ok = false;
        const int fromEnvironment = qEnvironmentVariableIntValue("KESSAI_GATEWAY_SEARCH_PROBE_ROWS", &ok);
        return ok && fromEnvironment > 0 ? fromEnvironment : 5000;
    }();
    return bound;
}

ProbeCache &ProbeCache::instance()
{
    static ProbeCache cache;
    return cache;
}

QString ProbeCache::key(const QSqlDatabase &db, const QString &sql, const QVariantList &values)
{
    QString key = db.databaseName() + u'\x1f' + sql;
    for (const QVariant &value : values)
        key += u'\x1f' + value.toString();
    return key;
}

std::optional<qint64> ProbeCache::find(const QString &key)
{
    const QMutexLocker lock(&m_mutex);
    const auto it = m_entries.constFind(key);
    if (it == m_entries.cend() || nowMs() - it->at > KeepMs)
        return std::nullopt;
    return it->rows;
}

void ProbeCache::insert(const QString &key, qint64 rows)
{
    const QMutexLocker lock(&m_mutex);
    if (m_entries.size() >= MaxEntries)
        m_entries.clear(); // many distinct searches at once: start over rather than grow
    m_entries.insert(key, {rows, nowMs()});
}

} // namespace kessai::gateway
