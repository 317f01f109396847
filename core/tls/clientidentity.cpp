#include "clientidentity.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>

#include <openssl/pkcs12.h>

namespace kessai {

namespace {

// Qt's importPkcs12 says only "false". OpenSSL tells us why, so the user gets the right advice:
// not a PKCS#12 file, a wrong passphrase (the MAC does not verify), or a passphrase that is
// right for a file whose algorithms Qt cannot decrypt.
ClientIdentity::LoadError diagnose(const QByteArray &data, const QString &passphrase)
{
    const auto *bytes = reinterpret_cast<const unsigned char *>(data.constData());
    PKCS12 *p12 = d2i_PKCS12(nullptr, &bytes, data.size());
    if (!p12)
        return ClientIdentity::LoadError::NotPkcs12;
    const QByteArray pass = passphrase.toUtf8();
    const bool macOk = PKCS12_mac_present(p12) == 0
                       || PKCS12_verify_mac(p12, pass.constData(), int(pass.size())) == 1;
    PKCS12_free(p12);
    return macOk ? ClientIdentity::LoadError::LegacyEncryption : ClientIdentity::LoadError::WrongPassphrase;
}

} // namespace

ClientIdentity::LoadResult ClientIdentity::load(const QString &path, const QString &passphrase)
{
    LoadResult result;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        result.error = LoadError::FileUnreadable;
        result.message = errorText(result.error, file.errorString());
        return result;
    }
    return fromData(file.readAll(), passphrase);
}

ClientIdentity::LoadResult ClientIdentity::fromData(const QByteArray &bytes, const QString &passphrase)
{
    LoadResult result;
    QByteArray data = bytes;
    QBuffer buffer(&data); // importPkcs12 wants a QIODevice
    buffer.open(QIODevice::ReadOnly);
    QSslKey key;
    QSslCertificate certificate;
    QList<QSslCertificate> chain;
    const bool imported = QSslCertificate::importPkcs12(&buffer, &key, &certificate, &chain, passphrase.toUtf8());
    if (!imported) {
        result.error = diagnose(data, passphrase);
        result.message = errorText(result.error);
        return result;
    }
    if (certificate.isNull() || key.isNull()) {
        result.error = LoadError::NoCertificate;
        result.message = errorText(result.error);
        return result;
    }
    result.identity.m_certificate = certificate;
    result.identity.m_key = key;
    result.identity.m_chain = chain;
    return result;
}

QString ClientIdentity::errorText(LoadError error, const QString &detail)
{
    switch (error) {
    case LoadError::None:
        return {};
    case LoadError::FileUnreadable:
        return QCoreApplication::translate("kessai::ClientIdentity", "The certificate file cannot be read: %1").arg(detail);
    case LoadError::NotPkcs12:
        return QCoreApplication::translate("kessai::ClientIdentity", "This is not a PKCS#12 certificate file (.p12 / .pfx).");
    case LoadError::WrongPassphrase:
        return QCoreApplication::translate("kessai::ClientIdentity", "The passphrase is wrong.");
    case LoadError::LegacyEncryption:
        return QCoreApplication::translate("kessai::ClientIdentity", "This file uses old encryption (RC2/3DES) that cannot be read. Ask your administrator "
                  "for a new certificate, or re-export it with AES-256.");
    case LoadError::NoCertificate:
        return QCoreApplication::translate("kessai::ClientIdentity", "The file holds no certificate with a private key.");
    }
    return {};
}

QString ClientIdentity::subjectName() const
{
    return m_certificate.subjectDisplayName();
}

QString ClientIdentity::issuerName() const
{
    return m_certificate.issuerDisplayName();
}

QString ClientIdentity::loginIdHint() const
{
    const QStringList names = m_certificate.subjectInfo(QSslCertificate::CommonName);
    return names.isEmpty() ? QString() : names.constFirst();
}

QString ClientIdentity::sha256Fingerprint() const
{
    return QString::fromLatin1(m_certificate.digest(QCryptographicHash::Sha256).toHex(':').toUpper());
}

bool ClientIdentity::isCurrentlyValid(const QDateTime &now) const
{
    return !m_certificate.isNull() && now >= notBefore() && now <= notAfter();
}

QList<QSslCertificate> loadCaCertificates(const QString &path, QString *errorMessage)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (errorMessage)
            *errorMessage = QCoreApplication::translate("kessai::ClientIdentity", "The CA file cannot be read: %1").arg(file.errorString());
        return {};
    }
    return caCertificatesFromData(file.readAll(), errorMessage);
}

QList<QSslCertificate> caCertificatesFromData(const QByteArray &data, QString *errorMessage)
{
    QList<QSslCertificate> certificates = QSslCertificate::fromData(data, QSsl::Pem);
    if (certificates.isEmpty())
        certificates = QSslCertificate::fromData(data, QSsl::Der);
    if (certificates.isEmpty() && errorMessage)
        *errorMessage = QCoreApplication::translate("kessai::ClientIdentity", "The CA file holds no certificate.");
    return certificates;
}

} // namespace kessai
