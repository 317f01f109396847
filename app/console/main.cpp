#include "common/translations.h"
#include "consolesession.h"
#include "profile/profile.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QIcon>

using namespace kessai;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Kessai"));
    QApplication::setApplicationName(QStringLiteral("kessai"));
    QApplication::setApplicationDisplayName(QStringLiteral("Kessai"));
    QApplication::setApplicationVersion(QStringLiteral(KESSAI_VERSION));
    QApplication::setQuitOnLastWindowClosed(false); // dialogs come and go; the session decides

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Kessai — back-office console for payment gateway merchants"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption profileOpt(QStringLiteral("profile"), QStringLiteral("Connection profile to use."),
                                        QStringLiteral("name"));
    const QCommandLineOption urlOpt(QStringLiteral("url"), QStringLiteral("Gateway URL (saved in the profile)."),
                                    QStringLiteral("url"));
    const QCommandLineOption caOpt(QStringLiteral("ca"), QStringLiteral("CA certificate file (PEM)."),
                                   QStringLiteral("file"));
    const QCommandLineOption p12Opt(QStringLiteral("p12"), QStringLiteral("Client certificate (PKCS#12)."),
                                    QStringLiteral("file"));
    const QCommandLineOption loginOpt(QStringLiteral("login-id"), QStringLiteral("Login ID to suggest."),
                                      QStringLiteral("id"));
    const QCommandLineOption langOpt(QStringLiteral("lang"), QStringLiteral("Language: ja or en."),
                                     QStringLiteral("code"));
    parser.addOptions({profileOpt, urlOpt, caOpt, p12Opt, loginOpt, langOpt});
    parser.process(app);

    installTranslations(app, parser.value(langOpt));

    QString name = parser.value(profileOpt);
    if (name.isEmpty())
        name = Profile::lastUsed();
    if (name.isEmpty())
        name = QStringLiteral("default");
    Profile profile = Profile::load(name);
    profile.name = name;
    const bool overridden = parser.isSet(urlOpt) || parser.isSet(caOpt) || parser.isSet(p12Opt) || parser.isSet(loginOpt);
    if (parser.isSet(urlOpt))
        profile.gatewayUrl = QUrl::fromUserInput(parser.value(urlOpt));
    if (parser.isSet(caOpt))
        profile.caPath = QDir::current().absoluteFilePath(parser.value(caOpt));
    if (parser.isSet(p12Opt))
        profile.p12Path = QDir::current().absoluteFilePath(parser.value(p12Opt));
    if (parser.isSet(loginOpt))
        profile.loginId = parser.value(loginOpt);
    if (overridden && profile.isComplete())
        profile.save();
    Profile::setLastUsed(name);

    // ./dev run hands the demo passphrase over in the environment; take it out at once.
    const QString passphrase = qEnvironmentVariable("KESSAI_P12_PASSPHRASE");
    qunsetenv("KESSAI_P12_PASSPHRASE");

    ConsoleSession session(profile);
    QObject::connect(&session, &ConsoleSession::finished, &app, &QCoreApplication::quit, Qt::QueuedConnection);
    session.start(passphrase);
    return app.exec();
}
