#pragma once

#include <QByteArray>

namespace kessai::gateway::crypto {

// Thin wrappers over OpenSSL's CSPRNG and digests, shared by tokens, passwords and certificates.
QByteArray randomBytes(int count); // aborts the process if the CSPRNG fails: nothing safe remains
QByteArray sha256(const QByteArray &data);
QByteArray toBase64Url(const QByteArray &data);
bool constantTimeEquals(const QByteArray &a, const QByteArray &b);
// 16 lowercase hex characters: the id a user quotes to support.
QByteArray newRequestId();

} // namespace kessai::gateway::crypto
