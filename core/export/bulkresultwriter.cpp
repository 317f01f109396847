#include "bulkresultwriter.h"

#include "bulk/bulkplan.h"
#include "journal/batchjournal.h"

#include <QSaveFile>

namespace kessai {

namespace {

QString outcomeCode(BatchJournal::ItemState state)
{
    switch (state) {
    case BatchJournal::ItemState::Pending:
        return QStringLiteral("pending");
    case BatchJournal::ItemState::Succeeded:
        return QStringLiteral("succeeded");
    case BatchJournal::ItemState::Failed:
        return QStringLiteral("failed");
    case BatchJournal::ItemState::Skipped:
        return QStringLiteral("skipped");
    }
    return {};
}

} // namespace

CsvError writeBulkResults(const BatchJournal &journal, qint64 batchId, const QString &path, CsvEncoding encoding)
{
    CsvError error;
    const auto batch = journal.batch(batchId);
    QSaveFile file(path);
    if (!batch || !file.open(QIODevice::WriteOnly)) {
        error.kind = CsvError::Kind::Io;
        error.detail = batch ? file.errorString() : QStringLiteral("no such batch");
        return error;
    }
    CsvOptions options;
    options.encoding = encoding;
    options.replaceUnmappable = true; // a gateway message in CP932 loses a character, not the file
    CsvWriter csv(&file, options);
    csv.setNumericColumns({2, 6});
    const QString action = batch->kind == PaymentAction::Kind::Cancel ? QStringLiteral("取消") : QStringLiteral("売上");
    // The header names of the bulk input file, then the result columns.
    error = csv.writeRow({QStringLiteral("決済ID"), QStringLiteral("処理区分"), QStringLiteral("金額"), QStringLiteral("結果"),
                          QStringLiteral("エラーコード"), QStringLiteral("ステータス"), QStringLiteral("処理後金額"),
                          QStringLiteral("理由")});
    for (const BatchJournal::Item &item : journal.items(batchId)) {
        if (error.isError())
            break;
        const bool succeeded = item.state == BatchJournal::ItemState::Succeeded;
        const QString reason = bulkItemReason(item);
        error = csv.writeRow({item.paymentId, action, item.amount > 0 ? QString::number(item.amount) : QString(),
                              outcomeCode(item.state), item.errorCode,
                              succeeded || item.state == BatchJournal::ItemState::Skipped ? QString::number(item.statusAfter)
                                                                                          : QString(),
                              succeeded ? QString::number(item.amountAfter) : QString(), reason});
    }
    if (!error.isError() && !file.commit()) {
        error.kind = CsvError::Kind::Io;
        error.detail = file.errorString();
    }
    return error;
}

} // namespace kessai
