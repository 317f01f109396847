// Case 6: bulk capture through the gateway beside single-row UPDATEs in the database's own client.

#include "benchcommon.h"

#include "bulk/bulkplan.h"
#include "bulk/bulkservice.h"

#include "api/apireply.h"
#include "api/merchantclient.h"
#include "api/paymentquery.h"
#include "consolesession.h"
#include "export/paymentexporter.h"
#include "payments/paymentsmodel.h"
#include "profile/profile.h"
#include "tls/clientidentity.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlQueryModel>
#include <QTableView>
#include <QHeaderView>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <QTimeZone>
#include <QTimer>
#include <QWindow>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>
#include <optional>
#include <vector>


namespace kessai::bench {

// ---- case 6 ---------------------------------------------------------------------------------

// Captures `items` authorizations through POST /v1/payments/capture in chunks of 1,000, one
// Idempotency-Key each, waiting for each answer (the console's bulk flow), against the same
// number of single-row UPDATEs in one transaction by the sqlite3 CLI on an identical copy.
// run-bench prepares both copies; this process only reads the ids and measures.
int runBulk(const QCommandLineParser &args)
{
    const Demo demo = readDemo(args);
    const QString refDb = args.value(QStringLiteral("ref-db"));
    const int items = std::max(1, args.value(QStringLiteral("items")).toInt());
    const int chunk = 1000;
    ResultWriter out(args.value(QStringLiteral("out")));

    QStringList ids;
    {
        auto db = openDemoDatabase(demo, QStringLiteral("ids"));
        QSqlQuery q(db);
        q.prepare(QStringLiteral("SELECT payment_id FROM payments WHERE merchant_id = ? AND status = 20 AND type = '02'"
                                 " ORDER BY payment_id LIMIT ?"));
        q.addBindValue(demo.merchantId);
        q.addBindValue(2 * items); // one set for the gateway alone, one for the console's journaled run
        if (!q.exec())
            fail(q.lastError().text());
        while (q.next())
            ids << q.value(0).toString();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("ids"));
    if (ids.size() < 2 * items)
        fail(QStringLiteral("only %1 authorizations to capture, %2 wanted").arg(ids.size()).arg(2 * items));
    const QStringList journaled = ids.mid(items);
    ids = ids.mid(0, items);

    const Identity id = loadIdentity(demo);
    auto client = newClient(QUrl(args.value(QStringLiteral("url"))), id);
    login(*client, demo);
    QElapsedTimer t;
    t.start();
    qint64 succeeded = 0;
    for (qsizetype from = 0; from < ids.size(); from += chunk) {
        QJsonArray array;
        for (qsizetype i = from; i < std::min<qsizetype>(from + chunk, ids.size()); ++i)
            array.append(QJsonObject{{QStringLiteral("payment_id"), ids.at(i)}});
        const ApiResult r = waitFor(client->post(QStringLiteral("/v1/payments/capture"),
                                                 QJsonDocument(QJsonObject{{QStringLiteral("items"), array}}),
                                                 MerchantClient::newIdempotencyKey()));
        if (!r.ok())
            fail(QStringLiteral("capture failed: ") + r.error.displayText());
        succeeded += r.json.object().value(QStringLiteral("succeeded")).toInteger();
    }
    const double seconds = msSince(t) / 1000.0;
    if (succeeded != items)
        fail(QStringLiteral("%1 of %2 captures succeeded").arg(succeeded).arg(items));

    // The reference: the same ids, one UPDATE each, in one transaction, on the other copy.
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const bool pg = refDb.startsWith(QLatin1String("postgresql://"));
    QString script = pg ? QStringLiteral("BEGIN;\n") : QStringLiteral("BEGIN IMMEDIATE;\n");
    for (const QString &paymentId : std::as_const(ids))
        script += QStringLiteral("UPDATE payments SET status = 40, cleared_time = %1, deadline_at = %2, updated_at = %1"
                                 " WHERE payment_id = %3 AND status = 20;\n")
                      .arg(now)
                      .arg(now + 60 * 86400)
                      .arg(paymentId);
    script += QStringLiteral("COMMIT;\n");
    QElapsedTimer r;
    r.start();
    runCli(refDb, script);
    const double refSeconds = msSince(r) / 1000.0;

    // Case 6b: the other set through the console's BulkService — every chunk and every answer
    // written to a journal (WAL, synchronous=FULL) before the next chunk — beside the gateway
    // alone above.
    double journalSeconds = 0;
    {
        QTemporaryDir dir;
        auto journal = BulkService::openJournal(dir.filePath(QStringLiteral("journal.sqlite")));
        if (!journal)
            fail(QStringLiteral("cannot open a journal in ") + dir.path());
        BulkService service(client.get(), std::move(journal));
        BulkPlan plan(PaymentAction::Kind::Capture);
        for (const QString &paymentId : journaled)
            plan.items.append({paymentId, 0});
        QEventLoop loop;
        BulkRunner::End end = BulkRunner::End::JournalError;
        QObject::connect(&service, &BulkService::batchFinished, &loop, [&](qint64, BulkRunner::End e, const ApiError &) {
            end = e;
            loop.quit();
        });
        QElapsedTimer j;
        j.start();
        const auto batchId = service.start(plan, QStringLiteral("selection"));
        if (!batchId)
            fail(QStringLiteral("journal refused the batch: ") + service.lastError());
        loop.exec();
        journalSeconds = msSince(j) / 1000.0;
        const auto batch = service.journal()->batch(*batchId);
        if (end != BulkRunner::End::Finished || !batch || batch->succeeded != items)
            fail(QStringLiteral("journaled run: %1 of %2 captures succeeded").arg(batch ? batch->succeeded : 0).arg(items));
    }

    Stats ours;
    ours.median = ours.min = ours.max = double(items) / seconds;
    ours.n = 1;
    Stats ref;
    ref.median = ref.min = ref.max = double(items) / refSeconds;
    ref.n = 1;
    out.row(QStringLiteral("6 bulk capture of %1 authorizations, chunks of %2 (higher is better)").arg(items).arg(chunk),
            QStringLiteral("items/s"), ours,
            pg ? QStringLiteral("psql: same number of single-row UPDATEs in one transaction, same server")
               : QStringLiteral("sqlite3 CLI: same number of single-row UPDATEs in one transaction"),
            ref,
            QStringLiteral(">= 2000 items/s"), ours.median >= 2000.0);
    Stats journaledStats;
    journaledStats.median = journaledStats.min = journaledStats.max = double(items) / journalSeconds;
    journaledStats.n = 1;
    out.row(QStringLiteral("6b bulk capture of %1 authorizations from the console, journal on (higher is better)").arg(items),
            QStringLiteral("items/s"), journaledStats,
            QStringLiteral("the gateway alone: the same chunks posted without a journal (case 6)"), ours,
            QStringLiteral(">= 0.8x the gateway alone"), journaledStats.median >= 0.8 * ours.median);
    return 0;
}


} // namespace kessai::bench
