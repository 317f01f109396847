#include "api/apireply.h"
#include "api/merchantclient.h"
#include "bulk/bulkconfirmdialog.h"
#include "bulk/bulkplan.h"
#include "bulk/bulkservice.h"
#include "gatewayfixture.h"
#include "payments/bulkactionbar.h"
#include "payments/paymentsmodel.h"
#include "payments/searchpage.h"
#include "tls/clientidentity.h"

#include <QApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace kessai;

namespace {

constexpr int Items = 3000;

BulkConfirmDialog *waitForConfirm()
{
    for (int i = 0; i < 3000; ++i) {
        for (QWidget *top : QApplication::topLevelWidgets()) {
            if (auto *d = qobject_cast<BulkConfirmDialog *>(top); d && d->isVisible())
                return d;
        }
        QTest::qWait(10);
    }
    return nullptr;
}

} // namespace

// 一括処理 against a real kessai-gateway: 3,000 authorizations captured from the search page in
// journaled chunks; the gateway killed (SIGKILL) in the middle and started again; the console's
// runner dropped in the middle and a new one started on the same journal file. Each time the
// gateway's own events show exactly one capture per payment.
class TestE2eBulk : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_config.isValid());
        qputenv("XDG_CONFIG_HOME", m_config.path().toUtf8());
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QVERIFY2(m_gateway.start(200, 7), qPrintable(m_gateway.error()));
        // Three sets of fresh card authorizations, as the order system leaves them in a day.
        for (const char *prefix : {"BULKA", "BULKB", "BULKC", "BULKD"})
            QVERIFY(authorize(QString::fromLatin1(prefix)));
        m_ca = loadCaCertificates(m_gateway.caPath());
        QVERIFY(!m_ca.isEmpty());
        const GatewayFixture::User admin = m_gateway.user(QStringLiteral("admin"));
        const auto loaded = ClientIdentity::load(admin.p12, admin.p12Passphrase);
        QVERIFY2(loaded.ok(), qPrintable(loaded.message));
        m_client.setBaseUrl(m_gateway.url());
        m_client.setIdentity(loaded.identity, m_ca);
        const ApiResult login = waitFor(m_client.login(admin.loginId, admin.password));
        QVERIFY2(login.ok(), qPrintable(login.error.displayText()));
    }

    void threeThousandCapturedFromTheSearchPageExactlyOnce()
    {
        auto journal = BulkService::openJournal(m_dir.filePath(QStringLiteral("screen.sqlite")));
        QVERIFY(journal);
        BulkService service(&m_client, std::move(journal));
        SearchPage page(&m_client, &service);
        page.resize(1280, 800);
        page.show();
        PaymentQuery query;
        query.tradingId = QStringLiteral("BULKA*");
        page.model()->search(query);
        QTRY_VERIFY_WITH_TIMEOUT(page.model()->total() == Items, 10000);
        page.model()->checkAllMatching();
        auto *bar = page.findChild<BulkActionBar *>();
        QVERIFY(bar && bar->captureButton()->isEnabled());
        QTest::mouseClick(bar->captureButton(), Qt::LeftButton);
        BulkConfirmDialog *dialog = waitForConfirm();
        QVERIFY(dialog);
        QCOMPARE(dialog->confirmButton()->text(), QStringLiteral("Capture 3,000 payments"));
        QSignalSpy finished(&service, &BulkService::batchFinished);
        QElapsedTimer clock;
        clock.start();
        QTest::mouseClick(dialog->confirmButton(), Qt::LeftButton);
        QVERIFY(finished.wait(120000));
        const qint64 ms = clock.elapsed();
        QCOMPARE(finished.first().at(1).value<BulkRunner::End>(), BulkRunner::End::Finished);
        const auto batch = service.journal()->batch(finished.first().at(0).toLongLong());
        QCOMPARE(batch->succeeded, Items);
        QCOMPARE(batch->chunks, 3);
        qInfo("bulk capture of %d payments from the screen: %lld ms (%lld items/s)", Items, ms, ms > 0 ? Items * 1000 / ms : 0);
        verifyCapturedOnce(QStringLiteral("BULKA"));
        // The table read its rows again in place: they show captured.
        QTRY_COMPARE_WITH_TIMEOUT(page.model()->index(0, 0).data(PaymentsModel::StatusCodeRole).toInt(), 40, 10000);
    }

    void aGatewayKilledMidBatchIsFinishedUnderTheSameKeys()
    {
        auto journal = BulkService::openJournal(m_dir.filePath(QStringLiteral("kill.sqlite")));
        QVERIFY(journal);
        BulkService service(&m_client, std::move(journal));
        service.setChunkSize(250);
        service.setRetryDelays({100, 200});
        const BulkPlan plan = planFor(QStringLiteral("BULKB*"));
        QCOMPARE(plan.items.size(), Items);
        QSignalSpy finished(&service, &BulkService::batchFinished);
        bool killed = false;
        connect(&service, &BulkService::progress, this, [&](qint64, int done, int) {
            if (!killed && done >= 500) {
                killed = true;
                m_gateway.kill(); // the next chunk is in flight, or about to be
            }
        });
        const auto id = service.start(plan, QStringLiteral("selection"));
        QVERIFY(id);
        QVERIFY(finished.wait(60000));
        QVERIFY(killed);
        QCOMPARE(finished.first().at(1).value<BulkRunner::End>(), BulkRunner::End::Interrupted);
        QVERIFY(!service.journal()->batch(*id)->finished);

        QVERIFY2(m_gateway.restart(), qPrintable(m_gateway.error()));
        m_client.setBaseUrl(m_gateway.url());
        finished.clear();
        QVERIFY(service.resume(*id));
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.first().at(1).value<BulkRunner::End>(), BulkRunner::End::Finished);
        QCOMPARE(service.journal()->batch(*id)->succeeded, Items);
        verifyCapturedOnce(QStringLiteral("BULKB"));
    }

    void aConsoleStoppedMidBatchIsFinishedByTheNextOne()
    {
        const QString path = m_dir.filePath(QStringLiteral("crash.sqlite"));
        qint64 id = 0;
        {
            auto journal = BulkService::openJournal(path);
            QVERIFY(journal);
            auto service = std::make_unique<BulkService>(&m_client, std::move(journal));
            service->setChunkSize(250);
            QSignalSpy progress(service.get(), &BulkService::progress);
            const auto started = service->start(planFor(QStringLiteral("BULKC*")), QStringLiteral("selection"));
            QVERIFY(started);
            id = *started;
            QTRY_VERIFY_WITH_TIMEOUT(!progress.isEmpty() && progress.last().at(1).toInt() >= 500, 60000);
            // Gone with a chunk in flight: its request may or may not have reached the gateway.
        }
        auto journal = BulkService::openJournal(path);
        QVERIFY(journal);
        BulkService next(&m_client, std::move(journal));
        const QList<BatchJournal::Batch> unfinished = next.unfinishedBatches();
        QCOMPARE(unfinished.size(), 1);
        QCOMPARE(unfinished.first().id, id);
        QSignalSpy finished(&next, &BulkService::batchFinished);
        QVERIFY(next.resume(id));
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.first().at(1).value<BulkRunner::End>(), BulkRunner::End::Finished);
        QCOMPARE(next.journal()->batch(id)->succeeded, Items);
        verifyCapturedOnce(QStringLiteral("BULKC"));
    }

    // The console process itself killed (SIGKILL) with a chunk in flight, then started again on
    // the same journal file: it finds the batch unfinished and finishes it under the same keys.
    void aConsoleKilledMidBatchFinishesWhenStartedAgain()
    {
        const GatewayFixture::User admin = m_gateway.user(QStringLiteral("admin"));
        const QString journal = m_dir.filePath(QStringLiteral("killed-console.sqlite"));
        const QStringList common = {m_gateway.url().toString(), m_gateway.caPath(), admin.p12, admin.p12Passphrase,
                                    admin.loginId, admin.password, journal};
        QProcess first;
        first.start(QStringLiteral(KESSAI_BULK_CHILD), common + QStringList{QStringLiteral("start"), QStringLiteral("BULKD"),
                                                                          QStringLiteral("250")});
        QVERIFY(first.waitForStarted());
        int done = 0;
        while (done < 500) {
            QVERIFY2(first.waitForReadyRead(30000), first.readAllStandardError().constData());
            while (first.canReadLine()) {
                const QByteArray line = first.readLine().trimmed();
                if (line.startsWith("progress "))
                    done = line.mid(9).toInt();
            }
        }
        first.kill(); // SIGKILL: the next chunk is in flight, or about to be
        QVERIFY(first.waitForFinished(10000));
        QCOMPARE(first.exitStatus(), QProcess::CrashExit);

        QProcess second;
        second.start(QStringLiteral(KESSAI_BULK_CHILD), common + QStringList{QStringLiteral("resume")});
        QVERIFY(second.waitForFinished(60000));
        const QByteArray out = second.readAllStandardOutput();
        QVERIFY2(second.exitCode() == 0, out.constData());
        const QByteArray expected = QByteArray("finished Finished ").append(QByteArray::number(Items));
        QVERIFY2(out.contains(expected), out.constData());
        verifyCapturedOnce(QStringLiteral("BULKD"));
    }

private:
    bool authorize(const QString &prefix)
    {
        QSqlDatabase db = m_gateway.openDatabase(QStringLiteral("seed-") + prefix);
        bool ok = db.isOpen() && db.transaction();
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        static qint64 nextId = 900000000000000000;
        QSqlQuery q(db);
        ok = ok && q.prepare(QStringLiteral(
                 "INSERT INTO payments (payment_id, merchant_id, trading_id, type, status, amount, authorized_amount, "
                 "institution, trade_time, card_brand, card_bin, card_last4, card_expiry, created_at, updated_at, "
                 "deadline_at) VALUES (?, 'M0001', ?, '02', 20, ?, ?, 'VISA', ?, 'VISA', '411111', '1111', '12/30', ?, ?, ?)"));
        QSqlQuery event(db);
        ok = ok && event.prepare(QStringLiteral("INSERT INTO payment_events (payment_id, at, actor, from_status, to_status, amount) "
                                                "VALUES (?, ?, 'system', NULL, 20, ?)"));
        for (int i = 0; ok && i < Items; ++i) {
            const qint64 id = nextId++;
            const qint64 amount = 1000 + i;
            const qint64 at = now - 3600 - i;
            for (const QVariant &value : {QVariant(id), QVariant(QStringLiteral("%1%2").arg(prefix).arg(i, 5, 10, QLatin1Char('0'))),
                                          QVariant(amount), QVariant(amount), QVariant(at), QVariant(at), QVariant(at),
                                          QVariant(at + 60 * 86400)})
                q.addBindValue(value);
            ok = q.exec();
            event.addBindValue(id);
            event.addBindValue(at);
            event.addBindValue(amount);
            ok = ok && event.exec();
        }
        if (!ok)
            qWarning() << "seeding failed:" << q.lastError().text() << event.lastError().text() << db.lastError().text();
        ok = ok && db.commit();
        const QString name = db.connectionName();
        q = QSqlQuery();
        event = QSqlQuery();
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);
        return ok;
    }

    BulkPlan planFor(const QString &tradingId)
    {
        PaymentQuery query;
        query.tradingId = tradingId;
        BulkPlanner planner(&m_client, PaymentAction::Kind::Capture);
        QSignalSpy done(&planner, &BulkPlanner::finished);
        planner.start(query, {});
        done.wait(30000);
        return planner.plan();
    }

    // The gateway's events: every payment of the set captured once, none twice, none missed.
    void verifyCapturedOnce(const QString &prefix)
    {
        QSqlDatabase db = m_gateway.openDatabase(QStringLiteral("verify-") + prefix);
        QVERIFY(db.isOpen());
        {
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*), SUM(CASE WHEN p.status = 40 THEN 1 ELSE 0 END), "
                                          "MIN(c.n), MAX(c.n) FROM payments p JOIN (SELECT payment_id, COUNT(*) AS n "
                                          "FROM payment_events WHERE to_status = 40 GROUP BY payment_id) c "
                                          "ON c.payment_id = p.payment_id WHERE p.trading_id LIKE '")
                           + prefix + QStringLiteral("%'")));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toInt(), Items); // every payment has a capture event
            QCOMPARE(q.value(1).toInt(), Items); // and is captured
            QCOMPARE(q.value(2).toInt(), 1);     // none has two
            QCOMPARE(q.value(3).toInt(), 1);
        }
        const QString name = db.connectionName();
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);
    }

    QTemporaryDir m_config;
    QTemporaryDir m_dir;
    GatewayFixture m_gateway;
    QList<QSslCertificate> m_ca;
    MerchantClient m_client;
};

QTEST_MAIN(TestE2eBulk)
#include "tst_e2e_bulk.moc"
