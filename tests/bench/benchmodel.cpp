// Cases 4 and 4b: the result table model beside a naive QSqlQueryModel, and search to painted rows.

#include "benchcommon.h"

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

// ---- case 4 ---------------------------------------------------------------------------------

void printModelResult(const char *side, double ms, qint64 baseKb, qint64 rows)
{
    const qint64 hwm = procStatusKb("VmHWM");
    QJsonObject o;
    o.insert(QStringLiteral("side"), QLatin1String(side));
    o.insert(QStringLiteral("ms"), ms);
    o.insert(QStringLiteral("rows"), rows);
    o.insert(QStringLiteral("base_kb"), baseKb);
    o.insert(QStringLiteral("hwm_kb"), hwm);
    o.insert(QStringLiteral("peak_growth_mb"), double(hwm - baseKb) / 1024.0);
    o.insert(QStringLiteral("rss_after_mb"), double(procStatusKb("VmRSS")) / 1024.0);
    std::printf("%s\n", QJsonDocument(o).toJson(QJsonDocument::Compact).constData());
}

int runModelOurs(const QCommandLineParser &args)
{
    const Demo demo = readDemo(args);
    const Identity id = loadIdentity(demo);
    auto client = newClient(QUrl(args.value(QStringLiteral("url"))), id);
    login(*client, demo);

    PaymentsModel model;
    model.setClient(client.get());
    model.setPageSize(std::clamp(args.value(QStringLiteral("page")).toInt(), 1, 1000));
    QEventLoop loop;
    QObject::connect(&model, &PaymentsModel::errorOccurred, &loop, [](const ApiError &e) {
        fail(QStringLiteral("model: ") + e.displayText());
    });
    QObject::connect(&model, &PaymentsModel::pageLoaded, &loop, [&] {
        if (model.canFetchMore(QModelIndex()))
            model.fetchMore(QModelIndex());
        else if (model.isExhausted())
            loop.quit();
    });
    resetPeakRss();
    const qint64 base = procStatusKb("VmRSS");
    QElapsedTimer t;
    t.start();
    model.search(PaymentQuery{});
    loop.exec();
    const double ms = msSince(t);
    printModelResult("ours", ms, base, model.rowCount());
    return 0;
}

int runModelNaive(const QCommandLineParser &args)
{
    const Demo demo = readDemo(args);
    auto db = openDemoDatabase(demo, QStringLiteral("naive"));
    resetPeakRss();
    const qint64 base = procStatusKb("VmRSS");
    QElapsedTimer t;
    t.start();
    QSqlQueryModel model;
    model.setQuery(QStringLiteral("SELECT ") + PaymentColumns
                       + QStringLiteral(" FROM payments WHERE merchant_id = ") + sqlQuote(demo.merchantId)
                       + QStringLiteral(" ORDER BY trade_time DESC, payment_id DESC"),
                   db);
    if (model.lastError().isValid())
        fail(model.lastError().text());
    while (model.canFetchMore())
        model.fetchMore();
    const double ms = msSince(t);
    printModelResult("naive", ms, base, model.rowCount());
    return 0;
}

// ---- case 4b --------------------------------------------------------------------------------

// The search page's promise at scale: for a spread of filter combinations, the time from a new
// search (what Enter starts) to its first rows painted in a table view, through the console's
// own client and model; and the bare first-page round trip of each, which bounds the gateway's
// time from above.
int runFirstPage(const QCommandLineParser &args)
{
    const Demo demo = readDemo(args);
    const int reps = std::max(3, args.value(QStringLiteral("reps")).toInt());
    ResultWriter out(args.value(QStringLiteral("out")));

    // Values that exist in the data, found once in the file (not timed).
    QString last4, customer, customerFullName, tradingPrefix;
    {
        auto db = openDemoDatabase(demo, QStringLiteral("values"));
        QSqlQuery q(db);
        q.prepare(QStringLiteral("SELECT card_last4, customer_name, trading_id FROM payments WHERE merchant_id = ?"
                                 " AND card_last4 IS NOT NULL AND customer_name IS NOT NULL ORDER BY payment_id LIMIT 1 OFFSET 777"));
        q.addBindValue(demo.merchantId);
        if (!q.exec() || !q.next())
            fail(QStringLiteral("no sample payment: ") + q.lastError().text());
        last4 = q.value(0).toString();
        customer = q.value(1).toString().section(u' ', 0, 0); // the family name
        customerFullName = q.value(1).toString();             // rarer: the trigram index (SQLite)
        tradingPrefix = q.value(2).toString().left(q.value(2).toString().size() - 3) + u'*';
    }
    QSqlDatabase::removeDatabase(QStringLiteral("values"));

    const QTimeZone japan(QByteArrayLiteral("Asia/Tokyo"));
    const QDate today = QDateTime::currentDateTimeUtc().toTimeZone(japan).date();
    QList<std::pair<QString, PaymentQuery>> combos;
    auto add = [&](const QString &name, const std::function<void(PaymentQuery &)> &set) {
        PaymentQuery q;
        set(q);
        combos.append({name, q});
    };
    add(QStringLiteral("no filter"), [](PaymentQuery &) {});
    add(QStringLiteral("status 20"), [](PaymentQuery &q) { q.statuses = {20}; });
    add(QStringLiteral("type 03"), [](PaymentQuery &q) { q.types = {QStringLiteral("03")}; });
    add(QStringLiteral("status 40 + type 02,03 + 180 days"), [&](PaymentQuery &q) {
        q.statuses = {40};
        q.types = {QStringLiteral("02"), QStringLiteral("03")};
        q.tradeFrom = today.addDays(-180);
        q.tradeTo = today;
    });
    add(QStringLiteral("last 7 days"), [&](PaymentQuery &q) { q.tradeFrom = today.addDays(-7); q.tradeTo = today; });
    add(QStringLiteral("amount 1,000-5,000"), [](PaymentQuery &q) { q.amountMin = 1000; q.amountMax = 5000; });
    add(QStringLiteral("card last 4"), [&](PaymentQuery &q) { q.cardLast4 = last4; });
    add(QStringLiteral("trading id prefix"), [&](PaymentQuery &q) { q.tradingId = tradingPrefix; });
    add(QStringLiteral("due next 30 days"), [&](PaymentQuery &q) { q.dueFrom = today; q.dueTo = today.addDays(30); });
    add(QStringLiteral("cleared this month"), [&](PaymentQuery &q) {
        q.clearedFrom = QDate(today.year(), today.month(), 1);
        q.clearedTo = today;
    });
    add(QStringLiteral("status 20,40 by amount"), [](PaymentQuery &q) {
        q.statuses = {20, 40};
        q.sort = PaymentQuery::SortKey::Amount;
    });
    add(QStringLiteral("status 10,40 by cleared time"), [](PaymentQuery &q) {
        q.statuses = {10, 40};
        q.sort = PaymentQuery::SortKey::ClearedTime;
    });
    add(QStringLiteral("customer name"), [&](PaymentQuery &q) { q.customer = customer; });
    add(QStringLiteral("customer full name"), [&](PaymentQuery &q) { q.customer = customerFullName; });
    add(QStringLiteral("type 01 + amount >= 50,000"), [](PaymentQuery &q) {
        q.types = {QStringLiteral("01")};
        q.amountMin = 50000;
    });

    const Identity id = loadIdentity(demo);
    auto client = newClient(QUrl(args.value(QStringLiteral("url"))), id);
    login(*client, demo);
    PaymentsModel model;
    model.setClient(client.get());
    QTableView view;
    view.setModel(&model);
    view.resize(1280, 800);
    view.show();
    QEventLoop loop;
    bool failed = false;
    QObject::connect(&model, &PaymentsModel::errorOccurred, &loop, [&](const ApiError &e) {
        std::fprintf(stderr, "  search failed: %s\n", qPrintable(e.displayText()));
        failed = true;
        loop.quit();
    });
    QObject::connect(&model, &PaymentsModel::pageLoaded, &loop, [&] { loop.quit(); });
    QObject::connect(&model, &QAbstractItemModel::modelReset, &loop, [&] {
        if (!model.isLoading())
            loop.quit();
    });

    std::vector<double> paintedMedians, tripMedians;
    double paintedWorst = 0, tripWorst = 0;
    QString paintedWorstName, tripWorstName;
    for (const auto &[name, query] : std::as_const(combos)) {
        std::vector<double> painted, trips;
        for (int i = 0; i < 1 + reps; ++i) { // one warm-up
            QElapsedTimer t;
            t.start();
            model.search(query);
            if (model.isLoading())
                loop.exec();
            if (failed)
                fail(QStringLiteral("search \"%1\" failed").arg(name));
            view.viewport()->repaint();
            const double ms = msSince(t);
            QElapsedTimer r;
            r.start();
            search(*client, query, QString(), 200);
            const double trip = msSince(r);
            if (i > 0) {
                painted.push_back(ms);
                trips.push_back(trip);
            }
        }
        const Stats p = statsOf(painted);
        const Stats r = statsOf(trips);
        std::fprintf(stderr, "  %-36s rows %6d  painted %8.2f ms  first page %8.2f ms\n", qPrintable(name),
                     model.rowCount(), p.median, r.median);
        paintedMedians.push_back(p.median);
        tripMedians.push_back(r.median);
        if (p.median > paintedWorst) {
            paintedWorst = p.median;
            paintedWorstName = name;
        }
        if (r.median > tripWorst) {
            tripWorst = r.median;
            tripWorstName = name;
        }
    }
    const Stats painted = statsOf(paintedMedians);
    const Stats trips = statsOf(tripMedians);
    out.row(QStringLiteral("4b search to first rows painted, %1 filter combinations (median of each; worst: %2)")
                .arg(combos.size())
                .arg(paintedWorstName),
            QStringLiteral("ms"), painted, QStringLiteral("target only"), std::nullopt,
            QStringLiteral("< 200 ms each"), painted.max < 200.0);
    out.row(QStringLiteral("2b first page (200 rows) round trip, %1 filter combinations (worst: %2)")
                .arg(combos.size())
                .arg(tripWorstName),
            QStringLiteral("ms"), trips, QStringLiteral("target only (bounds the gateway's time)"), std::nullopt,
            QStringLiteral("< 100 ms each"), trips.max < 100.0);
    return 0;
}


} // namespace kessai::bench
