#include "exportcommands.h"

#include "api/merchantclient.h"
#include "ctlsession.h"
#include "export/paymentexporter.h"

#include <QEventLoop>
#include <QLocale>
#include <QRegularExpression>

namespace kessai::ctl {

bool isPdfExport(const QString &format, const QString &out)
{
    return format == QLatin1String("pdf") || (format.isEmpty() && out.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive));
}

bool argumentsMayWantPdf(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg = QByteArray(argv[i]).toLower();
        if (arg == "pdf" || arg.endsWith("=pdf") || arg.endsWith(".pdf"))
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

namespace {

// "Trading ID", "trading_id", "trading-id" and "TRADINGID" are one name.
QString columnKey(const QString &name)
{
    QString key = name.normalized(QString::NormalizationForm_KC).toCaseFolded();
    key.remove(QRegularExpression(QStringLiteral("[\\s_\\-]")));
    return key;
}

} // namespace

int parseColumns(const QString &spec, const QList<ExportColumn> &english, const QList<ExportColumn> &shown,
                 QList<int> *order)
{
    order->clear();
    for (const QString &item : spec.split(u',', Qt::SkipEmptyParts)) {
        const QString wanted = item.trimmed();
        if (wanted.isEmpty())
            continue;
        bool isNumber = false;
        int index = wanted.toInt(&isNumber) - 1;
        if (!isNumber) {
            index = -1;
            for (int i = 0; i < english.size() && index < 0; ++i) {
                if (columnKey(english.at(i).header) == columnKey(wanted)
                    || (i < shown.size() && columnKey(shown.at(i).header) == columnKey(wanted)))
                    index = i;
            }
        }
        if (index < 0 || index >= english.size()) {
            QStringList names;
            for (int i = 0; i < english.size(); ++i) {
                const QString local = i < shown.size() ? shown.at(i).header : QString();
                names.append(local == english.at(i).header ? QStringLiteral("%1 %2").arg(i + 1).arg(local)
                                                            : QStringLiteral("%1 %2 (%3)").arg(i + 1).arg(english.at(i).header, local));
            }
            complain(Ctl::tr("--columns: no column \"%1\"; the columns are: %2").arg(wanted, names.join(QStringLiteral(", "))));
            return Usage;
        }
        if (order->contains(index)) {
            complain(Ctl::tr("--columns: the column \"%1\" is named twice").arg(wanted));
            return Usage;
        }
        order->append(index);
    }
    if (!spec.isNull() && order->isEmpty()) {
        complain(Ctl::tr("--columns needs at least one column"));
        return Usage;
    }
    return Done;
}

int exportPayments(MerchantClient &client, const PaymentQuery &query, const PaymentExportOptions &options)
{
    PaymentExporter exporter(&client);
    exporter.setQuery(query);
    exporter.setOutputPath(options.out);
    exporter.setFormat(options.format);
    exporter.setEnglishHeader(options.englishHeader);
    exporter.setColumnOrder(options.columnOrder);
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
