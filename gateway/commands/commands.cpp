#include "commands.h"

#include "commandsupport.h"

#include "app/gatewayapp.h"
#include "ca/certificateauthority.h"
#include "common/clock.h"
#include "db/database.h"
#include "demo/demogenerator.h"
#include "http/httpserver.h"
#include "payments/paymentstore.h"
#include "sandbox/sandboxclock.h"
#include "security/passwordhasher.h"
#include "security/permissions.h"
#include "security/privatefile.h"
#include "sessions/accountstore.h"
#include "statements/statementstore.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <atomic>
#include <chrono>
#include <csignal>
#include <pthread.h>
#include <thread>

namespace kessai::gateway {

using CommandSupport::databaseLocation;
using CommandSupport::print;

namespace {

const QString ListenSetting = QStringLiteral("listen");
const QString SandboxSetting = QStringLiteral("sandbox");

// M0002 exists so that merchant isolation can be seen and tested; its size is fixed so that
// --payments keeps meaning the first merchant's payments.
constexpr qint64 SecondMerchantPayments = 50;

struct DemoMerchant
{
    QString merchantId;
    QString name;
};

QList<DemoMerchant> demoMerchants()
{
    return {{QStringLiteral("M0001"), QStringLiteral("デモショップ")},
            {QStringLiteral("M0002"), QStringLiteral("サンプル商店")}};
}

struct DemoUser
{
    QString merchantId;
    QString loginId;
    QString name;
    QString role;
    QStringList permissions;
    QString password;
};

QList<DemoUser> demoUsers()
{
    return {
        {QStringLiteral("M0001"),
         QStringLiteral("admin"),
         QStringLiteral("管理者 太郎"),
         QStringLiteral("admin"),
         Permissions::all(),
         QStringLiteral("kessai-admin-2026")},
        // A support desk for card and convenience-store payments: no ATM / bank view, no
        // amount changes, no user management.
        {QStringLiteral("M0001"),
         QStringLiteral("staff"),
         QStringLiteral("担当 花子"),
         QStringLiteral("general"),
         {QStringLiteral("view:02"), QStringLiteral("view:03"), QStringLiteral("capture"),
          QStringLiteral("cancel"), QStringLiteral("export")},
         QStringLiteral("kessai-staff-2026")},
        // May look at card payments and nothing else: no capture, no other types.
        {QStringLiteral("M0001"),
         QStringLiteral("viewer"),
         QStringLiteral("閲覧 次郎"),
         QStringLiteral("general"),
         {QStringLiteral("view:02")},
         QStringLiteral("kessai-viewer-2026")},
        {QStringLiteral("M0002"),
         QStringLiteral("admin2"),
         QStringLiteral("店長 三郎"),
         QStringLiteral("admin"),
         Permissions::all(),
         QStringLiteral("kessai-admin2-2026")},
    };
}

// Fees of the demo merchants (per type: rate in basis points, fixed yen per sale) and their
// transfer fee; M0002 negotiated other terms, so the two merchants' statements differ.
struct DemoFees
{
    QList<std::pair<QString, SettlementRules::FeeRate>> rates;
    qint64 transferFee = SettlementRules::DefaultTransferFee;
};

DemoFees demoFees(const QString &merchantId)
{
    if (merchantId == QLatin1String("M0002"))
        return {{{QStringLiteral("01"), {0, 180}},
                 {QStringLiteral("02"), {360, 10}},
                 {QStringLiteral("03"), {0, 165}},
                 {QStringLiteral("05"), {200, 0}}},
                440};
    return {{{QStringLiteral("01"), {0, 150}},
             {QStringLiteral("02"), {325, 0}},
             {QStringLiteral("03"), {0, 130}},
             {QStringLiteral("05"), {150, 0}}},
            250};
}

// The data directory holds the CA key, the users' certificates and (on SQLite) the payments:
// owner only (init and demo make it 0700 before anything is put in it). A SQLite file is created
// empty with mode 0600 before SQLite opens it, so its WAL and shared-memory files (which copy the
// database file's mode) are 0600 too; an existing directory or database that is open to others is
// tightened and said so.
Result<void> secureDataDirectory(const QString &dataDir, const Database &database)
{
    constexpr auto OwnerOnlyDir = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner;
    constexpr auto OwnerOnlyFile = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    constexpr auto Others = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup | QFileDevice::ReadOther
                            | QFileDevice::WriteOther | QFileDevice::ExeOther;
    if ((QFile::permissions(dataDir) & Others) != 0) {
        if (!QFile::setPermissions(dataDir, OwnerOnlyDir))
            return makeError(QStringLiteral("cannot make %1 private (mode 0700)").arg(dataDir));
        qCInfo(lcGatewayDb).noquote() << "made" << dataDir << "private (mode 0700)";
    }
    if (database.isPostgres())
        return {};
    const QString path = database.location();
    if (!QFile::exists(path))
        return PrivateFile::create(path, QByteArray());
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        const QString file = path + suffix;
        if (QFile::exists(file) && (QFile::permissions(file) & Others) != 0) {
            if (!QFile::setPermissions(file, OwnerOnlyFile))
                return makeError(QStringLiteral("cannot make %1 private (mode 0600)").arg(file));
            qCInfo(lcGatewayDb).noquote() << "made" << file << "private (mode 0600)";
        }
    }
    return {};
}

} // namespace

std::optional<ListenAddress> ListenAddress::parse(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^([A-Za-z0-9.\\-]+|\\[[0-9A-Fa-f:]+\\]):([0-9]{1,5})\\z"));
    const auto match = pattern.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    const int port = match.captured(2).toInt();
    if (port > 65535)
        return std::nullopt;
    ListenAddress address;
    address.host = match.captured(1);
    if (address.host.startsWith(u'['))
        address.host = address.host.mid(1, address.host.size() - 2);
    address.port = port;
    return address;
}

QString ListenAddress::toString() const
{
    return (host.contains(u':') ? u'[' + host + u']' : host) + u':' + QString::number(port);
}

namespace {

// `init` without its advice: `demo` goes on to make the merchants and users itself.
Result<void> initialise(const QString &dataDir, const QString &databaseOption, const std::optional<ListenAddress> &listen)
{
    SystemClock clock;
    // 0700 before the CA key is written into it.
    if (auto made = PrivateFile::makeDirectory(dataDir); !made)
        return made;
    Database database(databaseLocation(dataDir, databaseOption));
    auto initialised = database.isInitialised();
    if (!initialised)
        return makeError(initialised.error());
    if (initialised.value()) {
        if (!database.isPostgres())
            return makeError(QStringLiteral("%1 is already initialised (gateway.db exists)").arg(dataDir));
        return makeError(QStringLiteral("%1 already holds a gateway schema").arg(database.displayName()));
    }
    if (auto created = CertificateAuthority::create(dataDir, clock.now()); !created)
        return created;
    if (auto secured = secureDataDirectory(dataDir, database); !secured)
        return secured;
    if (auto migrated = database.migrate(); !migrated)
        return migrated;
    AccountStore accounts(database);
    return accounts.setSetting(ListenSetting, listen.value_or(ListenAddress()).toString());
}

} // namespace

Result<void> Commands::init(const QString &dataDir, const QString &databaseOption, const std::optional<ListenAddress> &listen)
{
    if (auto initialised = initialise(dataDir, databaseOption, listen); !initialised)
        return initialised;
    // The operator's next steps, ready to paste once the placeholders are filled in.
    const QString target = QStringLiteral("--data ") + CommandSupport::shellWord(dataDir)
                           + (databaseOption.isEmpty()
                                  ? QString()
                                  : QStringLiteral(" --db ") + CommandSupport::shellWord(Database(databaseOption).displayName()));
    print(QStringLiteral("Initialised %1: merchant CA %2, database %3")
              .arg(QFileInfo(dataDir).absoluteFilePath(),
                   QFileInfo(CertificateAuthority::caCertificatePath(dataDir)).absoluteFilePath(),
                   Database(databaseLocation(dataDir, databaseOption)).displayName()));
    print(QStringLiteral("Next steps:"));
    print(QStringLiteral("  1. the merchant (fees optional, defaults in docs/api.md):"));
    print(QStringLiteral("     kessai-gateway merchant add %1 --id M0001 --name NAME [--fee TYPE:RATE_BP:FIXED_YEN ...] [--transfer-fee YEN]")
              .arg(target));
    print(QStringLiteral("  2. its first administrator, with a certificate and a generated password:"));
    print(QStringLiteral("     kessai-gateway user add %1 --merchant M0001 --login LOGIN_ID --name NAME --role admin --p12 LOGIN_ID.p12")
              .arg(target));
    print(QStringLiteral("  3. kessai-gateway serve %1").arg(target));
    return {};
}

Result<void> Commands::demo(const QString &dataDir,
                            const QString &databaseOption,
                            const std::optional<ListenAddress> &listen,
                            const DemoOptions &options)
{
    QElapsedTimer timer;
    timer.start();
    if (auto initialised = initialise(dataDir, databaseOption, listen); !initialised)
        return initialised;

    SystemClock clock;
    const qint64 now = clock.now();
    Database database(databaseLocation(dataDir, databaseOption));
    AccountStore accounts(database);
    if (auto recorded = accounts.setSetting(SandboxSetting, QStringLiteral("true")); !recorded)
        return recorded;
    auto authority = CertificateAuthority::load(dataDir);
    if (!authority)
        return makeError(authority.error());

    QJsonArray merchantsJson;
    for (const DemoMerchant &merchant : demoMerchants()) {
        if (auto created = accounts.createMerchant(merchant.merchantId, merchant.name, now); !created)
            return created;
        merchantsJson.append(QJsonObject{{QStringLiteral("id"), merchant.merchantId}, {QStringLiteral("name"), merchant.name}});
    }

    const QString usersDir = QDir(dataDir).filePath(QStringLiteral("users"));
    if (auto made = PrivateFile::makeDirectory(usersDir); !made)
        return made;

    QJsonArray usersJson;
    QStringList summary;
    for (const DemoUser &user : demoUsers()) {
        if (const QString why = PasswordHasher::policyViolation(user.password); !why.isEmpty())
            return makeError(QStringLiteral("demo password of %1: %2").arg(user.loginId, why));
        auto hash = PasswordHasher::hash(user.password);
        if (!hash)
            return makeError(hash.error());
        const QString &merchantId = user.merchantId;
        if (auto created = accounts.createUser({user.loginId, merchantId, user.name, user.role, user.permissions, *hash},
                                               now);
            !created)
            return created;
        auto issued = authority->issueClientCertificate(user.loginId, merchantId, now);
        if (!issued)
            return makeError(issued.error());
        if (auto stored = accounts.addCertificate(user.loginId, *issued, now); !stored)
            return stored;
        const QString p12Path = QFileInfo(QDir(usersDir).filePath(user.loginId + QStringLiteral(".p12"))).absoluteFilePath();
        if (auto written = PrivateFile::create(p12Path, issued->pkcs12); !written)
            return written;
        usersJson.append(QJsonObject{{QStringLiteral("login_id"), user.loginId},
                                     {QStringLiteral("password"), user.password},
                                     {QStringLiteral("role"), user.role},
                                     {QStringLiteral("merchant_id"), merchantId},
                                     {QStringLiteral("permissions"), QJsonArray::fromStringList(Permissions::effective(user.role, user.permissions))},
                                     {QStringLiteral("p12"), p12Path},
                                     {QStringLiteral("p12_passphrase"), issued->passphrase}});
        summary << QStringLiteral("  %1 (%2, %3)  password: %4  certificate: %5  passphrase: %6")
                       .arg(user.loginId, merchantId, user.role, user.password, p12Path, issued->passphrase);
    }

    PaymentStore payments(database);
    auto generated = DemoGenerator::generate(payments, database, {QStringLiteral("M0001"), options.payments, options.seed, now});
    if (!generated)
        return makeError(generated.error());
    auto second = DemoGenerator::generate(payments, database, {QStringLiteral("M0002"), SecondMerchantPayments, options.seed + 1, now});
    if (!second)
        return makeError(second.error());

    // The statements of every period that has ended exist, as they would on a running gateway.
    StatementStore statements(database);
    int statementCount = 0;
    for (const DemoMerchant &merchant : demoMerchants()) {
        const DemoFees fees = demoFees(merchant.merchantId);
        for (const auto &[type, rate] : fees.rates) {
            if (auto stored = statements.setFeeRate(merchant.merchantId, type, rate); !stored)
                return stored;
        }
        if (auto stored = statements.setTransferFee(merchant.merchantId, fees.transferFee); !stored)
            return stored;
        auto closed = statements.closeDue(merchant.merchantId, now);
        if (!closed)
            return makeError(closed.error());
        statementCount += closed.value();
    }

    const ListenAddress address = listen.value_or(ListenAddress());
    const QString caPath = QFileInfo(CertificateAuthority::caCertificatePath(dataDir)).absoluteFilePath();
    const QJsonObject demoJson{{QStringLiteral("url"), QString(QStringLiteral("https://") + address.toString())},
                           {QStringLiteral("ca"), caPath},
                           {QStringLiteral("merchants"), merchantsJson},
                           {QStringLiteral("users"), usersJson}};
    // It holds the demo users' passwords and passphrases.
    if (auto written = PrivateFile::create(QDir(dataDir).filePath(QStringLiteral("demo.json")),
                                           QJsonDocument(demoJson).toJson(QJsonDocument::Indented));
        !written)
        return written;

    print(QStringLiteral("Demo gateway data in %1 (%2 payments, %3 s)")
              .arg(QFileInfo(dataDir).absoluteFilePath())
              .arg(generated.value())
              .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 1));
    print(QStringLiteral("Merchants M0001 デモショップ (%1 payments), M0002 サンプル商店 (%2 payments); CA %3")
              .arg(generated.value())
              .arg(second.value())
              .arg(caPath));
    print(QStringLiteral("Settlement statements closed: %1").arg(statementCount));
    for (const QString &line : std::as_const(summary))
        print(line);
    return {};
}

namespace {

// Sandbox mode as given on the command line, or as the data directory records it.
Result<bool> sandboxMode(AccountStore &accounts, const ClockOptions &options)
{
    if (options.sandbox)
        return *options.sandbox;
    auto recorded = accounts.setting(SandboxSetting);
    if (!recorded)
        return makeError(recorded.error());
    return recorded.value() && *recorded.value() == QLatin1String("true");
}

} // namespace

Result<void> Commands::routes(const QString &dataDir, const QString &databaseOption, const ClockOptions &options)
{
    Database database(databaseLocation(dataDir, databaseOption));
    auto initialised = database.isInitialised();
    if (!initialised)
        return makeError(initialised.error());
    if (!initialised.value())
        return makeError(QStringLiteral("%1 is not a gateway's database").arg(database.displayName()));
    SystemClock clock(options.clockOffsetDays * 86400);
    AccountStore accounts(database);
    auto sandbox = sandboxMode(accounts, options);
    if (!sandbox)
        return makeError(sandbox.error());
    GatewayApp app(database, clock);
    app.setSandbox(sandbox.value());
    if (auto configured = app.setup(dataDir); !configured)
        return configured;
    for (const QString &route : app.routes())
        print(route);
    return {};
}

Result<void> Commands::serve(const QString &dataDir, const QString &databaseOption, const ServeOptions &options)
{
    Database database(databaseLocation(dataDir, databaseOption));
    auto initialised = database.isInitialised();
    if (!initialised)
        return makeError(initialised.error());
    if (!initialised.value()) {
        if (!database.isPostgres())
            return makeError(QStringLiteral("%1 has no gateway.db; run kessai-gateway init first").arg(dataDir));
        return makeError(QStringLiteral("%1 has no gateway schema; run kessai-gateway init --db first").arg(database.displayName()));
    }
    if (auto secured = secureDataDirectory(dataDir, database); !secured)
        return secured;
    if (auto migrated = database.migrate(); !migrated)
        return migrated;

    SystemClock clock(options.clockOffsetDays * 86400);
    AccountStore accounts(database);

    ListenAddress address;
    if (options.listen) {
        address = *options.listen;
    } else {
        auto recorded = accounts.setting(ListenSetting);
        if (!recorded)
            return makeError(recorded.error());
        if (recorded.value()) {
            const auto parsed = ListenAddress::parse(*recorded.value());
            if (!parsed)
                return makeError(QStringLiteral("invalid recorded listen address %1").arg(*recorded.value()));
            address = *parsed;
        }
    }

    auto sandbox = sandboxMode(accounts, options);
    if (!sandbox)
        return makeError(sandbox.error());

    GatewayApp server(database, clock);
    server.setSandbox(sandbox.value());
    if (sandbox.value())
        qCInfo(lcGatewayHttp) << "sandbox mode: /v1/sandbox endpoints are served";
    if (auto configured = server.setup(dataDir, options.edge); !configured)
        return configured;
    auto port = server.bind(address.host, address.port);
    if (!port)
        return makeError(port.error());

    // SIGTERM/SIGINT are blocked in every thread (main blocked them before any thread started);
    // this thread takes them synchronously. stop() is repeated because a signal may arrive
    // before listen() has started, when stop() has nothing to stop yet.
    std::atomic<bool> finished{false};
    std::thread signalWaiter([&server, &finished] {
        sigset_t stopSignals;
        sigemptyset(&stopSignals);
        sigaddset(&stopSignals, SIGTERM);
        sigaddset(&stopSignals, SIGINT);
        int received = 0;
        sigwait(&stopSignals, &received);
        while (!finished.load()) {
            server.stop();
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
    });

    print(QStringLiteral("listening https://%1:%2")
              .arg(address.host.contains(u':') ? u'[' + address.host + u']' : address.host)
              .arg(port.value()));
    qCInfo(lcGatewayHttp).noquote() << "serving" << dataDir << "on" << database.displayName() << "with" << options.edge.workers << "workers for reads," << options.edge.maxConnections << "connections ("
                                    << options.edge.maxConnectionsPerAddress << "per address)"
                                    << (options.clockOffsetDays ? QStringLiteral("clock offset %1 days").arg(options.clockOffsetDays)
                                                                : QString());
    const bool listened = server.listen();
    finished.store(true);
    pthread_kill(signalWaiter.native_handle(), SIGTERM);
    signalWaiter.join();
    Database::releaseThreadConnections();
    if (!listened)
        return makeError(QStringLiteral("the listening socket failed"));
    qCInfo(lcGatewayHttp) << "stopped";
    return {};
}

Result<void> Commands::closeStatements(const QString &dataDir, const QString &databaseOption, const ClockOptions &options)
{
    Database database(databaseLocation(dataDir, databaseOption));
    auto initialised = database.isInitialised();
    if (!initialised)
        return makeError(initialised.error());
    if (!initialised.value())
        return makeError(QStringLiteral("%1 has no gateway schema; run kessai-gateway init first").arg(database.displayName()));
    if (auto migrated = database.migrate(); !migrated)
        return migrated;
    AccountStore accounts(database);
    auto sandbox = sandboxMode(accounts, options);
    if (!sandbox)
        return makeError(sandbox.error());
    // The payment clock, as `serve` runs it: a sandbox's advanced clock closes its periods too.
    SystemClock clock(options.clockOffsetDays * 86400);
    const SandboxClock paymentClock(clock, database, sandbox.value());
    StatementStore statements(database);
    auto merchants = statements.merchantIds();
    if (!merchants)
        return makeError(merchants.error());
    const qint64 now = paymentClock.now();
    for (const QString &merchantId : merchants.value()) {
        auto closed = statements.closeDue(merchantId, now);
        if (!closed)
            return makeError(QStringLiteral("%1: %2").arg(merchantId, closed.error()));
        print(QStringLiteral("%1: %2 statements closed").arg(merchantId).arg(closed.value()));
    }
    return {};
}

} // namespace kessai::gateway
