#pragma once

#include "csv/csvwriter.h"
#include "reconcile/reconciler.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace kessai {

struct ReconcileReportOptions
{
    CsvOptions csv = defaultCsv();
    bool englishHeader = false;

    // Excel-friendly UTF-8 with a BOM; a character the encoding cannot hold (an emoji in a note
    // written as CP932) becomes '?' rather than failing the report.
    static CsvOptions defaultCsv()
    {
        CsvOptions options;
        options.replaceUnmappable = true;
        return options;
    }
};

// The columns of a reconciliation, in report order.
enum class ReconcileColumn {
    TradingId,
    Status,
    LedgerAmount,
    StatementAmount,
    PaymentId,
    LedgerLine,
    Note,
    Resolved
};
constexpr int ReconcileColumnCount = 8;
// A column's name for the console's table, translated ("Trading ID", "Ledger amount", …).
QString reconcileColumnLabel(ReconcileColumn column);

// The reconciliation report (消込結果) as CSV: one line per row — 取引ID, status code, ledger
// amount, statement amount, 決済ID, ledger line, note, resolved (1 or 0). The amounts, the line and
// the resolved mark are numeric columns (a negative amount stays a number). The header is a file
// format, not UI text: Japanese by default, the English codes on request, whatever the console's
// language (an accounting macro reading the file must not break when the language changes).
QStringList reconcileReportHeader(bool english);
QStringList reconcileReportFields(const ReconcileRow &row);
// Writes the header and the rows to writer.
CsvError writeReconcileReport(CsvWriter &writer,
                              const QList<ReconcileRow> &rows,
                              bool englishHeader = false);
// Writes the report to path atomically (CsvFile): a failed report leaves no half file.
CsvError writeReconcileReport(const QString &path,
                              const QList<ReconcileRow> &rows,
                              const ReconcileReportOptions &options = {});

} // namespace kessai
