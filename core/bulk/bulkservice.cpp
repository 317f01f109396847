#include "bulkservice.h"

#include "api/merchantclient.h"
#include "bulk/bulkfile.h"
#include "bulk/bulkplan.h"

#include <QTimer>

namespace kessai {

BulkService::BulkService(MerchantClient *client, std::unique_ptr<BatchJournal> journal, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_journal(std::move(journal))
{
}

BulkService::~BulkService()
{
    // A batch cut off here stays unfinished in the journal and is offered again next time.
    delete m_runner;
}

std::unique_ptr<BatchJournal> BulkService::openJournal(const QString &path, QString *error)
{
    std::unique_ptr<BatchJournal> journal = BatchJournal::open(path, error);
    if (journal)
        journal->prune(QDateTime::currentDateTimeUtc().addDays(-KeepDays));
    return journal;
}

std::optional<qint64> BulkService::start(const BulkPlan &plan, const QString &source, const QList<int> &lines)
{
    if (!m_client || !m_client->isLoggedIn()) {
        m_error = tr("Not signed in.");
        return std::nullopt;
    }
    const UserInfo &user = m_client->user();
    const auto id = m_journal->createBatch(plan.kind, plan.items, plan.skipped, source, user.merchantId,
                                           user.loginId, m_chunkSize, lines);
    if (!id) {
        m_error = m_journal->lastError();
        return std::nullopt;
    }
    Q_EMIT batchCreated(*id);
    resume(*id);
    return id;
}

QList<BatchJournal::Batch> BulkService::batchesOfFile(const QByteArray &sha256) const
{
    QList<BatchJournal::Batch> found;
    if (!m_client || sha256.isEmpty())
        return found;
    const UserInfo &user = m_client->user();
    for (const BatchJournal::Batch &batch : m_journal->batches(false, user.merchantId, user.loginId)) {
        if (BulkFile::sha256OfSource(batch.source) == sha256)
            found.append(batch);
    }
    return found;
}

std::optional<qint64> BulkService::retryFailed(qint64 batchId)
{
    const auto batch = m_journal->batch(batchId);
    if (!batch || !m_client || !m_client->isLoggedIn()) {
        m_error = tr("No such batch.");
        return std::nullopt;
    }
    QList<PaymentActionItem> items;
    QList<int> lines;
    for (const BatchJournal::Item &item : m_journal->items(batchId)) {
        if (item.state == BatchJournal::ItemState::Failed) {
            items.append({item.paymentId, item.amount});
            lines.append(item.line);
        }
    }
    if (items.isEmpty()) {
        m_error = tr("Nothing failed in this batch.");
        return std::nullopt;
    }
    const UserInfo &user = m_client->user();
    // A file's retry stays the file's (its result file shows the newest outcome of each line).
    const QString source = BulkFile::sha256OfSource(batch->source).isEmpty() ? QStringLiteral("retry:%1").arg(batchId)
                                                                             : batch->source;
    const auto id = m_journal->createBatch(batch->kind, items, {}, source, user.merchantId, user.loginId, m_chunkSize,
                                           lines);
    if (!id) {
        m_error = m_journal->lastError();
        return std::nullopt;
    }
    Q_EMIT batchCreated(*id);
    resume(*id);
    return id;
}

bool BulkService::resume(qint64 batchId)
{
    const auto batch = m_journal->batch(batchId);
    if (!batch || batch->finished || runningBatch() == batchId || m_queue.contains(batchId))
        return false;
    // Before the batches waiting behind it (an interrupted one goes on first).
    m_queue.prepend(batchId);
    if (!m_runner)
        runNext();
    return true;
}

void BulkService::cancel()
{
    m_queue.clear();
    if (m_runner)
        m_runner->cancel();
}

QList<BatchJournal::Batch> BulkService::unfinishedBatches() const
{
    if (!m_client)
        return {};
    const UserInfo &user = m_client->user();
    QList<BatchJournal::Batch> list;
    for (const BatchJournal::Batch &batch : m_journal->batches(true, user.merchantId, user.loginId)) {
        if (batch.id != runningBatch() && !m_queue.contains(batch.id))
            list.append(batch);
    }
    return list;
}

void BulkService::runNext()
{
    if (m_runner || m_queue.isEmpty())
        return;
    const qint64 id = m_queue.takeFirst();
    // Only a batch of the signed-in user runs under their session; another's stays unfinished in
    // the journal and is offered to them at their next login.
    const auto batch = m_journal->batch(id);
    const UserInfo &user = m_client ? m_client->user() : UserInfo();
    if (!batch || batch->merchantId != user.merchantId || batch->loginId.compare(user.loginId, Qt::CaseInsensitive) != 0) {
        QTimer::singleShot(0, this, &BulkService::runNext);
        return;
    }
    m_runner = new BulkRunner(m_client, m_journal.get(), id, this);
    m_runner->setRetryDelays(m_retryDelays);
    connect(m_runner, &BulkRunner::progress, this, [this, id](int done, int total) { Q_EMIT progress(id, done, total); });
    connect(m_runner, &BulkRunner::finished, this, [this, id](BulkRunner::End end, const ApiError &error) {
        BulkRunner *runner = m_runner;
        m_runner = nullptr;
        runner->deleteLater();
        Q_EMIT batchFinished(id, end, error);
        // A batch that could not reach the gateway leaves the others for the next try (they stay
        // in the journal, offered as unfinished). One the session ended keeps them queued: they
        // run after it once it is resumed under the new session.
        if (end == BulkRunner::End::Finished)
            QTimer::singleShot(0, this, &BulkService::runNext);
        else if (end != BulkRunner::End::Interrupted || error.kind != ApiError::Kind::Authentication)
            m_queue.clear();
    });
    Q_EMIT batchStarted(id);
    m_runner->start();
}

} // namespace kessai
