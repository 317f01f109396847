#pragma once

#include <QHash>
#include <QString>

#include <chrono>
#include <mutex>

namespace kessai::gateway {

// Keeps a log line that a client can provoke at will (a refused certificate, a failed accept) to
// one per key and interval: the first is written, the next ones within the interval are only
// counted, and the first one after it is written with that count. The keys kept are bounded: past
// maxKeys (after the stale ones are dropped) every new key shares one, so a flood of distinct
// certificates grows neither the memory nor the log. Thread-safe.
class LogThrottle
{
public:
    using Clock = std::chrono::steady_clock;

    explicit LogThrottle(std::chrono::milliseconds interval = std::chrono::seconds(60), qsizetype maxKeys = 1024);

    // Whether to write this key's line now; if so, *suppressed (when given) is how many of its
    // lines were left out since the last one written.
    bool admit(const QString &key, qint64 *suppressed = nullptr) { return admit(key, Clock::now(), suppressed); }
    bool admit(const QString &key, Clock::time_point now, qint64 *suppressed);

    // " (N more since the last)" for a line written after N were left out, else empty.
    static QString more(qint64 suppressed);

private:
    struct Entry
    {
        Clock::time_point written;
        qint64 suppressed = 0;
    };

    const std::chrono::milliseconds m_interval;
    const qsizetype m_maxKeys;
    std::mutex m_mutex;
    QHash<QString, Entry> m_entries;
};

} // namespace kessai::gateway
