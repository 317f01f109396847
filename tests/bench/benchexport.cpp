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
// streamed export → core → ICU → QSaveFile), against the database's own client writing the same
// columns to CSV from the same data (sqlite3 -csv, or psql's \copy). Each run of ours is measured
// for its peak RSS too.
int runExport(const QCommandLineParser &args)
{
    const Demo demo = readDemo(args);
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

    // The reference: one client process per run (sqlite3 -csv, or psql's \copy to CSV), its
    // output straight to a file. Times are in local time like ours; type and status stay codes
    // (ours writes labels).
    const bool pg = !demo.dbUrl.isEmpty();
    const QString referenceFile = dir.filePath(QStringLiteral("reference.csv"));
    auto time = [pg](const char *column, bool withClock) {
        const QString c = QString::fromLatin1(column);
        if (pg)
            return QStringLiteral("to_char(to_timestamp(%1), '%2')").arg(c, withClock ? QStringLiteral("YYYY/MM/DD HH24:MI:SS") : QStringLiteral("YYYY/MM/DD"));
        return QStringLiteral("strftime('%1', %2, 'unixepoch', 'localtime')").arg(withClock ? QStringLiteral("%Y/%m/%d %H:%M:%S") : QStringLiteral("%Y/%m/%d"), c);
    };
    const QString sql = QStringLiteral("SELECT trading_id, payment_id, type, institution, status, ") + time("trade_time", true)
        + QStringLiteral(", ") + time("due_time", false) + QStringLiteral(", ") + time("cleared_time", true)
        + QStringLiteral(", amount FROM payments WHERE merchant_id = ") + sqlQuote(demo.merchantId)
        + QStringLiteral(" ORDER BY trade_time DESC, payment_id DESC");
    auto referenceOnce = [&] {
        QProcess p;
        QElapsedTimer t;
        t.start();
        if (pg) {
            p.start(QStringLiteral("psql"), {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"),
                                             QStringLiteral("-d"), demo.dbUrl, QStringLiteral("-c"),
                                             QStringLiteral("\\copy (%1) TO %2 WITH (FORMAT csv, HEADER)").arg(sql, sqlQuote(referenceFile))});
        } else {
            p.setStandardOutputFile(referenceFile);
            p.start(QStringLiteral("sqlite3"), {QStringLiteral("-readonly"), QStringLiteral("-csv"), QStringLiteral("-header"),
                                                demo.dbPath, sql});
        }
        if (!p.waitForFinished(3600000) || p.exitCode() != 0)
            fail(p.program() + QStringLiteral(" failed: ") + QString::fromUtf8(p.readAllStandardError()));
        const double ms = msSince(t);
        QFile f(referenceFile);
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
    const QString refName = pg ? QStringLiteral("psql copy to CSV, same columns (codes, not labels) and order, to a file")
                               : QStringLiteral("sqlite3 -csv, same columns (codes, not labels) and order, to a file");
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
