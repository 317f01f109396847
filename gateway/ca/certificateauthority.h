#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QString>

#include <memory>

typedef struct x509_st X509;
typedef struct evp_pkey_st EVP_PKEY;

namespace kessai::gateway {

// A client certificate as handed to a user: the PKCS#12 bundle (AES-256-CBC + PBKDF2, SHA-256
// MAC) and its one-time passphrase, plus what the gateway keeps to bind it to the user.
struct IssuedCertificate
{
    QByteArray pkcs12;
    QString passphrase;
    QString fingerprint; // lowercase hex SHA-256 of the DER certificate
    QString serial;      // uppercase hex
    qint64 notAfter = 0; // UTC epoch seconds
};

// The merchant CA of one gateway data directory: ca.key/ca.pem, and the server certificate
// server.key/server.pem for localhost and 127.0.0.1 that it signed.
class CertificateAuthority
{
public:
    static QString caCertificatePath(const QString &dataDir);
    static QString caKeyPath(const QString &dataDir);
    static QString serverCertificatePath(const QString &dataDir);
    static QString serverKeyPath(const QString &dataDir);

    // Creates a new CA and server certificate in dataDir; refuses to overwrite an existing CA.
    static Result<void> create(const QString &dataDir, qint64 now);
    static Result<CertificateAuthority> load(const QString &dataDir);

    // CN=loginId, O=merchantId, extendedKeyUsage clientAuth.
    Result<IssuedCertificate> issueClientCertificate(const QString &loginId,
                                                     const QString &merchantId,
                                                     qint64 now) const;

    static QString fingerprint(X509 *certificate);

private:
    CertificateAuthority() = default;

    std::shared_ptr<X509> m_certificate;
    std::shared_ptr<EVP_PKEY> m_key;
};

} // namespace kessai::gateway
