#pragma once

#include "common/result.h"

#include <QString>

#include <optional>

namespace kessai::gateway {

struct ListenAddress
{
    QString host = QStringLiteral("127.0.0.1");
    int port = 8443;

    static std::optional<ListenAddress> parse(const QString &text); // "HOST:PORT"
    QString toString() const;
};

struct DemoOptions
{
    qint64 payments = 2000;
    quint64 seed = 1;
};

// The clock a command runs on: `serve` and `close-statements` must agree on it, or a period a
// sandbox's advanced clock has ended would not be closed.
struct ClockOptions
{
    qint64 clockOffsetDays = 0;
    // nullopt: as the data directory records it (`demo` records sandbox mode, `init` does not).
    std::optional<bool> sandbox;
};

struct ServeOptions : ClockOptions
{
    std::optional<ListenAddress> listen;
    int threads = 32;
};

// The kessai-gateway commands. Their names and options are used by tooling (./dev, tests).
// database: a SQLite file or a postgresql:// URL; empty means DIR/gateway.db. The CA, the
// server certificate and the users' PKCS#12 files stay in the data directory either way.
class Commands
{
public:
    static Result<void> init(const QString &dataDir, const QString &database, const std::optional<ListenAddress> &listen);
    static Result<void> demo(const QString &dataDir, const QString &database, const std::optional<ListenAddress> &listen,
                             const DemoOptions &options);
    // Blocks until SIGTERM/SIGINT (which the caller must have blocked in every thread).
    static Result<void> serve(const QString &dataDir, const QString &database, const ServeOptions &options);
    // Closes every settlement period that has ended on the payment clock (the sandbox offset
    // included), for every merchant; what `GET /v1/statements` would otherwise do lazily.
    static Result<void> closeStatements(const QString &dataDir, const QString &database, const ClockOptions &options);
};

} // namespace kessai::gateway
