#include "bulkresultwriter.h"

#include "bulk/bulkplan.h"
#include "csv/csvreader.h"

#include <QHash>
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

CsvError writeBulkFileResults(const BatchJournal &journal, const QList<qint64> &batchIds, const QByteArray &fileBytes,
                              const QString &path)
{
    // Each line's newest outcome: batches in id order, later ones (a retry) overwrite.
    QList<qint64> ordered = batchIds;
    std::sort(ordered.begin(), ordered.end());
    QHash<int, BatchJournal::Item> outcome;
    for (const qint64 id : std::as_const(ordered)) {
        for (const BatchJournal::Item &item : journal.items(id)) {
            if (item.line > 0)
                outcome.insert(item.line, item);
        }
    }
    CsvReader reader(fileBytes);
    CsvError error;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        error.kind = CsvError::Kind::Io;
        error.detail = file.errorString();
        return error;
    }
    CsvOptions options;
    options.encoding = reader.encoding();
    options.replaceUnmappable = true;
    CsvWriter csv(&file, options);
    bool header = true;
    while (!reader.atEnd() && !error.isError()) {
        const CsvRecord record = reader.next();
        if (record.isBlank() && record.fields.size() <= 1)
            continue;
        QStringList fields = record.fields;
        if (header) {
            header = false;
            error = csv.writeRow(fields << QStringLiteral("結果") << QStringLiteral("エラーコード") << QStringLiteral("ステータス")
                                        << QStringLiteral("処理後金額") << QStringLiteral("理由"));
            continue;
        }
        const auto found = outcome.constFind(record.line);
        if (found == outcome.constEnd()) {
            error = csv.writeRow(fields << QStringLiteral("not_sent") << QString() << QString() << QString() << QString());
            continue;
        }
        const BatchJournal::Item &item = *found;
        const bool succeeded = item.state == BatchJournal::ItemState::Succeeded;
        error = csv.writeRow(fields << outcomeCode(item.state) << item.errorCode
                                    << (succeeded ? QString::number(item.statusAfter) : QString())
                                    << (succeeded ? QString::number(item.amountAfter) : QString()) << bulkItemReason(item));
    }
    if (!error.isError() && !file.commit()) {
        error.kind = CsvError::Kind::Io;
        error.detail = file.errorString();
    }
    return error;
}

} // namespace kessai
