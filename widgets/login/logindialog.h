#pragma once

#include <QDialog>
#include <QPointer>

class QDialogButtonBox;
class QLineEdit;

namespace kessai {

class ApiReply;
class InlineStatus;
class MerchantClient;

// ID + password, sent over the connection that carries the user's certificate. Stays open with
// an inline message when the gateway refuses; closes when the session is established.
class LoginDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LoginDialog)

public:
    LoginDialog(MerchantClient *client, const QString &certificateSubject, QWidget *parent = nullptr);
    ~LoginDialog() override;

    void setLoginId(const QString &loginId);
    QString loginId() const;
    void accept() override;
    void reject() override;

Q_SIGNALS:
    // The user wants to pick another certificate or gateway.
    void changeConnectionRequested();

private:
    void setBusy(bool busy);

    MerchantClient *m_client;
    QLineEdit *m_loginId;
    QLineEdit *m_password;
    InlineStatus *m_status;
    QDialogButtonBox *m_buttons;
    QPointer<ApiReply> m_pending;
};

} // namespace kessai
