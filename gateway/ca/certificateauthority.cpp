#include "certificateauthority.h"

#include "security/crypto.h"
#include "security/privatefile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <ctime>

namespace kessai::gateway {

namespace {

constexpr int CaValidityDays = 3650;
constexpr int ServerValidityDays = 825;
constexpr int ClientValidityDays = 730;
// Certificates start an hour in the past so a slightly slow client clock still accepts them.
constexpr long BackdateSeconds = -3600;

struct X509Deleter
{
    void operator()(X509 *p) const { X509_free(p); }
};
struct PkeyDeleter
{
    void operator()(EVP_PKEY *p) const { EVP_PKEY_free(p); }
};
struct BioDeleter
{
    void operator()(BIO *p) const { BIO_free(p); }
};
struct Pkcs12Deleter
{
    void operator()(PKCS12 *p) const { PKCS12_free(p); }
};
struct X509StackDeleter
{
    void operator()(STACK_OF(X509) * p) const { sk_X509_free(p); }
};
struct BignumDeleter
{
    void operator()(BIGNUM *p) const { BN_free(p); }
};
using X509Ptr = std::unique_ptr<X509, X509Deleter>;
using PkeyPtr = std::unique_ptr<EVP_PKEY, PkeyDeleter>;
using BioPtr = std::unique_ptr<BIO, BioDeleter>;

QString opensslError(const QString &what)
{
    QString details;
    unsigned long code = 0;
    while ((code = ERR_get_error()) != 0) {
        char buffer[256];
        ERR_error_string_n(code, buffer, sizeof buffer);
        if (!details.isEmpty())
            details += QStringLiteral("; ");
        details += QString::fromLatin1(buffer);
    }
    return details.isEmpty() ? what : what + QStringLiteral(": ") + details;
}

PkeyPtr generateKey()
{
    return PkeyPtr(EVP_EC_gen("P-256"));
}

bool addExtension(X509 *certificate, X509 *issuer, int nid, const char *value)
{
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, issuer, certificate, nullptr, nullptr, 0);
    X509_EXTENSION *extension = X509V3_EXT_conf_nid(nullptr, &context, nid, value);
    if (!extension)
        return false;
    const bool added = X509_add_ext(certificate, extension, -1) == 1;
    X509_EXTENSION_free(extension);
    return added;
}

bool setName(X509_NAME *name, const QString &commonName, const QString &organization)
{
    const QByteArray cn = commonName.toUtf8();
    const QByteArray o = organization.toUtf8();
    return X509_NAME_add_entry_by_txt(name,
                                      "O",
                                      MBSTRING_UTF8,
                                      reinterpret_cast<const unsigned char *>(o.constData()),
                                      static_cast<int>(o.size()),
                                      -1,
                                      0)
               == 1
           && X509_NAME_add_entry_by_txt(name,
                                         "CN",
                                         MBSTRING_UTF8,
                                         reinterpret_cast<const unsigned char *>(cn.constData()),
                                         static_cast<int>(cn.size()),
                                         -1,
                                         0)
                  == 1;
}

struct Extension
{
    int nid;
    const char *value;
};

// Builds and signs one certificate. issuer == nullptr means self-signed with key.
Result<X509Ptr> buildCertificate(EVP_PKEY *subjectKey,
                                 const QString &commonName,
                                 const QString &organization,
                                 X509 *issuerCertificate,
                                 EVP_PKEY *issuerKey,
                                 int validityDays,
                                 qint64 now,
                                 std::initializer_list<Extension> extensions)
{
    X509Ptr certificate(X509_new());
    if (!certificate || X509_set_version(certificate.get(), 2) != 1)
        return makeError(opensslError(QStringLiteral("cannot create a certificate")));

    std::unique_ptr<BIGNUM, BignumDeleter> serial(BN_new());
    // 127 random bits: positive and unpredictable, as CAs are expected to issue them.
    if (!serial || BN_rand(serial.get(), 127, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY) != 1
        || !BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(certificate.get())))
        return makeError(opensslError(QStringLiteral("cannot set the serial number")));

    time_t base = static_cast<time_t>(now);
    if (!X509_time_adj_ex(X509_getm_notBefore(certificate.get()), 0, BackdateSeconds, &base)
        || !X509_time_adj_ex(X509_getm_notAfter(certificate.get()), validityDays, 0, &base))
        return makeError(opensslError(QStringLiteral("cannot set the validity")));

    if (!setName(X509_get_subject_name(certificate.get()), commonName, organization))
        return makeError(opensslError(QStringLiteral("cannot set the subject")));
    X509 *issuer = issuerCertificate ? issuerCertificate : certificate.get();
    if (X509_set_issuer_name(certificate.get(), X509_get_subject_name(issuer)) != 1
        || X509_set_pubkey(certificate.get(), subjectKey) != 1)
        return makeError(opensslError(QStringLiteral("cannot set the issuer or key")));

    for (const Extension &extension : extensions) {
        if (!addExtension(certificate.get(), issuer, extension.nid, extension.value))
            return makeError(opensslError(QStringLiteral("cannot add extension %1")
                                              .arg(QString::fromLatin1(OBJ_nid2sn(extension.nid)))));
    }
    if (X509_sign(certificate.get(), issuerKey, EVP_sha256()) == 0)
        return makeError(opensslError(QStringLiteral("cannot sign the certificate")));
    return certificate;
}

// A PEM file of the CA: created with O_EXCL and its final mode from the start (0600 for a key),
// never over an existing file.
Result<void> writeBio(const QString &path, bool secret, const std::function<bool(BIO *)> &write)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || !write(bio.get()))
        return makeError(opensslError(QStringLiteral("cannot encode %1").arg(path)));
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);
    const QByteArray bytes(data, static_cast<qsizetype>(size));
    return secret ? PrivateFile::create(path, bytes) : PrivateFile::createReadable(path, bytes);
}

Result<QByteArray> readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    return file.readAll();
}

QString serialHex(X509 *certificate)
{
    std::unique_ptr<BIGNUM, BignumDeleter> serial(
        ASN1_INTEGER_to_BN(X509_get0_serialNumber(certificate), nullptr));
    if (!serial)
        return {};
    char *hex = BN_bn2hex(serial.get());
    const QString text = QString::fromLatin1(hex);
    OPENSSL_free(hex);
    return text;
}

qint64 notAfterEpoch(X509 *certificate)
{
    struct tm tm = {};
    if (ASN1_TIME_to_tm(X509_get0_notAfter(certificate), &tm) != 1)
        return 0;
    return static_cast<qint64>(timegm(&tm));
}

} // namespace

QString CertificateAuthority::caCertificatePath(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("ca.pem"));
}

QString CertificateAuthority::caKeyPath(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("ca.key"));
}

QString CertificateAuthority::serverCertificatePath(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("server.pem"));
}

QString CertificateAuthority::serverKeyPath(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("server.key"));
}

Result<void> CertificateAuthority::create(const QString &dataDir, qint64 now)
{
    if (QFileInfo::exists(caKeyPath(dataDir)))
        return makeError(QStringLiteral("%1 already has a CA").arg(dataDir));
    // Nothing is written over: not a file, not a symbolic link (not even a dangling one, which
    // would have the key written wherever it points). O_EXCL below holds this against a race.
    for (const QString &path : {caKeyPath(dataDir), caCertificatePath(dataDir), serverKeyPath(dataDir), serverCertificatePath(dataDir)}) {
        if (const QFileInfo info(path); info.exists() || info.isSymLink())
            return makeError(QStringLiteral("%1 exists; refusing to overwrite it").arg(path));
    }

    PkeyPtr caKey = generateKey();
    PkeyPtr serverKey = generateKey();
    if (!caKey || !serverKey)
        return makeError(opensslError(QStringLiteral("cannot generate an EC P-256 key")));

    auto ca = buildCertificate(caKey.get(),
                               QStringLiteral("Kessai Merchant CA"),
                               QStringLiteral("Kessai"),
                               nullptr,
                               caKey.get(),
                               CaValidityDays,
                               now,
                               {{NID_basic_constraints, "critical,CA:TRUE"},
                                {NID_key_usage, "critical,keyCertSign,cRLSign"},
                                {NID_subject_key_identifier, "hash"}});
    if (!ca)
        return makeError(ca.error());
    auto server = buildCertificate(serverKey.get(),
                                   QStringLiteral("localhost"),
                                   QStringLiteral("Kessai"),
                                   ca.value().get(),
                                   caKey.get(),
                                   ServerValidityDays,
                                   now,
                                   {{NID_basic_constraints, "critical,CA:FALSE"},
                                    {NID_key_usage, "critical,digitalSignature"},
                                    {NID_ext_key_usage, "serverAuth"},
                                    {NID_subject_alt_name, "DNS:localhost,IP:127.0.0.1"},
                                    {NID_subject_key_identifier, "hash"},
                                    {NID_authority_key_identifier, "keyid"}});
    if (!server)
        return makeError(server.error());

    auto writeKey = [](EVP_PKEY *key) {
        return [key](BIO *bio) {
            return PEM_write_bio_PrivateKey(bio, key, nullptr, nullptr, 0, nullptr, nullptr) == 1;
        };
    };
    auto writeCertificate = [](X509 *certificate) {
        return [certificate](BIO *bio) { return PEM_write_bio_X509(bio, certificate) == 1; };
    };
    for (const auto &step : {writeBio(caKeyPath(dataDir), true, writeKey(caKey.get())),
                             writeBio(caCertificatePath(dataDir), false, writeCertificate(ca.value().get())),
                             writeBio(serverKeyPath(dataDir), true, writeKey(serverKey.get())),
                             writeBio(serverCertificatePath(dataDir),
                                      false,
                                      writeCertificate(server.value().get()))}) {
        if (!step)
            return step;
    }
    return {};
}

Result<CertificateAuthority> CertificateAuthority::load(const QString &dataDir)
{
    auto certificatePem = readFile(caCertificatePath(dataDir));
    if (!certificatePem)
        return makeError(certificatePem.error());
    auto keyPem = readFile(caKeyPath(dataDir));
    if (!keyPem)
        return makeError(keyPem.error());

    BioPtr certificateBio(BIO_new_mem_buf(certificatePem->constData(),
                                          static_cast<int>(certificatePem->size())));
    BioPtr keyBio(BIO_new_mem_buf(keyPem->constData(), static_cast<int>(keyPem->size())));
    if (!certificateBio || !keyBio)
        return makeError(opensslError(QStringLiteral("out of memory")));
    X509 *certificate = PEM_read_bio_X509(certificateBio.get(), nullptr, nullptr, nullptr);
    if (!certificate)
        return makeError(opensslError(QStringLiteral("cannot parse %1").arg(caCertificatePath(dataDir))));
    EVP_PKEY *key = PEM_read_bio_PrivateKey(keyBio.get(), nullptr, nullptr, nullptr);
    if (!key) {
        X509_free(certificate);
        return makeError(opensslError(QStringLiteral("cannot parse %1").arg(caKeyPath(dataDir))));
    }
    CertificateAuthority authority;
    authority.m_certificate.reset(certificate, X509Deleter());
    authority.m_key.reset(key, PkeyDeleter());
    if (X509_check_private_key(certificate, key) != 1)
        return makeError(QStringLiteral("the CA key does not match the CA certificate"));
    return authority;
}

Result<IssuedCertificate> CertificateAuthority::issueClientCertificate(const QString &loginId,
                                                                       const QString &merchantId,
                                                                       qint64 now) const
{
    PkeyPtr key = generateKey();
    if (!key)
        return makeError(opensslError(QStringLiteral("cannot generate an EC P-256 key")));
    auto certificate = buildCertificate(key.get(),
                                        loginId,
                                        merchantId,
                                        m_certificate.get(),
                                        m_key.get(),
                                        ClientValidityDays,
                                        now,
                                        {{NID_basic_constraints, "critical,CA:FALSE"},
                                         {NID_key_usage, "critical,digitalSignature"},
                                         {NID_ext_key_usage, "clientAuth"},
                                         {NID_subject_key_identifier, "hash"},
                                         {NID_authority_key_identifier, "keyid"}});
    if (!certificate)
        return makeError(certificate.error());

    IssuedCertificate issued;
    // 18 random bytes = 24 base64url characters, 144 bits: typed once, then kept in a keychain.
    issued.passphrase = QString::fromLatin1(crypto::toBase64Url(crypto::randomBytes(18)));
    const QByteArray passphrase = issued.passphrase.toUtf8();
    const QByteArray friendlyName = loginId.toUtf8();

    std::unique_ptr<STACK_OF(X509), X509StackDeleter> chain(sk_X509_new_null());
    if (!chain || sk_X509_push(chain.get(), m_certificate.get()) <= 0)
        return makeError(opensslError(QStringLiteral("out of memory")));
    // mac_iter -1: no MAC yet, so that PKCS12_set_mac can add a SHA-256 one (the default is SHA-1).
    std::unique_ptr<PKCS12, Pkcs12Deleter> p12(PKCS12_create(passphrase.constData(),
                                                             friendlyName.constData(),
                                                             key.get(),
                                                             certificate.value().get(),
                                                             chain.get(),
                                                             NID_aes_256_cbc,
                                                             NID_aes_256_cbc,
                                                             PKCS12_DEFAULT_ITER,
                                                             -1,
                                                             0));
    if (!p12)
        return makeError(opensslError(QStringLiteral("cannot create the PKCS#12 bundle")));
    if (PKCS12_set_mac(p12.get(),
                       passphrase.constData(),
                       -1,
                       nullptr,
                       0,
                       PKCS12_DEFAULT_ITER,
                       EVP_sha256())
        != 1)
        return makeError(opensslError(QStringLiteral("cannot add the PKCS#12 MAC")));

    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || i2d_PKCS12_bio(bio.get(), p12.get()) != 1)
        return makeError(opensslError(QStringLiteral("cannot encode the PKCS#12 bundle")));
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);
    issued.pkcs12 = QByteArray(data, static_cast<qsizetype>(size));
    issued.fingerprint = fingerprint(certificate.value().get());
    issued.serial = serialHex(certificate.value().get());
    issued.notAfter = notAfterEpoch(certificate.value().get());
    return issued;
}

QString CertificateAuthority::fingerprint(X509 *certificate)
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (!certificate || X509_digest(certificate, EVP_sha256(), digest, &length) != 1)
        return {};
    return QString::fromLatin1(
        QByteArray(reinterpret_cast<const char *>(digest), static_cast<qsizetype>(length)).toHex());
}

} // namespace kessai::gateway
