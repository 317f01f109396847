#include "changepassworddialog.h"

#include "api/apireply.h"
#include "api/merchantclient.h"
#include "api/useradmin.h"
#include "common/inlinestatus.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace kessai {

ChangePasswordDialog::ChangePasswordDialog(MerchantClient *client, Mode mode, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_mode(mode)
    , m_current(new QLineEdit)
    , m_new(new QLineEdit)
    , m_confirm(new QLineEdit)
    , m_hint(new QLabel)
    , m_status(new InlineStatus(QStringLiteral("changePasswordError")))
    , m_buttons(new QDialogButtonBox)
{
    setObjectName(QStringLiteral("changePasswordDialog"));
    setWindowTitle(tr("Change password"));
    m_current->setObjectName(QStringLiteral("currentPassword"));
    m_new->setObjectName(QStringLiteral("newPassword"));
    m_confirm->setObjectName(QStringLiteral("confirmPassword"));
    for (QLineEdit *field : {m_current, m_new, m_confirm}) {
        field->setEchoMode(QLineEdit::Password);
        field->setMaxLength(256);
        connect(field, &QLineEdit::textEdited, this, [this] {
            m_status->clearError();
            updateState();
        });
    }
    m_hint->setObjectName(QStringLiteral("passwordHint"));
    m_hint->setWordWrap(true);

    QPushButton *change = m_buttons->addButton(tr("&Change password"), QDialogButtonBox::AcceptRole);
    change->setObjectName(QStringLiteral("changePasswordButton"));
    if (mode == Mode::Required) {
        // No close button: the way on is a new password, the way out is to log out.
        setWindowFlags((windowFlags() | Qt::CustomizeWindowHint | Qt::WindowTitleHint)
                       & ~(Qt::WindowCloseButtonHint | Qt::WindowContextHelpButtonHint));
        QPushButton *logout = m_buttons->addButton(tr("&Log out"), QDialogButtonBox::DestructiveRole);
        logout->setObjectName(QStringLiteral("changePasswordLogoutButton"));
        logout->setAutoDefault(false);
        connect(logout, &QPushButton::clicked, this, [this] {
            if (m_pending)
                m_pending->abort();
            Q_EMIT logoutRequested();
            QDialog::reject();
        });
    } else {
        m_buttons->addButton(QDialogButtonBox::Cancel);
        connect(m_buttons, &QDialogButtonBox::rejected, this, &ChangePasswordDialog::reject);
    }
    connect(change, &QPushButton::clicked, this, &ChangePasswordDialog::accept);

    auto *message = new QLabel;
    message->setObjectName(QStringLiteral("changePasswordMessage"));
    message->setWordWrap(true);
    const UserInfo &user = client->user();
    const QString who = tr("<b>%1</b> (%2)").arg((user.name.isEmpty() ? user.loginId : user.name).toHtmlEscaped(),
                                                 user.loginId.toHtmlEscaped());
    message->setText(mode == Mode::Required
                         ? who + u"<br>" + tr("An administrator has reset your password. Choose a new one to go on.")
                         : who + u"<br>" + tr("Your other sessions end when the password is changed."));

    auto *form = new QFormLayout;
    form->addRow(tr("Current password:"), m_current);
    form->addRow(tr("New password:"), m_new);
    form->addRow(tr("New password again:"), m_confirm);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(message);
    layout->addLayout(form);
    layout->addWidget(m_hint);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);
    change->setDefault(true);
    updateState();
    m_current->setFocus();
    resize(480, sizeHint().height());
}

ChangePasswordDialog::~ChangePasswordDialog()
{
    if (m_pending)
        m_pending->abort();
}

QString ChangePasswordDialog::problem() const
{
    if (m_current->text().isEmpty())
        return tr("Enter your current password.");
    if (!meetsPasswordPolicy(m_new->text()))
        return tr("The new password needs at least 12 characters, with letters and digits.");
    if (m_new->text() == m_current->text())
        return tr("The new password must differ from the current one.");
    if (m_confirm->text() != m_new->text())
        return tr("Type the new password again, the same way.");
    return {};
}

void ChangePasswordDialog::updateState()
{
    const QString why = problem();
    m_hint->setText(why.isEmpty() ? tr("Ready to change.") : why);
    for (QAbstractButton *button : m_buttons->buttons()) {
        if (m_buttons->buttonRole(button) == QDialogButtonBox::AcceptRole)
            button->setEnabled(why.isEmpty() && !m_pending);
    }
}

void ChangePasswordDialog::setBusy(bool busy)
{
    m_status->setBusy(busy);
    for (QLineEdit *field : {m_current, m_new, m_confirm})
        field->setEnabled(!busy);
    updateState();
}

void ChangePasswordDialog::accept()
{
    if (m_pending || !problem().isEmpty())
        return;
    m_status->clearError();
    ApiReply *reply = m_client->changePassword(m_current->text(), m_new->text());
    m_pending = reply;
    setBusy(true);
    connect(reply, &ApiReply::finished, this, [this, reply] {
        m_pending = nullptr;
        setBusy(false);
        if (reply->ok()) {
            for (QLineEdit *field : {m_current, m_new, m_confirm})
                field->clear();
            QDialog::accept();
            return;
        }
        if (reply->error().kind == ApiError::Kind::Cancelled)
            return;
        m_status->showError(reply->error().displayText());
        QLineEdit *again = reply->error().code == QLatin1String("wrong_password") ? m_current : m_new;
        again->selectAll();
        again->setFocus();
        updateState();
    });
}

void ChangePasswordDialog::reject()
{
    // Required: Escape does not skip the change (Log out is the way out).
    if (m_mode == Mode::Required)
        return;
    if (m_pending)
        m_pending->abort();
    QDialog::reject();
}

} // namespace kessai
