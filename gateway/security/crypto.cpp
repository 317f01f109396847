#include "crypto.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <cstdio>
#include <cstdlib>

namespace kessai::gateway::crypto {

QByteArray randomBytes(int count)
{
    QByteArray bytes(count, Qt::Uninitialized);
    if (count > 0 && RAND_bytes(reinterpret_cast<unsigned char *>(bytes.data()), count) != 1) {
        std::fputs("kessai-gateway: the OpenSSL random generator failed\n", stderr);
        std::abort();
    }
    return bytes;
}

QByteArray sha256(const QByteArray &data)
{
    QByteArray digest(32, Qt::Uninitialized);
    unsigned int length = 0;
    if (EVP_Digest(data.constData(),
                   static_cast<size_t>(data.size()),
                   reinterpret_cast<unsigned char *>(digest.data()),
                   &length,
                   EVP_sha256(),
                   nullptr)
            != 1
        || length != 32) {
        std::fputs("kessai-gateway: SHA-256 failed\n", stderr);
        std::abort();
    }
    return digest;
}

QByteArray toBase64Url(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    return CRYPTO_memcmp(a.constData(), b.constData(), static_cast<size_t>(a.size())) == 0;
}

QByteArray newRequestId()
{
    return randomBytes(8).toHex();
}

} // namespace kessai::gateway::crypto
