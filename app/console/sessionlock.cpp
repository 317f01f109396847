#include "sessionlock.h"

#include "api/merchantclient.h"

#include <QApplication>
#include <QEvent>
#include <QTimer>

namespace kessai {

SessionLock::SessionLock(MerchantClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
    , m_timer(new QTimer(this))
{
    m_timer->setInterval(std::chrono::seconds(5));
    connect(m_timer, &QTimer::timeout, this, &SessionLock::check);
    connect(m_client, &MerchantClient::sessionExpired, this, [this] {
        if (isArmed())
            lock(LockDialog::Reason::SessionEnded);
    });
}

SessionLock::~SessionLock()
{
    lift();
}

void SessionLock::setClock(Clock clock)
{
    m_clock = std::move(clock);
    m_lastInput = m_clock();
}

void SessionLock::arm(QWidget *window)
{
    if (m_window != window) {
        m_window = window;
        qApp->installEventFilter(this);
    }
    m_lastInput = m_clock();
    m_timer->start();
}

void SessionLock::disarm()
{
    m_timer->stop();
    qApp->removeEventFilter(this);
    m_window = nullptr;
    lift();
}

void SessionLock::check()
{
    if (!isArmed() || isLocked())
        return;
    const QDateTime now = m_clock();
    const QDateTime expiresAt = m_client->sessionExpiresAt();
    if (expiresAt.isValid() && now >= expiresAt)
        lock(LockDialog::Reason::SessionTooOld);
    else if (m_lastInput.secsTo(now) >= m_idleTimeout.count())
        lock(LockDialog::Reason::Idle);
}

void SessionLock::lock(LockDialog::Reason reason)
{
    if (!isArmed())
        return;
    if (m_dialog) {
        // Already locked: a session that ended under an idle lock is said so.
        if (reason != LockDialog::Reason::Idle)
            m_dialog->setReason(reason);
        return;
    }
    m_focus = QApplication::focusWidget();
    const int idleMinutes = int(std::chrono::duration_cast<std::chrono::minutes>(m_idleTimeout).count());
    auto *dialog = new LockDialog(m_client, reason, idleMinutes, m_window);
    m_dialog = dialog;
    dialog->setRunningWork(m_runningWork);
    for (QWidget *window : QApplication::topLevelWidgets()) {
        if (window != dialog && window->isVisible())
            cover(window);
    }
    connect(dialog, &QDialog::accepted, this, [this] {
        lift();
        m_lastInput = m_clock();
        if (m_focus) {
            m_focus->activateWindow();
            m_focus->setFocus();
        }
        Q_EMIT unlocked();
    });
    connect(dialog, &LockDialog::logoutRequested, this, &SessionLock::logoutRequested);
    dialog->show(); // application-modal (open() would make it only window-modal)
    dialog->raise();
    dialog->activateWindow();
    Q_EMIT locked(reason);
}

void SessionLock::setRunningWork(const QString &text)
{
    m_runningWork = text;
    if (m_dialog)
        m_dialog->setRunningWork(text);
}

void SessionLock::cover(QWidget *window)
{
    for (const QPointer<LockCurtain> &curtain : std::as_const(m_curtains)) {
        if (curtain && curtain->parentWidget() == window)
            return;
    }
    m_curtains.append(new LockCurtain(window));
}

void SessionLock::lift()
{
    for (const QPointer<LockCurtain> &curtain : std::as_const(m_curtains))
        delete curtain.data();
    m_curtains.clear();
    if (m_dialog) {
        m_dialog->disconnect(this);
        m_dialog->hide();
        m_dialog->deleteLater();
    }
    m_dialog = nullptr;
}

bool SessionLock::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
        if (isArmed() && !isLocked()) {
            const QDateTime now = m_clock();
            // A PC that slept (timers stopped) wakes with an input: past the idle time that
            // input locks instead of counting as activity, and it does not reach the page.
            if (m_lastInput.secsTo(now) >= m_idleTimeout.count()) {
                lock(LockDialog::Reason::Idle);
                return true;
            }
            m_lastInput = now;
        }
        break;
    case QEvent::Show:
        // A window that opens while locked (a message at the end of an export) is covered too,
        // and the lock dialog goes back on top of the modal stack so the password can be typed.
        if (isLocked() && watched->isWidgetType()) {
            auto *widget = static_cast<QWidget *>(watched);
            if (widget->isWindow() && widget != m_dialog && !qobject_cast<LockCurtain *>(widget)) {
                cover(widget);
                if (widget->isModal()) {
                    QTimer::singleShot(0, m_dialog, [dialog = m_dialog] {
                        if (!dialog)
                            return;
                        dialog->hide();
                        dialog->show();
                        dialog->raise();
                        dialog->activateWindow();
                    });
                }
            }
        }
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace kessai
