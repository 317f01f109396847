#pragma once

#include "profile/profile.h"
#include "tls/clientidentity.h"

#include <QObject>
#include <QPointer>

namespace kessai {

class BulkService;
class ConnectionDialog;
class LoginDialog;
class MainWindow;
class MerchantClient;
class SecretStore;

// The console's lifecycle: certificate → login → main window, and back to login on logout or
// when the gateway ends the session. Owns the client; windows come and go.
class ConsoleSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConsoleSession)

public:
    explicit ConsoleSession(const Profile &profile, QObject *parent = nullptr);
    ~ConsoleSession() override;

    // passphrase: from the environment (./dev run) or empty; the keychain is asked if remembered.
    void start(const QString &passphrase = QString());

    MerchantClient *client() const { return m_client; }
    // The bulk journal and runner (null when the journal could not be opened).
    BulkService *bulk() const { return m_bulk; }
    // Where the journal lives: the console's data folder (journal.sqlite).
    static QString journalPath();
    ConnectionDialog *connectionDialog() const;
    LoginDialog *loginDialog() const;
    MainWindow *mainWindow() const;

Q_SIGNALS:
    // The user closed the last window or cancelled the first dialog.
    void finished();

private:
    void tryPassphrase(const QString &passphrase);
    void showConnection(const QString &message = QString());
    void showLogin();
    void showMain();
    void logout();
    bool useIdentity(const ClientIdentity &identity, const QList<QSslCertificate> &ca);
    // After login: batches this user left unfinished (a crash, a lost connection) are offered.
    void offerUnfinishedBatches();

    Profile m_profile;
    MerchantClient *m_client;
    SecretStore *m_secrets;
    BulkService *m_bulk = nullptr;
    ClientIdentity m_identity;
    QPointer<ConnectionDialog> m_connectionDialog;
    QPointer<LoginDialog> m_loginDialog;
    QPointer<MainWindow> m_mainWindow;
    bool m_changeConnection = false;
};

} // namespace kessai
