#pragma once

#include <QDialog>
#include <QElapsedTimer>
#include <QPointer>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace kessai {

class ApiReply;
class InlineStatus;
class MerchantClient;

// The lock screen: the signed-in user's password again, over a console whose windows are
// curtained. Unlocking signs the same user in again (MerchantClient::reauthenticate) without
// touching the pages, their filters and checks, or a batch or export that is running. The only
// other way out is to log out; Escape and the close button do nothing.
class LockDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LockDialog)

public:
    enum class Reason {
        Idle,          // no input for the idle time
        SessionTooOld, // the session reached its absolute age: a fresh login
        SessionEnded,  // the gateway refused the session (401)
    };

    LockDialog(MerchantClient *client, Reason reason, int idleMinutes, QWidget *parent = nullptr);
    ~LockDialog() override;

    Reason reason() const { return m_reason; }
    // A later cause while locked (the session ended during an idle lock) updates the words.
    void setReason(Reason reason);
    // Shown under the reason while locked: work that keeps running (a batch, an export).
    void setRunningWork(const QString &text);

    // Keys pressed in the first moment after the lock appears were meant for the page (the
    // user was typing as it locked): they are dropped, never typed into the password field
    // where an Enter would spend a failed login on them.
    static constexpr int TypeAheadGraceMs = 700;
    bool acceptsInput() const;

    void accept() override;
    void reject() override;

Q_SIGNALS:
    void logoutRequested();

protected:
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void setBusy(bool busy);

    MerchantClient *m_client;
    Reason m_reason;
    int m_idleMinutes;
    QLabel *m_message;
    QLabel *m_running;
    QLineEdit *m_password;
    InlineStatus *m_status;
    QDialogButtonBox *m_buttons;
    QPointer<ApiReply> m_pending;
    QElapsedTimer m_shown;
};

// An opaque cover over one window while the console is locked: what the window shows is not
// readable and it takes no clicks. Follows the window's size; deleted with unlock.
class LockCurtain final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LockCurtain)

public:
    explicit LockCurtain(QWidget *window);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
};

} // namespace kessai
