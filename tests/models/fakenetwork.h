#pragma once

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

#include <functional>

// A QNetworkAccessManager that never touches the network (Nextcloud's FakeQNAM habit): a handler
// decides each answer and how long it takes, so tests can make an old answer arrive late.
class FakeReply final : public QNetworkReply
{
    Q_OBJECT

public:
    FakeReply(const QNetworkRequest &request, QNetworkAccessManager::Operation op, int status,
              QByteArray body, int delayMs, bool honorAbort, QObject *parent)
        : QNetworkReply(parent)
        , m_body(std::move(body))
        , m_honorAbort(honorAbort)
    {
        setRequest(request);
        setUrl(request.url());
        setOperation(op);
        open(QIODevice::ReadOnly);
        setAttribute(QNetworkRequest::HttpStatusCodeAttribute, status);
        setRawHeader("X-Request-Id", "fake-request");
        if (status >= 400)
            setError(QNetworkReply::ContentAccessDenied, QStringLiteral("HTTP %1").arg(status));
        QTimer::singleShot(delayMs, this, [this] {
            if (m_aborted)
                return;
            Q_EMIT metaDataChanged();
            Q_EMIT readyRead();
            setFinished(true);
            Q_EMIT finished();
        });
    }

    void abort() override
    {
        if (isFinished() || !m_honorAbort)
            return;
        m_aborted = true;
        setError(QNetworkReply::OperationCanceledError, QStringLiteral("cancelled"));
        setFinished(true);
        Q_EMIT finished();
    }
    qint64 bytesAvailable() const override { return m_body.size() - m_offset + QIODevice::bytesAvailable(); }
    bool isSequential() const override { return true; }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        const qint64 n = std::min(maxSize, qint64(m_body.size()) - m_offset);
        if (n <= 0)
            return -1;
        memcpy(data, m_body.constData() + m_offset, size_t(n));
        m_offset += n;
        return n;
    }

private:
    QByteArray m_body;
    qint64 m_offset = 0;
    bool m_aborted = false;
    bool m_honorAbort = true;
};

class FakeNetwork final : public QNetworkAccessManager
{
    Q_OBJECT

public:
    struct Answer
    {
        int status = 200;
        QByteArray body;
        int delayMs = 0;
    };
    using Handler = std::function<Answer(const QNetworkRequest &)>;

    explicit FakeNetwork(Handler handler, QObject *parent = nullptr)
        : QNetworkAccessManager(parent)
        , m_handler(std::move(handler))
    {
    }

    int requestCount = 0;
    // The body of the last request that had one (a POST's JSON).
    QByteArray lastBody;
    // When true, abort() is ignored: the old answer still arrives, as over a slow real link.
    bool ignoreAbort = false;

protected:
    QNetworkReply *createRequest(Operation op, const QNetworkRequest &request, QIODevice *outgoingData) override
    {
        ++requestCount;
        if (outgoingData)
            lastBody = outgoingData->readAll();
        const Answer answer = m_handler(request);
        return new FakeReply(request, op, answer.status, answer.body, answer.delayMs, !ignoreAbort, this);
    }

private:
    Handler m_handler;
};
