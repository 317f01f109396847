#include "api/keysetpager.h"
#include "api/merchantclient.h"
#include "common/translations.h"
#include "domain/japantime.h"
#include "domain/money.h"
#include "domain/payment.h"
#include "domain/paymentcatalog.h"
#include "profile/profile.h"
#include "profile/secretstore.h"
#include "texttable.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <QTextStream>

#include <cstdio>
#include <termios.h>
#include <unistd.h>

using namespace kessai;

namespace {

// Exit codes are part of the interface: scripts branch on them.
enum ExitCode { Done = 0, SomeFailed = 1, Usage = 2, ConnectionFailed = 3, AuthFailed = 4 };

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

class Ctl
{
    Q_DECLARE_TR_FUNCTIONS(kessaictl)
};

int exitCodeFor(const ApiError &error)
{
    switch (error.kind) {
    case ApiError::Kind::Connection:
    case ApiError::Kind::Tls:
        return ConnectionFailed;
    case ApiError::Kind::Authentication:
    case ApiError::Kind::Permission:
        return AuthFailed;
    case ApiError::Kind::Invalid:
        return Usage;
    default:
        return SomeFailed;
    }
}

// Secrets come from the environment or a prompt, never from the command line.
QString promptSecret(const QString &label)
{
    if (!isatty(STDIN_FILENO))
        return {};
    err() << label << Qt::flush;
    termios old{};
    const bool haveTerm = tcgetattr(STDIN_FILENO, &old) == 0;
    if (haveTerm) {
        termios silent = old;
        silent.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent);
    }
    QTextStream in(stdin);
    const QString line = in.readLine();
    if (haveTerm)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
    err() << Qt::endl;
    return line;
}

struct Connection
{
    QUrl url;
    QString caPath;
    QString p12Path;
    QString passphrase;
    QString loginId;
    QString password;
    bool rememberedPassphrase = false;
    QString profileName;
};

std::optional<QString> readKeychain(const QString &key)
{
    SecretStore store;
    std::optional<QString> value;
    QEventLoop loop;
    store.read(key, [&](std::optional<QString> secret) {
        value = std::move(secret);
        loop.quit();
    });
    loop.exec();
    return value;
}

// Profile first (as the console saved it), the environment over it.
bool resolveConnection(const QString &profileName, Connection *c, QString *problem)
{
    if (!profileName.isEmpty()) {
        const Profile p = Profile::load(profileName);
        if (p.name.isEmpty()) {
            const QStringList known = Profile::names();
            *problem = known.isEmpty() ? Ctl::tr("No profile named \"%1\", and no profiles are saved yet.").arg(profileName)
                                       : Ctl::tr("No profile named \"%1\". Known profiles: %2")
                                             .arg(profileName, known.join(QStringLiteral(", ")));
            return false;
        }
        c->profileName = p.name;
        c->url = p.gatewayUrl;
        c->caPath = p.caPath;
        c->p12Path = p.p12Path;
        c->loginId = p.loginId;
        c->rememberedPassphrase = p.rememberPassphrase;
    }
    auto env = [](const char *name) { return qEnvironmentVariable(name); };
    if (!env("KESSAI_URL").isEmpty())
        c->url = QUrl::fromUserInput(env("KESSAI_URL"));
    if (!env("KESSAI_CA").isEmpty())
        c->caPath = env("KESSAI_CA");
    if (!env("KESSAI_P12").isEmpty())
        c->p12Path = env("KESSAI_P12");
    if (!env("KESSAI_LOGIN_ID").isEmpty())
        c->loginId = env("KESSAI_LOGIN_ID");
    c->passphrase = env("KESSAI_P12_PASSPHRASE");
    c->password = env("KESSAI_PASSWORD");

    if (!c->url.isValid() || c->url.isEmpty() || c->p12Path.isEmpty()) {
        *problem = Ctl::tr("No gateway or certificate: use --profile NAME or set KESSAI_URL, KESSAI_CA and KESSAI_P12.");
        return false;
    }
    if (c->passphrase.isEmpty() && c->rememberedPassphrase) {
        if (const auto secret = readKeychain(Profile{c->profileName, {}, {}, {}, {}, true}.secretKey()))
            c->passphrase = *secret;
    }
    if (c->passphrase.isEmpty())
        c->passphrase = promptSecret(Ctl::tr("Certificate passphrase: "));
    if (c->loginId.isEmpty() && isatty(STDIN_FILENO)) {
        err() << Ctl::tr("Login ID: ") << Qt::flush;
        c->loginId = QTextStream(stdin).readLine().trimmed();
    }
    if (c->password.isEmpty())
        c->password = promptSecret(Ctl::tr("Password for %1: ").arg(c->loginId));
    if (c->loginId.isEmpty() || c->password.isEmpty()) {
        *problem = Ctl::tr("No login ID or password: set KESSAI_LOGIN_ID and KESSAI_PASSWORD, or run in a terminal.");
        return false;
    }
    return true;
}

int connectAndLogin(MerchantClient &client, const Connection &c)
{
    const ClientIdentity::LoadResult identity = ClientIdentity::load(c.p12Path, c.passphrase);
    if (!identity.ok()) {
        err() << "kessaictl: " << identity.message << Qt::endl;
        return AuthFailed;
    }
    QList<QSslCertificate> ca;
    if (!c.caPath.isEmpty()) {
        QString problem;
        ca = loadCaCertificates(c.caPath, &problem);
        if (ca.isEmpty()) {
            err() << "kessaictl: " << problem << Qt::endl;
            return ConnectionFailed;
        }
    }
    if (!client.setBaseUrl(c.url)) {
        err() << "kessaictl: " << Ctl::tr("The gateway URL must start with https:// (got %1).").arg(c.url.toString()) << Qt::endl;
        return Usage;
    }
    client.setIdentity(identity.identity, ca);
    const ApiResult login = waitFor(client.login(c.loginId, c.password));
    if (!login.ok()) {
        err() << "kessaictl: " << login.error.displayText() << Qt::endl;
        return exitCodeFor(login.error);
    }
    return Done;
}

// Usage errors are found before connecting: a typo never costs a login.
int parseListOptions(const QCommandLineParser &parser, const QCommandLineOption &tradingId,
                     const QCommandLineOption &status, const QCommandLineOption &type,
                     const QCommandLineOption &limitOpt, PaymentQuery *query, int *limit)
{
    query->tradingId = parser.value(tradingId);
    for (const QString &code : parser.value(status).split(u',', Qt::SkipEmptyParts)) {
        bool ok = false;
        const int value = code.trimmed().toInt(&ok);
        if (!ok || !PaymentCatalog::isKnownStatus(value)) {
            err() << "kessaictl: " << Ctl::tr("unknown status code: %1").arg(code) << Qt::endl;
            return Usage;
        }
        query->statuses.append(value);
    }
    for (const QString &code : parser.value(type).split(u',', Qt::SkipEmptyParts)) {
        if (!PaymentCatalog::isKnownType(code.trimmed())) {
            err() << "kessaictl: " << Ctl::tr("unknown payment type: %1").arg(code) << Qt::endl;
            return Usage;
        }
        query->types.append(code.trimmed());
    }
    bool ok = true;
    *limit = parser.isSet(limitOpt) ? parser.value(limitOpt).toInt(&ok) : 100;
    if (!ok || *limit < 1) {
        err() << "kessaictl: " << Ctl::tr("--limit takes a positive number") << Qt::endl;
        return Usage;
    }
    return Done;
}

int paymentsList(MerchantClient &client, const PaymentQuery &query, int limit, bool json)
{
    QJsonArray rows;
    qint64 total = -1;
    KeysetPager pager;
    // The first page brings the total with it; later ones are not counted again.
    pager.setRequests(
        [&](const QString &cursor, int pageLimit) {
            return client.searchPayments(query, cursor, pageLimit, pager.pagesRead() == 0);
        },
        [&](ApiReply &reply) -> std::optional<QString> {
            const QJsonObject answer = reply.json().object();
            if (total < 0)
                total = answer.value(QLatin1String("total")).toInteger(-1);
            for (const QJsonValue &item : answer.value(QLatin1String("items")).toArray())
                rows.append(item);
            return answer.value(QLatin1String("next_cursor")).toString();
        });
    const ApiError error = pager.readAll(1000, [&rows] { return qint64(rows.size()); }, limit);
    if (error.isError()) {
        err() << "kessaictl: " << error.displayText() << Qt::endl;
        return exitCodeFor(error);
    }

    if (json) {
        const QJsonObject doc{{QStringLiteral("total"), total}, {QStringLiteral("items"), rows}};
        out() << QJsonDocument(doc).toJson(QJsonDocument::Indented);
        return Done;
    }
    TextTable table({Ctl::tr("Trading ID"), Ctl::tr("Payment ID"), Ctl::tr("Type"), Ctl::tr("Institution"), Ctl::tr("Status"),
                     Ctl::tr("Trade time"), Ctl::tr("Amount")},
                    {false, false, false, false, false, false, true});
    const QLocale locale;
    for (const QJsonValue &value : rows) {
        const Payment p = Payment::fromJson(value.toObject());
        table.addRow({p.tradingId, p.paymentId, PaymentCatalog::typeLabel(p.type), p.institution,
                      QStringLiteral("%1 %2").arg(p.status).arg(PaymentCatalog::statusLabel(p.status, p.type)),
                      JapanTime::format(p.tradeTime),
                      formatYen(p.amount, locale)});
    }
    out() << table.render();
    out() << Ctl::tr("%1 of %2 payments").arg(locale.toString(qint64(rows.size())), locale.toString(total)) << Qt::endl;
    return Done;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Kessai"));
    QCoreApplication::setApplicationName(QStringLiteral("kessaictl"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KESSAI_VERSION));
    installTranslations(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(Ctl::tr("Kessai on the command line.\n\n"
                                        "Commands:\n  payments list   search payments\n\n"
                                        "Connection: --profile NAME, or KESSAI_URL, KESSAI_CA, KESSAI_P12, "
                                        "KESSAI_P12_PASSPHRASE, KESSAI_LOGIN_ID, KESSAI_PASSWORD.\n"
                                        "Exit codes: 0 done, 1 some items failed, 2 usage, 3 connection/TLS, "
                                        "4 authentication/permission."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption profile(QStringLiteral("profile"), Ctl::tr("Profile saved by the console."), QStringLiteral("name"));
    const QCommandLineOption tradingId(QStringLiteral("trading-id"), Ctl::tr("Trading ID (exact, or prefix*)."), QStringLiteral("id"));
    const QCommandLineOption status(QStringLiteral("status"), Ctl::tr("Status codes, comma separated (20,40)."), QStringLiteral("codes"));
    const QCommandLineOption type(QStringLiteral("type"), Ctl::tr("Payment types, comma separated (02,03)."), QStringLiteral("codes"));
    const QCommandLineOption limit(QStringLiteral("limit"), Ctl::tr("How many payments at most (default 100)."), QStringLiteral("n"));
    const QCommandLineOption json(QStringLiteral("json"), Ctl::tr("Print JSON instead of a table."));
    parser.addOptions({profile, tradingId, status, type, limit, json});
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("payments list"));
    if (!parser.parse(QCoreApplication::arguments())) {
        err() << "kessaictl: " << parser.errorText() << Qt::endl;
        return Usage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText();
        return Done;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        out() << "kessaictl " << QCoreApplication::applicationVersion() << Qt::endl;
        return Done;
    }
    const QStringList command = parser.positionalArguments();
    if (command != QStringList{QStringLiteral("payments"), QStringLiteral("list")}) {
        err() << "kessaictl: " << Ctl::tr("unknown command; try: kessaictl payments list --help") << Qt::endl;
        return Usage;
    }

    PaymentQuery query;
    int rowLimit = 0;
    if (const int rc = parseListOptions(parser, tradingId, status, type, limit, &query, &rowLimit); rc != Done)
        return rc;

    Connection connection;
    QString problem;
    if (!resolveConnection(parser.value(profile), &connection, &problem)) {
        err() << "kessaictl: " << problem << Qt::endl;
        return Usage;
    }
    MerchantClient client;
    if (const int rc = connectAndLogin(client, connection); rc != Done)
        return rc;
    const int rc = paymentsList(client, query, rowLimit, parser.isSet(json));
    waitFor(client.logout());
    return rc;
}
