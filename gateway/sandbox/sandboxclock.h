#pragma once

#include "common/clock.h"
#include "common/result.h"
#include "db/database.h"

namespace kessai::gateway {

// The clock of the payment state machine. In sandbox mode it is the gateway clock plus an
// offset kept in the database (POST /v1/sandbox/clock), so every thread and every gateway
// process on the same data sees the same "now"; otherwise it is the gateway clock. Sessions and
// lockouts keep the gateway clock: advancing payment time must not log anybody out.
class SandboxClock final : public Clock
{
public:
    SandboxClock(const Clock &base, const Database &database, bool sandbox);

    qint64 now() const override;
    bool sandbox() const { return m_sandbox; }
    Result<qint64> offsetSeconds() const;
    // Adds days to the persisted offset; returns the new offset in seconds.
    Result<qint64> advance(qint64 days);

private:
    const Clock &m_base;
    const Database &m_database;
    bool m_sandbox;
};

} // namespace kessai::gateway
