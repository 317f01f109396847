#include "consolesession.h"

#include "api/merchantclient.h"
#include "bulk/bulkbatchesmodel.h"
#include "bulk/bulkservice.h"
#include "connection/connectiondialog.h"
#include "login/changepassworddialog.h"
#include "login/logindialog.h"
#include "mainwindow.h"
#include "profile/secretstore.h"
#include "sessionlock.h"

#include <QLocale>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>

#include <utility>

namespace kessai {

ConsoleSession::ConsoleSession(const Profile &profile, QObject *parent)
    : QObject(parent)
    , m_profile(profile)
    , m_client(new MerchantClient(this))
    , m_secrets(new SecretStore(this))
    , m_lock(new SessionLock(m_client, this))
{
    QString error;
    if (auto journal = BulkService::openJournal(journalPath(), &error))
        m_bulk = new BulkService(m_client, std::move(journal), this);
    else
        qWarning().noquote() << "bulk journal" << journalPath() << "could not be opened:" << error;
    if (m_bulk) {
        connect(m_bulk, &BulkService::batchStarted, this, [this](qint64 batchId) {
            m_lock->setRunningWork(tr("Bulk processing %1 is running and goes on while the console is locked.").arg(batchId));
        });
        connect(m_bulk, &BulkService::batchFinished, this,
                [this](qint64 batchId, BulkRunner::End end, const ApiError &why) {
                    m_lock->setRunningWork(QString());
                    if (end == BulkRunner::End::Interrupted && why.kind == ApiError::Kind::Authentication
                        && !m_interruptedBySession.contains(batchId))
                        m_interruptedBySession.append(batchId);
                });
    }
    connect(m_lock, &SessionLock::unlocked, this, [this] {
        // An admin reset the password while the console was locked: the new one first.
        if (m_client->user().mustChangePassword)
            requirePasswordChange(m_mainWindow, [this] { resumeInterruptedBatches(); });
        else
            resumeInterruptedBatches();
    });
    connect(m_lock, &SessionLock::logoutRequested, this, [this] { logout(); });
    connect(m_client, &MerchantClient::sessionExpired, this, [this] {
        // With the window up, the lock asks for the password over it (SessionLock).
        if (m_loginDialog || m_lock->isArmed())
            return;
        if (m_mainWindow)
            m_mainWindow->hide(); // the work on the page stays for after the new login
        showLogin();
    });
}

ConsoleSession::~ConsoleSession()
{
    m_lock->disarm();
    delete m_passwordDialog;
    delete m_connectionDialog;
    delete m_loginDialog;
    delete m_mainWindow;
}

QString ConsoleSession::journalPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/journal.sqlite");
}

ConnectionDialog *ConsoleSession::connectionDialog() const
{
    return m_connectionDialog;
}

LoginDialog *ConsoleSession::loginDialog() const
{
    return m_loginDialog;
}

MainWindow *ConsoleSession::mainWindow() const
{
    return m_mainWindow;
}

ChangePasswordDialog *ConsoleSession::passwordDialog() const
{
    return m_passwordDialog;
}

void ConsoleSession::start(const QString &passphrase)
{
    if (!m_profile.isComplete()) {
        showConnection();
        return;
    }
    if (!passphrase.isEmpty()) {
        tryPassphrase(passphrase);
        return;
    }
    if (!m_profile.rememberPassphrase) {
        showConnection();
        return;
    }
    m_secrets->read(m_profile.secretKey(), [this](std::optional<QString> secret) {
        if (secret)
            tryPassphrase(*secret);
        else
            showConnection(); // no keychain or nothing in it: ask, never fail
    });
}

void ConsoleSession::tryPassphrase(const QString &passphrase)
{
    const ClientIdentity::LoadResult loaded = ClientIdentity::load(m_profile.p12Path, passphrase);
    QString caError;
    const QList<QSslCertificate> ca = m_profile.caPath.isEmpty() ? QList<QSslCertificate>()
                                                                 : loadCaCertificates(m_profile.caPath, &caError);
    if (!loaded.ok() || !caError.isEmpty()) {
        showConnection(loaded.ok() ? caError : loaded.message);
        return;
    }
    if (!useIdentity(loaded.identity, ca)) {
        showConnection(tr("The gateway URL must start with https://"));
        return;
    }
    showLogin();
}

bool ConsoleSession::useIdentity(const ClientIdentity &identity, const QList<QSslCertificate> &ca)
{
    // Another certificate is another user, perhaps of another merchant: the window built for
    // the previous one (its rows, checks and filters) must not be shown to them.
    if (m_mainWindow && m_identity.sha256Fingerprint() != identity.sha256Fingerprint())
        delete m_mainWindow;
    m_identity = identity;
    m_client->setIdentity(identity, ca);
    return m_client->setBaseUrl(m_profile.gatewayUrl);
}

void ConsoleSession::showConnection(const QString &message)
{
    delete m_connectionDialog;
    auto *dialog = new ConnectionDialog(m_profile);
    m_connectionDialog = dialog;
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!message.isEmpty())
        dialog->showError(message);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        // One certificate is one user: a new certificate brings its own login ID with it.
        const bool sameCertificate = dialog->identity().sha256Fingerprint() == m_identity.sha256Fingerprint();
        const QString loginId = sameCertificate ? m_profile.loginId : dialog->identity().loginIdHint();
        m_profile = dialog->profile();
        m_profile.loginId = loginId;
        m_profile.save();
        Profile::setLastUsed(m_profile.name);
        if (m_profile.rememberPassphrase)
            m_secrets->write(m_profile.secretKey(), dialog->passphrase());
        else
            m_secrets->remove(m_profile.secretKey());
        useIdentity(dialog->identity(), dialog->caCertificates());
        showLogin();
    });
    connect(dialog, &QDialog::rejected, this, [this] {
        if (!m_mainWindow || !m_mainWindow->isVisible())
            Q_EMIT finished();
    });
    dialog->show();
}

void ConsoleSession::requirePasswordChange(QWidget *parent, const std::function<void()> &next)
{
    delete m_passwordDialog;
    auto *dialog = new ChangePasswordDialog(m_client, ChangePasswordDialog::Mode::Required, parent);
    m_passwordDialog = dialog;
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, next);
    connect(dialog, &ChangePasswordDialog::logoutRequested, this, [this] { logout(); });
    if (parent) {
        dialog->open(); // over the window, which keeps its pages for after the change
    } else {
        dialog->show();
        dialog->raise();
        dialog->activateWindow();
    }
}

void ConsoleSession::showLogin()
{
    delete m_passwordDialog;
    delete m_loginDialog;
    auto *dialog = new LoginDialog(m_client, m_identity.subjectName());
    m_loginDialog = dialog;
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setLoginId(m_profile.loginId.isEmpty() ? m_identity.loginIdHint() : m_profile.loginId);
    m_changeConnection = false;
    connect(dialog, &LoginDialog::changeConnectionRequested, this, [this] { m_changeConnection = true; });
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (m_profile.loginId != dialog->loginId()) {
            m_profile.loginId = dialog->loginId();
            m_profile.save();
        }
        if (m_client->user().mustChangePassword)
            requirePasswordChange(nullptr, [this] { showMain(); });
        else
            showMain();
    });
    connect(dialog, &QDialog::rejected, this, [this] {
        if (m_changeConnection) {
            showConnection();
            return;
        }
        delete m_mainWindow;
        Q_EMIT finished();
    });
    dialog->show();
}

void ConsoleSession::showMain()
{
    if (m_mainWindow) {
        m_mainWindow->show();
        m_mainWindow->raise();
        m_lock->arm(m_mainWindow);
        resumeInterruptedBatches();
        return;
    }
    auto *window = new MainWindow(m_client, m_bulk);
    m_mainWindow = window;
    window->setAttribute(Qt::WA_DeleteOnClose);
    connect(window, &MainWindow::logoutRequested, this, [this] { logout(); });
    connect(window, &MainWindow::changeCertificateRequested, this, [this] { logout(true); });
    connect(window, &QObject::destroyed, this, [this] {
        m_lock->disarm();
        if (!m_loginDialog && !m_connectionDialog)
            Q_EMIT finished();
    });
    window->show();
    // The login dialog had the keyboard; the window the user works in takes it over.
    window->raise();
    window->activateWindow();
    m_lock->arm(window);
    offerUnfinishedBatches();
}

void ConsoleSession::resumeInterruptedBatches()
{
    const QList<qint64> ids = std::exchange(m_interruptedBySession, {});
    if (!m_bulk || !m_client->isLoggedIn())
        return;
    for (const qint64 id : ids)
        m_bulk->resume(id);
}

void ConsoleSession::offerUnfinishedBatches()
{
    if (!m_bulk || !m_mainWindow)
        return;
    const QList<BatchJournal::Batch> unfinished = m_bulk->unfinishedBatches();
    if (unfinished.isEmpty())
        return;
    const QLocale locale;
    QStringList lines;
    for (const BatchJournal::Batch &batch : unfinished)
        lines << tr("Batch %1 (%2, %3): %4 of %5 items answered")
                     .arg(batch.id)
                     .arg(BulkBatchesModel::kindText(batch.kind), BulkBatchesModel::sourceText(batch.source),
                          locale.toString(batch.succeeded + batch.failed + batch.skipped), locale.toString(batch.items));
    auto *box = new QMessageBox(QMessageBox::Question, tr("Unfinished bulk processing"),
                                tr("%n bulk batch(es) did not finish last time (the console closed or the connection "
                                   "was lost). Finish them now? The same requests are sent again under the same keys, "
                                   "so no payment is captured or cancelled twice.",
                                   nullptr, int(unfinished.size())),
                                QMessageBox::NoButton, m_mainWindow);
    box->setObjectName(QStringLiteral("unfinishedBatchesBox"));
    box->setInformativeText(lines.join(u'\n'));
    QPushButton *finish = box->addButton(tr("&Finish now"), QMessageBox::AcceptRole);
    finish->setObjectName(QStringLiteral("finishNowButton"));
    box->addButton(tr("&Later"), QMessageBox::RejectRole);
    box->setDefaultButton(finish);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QList<qint64> ids;
    for (const BatchJournal::Batch &batch : unfinished)
        ids << batch.id;
    connect(finish, &QPushButton::clicked, this, [this, ids] {
        if (!m_bulk || !m_mainWindow)
            return;
        m_mainWindow->showPage(QStringLiteral("payments/bulk"));
        for (const qint64 id : ids)
            m_bulk->resume(id);
    });
    box->open();
}

void ConsoleSession::logout(bool pickCertificate)
{
    m_lock->disarm();
    m_interruptedBySession.clear();
    // The batch stops after the chunk in flight; what is left is offered at the next login.
    if (m_bulk)
        m_bulk->cancel();
    m_client->logout();
    if (m_mainWindow) {
        m_mainWindow->disconnect(this);
        m_mainWindow->close();
    }
    if (pickCertificate)
        showConnection();
    else
        showLogin();
}

} // namespace kessai
