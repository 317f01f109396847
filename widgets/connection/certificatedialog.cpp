#include "certificatedialog.h"

#include "domain/japantime.h"
#include "tls/certificateexpiry.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace kessai {

namespace {

QLabel *valueLabel(const QString &objectName, const QString &text)
{
    auto *label = new QLabel(text);
    label->setObjectName(objectName);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    label->setWordWrap(true);
    return label;
}

} // namespace

CertificateDialog::CertificateDialog(const ClientIdentity &identity, QWidget *parent, const QDateTime &now)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("certificateDialog"));
    setWindowTitle(tr("Certificate"));
    const QSslCertificate &certificate = identity.certificate();

    auto *form = new QFormLayout;
    form->addRow(tr("Subject:"), valueLabel(QStringLiteral("certSubject"), identity.subjectName()));
    form->addRow(tr("Issuer:"), valueLabel(QStringLiteral("certIssuer"), identity.issuerName()));
    form->addRow(tr("Serial number:"), valueLabel(QStringLiteral("certSerial"), QString::fromLatin1(certificate.serialNumber())));
    auto *fingerprint = valueLabel(QStringLiteral("certFingerprint"), identity.sha256Fingerprint());
    fingerprint->setFont(QFont(QStringLiteral("monospace")));
    fingerprint->setWordWrap(false); // one line, as administrators compare it
    form->addRow(tr("SHA-256 fingerprint:"), fingerprint);
    form->addRow(tr("Valid from:"), valueLabel(QStringLiteral("certNotBefore"), JapanTime::format(identity.notBefore())));
    form->addRow(tr("Valid until:"), valueLabel(QStringLiteral("certNotAfter"), JapanTime::format(identity.notAfter())));

    const CertificateExpiry expiry = CertificateExpiry::of(identity.notAfter(), now);
    QString state = expiry.text(identity.notAfter());
    if (state.isEmpty())
        state = tr("Valid, %n day(s) left.", nullptr, expiry.daysLeft);
    auto *status = valueLabel(QStringLiteral("certStatus"), state);
    if (expiry.needsWarning())
        status->setStyleSheet(QStringLiteral("color: #b01c1c; font-weight: bold;"));
    form->addRow(tr("Status:"), status);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
    resize(sizeHint());
}

CertificateDialog::~CertificateDialog() = default;

} // namespace kessai
