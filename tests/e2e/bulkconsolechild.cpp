// The console's bulk stack (BulkPlanner, BulkService, BatchJournal, BulkRunner — the same code
// the 一括処理 page drives) in a process of its own, for tst_e2e_bulk to SIGKILL in the middle of
// a batch and start again, as a console that crashed and was opened again.
//
//   bulkconsolechild URL CA P12 PASSPHRASE LOGIN PASSWORD JOURNAL start TRADING_PREFIX CHUNK
//   bulkconsolechild URL CA P12 PASSPHRASE LOGIN PASSWORD JOURNAL resume
// Prints "batch ID", "progress DONE" after each chunk and "finished END SUCCEEDED" at the end.

#include "api/apireply.h"
#include "api/merchantclient.h"
#include "bulk/bulkplan.h"
#include "bulk/bulkservice.h"
#include "tls/clientidentity.h"

#include <QCoreApplication>
#include <QMetaEnum>

#include <cstdio>

using namespace kessai;

namespace {

void say(const QByteArray &line)
{
    std::fputs(line.constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 9)
        return 2;
    const auto loaded = ClientIdentity::load(args.at(3), args.at(4));
    if (!loaded.ok())
        return 3;
    MerchantClient client;
    client.setBaseUrl(QUrl(args.at(1)));
    client.setIdentity(loaded.identity, loadCaCertificates(args.at(2)));
    if (!waitFor(client.login(args.at(5), args.at(6))).ok())
        return 4;
    auto journal = BulkService::openJournal(args.at(7));
    if (!journal)
        return 5;
    BulkService service(&client, std::move(journal));
    service.setRetryDelays({100, 200});
    QObject::connect(&service, &BulkService::progress, [](qint64, int done, int) {
        say("progress " + QByteArray::number(done));
    });
    QObject::connect(&service, &BulkService::batchFinished, [&](qint64 id, BulkRunner::End end, const ApiError &) {
        const auto batch = service.journal()->batch(id);
        say("finished " + QByteArray(QMetaEnum::fromType<BulkRunner::End>().valueToKey(int(end))) + ' '
            + QByteArray::number(batch ? batch->succeeded : -1));
        if (!service.isRunning())
            app.exit(end == BulkRunner::End::Finished ? 0 : 1);
    });
    if (args.at(8) == QLatin1String("start") && args.size() >= 11) {
        PaymentQuery query;
        query.tradingId = args.at(9) + u'*';
        BulkPlanner planner(&client, PaymentAction::Kind::Capture);
        QObject::connect(&planner, &BulkPlanner::finished, &app, &QCoreApplication::quit);
        QObject::connect(&planner, &BulkPlanner::failed, &app, [&] { app.exit(6); });
        planner.start(query, {});
        if (app.exec() != 0)
            return 6;
        service.setChunkSize(args.at(10).toInt());
        const auto id = service.start(planner.plan(), QStringLiteral("selection"));
        if (!id)
            return 7;
        say("batch " + QByteArray::number(*id));
    } else if (args.at(8) == QLatin1String("resume")) {
        const QList<BatchJournal::Batch> unfinished = service.unfinishedBatches();
        if (unfinished.isEmpty())
            return 8;
        for (const BatchJournal::Batch &batch : unfinished) {
            say("batch " + QByteArray::number(batch.id));
            service.resume(batch.id);
        }
    } else {
        return 2;
    }
    return app.exec();
}
