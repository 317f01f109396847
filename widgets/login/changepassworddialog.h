#pragma once

#include <QDialog>
#include <QPointer>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace kessai {

class ApiReply;
class InlineStatus;
class MerchantClient;

// The signed-in user's own password: the current one, the new one twice. The policy is shown
// beside the fields and checked as the user types (the gateway checks it again and its refusal
// is what the dialog shows). On success the gateway has ended the user's other sessions.
class ChangePasswordDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChangePasswordDialog)

public:
    enum class Mode {
        Voluntary, // File > Change password: Cancel closes it
        Required,  // an admin reset the password: the only other way out is to log out
    };

    ChangePasswordDialog(MerchantClient *client, Mode mode, QWidget *parent = nullptr);
    ~ChangePasswordDialog() override;

    void accept() override;
    void reject() override;

Q_SIGNALS:
    // Required mode: the user would rather log out than change it now.
    void logoutRequested();

private:
    // Why the typed passwords cannot be sent yet; empty when they can.
    QString problem() const;
    void updateState();
    void setBusy(bool busy);

    MerchantClient *m_client;
    Mode m_mode;
    QLineEdit *m_current;
    QLineEdit *m_new;
    QLineEdit *m_confirm;
    QLabel *m_hint;
    InlineStatus *m_status;
    QDialogButtonBox *m_buttons;
    QPointer<ApiReply> m_pending;
};

} // namespace kessai
