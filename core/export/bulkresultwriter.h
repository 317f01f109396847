#pragma once

#include "csv/csvwriter.h"

namespace kessai {

class BatchJournal;

// The results of one bulk batch as a CSV file (一括処理の結果): one line per item in the order
// sent — payment, action, amount asked, outcome, status and amount after, error code and the
// reason in words. Written through QSaveFile: a failed export leaves no half file.
CsvError writeBulkResults(const BatchJournal &journal, qint64 batchId, const QString &path, CsvEncoding encoding);

// The results of a bulk file (ファイル処理): the input file as it was, line for line, with the
// result columns added — the outcome of each line in the newest of these batches made from it
// ("not_sent" for a line that never went: an error excluded, a blank line), in the input's own
// encoding. fileBytes must be the file the batches were made from.
CsvError writeBulkFileResults(const BatchJournal &journal, const QList<qint64> &batchIds, const QByteArray &fileBytes,
                              const QString &path);

} // namespace kessai
