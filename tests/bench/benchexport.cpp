// Case 5: CSV and .xlsx export of every matching payment.

#include "benchcommon.h"

#include "api/apireply.h"
#include "api/merchantclient.h"
#include "api/paymentquery.h"
#include "consolesession.h"
#include "export/paymentexporter.h"
#include "payments/paymentsmodel.h"
#include "profile/profile.h"
#include "tls/clientidentity.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlQueryModel>
#include <QTableView>
#include <QHeaderView>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <QTimeZone>
#include <QTimer>
#include <QWindow>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>
#include <optional>
#include <vector>


namespace kessai::bench {

// ---- case 5 ---------------------------------------------------------------------------------

// Every payment of the merchant to a CSV file through the console's own exporter (the gateway's
// streamed export → core → ICU → QSaveFile), against the sqlite3 CLI writing the same columns with
// -csv from the same file. Each run of ours is measured for its peak RSS too.
int runExport(const QCommandLineParser &args)
{
    const Demo demo = readDemo(args.value(QStringLiteral("data")));
    const int reps = std::max(1, args.value(QStringLiteral("reps")).toInt());
    ResultWriter out(args.value(QStringLiteral("out")));
    const Identity id = loadIdentity(demo);
    auto client = newClient(QUrl(args.value(QStringLiteral("url"))), id);
    login(*client, demo);
    QTemporaryDir dir;
    if (!dir.isValid())
        fail(QStringLiteral("no temporary directory"));

    qint64 expectedRows = -1;
    auto exportOnce = [&](ExportFormat format, double *peakMb) {
        PaymentExporter exporter(client.get());
        exporter.setQuery(PaymentQuery{});
        exporter.setFormat(format);
        exporter.setOutputPath(dir.filePath(format == ExportFormat::Xlsx ? QStringLiteral("ours.xlsx") : QStringLiteral("ours.csv")));
        ExportResult result;
        QEventLoop loop;
        QObject::connect(&exporter, &PaymentExporter::finished, &loop, [&](const ExportResult &r) {
            result = r;
            loop.quit();
        });
        resetPeakRss();
        QElapsedTimer t;
        t.start();
        exporter.start();
        loop.exec();
        const double ms = msSince(t);
        *peakMb = double(procStatusKb("VmHWM")) / 1024.0;
        if (!result.ok())
            fail(QStringLiteral("export failed: ") + result.errorText());
        if (expectedRows >= 0 && result.rows != expectedRows)
            fail(QStringLiteral("export wrote %1 rows, the reference %2").arg(result.rows).arg(expectedRows));
        return ms;
    };

    // The reference: one sqlite3 process per run, its output straight to a file. Times are in
    // local time like ours; type and status stay codes (ours writes labels).
    const QString sql = QStringLiteral(
        "SELECT trading_id, payment_id, type, institution, status,"
        " strftime('%Y/%m/%d %H:%M:%S', trade_time, 'unixepoch', 'localtime'),"
        " strftime('%Y/%m/%d', due_time, 'unixepoch', 'localtime'),"
        " strftime('%Y/%m/%d %H:%M:%S', cleared_time, 'unixepoch', 'localtime'), amount"
        " FROM payments WHERE merchant_id = ") + sqlQuote(demo.merchantId)
        + QStringLiteral(" ORDER BY trade_time DESC, payment_id DESC");
    auto referenceOnce = [&] {
        QProcess p;
        p.setStandardOutputFile(dir.filePath(QStringLiteral("reference.csv")));
        QElapsedTimer t;
        t.start();
        p.start(QStringLiteral("sqlite3"), {QStringLiteral("-readonly"), QStringLiteral("-csv"), QStringLiteral("-header"),
                                            demo.dbPath, sql});
        if (!p.waitForFinished(3600000) || p.exitCode() != 0)
            fail(QStringLiteral("sqlite3 -csv failed: ") + QString::fromUtf8(p.readAllStandardError()));
        const double ms = msSince(t);
        QFile f(dir.filePath(QStringLiteral("reference.csv")));
        if (!f.open(QIODevice::ReadOnly))
            fail(QStringLiteral("no reference.csv"));
        qint64 lines = 0;
        char buffer[1 << 16];
        for (qint64 n; (n = f.read(buffer, sizeof buffer)) > 0;)
            lines += std::count(buffer, buffer + n, '\n');
        expectedRows = lines - 1;
        return ms;
    };

    std::vector<double> reference, utf8, cp932, xlsx, peak, xlsxPeak;
    for (int i = 0; i < reps; ++i) {
        reference.push_back(referenceOnce());
        double mb = 0;
        utf8.push_back(exportOnce(ExportFormat::CsvUtf8Bom, &mb));
        peak.push_back(mb);
        cp932.push_back(exportOnce(ExportFormat::CsvCp932, &mb));
        peak.push_back(mb);
        xlsx.push_back(exportOnce(ExportFormat::Xlsx, &mb));
        xlsxPeak.push_back(mb);
    }
    const Stats ref = statsOf(reference);
    const QString refName = QStringLiteral("sqlite3 -csv, same columns (codes, not labels) and order, to a file");
    for (const auto &[name, samples] : {std::pair{QStringLiteral("UTF-8 with BOM"), utf8}, std::pair{QStringLiteral("CP932"), cp932}}) {
        const Stats ours = statsOf(samples);
        out.row(QStringLiteral("5 CSV export of all %1 payments, %2 (gateway → core → file)").arg(expectedRows).arg(name),
                QStringLiteral("ms"), ours, refName, ref, QStringLiteral("<= 2x"), ours.median <= 2.0 * ref.median);
    }
    // The workbook is a zip of XML (libxlsxwriter, constant-memory mode): more work per cell
    // than CSV, so its own goal; the memory must stay flat all the same.
    const Stats ours = statsOf(xlsx);
    out.row(QStringLiteral("5 .xlsx export of all %1 payments (gateway → core → libxlsxwriter)").arg(expectedRows),
            QStringLiteral("ms"), ours, refName, ref, QStringLiteral("<= 6x"), ours.median <= 6.0 * ref.median);
    const Stats rss = statsOf(peak);
    out.row(QStringLiteral("5 CSV export: peak RSS of the exporting process"), QStringLiteral("MB"), rss,
            QStringLiteral("target only"), std::nullopt, QStringLiteral("< 150 MB"), rss.max < 150.0);
    const Stats xlsxRss = statsOf(xlsxPeak);
    out.row(QStringLiteral("5 .xlsx export: peak RSS of the exporting process"), QStringLiteral("MB"), xlsxRss,
            QStringLiteral("target only"), std::nullopt, QStringLiteral("< 150 MB"), xlsxRss.max < 150.0);
    return 0;
}


} // namespace kessai::bench
