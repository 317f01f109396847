#pragma once

#include "api/useradmin.h"
#include "common/page.h"

#include <QPointer>

class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace kessai {

class MerchantClient;
class UsersModel;
struct ApiError;

// ユーザー管理: the merchant's users with their state and certificate; create and edit them (role
// and the permission matrix), disable or enable, unlock, issue a certificate (the PKCS#12 saved
// where the admin chooses, its one-time passphrase shown once) and revoke one. What is not
// offered says why; the gateway refuses it anyway, and its refusal is what the page shows.
class UsersPage final : public Page
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UsersPage)

public:
    explicit UsersPage(MerchantClient *client, QWidget *parent = nullptr);
    ~UsersPage() override;

    void pageShown(bool firstTime) override;
    QList<QAction *> menuActions() const override;

    void reload();
    UsersModel *model() const { return m_model; }
    void selectUser(const QString &loginId);
    QString currentLoginId() const;

    // The actions without their dialogs (the buttons ask first); each ends with actionFinished.
    void createUser(const QString &loginId, const UserChange &user, const QString &initialPassword);
    void changeUser(const QString &loginId, const UserChange &change);
    void unlock(const QString &loginId);
    void revokeCertificate(const QString &loginId);
    // Issues a certificate and writes its PKCS#12 to path (0600, never over an existing file);
    // the passphrase is in lastPassphrase() and shown once.
    void issueCertificate(const QString &loginId, const QString &path);
    QString lastPassphrase() const { return m_lastPassphrase; }
    // Has the gateway generate a new password for the user (shown once; lastResetPassword()),
    // which the user must change at the next login; their sessions end.
    void resetPassword(const QString &loginId);
    QString lastResetPassword() const { return m_lastResetPassword; }

Q_SIGNALS:
    void usersLoaded();
    void actionFinished(bool ok, const QString &message);

private:
    void currentChanged();
    void askCreate();
    void askEdit();
    void askToggleEnabled();
    void askIssue();
    void askRevoke();
    void askResetPassword();
    // A secret the gateway shows once (a passphrase, a generated password), with Copy; it leaves
    // the clipboard when the dialog closes.
    void showSecretOnce(const QString &title, const QString &text, const QString &secret);
    void finishAction(ApiReply *reply, const QString &doneText);
    void showError(const ApiError &error);

    QPointer<MerchantClient> m_client;
    UsersModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_filter;
    QTableView *m_view;
    QPushButton *m_create;
    QPushButton *m_edit;
    QPushButton *m_enable;
    QPushButton *m_unlock;
    QPushButton *m_issue;
    QPushButton *m_revoke;
    QPushButton *m_resetPassword;
    QLabel *m_status;
    QLabel *m_why;
    QAction *m_reloadAction;
    QAction *m_createAction;
    QString m_lastPassphrase;
    QString m_lastResetPassword;
};

} // namespace kessai
