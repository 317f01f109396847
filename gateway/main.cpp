#include "commands/commands.h"
#include "db/database.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QUrl>

#include <csignal>
#include <cstdio>
#include <pthread.h>

using namespace kessai::gateway;

namespace {

int fail(const QString &message, int code = 1)
{
    std::fprintf(stderr, "kessai-gateway: %s\n", message.toLocal8Bit().constData());
    return code;
}

} // namespace

int main(int argc, char *argv[])
{
    // Before any thread exists, so that every thread inherits the mask and only the serve
    // command's waiter thread ever receives them.
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGTERM);
    sigaddset(&stopSignals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);

    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("kessai-gateway"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Reference gateway of the Kessai Merchant API.\n\n"
        "Commands:\n"
        "  init   --data DIR [--db DB] [--listen HOST:PORT]\n"
        "  demo   --data DIR [--db DB] [--payments N] [--seed S] [--listen HOST:PORT]\n"
        "  serve  --data DIR [--db DB] [--listen HOST:PORT] [--clock-offset-days N] [--threads N] [--write-threads N]\n"
        "         [--queue-limit N] [--max-connections N] [--max-connections-per-address N] [--edge-timeouts-ms H,HEAD,IDLE]\n"
        "  routes --data DIR [--db DB] [--sandbox|--no-sandbox]\n"
        "         list the HTTP routes serve installs (method and path pattern)\n"
        "  close-statements --data DIR [--db DB] [--clock-offset-days N] [--sandbox|--no-sandbox]\n"
        "         close the settlement periods that have ended (on serve's clock: give it the same options)\n"
        "  merchant add --data DIR [--db DB] --id M0001 --name NAME [--fee TYPE:RATE_BP:FIXED_YEN ...] [--transfer-fee YEN]\n"
        "         a merchant (id: M and 4 to 8 digits); types without --fee, and the transfer fee, take the defaults\n"
        "  user add --data DIR [--db DB] --merchant M0001 --login ID --name NAME --role admin|general\n"
        "           [--permission P ...] --p12 FILE\n"
        "         a user with a generated password and a client certificate, written to the new FILE\n"
        "         under a generated passphrase; both are printed once\n\n"
        "DB is a SQLite file (default DIR/gateway.db) or postgresql://user[:password]@host[:port]/dbname[?options]."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("command"),
                                 QStringLiteral("init, demo, serve, routes, close-statements, merchant add or user add"),
                                 QStringLiteral("command [add]"));
    const QCommandLineOption dataOption(QStringLiteral("data"), QStringLiteral("Data directory."), QStringLiteral("DIR"));
    const QCommandLineOption dbOption(QStringLiteral("db"),
                                      QStringLiteral("Database: a SQLite file or a postgresql:// URL (default DIR/gateway.db)."),
                                      QStringLiteral("DB"));
    const QCommandLineOption listenOption(QStringLiteral("listen"), QStringLiteral("Listen address."), QStringLiteral("HOST:PORT"));
    const QCommandLineOption paymentsOption(QStringLiteral("payments"), QStringLiteral("Demo payments (default 2000)."), QStringLiteral("N"));
    const QCommandLineOption seedOption(QStringLiteral("seed"), QStringLiteral("Demo data seed (default 1)."), QStringLiteral("S"));
    const QCommandLineOption clockOption(QStringLiteral("clock-offset-days"),
                                         QStringLiteral("Shift the gateway clock (tests)."),
                                         QStringLiteral("N"));
    const QCommandLineOption threadsOption(QStringLiteral("threads"), QStringLiteral("Worker threads (default 32)."), QStringLiteral("N"));
    const QCommandLineOption writersOption(QStringLiteral("write-threads"),
                                           QStringLiteral("Worker threads for POST, PATCH and DELETE (default: a quarter of --threads, 1 to 8)."),
                                           QStringLiteral("N"));
    const QCommandLineOption queueOption(QStringLiteral("queue-limit"),
                                         QStringLiteral("Requests that may wait for a worker; more are answered 503 (default 256)."),
                                         QStringLiteral("N"));
    const QCommandLineOption maxConnectionsOption(QStringLiteral("max-connections"),
                                                  QStringLiteral("Open connections in all (default 4096)."),
                                                  QStringLiteral("N"));
    const QCommandLineOption maxPerAddressOption(QStringLiteral("max-connections-per-address"),
                                                 QStringLiteral("Open connections from one client address (default 256)."),
                                                 QStringLiteral("N"));
    const QCommandLineOption timeoutsOption(QStringLiteral("edge-timeouts-ms"),
                                            QStringLiteral("TLS handshake, request head and keep-alive idle deadlines (default 10000,10000,60000)."),
                                            QStringLiteral("HANDSHAKE,HEAD,IDLE"));
    const QCommandLineOption sandboxOption(QStringLiteral("sandbox"), QStringLiteral("Serve the sandbox endpoints (demo data dirs do by default)."));
    const QCommandLineOption noSandboxOption(QStringLiteral("no-sandbox"), QStringLiteral("Do not serve the sandbox endpoints."));
    // merchant add and user add.
    const QCommandLineOption idOption(QStringLiteral("id"), QStringLiteral("merchant add: the merchant id (M0001)."), QStringLiteral("ID"));
    const QCommandLineOption nameOption(QStringLiteral("name"), QStringLiteral("merchant add, user add: the name."), QStringLiteral("NAME"));
    const QCommandLineOption feeOption(QStringLiteral("fee"),
                                       QStringLiteral("merchant add: a payment type's fee, e.g. 02:325:0 (repeatable)."),
                                       QStringLiteral("TYPE:RATE_BP:FIXED_YEN"));
    const QCommandLineOption transferFeeOption(QStringLiteral("transfer-fee"),
                                               QStringLiteral("merchant add: the transfer fee per payout (default 250)."),
                                               QStringLiteral("YEN"));
    const QCommandLineOption merchantOption(QStringLiteral("merchant"), QStringLiteral("user add: the user's merchant."), QStringLiteral("ID"));
    const QCommandLineOption loginOption(QStringLiteral("login"), QStringLiteral("user add: the login id."), QStringLiteral("ID"));
    const QCommandLineOption roleOption(QStringLiteral("role"), QStringLiteral("user add: admin or general."), QStringLiteral("ROLE"));
    const QCommandLineOption permissionOption(QStringLiteral("permission"),
                                              QStringLiteral("user add: a permission of a general user (repeatable)."),
                                              QStringLiteral("P"));
    const QCommandLineOption p12Option(QStringLiteral("p12"),
                                       QStringLiteral("user add: the PKCS#12 file to create (never overwritten)."),
                                       QStringLiteral("FILE"));
    parser.addOptions({dataOption, dbOption, listenOption, paymentsOption, seedOption, clockOption, threadsOption, writersOption, queueOption, maxConnectionsOption,
                       maxPerAddressOption, timeoutsOption, sandboxOption, noSandboxOption,
                       idOption, nameOption, feeOption, transferFeeOption, merchantOption, loginOption, roleOption, permissionOption, p12Option});
    parser.process(app);

    const QStringList positional = parser.positionalArguments();
    const QString usage = QStringLiteral("init, demo, serve, routes, close-statements, merchant add or user add");
    const bool addCommand = !positional.isEmpty()
                            && (positional.first() == QLatin1String("merchant") || positional.first() == QLatin1String("user"));
    if (positional.size() != (addCommand ? 2 : 1) || (addCommand && positional.at(1) != QLatin1String("add")))
        return fail(QStringLiteral("expected one command: %1 (see --help)").arg(usage), 2);
    const QString command = positional.join(u' ');
    const QString dataDir = parser.value(dataOption);
    if (dataDir.isEmpty())
        return fail(QStringLiteral("--data DIR is required"), 2);
    const QString database = parser.value(dbOption);
    if (parser.isSet(dbOption)) {
        if (const QString why = Database::locationError(database); !why.isEmpty())
            return fail(QStringLiteral("--db: ") + why, 2);
    }

    std::optional<ListenAddress> listen;
    if (parser.isSet(listenOption)) {
        listen = ListenAddress::parse(parser.value(listenOption));
        if (!listen)
            return fail(QStringLiteral("--listen expects HOST:PORT"), 2);
    }

    if (QUrl(database).password().size() > 0) {
        qWarning("kessai-gateway: the password in --db can be read by other users of this machine (ps, /proc);"
                 " leave it out and use PGPASSWORD or ~/.pgpass instead");
    }
    // The clock options of serve and close-statements.
    ClockOptions clockOptions;
    if (parser.isSet(clockOption)) {
        bool ok = false;
        clockOptions.clockOffsetDays = parser.value(clockOption).toLongLong(&ok);
        if (!ok)
            return fail(QStringLiteral("--clock-offset-days expects a number"), 2);
    }
    if (parser.isSet(sandboxOption) && parser.isSet(noSandboxOption))
        return fail(QStringLiteral("--sandbox and --no-sandbox exclude each other"), 2);
    if (parser.isSet(sandboxOption) || parser.isSet(noSandboxOption))
        clockOptions.sandbox = parser.isSet(sandboxOption);

    Result<void> result;
    if (command == QLatin1String("init")) {
        result = Commands::init(dataDir, database, listen);
    } else if (command == QLatin1String("demo")) {
        DemoOptions options;
        bool ok = true;
        if (parser.isSet(paymentsOption))
            options.payments = parser.value(paymentsOption).toLongLong(&ok);
        if (!ok || options.payments < 5 || options.payments > 100000000)
            return fail(QStringLiteral("--payments expects a number from 5 to 100000000"), 2);
        if (parser.isSet(seedOption))
            options.seed = parser.value(seedOption).toULongLong(&ok);
        if (!ok)
            return fail(QStringLiteral("--seed expects a non-negative number"), 2);
        result = Commands::demo(dataDir, database, listen, options);
    } else if (command == QLatin1String("serve")) {
        ServeOptions options;
        static_cast<ClockOptions &>(options) = clockOptions;
        options.listen = listen;
        EdgeLimits &edge = options.edge;
        const auto number = [&parser](const QCommandLineOption &option, int &value, int lowest, int highest) {
            if (!parser.isSet(option))
                return true;
            bool ok = false;
            value = parser.value(option).toInt(&ok);
            return ok && value >= lowest && value <= highest;
        };
        if (!number(threadsOption, edge.workers, 2, 1024))
            return fail(QStringLiteral("--threads expects a number from 2 to 1024"), 2);
        if (!number(writersOption, edge.writers, 1, 1024))
            return fail(QStringLiteral("--write-threads expects a number from 1 to 1024"), 2);
        if (!number(queueOption, edge.queueLimit, 1, 1000000))
            return fail(QStringLiteral("--queue-limit expects a number from 1 to 1000000"), 2);
        if (!number(maxConnectionsOption, edge.maxConnections, 1, 1000000))
            return fail(QStringLiteral("--max-connections expects a number from 1 to 1000000"), 2);
        if (!number(maxPerAddressOption, edge.maxConnectionsPerAddress, 1, 1000000))
            return fail(QStringLiteral("--max-connections-per-address expects a number from 1 to 1000000"), 2);
        if (parser.isSet(timeoutsOption)) {
            const QStringList parts = parser.value(timeoutsOption).split(u',');
            QList<int> values;
            for (const QString &part : parts) {
                bool ok = false;
                const int value = part.toInt(&ok);
                if (ok && value >= 100 && value <= 3600000)
                    values.append(value);
            }
            if (parts.size() != 3 || values.size() != 3)
                return fail(QStringLiteral("--edge-timeouts-ms expects three numbers from 100 to 3600000, e.g. 10000,10000,60000"), 2);
            edge.handshakeTimeout = std::chrono::milliseconds(values[0]);
            edge.headTimeout = std::chrono::milliseconds(values[1]);
            edge.idleTimeout = std::chrono::milliseconds(values[2]);
        }
        result = Commands::serve(dataDir, database, options);
    } else if (command == QLatin1String("routes")) {
        result = Commands::routes(dataDir, database, clockOptions);
    } else if (command == QLatin1String("close-statements")) {
        result = Commands::closeStatements(dataDir, database, clockOptions);
    } else if (command == QLatin1String("merchant add")) {
        MerchantOptions options;
        for (const QCommandLineOption &required : {idOption, nameOption}) {
            if (!parser.isSet(required))
                return fail(QStringLiteral("merchant add needs --%1").arg(required.names().first()), 2);
        }
        options.merchantId = parser.value(idOption);
        options.name = parser.value(nameOption);
        for (const QString &text : parser.values(feeOption)) {
            QString why;
            const auto fee = MerchantOptions::parseFee(text, &why);
            if (!fee)
                return fail(QStringLiteral("--fee %1: %2").arg(text, why), 2);
            options.fees.append(*fee);
        }
        if (parser.isSet(transferFeeOption)) {
            options.transferFee = MerchantOptions::parseYen(parser.value(transferFeeOption));
            if (!options.transferFee)
                return fail(QStringLiteral("--transfer-fee expects yen from 0 to 9999999"), 2);
        }
        result = Commands::addMerchant(dataDir, database, options);
    } else if (command == QLatin1String("user add")) {
        UserOptions options;
        for (const QCommandLineOption &required : {merchantOption, loginOption, nameOption, roleOption, p12Option}) {
            if (!parser.isSet(required))
                return fail(QStringLiteral("user add needs --%1").arg(required.names().first()), 2);
        }
        options.merchantId = parser.value(merchantOption);
        options.loginId = parser.value(loginOption);
        options.name = parser.value(nameOption);
        options.role = parser.value(roleOption);
        if (options.role != QLatin1String("admin") && options.role != QLatin1String("general"))
            return fail(QStringLiteral("--role expects admin or general"), 2);
        options.permissions = parser.values(permissionOption);
        options.p12Path = parser.value(p12Option);
        result = Commands::addUser(dataDir, database, options);
    } else {
        return fail(QStringLiteral("unknown command %1 (%2)").arg(command, usage), 2);
    }
    Database::releaseThreadConnections();
    if (!result)
        return fail(result.error());
    return 0;
}
