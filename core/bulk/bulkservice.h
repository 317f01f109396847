#pragma once

#include "api/merchantclient.h"
#include "bulk/bulkrunner.h"
#include "journal/batchjournal.h"

#include <QList>
#include <QObject>
#include <QPointer>

#include <memory>

namespace kessai {

struct BulkPlan;
class MerchantClient;

// The console's one place for bulk captures and cancels (一括処理): it owns the journal, turns a
// confirmed plan into a journaled batch and runs batches one at a time (others wait their turn),
// so the search page that starts a batch and the page that shows it share one truth. A batch is
// in the journal before its first request; one left unfinished by a crash or a lost connection is
// finished later under the same keys.
class BulkService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BulkService)

public:
    BulkService(MerchantClient *client, std::unique_ptr<BatchJournal> journal, QObject *parent = nullptr);
    ~BulkService() override;

    // The journal in the console's data folder (journal.sqlite); finished batches older than
    // 90 days are pruned when it opens. Null, with *error, when it cannot be opened.
    static std::unique_ptr<BatchJournal> openJournal(const QString &path, QString *error = nullptr);
    static constexpr int KeepDays = 90;

    BatchJournal *journal() const { return m_journal.get(); }
    MerchantClient *client() const { return m_client; }

    // Writes the plan as a new batch of the signed-in user and queues it; nullopt (lastError())
    // when the journal refused it — then nothing is sent.
    // lines: for a file, the file line of each item of plan.items.
    std::optional<qint64> start(const BulkPlan &plan, const QString &source, const QList<int> &lines = {});
    // This user's batches made from a file with these bytes (its SHA-256), newest first.
    QList<BatchJournal::Batch> batchesOfFile(const QByteArray &sha256) const;
    // A new batch of the items of batchId that the gateway refused (fresh keys: none of them was
    // done); nullopt when there are none or the journal refused.
    std::optional<qint64> retryFailed(qint64 batchId);
    // Queues an unfinished batch to be finished under its journaled keys.
    bool resume(qint64 batchId);
    // Stops the running batch after the chunk in flight, and drops those waiting.
    void cancel();

    bool isRunning() const { return m_runner != nullptr; }
    qint64 runningBatch() const { return m_runner ? m_runner->batchId() : 0; }
    const BulkRunner *runner() const { return m_runner; }
    bool isQueued(qint64 batchId) const { return m_queue.contains(batchId); }
    // The signed-in user's batches not finished yet (not the running or queued ones).
    QList<BatchJournal::Batch> unfinishedBatches() const;
    QString lastError() const { return m_error; }

    // Tests shorten the waits between retries of a lost answer.
    void setRetryDelays(QList<int> milliseconds) { m_retryDelays = std::move(milliseconds); }
    void setChunkSize(int size) { m_chunkSize = size; }

Q_SIGNALS:
    // A batch was written to the journal (started, or a retry).
    void batchCreated(qint64 batchId);
    void batchStarted(qint64 batchId);
    void progress(qint64 batchId, int done, int total);
    void batchFinished(qint64 batchId, kessai::BulkRunner::End end, const kessai::ApiError &error);

private:
    void runNext();

    QPointer<MerchantClient> m_client;
    std::unique_ptr<BatchJournal> m_journal;
    BulkRunner *m_runner = nullptr;
    QList<qint64> m_queue;
    QList<int> m_retryDelays{1000, 3000, 10000};
    int m_chunkSize = BatchJournal::MaxChunk;
    QString m_error;
};

} // namespace kessai
