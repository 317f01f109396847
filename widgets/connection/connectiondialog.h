#pragma once

#include "profile/profile.h"
#include "tls/clientidentity.h"

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;

namespace kessai {

// The certificate page: which gateway, which CA, which client certificate (.p12/.pfx) and its
// passphrase. Loads the certificate to show who it is for and to check the passphrase, inline.
class ConnectionDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionDialog)

public:
    explicit ConnectionDialog(const Profile &profile, QWidget *parent = nullptr);
    ~ConnectionDialog() override;

    Profile profile() const;
    // Valid after accept(): the loaded identity and the passphrase (to remember if asked).
    const ClientIdentity &identity() const { return m_identity; }
    QString passphrase() const;
    QList<QSslCertificate> caCertificates() const { return m_caCertificates; }

    // A problem found before the dialog opened (a remembered passphrase that no longer works).
    void showError(const QString &message);
    void accept() override;

private:
    bool loadCertificate();
    void showCertificate();
    void updateOkButton();
    void browseCertificate();
    void browseCa();

    QString m_profileName;
    QLineEdit *m_url;
    QLineEdit *m_caPath;
    QLineEdit *m_p12Path;
    QLineEdit *m_passphrase;
    QLabel *m_passphraseError;
    QLabel *m_generalError;
    QCheckBox *m_remember;
    QLabel *m_subject;
    QLabel *m_issuer;
    QLabel *m_validity;
    QLabel *m_fingerprint;
    QDialogButtonBox *m_buttons;
    ClientIdentity m_identity;
    QList<QSslCertificate> m_caCertificates;
};

} // namespace kessai
