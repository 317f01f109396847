#pragma once

#include "profile/profile.h"
#include "tls/clientidentity.h"

#include <QObject>
#include <QPointer>

#include <functional>

namespace kessai {

class BulkService;
class ChangePasswordDialog;
class ConnectionDialog;
class LoginDialog;
class MainWindow;
class MerchantClient;
class SecretStore;
class SessionLock;

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
    // Open while an admin-reset password waits to be replaced (after login or an unlock).
    ChangePasswordDialog *passwordDialog() const;
    // Locks the console after 15 minutes without input, at the session's 12 hours, and when the
    // gateway ends the session; unlocking keeps every page and running batch.
    SessionLock *sessionLock() const { return m_lock; }

Q_SIGNALS:
    // The user closed the last window or cancelled the first dialog.
    void finished();

private:
    void tryPassphrase(const QString &passphrase);
    void showConnection(const QString &message = QString());
    void showLogin();
    void showMain();
    // The gateway lets a user whose password an admin reset do nothing but choose a new one
    // (403 password_change_required): the dialog asks for it, then `next` runs. Log out is the
    // other way on. Over parent when the main window is up.
    void requirePasswordChange(QWidget *parent, const std::function<void()> &next);
    // Signs out; then the login dialog, or the certificate choice with pickCertificate.
    void logout(bool pickCertificate = false);
    bool useIdentity(const ClientIdentity &identity, const QList<QSslCertificate> &ca);
    // After login: batches this user left unfinished (a crash, a lost connection) are offered.
    void offerUnfinishedBatches();
    // After the lock: batches the gateway stopped with a 401 go on under their keys.
    void resumeInterruptedBatches();

    Profile m_profile;
    MerchantClient *m_client;
    SecretStore *m_secrets;
    BulkService *m_bulk = nullptr;
    SessionLock *m_lock;
    QList<qint64> m_interruptedBySession;
    ClientIdentity m_identity;
    QPointer<ConnectionDialog> m_connectionDialog;
    QPointer<LoginDialog> m_loginDialog;
    QPointer<ChangePasswordDialog> m_passwordDialog;
    QPointer<MainWindow> m_mainWindow;
    bool m_changeConnection = false;
};

} // namespace kessai
