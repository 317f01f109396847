#pragma once

#include "tls/clientidentity.h"

#include <QList>
#include <QSslCertificate>
#include <QSslConfiguration>

namespace kessai {

// The TLS configuration of every request to the gateway: TLS 1.2 or later, the gateway's
// certificate verified, the user's certificate and key, and as trust anchors exactly the CA
// certificates given (the merchant CA file) or, when none are, the CA chain that came in the
// user's PKCS#12 — never the system's root store, so a certificate some public or locally added
// CA issued for the gateway's name is refused. With neither, nothing is trusted.
QSslConfiguration gatewayTlsConfiguration(const ClientIdentity &identity, const QList<QSslCertificate> &caCertificates);

} // namespace kessai
