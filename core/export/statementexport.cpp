#include "statementexport.h"

#include "api/apireply.h"
#include "api/merchantclient.h"
#include "domain/paymentcatalog.h"

#include <QCoreApplication>

namespace kessai {

namespace {

QString tr(const char *text, const char *comment = nullptr)
{
    return QCoreApplication::translate("kessai::StatementExport", text, comment);
}

// A column name: translated, or its English source text for an English header.
QString column(const char *text, bool english)
{
    return english ? QString::fromUtf8(text) : tr(text);
}

QString kindText(const QString &kind)
{
    if (kind == QLatin1String("sale"))
        return QCoreApplication::translate("kessai::StatementExport", "Sale", "statement line kind: 売上");
    if (kind == QLatin1String("cancel"))
        return QCoreApplication::translate("kessai::StatementExport", "Cancel", "statement line kind: 取消");
    return kind;
}

} // namespace

QList<ExportColumn> StatementExport::summaryColumns(bool english)
{
    using Kind = ExportColumn::Kind;
    const auto c = [english](const char *text, Kind kind) { return ExportColumn{column(text, english), kind}; };
    return {c(QT_TRANSLATE_NOOP("kessai::StatementExport", "Period start"), Kind::Date),
            c(QT_TRANSLATE_NOOP("kessai::StatementExport", "Closing date"), Kind::Date),
            c(QT_TRANSLATE_NOOP("kessai::StatementExport", "Payout date"), Kind::Date),
            c(QT_TRANSLATE_NOOP("kessai::StatementExport", "Item"), Kind::Text),
            c(QT_TRANSLATE_NOOP("kessai::StatementExport", "Payment type code"), Kind::Text),
            c(QT_TRANSLATE_NOOP("kessai::StatementExport", "Fee rate"), Kind::Percent),
            c(QT_TRANSLATE_NOOP("kessai::StatementExport", "Fixed fee"), Kind::Money),
            c(QT_TRANSLATE_NOOP("kessai::StatementExport", "Sales (count)"), Kind::Integer),
            c(QT_TRANSLATE_NOOP("kessai::StatementExport", "Sales"), Kind::Money),
            c(QT_TRANSLATE_NOOP("kessai::StatementExport", "Cancels (count)"), Kind::Integer),
            c(QT_TRANSLATE_NOOP("kessai::StatementExport", "Cancels"), Kind::Money),
            c(QT_TRANSLATE_NOOP("kessai::StatementExport", "Fees"), Kind::Money),
            c(QT_TRANSLATE_NOOP("kessai::StatementExport", "Tax on fees"), Kind::Money),
            c(QT_TRANSLATE_NOOP("kessai::StatementExport", "Amount"), Kind::Money)};
}

QList<QVariantList> StatementExport::summaryRows(const Statement &s)
{
    const auto row = [&s](const QString &item) {
        return QVariantList{s.periodStart, s.closingDate, s.payoutDate, item};
    };
    const auto figures = [](QVariantList cells, const StatementFigures &f) {
        cells << QVariant::fromValue<qint64>(f.saleCount) << QVariant::fromValue<qint64>(f.saleAmount)
              << QVariant::fromValue<qint64>(f.cancelCount) << QVariant::fromValue<qint64>(f.cancelAmount)
              << QVariant::fromValue<qint64>(f.fee) << QVariant::fromValue<qint64>(f.tax)
              << QVariant::fromValue<qint64>(f.net);
        return cells;
    };
    const auto amountRow = [&](const QString &item, Yen amount) {
        QVariantList cells = row(item);
        while (cells.size() < 13)
            cells.append(QVariant());
        cells.append(QVariant::fromValue<qint64>(amount));
        return cells;
    };
    QList<QVariantList> rows;
    for (const StatementMethod &method : s.methods) {
        QVariantList cells = row(PaymentCatalog::typeLabel(method.type));
        cells << method.type << QVariant::fromValue<qint64>(method.rateBp) << QVariant::fromValue<qint64>(method.fixedFee);
        rows.append(figures(cells, method.figures));
    }
    QVariantList total = row(tr("Total"));
    total << QVariant() << QVariant() << QVariant();
    rows.append(figures(total, s.figures));
    rows.append(amountRow(tr("Carried in from the previous statement"), s.carryIn));
    rows.append(amountRow(tr("Transfer fee"), -s.transferFee));
    rows.append(amountRow(tr("Carried over to the next statement"), -s.carryOut));
    rows.append(amountRow(tr("Payout"), s.payout));
    return rows;
}

ExportResult StatementExport::writeSummary(const Statement &statement, const QString &path, ExportFormat format,
                                           const TableWriter::Options &options)
{
    ExportResult result;
    result.path = path;
    std::unique_ptr<TableWriter> writer = TableWriter::create(path, format, options);
    if (!writer) {
        result.csvError.kind = CsvError::Kind::Io;
        result.csvError.detail = tr("this format is not available");
        return result;
    }
    result.csvError = writer->open(summaryColumns(options.englishHeader));
    for (const QVariantList &cells : summaryRows(statement)) {
        if (result.csvError.isError())
            return result;
        result.csvError = writer->writeRow(cells);
    }
    if (!result.csvError.isError())
        result.csvError = writer->commit();
    result.rows = writer->rowsWritten();
    result.replacements = writer->replacements();
    return result;
}

QList<ExportColumn> StatementExport::lineColumns(bool english)
{
    using Kind = ExportColumn::Kind;
    const auto c = [english](const char *text, Kind kind) { return ExportColumn{column(text, english), kind}; };
    return {c(QT_TRANSLATE_NOOP("kessai::StatementExport", "Time"), Kind::DateTime),
            c(QT_TRANSLATE_NOOP("kessai::StatementExport", "Trading ID"), Kind::Text),
            c(QT_TRANSLATE_NOOP("kessai::StatementExport", "Payment ID"), Kind::Text),
            c(QT_TRANSLATE_NOOP("kessai::StatementExport", "Payment type code"), Kind::Text),
            c(QT_TRANSLATE_NOOP("kessai::StatementExport", "Payment type"), Kind::Text),
            c(QT_TRANSLATE_NOOP("kessai::StatementExport", "Kind"), Kind::Text),
            c(QT_TRANSLATE_NOOP("kessai::StatementExport", "Amount"), Kind::Money),
            c(QT_TRANSLATE_NOOP("kessai::StatementExport", "Fee"), Kind::Money)};
}

QVariantList StatementExport::lineCells(const StatementLine &line)
{
    return {QVariant::fromValue<qint64>(line.at),
            line.tradingId,
            line.paymentId > 0 ? QVariant(QString::number(line.paymentId)) : QVariant(),
            line.type,
            PaymentCatalog::typeLabel(line.type),
            kindText(line.kind),
            QVariant::fromValue<qint64>(line.amount),
            QVariant::fromValue<qint64>(line.fee)};
}

QString StatementExport::defaultFileName(const Statement &statement, bool lines, ExportFormat format)
{
    return QStringLiteral("statement_%1%2%3")
        .arg(statement.payoutDate.toString(QStringLiteral("yyyyMMdd")),
             lines ? QStringLiteral("_lines") : QString(), exportSuffix(format));
}

StatementLinesExporter::StatementLinesExporter(MerchantClient *client, QObject *parent)
    : PagedExporter(client, parent)
{
}

StatementLinesExporter::~StatementLinesExporter() = default;

QList<ExportColumn> StatementLinesExporter::columns(bool englishHeader) const
{
    return StatementExport::lineColumns(englishHeader);
}

ApiReply *StatementLinesExporter::requestPage(const QString &cursor, int limit)
{
    return client()->statementLines(m_query, cursor, limit);
}

std::optional<QString> StatementLinesExporter::readPage(const ApiReply &reply, QList<QVariantList> &rows, QString *why)
{
    auto page = readStatementLinesPage(reply.body(), why);
    if (!page)
        return std::nullopt;
    rows.reserve(page->items.size());
    for (const StatementLine &line : std::as_const(page->items))
        rows.append(StatementExport::lineCells(line));
    return page->nextCursor;
}

} // namespace kessai
