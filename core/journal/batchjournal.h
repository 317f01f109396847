#pragma once

#include "api/apierror.h"
#include "api/paymentaction.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace kessai {

// The console's local journal of bulk captures and cancels (一括処理). A batch, its items and one
// Idempotency-Key per chunk are written before anything is sent, and each answer before the next
// chunk goes out: after a crash or a lost connection the same keys finish the batch, so no
// payment is captured or cancelled twice and every item ends in a known state. SQLite, WAL,
// synchronous=FULL. It holds payment IDs and amounts, never a card number.
class BatchJournal
{
public:
    enum class ItemState { Pending = 0, Succeeded = 1, Failed = 2, Skipped = 3 };

    struct Batch
    {
        qint64 id = 0;
        QDateTime created; // UTC
        PaymentAction::Kind kind = PaymentAction::Kind::Capture;
        QString source;     // "selection", or the file the items came from
        QString merchantId;
        QString loginId;
        int items = 0;
        int chunks = 0;
        int answeredChunks = 0;
        int succeeded = 0;
        int failed = 0;
        int skipped = 0;
        bool finished = false;
    };
    struct Chunk
    {
        int number = 0;
        QByteArray key;
        bool answered = false;
    };
    struct Item
    {
        int seq = 0;
        int chunk = 0;
        QString paymentId;
        Yen amount = 0; // 0: the whole authorized amount (capture) or the current amount (cancel)
        ItemState state = ItemState::Pending;
        int statusAfter = 0;
        Yen amountAfter = 0;
        QString errorCode;
        QString errorMessage;
        QString type; // the payment type ("02") when it was known (items left out); else empty
        int line = 0; // the file line the item came from; 0 when not from a file
    };

    // Opens (creating if needed) the journal file; null with *error said on failure.
    static std::unique_ptr<BatchJournal> open(const QString &path, QString *error = nullptr);
    ~BatchJournal();
    BatchJournal(const BatchJournal &) = delete;
    BatchJournal &operator=(const BatchJournal &) = delete;

    static constexpr int MaxChunk = 1000; // the gateway's limit per request

    // Writes a batch, its items split into chunks of chunkSize and one new key per chunk, in one
    // durable transaction. skipped: items left out before sending (the gateway does not allow the
    // action on them), kept with their reason so the result shows them.
    // lines: for a file's batch, the file line of each item (the result file is the input plus
    // the result columns, line by line).
    std::optional<qint64> createBatch(PaymentAction::Kind kind, const QList<PaymentActionItem> &items,
                                      const QList<Item> &skipped, const QString &source, const QString &merchantId,
                                      const QString &loginId, int chunkSize = MaxChunk, const QList<int> &lines = {});

    std::optional<Batch> batch(qint64 id) const;
    // Newest first; only those of this user when loginId is given.
    QList<Batch> batches(bool unfinishedOnly, const QString &merchantId = QString(),
                         const QString &loginId = QString()) const;
    QList<Chunk> chunks(qint64 batchId) const;
    // Every item of a batch in order (or of one chunk).
    QList<Item> items(qint64 batchId, std::optional<int> chunk = std::nullopt) const;

    // The gateway's answer to a chunk, item by item, in one durable transaction.
    bool recordAnswer(qint64 batchId, int chunk, const QList<PaymentActionResult> &results);
    // The gateway refused the whole chunk: each of its items failed with that error.
    bool recordRefusal(qint64 batchId, int chunk, const ApiError &error);
    // Every chunk answered: the batch is done.
    bool markFinished(qint64 batchId);
    // Forgets finished batches created before the time (the journal keeps 90 days).
    int prune(const QDateTime &before);

    QString lastError() const { return m_error; }

private:
    explicit BatchJournal(const QString &connection);
    bool exec(const QString &sql);

    QString m_connection;
    mutable QString m_error;
};

} // namespace kessai
