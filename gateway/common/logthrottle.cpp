#include "logthrottle.h"

namespace kessai::gateway {

namespace {

// The key every new one shares once the table is full of live keys.
const QString &overflowKey()
{
    static const QString key = QStringLiteral("\x01(many)");
    return key;
}

} // namespace

LogThrottle::LogThrottle(std::chrono::milliseconds interval, qsizetype maxKeys)
    : m_interval(interval)
    , m_maxKeys(qMax<qsizetype>(1, maxKeys))
{}

bool LogThrottle::admit(const QString &key, Clock::time_point now, qint64 *suppressed)
{
    std::lock_guard lock(m_mutex);
    auto found = m_entries.find(key);
    if (found == m_entries.end()) {
        if (m_entries.size() >= m_maxKeys) {
            // Whatever was last written an interval ago would be written now anyway: forget it.
            m_entries.removeIf([&](const auto &entry) { return now - entry.value().written >= m_interval; });
        }
        QString slot = key;
        if (m_entries.size() >= m_maxKeys) {
            // Still full of live keys: the new ones share one, which bounds the rest.
            slot = overflowKey();
            if (!m_entries.contains(slot))
                m_entries.erase(m_entries.begin());
        }
        found = m_entries.find(slot);
        if (found == m_entries.end()) {
            m_entries.insert(slot, Entry{now, 0});
            if (suppressed)
                *suppressed = 0;
            return true;
        }
    }
    Entry &entry = found.value();
    if (now - entry.written < m_interval) {
        ++entry.suppressed;
        return false;
    }
    if (suppressed)
        *suppressed = entry.suppressed;
    entry = Entry{now, 0};
    return true;
}

QString LogThrottle::more(qint64 suppressed)
{
    return suppressed > 0 ? QStringLiteral(" (%1 more since the last)").arg(suppressed) : QString();
}

} // namespace kessai::gateway
