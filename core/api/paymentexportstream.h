#pragma once

#include "apierror.h"
#include "paymentlistpage.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>

class QNetworkReply;

namespace kessai {

// GET /v1/payments/export (JSON Lines) read as it arrives: the bytes of each readyRead are split
// into lines and every line read into a PaymentListItem, so a million payments pass through a
// few hundred kilobytes of memory. The reply's read buffer is bounded: when the consumer of
// received() is slower than the network, Qt stops reading the socket and the gateway waits.
//
// One stream, one finished(): then error() holds the gateway's error answer (403 without the
// `export` permission …), the connection's failure, or a body that ended without its last
// chunk or with half a line — never a silently short result. Deletes itself after finished()
// when MerchantClient made it.
class PaymentExportStream final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PaymentExportStream)

public:
    // The reply's read buffer (bytes): what may wait between the socket and received().
    static constexpr qint64 ReadBufferSize = 256 * 1024;
    // A line longer than this is no payment (a row is a few hundred bytes).
    static constexpr qsizetype MaxLineLength = 64 * 1024;

    explicit PaymentExportStream(QNetworkReply *reply, QObject *parent = nullptr);
    // A call refused before anything was sent; finished() comes from the event loop.
    PaymentExportStream(const ApiError &error, QObject *parent);
    ~PaymentExportStream() override;

    bool isFinished() const { return m_finished; }
    bool ok() const { return m_finished && !m_error.isError(); }
    const ApiError &error() const { return m_error; }
    qint64 paymentsRead() const { return m_payments; }
    // The most bytes this stream held at once outside Qt's read buffer (a partial line and one
    // read): what it costs in memory, whatever the length of the export.
    qint64 peakBufferedBytes() const { return m_peakBuffered; }

    // Closes the connection (the gateway stops at its next write); finished() follows at once
    // with a Cancelled error unless the stream had already finished.
    void abort();

Q_SIGNALS:
    // The payments of the bytes just read, in the export's order; the list lives only during
    // the call. A receiver may call abort() from here.
    void received(const QList<kessai::PaymentListItem> &items);
    void finished();

private:
    void pump();
    bool readAvailable();
    bool takeLines();
    void conclude();
    void fail(const ApiError &error);
    void malformed(const QString &why);
    void finish();

    QPointer<QNetworkReply> m_reply;
    QByteArray m_buffer;     // bytes read, not yet a whole line
    QByteArray m_errorBody;  // a non-2xx answer (bounded)
    QList<PaymentListItem> m_items;
    ApiError m_error;
    int m_httpStatus = 0;
    qint64 m_payments = 0;
    qint64 m_peakBuffered = 0;
    qint64 m_line = 0; // lines read, for the log
    bool m_reading = false;
    bool m_finished = false;
};

} // namespace kessai
