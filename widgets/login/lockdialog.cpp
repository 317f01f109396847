#include "lockdialog.h"

#include "api/apireply.h"
#include "api/merchantclient.h"
#include "common/inlinestatus.h"

#include <QCloseEvent>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace kessai {

LockDialog::LockDialog(MerchantClient *client, Reason reason, int idleMinutes, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_reason(reason)
    , m_idleMinutes(idleMinutes)
    , m_message(new QLabel)
    , m_running(new QLabel)
    , m_password(new QLineEdit)
    , m_status(new InlineStatus(QStringLiteral("lockError")))
    , m_buttons(new QDialogButtonBox)
{
    setObjectName(QStringLiteral("lockDialog"));
    setWindowTitle(tr("Locked"));
    setWindowModality(Qt::ApplicationModal);
    // No close button: the way out is the password or Log out.
    setWindowFlags((windowFlags() | Qt::CustomizeWindowHint | Qt::WindowTitleHint)
                   & ~(Qt::WindowCloseButtonHint | Qt::WindowContextHelpButtonHint));

    m_message->setObjectName(QStringLiteral("lockReason"));
    m_message->setWordWrap(true);
    m_running->setObjectName(QStringLiteral("lockRunningWork"));
    m_running->setWordWrap(true);
    m_running->hide();
    m_password->setObjectName(QStringLiteral("lockPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->installEventFilter(this);

    QPushButton *unlock = m_buttons->addButton(tr("&Unlock"), QDialogButtonBox::AcceptRole);
    unlock->setObjectName(QStringLiteral("unlockButton"));
    QPushButton *logout = m_buttons->addButton(tr("&Log out"), QDialogButtonBox::DestructiveRole);
    logout->setObjectName(QStringLiteral("lockLogoutButton"));
    logout->setAutoDefault(false);

    const UserInfo &user = client->user();
    auto *who = new QLabel(tr("<b>%1</b> (%2) — %3 %4")
                               .arg((user.name.isEmpty() ? user.loginId : user.name).toHtmlEscaped(),
                                    user.loginId.toHtmlEscaped(), user.merchantId.toHtmlEscaped(),
                                    user.merchantName.toHtmlEscaped()));
    who->setObjectName(QStringLiteral("lockUser"));
    who->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("Password:"), m_password);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_message);
    layout->addWidget(who);
    layout->addWidget(m_running);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);
    // Now that the button is in the dialog, the dialog keeps it the default through the focus
    // moves of a busy attempt (set earlier, the second Return after a wrong password did nothing).
    unlock->setDefault(true);

    connect(unlock, &QPushButton::clicked, this, &LockDialog::accept);
    connect(logout, &QPushButton::clicked, this, [this] {
        if (m_pending)
            m_pending->abort();
        m_password->clear();
        Q_EMIT logoutRequested();
    });
    connect(m_password, &QLineEdit::textEdited, m_status, &InlineStatus::clearError);
    setReason(reason);
    m_password->setFocus();
    resize(460, sizeHint().height());
}

LockDialog::~LockDialog()
{
    if (m_pending)
        m_pending->abort();
}

void LockDialog::setReason(Reason reason)
{
    m_reason = reason;
    switch (reason) {
    case Reason::Idle:
        m_message->setText(tr("The console was locked after %n minute(s) without input. Enter your password to go on "
                              "where you left off.",
                              nullptr, m_idleMinutes));
        break;
    case Reason::SessionTooOld:
        m_message->setText(tr("You signed in 12 hours ago. Enter your password to sign in again; your pages stay as "
                              "they are."));
        break;
    case Reason::SessionEnded:
        m_message->setText(tr("The gateway ended your session. Enter your password to sign in again; your pages stay "
                              "as they are, and bulk processing stopped by the gateway goes on after you sign in."));
        break;
    }
}

void LockDialog::setRunningWork(const QString &text)
{
    m_running->setText(text);
    m_running->setVisible(!text.isEmpty());
}

void LockDialog::setBusy(bool busy)
{
    m_status->setBusy(busy);
    m_password->setEnabled(!busy);
    for (QAbstractButton *button : m_buttons->buttons()) {
        if (m_buttons->buttonRole(button) == QDialogButtonBox::AcceptRole)
            button->setEnabled(!busy);
    }
}

void LockDialog::accept()
{
    if (m_pending)
        return;
    if (m_password->text().isEmpty()) {
        m_status->showError(tr("Enter your password."));
        m_password->setFocus();
        return;
    }
    m_status->clearError();
    setBusy(true);
    ApiReply *reply = m_client->reauthenticate(m_password->text());
    m_password->clear();
    m_pending = reply;
    connect(reply, &ApiReply::finished, this, [this, reply] {
        m_pending = nullptr;
        setBusy(false);
        if (reply->ok() && m_client->isLoggedIn()) {
            QDialog::accept();
            return;
        }
        if (reply->error().kind == ApiError::Kind::Cancelled)
            return;
        m_status->showError(reply->ok() ? tr("The gateway signed in another user. Log out and sign in again.")
                                        : reply->error().displayText());
        m_password->setFocus();
    });
}

void LockDialog::reject()
{
    // Escape does not unlock.
}

void LockDialog::closeEvent(QCloseEvent *event)
{
    event->ignore();
}

void LockDialog::showEvent(QShowEvent *event)
{
    m_shown.start();
    QDialog::showEvent(event);
}

bool LockDialog::acceptsInput() const
{
    return m_shown.isValid() && m_shown.elapsed() >= TypeAheadGraceMs;
}

bool LockDialog::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::KeyPress && !acceptsInput())
        return true; // typed for the page as it locked: dropped (Return included)
    return QDialog::eventFilter(watched, event);
}

LockCurtain::LockCurtain(QWidget *window)
    : QWidget(window)
{
    setObjectName(QStringLiteral("lockCurtain"));
    setAutoFillBackground(true);
    setAttribute(Qt::WA_NoMousePropagation);
    setFocusPolicy(Qt::StrongFocus);
    auto *label = new QLabel(tr("Kessai is locked"));
    label->setAlignment(Qt::AlignCenter);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * 1.4);
    label->setFont(font);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(label);
    setGeometry(window->rect());
    window->installEventFilter(this);
    raise();
    show();
}

bool LockCurtain::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == parent() && event->type() == QEvent::Resize) {
        setGeometry(parentWidget()->rect());
        raise();
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace kessai
