#pragma once

#include <QtGlobal>

namespace kessai::gateway {

// The gateway's notion of "now" in UTC epoch seconds. Injectable so that session timeouts,
// lockouts and (later) authorization expiry can be tested without waiting.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual qint64 now() const = 0;
};

// The system clock, optionally shifted (serve --clock-offset-days) for tests and demos.
class SystemClock final : public Clock
{
public:
    explicit SystemClock(qint64 offsetSeconds = 0)
        : m_offsetSeconds(offsetSeconds)
    {}
    qint64 now() const override;

private:
    qint64 m_offsetSeconds;
};

} // namespace kessai::gateway
