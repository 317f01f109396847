#pragma once

#include "login/lockdialog.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointer>

#include <chrono>
#include <functional>

class QTimer;

namespace kessai {

class MerchantClient;

// Keeps an unattended console safe without losing work. While armed (a user is signed in and
// the main window is up) it locks the console
//  - after idleTimeout without keyboard or mouse input (15 minutes, the gateway's idle timeout),
//  - when the session reaches the age at which the gateway ends it (12 hours: a fresh login),
//  - when the gateway ends the session (any 401), instead of throwing the window away.
// Locked, every window of the console is curtained and the lock dialog asks for the password
// again. Nothing is closed: pages keep their filters, checks and rows, and a batch or an export
// goes on running underneath. The clock can be replaced (tests).
class SessionLock final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionLock)

public:
    using Clock = std::function<QDateTime()>;
    static constexpr std::chrono::minutes DefaultIdleTimeout{15};

    explicit SessionLock(MerchantClient *client, QObject *parent = nullptr);
    ~SessionLock() override;

    // Starts watching, over this window (the lock dialog's parent); input counts from now.
    void arm(QWidget *window);
    // Stops watching and lifts a lock without unlocking anything (logout).
    void disarm();
    bool isArmed() const { return !m_window.isNull(); }

    void setClock(Clock clock);
    void setIdleTimeout(std::chrono::seconds timeout) { m_idleTimeout = timeout; }

    bool isLocked() const { return !m_dialog.isNull(); }
    LockDialog *dialog() const { return m_dialog; }
    // Looks at the clock now (a timer does this every few seconds).
    void check();
    void lock(LockDialog::Reason reason);
    // Words for the lock dialog about work running under it, e.g. "一括処理 12 が実行中です".
    void setRunningWork(const QString &text);

Q_SIGNALS:
    void locked(kessai::LockDialog::Reason reason);
    // The same user signed in again; the window is uncovered.
    void unlocked();
    void logoutRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void cover(QWidget *window);
    void lift();

    MerchantClient *m_client;
    Clock m_clock;
    QTimer *m_timer;
    std::chrono::seconds m_idleTimeout = DefaultIdleTimeout;
    QDateTime m_lastInput;
    QPointer<QWidget> m_window;
    QPointer<LockDialog> m_dialog;
    QList<QPointer<LockCurtain>> m_curtains;
    QPointer<QWidget> m_focus;
    QString m_runningWork;
};

} // namespace kessai
