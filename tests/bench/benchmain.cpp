// kessai-bench: measures Kessai's hot paths beside a reference measured in the same run.
// Driven by tests/bench/run-bench; every subcommand appends JSON result rows (one per line) to
// the file given with --out. Not a test: never registered with ctest.
//
//   kessai-bench api         --data DIR --url URL --reps R --out FILE   cases 1-3 and 7
//   kessai-bench model-ours  --data DIR --url URL --page N              case 4, our side (prints JSON)
//   kessai-bench model-naive --data DIR                                 case 4, reference (prints JSON)
//   kessai-bench first-page  --data DIR --url URL --reps R --out FILE   case 4b (search → rows painted)
//   kessai-bench export      --data DIR --url URL --reps R --out FILE   case 5
//   kessai-bench bulk        --data DIR --ref-db FILE --url URL --items N --out FILE   cases 6 and 6b
//   kessai-bench coldstart   --reps R --out FILE                        case 8 (spawns coldstart-child)
//   kessai-bench parse       --data DIR --url URL --reps R --out FILE   case 9 (a page's bytes to rows)
//   kessai-bench soak        --data DIR --url URL --clients N --seconds S --gateway-pid P [--label L] --out FILE
//                                                                       case 16 (tests/bench/run-soak)
// Every subcommand that reads --data also takes --db: the gateway's database when it is not
// DIR/gateway.db (a postgresql:// URL for ./dev bench --engine postgresql).

#include "benchcommon.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QGuiApplication>

using namespace kessai::bench;

int main(int argc, char **argv)
{
    const QByteArray command = argc > 1 ? QByteArray(argv[1]) : QByteArray();
    if (command == "coldstart-child")
        return runColdStartChild(argc, argv);
    if (command == "first-page") { // a table view needs widgets
        qputenv("QT_QPA_PLATFORM", "offscreen");
        QApplication app(argc, argv);
        QCommandLineParser parser;
        for (const char *name : {"data", "db", "url", "reps", "out"})
            parser.addOption(QCommandLineOption(QString::fromLatin1(name), QString::fromLatin1(name), QStringLiteral("value")));
        parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("first-page"));
        parser.process(app);
        return runFirstPage(parser);
    }

    // The model's data() uses QFont/QBrush: a GUI application (offscreen) for every subcommand.
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("api | model-ours | model-naive | export | bulk | coldstart | soak | parse"));
    for (const char *name : {"data", "db", "url", "reps", "out", "page", "mix-requests", "ref-db", "items", "clients", "seconds",
                             "gateway-pid", "label"})
        parser.addOption(QCommandLineOption(QString::fromLatin1(name), QString::fromLatin1(name), QStringLiteral("value")));
    parser.addHelpOption();
    parser.process(app);
    if (command == "api")
        return runApi(parser);
    if (command == "model-ours")
        return runModelOurs(parser);
    if (command == "model-naive")
        return runModelNaive(parser);
    if (command == "export")
        return runExport(parser);
    if (command == "bulk")
        return runBulk(parser);
    if (command == "coldstart")
        return runColdStart(parser);
    if (command == "soak")
        return runSoak(parser);
    if (command == "parse")
        return runParse(parser);
    parser.showHelp(2);
}

