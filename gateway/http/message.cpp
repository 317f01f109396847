#include "http/request.h"
#include "http/response.h"

#include <QJsonDocument>

namespace kessai::gateway {

namespace {

// Answers go out uncompressed (docs/api.md): compression cost more than the query and the TLS
// together when the edge did it (a 200-row page, Brotli at quality 11: ~150 ms).
constexpr const char *JsonContentType = "application/json; charset=utf-8";

} // namespace

bool HttpRequest::hasHeader(const char *name) const
{
    const QByteArray wanted(name);
    for (const auto &[key, value] : headers) {
        if (key.compare(wanted, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QString HttpRequest::header(const char *name) const
{
    const QByteArray wanted(name);
    for (const auto &[key, value] : headers) {
        if (key.compare(wanted, Qt::CaseInsensitive) == 0)
            return QString::fromUtf8(value);
    }
    return {};
}

void HttpResponse::setHeader(const QByteArray &name, const QByteArray &value)
{
    for (auto &[key, existing] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0) {
            existing = value;
            return;
        }
    }
    headers.append({name, value});
}

void HttpResponse::sendJson(int answerStatus, const QJsonObject &answer)
{
    sendJsonText(answerStatus, QJsonDocument(answer).toJson(QJsonDocument::Compact));
}

void HttpResponse::sendJsonText(int answerStatus, const QByteArray &answer)
{
    status = answerStatus;
    stream.reset();
    setHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"));
    body = answer;
    contentType = JsonContentType;
}

void HttpResponse::sendStream(int answerStatus, const QByteArray &type, StreamedBody streamed)
{
    status = answerStatus;
    setHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"));
    body.clear();
    contentType = type;
    stream = std::make_shared<StreamedBody>(std::move(streamed));
}

int httpStatus(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::BadRequest:
        return 400;
    case ErrorKind::Unauthenticated:
        return 401;
    case ErrorKind::Forbidden:
        return 403;
    case ErrorKind::NotFound:
        return 404;
    case ErrorKind::Conflict:
        return 409;
    case ErrorKind::Declined:
        return 402;
    case ErrorKind::Unprocessable:
        return 422;
    case ErrorKind::Locked:
        return 423;
    case ErrorKind::TooManyRequests:
        return 429;
    case ErrorKind::Unavailable:
        return 503;
    case ErrorKind::Internal:
        break;
    }
    return 500;
}

QByteArray errorBody(const ApiError &error, const QString &requestId, const std::function<void(JsonWriter &)> &extra)
{
    QByteArray out;
    JsonWriter writer(&out);
    writer.beginObject().key(QLatin1StringView("error")).beginObject();
    writer.key(QLatin1StringView("code")).value(error.code);
    writer.key(QLatin1StringView("message")).value(error.message);
    writer.key(QLatin1StringView("request_id")).value(requestId);
    if (extra)
        extra(writer);
    writer.endObject().endObject();
    return out;
}

void HttpResponse::sendError(const ApiError &error)
{
    if (error.retryAfterSeconds <= 0) {
        sendError(httpStatus(error.kind), error.code, error.message);
        return;
    }
    setHeader("Retry-After", QByteArray::number(error.retryAfterSeconds));
    sendJson(httpStatus(error.kind),
             QJsonObject{{QStringLiteral("error"),
                          QJsonObject{{QStringLiteral("code"), error.code},
                                      {QStringLiteral("message"), error.message},
                                      {QStringLiteral("retry_after_s"), error.retryAfterSeconds},
                                      {QStringLiteral("request_id"), QString::fromLatin1(requestId)}}}});
}

void HttpResponse::sendError(int errorStatus, const QString &code, const QString &message)
{
    sendJson(errorStatus,
             QJsonObject{{QStringLiteral("error"),
                          QJsonObject{{QStringLiteral("code"), code},
                                      {QStringLiteral("message"), message},
                                      {QStringLiteral("request_id"), QString::fromLatin1(requestId)}}}});
}

} // namespace kessai::gateway
