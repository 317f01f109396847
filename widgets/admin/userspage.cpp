#include "userspage.h"

#include "admin/usereditordialog.h"
#include "admin/usersmodel.h"
#include "api/apireply.h"
#include "api/merchantclient.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDateTime>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTableView>
#include <QVBoxLayout>

#include <fcntl.h>
#include <unistd.h>

namespace kessai {

namespace {

// The PKCS#12 holds a private key: created for the owner only, never over another file.
bool writePrivateFile(const QString &path, const QByteArray &bytes, QString *error)
{
    const QByteArray name = QFile::encodeName(path);
    const int fd = ::open(name.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        *error = errno == EEXIST ? UsersPage::tr("%1 exists already; choose another name.").arg(path)
                                 : QString::fromLocal8Bit(strerror(errno));
        return false;
    }
    qsizetype written = 0;
    while (written < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.constData() + written, size_t(bytes.size() - written));
        if (n < 0) {
            *error = QString::fromLocal8Bit(strerror(errno));
            ::close(fd);
            ::unlink(name.constData());
            return false;
        }
        written += n;
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        *error = QString::fromLocal8Bit(strerror(errno));
        ::unlink(name.constData());
        return false;
    }
    return true;
}

} // namespace

UsersPage::UsersPage(MerchantClient *client, QWidget *parent)
    : Page(parent)
    , m_client(client)
    , m_model(new UsersModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_filter(new QLineEdit)
    , m_view(new QTableView)
    , m_create(new QPushButton(tr("&New user…")))
    , m_edit(new QPushButton(tr("&Edit…")))
    , m_enable(new QPushButton(tr("&Disable")))
    , m_unlock(new QPushButton(tr("&Unlock")))
    , m_issue(new QPushButton(tr("&Issue certificate…")))
    , m_revoke(new QPushButton(tr("&Revoke certificate…")))
    , m_resetPassword(new QPushButton(tr("Reset &password…")))
    , m_status(new QLabel)
    , m_why(new QLabel)
    , m_reloadAction(new QAction(tr("Reload users"), this))
    , m_createAction(new QAction(tr("New user…"), this))
{
    setObjectName(QStringLiteral("usersPage"));
    m_filter->setObjectName(QStringLiteral("userFilter"));
    m_filter->setPlaceholderText(tr("Filter by login ID or name"));
    m_filter->setClearButtonEnabled(true);
    for (QPushButton *button : {m_create, m_edit, m_enable, m_unlock, m_resetPassword, m_issue, m_revoke})
        button->setAutoDefault(false);
    m_create->setObjectName(QStringLiteral("createUser"));
    m_edit->setObjectName(QStringLiteral("editUser"));
    m_enable->setObjectName(QStringLiteral("toggleUser"));
    m_unlock->setObjectName(QStringLiteral("unlockUser"));
    m_issue->setObjectName(QStringLiteral("issueCertificate"));
    m_revoke->setObjectName(QStringLiteral("revokeCertificate"));
    m_resetPassword->setObjectName(QStringLiteral("resetPassword"));
    m_status->setObjectName(QStringLiteral("usersStatus"));
    m_status->setWordWrap(true);
    m_why->setObjectName(QStringLiteral("usersWhy"));
    m_why->setWordWrap(true);
    m_why->setStyleSheet(QStringLiteral("color: palette(mid);"));

    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_view->setModel(m_proxy);
    m_view->setObjectName(QStringLiteral("usersView"));
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(UsersModel::LoginIdColumn, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);

    auto *top = new QHBoxLayout;
    top->addWidget(m_filter, 1);
    top->addWidget(m_create);
    auto *actions = new QHBoxLayout;
    for (QPushButton *button : {m_edit, m_enable, m_unlock, m_resetPassword, m_issue, m_revoke})
        actions->addWidget(button);
    actions->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);
    layout->addLayout(actions);
    layout->addWidget(m_why);
    layout->addWidget(m_status);

    m_reloadAction->setShortcut(QKeySequence::Refresh);
    m_createAction->setShortcut(QKeySequence::New);
    connect(m_reloadAction, &QAction::triggered, this, &UsersPage::reload);
    connect(m_createAction, &QAction::triggered, this, &UsersPage::askCreate);
    connect(m_create, &QPushButton::clicked, this, &UsersPage::askCreate);
    connect(m_edit, &QPushButton::clicked, this, &UsersPage::askEdit);
    connect(m_view, &QTableView::activated, this, &UsersPage::askEdit);
    connect(m_enable, &QPushButton::clicked, this, &UsersPage::askToggleEnabled);
    connect(m_unlock, &QPushButton::clicked, this, [this] { unlock(currentLoginId()); });
    connect(m_issue, &QPushButton::clicked, this, &UsersPage::askIssue);
    connect(m_resetPassword, &QPushButton::clicked, this, &UsersPage::askResetPassword);
    connect(m_revoke, &QPushButton::clicked, this, &UsersPage::askRevoke);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &UsersPage::currentChanged);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &UsersPage::currentChanged);
    currentChanged();
}

UsersPage::~UsersPage() = default;

void UsersPage::pageShown(bool firstTime)
{
    if (firstTime)
        reload();
    m_view->setFocus();
}

QList<QAction *> UsersPage::menuActions() const
{
    return {m_createAction, m_reloadAction};
}

void UsersPage::reload()
{
    if (!m_client)
        return;
    const QString current = currentLoginId();
    ApiReply *reply = m_client->users();
    connect(reply, &ApiReply::finished, this, [this, reply, current] {
        if (!reply->ok()) {
            showError(reply->error());
            return;
        }
        const auto users = readUsers(*reply);
        if (!users) {
            m_status->setText(tr("The gateway's answer could not be read."));
            return;
        }
        m_model->setUsers(*users);
        m_view->resizeColumnsToContents();
        selectUser(current.isEmpty() && !users->isEmpty() ? users->first().loginId : current);
        Q_EMIT usersLoaded();
    });
}

void UsersPage::selectUser(const QString &loginId)
{
    const int row = m_model->rowOf(loginId);
    if (row >= 0)
        m_view->setCurrentIndex(m_proxy->mapFromSource(m_model->index(row, 0)));
}

QString UsersPage::currentLoginId() const
{
    return m_proxy->mapToSource(m_view->currentIndex()).data(UsersModel::LoginIdRole).toString();
}

void UsersPage::currentChanged()
{
    const ManagedUser *user = m_model->userAt(m_proxy->mapToSource(m_view->currentIndex()).row());
    const UserInfo me = m_client ? m_client->user() : UserInfo();
    const bool self = user && user->loginId == me.loginId;
    // A general user with manage_users never touches an admin's account, nor one holding a right
    // it lacks itself (the gateway says 403 anyway).
    bool mayTouch = user != nullptr;
    QString why;
    if (user && !me.isAdmin()) {
        if (user->isAdmin()) {
            mayTouch = false;
            why = tr("Only an administrator can change an administrator's account.");
        } else {
            for (const QString &permission : user->permissions) {
                if (!me.can(permission)) {
                    mayTouch = false;
                    why = tr("%1 holds rights you do not hold yourself, so only an administrator can change the account.")
                              .arg(user->loginId);
                    break;
                }
            }
        }
    }
    m_edit->setEnabled(mayTouch);
    m_enable->setEnabled(mayTouch && !self);
    m_enable->setText(user && !user->enabled ? tr("&Enable") : tr("&Disable"));
    m_unlock->setEnabled(mayTouch && user->lockedUntil > QDateTime::currentSecsSinceEpoch());
    m_issue->setEnabled(mayTouch);
    // Your own password: File → Change password (the gateway refuses a reset of it too).
    m_resetPassword->setEnabled(mayTouch && !self);
    m_revoke->setEnabled(mayTouch && !self && user->hasActiveCertificate());
    if (mayTouch && self)
        why = tr("You cannot disable yourself or revoke your own certificate: nobody could undo it. Change your own "
                 "password with File → Change password.");
    m_why->setText(why);
    m_why->setVisible(!why.isEmpty());
}

void UsersPage::finishAction(ApiReply *reply, const QString &doneText)
{
    connect(reply, &ApiReply::finished, this, [this, reply, doneText] {
        if (!reply->ok()) {
            showError(reply->error());
            Q_EMIT actionFinished(false, reply->error().displayText());
            return;
        }
        if (const auto user = readManagedUser(*reply)) {
            m_model->updateUser(*user);
            selectUser(user->loginId);
        }
        m_status->setText(doneText);
        Q_EMIT actionFinished(true, doneText);
    });
}

void UsersPage::createUser(const QString &loginId, const UserChange &user, const QString &initialPassword)
{
    if (m_client)
        finishAction(m_client->createUser(loginId, user, initialPassword),
                     tr("User %1 created. Issue a certificate so that the user can log in.").arg(loginId));
}

void UsersPage::changeUser(const QString &loginId, const UserChange &change)
{
    if (m_client && !change.isEmpty())
        finishAction(m_client->updateUser(loginId, change), tr("User %1 saved.").arg(loginId));
}

void UsersPage::unlock(const QString &loginId)
{
    if (m_client && !loginId.isEmpty())
        finishAction(m_client->unlockUser(loginId), tr("User %1 unlocked.").arg(loginId));
}

void UsersPage::revokeCertificate(const QString &loginId)
{
    if (m_client && !loginId.isEmpty())
        finishAction(m_client->revokeCertificate(loginId),
                     tr("The certificate of %1 is revoked: its next connection is refused.").arg(loginId));
}

void UsersPage::issueCertificate(const QString &loginId, const QString &path)
{
    if (!m_client || loginId.isEmpty())
        return;
    if (QFile::exists(path)) {
        const QString message = tr("%1 exists already; choose another name.").arg(path);
        m_status->setText(message);
        Q_EMIT actionFinished(false, message);
        return;
    }
    ApiReply *reply = m_client->issueCertificate(loginId);
    connect(reply, &ApiReply::finished, this, [this, reply, loginId, path] {
        if (!reply->ok()) {
            showError(reply->error());
            Q_EMIT actionFinished(false, reply->error().displayText());
            return;
        }
        const std::optional<IssuedCertificate> issued = readIssuedCertificate(*reply);
        QString error;
        if (!issued || !writePrivateFile(path, issued->p12, &error)) {
            // The old certificate is already revoked; issue again once the place is right.
            const QString message = tr("The certificate was issued but could not be saved (%1). Issue it again.")
                                        .arg(issued ? error : tr("unreadable answer"));
            m_status->setText(message);
            reload();
            Q_EMIT actionFinished(false, message);
            return;
        }
        m_lastPassphrase = issued->passphrase;
        reload();
        const QString done = tr("Certificate for %1 saved to %2.").arg(loginId, QDir::toNativeSeparators(path));
        m_status->setText(done);
        showSecretOnce(tr("Certificate issued"),
                       tr("The certificate of %1 is saved to:\n%2\n\nIts passphrase is shown only now. Give the file "
                          "and the passphrase to the user by different channels (for example the file by e-mail, "
                          "the passphrase by phone).")
                           .arg(loginId, QDir::toNativeSeparators(path)),
                       issued->passphrase);
        Q_EMIT actionFinished(true, done);
    });
}

void UsersPage::showSecretOnce(const QString &title, const QString &text, const QString &secret)
{
    if (qEnvironmentVariableIsSet("KESSAI_TEST_NO_DIALOGS"))
        return;
    QDialog dialog(this);
    dialog.setObjectName(QStringLiteral("secretDialog"));
    dialog.setWindowTitle(title);
    auto *label = new QLabel(text);
    label->setWordWrap(true);
    auto *field = new QLineEdit(secret);
    field->setObjectName(QStringLiteral("secret"));
    field->setReadOnly(true);
    QFont mono = field->font();
    mono.setFamily(QStringLiteral("monospace"));
    field->setFont(mono);
    auto *copy = new QPushButton(tr("&Copy"));
    connect(copy, &QPushButton::clicked, &dialog, [&secret] { QApplication::clipboard()->setText(secret); });
    auto *row = new QHBoxLayout;
    row->addWidget(field, 1);
    row->addWidget(copy);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::accept);
    auto *layout = new QVBoxLayout(&dialog);
    layout->addWidget(label);
    layout->addLayout(row);
    layout->addWidget(buttons);
    dialog.resize(520, dialog.sizeHint().height());
    dialog.exec();
    // The secret leaves the clipboard with the dialog.
    if (QApplication::clipboard()->text() == secret)
        QApplication::clipboard()->clear();
}

void UsersPage::resetPassword(const QString &loginId)
{
    if (!m_client || loginId.isEmpty())
        return;
    ApiReply *reply = m_client->resetUserPassword(loginId);
    connect(reply, &ApiReply::finished, this, [this, reply, loginId] {
        if (!reply->ok()) {
            showError(reply->error());
            Q_EMIT actionFinished(false, reply->error().displayText());
            return;
        }
        const std::optional<QString> password = readResetPassword(*reply);
        reload();
        if (!password) {
            // The reset happened (the old password no longer works); the answer was lost.
            const QString message = tr("The password of %1 was reset but the gateway's answer could not be read. "
                                       "Reset it again.")
                                        .arg(loginId);
            m_status->setText(message);
            Q_EMIT actionFinished(false, message);
            return;
        }
        m_lastResetPassword = *password;
        const QString done = tr("The password of %1 is reset; they choose a new one at their next login.").arg(loginId);
        m_status->setText(done);
        showSecretOnce(tr("Password reset"),
                       tr("The new password of %1 is shown only now. Give it to the user by a channel other than the "
                          "certificate's (for example by phone). At their next login they must choose their own.")
                           .arg(loginId),
                       *password);
        Q_EMIT actionFinished(true, done);
    });
}

void UsersPage::askResetPassword()
{
    const ManagedUser *user = m_model->userAt(m_model->rowOf(currentLoginId()));
    if (!user || !m_resetPassword->isEnabled())
        return;
    if (QMessageBox::warning(this, tr("Reset password"),
                             tr("Reset the password of %1 (%2)? Their sessions end at once, the gateway makes a new "
                                "password that is shown to you once, and they must change it at their next login.")
                                 .arg(user->loginId, user->name),
                             QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
        == QMessageBox::Yes)
        resetPassword(user->loginId);
}

void UsersPage::askCreate()
{
    const UserInfo me = m_client ? m_client->user() : UserInfo();
    UserEditorDialog dialog(std::nullopt, me.role, me.permissions, me.loginId, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QString password = dialog.initialPassword();
    createUser(dialog.loginId(), dialog.change(), password);
    QMessageBox::information(this, tr("New user"),
                             tr("Initial password of %1 (shown only now):\n\n%2\n\nThe user cannot log in until you issue a "
                                "certificate.")
                                 .arg(dialog.loginId(), password));
}

void UsersPage::askEdit()
{
    const ManagedUser *user = m_model->userAt(m_proxy->mapToSource(m_view->currentIndex()).row());
    if (!user || !m_edit->isEnabled())
        return;
    const UserInfo me = m_client ? m_client->user() : UserInfo();
    UserEditorDialog dialog(*user, me.role, me.permissions, me.loginId, this);
    if (dialog.exec() == QDialog::Accepted)
        changeUser(user->loginId, dialog.change());
}

void UsersPage::askToggleEnabled()
{
    const ManagedUser *user = m_model->userAt(m_proxy->mapToSource(m_view->currentIndex()).row());
    if (!user)
        return;
    UserChange change;
    change.enabled = !user->enabled;
    if (user->enabled
        && QMessageBox::question(this, tr("Disable user"),
                                 tr("Disable %1 (%2)? Their sessions end at once and they cannot log in until enabled again.")
                                     .arg(user->loginId, user->name))
               != QMessageBox::Yes)
        return;
    changeUser(user->loginId, change);
}

void UsersPage::askIssue()
{
    const QString loginId = currentLoginId();
    const ManagedUser *user = m_model->userAt(m_model->rowOf(loginId));
    if (!user)
        return;
    if (user->hasActiveCertificate()
        && QMessageBox::question(this, tr("Issue certificate"),
                                 tr("%1 has a certificate. Issuing a new one revokes it and ends its sessions. Go on?").arg(loginId))
               != QMessageBox::Yes)
        return;
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path = QFileDialog::getSaveFileName(this, tr("Save the certificate of %1").arg(loginId),
                                                      QDir(folder).filePath(loginId + QStringLiteral(".p12")),
                                                      tr("PKCS#12 certificate (*.p12)"));
    if (!path.isEmpty())
        issueCertificate(loginId, path);
}

void UsersPage::askRevoke()
{
    const ManagedUser *user = m_model->userAt(m_model->rowOf(currentLoginId()));
    if (!user)
        return;
    if (QMessageBox::warning(this, tr("Revoke certificate"),
                             tr("Revoke the certificate of %1 (%2)? They cannot connect until a new one is issued.")
                                 .arg(user->loginId, user->name),
                             QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
        == QMessageBox::Yes)
        revokeCertificate(user->loginId);
}

void UsersPage::showError(const ApiError &error)
{
    m_status->setText(error.displayText());
}

} // namespace kessai
