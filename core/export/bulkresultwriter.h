#pragma once

#include "csv/csvwriter.h"

namespace kessai {

class BatchJournal;

// The results of one bulk batch as a CSV file (一括処理の結果): one line per item in the order
// sent — payment, action, amount asked, outcome, status and amount after, error code and the
// reason in words. Written through QSaveFile: a failed export leaves no half file.
CsvError writeBulkResults(const BatchJournal &journal, qint64 batchId, const QString &path, CsvEncoding encoding);

} // namespace kessai
