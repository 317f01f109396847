#pragma once

#include <QString>

#include <utility>
#include <variant>

namespace kessai::gateway {

// What kind of refusal an error is, in the gateway's own terms. Services and stores answer
// with these; only http/ turns a kind into an HTTP status (httpStatus() in http/response.h).
enum class ErrorKind {
    BadRequest,      // the request is malformed or a value is wrong
    Unauthenticated, // no valid session, or wrong credentials
    Forbidden,       // the caller may not do this
    NotFound,        // nothing of the caller's merchant by that name
    Conflict,        // the resource's state or an existing one refuses it
    Declined,        // a card issuer declined the payment
    Unprocessable,   // well-formed, but a rule refuses it (self lockout, idempotency mismatch)
    Locked,          // the account is locked for a while
    TooManyRequests, // too many attempts of one kind from one client; wait (Retry-After)
    Unavailable,     // a part of this gateway is switched off (no CA key)
    Internal,        // our fault; the request id leads to the log
};

// An error as the Merchant API reports it: its kind, a stable code and an English message.
struct ApiError
{
    ErrorKind kind = ErrorKind::Internal;
    QString code;
    QString message;
    // When the refusal ends by itself (a locked account): sent as Retry-After and retry_after_s.
    qint64 retryAfterSeconds = 0;

    static ApiError badRequest(const QString &message) { return {ErrorKind::BadRequest, QStringLiteral("bad_request"), message}; }
    static ApiError invalidParameter(const QString &message)
    {
        return {ErrorKind::BadRequest, QStringLiteral("invalid_parameter"), message};
    }
    static ApiError unauthenticated(const QString &message)
    {
        return {ErrorKind::Unauthenticated, QStringLiteral("unauthenticated"), message};
    }
    static ApiError forbidden(const QString &message) { return {ErrorKind::Forbidden, QStringLiteral("forbidden"), message}; }
    static ApiError notFound(const QString &message) { return {ErrorKind::NotFound, QStringLiteral("not_found"), message}; }
    static ApiError internal()
    {
        return {ErrorKind::Internal, QStringLiteral("internal"), QStringLiteral("Internal error; quote the request id to support.")};
    }
};

template<typename T>
class [[nodiscard]] ApiResult
{
public:
    ApiResult(T value)
        : m_data(std::in_place_index<0>, std::move(value))
    {}
    ApiResult(ApiError error)
        : m_data(std::in_place_index<1>, std::move(error))
    {}

    bool ok() const { return m_data.index() == 0; }
    const T &value() const { return std::get<0>(m_data); }
    T &value() { return std::get<0>(m_data); }
    const ApiError &error() const { return std::get<1>(m_data); }

private:
    std::variant<T, ApiError> m_data;
};

} // namespace kessai::gateway
