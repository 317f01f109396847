#include "connectiondialog.h"

#include <QCheckBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

#include <functional>

namespace kessai {

namespace {

QLabel *makeErrorLabel(const QString &objectName)
{
    auto *label = new QLabel;
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: #b01c1c;"));
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->hide();
    return label;
}

QWidget *withBrowseButton(QLineEdit *edit, const QString &buttonName, QObject *context,
                          const std::function<void()> &onBrowse)
{
    auto *row = new QWidget;
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(edit, 1);
    auto *button = new QPushButton(QCoreApplication::translate("kessai::ConnectionDialog", "Browse…"));
    button->setObjectName(buttonName);
    QObject::connect(button, &QPushButton::clicked, context, onBrowse);
    layout->addWidget(button);
    return row;
}

} // namespace

ConnectionDialog::ConnectionDialog(const Profile &profile, QWidget *parent)
    : QDialog(parent)
    , m_profileName(profile.name)
    , m_url(new QLineEdit(profile.gatewayUrl.toString()))
    , m_caPath(new QLineEdit(profile.caPath))
    , m_p12Path(new QLineEdit(profile.p12Path))
    , m_passphrase(new QLineEdit)
    , m_passphraseError(makeErrorLabel(QStringLiteral("passphraseError")))
    , m_generalError(makeErrorLabel(QStringLiteral("connectionError")))
    , m_remember(new QCheckBox(tr("Remember the passphrase in the system keychain")))
    , m_subject(new QLabel)
    , m_issuer(new QLabel)
    , m_validity(new QLabel)
    , m_fingerprint(new QLabel)
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel))
{
    setWindowTitle(tr("Certificate and gateway"));
    setObjectName(QStringLiteral("connectionDialog"));
    m_url->setObjectName(QStringLiteral("gatewayUrl"));
    m_url->setPlaceholderText(QStringLiteral("https://gateway.example.jp:8443"));
    m_caPath->setObjectName(QStringLiteral("caPath"));
    m_caPath->setPlaceholderText(tr("PEM file of the CA that signed the gateway (empty: the CA in your certificate file)"));
    m_p12Path->setObjectName(QStringLiteral("p12Path"));
    m_p12Path->setPlaceholderText(tr("Your client certificate (.p12 / .pfx)"));
    m_passphrase->setObjectName(QStringLiteral("passphrase"));
    m_passphrase->setEchoMode(QLineEdit::Password);
    m_remember->setObjectName(QStringLiteral("rememberPassphrase"));
    m_remember->setChecked(profile.rememberPassphrase);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Continue"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("continueButton"));

    auto *intro = new QLabel(tr("Each user connects with a personal client certificate issued by the "
                                "merchant administrator. Choose yours and enter its passphrase."));
    intro->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("Gateway URL:"), m_url);
    form->addRow(tr("CA certificate:"), withBrowseButton(m_caPath, QStringLiteral("browseCa"), this, [this] { browseCa(); }));
    form->addRow(tr("Client certificate:"),
                 withBrowseButton(m_p12Path, QStringLiteral("browseP12"), this, [this] { browseCertificate(); }));
    form->addRow(tr("Passphrase:"), m_passphrase);
    form->addRow(QString(), m_passphraseError);
    form->addRow(QString(), m_remember);

    auto *details = new QGroupBox(tr("Certificate"));
    auto *detailsForm = new QFormLayout(details);
    for (QLabel *label : {m_subject, m_issuer, m_validity, m_fingerprint}) {
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        label->setWordWrap(true);
    }
    m_subject->setObjectName(QStringLiteral("certificateSubject"));
    m_validity->setObjectName(QStringLiteral("certificateValidity"));
    m_fingerprint->setObjectName(QStringLiteral("certificateFingerprint"));
    m_fingerprint->setStyleSheet(QStringLiteral("font-family: monospace;"));
    detailsForm->addRow(tr("Issued to:"), m_subject);
    detailsForm->addRow(tr("Issued by:"), m_issuer);
    detailsForm->addRow(tr("Valid:"), m_validity);
    detailsForm->addRow(tr("SHA-256:"), m_fingerprint);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(details);
    layout->addWidget(m_generalError);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &ConnectionDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ConnectionDialog::reject);
    connect(m_passphrase, &QLineEdit::returnPressed, this, [this] { loadCertificate(); });
    connect(m_passphrase, &QLineEdit::textEdited, this, [this] { m_passphraseError->hide(); });
    for (QLineEdit *edit : {m_url, m_p12Path})
        connect(edit, &QLineEdit::textChanged, this, &ConnectionDialog::updateOkButton);
    connect(m_p12Path, &QLineEdit::textChanged, this, [this] {
        m_identity = {};
        showCertificate();
    });
    showCertificate();
    updateOkButton();
    (m_p12Path->text().isEmpty() ? m_p12Path : m_passphrase)->setFocus();
    resize(620, sizeHint().height());
}

ConnectionDialog::~ConnectionDialog() = default;

Profile ConnectionDialog::profile() const
{
    Profile p;
    p.name = m_profileName;
    p.gatewayUrl = QUrl::fromUserInput(m_url->text().trimmed());
    p.caPath = m_caPath->text().trimmed();
    p.p12Path = m_p12Path->text().trimmed();
    p.rememberPassphrase = m_remember->isChecked();
    return p;
}

QString ConnectionDialog::passphrase() const
{
    return m_passphrase->text();
}

void ConnectionDialog::updateOkButton()
{
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!m_url->text().trimmed().isEmpty()
                                                        && !m_p12Path->text().trimmed().isEmpty());
}

void ConnectionDialog::browseCertificate()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Choose your client certificate"), m_p12Path->text(),
                                                      tr("PKCS#12 certificates (*.p12 *.pfx);;All files (*)"));
    if (!path.isEmpty()) {
        m_p12Path->setText(path);
        m_passphrase->setFocus();
    }
}

void ConnectionDialog::browseCa()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Choose the gateway's CA certificate"), m_caPath->text(),
                                                      tr("Certificates (*.pem *.crt *.cer);;All files (*)"));
    if (!path.isEmpty())
        m_caPath->setText(path);
}

bool ConnectionDialog::loadCertificate()
{
    const ClientIdentity::LoadResult result = ClientIdentity::load(m_p12Path->text().trimmed(), m_passphrase->text());
    if (!result.ok()) {
        m_identity = {};
        m_passphraseError->setText(result.message);
        m_passphraseError->show();
        showCertificate();
        if (result.error == ClientIdentity::LoadError::WrongPassphrase) {
            m_passphrase->selectAll();
            m_passphrase->setFocus();
        }
        return false;
    }
    m_passphraseError->hide();
    m_identity = result.identity;
    showCertificate();
    return true;
}

void ConnectionDialog::showCertificate()
{
    if (m_identity.isNull()) {
        const QString unknown = tr("(enter the passphrase to read the certificate)");
        m_subject->setText(unknown);
        m_issuer->clear();
        m_validity->clear();
        m_fingerprint->clear();
        return;
    }
    const QLocale locale;
    m_subject->setText(m_identity.subjectName());
    m_issuer->setText(m_identity.issuerName());
    const QString from = locale.toString(m_identity.notBefore().toLocalTime(), QLocale::ShortFormat);
    const QString to = locale.toString(m_identity.notAfter().toLocalTime(), QLocale::ShortFormat);
    m_validity->setText(m_identity.isCurrentlyValid() ? tr("%1 to %2").arg(from, to)
                                                      : tr("%1 to %2 (not valid now)").arg(from, to));
    m_fingerprint->setText(m_identity.sha256Fingerprint());
}

void ConnectionDialog::showError(const QString &message)
{
    m_generalError->setText(message);
    m_generalError->setVisible(!message.isEmpty());
}

void ConnectionDialog::accept()
{
    m_generalError->hide();
    const QUrl url = QUrl::fromUserInput(m_url->text().trimmed());
    if (!url.isValid() || url.scheme() != QLatin1String("https")) {
        m_generalError->setText(tr("The gateway URL must start with https://"));
        m_generalError->show();
        m_url->setFocus();
        return;
    }
    m_caCertificates.clear();
    if (!m_caPath->text().trimmed().isEmpty()) {
        QString error;
        m_caCertificates = loadCaCertificates(m_caPath->text().trimmed(), &error);
        if (m_caCertificates.isEmpty()) {
            m_generalError->setText(error);
            m_generalError->show();
            m_caPath->setFocus();
            return;
        }
    }
    if (m_identity.isNull() && !loadCertificate())
        return;
    if (!m_identity.isCurrentlyValid()) {
        m_generalError->setText(tr("This certificate is not valid now (see its validity above). Ask your "
                                   "administrator for a new one."));
        m_generalError->show();
        return;
    }
    QDialog::accept();
}

} // namespace kessai
