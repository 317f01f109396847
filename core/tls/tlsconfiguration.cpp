#include "tlsconfiguration.h"

#include <QSslSocket>

namespace kessai {

QSslConfiguration gatewayTlsConfiguration(const ClientIdentity &identity, const QList<QSslCertificate> &caCertificates)
{
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.setProtocol(QSsl::TlsV1_2OrLater);
    ssl.setPeerVerifyMode(QSslSocket::VerifyPeer);
    if (!identity.isNull()) {
        ssl.setLocalCertificate(identity.certificate());
        ssl.setPrivateKey(identity.privateKey());
        if (!identity.chain().isEmpty())
            ssl.setLocalCertificateChain(QList<QSslCertificate>{identity.certificate()} + identity.chain());
    }
    // Replaces whatever the default configuration trusts, and also stops Qt from loading the
    // system's roots on demand during the handshake (which only setCaCertificates() turns off).
    ssl.setCaCertificates(caCertificates.isEmpty() ? identity.chain() : caCertificates);
    return ssl;
}

} // namespace kessai
