#pragma once

#include "common/apierror.h"
#include "common/result.h"
#include "http/response.h"
#include "payments/paymentfilter.h"

#include <QByteArray>
#include <QList>
#include <QLoggingCategory>
#include <QMultiMap>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

Q_DECLARE_LOGGING_CATEGORY(lcGatewayExport)

namespace kessai::gateway {

class PaymentStore;

// What GET /v1/payments/export was asked for: the search's filter (same parser, same
// view:<type> rules), the format, and the filter as a query string for the audit log.
struct ExportRequest
{
    enum class Format { JsonLines, Csv };

    PaymentFilter filter;
    Format format = Format::JsonLines;
    QString auditQuery; // "status=40&type=02": the filter parameters as sent, percent-encoded
};

// Parses the export's query: format, then every filter of GET /v1/payments; cursor and limit
// are refused (the export is the whole result).
ApiResult<ExportRequest> parseExportQuery(const QMultiMap<QString, QString> &params,
                                          const QList<std::pair<QString, QString>> &items,
                                          const QStringList &permissions);

QLatin1StringView formatName(ExportRequest::Format format); // jsonl | csv

// One export in progress: reads the result in keyset batches through PaymentStore::search (so
// rows, order and view rules are the list's) and writes each batch as it is read, so memory
// holds one batch whatever the size of the result.
class PaymentExport
{
public:
    static constexpr int BatchRows = 2000;

    enum class Outcome {
        Running,
        Complete,
        ClientGone,  // a write failed: the client closed the connection or stopped reading
        StoreFailed, // a batch could not be read
    };

    PaymentExport(PaymentStore &store, QString merchantId, const ExportRequest &request);

    // Reads the first batch, so that a failing database is still a JSON error and not a cut-off
    // body.
    Result<void> start();
    // The next part of the body (StreamedBody::next).
    StreamedBody::Step next(const StreamedBody::Write &write);

    Outcome outcome() const { return m_outcome; }
    qint64 rows() const { return m_rows; }

private:
    Result<PaymentPage> readBatch();

    PaymentStore &m_store;
    QString m_merchantId;
    PaymentFilter m_filter;
    ExportRequest::Format m_format;
    std::optional<PaymentPage> m_page; // read, not yet written
    bool m_started = false;            // the header (CSV) has been written
    Outcome m_outcome = Outcome::Running;
    qint64 m_rows = 0;
};

} // namespace kessai::gateway
