#pragma once

#include "apierror.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>
#include <QPointer>

class QNetworkReply;

namespace kessai {

// One call to the gateway: emits finished() exactly once, then holds either the JSON answer or
// an ApiError. Deletes itself later if autoDelete is on (the default).
class ApiReply final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiReply)

public:
    // What becomes of a successful answer's body: parsed into json(), or kept as it came in
    // body() for a caller that reads it itself (a page of payments, see paymentlistpage.h).
    // Error answers are always parsed into error().
    enum class Body { Json, Raw };

    explicit ApiReply(QNetworkReply *reply, QObject *parent = nullptr, Body body = Body::Json);
    // A call refused before anything was sent; finished() comes from the event loop.
    ApiReply(const ApiError &error, QObject *parent);
    ~ApiReply() override;

    bool isFinished() const { return m_finished; }
    bool ok() const { return m_finished && !m_error.isError(); }
    const ApiError &error() const { return m_error; }
    const QJsonDocument &json() const { return m_json; }
    // The successful answer's bytes (Body::Raw only).
    const QByteArray &body() const { return m_body; }
    // Turns a finished successful reply into a failure whose answer could not be read (for
    // Body::Raw callers whose own reading failed); why goes to the debug log.
    void setMalformed(const QString &why);
    int httpStatus() const { return m_httpStatus; }
    QString requestId() const { return m_requestId; }

    void abort();

Q_SIGNALS:
    void finished();

private:
    void onFinished();

    QPointer<QNetworkReply> m_reply;
    QJsonDocument m_json;
    QByteArray m_body;
    Body m_bodyKind = Body::Json;
    ApiError m_error;
    QString m_requestId;
    int m_httpStatus = 0;
    bool m_finished = false;
};

// The outcome of a call, copied out of an ApiReply (which deletes itself after finished()).
struct ApiResult
{
    ApiError error;
    QJsonDocument json;
    QByteArray body; // Body::Raw replies
    bool ok() const { return !error.isError(); }
};

// What a finished reply that got no HTTP answer at all says went wrong: the connection, the
// handshake or the certificate (the message translated).
ApiError networkErrorOf(const QNetworkReply &reply);
// The error a non-2xx answer carries (docs/api.md: {"error": {code, message, request_id}}), with
// the kind its status means and a translated message for the codes users meet.
ApiError httpErrorOf(int httpStatus, const QJsonObject &answer);

// Waits in a local event loop for the reply; for command-line tools and tests, never for the GUI.
ApiResult waitFor(ApiReply *reply);

} // namespace kessai
