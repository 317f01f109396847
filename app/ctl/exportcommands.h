#pragma once

#include "export/tablewriter.h"

#include <QString>

namespace kessai {

struct ExportResult;
class MerchantClient;
struct PaymentQuery;

namespace ctl {

// What kessaictl's file exports share: --format csv|xlsx and --encoding utf8-bom|utf8|cp932
// (checked before connecting), the format they mean, and the report of the result.
//
//   payments export [--trading-id ID] [--status CODES] [--type CODES] [--format csv|xlsx]
//                   [--encoding utf8-bom|utf8|cp932] --out F
// writes every payment of the filter through the console's own exporter (the gateway's
// streamed export): CSV UTF-8 with a BOM unless said otherwise, or as --out's extension says.

// --format pdf, or no --format and an --out ending in .pdf (statement export only).
bool isPdfExport(const QString &format, const QString &out);
// Whether these program arguments may ask for a PDF, so kessaictl starts with the fonts and
// the page layout of Qt GUI (on the offscreen platform: it never shows a window). Looked at
// before the parser runs, since the application object comes first.
bool argumentsMayWantPdf(int argc, char *argv[]);

// Done, or Usage after saying what is wrong.
int checkExportOptions(const QString &format, const QString &encoding, const QString &out);
// --format, else .xlsx of --out, else CSV in --encoding (UTF-8 with a BOM by default).
ExportFormat exportFormatOf(const QString &format, const QString &encoding, const QString &out);
// "N rows written to F", or the error; the exit code (the gateway's errors as exitCodeFor says,
// the file's as Usage).
int reportExport(const ExportResult &result);

// --columns LIST: the file's columns in this order, each a 1-based number or a column's name in
// English or in the language shown (case, spaces, '_' and '-' alike: "trading_id", "Amount",
// "取引ID", "3"). A spec that names no column is a usage error. Done, or Usage after naming the
// columns there are.
int parseColumns(const QString &spec, const QList<ExportColumn> &english, const QList<ExportColumn> &shown,
                 QList<int> *order);

struct PaymentExportOptions
{
    ExportFormat format = ExportFormat::CsvUtf8Bom;
    QString out;
    bool englishHeader = false;
    QList<int> columnOrder; // empty: all
};
int exportPayments(MerchantClient &client, const PaymentQuery &query, const PaymentExportOptions &options);

} // namespace ctl
} // namespace kessai
