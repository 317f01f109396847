#include "api/keysetpager.h"
#include "api/merchantclient.h"
#include "bulkcommands.h"
#include "common/translations.h"
#include "ctlsession.h"
#include "exportcommands.h"
#include "statementcommands.h"
#include "domain/japantime.h"
#include "domain/money.h"
#include "domain/payment.h"
#include "domain/paymentcatalog.h"
#include "export/paymentexporter.h"
#include "texttable.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

#include <memory>

using namespace kessai;
using namespace kessai::ctl;

namespace {

// Usage errors are found before connecting: a typo never costs a login.
int parseListOptions(const QCommandLineParser &parser, const QCommandLineOption &tradingId,
                     const QCommandLineOption &status, const QCommandLineOption &type,
                     const QCommandLineOption &limitOpt, PaymentQuery *query, int *limit)
{
    query->tradingId = parser.value(tradingId);
    for (const QString &code : parser.value(status).split(u',', Qt::SkipEmptyParts)) {
        bool ok = false;
        const int value = code.trimmed().toInt(&ok);
        if (!ok || !PaymentCatalog::isKnownStatus(value)) {
            err() << "kessaictl: " << Ctl::tr("unknown status code: %1").arg(code) << Qt::endl;
            return Usage;
        }
        query->statuses.append(value);
    }
    for (const QString &code : parser.value(type).split(u',', Qt::SkipEmptyParts)) {
        if (!PaymentCatalog::isKnownType(code.trimmed())) {
            err() << "kessaictl: " << Ctl::tr("unknown payment type: %1").arg(code) << Qt::endl;
            return Usage;
        }
        query->types.append(code.trimmed());
    }
    bool ok = true;
    *limit = parser.isSet(limitOpt) ? parser.value(limitOpt).toInt(&ok) : 100;
    if (!ok || *limit < 1) {
        err() << "kessaictl: " << Ctl::tr("--limit takes a positive number") << Qt::endl;
        return Usage;
    }
    return Done;
}

int paymentsList(MerchantClient &client, const PaymentQuery &query, int limit, bool json)
{
    QJsonArray rows;
    qint64 total = -1;
    KeysetPager pager;
    // The first page brings the total with it; later ones are not counted again.
    pager.setRequests(
        [&](const QString &cursor, int pageLimit) {
            return client.searchPayments(query, cursor, pageLimit, pager.pagesRead() == 0);
        },
        [&](ApiReply &reply) -> std::optional<QString> {
            const QJsonObject answer = reply.json().object();
            if (total < 0)
                total = answer.value(QLatin1String("total")).toInteger(-1);
            for (const QJsonValue &item : answer.value(QLatin1String("items")).toArray())
                rows.append(item);
            return answer.value(QLatin1String("next_cursor")).toString();
        });
    const ApiError error = pager.readAll(1000, [&rows] { return qint64(rows.size()); }, limit);
    if (error.isError()) {
        err() << "kessaictl: " << error.displayText() << Qt::endl;
        return exitCodeFor(error);
    }

    if (json) {
        const QJsonObject doc{{QStringLiteral("total"), total}, {QStringLiteral("items"), rows}};
        out() << QJsonDocument(doc).toJson(QJsonDocument::Indented);
        return Done;
    }
    TextTable table({Ctl::tr("Trading ID"), Ctl::tr("Payment ID"), Ctl::tr("Type"), Ctl::tr("Institution"), Ctl::tr("Status"),
                     Ctl::tr("Trade time"), Ctl::tr("Amount")},
                    {false, false, false, false, false, false, true});
    const QLocale locale;
    for (const QJsonValue &value : rows) {
        const Payment p = Payment::fromJson(value.toObject());
        table.addRow({p.tradingId, p.paymentId, PaymentCatalog::typeLabel(p.type), p.institution,
                      QStringLiteral("%1 %2").arg(p.status).arg(PaymentCatalog::statusLabel(p.status, p.type)),
                      JapanTime::format(p.tradeTime),
                      formatYen(p.amount, locale)});
    }
    out() << table.render();
    out() << Ctl::tr("%1 of %2 payments").arg(locale.toString(qint64(rows.size())), locale.toString(total)) << Qt::endl;
    return Done;
}

// Options of the bulk commands, checked before anything is read or sent.
int parseBulkOptions(const QCommandLineParser &parser, const QStringList &command, BulkOptions *options)
{
    options->profile = parser.value(QStringLiteral("profile"));
    options->journalDir = parser.value(QStringLiteral("journal"));
    options->file = parser.value(QStringLiteral("file"));
    options->again = parser.isSet(QStringLiteral("again"));
    options->unfinishedOnly = parser.isSet(QStringLiteral("unfinished"));
    const QString &verb = command.first();
    const bool runsFile = verb == QLatin1String("capture") || verb == QLatin1String("cancel");
    if (runsFile && (options->file.isEmpty() || command.size() != 1)) {
        complain(Ctl::tr("usage: kessaictl %1 --file FILE [--journal DIR] [--again]").arg(verb));
        return Usage;
    }
    if (!runsFile && (parser.isSet(QStringLiteral("file")) || parser.isSet(QStringLiteral("again")))) {
        complain(Ctl::tr("--file and --again belong to kessaictl capture and kessaictl cancel"));
        return Usage;
    }
    if (parser.isSet(QStringLiteral("chunk-size"))) {
        bool ok = false;
        options->chunkSize = parser.value(QStringLiteral("chunk-size")).toInt(&ok);
        if (!ok || options->chunkSize < 1 || options->chunkSize > 1000) {
            complain(Ctl::tr("--chunk-size takes a number from 1 to 1000"));
            return Usage;
        }
    }
    if (verb == QLatin1String("batches") && command.size() != 1) {
        complain(Ctl::tr("usage: kessaictl batches [--unfinished] [--journal DIR]"));
        return Usage;
    }
    if (verb == QLatin1String("resume")) {
        bool ok = command.size() == 1;
        if (command.size() == 2)
            options->batchId = command.at(1).toLongLong(&ok);
        if (!ok || options->batchId < 0 || command.size() > 2) {
            complain(Ctl::tr("usage: kessaictl resume [BATCH] [--journal DIR]"));
            return Usage;
        }
    }
    return Done;
}

int runBulkCommand(const QCommandLineParser &parser, const QStringList &command)
{
    BulkOptions options;
    if (const int rc = parseBulkOptions(parser, command, &options); rc != Done)
        return rc;
    const QString &verb = command.first();
    if (verb == QLatin1String("capture"))
        return runFile(PaymentAction::Kind::Capture, options);
    if (verb == QLatin1String("cancel"))
        return runFile(PaymentAction::Kind::Cancel, options);
    if (verb == QLatin1String("batches"))
        return listBatches(options);
    return resumeBatches(options);
}

} // namespace

int main(int argc, char *argv[])
{
    // Only a PDF needs Qt GUI (fonts, page layout); a scheduled job has no display, so unless
    // told otherwise it runs on the offscreen platform.
    std::unique_ptr<QCoreApplication> application;
    if (argumentsMayWantPdf(argc, argv)) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        application = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        application = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication &app = *application;
    QCoreApplication::setOrganizationName(QStringLiteral("Kessai"));
    QCoreApplication::setApplicationName(QStringLiteral("kessaictl"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KESSAI_VERSION));
    installTranslations(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(Ctl::tr("Kessai on the command line.\n\n"
                                        "Commands:\n"
                                        "  payments list          search payments\n"
                                        "  payments export [--format csv|xlsx]\n"
                                        "                  [--encoding utf8-bom|utf8|cp932] [--columns LIST] --out FILE\n"
                                        "                         every payment of the search (the filters of\n"
                                        "                         payments list) as a file\n"
                                        "  capture --file FILE    売上 every payment of a CSV file\n"
                                        "  cancel --file FILE     取消 every payment of a CSV file\n"
                                        "  batches [--unfinished] the bulk runs in the journal\n"
                                        "  resume [BATCH]         finish unfinished bulk runs\n"
                                        "  statements list [--year Y]\n"
                                        "                         the settlement statements (支払明細)\n"
                                        "  statement export --id ID [--lines] [--format csv|xlsx|pdf]\n"
                                        "                   [--encoding utf8-bom|utf8|cp932] [--columns LIST] --out FILE\n"
                                        "                         one statement, or its lines, as a file;\n"
                                        "                         pdf: the statement as the console prints it\n"
                                        "  reconcile --ledger FILE (--statement ID | --from DATE --to DATE) --out FILE\n"
                                        "                         消込: the order ledger against a statement, or\n"
                                        "                         against the payments cleared in a date range;\n"
                                        "                         exit 0 when everything matched, 1 when not\n\n"
                                        "Connection: --profile NAME, or KESSAI_URL, KESSAI_CA, KESSAI_P12, "
                                        "KESSAI_P12_PASSPHRASE, KESSAI_LOGIN_ID, KESSAI_PASSWORD.\n"
                                        "Exit codes: 0 done, 1 some items failed, 2 usage or file errors, 3 connection/TLS, "
                                        "4 authentication/permission."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption profile(QStringLiteral("profile"), Ctl::tr("Profile saved by the console."), QStringLiteral("name"));
    const QCommandLineOption tradingId(QStringLiteral("trading-id"), Ctl::tr("Trading ID (exact, or prefix*)."), QStringLiteral("id"));
    const QCommandLineOption status(QStringLiteral("status"), Ctl::tr("Status codes, comma separated (20,40)."), QStringLiteral("codes"));
    const QCommandLineOption type(QStringLiteral("type"), Ctl::tr("Payment types, comma separated (02,03)."), QStringLiteral("codes"));
    const QCommandLineOption limit(QStringLiteral("limit"), Ctl::tr("How many payments at most (default 100)."), QStringLiteral("n"));
    const QCommandLineOption json(QStringLiteral("json"), Ctl::tr("Print JSON instead of a table."));
    const QCommandLineOption file(QStringLiteral("file"), Ctl::tr("CSV file of payments to capture or cancel."), QStringLiteral("file"));
    const QCommandLineOption journal(QStringLiteral("journal"),
                                     Ctl::tr("Folder of the bulk journal (default %1).").arg(defaultJournalDir()),
                                     QStringLiteral("dir"));
    const QCommandLineOption unfinished(QStringLiteral("unfinished"), Ctl::tr("Only batches not finished yet."));
    const QCommandLineOption again(QStringLiteral("again"), Ctl::tr("Run a file whose batch already finished once more."));
    const QCommandLineOption chunkSize(QStringLiteral("chunk-size"), Ctl::tr("Payments per request, 1 to 1000 (default 1000)."),
                                       QStringLiteral("n"));
    const QCommandLineOption year(QStringLiteral("year"), Ctl::tr("Statements paid out in this year."), QStringLiteral("year"));
    const QCommandLineOption statementId(QStringLiteral("id"), Ctl::tr("The statement's ID (see statements list)."),
                                         QStringLiteral("id"));
    const QCommandLineOption lines(QStringLiteral("lines"), Ctl::tr("Export the statement's lines instead of its summary."));
    const QCommandLineOption format(QStringLiteral("format"), Ctl::tr("csv, xlsx, or pdf for a statement (default: from --out's extension)."),
                                    QStringLiteral("format"));
    const QCommandLineOption encoding(QStringLiteral("encoding"), Ctl::tr("CSV encoding: utf8-bom (default), utf8 or cp932."),
                                      QStringLiteral("encoding"));
    const QCommandLineOption outFile(QStringLiteral("out"), Ctl::tr("The file to write."), QStringLiteral("file"));
    const QCommandLineOption englishHeader(QStringLiteral("english-header"),
                                           Ctl::tr("Column names in English whatever the language."));
    const QCommandLineOption columns(QStringLiteral("columns"),
                                     Ctl::tr("The file's columns in this order: numbers or names, comma separated "
                                             "(trading_id,amount or 1,9)."),
                                     QStringLiteral("list"));
    const QCommandLineOption ledger(QStringLiteral("ledger"), Ctl::tr("The order ledger to reconcile (CSV)."),
                                    QStringLiteral("file"));
    const QCommandLineOption fromDate(QStringLiteral("from"), Ctl::tr("First cleared date (Japan time) to reconcile against."),
                                      QStringLiteral("date"));
    const QCommandLineOption toDate(QStringLiteral("to"), Ctl::tr("Last cleared date (Japan time) to reconcile against."),
                                    QStringLiteral("date"));
    const QCommandLineOption statementOption(QStringLiteral("statement"), Ctl::tr("The statement to reconcile against."),
                                             QStringLiteral("id"));
    parser.addOptions({profile, tradingId, status, type, limit, json, file, journal, unfinished, again, chunkSize, year,
                       statementId, lines, format, encoding, outFile, englishHeader, columns, ledger, statementOption, fromDate, toDate});
    parser.addPositionalArgument(QStringLiteral("command"),
                                 QStringLiteral("payments list | payments export | capture | cancel | batches | resume [BATCH] | statements list | statement export | reconcile"));
    if (!parser.parse(QCoreApplication::arguments())) {
        complain(parser.errorText());
        return Usage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText();
        return Done;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        out() << "kessaictl " << QCoreApplication::applicationVersion() << Qt::endl;
        return Done;
    }
    const QStringList command = parser.positionalArguments();
    const QStringList bulkVerbs{QStringLiteral("capture"), QStringLiteral("cancel"), QStringLiteral("batches"),
                                QStringLiteral("resume")};
    if (!command.isEmpty() && bulkVerbs.contains(command.first()))
        return runBulkCommand(parser, command);
    if (!command.isEmpty() && (command.first() == QLatin1String("statements") || command.first() == QLatin1String("statement")
                              || command.first() == QLatin1String("reconcile"))) {
        StatementOptions options;
        if (const int rc = parseStatementOptions(parser, command, &options); rc != Done)
            return rc;
        return runStatementCommand(command, options);
    }
    const bool exporting = command == QStringList{QStringLiteral("payments"), QStringLiteral("export")};
    if (command != QStringList{QStringLiteral("payments"), QStringLiteral("list")} && !exporting) {
        complain(Ctl::tr("unknown command; try: kessaictl --help"));
        return Usage;
    }

    PaymentQuery query;
    PaymentExportOptions exportOptions;
    int rowLimit = 0;
    if (const int rc = parseListOptions(parser, tradingId, status, type, limit, &query, &rowLimit); rc != Done)
        return rc;
    if (exporting) {
        if (parser.isSet(limit) || parser.isSet(json)) {
            complain(Ctl::tr("--limit and --json belong to payments list; payments export writes every payment"));
            return Usage;
        }
        if (parser.value(outFile).isEmpty()) {
            complain(Ctl::tr("usage: kessaictl payments export [--trading-id ID] [--status CODES] [--type CODES] "
                             "[--format csv|xlsx] [--encoding utf8-bom|utf8|cp932] [--columns LIST] [--english-header] --out FILE"));
            return Usage;
        }
        if (isPdfExport(QString(), parser.value(outFile))) {
            complain(Ctl::tr("payments export writes csv or xlsx; a PDF is made of a statement (statement export)"));
            return Usage;
        }
        if (const int rc = checkExportOptions(parser.value(format), parser.value(encoding), parser.value(outFile)); rc != Done)
            return rc;
        exportOptions.format = exportFormatOf(parser.value(format), parser.value(encoding), parser.value(outFile));
        exportOptions.out = parser.value(outFile);
        exportOptions.englishHeader = parser.isSet(englishHeader);
        if (parser.isSet(columns)) {
            if (const int rc = parseColumns(parser.value(columns), PaymentExporter::columns(true), PaymentExporter::columns(false),
                                            &exportOptions.columnOrder);
                rc != Done)
                return rc;
        }
    } else if (parser.isSet(columns) || parser.isSet(englishHeader)) {
        complain(Ctl::tr("--columns and --english-header belong to the exports"));
        return Usage;
    }

    Connection connection;
    QString problem;
    if (!resolveConnection(parser.value(profile), &connection, &problem)) {
        complain(problem);
        return Usage;
    }
    MerchantClient client;
    if (const int rc = connectAndLogin(client, connection); rc != Done)
        return rc;
    const int rc = exporting ? exportPayments(client, query, exportOptions) : paymentsList(client, query, rowLimit, parser.isSet(json));
    waitFor(client.logout());
    return rc;
}
