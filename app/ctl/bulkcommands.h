#pragma once

#include "api/paymentaction.h"

#include <QString>

namespace kessai::ctl {

// kessaictl's bulk commands (一括処理 from a file): capture / cancel --file, batches, resume.
// They share the console's journal format, in a folder of kessaictl's own.
struct BulkOptions
{
    QString profile;
    QString journalDir; // empty: defaultJournalDir()
    QString file;
    int chunkSize = 1000;
    bool again = false;          // run a file whose batch already finished once more
    bool unfinishedOnly = false; // batches --unfinished
    qint64 batchId = 0;          // resume BATCH; 0: every unfinished batch of this user
};

// kessaictl's journal folder, beside the console's data folder (…/Kessai/kessaictl).
QString defaultJournalDir();

// kessaictl capture|cancel --file F: checks the whole file (nothing is sent while a line is
// wrong), looks up 取引ID, journals the batch and runs it; the same file run again after a crash
// finishes its unfinished batch instead of starting another.
int runFile(PaymentAction::Kind kind, const BulkOptions &options);
// kessaictl batches [--unfinished]: the journal's batches, newest first (no connection needed).
int listBatches(const BulkOptions &options);
// kessaictl resume [BATCH]: finishes this user's unfinished batches (or one) under their keys.
int resumeBatches(const BulkOptions &options);

} // namespace kessai::ctl
