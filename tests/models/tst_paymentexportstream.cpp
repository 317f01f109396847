#include "api/merchantclient.h"
#include "api/paymentexportstream.h"
#include "export/paymentexporter.h"

#include <QDir>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUrlQuery>

using namespace kessai;

namespace {

// A streamed answer: its chunks arrive one per event-loop turn, and it ends properly or, with
// cutOff, as a connection closed without the last chunk (what Qt reports for a chunked body
// that stops short).
class StreamReply final : public QNetworkReply
{
    Q_OBJECT

public:
    StreamReply(const QNetworkRequest &request, int status, QList<QByteArray> chunks, bool cutOff, QObject *parent)
        : QNetworkReply(parent)
        , m_chunks(std::move(chunks))
        , m_cutOff(cutOff)
    {
        setRequest(request);
        setUrl(request.url());
        setOperation(QNetworkAccessManager::GetOperation);
        open(QIODevice::ReadOnly);
        setAttribute(QNetworkRequest::HttpStatusCodeAttribute, status);
        setRawHeader("X-Request-Id", "stream-request");
        if (status >= 400)
            setError(QNetworkReply::ContentAccessDenied, QStringLiteral("HTTP %1").arg(status));
        connect(&m_timer, &QTimer::timeout, this, &StreamReply::next);
        m_timer.start(0);
    }

    void abort() override
    {
        if (isFinished())
            return;
        m_timer.stop();
        setError(QNetworkReply::OperationCanceledError, QStringLiteral("cancelled"));
        setFinished(true);
        Q_EMIT finished();
    }
    qint64 bytesAvailable() const override { return m_data.size() - m_offset + QIODevice::bytesAvailable(); }
    bool isSequential() const override { return true; }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        const qint64 n = std::min(maxSize, qint64(m_data.size()) - m_offset);
        if (n <= 0)
            return isFinished() ? -1 : 0;
        memcpy(data, m_data.constData() + m_offset, size_t(n));
        m_offset += n;
        return n;
    }

private:
    void next()
    {
        if (m_next == 0)
            Q_EMIT metaDataChanged();
        if (m_next < m_chunks.size()) {
            m_data += m_chunks.at(m_next++);
            Q_EMIT readyRead();
            return;
        }
        m_timer.stop();
        if (m_cutOff) {
            setError(QNetworkReply::RemoteHostClosedError, QStringLiteral("Connection closed"));
            Q_EMIT errorOccurred(QNetworkReply::RemoteHostClosedError);
        }
        setFinished(true);
        Q_EMIT finished();
    }

    QList<QByteArray> m_chunks;
    QByteArray m_data;
    qint64 m_offset = 0;
    qsizetype m_next = 0;
    bool m_cutOff = false;
    QTimer m_timer;
};

class StreamNetwork final : public QNetworkAccessManager
{
    Q_OBJECT

public:
    int status = 200;
    QList<QByteArray> chunks;
    bool cutOff = false;
    QList<QUrl> urls;
    QPointer<QNetworkReply> lastExport;

protected:
    QNetworkReply *createRequest(Operation, const QNetworkRequest &request, QIODevice *) override
    {
        urls.append(request.url());
        if (request.url().path().endsWith(QLatin1String("/count")))
            return new StreamReply(request, 200, {QByteArray(R"({"total":3})")}, false, this);
        auto *reply = new StreamReply(request, status, chunks, cutOff, this);
        lastExport = reply;
        return reply;
    }
};

QByteArray line(int n, const char *type = "02")
{
    return QByteArray(R"({"payment_id":")") + QByteArray::number(100000000000000000LL + n) + R"(","trading_id":"ORD_)"
           + QByteArray::number(n) + R"(","type":")" + type
           + R"(","status":40,"amount":)" + QByteArray::number(1000 + n)
           + R"(,"institution":"VISA","trade_time":"2026-11-20T03:04:05Z","due_time":null})" + '\n';
}

// The body cut into pieces of size bytes: lines split anywhere.
QList<QByteArray> pieces(const QByteArray &body, int size)
{
    QList<QByteArray> out;
    for (qsizetype i = 0; i < body.size(); i += size)
        out.append(body.mid(i, size));
    return out;
}

} // namespace

// GET /v1/payments/export read as it arrives: whole lines only, every failure a failure.
class TestPaymentExportStream : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_network.status = 200;
        m_network.chunks.clear();
        m_network.cutOff = false;
        m_network.urls.clear();
        m_client.setNetworkAccessManager(&m_network);
        QVERIFY(m_client.setBaseUrl(QUrl(QStringLiteral("https://gateway.test"))));
    }

    void asksForTheSearchWithoutPaging()
    {
        PaymentQuery query;
        query.types = {QStringLiteral("02")};
        query.statuses = {40};
        PaymentExportStream *stream = m_client.exportPayments(query);
        QSignalSpy finished(stream, &PaymentExportStream::finished);
        QVERIFY(finished.wait());
        const QUrl url = m_network.urls.constLast();
        QCOMPARE(url.path(), QStringLiteral("/v1/payments/export"));
        const QUrlQuery sent(url);
        QCOMPARE(sent.queryItemValue(QStringLiteral("type")), QStringLiteral("02"));
        QCOMPARE(sent.queryItemValue(QStringLiteral("status")), QStringLiteral("40"));
        QVERIFY(!sent.hasQueryItem(QStringLiteral("limit")));
        QVERIFY(!sent.hasQueryItem(QStringLiteral("cursor")));
        QVERIFY(!sent.hasQueryItem(QStringLiteral("format"))); // JSON Lines, the default
    }

    void readsEveryLineWhereverTheChunksSplitIt()
    {
        QByteArray body;
        for (int n = 1; n <= 50; ++n)
            body += line(n, n % 2 ? "02" : "03");
        m_network.chunks = pieces(body, 7);
        const auto [items, error] = read();
        QVERIFY2(!error.isError(), qPrintable(error.displayText()));
        QCOMPARE(items.size(), 50);
        for (int n = 1; n <= 50; ++n) {
            const PaymentListItem &item = items.at(n - 1);
            QCOMPARE(item.paymentId, 100000000000000000LL + n);
            QCOMPARE(item.tradingId, QStringLiteral("ORD_%1").arg(n));
            QCOMPARE(item.type, QString::fromLatin1(n % 2 ? "02" : "03"));
            QCOMPARE(item.amount, qint64(1000 + n));
            QCOMPARE(item.dueTime, qint64(0));
        }
    }

    void anEmptyBodyIsAnEmptyExport()
    {
        const auto [items, error] = read();
        QVERIFY(!error.isError());
        QVERIFY(items.isEmpty());
    }

    void aBodyThatBreaksOffFails()
    {
        m_network.chunks = {line(1) + line(2), line(3)};
        m_network.cutOff = true;
        const auto [items, error] = read();
        QCOMPARE(items.size(), 3); // what came was read, and is still not the whole result
        QCOMPARE(error.kind, ApiError::Kind::Connection);
        QCOMPARE(error.code, QStringLiteral("incomplete"));
        QVERIFY(!error.displayText().isEmpty());
    }

    void halfALineAtTheEndFails()
    {
        m_network.chunks = {line(1) + line(2).chopped(1)};
        const auto [items, error] = read();
        QCOMPARE(items.size(), 1);
        QCOMPARE(error.code, QStringLiteral("malformed"));
    }

    void aMalformedLineStopsTheStream()
    {
        m_network.chunks = {line(1), "{\"payment_id\":\"12a\"}\n", line(3)};
        const auto [items, error] = read();
        QCOMPARE(items.size(), 1);
        QCOMPARE(error.kind, ApiError::Kind::Server);
        QCOMPARE(error.code, QStringLiteral("malformed"));
        QVERIFY(m_network.lastExport.isNull() || m_network.lastExport->error() == QNetworkReply::OperationCanceledError);
    }

    void anErrorAnswerIsTheGatewaysError()
    {
        m_network.status = 403;
        m_network.chunks = pieces(R"({"error":{"code":"forbidden","message":"no","request_id":"abc123"}})", 10);
        const auto [items, error] = read();
        QVERIFY(items.isEmpty());
        QCOMPARE(error.kind, ApiError::Kind::Permission);
        QCOMPARE(error.code, QStringLiteral("forbidden"));
        QCOMPARE(error.requestId, QStringLiteral("abc123"));
        QCOMPARE(error.httpStatus, 403);
    }

    // 20,000 rows in one piece still pass through one read's worth of memory, and Qt is told to
    // stop reading the socket when its buffer is full.
    void memoryStaysFlatWhateverTheLength()
    {
        QByteArray body;
        for (int n = 1; n <= 20000; ++n)
            body += line(n);
        m_network.chunks = {body};
        PaymentExportStream *stream = m_client.exportPayments({});
        QVERIFY(m_network.lastExport);
        QCOMPARE(m_network.lastExport->readBufferSize(), PaymentExportStream::ReadBufferSize);
        qint64 rows = 0;
        qint64 largestBatch = 0;
        connect(stream, &PaymentExportStream::received, this, [&](const QList<PaymentListItem> &items) {
            rows += items.size();
            largestBatch = std::max<qint64>(largestBatch, items.size());
        });
        qint64 peak = -1;
        connect(stream, &PaymentExportStream::finished, this, [&] { peak = stream->peakBufferedBytes(); });
        QSignalSpy finished(stream, &PaymentExportStream::finished);
        QVERIFY(finished.wait());
        QCOMPARE(rows, qint64(20000));
        QVERIFY2(peak > 0 && peak < 2 * 64 * 1024, qPrintable(QString::number(peak)));
        QVERIFY2(largestBatch < 1000, qPrintable(QString::number(largestBatch)));
        QVERIFY(body.size() > 10 * peak);
    }

    void abortFromAReceiverFinishesOnceAsCancelled()
    {
        for (int i = 0; i < 5; ++i)
            m_network.chunks.append(line(i + 1));
        PaymentExportStream *stream = m_client.exportPayments({});
        connect(stream, &PaymentExportStream::received, stream, [stream] { stream->abort(); });
        QSignalSpy received(stream, &PaymentExportStream::received);
        QSignalSpy finished(stream, &PaymentExportStream::finished);
        QVERIFY(finished.wait());
        QTest::qWait(20);
        QCOMPARE(finished.size(), 1);
        QCOMPARE(received.size(), 1);
    }

    // The exporter over a stream that breaks off: an error, and no file at all.
    void anExportThatBreaksOffLeavesNoFile()
    {
        QTemporaryDir dir;
        QByteArray body;
        for (int n = 1; n <= 3000; ++n)
            body += line(n);
        m_network.chunks = pieces(body, 4096);
        m_network.cutOff = true;
        const QString path = dir.filePath(QStringLiteral("cut.csv"));
        PaymentExporter exporter(&m_client);
        exporter.setOutputPath(path);
        QSignalSpy finished(&exporter, &PaymentExporter::finished);
        exporter.start();
        QVERIFY(finished.wait());
        QTest::qWait(20);
        QCOMPARE(finished.size(), 1);
        const auto result = finished.first().first().value<ExportResult>();
        QVERIFY(!result.ok());
        QCOMPARE(result.apiError.code, QStringLiteral("incomplete"));
        QCOMPARE(exporter.rowsWritten(), qint64(3000));
        QVERIFY(!QFile::exists(path));
        QVERIFY(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).isEmpty());

        // The same answer whole is a file of every row.
        m_network.cutOff = false;
        exporter.setFormat(ExportFormat::CsvUtf8);
        finished.clear();
        exporter.start();
        QVERIFY(finished.wait());
        const auto whole = finished.first().first().value<ExportResult>();
        QVERIFY2(whole.ok(), qPrintable(whole.errorText()));
        QCOMPARE(whole.rows, qint64(3000));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll().count("\r\n"), qsizetype(3001));
    }

    // The session ends mid-export and takes the client with it: still one finished(), no file.
    void anExportWhoseClientGoesFinishesOnce()
    {
        QTemporaryDir dir;
        QByteArray body;
        for (int n = 1; n <= 200; ++n)
            body += line(n);
        m_network.chunks = pieces(body, 1000);
        auto *client = new MerchantClient;
        client->setNetworkAccessManager(&m_network);
        QVERIFY(client->setBaseUrl(QUrl(QStringLiteral("https://gateway.test"))));
        const QString path = dir.filePath(QStringLiteral("gone.csv"));
        PaymentExporter exporter(client);
        exporter.setOutputPath(path);
        exporter.setProgressStep(10);
        connect(&exporter, &PaymentExporter::progress, this, [&client](qint64 done) {
            if (done >= 10 && client) {
                delete client;
                client = nullptr;
            }
        });
        QSignalSpy finished(&exporter, &PaymentExporter::finished);
        exporter.start();
        QTRY_COMPARE(finished.size(), 1);
        QTest::qWait(20);
        QCOMPARE(finished.size(), 1);
        QVERIFY(!client);
        const auto result = finished.first().first().value<ExportResult>();
        QCOMPARE(result.apiError.kind, ApiError::Kind::Connection);
        QVERIFY(!QFile::exists(path));
        QVERIFY(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).isEmpty());
    }

private:
    std::pair<QList<PaymentListItem>, ApiError> read()
    {
        PaymentExportStream *stream = m_client.exportPayments({});
        QList<PaymentListItem> items;
        ApiError error;
        connect(stream, &PaymentExportStream::received, this, [&](const QList<PaymentListItem> &batch) { items += batch; });
        connect(stream, &PaymentExportStream::finished, this, [&] { error = stream->error(); });
        QSignalSpy finished(stream, &PaymentExportStream::finished);
        if (!finished.wait())
            error.kind = ApiError::Kind::Cancelled;
        return {items, error};
    }

    StreamNetwork m_network;
    MerchantClient m_client;
};

QTEST_GUILESS_MAIN(TestPaymentExportStream)
#include "tst_paymentexportstream.moc"
