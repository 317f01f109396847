#pragma once

#include <QString>

#include <utility>
#include <variant>

namespace kessai::gateway {

// An error as the Merchant API reports it: HTTP status, stable code, English message.
struct ApiError
{
    int httpStatus = 500;
    QString code;
    QString message;

    static ApiError badRequest(const QString &message) { return {400, QStringLiteral("bad_request"), message}; }
    static ApiError invalidParameter(const QString &message)
    {
        return {400, QStringLiteral("invalid_parameter"), message};
    }
    static ApiError unauthenticated(const QString &message)
    {
        return {401, QStringLiteral("unauthenticated"), message};
    }
    static ApiError notFound(const QString &message) { return {404, QStringLiteral("not_found"), message}; }
    static ApiError internal()
    {
        return {500, QStringLiteral("internal"), QStringLiteral("Internal error; quote the request id to support.")};
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
