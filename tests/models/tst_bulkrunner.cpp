#include "api/merchantclient.h"
#include "bulk/bulkrunner.h"
#include "fakenetwork.h"
#include "journal/batchjournal.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QFileInfo>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <functional>
#include <optional>
#include <sys/resource.h>

using namespace kessai;

namespace {

// A gateway that captures like the real one as far as keys go: a key seen before is answered
// with what was stored for it, never applied again. It can lose answers (after applying), be down
// (before applying), refuse, or decline one payment.
struct CapturingGateway
{
    QHash<QString, int> applied;           // payment id -> times captured
    QHash<QByteArray, QByteArray> stored;  // Idempotency-Key -> answer
    QList<QByteArray> keys;                // every request's key, in order
    QSet<int> loseAnswerOf;                // request numbers (0-based) whose answer is lost
    bool down = false;
    bool refuse = false;
    std::function<void(int)> onRequest;    // called with each request's number before it is answered
    QString declined;                      // this payment is not in a capturable status
    FakeNetwork network{[this](const QNetworkRequest &request) -> FakeNetwork::Answer {
        const QByteArray key = request.rawHeader("Idempotency-Key");
        const int number = int(keys.size());
        keys.append(key);
        if (onRequest)
            onRequest(number);
        if (down)
            return {0, {}, 0};
        if (refuse)
            return {403, R"({"error":{"code":"forbidden","message":"no capture right","request_id":"r"}})", 0};
        if (!stored.contains(key)) {
            QJsonArray results;
            const QJsonObject body = QJsonDocument::fromJson(network.lastBody).object();
            for (const QJsonValue &value : body.value(QLatin1String("items")).toArray()) {
                const QString id = value.toObject().value(QLatin1String("payment_id")).toString();
                if (id == declined) {
                    results.append(QJsonObject{{QStringLiteral("payment_id"), id}, {QStringLiteral("ok"), false},
                                               {QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), QStringLiteral("status_not_allowed")},
                                                                                     {QStringLiteral("message"), QStringLiteral("no")}}}});
                    continue;
                }
                ++applied[id];
                results.append(QJsonObject{{QStringLiteral("payment_id"), id}, {QStringLiteral("ok"), true},
                                           {QStringLiteral("status"), 40}, {QStringLiteral("amount"), 1000}});
            }
            stored.insert(key, QJsonDocument(QJsonObject{{QStringLiteral("results"), results}}).toJson());
        }
        if (loseAnswerOf.contains(number))
            return {0, {}, 0};
        return {200, stored.value(key), 0};
    }};
    MerchantClient client;

    CapturingGateway()
    {
        client.setNetworkAccessManager(&network);
        client.setBaseUrl(QUrl(QStringLiteral("https://gateway.test")));
    }
    bool eachOnce(int count) const
    {
        if (applied.size() != count)
            return false;
        return std::all_of(applied.cbegin(), applied.cend(), [](int times) { return times == 1; });
    }
};

// A full disk for this process: a write past `bytes` into any file fails (EFBIG, SIGXFSZ
// ignored) as it would on a full file system, while reads go on. Undone when it goes.
class FullDisk
{
public:
    explicit FullDisk(rlim_t bytes)
    {
        ::getrlimit(RLIMIT_FSIZE, &m_before);
        m_handler = std::signal(SIGXFSZ, SIG_IGN);
        rlimit limit = m_before;
        limit.rlim_cur = bytes;
        m_set = ::setrlimit(RLIMIT_FSIZE, &limit) == 0;
    }
    ~FullDisk() { free(); }
    bool isSet() const { return m_set; }
    void free()
    {
        if (!m_set)
            return;
        ::setrlimit(RLIMIT_FSIZE, &m_before);
        std::signal(SIGXFSZ, m_handler);
        m_set = false;
    }

private:
    rlimit m_before{};
    void (*m_handler)(int) = SIG_DFL;
    bool m_set = false;
};

QString integrityOf(const QString &path)
{
    QString result;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("integrity"));
        db.setDatabaseName(path);
        if (!db.open())
            return db.lastError().text();
        QSqlQuery query(db);
        result = query.exec(QStringLiteral("PRAGMA integrity_check")) && query.next() ? query.value(0).toString()
                                                                                    : query.lastError().text();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("integrity"));
    return result;
}

QList<PaymentActionItem> itemsOf(int count)
{
    QList<PaymentActionItem> items;
    for (int i = 1; i <= count; ++i)
        items.append({QString::number(100000000000000000LL + i), 0});
    return items;
}

} // namespace

// 一括処理's core: the journal written before anything is sent, chunks under their own keys,
// lost answers asked again under the same key, a batch resumed by another runner after a stop.
class TestBulkRunner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("journal-%1.sqlite").arg(m_counter++));
        QString error;
        m_journal = BatchJournal::open(m_path, &error);
        QVERIFY2(m_journal, qPrintable(error));
    }

    void cleanup() { m_journal.reset(); }

    void theBatchIsInTheJournalBeforeTheFirstRequest()
    {
        CapturingGateway gateway;
        const auto id = m_journal->createBatch(PaymentAction::Kind::Capture, itemsOf(2500), {}, QStringLiteral("selection"),
                                               QStringLiteral("M0001"), QStringLiteral("staff"));
        QVERIFY2(id, qPrintable(m_journal->lastError()));
        QCOMPARE(gateway.keys.size(), 0);
        const auto batch = m_journal->batch(*id);
        QCOMPARE(batch->items, 2500);
        QCOMPARE(batch->chunks, 3);
        QVERIFY(!batch->finished);
        const QList<BatchJournal::Chunk> chunks = m_journal->chunks(*id);
        QCOMPARE(m_journal->items(*id, 2).size(), 500);
        QVERIFY(chunks[0].key != chunks[1].key && chunks[1].key != chunks[2].key);

        BulkRunner runner(&gateway.client, m_journal.get(), *id);
        QSignalSpy finished(&runner, &BulkRunner::finished);
        QSignalSpy progress(&runner, &BulkRunner::progress);
        runner.start();
        QVERIFY(finished.wait());
        QCOMPARE(finished.at(0).at(0).value<BulkRunner::End>(), BulkRunner::End::Finished);
        QCOMPARE(gateway.keys, (QList<QByteArray>{chunks[0].key, chunks[1].key, chunks[2].key}));
        QVERIFY(gateway.eachOnce(2500));
        QCOMPARE(progress.last().at(0).toInt(), 2500);
        const auto done = m_journal->batch(*id);
        QVERIFY(done->finished);
        QCOMPARE(done->succeeded, 2500);
        QCOMPARE(m_journal->batches(true).size(), 0);
    }

    void aLostAnswerIsAskedForAgainUnderTheSameKey()
    {
        CapturingGateway gateway;
        gateway.loseAnswerOf = {1}; // the second request is applied, its answer lost
        const auto id = m_journal->createBatch(PaymentAction::Kind::Capture, itemsOf(30), {}, QStringLiteral("selection"),
                                               QStringLiteral("M0001"), QStringLiteral("staff"), 10);
        BulkRunner runner(&gateway.client, m_journal.get(), *id);
        runner.setRetryDelays({0, 0});
        QSignalSpy finished(&runner, &BulkRunner::finished);
        runner.start();
        QVERIFY(finished.wait());
        QCOMPARE(finished.at(0).at(0).value<BulkRunner::End>(), BulkRunner::End::Finished);
        QCOMPARE(gateway.keys.size(), 4);
        QCOMPARE(gateway.keys[2], gateway.keys[1]); // the retry
        QVERIFY(gateway.eachOnce(30));
        QCOMPARE(m_journal->batch(*id)->succeeded, 30);
    }

    // The gateway went away mid-batch; later, another runner (another start of the console, with
    // the journal opened again) finishes it with the same keys.
    void anInterruptedBatchIsResumedWithTheSameKeys()
    {
        CapturingGateway gateway;
        gateway.loseAnswerOf = {1, 2, 3};
        const auto id = m_journal->createBatch(PaymentAction::Kind::Capture, itemsOf(30), {}, QStringLiteral("selection"),
                                               QStringLiteral("M0001"), QStringLiteral("staff"), 10);
        {
            BulkRunner runner(&gateway.client, m_journal.get(), *id);
            runner.setRetryDelays({0, 0});
            QSignalSpy finished(&runner, &BulkRunner::finished);
            runner.start();
            QVERIFY(finished.wait());
            QCOMPARE(finished.at(0).at(0).value<BulkRunner::End>(), BulkRunner::End::Interrupted);
        }
        const QList<BatchJournal::Chunk> chunks = m_journal->chunks(*id);
        QVERIFY(chunks[0].answered && !chunks[1].answered && !chunks[2].answered);
        QCOMPARE(m_journal->batches(true, QStringLiteral("M0001"), QStringLiteral("staff")).size(), 1);

        m_journal.reset();
        m_journal = BatchJournal::open(m_path);
        QVERIFY(m_journal);
        BulkRunner resumed(&gateway.client, m_journal.get(), *id);
        QSignalSpy finished(&resumed, &BulkRunner::finished);
        resumed.start();
        QVERIFY(finished.wait());
        QCOMPARE(finished.at(0).at(0).value<BulkRunner::End>(), BulkRunner::End::Finished);
        QCOMPARE(gateway.keys.mid(4), (QList<QByteArray>{chunks[1].key, chunks[2].key}));
        QVERIFY(gateway.eachOnce(30));
        QVERIFY(m_journal->batch(*id)->finished);
    }

    void eachItemEndsWithItsOwnOutcome()
    {
        CapturingGateway gateway;
        gateway.declined = QString::number(100000000000000000LL + 2);
        const auto id = m_journal->createBatch(PaymentAction::Kind::Capture, itemsOf(3),
                                               {{0, -1, QStringLiteral("100000000000000099"), 0, BatchJournal::ItemState::Skipped,
                                                 41, 1200, QStringLiteral("status_not_allowed"), QString(), QStringLiteral("02")}},
                                               QStringLiteral("selection"), QStringLiteral("M0001"), QStringLiteral("staff"));
        BulkRunner runner(&gateway.client, m_journal.get(), *id);
        QSignalSpy finished(&runner, &BulkRunner::finished);
        runner.start();
        QVERIFY(finished.wait());
        const QList<BatchJournal::Item> items = m_journal->items(*id);
        QCOMPARE(items.size(), 4);
        QCOMPARE(items[0].state, BatchJournal::ItemState::Succeeded);
        QCOMPARE(items[0].statusAfter, 40);
        QCOMPARE(items[1].state, BatchJournal::ItemState::Failed);
        QCOMPARE(items[1].errorCode, QStringLiteral("status_not_allowed"));
        QCOMPARE(items[3].state, BatchJournal::ItemState::Skipped);
        // What it was left out in is kept: status, amount and payment type.
        QCOMPARE(items[3].statusAfter, 41);
        QCOMPARE(items[3].amountAfter, qint64(1200));
        QCOMPARE(items[3].type, QStringLiteral("02"));
        const auto batch = m_journal->batch(*id);
        QCOMPARE(batch->succeeded, 2);
        QCOMPARE(batch->failed, 1);
        QCOMPARE(batch->skipped, 1);

        // A refusal of the whole request fails its items with the gateway's reason.
        CapturingGateway refusing;
        refusing.refuse = true;
        const auto second = m_journal->createBatch(PaymentAction::Kind::Cancel, itemsOf(2), {}, QStringLiteral("selection"),
                                                   QStringLiteral("M0001"), QStringLiteral("staff"));
        BulkRunner refused(&refusing.client, m_journal.get(), *second);
        QSignalSpy ended(&refused, &BulkRunner::finished);
        refused.start();
        QVERIFY(ended.wait());
        QCOMPARE(ended.at(0).at(0).value<BulkRunner::End>(), BulkRunner::End::Finished);
        for (const BatchJournal::Item &item : m_journal->items(*second)) {
            QCOMPARE(item.state, BatchJournal::ItemState::Failed);
            QCOMPARE(item.errorCode, QStringLiteral("forbidden"));
        }
    }

    void cancelStopsAfterTheChunkInFlight()
    {
        CapturingGateway gateway;
        const auto id = m_journal->createBatch(PaymentAction::Kind::Capture, itemsOf(30), {}, QStringLiteral("selection"),
                                               QStringLiteral("M0001"), QStringLiteral("staff"), 10);
        BulkRunner runner(&gateway.client, m_journal.get(), *id);
        QSignalSpy finished(&runner, &BulkRunner::finished);
        runner.start();
        runner.cancel(); // the first chunk is on its way
        QVERIFY(finished.wait());
        QCOMPARE(finished.at(0).at(0).value<BulkRunner::End>(), BulkRunner::End::Cancelled);
        QCOMPARE(gateway.keys.size(), 1);
        QVERIFY(gateway.eachOnce(10));
        const auto batch = m_journal->batch(*id);
        QCOMPARE(batch->succeeded, 10);
        QVERIFY(!batch->finished); // the rest can still be sent
    }

    // The disk fills while a batch runs: the gateway captured the second chunk but its answer cannot
    // be written. The batch stops there (nothing more is sent), the journal is whole, and once
    // there is room the same keys finish it: the lost answer is asked for again, nothing is done
    // twice, every item ends in its state.
    void aFullDiskStopsTheBatchAndTheSameKeysFinishIt()
    {
        CapturingGateway gateway;
        const auto id = m_journal->createBatch(PaymentAction::Kind::Capture, itemsOf(3000), {}, QStringLiteral("selection"),
                                               QStringLiteral("M0001"), QStringLiteral("staff"));
        QVERIFY(id);
        QVERIFY(QFileInfo(m_path).size() + QFileInfo(m_path + QStringLiteral("-wal")).size() > 64 * 1024);
        std::optional<FullDisk> full;
        gateway.onRequest = [&](int number) {
            if (number == 1)
                full.emplace(16 * 1024); // every write into the journal's files fails from here
        };
        BulkRunner runner(&gateway.client, m_journal.get(), *id);
        QSignalSpy finished(&runner, &BulkRunner::finished);
        runner.start();
        QVERIFY(finished.wait());
        QVERIFY(full && full->isSet());
        QCOMPARE(finished.at(0).at(0).value<BulkRunner::End>(), BulkRunner::End::JournalError);
        QCOMPARE(gateway.keys.size(), 2); // the third chunk was never sent
        QVERIFY2(!m_journal->lastError().isEmpty(), "the message names the cause");
        qInfo("the journal said: %s", qPrintable(m_journal->lastError()));
        // Read while the disk is still full: the first answer is there, the second is not, whole.
        const QList<BatchJournal::Chunk> chunks = m_journal->chunks(*id);
        QVERIFY(chunks[0].answered && !chunks[1].answered && !chunks[2].answered);
        QCOMPARE(m_journal->batch(*id)->succeeded, 1000);
        QCOMPARE(m_journal->items(*id, 1).constFirst().state, BatchJournal::ItemState::Pending);

        full->free();
        QCOMPARE(integrityOf(m_path), QStringLiteral("ok"));
        BulkRunner resumed(&gateway.client, m_journal.get(), *id);
        QSignalSpy ended(&resumed, &BulkRunner::finished);
        resumed.start();
        QVERIFY(ended.wait());
        QCOMPARE(ended.at(0).at(0).value<BulkRunner::End>(), BulkRunner::End::Finished);
        QCOMPARE(gateway.keys.mid(2), (QList<QByteArray>{chunks[1].key, chunks[2].key}));
        QVERIFY(gateway.eachOnce(3000));
        const auto batch = m_journal->batch(*id);
        QVERIFY(batch->finished);
        QCOMPARE(batch->succeeded, 3000);
        QCOMPARE(integrityOf(m_path), QStringLiteral("ok"));
    }

    void finishedBatchesArePrunedAfterTheirTime()
    {
        CapturingGateway gateway;
        const auto done = m_journal->createBatch(PaymentAction::Kind::Capture, itemsOf(1), {}, QStringLiteral("selection"),
                                                 QStringLiteral("M0001"), QStringLiteral("staff"));
        const auto open = m_journal->createBatch(PaymentAction::Kind::Capture, itemsOf(1), {}, QStringLiteral("selection"),
                                                 QStringLiteral("M0001"), QStringLiteral("staff"));
        BulkRunner runner(&gateway.client, m_journal.get(), *done);
        QSignalSpy finished(&runner, &BulkRunner::finished);
        runner.start();
        QVERIFY(finished.wait());
        QCOMPARE(m_journal->prune(QDateTime::currentDateTimeUtc().addDays(-90)), 0);
        QCOMPARE(m_journal->prune(QDateTime::currentDateTimeUtc().addSecs(60)), 1); // as if 90 days had passed
        QVERIFY(!m_journal->batch(*done));
        QVERIFY(m_journal->batch(*open)); // never an unfinished one
        QVERIFY(m_journal->items(*done).isEmpty());
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
    int m_counter = 0;
    std::unique_ptr<BatchJournal> m_journal;
};

QTEST_MAIN(TestBulkRunner)
#include "tst_bulkrunner.moc"
