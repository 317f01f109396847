#include "ctlsession.h"

#include "api/merchantclient.h"
#include "profile/profile.h"
#include "profile/secretstore.h"

#include <QEventLoop>

#include <cstdio>
#include <termios.h>
#include <unistd.h>

namespace kessai::ctl {

namespace {

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

} // namespace

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

void complain(const QString &message)
{
    err() << "kessaictl: " << message << Qt::endl;
}

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

} // namespace kessai::ctl
