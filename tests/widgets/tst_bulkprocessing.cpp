#include "api/apireply.h"
#include "api/merchantclient.h"
#include "bulk/bulkbatchesmodel.h"
#include "bulk/bulkconfirmdialog.h"
#include "bulk/bulkfiledialog.h"
#include "csv/csvreader.h"
#include "csv/csvwriter.h"
#include "bulk/bulkitemsmodel.h"
#include "bulk/bulkpage.h"
#include "bulk/bulkplan.h"
#include "bulk/bulkservice.h"
#include "fakenetwork.h"
#include "payments/bulkactionbar.h"
#include "payments/paymentsmodel.h"
#include "payments/searchpage.h"

#include "japaneseui.h"
#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QDir>
#include <QTest>
#include <QUrlQuery>

#include <memory>

using namespace kessai;

namespace {

// A gateway of `count` card payments: every third one authorized (20: capture and cancel
// allowed), every third captured (40: cancel only), every third cancelled (41: nothing). Pages
// are cut by an offset cursor; a capture answers each item as the gateway would, and records
// every payment it acted on and every key it saw.
struct FakeGateway
{
    struct Row
    {
        qint64 id;
        int status;
        qint64 amount;
    };
    QList<Row> rows;
    QHash<qint64, int> captured; // payment → captures applied
    QSet<QString> keys;          // Idempotency-Keys seen
    QSet<qint64> expiring;       // answered "expired"
    int postDelayMs = 0;
    bool sessionOver = false; // captures answered 401
    int posts = 0;

    FakeNetwork network{[this](const QNetworkRequest &request) { return answer(request); }};
    MerchantClient client;

    explicit FakeGateway(int count)
    {
        for (int i = 0; i < count; ++i)
            rows.append({100000000000000000 + i, i % 3 == 0 ? 20 : i % 3 == 1 ? 40 : 41, 1000 + i});
        client.setNetworkAccessManager(&network);
        client.setBaseUrl(QUrl(QStringLiteral("https://gateway.test")));
        ApiReply *reply = client.login(QStringLiteral("staff"), QStringLiteral("password-12345"));
        QSignalSpy done(reply, &ApiReply::finished);
        done.wait(5000);
    }

    static QJsonArray actionsOf(int status)
    {
        if (status == 20)
            return {QStringLiteral("capture"), QStringLiteral("cancel")};
        if (status == 40)
            return {QStringLiteral("cancel")};
        return {};
    }

    FakeNetwork::Answer answer(const QNetworkRequest &request)
    {
        const QString path = request.url().path();
        if (path == QLatin1String("/v1/session")) {
            const QJsonObject user{{QStringLiteral("login_id"), QStringLiteral("staff")},
                                   {QStringLiteral("merchant"), QJsonObject{{QStringLiteral("id"), QStringLiteral("M1")}}},
                                   {QStringLiteral("role"), QStringLiteral("general")},
                                   {QStringLiteral("permissions"),
                                    QJsonArray{QStringLiteral("view:02"), QStringLiteral("capture"), QStringLiteral("cancel")}}};
            return {200, QJsonDocument(QJsonObject{{QStringLiteral("token"), QStringLiteral("t")}, {QStringLiteral("user"), user}}).toJson(), 0};
        }
        if (path == QLatin1String("/v1/payments/count"))
            return {200, QByteArray(R"({"total":)") + QByteArray::number(rows.size()) + '}', 0};
        if (path == QLatin1String("/v1/payments")) {
            const QUrlQuery query(request.url());
            int from = query.queryItemValue(QStringLiteral("cursor")).toInt();
            const int limit = query.queryItemValue(QStringLiteral("limit")).toInt();
            QJsonArray items;
            int to = std::min(int(rows.size()), from + limit);
            if (query.hasQueryItem(QStringLiteral("trading_id"))) { // an exact 取引ID: ORD<index>
                const int index = query.queryItemValue(QStringLiteral("trading_id")).mid(3).toInt();
                from = index;
                to = index < rows.size() ? index + 1 : index;
            }
            for (int i = from; i < to; ++i) {
                const Row &row = rows.at(i);
                QJsonObject item{{QStringLiteral("payment_id"), QString::number(row.id)},
                                 {QStringLiteral("trading_id"), QStringLiteral("ORD%1").arg(i)},
                                 {QStringLiteral("type"), QStringLiteral("02")},
                                 {QStringLiteral("status"), row.status},
                                 {QStringLiteral("amount"), row.amount},
                                 {QStringLiteral("institution"), QStringLiteral("VISA")},
                                 {QStringLiteral("trade_time"), QStringLiteral("2026-12-01T01:00:00Z")}};
                if (!actionsOf(row.status).isEmpty())
                    item.insert(QStringLiteral("actions"), actionsOf(row.status));
                items.append(item);
            }
            return {200, QJsonDocument(QJsonObject{{QStringLiteral("items"), items},
                                                   {QStringLiteral("next_cursor"),
                                                    to < rows.size() && !query.hasQueryItem(QStringLiteral("trading_id"))
                                                        ? QJsonValue(QString::number(to))
                                                        : QJsonValue()}})
                              .toJson(QJsonDocument::Compact),
                    0};
        }
        if (path == QLatin1String("/v1/payments/capture") && sessionOver)
            return {401, R"({"error":{"code":"session_expired","message":"The session has ended."}})", 0};
        if (path == QLatin1String("/v1/payments/capture")) {
            ++posts;
            const QString key = QString::fromLatin1(request.rawHeader("Idempotency-Key"));
            const bool repeated = keys.contains(key);
            keys.insert(key);
            QJsonArray results;
            const QJsonArray asked = QJsonDocument::fromJson(network.lastBody).object().value(QLatin1String("items")).toArray();
            for (const QJsonValue &value : asked) {
                const qint64 id = value.toObject().value(QLatin1String("payment_id")).toString().toLongLong();
                const qint64 index = id - 100000000000000000;
                Row &row = rows[index];
                QJsonObject result{{QStringLiteral("payment_id"), QString::number(id)}};
                if (expiring.contains(id)) {
                    result.insert(QStringLiteral("ok"), false);
                    result.insert(QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), QStringLiteral("expired")},
                                                                       {QStringLiteral("message"), QStringLiteral("expired")}});
                } else if (row.status == 20 || (repeated && row.status == 40)) {
                    if (!repeated) {
                        row.status = 40;
                        ++captured[id];
                    }
                    result.insert(QStringLiteral("ok"), true);
                    result.insert(QStringLiteral("status"), 40);
                    result.insert(QStringLiteral("amount"), row.amount);
                } else {
                    result.insert(QStringLiteral("ok"), false);
                    result.insert(QStringLiteral("error"),
                                  QJsonObject{{QStringLiteral("code"), QStringLiteral("status_not_allowed")},
                                              {QStringLiteral("message"), QStringLiteral("not allowed")}});
                }
                results.append(result);
            }
            return {200, QJsonDocument(QJsonObject{{QStringLiteral("results"), results}}).toJson(QJsonDocument::Compact),
                    postDelayMs};
        }
        return {404, R"({"error":{"code":"not_found","message":"no"}})", 0};
    }
};

template<class Dialog>
Dialog *waitForDialog()
{
    for (int i = 0; i < 500; ++i) {
        for (QWidget *top : QApplication::topLevelWidgets()) {
            if (auto *d = qobject_cast<Dialog *>(top); d && d->isVisible())
                return d;
        }
        QTest::qWait(10);
    }
    return nullptr;
}

BulkConfirmDialog *waitForConfirm()
{
    BulkConfirmDialog *dialog = nullptr;
    for (int i = 0; i < 500 && !dialog; ++i) {
        for (QWidget *top : QApplication::topLevelWidgets()) {
            if (auto *d = qobject_cast<BulkConfirmDialog *>(top); d && d->isVisible())
                dialog = d;
        }
        if (!dialog)
            QTest::qWait(10);
    }
    return dialog;
}

} // namespace

// 一括処理 from the search page, offscreen, against a fake gateway: the confirmation counts what
// the gateway would refuse, "all matching" is read page by page, the batch runs in journaled
// chunks to the bulk page, Cancel stops after the chunk in flight and the rest is finished under
// the same keys; the result view filters, exports and retries.
class TestBulkProcessing : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("XDG_CONFIG_HOME", m_dir.path().toUtf8());
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void init()
    {
        m_gateway = std::make_unique<FakeGateway>(2400);
        QVERIFY(m_gateway->client.isLoggedIn());
        auto journal = BulkService::openJournal(m_dir.filePath(QStringLiteral("journal-%1.sqlite").arg(++m_run)));
        QVERIFY(journal);
        m_service = std::make_unique<BulkService>(&m_gateway->client, std::move(journal));
        m_service->setRetryDelays({10});
        m_search = std::make_unique<SearchPage>(&m_gateway->client, m_service.get());
        m_bulk = std::make_unique<BulkPage>(m_service.get());
        new QAbstractItemModelTester(m_bulk->itemsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest, m_bulk.get());
        new QAbstractItemModelTester(m_bulk->batchesModel(), QAbstractItemModelTester::FailureReportingMode::QtTest, m_bulk.get());
        m_search->resize(1280, 800);
        m_search->show();
        m_bulk->resize(1280, 800);
        m_bulk->show();
        m_bulk->pageShown(true);
        m_search->search();
        QTRY_VERIFY(m_search->model()->rowCount() > 0);
    }

    void cleanup()
    {
        m_search.reset();
        m_bulk.reset();
        m_service.reset();
        m_gateway.reset();
    }

    void theConfirmationCountsWhatTheGatewayWouldRefuse()
    {
        PaymentsModel *model = m_search->model();
        for (int row = 0; row < 6; ++row) // 20, 40, 41, 20, 40, 41
            model->setChecked(model->paymentIdAt(row), true);
        auto *bar = m_search->findChild<BulkActionBar *>();
        QVERIFY(bar && bar->captureButton()->isVisible() && bar->captureButton()->isEnabled());
        QTest::mouseClick(bar->captureButton(), Qt::LeftButton);
        BulkConfirmDialog *dialog = waitForConfirm();
        QVERIFY(dialog);
        QCOMPARE(dialog->confirmButton()->text(), QStringLiteral("Capture 2 payments"));
        QVERIFY(!dialog->confirmButton()->isDefault());
        const QString headline = dialog->findChild<QLabel *>(QStringLiteral("headline"))->text();
        QVERIFY2(headline.contains(QStringLiteral("2 payments will be captured")), qPrintable(headline));
        QVERIFY2(headline.contains(QStringLiteral("2,003")), qPrintable(headline)); // 1,000 + 1,003 yen
        const QString details = dialog->findChild<QLabel *>(QStringLiteral("details"))->text();
        QVERIFY2(details.contains(QStringLiteral("4 checked payments will be left out")), qPrintable(details));
        // One line per status: 20 sends two, 40 and 41 leave out two each.
        QCOMPARE(dialog->breakdown()->topLevelItemCount(), 3);
        // Back sends nothing.
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("backButton")), Qt::LeftButton);
        QTest::qWait(50);
        QCOMPARE(m_gateway->posts, 0);
        QVERIFY(m_service->journal()->batches(false).isEmpty());
        QTRY_VERIFY(bar->captureButton()->isEnabled());
    }

    void allMatchingIsReadPageByPageAndRunsInChunksExactlyOnce()
    {
        PaymentsModel *model = m_search->model();
        model->checkAllMatching();
        const QString unchecked = model->paymentIdAt(0); // a status-20 payment, left alone
        model->setChecked(unchecked, false);
        auto *bar = m_search->findChild<BulkActionBar *>();
        QSignalSpy started(bar, &BulkActionBar::batchStarted);
        QTest::mouseClick(bar->captureButton(), Qt::LeftButton);
        BulkConfirmDialog *dialog = waitForConfirm();
        QVERIFY(dialog);
        // 800 authorized of 2,400, one unchecked; 1,600 left out, read without loading the table.
        QCOMPARE(dialog->confirmButton()->text(), QStringLiteral("Capture 799 payments"));
        QVERIFY(model->rowCount() < 2400);
        QSignalSpy finished(m_service.get(), &BulkService::batchFinished);
        QTest::mouseClick(dialog->confirmButton(), Qt::LeftButton);
        QCOMPARE(started.size(), 1);
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.first().at(1).value<BulkRunner::End>(), BulkRunner::End::Finished);
        QCOMPARE(m_gateway->posts, 1); // 799 items: one chunk of at most 1,000
        QCOMPARE(m_gateway->captured.size(), 799);
        for (auto it = m_gateway->captured.cbegin(); it != m_gateway->captured.cend(); ++it)
            QCOMPARE(it.value(), 1);
        QVERIFY(!m_gateway->captured.contains(unchecked.toLongLong()));

        // The bulk page shows the batch and its items.
        QCOMPARE(m_bulk->batchesModel()->rowCount(), 1);
        QCOMPARE(m_bulk->itemsModel()->rowCount(), 799 + 1600);
        QCOMPARE(m_bulk->itemsModel()->count(BatchJournal::ItemState::Succeeded), 799);
        QCOMPARE(m_bulk->itemsModel()->count(BatchJournal::ItemState::Skipped), 1600);
        auto *message = m_bulk->findChild<QLabel *>(QStringLiteral("message"));
        QTRY_VERIFY(message->isVisible());
        QVERIFY2(message->text().contains(QStringLiteral("799 succeeded, 0 failed, 1,600 skipped")), qPrintable(message->text()));
        // Filtered by outcome.
        auto *filter = m_bulk->findChild<QComboBox *>(QStringLiteral("outcomeFilter"));
        filter->setCurrentIndex(filter->findData(int(BatchJournal::ItemState::Skipped)));
        Q_EMIT filter->activated(filter->currentIndex());
        QCOMPARE(m_bulk->itemsModel()->rowCount(), 1600);
        QVERIFY(m_bulk->itemsModel()->index(0, BulkItemsModel::ReasonColumn).data().toString().contains(QStringLiteral("Left out")));
        // A skipped item keeps the status it was left out in, named for its payment type.
        QCOMPARE(m_bulk->itemsModel()->index(0, BulkItemsModel::StatusAfterColumn).data().toString(), QStringLiteral("Captured"));
        QCOMPARE(m_bulk->batchesModel()->index(0, BulkBatchesModel::StateColumn).data().toString(), QStringLiteral("Finished"));
        // The search table read its rows again: the captured payments show 40 in place.
        QTRY_COMPARE(model->index(3, 0).data(PaymentsModel::StatusCodeRole).toInt(), 40);
        QCOMPARE(model->index(0, 0).data(PaymentsModel::StatusCodeRole).toInt(), 20);
    }

    void cancelStopsAfterTheChunkInFlightAndTheRestIsFinishedUnderTheSameKeys()
    {
        m_service->setChunkSize(100);
        m_gateway->postDelayMs = 40;
        m_search->model()->checkAllMatching();
        auto *bar = m_search->findChild<BulkActionBar *>();
        QTest::mouseClick(bar->captureButton(), Qt::LeftButton);
        BulkConfirmDialog *dialog = waitForConfirm();
        QVERIFY(dialog);
        QSignalSpy progress(m_service.get(), &BulkService::progress);
        QSignalSpy finished(m_service.get(), &BulkService::batchFinished);
        QTest::mouseClick(dialog->confirmButton(), Qt::LeftButton);
        // The run panel shows how far it is, then Cancel.
        QTRY_VERIFY(progress.size() >= 3);
        auto *panel = m_bulk->findChild<QWidget *>(QStringLiteral("runPanel"));
        QVERIFY(panel->isVisible());
        QVERIFY2(m_bulk->findChild<QLabel *>(QStringLiteral("runLabel"))->text().contains(QStringLiteral("of 800")),
                 qPrintable(m_bulk->findChild<QLabel *>(QStringLiteral("runLabel"))->text()));
        QTest::mouseClick(m_bulk->findChild<QPushButton *>(QStringLiteral("cancelButton")), Qt::LeftButton);
        QVERIFY(finished.wait(5000));
        QCOMPARE(finished.first().at(1).value<BulkRunner::End>(), BulkRunner::End::Cancelled);
        const int done = int(m_gateway->captured.size());
        QVERIFY2(done > 0 && done < 800 && done % 100 == 0, qPrintable(QString::number(done)));
        QVERIFY(!panel->isVisible());
        const qint64 id = m_bulk->shownBatch();
        QVERIFY(!m_service->journal()->batch(id)->finished);
        QCOMPARE(m_service->unfinishedBatches().size(), 1);

        // Finish it: only the chunks never answered go out, and nothing is captured twice.
        auto *resume = m_bulk->findChild<QPushButton *>(QStringLiteral("resumeButton"));
        QVERIFY(resume->isVisible());
        const int postsBefore = m_gateway->posts;
        finished.clear();
        QTest::mouseClick(resume, Qt::LeftButton);
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.first().at(1).value<BulkRunner::End>(), BulkRunner::End::Finished);
        QCOMPARE(m_gateway->posts - postsBefore, (800 - done) / 100);
        QCOMPARE(m_gateway->captured.size(), 800);
        for (auto it = m_gateway->captured.cbegin(); it != m_gateway->captured.cend(); ++it)
            QCOMPARE(it.value(), 1);
        QVERIFY(m_service->journal()->batch(id)->finished);
        QVERIFY(!resume->isVisible());
    }

    void failedItemsAreShownExportedAndRetried()
    {
        PaymentsModel *model = m_search->model();
        for (int row = 0; row < 9; ++row)
            model->setChecked(model->paymentIdAt(row), true); // three authorized
        const qint64 expiring = model->paymentIdAt(3).toLongLong();
        m_gateway->expiring.insert(expiring);
        auto *bar = m_search->findChild<BulkActionBar *>();
        QTest::mouseClick(bar->captureButton(), Qt::LeftButton);
        BulkConfirmDialog *dialog = waitForConfirm();
        QVERIFY(dialog);
        QSignalSpy finished(m_service.get(), &BulkService::batchFinished);
        QTest::mouseClick(dialog->confirmButton(), Qt::LeftButton);
        QVERIFY(finished.wait(5000));
        QCOMPARE(m_bulk->itemsModel()->count(BatchJournal::ItemState::Failed), 1);
        auto *filter = m_bulk->findChild<QComboBox *>(QStringLiteral("outcomeFilter"));
        filter->setCurrentIndex(filter->findData(int(BatchJournal::ItemState::Failed)));
        Q_EMIT filter->activated(filter->currentIndex());
        QCOMPARE(m_bulk->itemsModel()->rowCount(), 1);
        const QString reason = m_bulk->itemsModel()->index(0, BulkItemsModel::ReasonColumn).data().toString();
        QVERIFY2(reason.contains(QStringLiteral("period for this has passed")), qPrintable(reason));

        // The results as CSV: the input's columns, then what happened.
        const QString path = m_dir.filePath(QStringLiteral("results.csv"));
        QVERIFY(m_bulk->exportResultsTo(path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(file.readAll()).remove(QChar(0xFEFF)).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 1 + 9);
        QVERIFY(lines.first().startsWith(QStringLiteral("決済ID,処理区分,金額,結果,エラーコード")));
        QCOMPARE(lines.filter(QStringLiteral(",succeeded,")).size(), 2);
        QCOMPARE(lines.filter(QStringLiteral(",failed,expired,")).size(), 1);
        QCOMPARE(lines.filter(QStringLiteral(",skipped,")).size(), 6);

        // Retry the failed one as a new batch, once the gateway allows it.
        m_gateway->expiring.clear();
        auto *retry = m_bulk->findChild<QPushButton *>(QStringLiteral("retryButton"));
        QVERIFY(retry->isEnabled());
        finished.clear();
        QTest::mouseClick(retry, Qt::LeftButton);
        QVERIFY(finished.wait(5000));
        QCOMPARE(m_service->journal()->batches(false).size(), 2);
        QCOMPARE(m_bulk->itemsModel()->allItems().size(), 1);
        QCOMPARE(m_bulk->itemsModel()->count(BatchJournal::ItemState::Succeeded), 1);
        QCOMPARE(m_gateway->captured.value(expiring), 1);
    }

    void aFileIsCheckedLineByLineRunAndAnsweredAsTheInputPlusResults()
    {
        // Shift_JIS as Excel saves it: three captures (one by 取引ID), two broken lines.
        const QString id0 = QString::number(100000000000000000);
        const QString id3 = QString::number(100000000000000003);
        const QString text = QStringLiteral("決済ID,取引ID,処理区分,金額\r\n")
                             + id0 + QStringLiteral(",,売上,\r\n")           // line 2
                             + id3 + QStringLiteral(",,返品,\r\n")           // line 3: no such action
                             + QStringLiteral(",ORD6,売上,500\r\n")          // line 4: by 取引ID, partial
                             + QStringLiteral("12ab,,売上,\r\n")             // line 5: not a 決済ID
                             + QString::number(100000000000000009) + QStringLiteral(",,売上,\r\n"); // line 6
        const QString path = m_dir.filePath(QStringLiteral("captures-%1.csv").arg(m_run));
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            CsvWriter csv(&file, CsvOptions{CsvEncoding::Cp932, false, false});
            for (const QString &line : text.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts))
                QVERIFY(!csv.writeRow(line.split(u',')).isError());
        }
        m_bulk->openFile(path);
        BulkFileDialog *dialog = waitForDialog<BulkFileDialog>();
        QVERIFY(dialog);
        QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("headline"))->text().contains(QStringLiteral("Shift_JIS")));
        // Every broken line, by number; nothing can be sent until they are left out.
        QCOMPARE(dialog->errorList()->topLevelItemCount(), 2);
        QCOMPARE(dialog->errorList()->topLevelItem(0)->text(0), QStringLiteral("3"));
        QCOMPARE(dialog->errorList()->topLevelItem(1)->text(0), QStringLiteral("5"));
        QVERIFY(!dialog->confirmButton()->isEnabled());
        dialog->excludeBox()->setChecked(true);
        QVERIFY(dialog->confirmButton()->isEnabled());
        QCOMPARE(dialog->confirmButton()->text(), QStringLiteral("Capture 3 payments"));
        QSignalSpy finished(m_service.get(), &BulkService::batchFinished);
        QTest::mouseClick(dialog->confirmButton(), Qt::LeftButton);
        QVERIFY(finished.wait(5000));
        QCOMPARE(m_gateway->captured.size(), 3);
        QVERIFY(m_gateway->captured.contains(100000000000000006)); // found by its 取引ID
        QCOMPARE(m_gateway->network.requestCount > 0, true);

        // The result: the input as it was, line by line, with what happened to each.
        const QString results = m_dir.filePath(QStringLiteral("results-%1.csv").arg(m_run));
        QVERIFY(m_bulk->exportResultsTo(results));
        QFile file(results);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QCOMPARE(CsvReader::detectEncoding(bytes), CsvEncoding::Cp932);
        const QList<CsvRecord> records = CsvReader(bytes).readAll();
        QCOMPARE(records.size(), 6);
        QCOMPARE(records.at(0).fields.mid(0, 5), (QStringList{QStringLiteral("決済ID"), QStringLiteral("取引ID"),
                                                             QStringLiteral("処理区分"), QStringLiteral("金額"),
                                                             QStringLiteral("結果")}));
        QCOMPARE(records.at(1).fields.at(4), QStringLiteral("succeeded"));
        QCOMPARE(records.at(2).fields.at(2), QStringLiteral("返品"));
        QCOMPARE(records.at(2).fields.at(4), QStringLiteral("not_sent"));
        QCOMPARE(records.at(3).fields.at(4), QStringLiteral("succeeded"));
        QCOMPARE(records.at(4).fields.at(4), QStringLiteral("not_sent"));
        QCOMPARE(records.at(5).fields.at(4), QStringLiteral("succeeded"));

        // The same file again is not sent again by accident.
        QTRY_VERIFY(m_bulk->findChild<QPushButton *>(QStringLiteral("openFileButton"))->isEnabled());
        m_bulk->openFile(path);
        dialog = waitForDialog<BulkFileDialog>();
        QVERIFY(dialog);
        QVERIFY(dialog->againBox()->isVisibleTo(dialog));
        dialog->excludeBox()->setChecked(true);
        QVERIFY(!dialog->confirmButton()->isEnabled());
        dialog->againBox()->setChecked(true);
        QVERIFY(dialog->confirmButton()->isEnabled());
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("backButton")), Qt::LeftButton);
        QCOMPARE(m_gateway->captured.size(), 3);
    }

    // A session that ends mid-batch leaves the chunk unanswered (the gateway looked at nothing),
    // not failed: after signing in again it is sent under its key.
    void aSessionEndingMidBatchInterruptsAndTheBatchFinishesLater()
    {
        m_service->setChunkSize(100);
        PaymentsModel *model = m_search->model();
        model->checkAllMatching();
        auto *bar = m_search->findChild<BulkActionBar *>();
        QTest::mouseClick(bar->captureButton(), Qt::LeftButton);
        BulkConfirmDialog *dialog = waitForConfirm();
        QVERIFY(dialog);
        QSignalSpy finished(m_service.get(), &BulkService::batchFinished);
        const auto ending = connect(m_service.get(), &BulkService::progress, this, [this](qint64, int done, int) {
            if (done >= 300)
                m_gateway->sessionOver = true;
        });
        QTest::mouseClick(dialog->confirmButton(), Qt::LeftButton);
        // A second batch waits behind the running one (two cancelled payments: refused items).
        BulkPlan second;
        second.items = {{QStringLiteral("100000000000000002"), 1002}, {QStringLiteral("100000000000000005"), 1005}};
        second.total = 2007;
        const std::optional<qint64> secondId = m_service->start(second, QStringLiteral("selection"));
        QVERIFY(secondId);
        QVERIFY(m_service->isQueued(*secondId));
        QVERIFY(finished.wait(5000));
        QCOMPARE(finished.first().at(1).value<BulkRunner::End>(), BulkRunner::End::Interrupted);
        QCOMPARE(finished.first().at(2).value<ApiError>().kind, ApiError::Kind::Authentication);
        const qint64 id = finished.first().at(0).toLongLong();
        // The session ended, not the work: the second batch still waits, and does not run.
        QTest::qWait(50);
        QCOMPARE(finished.size(), 1);
        QVERIFY(m_service->isQueued(*secondId));
        QCOMPARE(m_service->journal()->batch(id)->failed, 0);
        QCOMPARE(m_gateway->captured.size(), 300);
        QVERIFY(m_bulk->findChild<QLabel *>(QStringLiteral("message"))->text().contains(QStringLiteral("session ended")));

        disconnect(ending);
        m_gateway->sessionOver = false;
        finished.clear();
        QVERIFY(m_service->resume(id));
        // The interrupted batch first, then the one that waited behind it.
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 10000);
        QCOMPARE(finished.at(0).at(0).toLongLong(), id);
        QCOMPARE(finished.at(0).at(1).value<BulkRunner::End>(), BulkRunner::End::Finished);
        QCOMPARE(finished.at(1).at(0).toLongLong(), *secondId);
        QCOMPARE(finished.at(1).at(1).value<BulkRunner::End>(), BulkRunner::End::Finished);
        QCOMPARE(m_gateway->captured.size(), 800);
        QCOMPARE(m_service->journal()->batch(id)->succeeded, 800);
        QCOMPARE(m_service->journal()->batch(*secondId)->failed, 2);
    }

    // The pages in Japanese at 1280×800, kept as pictures to look at (KESSAI_SCREENSHOT_DIR).
    void japaneseScreenshots()
    {
        const test::JapaneseUi japanese;
        QVERIFY2(japanese.loaded(), qPrintable(japanese.error()));
        const QString dir = test::screenshotDirectory();
        QVERIFY(!dir.isEmpty());

        SearchPage search(&m_gateway->client, m_service.get());
        BulkPage bulk(m_service.get());
        search.resize(1280, 800);
        bulk.resize(1280, 800);
        search.show();
        bulk.show();
        bulk.pageShown(true);
        search.search();
        QTRY_VERIFY(search.model()->rowCount() > 0);
        for (int row = 0; row < 9; ++row)
            search.model()->setChecked(search.model()->paymentIdAt(row), true);
        m_gateway->expiring.insert(search.model()->paymentIdAt(3).toLongLong());
        auto *bar = search.findChild<BulkActionBar *>();
        QCOMPARE(bar->captureButton()->text(), QStringLiteral("チェックした決済を売上(&P)…"));
        QVERIFY(bar->captureButton()->width() >= bar->captureButton()->sizeHint().width());
        QVERIFY(search.grab().save(QDir(dir).filePath(QStringLiteral("bulk-search-ja.png"))));
        QTest::mouseClick(bar->captureButton(), Qt::LeftButton);
        BulkConfirmDialog *dialog = waitForConfirm();
        QVERIFY(dialog);
        QCOMPARE(dialog->confirmButton()->text(), QStringLiteral("3件を売上確定する"));
        QVERIFY(dialog->confirmButton()->width() >= dialog->confirmButton()->sizeHint().width());
        QTest::qWait(100);
        QVERIFY(dialog->grab().save(QDir(dir).filePath(QStringLiteral("bulk-confirm-ja.png"))));
        QSignalSpy finished(m_service.get(), &BulkService::batchFinished);
        QTest::mouseClick(dialog->confirmButton(), Qt::LeftButton);
        QVERIFY(finished.wait(5000));
        QTest::qWait(100);
        QVERIFY(bulk.grab().save(QDir(dir).filePath(QStringLiteral("bulk-page-ja.png"))));

        // A file with broken lines, as the user sees it before anything is sent.
        const QString path = m_dir.filePath(QStringLiteral("売上ファイル.csv"));
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(QStringLiteral("決済ID,処理区分,金額\r\n100000000000000009,売上,\r\n100000000000000012,売上,1,00\r\n"
                                      "100000000000000015,返品,\r\n,売上,\r\n100000000000000018,売上,1200\r\n")
                           .toUtf8());
        }
        bulk.openFile(path);
        BulkFileDialog *fileDialog = waitForDialog<BulkFileDialog>();
        QVERIFY(fileDialog);
        fileDialog->excludeBox()->setChecked(true);
        QCOMPARE(fileDialog->confirmButton()->text(), QStringLiteral("2件を売上確定する"));
        QVERIFY(fileDialog->confirmButton()->width() >= fileDialog->confirmButton()->sizeHint().width());
        QTest::qWait(100);
        QVERIFY(fileDialog->grab().save(QDir(dir).filePath(QStringLiteral("bulk-file-ja.png"))));
        fileDialog->reject();
        qInfo("screenshots in %s", qPrintable(dir));
    }

private:
    QTemporaryDir m_dir;
    int m_run = 0;
    std::unique_ptr<FakeGateway> m_gateway;
    std::unique_ptr<BulkService> m_service;
    std::unique_ptr<SearchPage> m_search;
    std::unique_ptr<BulkPage> m_bulk;
};

QTEST_MAIN(TestBulkProcessing)
#include "tst_bulkprocessing.moc"
