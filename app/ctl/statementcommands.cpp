#include "statementcommands.h"

#include "api/keysetpager.h"
#include "api/merchantclient.h"
#include "ctlsession.h"
#include "domain/japantime.h"
#include "exportcommands.h"
#include "export/statementexport.h"
#include "reconcile/ledger.h"
#include "reconcile/reconcilereport.h"
#include "reconcile/statementsource.h"
#include "statements/statementdocument.h"
#include "texttable.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

namespace kessai::ctl {

namespace {

bool isList(const QStringList &command)
{
    return command == QStringList{QStringLiteral("statements"), QStringLiteral("list")};
}

int listStatements(MerchantClient &client, const StatementOptions &options)
{
    QList<Statement> statements;
    QJsonArray rows;
    KeysetPager pager;
    pager.setRequests([&](const QString &cursor, int limit) { return client.statements(options.year, cursor, limit); },
                      [&](ApiReply &reply) -> std::optional<QString> {
                          const QJsonObject answer = reply.json().object();
                          auto page = readStatementListPage(answer);
                          if (!page) {
                              reply.setMalformed(QStringLiteral("not a statement list"));
                              return std::nullopt;
                          }
                          statements.append(page->items);
                          for (const QJsonValue &item : answer.value(QLatin1String("items")).toArray())
                              rows.append(item);
                          return page->nextCursor;
                      });
    if (const ApiError error = pager.readAll(1000); error.isError()) {
        complain(error.displayText());
        return exitCodeFor(error);
    }
    if (options.json) {
        out() << QJsonDocument(QJsonObject{{QStringLiteral("items"), rows}}).toJson(QJsonDocument::Indented);
        return Done;
    }
    const QLocale locale;
    TextTable table({Ctl::tr("ID"), Ctl::tr("Period"), Ctl::tr("Payout date"), Ctl::tr("Sales"), Ctl::tr("Cancels"),
                     Ctl::tr("Fees and tax"), Ctl::tr("Transfer fee"), Ctl::tr("Carried over"), Ctl::tr("Payout")},
                    {true, false, false, true, true, true, true, true, true});
    for (const Statement &s : std::as_const(statements)) {
        table.addRow({s.id,
                      QStringLiteral("%1 – %2").arg(s.periodStart.toString(QStringLiteral("yyyy/MM/dd")),
                                                    s.closingDate.toString(QStringLiteral("yyyy/MM/dd"))),
                      s.payoutDate.toString(QStringLiteral("yyyy/MM/dd")), formatYen(s.figures.saleAmount, locale),
                      formatYen(s.figures.cancelAmount, locale), formatYen(s.figures.fee + s.figures.tax, locale),
                      formatYen(s.transferFee, locale), formatYen(s.carryOut, locale), formatYen(s.payout, locale)});
    }
    out() << table.render();
    out() << Ctl::tr("%1 statements").arg(locale.toString(qint64(statements.size()))) << Qt::endl;
    return Done;
}

ExportFormat formatOf(const StatementOptions &options)
{
    return exportFormatOf(options.format, options.encoding, options.out);
}

int exportStatement(MerchantClient &client, const StatementOptions &options)
{
    const ApiResult answer = waitFor(client.statement(options.statementId));
    if (!answer.ok()) {
        complain(answer.error.displayText());
        return exitCodeFor(answer.error);
    }
    const std::optional<Statement> statement = Statement::fromJson(answer.json.object());
    if (!statement) {
        complain(Ctl::tr("the gateway's answer is not a statement"));
        return ConnectionFailed;
    }
    if (options.pdf) {
        // argumentsMayWantPdf() chose the GUI application; without one the fonts cannot be read.
        if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance())) {
            complain(Ctl::tr("%1: a PDF needs the format given as --format pdf or a .pdf file name").arg(options.out));
            return Usage;
        }
        StatementDocument::Merchant merchant{client.user().merchantId, client.user().merchantName};
        QString error;
        if (!StatementDocument::writePdf(*statement, merchant, options.out, &error)) {
            complain(Ctl::tr("%1: the PDF could not be written (%2); no file was written").arg(options.out, error));
            return Usage;
        }
        out() << Ctl::tr("statement %1 written to %2").arg(statement->id, options.out) << Qt::endl;
        return Done;
    }
    const ExportFormat format = formatOf(options);
    TableWriter::Options writerOptions;
    writerOptions.englishHeader = options.englishHeader;
    writerOptions.columnOrder = options.columnOrder;
    if (!options.lines)
        return reportExport(StatementExport::writeSummary(*statement, options.out, format, writerOptions));

    StatementLinesExporter exporter(&client);
    StatementLineQuery query;
    query.statementId = statement->id;
    exporter.setQuery(query);
    exporter.setOutputPath(options.out);
    exporter.setFormat(format);
    exporter.setOptions(writerOptions);
    ExportResult result;
    QEventLoop loop;
    QObject::connect(&exporter, &StatementLinesExporter::finished, &loop, [&](const ExportResult &r) {
        result = r;
        loop.quit();
    });
    exporter.start();
    if (exporter.isRunning())
        loop.exec();
    return reportExport(result);
}

bool isReconcile(const QStringList &command)
{
    return command == QStringList{QStringLiteral("reconcile")};
}

int reconcileLedger(MerchantClient &client, const StatementOptions &options)
{
    const Ledger ledger = Ledger::read(options.ledger);
    if (ledger.needsMapping()) {
        complain(Ctl::tr("%1: the header does not name the trading ID and amount columns (取引ID/注文番号/order_id, "
                         "金額/合計金額/amount); rename them, or reconcile once in the console to choose them")
                     .arg(options.ledger));
        return Usage;
    }
    if (!ledger.isClean()) {
        for (const LedgerError &error : ledger.errors())
            err() << options.ledger << ':' << error.line << ": " << error.message << Qt::endl;
        return Usage;
    }
    QList<StatementEntry> side;
    if (options.from.isValid()) {
        CapturedPaymentsReader reader(&client);
        if (const ApiError error = reader.readAll(options.from, options.to); error.isError()) {
            complain(error.displayText());
            return exitCodeFor(error);
        }
        side = reader.entries();
    } else {
        StatementLinesReader reader(&client);
        if (const ApiError error = reader.readAll(options.statementId); error.isError()) {
            complain(error.displayText());
            return exitCodeFor(error);
        }
        side = statementEntries(reader.lines());
    }
    const ReconcileResult result = Reconciler::reconcile(ledger.entries(), side);
    ReconcileReportOptions report;
    report.englishHeader = true; // a script's file: the stable English codes
    if (const CsvError error = writeReconcileReport(options.out, result.rows, report); error.isError()) {
        complain(error.message());
        return Usage;
    }
    const QLocale locale;
    bool allMatched = true;
    for (int i = 0; i < ReconcileStatusCount; ++i) {
        const ReconcileTotal &total = result.totals[size_t(i)];
        out() << reconcileStatusCode(ReconcileStatus(i)) << '\t' << total.count << Qt::endl;
        if (ReconcileStatus(i) != ReconcileStatus::Matched && total.count > 0)
            allMatched = false;
    }
    out() << Ctl::tr("%1 rows written to %2").arg(locale.toString(result.rows.size()), options.out) << Qt::endl;
    return allMatched ? Done : SomeFailed;
}

} // namespace

int parseStatementOptions(const QCommandLineParser &parser, const QStringList &command, StatementOptions *options)
{
    options->profile = parser.value(QStringLiteral("profile"));
    options->json = parser.isSet(QStringLiteral("json"));
    options->statementId = parser.value(QStringLiteral("id"));
    options->lines = parser.isSet(QStringLiteral("lines"));
    options->format = parser.value(QStringLiteral("format"));
    options->encoding = parser.value(QStringLiteral("encoding"));
    options->out = parser.value(QStringLiteral("out"));
    options->englishHeader = parser.isSet(QStringLiteral("english-header"));
    if (parser.isSet(QStringLiteral("year"))) {
        bool ok = false;
        options->year = parser.value(QStringLiteral("year")).toInt(&ok);
        if (!ok || options->year < 2000 || options->year > 9999) {
            complain(Ctl::tr("--year takes a year such as 2026"));
            return Usage;
        }
    }
    if (isList(command))
        return Done;
    if (isReconcile(command)) {
        options->ledger = parser.value(QStringLiteral("ledger"));
        options->statementId = parser.value(QStringLiteral("statement"));
        const int thisYear = QDate::currentDate().year();
        if (parser.isSet(QStringLiteral("from")) || parser.isSet(QStringLiteral("to"))) {
            options->from = JapanTime::parseDate(parser.value(QStringLiteral("from")), thisYear);
            options->to = JapanTime::parseDate(parser.value(QStringLiteral("to")), thisYear);
        }
        const bool byStatement = !options->statementId.isEmpty() && !parser.isSet(QStringLiteral("from"))
                                 && !parser.isSet(QStringLiteral("to"));
        const bool byDates = options->statementId.isEmpty() && options->from.isValid() && options->to.isValid()
                             && options->from <= options->to;
        if (options->ledger.isEmpty() || options->out.isEmpty() || (!byStatement && !byDates)) {
            complain(Ctl::tr("usage: kessaictl reconcile --ledger FILE (--statement ID | --from DATE --to DATE) --out FILE"));
            return Usage;
        }
        return Done;
    }
    if (command != QStringList{QStringLiteral("statement"), QStringLiteral("export")} || options->statementId.isEmpty()
        || options->out.isEmpty()) {
        complain(Ctl::tr("usage: kessaictl statement export --id ID [--lines] [--format csv|xlsx|pdf] "
                         "[--encoding utf8-bom|utf8|cp932] [--columns LIST] --out FILE"));
        return Usage;
    }
    options->pdf = isPdfExport(options->format, options->out);
    if (!options->pdf) {
        if (const int rc = checkExportOptions(options->format, options->encoding, options->out); rc != Done)
            return rc;
        if (!parser.isSet(QStringLiteral("columns")))
            return Done;
        return options->lines ? parseColumns(parser.value(QStringLiteral("columns")), StatementExport::lineColumns(true),
                                             StatementExport::lineColumns(false), &options->columnOrder)
                              : parseColumns(parser.value(QStringLiteral("columns")), StatementExport::summaryColumns(true),
                                             StatementExport::summaryColumns(false), &options->columnOrder);
    }
    // The PDF is the statement as a document: its lines are a table (CSV or .xlsx), and a PDF
    // has no text encoding to choose.
    if (options->lines) {
        complain(Ctl::tr("the PDF is the statement itself; export its --lines as csv or xlsx"));
        return Usage;
    }
    if (!options->encoding.isEmpty()) {
        complain(Ctl::tr("--encoding belongs to CSV files, not to the PDF"));
        return Usage;
    }
    if (parser.isSet(QStringLiteral("columns")) || options->englishHeader) {
        complain(Ctl::tr("--columns and --english-header belong to csv and xlsx files, not to the PDF"));
        return Usage;
    }
    return Done;
}

int runStatementCommand(const QStringList &command, const StatementOptions &options)
{
    Connection connection;
    QString problem;
    if (!resolveConnection(options.profile, &connection, &problem)) {
        complain(problem);
        return Usage;
    }
    MerchantClient client;
    if (const int rc = connectAndLogin(client, connection); rc != Done)
        return rc;
    const int rc = isList(command)        ? listStatements(client, options)
                   : isReconcile(command) ? reconcileLedger(client, options)
                                          : exportStatement(client, options);
    waitFor(client.logout());
    return rc;
}

} // namespace kessai::ctl
