#pragma once

#include "common/result.h"
#include "http/edgelimits.h"
#include "statements/settlementrules.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

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
    EdgeLimits edge;
};

// `merchant add`: a merchant with its fees. A type without a fee of its own, and a merchant
// without a transfer fee of its own, pay the defaults (SettlementRules::defaultFeeRate).
struct MerchantOptions
{
    QString merchantId;
    QString name;
    QList<std::pair<QString, SettlementRules::FeeRate>> fees;
    std::optional<qint64> transferFee;

    // One --fee value, TYPE:RATE_BP:FIXED_YEN (02:325:0); nullopt and *why when it is not one.
    static std::optional<std::pair<QString, SettlementRules::FeeRate>> parseFee(const QString &text, QString *why);
    // A transfer fee or fixed fee in yen as given on the command line (0 to 9,999,999).
    static std::optional<qint64> parseYen(const QString &text);
};

// `user add`: a user of an existing merchant, its certificate written to p12Path.
struct UserOptions
{
    QString merchantId;
    QString loginId;
    QString name;
    QString role;
    QStringList permissions;
    QString p12Path;
};

// The kessai-gateway commands. Their names and options are used by tooling (./dev, tests).
// database: a SQLite file or a postgresql:// URL; empty means DIR/gateway.db. The CA, the
// server certificate and the users' PKCS#12 files stay in the data directory either way.
class Commands
{
public:
    // Prints the next steps (merchant add, user add, serve) when done.
    static Result<void> init(const QString &dataDir, const QString &database, const std::optional<ListenAddress> &listen);
    static Result<void> demo(const QString &dataDir, const QString &database, const std::optional<ListenAddress> &listen,
                             const DemoOptions &options);
    // Blocks until SIGTERM/SIGINT (which the caller must have blocked in every thread).
    static Result<void> serve(const QString &dataDir, const QString &database, const ServeOptions &options);
    // Closes every settlement period that has ended on the payment clock (the sandbox offset
    // included), for every merchant; what `GET /v1/statements` would otherwise do lazily.
    // Prints the routes `serve` would install on this data directory (with these options), one
    // "METHOD pattern" per line: what the misuse suite checks its table against.
    static Result<void> routes(const QString &dataDir, const QString &database, const ClockOptions &options);
    static Result<void> closeStatements(const QString &dataDir, const QString &database, const ClockOptions &options);

    // The first merchant and administrator of a real gateway, without demo data. Both are
    // audited in the merchant's log with the actor `system` and the origin `command line`.
    static Result<void> addMerchant(const QString &dataDir, const QString &database, const MerchantOptions &options);
    // The user gets a generated password that meets the password policy and a client
    // certificate from the data directory's CA, written as PKCS#12 to a new file (mode 0600,
    // never over an existing one) under a generated passphrase; both are printed once.
    static Result<void> addUser(const QString &dataDir, const QString &database, const UserOptions &options);
};

} // namespace kessai::gateway
