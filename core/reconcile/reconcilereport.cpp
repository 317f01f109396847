#include "reconcilereport.h"

#include <QCoreApplication>

namespace kessai {

namespace {

QString number(const std::optional<qint64> &value)
{
    return value ? QString::number(*value) : QString();
}

} // namespace

QString reconcileColumnLabel(ReconcileColumn column)
{
    switch (column) {
    case ReconcileColumn::TradingId:
        return QCoreApplication::translate("kessai::Reconcile", "Trading ID");
    case ReconcileColumn::Status:
        return QCoreApplication::translate(
            "kessai::Reconcile", "Status", "reconciliation status column");
    case ReconcileColumn::LedgerAmount:
        return QCoreApplication::translate("kessai::Reconcile", "Ledger amount");
    case ReconcileColumn::StatementAmount:
        return QCoreApplication::translate("kessai::Reconcile", "Statement amount");
    case ReconcileColumn::PaymentId:
        return QCoreApplication::translate("kessai::Reconcile", "Payment ID");
    case ReconcileColumn::LedgerLine:
        return QCoreApplication::translate("kessai::Reconcile", "Ledger line");
    case ReconcileColumn::Note:
        return QCoreApplication::translate("kessai::Reconcile", "Note");
    case ReconcileColumn::Resolved:
        return QCoreApplication::translate("kessai::Reconcile", "Resolved");
    }
    return {};
}

QStringList reconcileReportHeader(bool english)
{
    if (english) {
        return {QStringLiteral("trading_id"),
                QStringLiteral("status"),
                QStringLiteral("ledger_amount"),
                QStringLiteral("statement_amount"),
                QStringLiteral("payment_id"),
                QStringLiteral("ledger_line"),
                QStringLiteral("note"),
                QStringLiteral("resolved")};
    }
    return {QStringLiteral(u"取引ID"),
            QStringLiteral(u"状態"),
            QStringLiteral(u"台帳金額"),
            QStringLiteral(u"明細金額"),
            QStringLiteral(u"決済ID"),
            QStringLiteral(u"台帳行"),
            QStringLiteral(u"メモ"),
            QStringLiteral(u"対応済み")};
}

QStringList reconcileReportFields(const ReconcileRow &row)
{
    return {row.tradingId,
            reconcileStatusCode(row.status),
            number(row.ledgerAmount),
            number(row.statementAmount),
            row.paymentId,
            row.ledgerLine > 0 ? QString::number(row.ledgerLine) : QString(),
            row.note,
            row.resolved ? QStringLiteral("1") : QStringLiteral("0")};
}

CsvError
writeReconcileReport(CsvWriter &writer, const QList<ReconcileRow> &rows, bool englishHeader)
{
    writer.setNumericColumns({2, 3, 5, 7});
    CsvError error = writer.writeRow(reconcileReportHeader(englishHeader));
    for (const ReconcileRow &row : rows) {
        if (error.isError())
            break;
        error = writer.writeRow(reconcileReportFields(row));
    }
    return error;
}

CsvError writeReconcileReport(const QString &path,
                              const QList<ReconcileRow> &rows,
                              const ReconcileReportOptions &options)
{
    CsvFile file(path, options.csv);
    CsvError error = file.open();
    if (!error.isError())
        error = writeReconcileReport(file.writer(), rows, options.englishHeader);
    if (error.isError()) {
        file.cancel();
        return error;
    }
    return file.commit();
}

} // namespace kessai
