#include "paymentexport.h"

#include "domain/jsonwriter.h"
#include "payments/paymentstore.h"
#include "payments/search/paymentparams.h"

#include <QDateTime>
#include <QUrl>

#include <algorithm>
#include <array>

Q_LOGGING_CATEGORY(lcGatewayExport, "gateway.export", QtInfoMsg)

namespace kessai::gateway {

namespace {

// The parameters that make up the filter (and its order): what the audit entry records.
constexpr std::array<QLatin1StringView, 19> FilterParameters = {
    QLatin1StringView("trading_id"), QLatin1StringView("payment_id"), QLatin1StringView("status"),
    QLatin1StringView("type"),       QLatin1StringView("type_status"), QLatin1StringView("trade_from"),
    QLatin1StringView("trade_to"),   QLatin1StringView("charge_from"), QLatin1StringView("charge_to"),
    QLatin1StringView("due_from"),   QLatin1StringView("due_to"),     QLatin1StringView("cleared_from"),
    QLatin1StringView("cleared_to"), QLatin1StringView("amount_min"), QLatin1StringView("amount_max"),
    QLatin1StringView("card_last4"), QLatin1StringView("customer"),   QLatin1StringView("sort"),
    QLatin1StringView("order"),
};

ApiError invalid(const QString &name, const QString &why)
{
    return ApiError::invalidParameter(QStringLiteral("%1: %2").arg(name, why));
}

// The filter as sent, percent-encoded (no spaces, no control characters, ASCII only), in the
// order sent; the parser has refused any filter parameter given twice.
QString auditQueryOf(const QList<std::pair<QString, QString>> &items)
{
    QByteArray query;
    for (const auto &[name, value] : items) {
        if (std::find(FilterParameters.cbegin(), FilterParameters.cend(), name) == FilterParameters.cend())
            continue;
        if (!query.isEmpty())
            query += '&';
        query += name.toLatin1() + '=' + QUrl::toPercentEncoding(value, QByteArrayLiteral(",*:"));
    }
    return QString::fromLatin1(query);
}

constexpr QByteArrayView CsvHeader = "\xEF\xBB\xBF" // UTF-8 BOM: Excel then reads the file as UTF-8
                                     "trading_id,payment_id,type,institution,status,trade_time,due_time,"
                                     "cleared_time,amount\r\n";

// A text field of RFC 4180, with a leading = + - @ TAB or CR neutralised by an apostrophe so that
// a spreadsheet shows it as text and never runs it as a formula.
void appendCsvText(QByteArray &out, QByteArrayView field)
{
    const bool quote = field.contains(',') || field.contains('"') || field.contains('\r') || field.contains('\n');
    if (quote)
        out += '"';
    if (!field.isEmpty()) {
        const char first = field.front();
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r')
            out += '\'';
    }
    if (!quote) {
        out += field;
        return;
    }
    for (const char c : field) {
        if (c == '"')
            out += '"';
        out += c;
    }
    out += '"';
}

void appendCsvTime(QByteArray &out, std::optional<qint64> time)
{
    if (time)
        appendWireTime(&out, *time);
}

// trading_id,payment_id,type,institution,status,trade_time,due_time,cleared_time,amount: the
// console's export columns, as wire values (codes, ISO 8601 UTC). Numbers are written as they are.
void appendCsvRow(QByteArray &out, const PaymentRows &rows, qsizetype i)
{
    using Text = PaymentRows::Text;
    appendCsvText(out, rows.text(i, Text::TradingId));
    out += ',';
    out += QByteArray::number(rows.paymentId(i));
    out += ',';
    appendCsvText(out, rows.text(i, Text::Type));
    out += ',';
    appendCsvText(out, rows.text(i, Text::Institution));
    out += ',';
    out += QByteArray::number(rows.status(i));
    out += ',';
    appendCsvTime(out, rows.tradeTime(i));
    out += ',';
    appendCsvTime(out, rows.dueTime(i));
    out += ',';
    appendCsvTime(out, rows.clearedTime(i));
    out += ',';
    out += QByteArray::number(rows.amount(i));
    out += "\r\n";
}

} // namespace

ApiResult<ExportRequest> parseExportQuery(const QMultiMap<QString, QString> &params,
                                          const QList<std::pair<QString, QString>> &items,
                                          const QStringList &permissions)
{
    ExportRequest request;
    const QString format = QStringLiteral("format");
    if (params.count(format) > 1)
        return invalid(format, QStringLiteral("given more than once"));
    if (params.contains(format)) {
        const QString value = params.value(format);
        if (value == QLatin1String("csv"))
            request.format = ExportRequest::Format::Csv;
        else if (value != QLatin1String("jsonl"))
            return invalid(format, QStringLiteral("jsonl (the default) or csv"));
    }
    for (const QString &name : {QStringLiteral("cursor"), QStringLiteral("limit")}) {
        if (params.contains(name))
            return invalid(name, QStringLiteral("not taken by the export, which sends the whole result"));
    }
    auto filter = parsePaymentQuery(params, permissions);
    if (!filter.ok())
        return filter.error();
    request.filter = filter.value();
    request.filter.count = false;
    request.filter.limit = PaymentExport::BatchRows;
    request.auditQuery = auditQueryOf(items);
    return request;
}

QLatin1StringView formatName(ExportRequest::Format format)
{
    return format == ExportRequest::Format::Csv ? QLatin1StringView("csv") : QLatin1StringView("jsonl");
}

PaymentExport::PaymentExport(PaymentStore &store, QString merchantId, const ExportRequest &request)
    : m_store(store)
    , m_merchantId(std::move(merchantId))
    , m_filter(request.filter)
    , m_format(request.format)
{}

Result<PaymentPage> PaymentExport::readBatch()
{
    auto page = m_store.search(m_merchantId, m_filter);
    if (!page) {
        m_outcome = Outcome::StoreFailed;
        return makeError(page.error());
    }
    return page;
}

Result<void> PaymentExport::start()
{
    auto page = readBatch();
    if (!page)
        return makeError(page.error());
    m_page = std::move(page).value();
    return {};
}

StreamedBody::Step PaymentExport::next(const StreamedBody::Write &write)
{
    if (m_outcome != Outcome::Running)
        return m_outcome == Outcome::Complete ? StreamedBody::Step::Complete : StreamedBody::Step::Failed;
    if (!m_page) {
        auto page = readBatch();
        if (!page) {
            qCWarning(lcGatewayExport).noquote() << "export batch failed after" << m_rows << "rows:" << page.error();
            return StreamedBody::Step::Failed;
        }
        m_page = std::move(page).value();
    }
    const PaymentPage page = std::move(*m_page);
    m_page.reset();

    QByteArray out;
    out.reserve(page.items.size() * (m_format == ExportRequest::Format::Csv ? 160 : 420) + 256);
    if (!m_started) {
        if (m_format == ExportRequest::Format::Csv)
            out += CsvHeader;
        m_started = true;
    }
    for (qsizetype i = 0; i < page.items.size(); ++i) {
        if (m_format == ExportRequest::Format::Csv) {
            appendCsvRow(out, page.items, i);
        } else {
            // The list's row object, without actions.
            JsonWriter writer(&out);
            page.items.writeJson(i, writer);
            out += '\n';
        }
    }
    if (!write(out)) {
        m_outcome = Outcome::ClientGone;
        return StreamedBody::Step::Failed;
    }
    m_rows += page.items.size();
    if (!page.next) {
        m_outcome = Outcome::Complete;
        return StreamedBody::Step::Complete;
    }
    m_filter.after = page.next;
    return StreamedBody::Step::More;
}

} // namespace kessai::gateway
