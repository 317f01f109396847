#include "paymentexportstream.h"

#include "apireply.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkReply>

Q_DECLARE_LOGGING_CATEGORY(lcNet)

namespace kessai {

namespace {

// The bytes taken from the reply per read: a few hundred payments.
constexpr qint64 ReadChunk = 64 * 1024;
// An error answer is a small JSON object; more than this is not worth keeping.
constexpr qsizetype MaxErrorBody = 64 * 1024;

bool isSuccess(int status)
{
    return status >= 200 && status < 300;
}

} // namespace

PaymentExportStream::PaymentExportStream(QNetworkReply *reply, QObject *parent)
    : QObject(parent)
    , m_reply(reply)
{
    reply->setParent(this);
    // Qt stops reading the socket while this much waits unread: the gateway's writes block
    // (TCP flow control) instead of the body piling up here.
    reply->setReadBufferSize(ReadBufferSize);
    m_items.reserve(1024);
    connect(reply, &QNetworkReply::readyRead, this, &PaymentExportStream::pump);
    connect(reply, &QNetworkReply::finished, this, &PaymentExportStream::pump);
}

PaymentExportStream::PaymentExportStream(const ApiError &error, QObject *parent)
    : QObject(parent)
{
    QMetaObject::invokeMethod(
        this,
        [this, error] {
            if (!m_finished)
                fail(error);
        },
        Qt::QueuedConnection);
}

PaymentExportStream::~PaymentExportStream()
{
    if (m_reply && m_reply->isRunning()) {
        m_reply->disconnect(this);
        m_reply->abort();
    }
}

void PaymentExportStream::abort()
{
    if (m_finished)
        return;
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
    }
    fail(ApiError::cancelled());
}

// Reads what the reply holds and, once it has finished, concludes. Re-entry (a receiver of
// received() that spins the event loop, as a modal progress dialog does) returns at once: the
// outer call goes on reading until nothing is left, so no bytes are stranded in the reply.
void PaymentExportStream::pump()
{
    if (m_reading || m_finished || !m_reply)
        return;
    m_reading = true;
    const QPointer<PaymentExportStream> self(this);
    while (!m_finished && m_reply && m_reply->bytesAvailable() > 0) {
        if (!readAvailable())
            break;
        if (!self)
            return;
    }
    if (!self)
        return;
    m_reading = false;
    if (!m_finished && m_reply && m_reply->isFinished())
        conclude();
}

// One read: false when the stream failed (or a receiver aborted it).
bool PaymentExportStream::readAvailable()
{
    if (m_httpStatus == 0)
        m_httpStatus = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (m_httpStatus != 0 && !isSuccess(m_httpStatus)) {
        const QByteArray bytes = m_reply->read(ReadChunk);
        if (m_errorBody.size() < MaxErrorBody)
            m_errorBody += bytes.left(MaxErrorBody - m_errorBody.size());
        return true;
    }
    m_buffer += m_reply->read(ReadChunk);
    m_peakBuffered = std::max<qint64>(m_peakBuffered, m_buffer.size());
    if (!takeLines())
        return false;
    if (m_items.isEmpty())
        return true;
    const QPointer<PaymentExportStream> self(this);
    Q_EMIT received(m_items);
    if (!self)
        return false;
    m_items.clear();
    return !m_finished;
}

// Every whole line of the buffer into m_items; the rest waits for more bytes.
bool PaymentExportStream::takeLines()
{
    qsizetype start = 0;
    const QByteArrayView bytes(m_buffer);
    while (true) {
        const qsizetype end = bytes.indexOf('\n', start);
        if (end < 0)
            break;
        QByteArrayView line = bytes.sliced(start, end - start);
        start = end + 1;
        ++m_line;
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.isEmpty())
            continue;
        PaymentListItem item;
        QString why;
        if (!readPaymentListItem(line, &item, &why)) {
            malformed(QStringLiteral("line %1: %2").arg(m_line).arg(why));
            return false;
        }
        m_items.append(std::move(item));
        ++m_payments;
    }
    m_buffer.remove(0, start);
    if (m_buffer.size() > MaxLineLength) {
        malformed(QStringLiteral("line %1 is longer than %2 bytes").arg(m_line + 1).arg(MaxLineLength));
        return false;
    }
    return true;
}

void PaymentExportStream::conclude()
{
    QNetworkReply *reply = m_reply;
    m_httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QString requestId = QString::fromLatin1(reply->rawHeader("X-Request-Id"));
    ApiError error;
    if (m_httpStatus == 0) {
        // Nobody here aborted it (abort() disconnects first): a transfer timeout or a lost link.
        error = networkErrorOf(*reply);
    } else if (!isSuccess(m_httpStatus)) {
        error = httpErrorOf(m_httpStatus, QJsonDocument::fromJson(m_errorBody).object());
    } else if (reply->error() != QNetworkReply::NoError) {
        // The chunked body ended without its last chunk: the gateway failed or the connection
        // broke in the middle. What was read is not the whole result.
        error.kind = ApiError::Kind::Connection;
        error.code = QStringLiteral("incomplete");
        error.message = QCoreApplication::translate("kessai::PaymentExportStream",
                                                    "The gateway's answer broke off before its end (%1).")
                            .arg(reply->errorString());
        qCWarning(lcNet) << "export cut off after" << m_payments << "payments:" << reply->errorString();
    } else if (!m_buffer.isEmpty()) {
        malformed(QStringLiteral("the last line has no end"));
        return;
    }
    if (error.requestId.isEmpty())
        error.requestId = requestId;
    error.httpStatus = m_httpStatus;
    if (error.isError())
        fail(error);
    else
        finish();
}

void PaymentExportStream::malformed(const QString &why)
{
    ApiError error;
    error.kind = ApiError::Kind::Server;
    error.code = QStringLiteral("malformed");
    error.message = QCoreApplication::translate("kessai::ApiReply", "The gateway's answer could not be read.");
    error.httpStatus = m_httpStatus;
    if (m_reply) {
        error.requestId = QString::fromLatin1(m_reply->rawHeader("X-Request-Id"));
        m_reply->disconnect(this);
        m_reply->abort();
    }
    qCWarning(lcNet) << "unreadable export" << m_httpStatus << error.requestId << why;
    fail(error);
}

void PaymentExportStream::fail(const ApiError &error)
{
    m_error = error;
    finish();
}

void PaymentExportStream::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    m_buffer.clear();
    m_errorBody.clear();
    m_items.clear();
    Q_EMIT finished();
}

} // namespace kessai
