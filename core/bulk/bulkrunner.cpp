#include "bulkrunner.h"

#include "api/merchantclient.h"
#include "api/paymentactionrunner.h"
#include "journal/batchjournal.h"

#include <QTimer>

namespace kessai {

BulkRunner::BulkRunner(MerchantClient *client, BatchJournal *journal, qint64 batchId, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_journal(journal)
    , m_batchId(batchId)
    , m_runner(new PaymentActionRunner(client, this))
{
    connect(m_runner, &PaymentActionRunner::finished, this, &BulkRunner::onOutcome);
}

BulkRunner::~BulkRunner() = default;

qint64 BulkRunner::remainingMs() const
{
    const int doneHere = m_done - m_doneAtStart;
    if (doneHere <= 0 || !m_clock.isValid())
        return -1;
    return m_clock.elapsed() * (m_total - m_done) / doneHere;
}

void BulkRunner::start()
{
    if (m_running)
        return;
    const auto batch = m_journal->batch(m_batchId);
    if (!batch) {
        finish(End::JournalError);
        return;
    }
    m_total = batch->items - batch->skipped;
    m_done = batch->succeeded + batch->failed;
    m_doneAtStart = m_done;
    m_running = true;
    m_cancelled = false;
    m_clock.start();
    Q_EMIT progress(m_done, m_total);
    sendNext();
}

void BulkRunner::cancel()
{
    m_cancelled = true;
    // Nothing in flight (between chunks, or waiting to retry): stop now.
    if (m_running && m_runner->state() != PaymentActionRunner::State::Sending)
        finish(End::Cancelled);
}

void BulkRunner::sendNext()
{
    if (!m_running)
        return;
    if (m_cancelled) {
        finish(End::Cancelled);
        return;
    }
    const auto batch = m_journal->batch(m_batchId);
    const QList<BatchJournal::Chunk> chunks = m_journal->chunks(m_batchId);
    if (!batch) {
        finish(End::JournalError);
        return;
    }
    for (const BatchJournal::Chunk &chunk : chunks) {
        if (chunk.answered)
            continue;
        QList<PaymentActionItem> items;
        for (const BatchJournal::Item &item : m_journal->items(m_batchId, chunk.number))
            items.append({item.paymentId, item.amount});
        m_chunk = chunk.number;
        m_attempt = 0;
        m_runner->start(PaymentAction::withKey(batch->kind, items, chunk.key));
        return;
    }
    if (!m_journal->markFinished(m_batchId)) {
        finish(End::JournalError);
        return;
    }
    finish(End::Finished);
}

void BulkRunner::onOutcome(const PaymentActionOutcome &outcome)
{
    if (!m_running)
        return;
    bool written = true;
    switch (outcome.result) {
    case PaymentActionOutcome::Result::Answered:
        written = m_journal->recordAnswer(m_batchId, m_chunk, outcome.items);
        break;
    case PaymentActionOutcome::Result::Refused:
        // The session ended (401): the gateway refused the chunk before looking at it. It stays
        // unanswered, to be sent under its key once the user has signed in again.
        if (outcome.error.kind == ApiError::Kind::Authentication) {
            finish(End::Interrupted, outcome.error);
            return;
        }
        written = m_journal->recordRefusal(m_batchId, m_chunk, outcome.error);
        break;
    case PaymentActionOutcome::Result::Unknown:
        // Maybe done, maybe not: only the same key may ask again.
        if (m_attempt < m_retryDelays.size() && !m_cancelled) {
            QTimer::singleShot(m_retryDelays.at(m_attempt++), this, [this] {
                if (m_running && !m_cancelled)
                    m_runner->retry();
                else if (m_running)
                    finish(End::Cancelled);
            });
            return;
        }
        m_runner->discard(); // the journal keeps the key; a resume sends it again
        finish(m_cancelled ? End::Cancelled : End::Interrupted, outcome.error);
        return;
    }
    if (!written) {
        finish(End::JournalError);
        return;
    }
    m_done += int(outcome.action.items().size());
    Q_EMIT progress(m_done, m_total);
    sendNext();
}

void BulkRunner::finish(End end, const ApiError &error)
{
    if (!m_running && end != End::JournalError)
        return;
    m_running = false;
    if (m_runner->state() == PaymentActionRunner::State::Unknown)
        m_runner->discard();
    Q_EMIT finished(end, error);
}

} // namespace kessai
