#pragma once

#include "api/apierror.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

namespace kessai {

class BatchJournal;
class MerchantClient;
class PaymentActionRunner;
struct PaymentActionOutcome;

// Runs one journaled batch (一括処理) to its end, chunk after chunk, each under the key the
// journal holds for it: a chunk whose answer was lost is sent again under the same key (the
// gateway answers it from what it stored), a few times, then the run stops as interrupted and the
// batch stays in the journal to be resumed. Every answer is in the journal before the next chunk
// goes. Started again on a batch half done — after a crash, in another process — it sends only
// the chunks never answered.
class BulkRunner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BulkRunner)

public:
    enum class End {
        Finished,    // every chunk answered; items succeeded or failed, each with its reason
        Cancelled,   // stopped by the user after the chunk in flight
        Interrupted, // no answer for a chunk after the retries, or the session ended: resume later, same keys
        JournalError // the journal could not be written: nothing more is sent
    };
    Q_ENUM(End)

    BulkRunner(MerchantClient *client, BatchJournal *journal, qint64 batchId, QObject *parent = nullptr);
    ~BulkRunner() override;

    // Sends the chunks not yet answered, in order.
    void start();
    // Stops after the chunk in flight (what was done stays done and is in the journal).
    void cancel();
    bool isRunning() const { return m_running; }

    // Waits between retries of a chunk whose answer was lost (tests shorten it).
    void setRetryDelays(QList<int> milliseconds) { m_retryDelays = std::move(milliseconds); }

    qint64 batchId() const { return m_batchId; }
    int itemsDone() const { return m_done; }
    int itemsTotal() const { return m_total; }
    // Milliseconds since start(); and the estimate of what is left, -1 until one chunk is done.
    qint64 elapsedMs() const { return m_clock.isValid() ? m_clock.elapsed() : 0; }
    qint64 remainingMs() const;

Q_SIGNALS:
    void progress(int done, int total);
    void finished(kessai::BulkRunner::End end, const kessai::ApiError &lastError);

private:
    void sendNext();
    void onOutcome(const PaymentActionOutcome &outcome);
    void finish(End end, const ApiError &error = {});

    QPointer<MerchantClient> m_client;
    BatchJournal *m_journal;
    qint64 m_batchId;
    PaymentActionRunner *m_runner;
    QList<int> m_retryDelays{1000, 3000, 10000};
    int m_chunk = -1;   // the chunk in flight
    int m_attempt = 0;  // retries of it so far
    int m_done = 0;     // items answered (this run and earlier ones)
    int m_doneAtStart = 0;
    int m_total = 0;
    bool m_running = false;
    bool m_cancelled = false;
    QElapsedTimer m_clock;
};

} // namespace kessai
