#include "logindialog.h"

#include "api/apireply.h"
#include "api/merchantclient.h"
#include "common/inlinestatus.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace kessai {

LoginDialog::LoginDialog(MerchantClient *client, const QString &certificateSubject, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_loginId(new QLineEdit)
    , m_password(new QLineEdit)
    , m_status(new InlineStatus(QStringLiteral("loginError")))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel))
{
    setObjectName(QStringLiteral("loginDialog"));
    setWindowTitle(tr("Log in"));
    m_loginId->setObjectName(QStringLiteral("loginId"));
    m_loginId->setMaxLength(64);
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setEchoMode(QLineEdit::Password);

    QPushButton *ok = m_buttons->button(QDialogButtonBox::Ok);
    ok->setText(tr("Log in"));
    ok->setObjectName(QStringLiteral("loginButton"));
    QPushButton *change = m_buttons->addButton(tr("Change certificate…"), QDialogButtonBox::ResetRole);
    change->setObjectName(QStringLiteral("changeCertificateButton"));

    auto *header = new QLabel(tr("<b>%1</b><br>Certificate: %2")
                                  .arg(client->baseUrl().toDisplayString().toHtmlEscaped(),
                                       certificateSubject.toHtmlEscaped()));
    header->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("Login ID:"), m_loginId);
    form->addRow(tr("Password:"), m_password);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(header);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &LoginDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &LoginDialog::reject);
    connect(change, &QPushButton::clicked, this, [this] {
        Q_EMIT changeConnectionRequested();
        reject();
    });
    connect(m_password, &QLineEdit::textEdited, m_status, &InlineStatus::clearError);
    resize(440, sizeHint().height());
}

LoginDialog::~LoginDialog()
{
    if (m_pending)
        m_pending->abort();
}

void LoginDialog::setLoginId(const QString &loginId)
{
    m_loginId->setText(loginId);
    (loginId.isEmpty() ? m_loginId : m_password)->setFocus();
}

QString LoginDialog::loginId() const
{
    return m_loginId->text().trimmed();
}

void LoginDialog::setBusy(bool busy)
{
    m_status->setBusy(busy);
    m_loginId->setEnabled(!busy);
    m_password->setEnabled(!busy);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!busy);
}

void LoginDialog::accept()
{
    if (m_pending)
        return;
    if (loginId().isEmpty() || m_password->text().isEmpty()) {
        m_status->showError(tr("Enter your login ID and password."));
        (loginId().isEmpty() ? m_loginId : m_password)->setFocus();
        return;
    }
    m_status->clearError();
    setBusy(true);
    ApiReply *reply = m_client->login(loginId(), m_password->text());
    m_pending = reply;
    connect(reply, &ApiReply::finished, this, [this, reply] {
        m_pending = nullptr;
        setBusy(false);
        if (reply->ok()) {
            m_password->clear();
            QDialog::accept();
            return;
        }
        if (reply->error().kind == ApiError::Kind::Cancelled)
            return;
        m_status->showError(reply->error().displayText());
        m_password->selectAll();
        m_password->setFocus();
    });
}

void LoginDialog::reject()
{
    if (m_pending)
        m_pending->abort();
    m_password->clear();
    QDialog::reject();
}

} // namespace kessai
