#include "paymentexporter.h"

#include "api/merchantclient.h"
#include "domain/japantime.h"
#include "domain/paymentcatalog.h"

#include <QDateTime>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcExport, "kessai.export", QtInfoMsg)

namespace kessai {

QString ExportResult::errorText() const
{
    if (cancelled)
        return PaymentExporter::tr("The export was cancelled.");
    if (apiError.isError())
        return apiError.displayText();
    if (csvError.isError())
        return csvError.message();
    return {};
}

PaymentExporter::PaymentExporter(MerchantClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
    qRegisterMetaType<kessai::ExportResult>();
    m_cells.resize(ColumnCount);
}

PaymentExporter::~PaymentExporter()
{
    stopRequests(); // the temporary file, if any, goes with m_writer
}

void PaymentExporter::setEncoding(CsvEncoding encoding)
{
    switch (encoding) {
    case CsvEncoding::Utf8Bom:
        m_format = ExportFormat::CsvUtf8Bom;
        return;
    case CsvEncoding::Utf8:
        m_format = ExportFormat::CsvUtf8;
        return;
    case CsvEncoding::Cp932:
        m_format = ExportFormat::CsvCp932;
        return;
    }
}

QStringList PaymentExporter::headerLabels(bool english)
{
    // PAYGENT online's column names and order.
    static const char *const names[ColumnCount] = {
        QT_TR_NOOP("Trading ID"), QT_TR_NOOP("Payment ID"), QT_TR_NOOP("Payment type"),
        QT_TR_NOOP("Institution"), QT_TR_NOOP("Status"), QT_TR_NOOP("Trade time"),
        QT_TR_NOOP("Due date"), QT_TR_NOOP("Cleared time"), QT_TR_NOOP("Amount")};
    QStringList labels;
    labels.reserve(ColumnCount);
    for (const char *name : names)
        labels.append(english ? QString::fromLatin1(name) : tr(name));
    return labels;
}

QList<ExportColumn> PaymentExporter::columns(bool englishHeader)
{
    using Kind = ExportColumn::Kind;
    const QStringList labels = headerLabels(englishHeader);
    QList<ExportColumn> columns;
    columns.reserve(ColumnCount);
    for (int i = 0; i < ColumnCount; ++i) {
        Kind kind = Kind::Text; // 決済ID too: 18 digits stay exact
        if (i == TradeTimeColumn || i == ClearedTimeColumn)
            kind = Kind::DateTime;
        else if (i == DueTimeColumn)
            kind = Kind::Date;
        else if (i == AmountColumn)
            kind = Kind::Money;
        columns.append({labels.at(i), kind});
    }
    return columns;
}

QString PaymentExporter::defaultFileName(const QDateTime &now, ExportFormat format)
{
    return QStringLiteral("payments_%1").arg(now.toString(QStringLiteral("yyyyMMdd_HHmm"))) + exportSuffix(format);
}

void PaymentExporter::start()
{
    if (m_running)
        return;
    m_running = true;
    m_rows = 0;
    m_total = -1;
    m_timer.start();
    ExportResult result;
    if (!m_client) {
        result.apiError.kind = ApiError::Kind::Connection;
        result.apiError.message = tr("Not connected to the gateway.");
        finish(result);
        return;
    }
    TableWriter::Options options;
    options.replaceUnmappable = m_replaceUnmappable;
    options.sheetName = tr("Payments");
    options.englishHeader = m_englishHeader;
    options.columnOrder = m_columnOrder;
    m_writer = TableWriter::create(m_path, m_format, options);
    if (!m_writer) {
        result.csvError.kind = CsvError::Kind::Io;
        result.csvError.detail = tr("this format is not available");
        finish(result);
        return;
    }
    if (CsvError error = m_writer->open(columns(m_englishHeader)); error.isError()) {
        result.csvError = error;
        finish(result);
        return;
    }

    // The rows do not wait for their total (counting can be slower than the first rows).
    Q_EMIT progress(0, -1);
    m_stream = m_client->exportPayments(m_query);
    connect(m_stream, &PaymentExportStream::received, this, &PaymentExporter::writeRows);
    connect(m_stream, &PaymentExportStream::finished, this, &PaymentExporter::streamFinished);
    // The client (and every call of it) can go first, as when the session ends: still one finished().
    connect(m_stream, &QObject::destroyed, this, [this] {
        ExportResult gone;
        gone.apiError.kind = ApiError::Kind::Connection;
        gone.apiError.message = tr("Not connected to the gateway.");
        if (m_running)
            finish(gone);
    });
    ApiReply *count = m_client->countPayments(m_query);
    m_count = count;
    connect(count, &ApiReply::finished, this, [this, count] {
        m_count = nullptr;
        const std::optional<qint64> total = readTotal(*count);
        if (!m_running || !total)
            return; // the progress just stays indeterminate
        m_total = *total;
        Q_EMIT progress(m_rows, m_total);
    });
}

void PaymentExporter::writeRows(const QList<PaymentListItem> &items)
{
    if (!m_running)
        return;
    const QPointer<PaymentExporter> self(this);
    for (const PaymentListItem &p : items) {
        m_cells[TradingIdColumn] = p.tradingId;
        m_cells[PaymentIdColumn] = QString::number(p.paymentId);
        m_cells[TypeColumn] = PaymentCatalog::typeLabel(p.type);
        m_cells[InstitutionColumn] = p.institution;
        m_cells[StatusColumn] = PaymentCatalog::statusLabel(p.status, p.type);
        m_cells[TradeTimeColumn] = QVariant::fromValue<qint64>(p.tradeTime);
        m_cells[DueTimeColumn] = p.dueTime != 0 ? QVariant(JapanTime::dateOf(p.dueTime)) : QVariant();
        m_cells[ClearedTimeColumn] = QVariant::fromValue<qint64>(p.clearedTime);
        m_cells[AmountColumn] = QVariant::fromValue<qint64>(p.amount);
        if (CsvError error = m_writer->writeRow(m_cells); error.isError()) {
            ExportResult result;
            result.csvError = error;
            finish(result);
            return;
        }
        ++m_rows;
        if (m_rows % m_progressStep == 0) {
            // A receiver may spin the event loop (a modal progress dialog) and cancel meanwhile.
            Q_EMIT progress(m_rows, m_total);
            if (!self || !m_running)
                return;
        }
    }
}

void PaymentExporter::streamFinished()
{
    if (!m_running || !m_stream)
        return;
    ExportResult result;
    result.apiError = m_stream->error();
    m_stream->disconnect(this);
    m_stream = nullptr; // it deletes itself
    if (result.apiError.isError()) {
        if (result.apiError.code == QLatin1String("forbidden"))
            result.apiError.message = tr("You may not export payments: your user does not have the export permission. "
                                         "An administrator can grant it.");
        finish(result);
        return;
    }
    // After the last row the total is what was written, whether or not the count has come.
    const QPointer<PaymentExporter> self(this);
    Q_EMIT progress(m_rows, m_rows);
    if (!self || !m_running)
        return;
    result.rows = m_rows;
    result.replacements = m_writer->replacements();
    result.csvError = m_writer->commit();
    finish(result);
}

void PaymentExporter::cancel()
{
    if (!m_running)
        return;
    ExportResult result;
    result.cancelled = true;
    finish(result);
}

void PaymentExporter::stopRequests()
{
    if (PaymentExportStream *stream = m_stream) {
        m_stream = nullptr;
        stream->disconnect(this);
        stream->abort();
    }
    if (ApiReply *count = m_count) {
        m_count = nullptr;
        count->disconnect(this);
        count->abort();
    }
}

void PaymentExporter::finish(ExportResult result)
{
    stopRequests();
    m_writer.reset(); // without commit() the temporary file goes
    m_running = false;
    result.path = m_path;
    if (!result.ok() && !result.cancelled)
        qCInfo(lcExport) << "export failed after" << m_rows << "rows:" << result.errorText();
    else if (result.ok())
        qCDebug(lcExport) << "exported" << m_rows << "rows in" << m_timer.elapsed() << "ms";
    Q_EMIT finished(result);
}

} // namespace kessai
