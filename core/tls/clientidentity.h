#pragma once

#include <QDateTime>
#include <QList>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>

namespace kessai {

// A user's client certificate and private key, loaded from a PKCS#12 file. Lives in memory only;
// the passphrase is not kept.
class ClientIdentity
{
public:
    enum class LoadError {
        None,
        FileUnreadable,
        NotPkcs12,
        WrongPassphrase,
        LegacyEncryption, // RC2-40 and friends: Qt cannot read them
        NoCertificate,
    };

    struct LoadResult;
    static LoadResult load(const QString &path, const QString &passphrase);
    // The same, from the file's bytes (the file came from elsewhere, or a fuzzer made them).
    static LoadResult fromData(const QByteArray &data, const QString &passphrase);

    bool isNull() const { return m_certificate.isNull(); }
    const QSslCertificate &certificate() const { return m_certificate; }
    const QSslKey &privateKey() const { return m_key; }
    const QList<QSslCertificate> &chain() const { return m_chain; }

    QString subjectName() const;
    QString issuerName() const;
    QString loginIdHint() const; // the certificate's common name
    QDateTime notBefore() const { return m_certificate.effectiveDate(); }
    QDateTime notAfter() const { return m_certificate.expiryDate(); }
    QString sha256Fingerprint() const; // "AB:CD:…"
    bool isCurrentlyValid(const QDateTime &now = QDateTime::currentDateTimeUtc()) const;

    static QString errorText(LoadError error, const QString &detail = QString());

private:
    QSslCertificate m_certificate;
    QSslKey m_key;
    QList<QSslCertificate> m_chain;
};

struct ClientIdentity::LoadResult
{
    ClientIdentity identity;
    LoadError error = LoadError::None;
    QString message; // translated, for the place the user typed the passphrase

    bool ok() const { return error == LoadError::None; }
};

// Reads PEM certificates (the merchant CA). Empty list and a message on failure.
QList<QSslCertificate> loadCaCertificates(const QString &path, QString *errorMessage = nullptr);
// The same, from the file's bytes: PEM (one or more certificates), else one DER certificate.
QList<QSslCertificate> caCertificatesFromData(const QByteArray &data, QString *errorMessage = nullptr);

} // namespace kessai
