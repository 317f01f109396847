#pragma once

#include "api/apierror.h"

#include <QCoreApplication>
#include <QString>
#include <QTextStream>
#include <QUrl>

namespace kessai {

class MerchantClient;

// What kessaictl's commands share: the exit codes, the output streams, the translation context,
// and how a connection is found (profile, environment, keychain, prompt) and logged in.
namespace ctl {

// Exit codes are part of the interface: scripts branch on them.
enum ExitCode { Done = 0, SomeFailed = 1, Usage = 2, ConnectionFailed = 3, AuthFailed = 4 };

class Ctl
{
    Q_DECLARE_TR_FUNCTIONS(kessaictl)
};

QTextStream &out();
QTextStream &err();
// "kessaictl: message" on stderr.
void complain(const QString &message);

int exitCodeFor(const ApiError &error);

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

// Profile first (as the console saved it), the environment over it; secrets from the
// environment, the keychain or a prompt, never from the command line.
bool resolveConnection(const QString &profileName, Connection *c, QString *problem);
// Loads the certificate and logs in; Done or the exit code (the reason is already printed).
int connectAndLogin(MerchantClient &client, const Connection &c);

} // namespace ctl
} // namespace kessai
