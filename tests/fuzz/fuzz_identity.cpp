// The console's certificate import (core/tls): the user's PKCS#12 file and the merchant CA's PEM
// or DER file. The first byte chooses which reader gets the rest: even, the PKCS#12 reader with
// the passphrase "fuzz" (the seeds' passphrase); odd, the CA reader.
// Whatever the bytes, the reader ends: an identity with a certificate and a key, or a reason with
// a message for the user; CA certificates that read back the same from their PEM, or a message.

#include "fuzzcheck.h"

#include "tls/clientidentity.h"

#include <QByteArray>
#include <QSslCertificate>

#include <cstdint>

using namespace kessai;

namespace {

void pkcs12(const QByteArray &bytes)
{
    const ClientIdentity::LoadResult result = ClientIdentity::fromData(bytes, QStringLiteral("fuzz"));
    if (!result.ok()) {
        KESSAI_FUZZ_CHECK(result.identity.isNull());
        KESSAI_FUZZ_CHECK(!result.message.isEmpty());
        return;
    }
    const ClientIdentity &identity = result.identity;
    KESSAI_FUZZ_CHECK(!identity.isNull());
    KESSAI_FUZZ_CHECK(!identity.privateKey().isNull());
    KESSAI_FUZZ_CHECK(identity.sha256Fingerprint().size() == 32 * 3 - 1);
    // What the sign-in screen shows of any certificate: none of it may fail.
    (void)identity.subjectName();
    (void)identity.issuerName();
    (void)identity.loginIdHint();
    (void)identity.isCurrentlyValid();
}

void caFile(const QByteArray &bytes)
{
    QString message;
    const QList<QSslCertificate> certificates = caCertificatesFromData(bytes, &message);
    if (certificates.isEmpty()) {
        KESSAI_FUZZ_CHECK(!message.isEmpty());
        return;
    }
    QByteArray pem;
    for (const QSslCertificate &certificate : certificates) {
        KESSAI_FUZZ_CHECK(!certificate.isNull());
        pem += certificate.toPem();
    }
    const QList<QSslCertificate> again = caCertificatesFromData(pem);
    KESSAI_FUZZ_CHECK(again == certificates);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const QByteArray bytes(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));
    if ((data[0] & 1) == 0)
        pkcs12(bytes);
    else
        caFile(bytes);
    return 0;
}
