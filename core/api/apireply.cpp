#include "apireply.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkReply>

Q_LOGGING_CATEGORY(lcNet, "kessai.net", QtInfoMsg)

namespace kessai {

namespace {

ApiError::Kind kindForStatus(int status)
{
    switch (status) {
    case 401:
        return ApiError::Kind::Authentication;
    case 403:
    case 423:
    case 429:
        return ApiError::Kind::Permission;
    case 404:
        return ApiError::Kind::NotFound;
    case 400:
    case 409:
    case 422:
        return ApiError::Kind::Invalid;
    default:
        return ApiError::Kind::Server;
    }
}

// The gateway's own message is English; show a translated one for the codes users meet.
QString messageForCode(const QString &code, const QString &serverMessage)
{
    if (code == QLatin1String("invalid_credentials"))
        return QCoreApplication::translate("kessai::ApiReply", "The login ID or password is wrong.");
    if (code == QLatin1String("certificate_mismatch"))
        return QCoreApplication::translate("kessai::ApiReply", "This certificate belongs to another user. Log in with the ID the certificate was issued for.");
    if (code == QLatin1String("account_locked"))
        return QCoreApplication::translate("kessai::ApiReply", "The account is locked after too many failed logins. Try again in 30 minutes or ask an administrator to unlock it.");
    if (code == QLatin1String("certificate_expired"))
        return QCoreApplication::translate("kessai::ApiReply", "Your client certificate has expired. Ask an administrator for a new one.");
    if (code == QLatin1String("certificate_revoked"))
        return QCoreApplication::translate("kessai::ApiReply", "Your client certificate is no longer accepted. Ask an administrator for a new one.");
    if (code == QLatin1String("too_many_attempts"))
        return QCoreApplication::translate("kessai::ApiReply", "Too many logins with a certificate of another user. Wait a minute and log in with your own ID.");
    if (code == QLatin1String("too_many_exports"))
        return QCoreApplication::translate("kessai::ApiReply", "Two exports of yours are still running (or the gateway is running as many as it allows). "
                                                               "Try again when one has finished.");
    if (code == QLatin1String("wrong_password"))
        return QCoreApplication::translate("kessai::ApiReply", "The current password is wrong.");
    if (code == QLatin1String("weak_password"))
        return QCoreApplication::translate("kessai::ApiReply", "The password does not meet the policy: at least 12 characters with letters and digits, and not the current one.");
    if (code == QLatin1String("password_change_required"))
        return QCoreApplication::translate("kessai::ApiReply", "An administrator reset your password. Change it (File > Change password…) before you go on.");
    if (code == QLatin1String("overloaded"))
        return QCoreApplication::translate("kessai::ApiReply", "The gateway is busy. Try again in a moment.");
    if (code == QLatin1String("storage_unavailable"))
        return QCoreApplication::translate("kessai::ApiReply",
                                           "The gateway cannot write to its storage (it is full or failing), so nothing was done. "
                                           "Try again later; if it goes on, tell the gateway's operator.");
    if (code == QLatin1String("database_unavailable"))
        return QCoreApplication::translate("kessai::ApiReply", "The gateway cannot reach its database. Try again in a moment.");
    if (code == QLatin1String("session_expired"))
        return QCoreApplication::translate("kessai::ApiReply", "Your session has ended. Please log in again.");
    if (code == QLatin1String("unauthenticated"))
        return QCoreApplication::translate("kessai::ApiReply", "You are not logged in.");
    if (code == QLatin1String("forbidden"))
        return QCoreApplication::translate("kessai::ApiReply", "You do not have permission for this.");
    if (code == QLatin1String("not_found"))
        return QCoreApplication::translate("kessai::ApiReply", "Not found.");
    if (code == QLatin1String("internal"))
        return QCoreApplication::translate("kessai::ApiReply", "The gateway had an internal error.");
    if (!serverMessage.isEmpty())
        return serverMessage;
    return QCoreApplication::translate("kessai::ApiReply", "The gateway refused the request (%1).").arg(code);
}

} // namespace

ApiReply::ApiReply(QNetworkReply *reply, QObject *parent, Body body)
    : QObject(parent)
    , m_reply(reply)
    , m_bodyKind(body)
{
    reply->setParent(this);
    connect(reply, &QNetworkReply::finished, this, &ApiReply::onFinished);
}

ApiReply::ApiReply(const ApiError &error, QObject *parent)
    : QObject(parent)
    , m_error(error)
{
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_finished = true;
            Q_EMIT finished();
        },
        Qt::QueuedConnection);
}

ApiReply::~ApiReply()
{
    if (m_reply && m_reply->isRunning()) {
        m_reply->disconnect(this);
        m_reply->abort();
    }
}

void ApiReply::abort()
{
    if (m_reply && m_reply->isRunning())
        m_reply->abort();
}

void ApiReply::onFinished()
{
    if (m_finished || !m_reply)
        return;
    QNetworkReply *reply = m_reply;
    m_httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    m_requestId = QString::fromLatin1(reply->rawHeader("X-Request-Id"));
    const QNetworkReply::NetworkError netError = reply->error();
    // An aborted reply is closed: reading it only earns a warning.
    const QByteArray body = netError == QNetworkReply::OperationCanceledError ? QByteArray() : reply->readAll();

    if (netError == QNetworkReply::OperationCanceledError) {
        m_error = ApiError::cancelled();
    } else if (m_httpStatus == 0) {
        m_error = networkErrorOf(*reply);
    } else if (m_httpStatus >= 200 && m_httpStatus < 300 && m_bodyKind == Body::Raw) {
        m_body = body;
    } else {
        QJsonParseError parseError{};
        m_json = body.isEmpty() ? QJsonDocument() : QJsonDocument::fromJson(body, &parseError);
        const bool parsed = body.isEmpty() || parseError.error == QJsonParseError::NoError;
        if (m_httpStatus >= 200 && m_httpStatus < 300) {
            if (!parsed)
                setMalformed(parseError.errorString());
        } else {
            m_error = httpErrorOf(m_httpStatus, m_json.object());
            if (!m_error.requestId.isEmpty())
                m_requestId = m_error.requestId;
        }
    }
    m_error.httpStatus = m_httpStatus;
    m_error.requestId = m_requestId;
    if (m_error.isError() && m_error.kind != ApiError::Kind::Cancelled) {
        qCDebug(lcNet) << "request failed" << reply->operation() << reply->url().path()
                       << m_httpStatus << m_error.code << m_requestId;
    }
    m_finished = true;
    Q_EMIT finished();
}

ApiError networkErrorOf(const QNetworkReply &reply)
{
    ApiError error;
    error.kind = ApiError::Kind::Connection;
    error.code = QStringLiteral("connection");
    switch (reply.error()) {
    case QNetworkReply::SslHandshakeFailedError:
        error.kind = ApiError::Kind::Tls;
        error.code = QStringLiteral("tls");
        error.message = QCoreApplication::translate("kessai::ApiReply", "The secure connection failed: %1").arg(reply.errorString());
        break;
    case QNetworkReply::RemoteHostClosedError:
        // With TLS 1.3 a refused client certificate shows up as the server closing; so does a
        // gateway that stopped in the middle of the exchange. Neither is ruled out.
        error.kind = ApiError::Kind::Tls;
        error.code = QStringLiteral("tls");
        error.message = QCoreApplication::translate("kessai::ApiReply",
                                                    "The gateway closed the connection. It may have stopped, or it did not "
                                                    "accept this certificate (expired, revoked or not issued by it).");
        break;
    case QNetworkReply::ConnectionRefusedError:
        error.message = QCoreApplication::translate("kessai::ApiReply", "The gateway refused the connection. Is it running at this address?");
        break;
    case QNetworkReply::HostNotFoundError:
        error.message = QCoreApplication::translate("kessai::ApiReply", "The gateway's host name was not found.");
        break;
    case QNetworkReply::TimeoutError:
        error.message = QCoreApplication::translate("kessai::ApiReply", "The gateway did not answer in time.");
        break;
    default:
        error.message = QCoreApplication::translate("kessai::ApiReply", "Cannot reach the gateway: %1").arg(reply.errorString());
        break;
    }
    return error;
}

ApiError httpErrorOf(int httpStatus, const QJsonObject &answer)
{
    const QJsonObject err = answer.value(QLatin1String("error")).toObject();
    ApiError error;
    error.kind = kindForStatus(httpStatus);
    error.httpStatus = httpStatus;
    error.code = err.value(QLatin1String("code")).toString(QStringLiteral("http_%1").arg(httpStatus));
    error.message = messageForCode(error.code, err.value(QLatin1String("message")).toString());
    error.requestId = err.value(QLatin1String("request_id")).toString();
    error.retryAfterSeconds = qint64(err.value(QLatin1String("retry_after_s")).toDouble());
    if (error.code == QLatin1String("account_locked") && error.retryAfterSeconds > 0) {
        // Which factor failed is not said; how long to wait is.
        const int minutes = int((error.retryAfterSeconds + 59) / 60);
        error.message = QCoreApplication::translate("kessai::ApiReply",
                                                    "The account is locked after too many failed logins. Try again in "
                                                    "%n minute(s) or ask an administrator to unlock it.",
                                                    nullptr, minutes);
    }
    return error;
}

void ApiReply::setMalformed(const QString &why)
{
    m_error.kind = ApiError::Kind::Server;
    m_error.code = QStringLiteral("malformed");
    m_error.message = QCoreApplication::translate("kessai::ApiReply", "The gateway's answer could not be read.");
    m_error.httpStatus = m_httpStatus;
    m_error.requestId = m_requestId;
    m_body.clear();
    if (m_finished)
        qCWarning(lcNet) << "unreadable answer" << m_httpStatus << m_requestId << why;
}

ApiResult waitFor(ApiReply *reply)
{
    ApiResult result;
    QEventLoop loop;
    auto copy = [&result, reply] {
        result.error = reply->error();
        result.json = reply->json();
        result.body = reply->body();
    };
    if (reply->isFinished()) {
        copy();
        return result;
    }
    QObject::connect(reply, &ApiReply::finished, &loop, [&] {
        copy();
        loop.quit();
    });
    loop.exec();
    return result;
}

} // namespace kessai
