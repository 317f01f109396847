#include "exportcommands.h"

#include "api/merchantclient.h"
#include "ctlsession.h"
#include "export/paymentexporter.h"

#include <QEventLoop>
#include <QLocale>

namespace kessai::ctl {

bool isPdfExport(const QString &format, const QString &out)
{
    return format == QLatin1String("pdf") || (format.isEmpty() && out.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive));
}

bool argumentsMayWantPdf(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "pdf" || arg.toLower().endsWith(".pdf"))
            return true;
    }
    return false;
}

int checkExportOptions(const QString &format, const QString &encoding, const QString &out)
{
    if (!format.isEmpty() && format != QLatin1String("csv") && format != QLatin1String("xlsx")) {
        complain(Ctl::tr("--format takes csv or xlsx"));
        return Usage;
    }
    if (!encoding.isEmpty() && encoding != QLatin1String("utf8-bom") && encoding != QLatin1String("utf8")
        && encoding != QLatin1String("cp932")) {
        complain(Ctl::tr("--encoding takes utf8-bom, utf8 or cp932"));
        return Usage;
    }
    if (exportFormatOf(format, encoding, out) == ExportFormat::Xlsx && !TableWriter::create(QString(), ExportFormat::Xlsx)) {
        complain(Ctl::tr("this kessaictl cannot write .xlsx files"));
        return Usage;
    }
    return Done;
}

ExportFormat exportFormatOf(const QString &format, const QString &encoding, const QString &out)
{
    if (format == QLatin1String("xlsx") || (format.isEmpty() && out.endsWith(QLatin1String(".xlsx"), Qt::CaseInsensitive)))
        return ExportFormat::Xlsx;
    if (encoding == QLatin1String("cp932"))
        return ExportFormat::CsvCp932;
    if (encoding == QLatin1String("utf8"))
        return ExportFormat::CsvUtf8;
    return ExportFormat::CsvUtf8Bom;
}

int reportExport(const ExportResult &result)
{
    if (!result.ok()) {
        complain(result.errorText());
        if (result.apiError.isError())
            return exitCodeFor(result.apiError);
        return Usage;
    }
    out() << Ctl::tr("%1 rows written to %2").arg(QLocale().toString(result.rows), result.path) << Qt::endl;
    return Done;
}

int exportPayments(MerchantClient &client, const PaymentQuery &query, ExportFormat format, const QString &out)
{
    PaymentExporter exporter(&client);
    exporter.setQuery(query);
    exporter.setOutputPath(out);
    exporter.setFormat(format);
    ExportResult result;
    QEventLoop loop;
    QObject::connect(&exporter, &PaymentExporter::finished, &loop, [&](const ExportResult &r) {
        result = r;
        loop.quit();
    });
    exporter.start();
    if (exporter.isRunning())
        loop.exec();
    return reportExport(result);
}

} // namespace kessai::ctl
