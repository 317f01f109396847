// Cases 1-3 and 7: the search API beside the same SELECT in the database's own client (sqlite3 or psql).

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

// ---- cases 1-3 and 7 ------------------------------------------------------------------------

int runApi(const QCommandLineParser &args)
{
    const Demo demo = readDemo(args);
    const QUrl url(args.value(QStringLiteral("url")));
    const int reps = std::max(5, args.value(QStringLiteral("reps")).toInt());
    const int warmup = 5;
    ResultWriter out(args.value(QStringLiteral("out")));
    const Identity id = loadIdentity(demo);

    // A trading id from the middle of the data, found once in the file (not timed).
    QString tradingId;
    qint64 rowCount = 0;
    {
        auto db = openDemoDatabase(demo, QStringLiteral("probe"));
        QSqlQuery q(db);
        q.prepare(QStringLiteral("SELECT COUNT(*) FROM payments WHERE merchant_id = ?"));
        q.addBindValue(demo.merchantId);
        if (!q.exec() || !q.next())
            fail(q.lastError().text());
        rowCount = q.value(0).toLongLong();
        q.prepare(QStringLiteral("SELECT trading_id FROM payments WHERE merchant_id = ? ORDER BY payment_id LIMIT 1 OFFSET ?"));
        q.addBindValue(demo.merchantId);
        q.addBindValue(rowCount / 2);
        if (!q.exec() || !q.next())
            fail(q.lastError().text());
        tradingId = q.value(0).toString();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("probe"));

    auto client = newClient(url, id);
    login(*client, demo);

    auto timeSearch = [&](const PaymentQuery &query, const QString &cursor, int limit) {
        for (int i = 0; i < warmup; ++i)
            search(*client, query, cursor, limit);
        std::vector<double> samples;
        for (int i = 0; i < reps; ++i) {
            QElapsedTimer t;
            t.start();
            search(*client, query, cursor, limit);
            samples.push_back(msSince(t));
        }
        return statsOf(samples);
    };
    const int sqlReps = std::max(reps, 50);
    auto report = [&](const QString &name, const Stats &ours, const QString &sql) {
        const Stats ref = statsOf(referenceTimes(demo, sql, warmup, sqlReps));
        const double ratio = ref.median > 0 ? ours.median / ref.median : 0;
        out.row(name, QStringLiteral("ms"), ours, referenceName(demo), ref, QStringLiteral("<= 3x"), ratio <= 3.0);
    };
    const QString merchantWhere = QStringLiteral(" WHERE merchant_id = ") + sqlQuote(demo.merchantId);

    // 0. What a request costs before any payment is read, on the same client and connection:
    //    the edge alone (mTLS keep-alive, the certificate's per-request check, the router's 404)
    //    and with the session (GET /v1/me: token, user and permissions).
    auto timeGet = [&](const QString &path, int expectedStatus) {
        std::vector<double> samples;
        for (int i = 0; i < warmup + reps; ++i) {
            QElapsedTimer t;
            t.start();
            const ApiResult r = waitFor(client->get(path));
            const double ms = msSince(t);
            if (r.error.httpStatus != expectedStatus && !(expectedStatus == 200 && r.ok()))
                fail(QStringLiteral("GET %1 answered %2, not %3").arg(path).arg(r.error.httpStatus).arg(expectedStatus));
            if (i >= warmup)
                samples.push_back(ms);
        }
        return statsOf(samples);
    };
    const Stats bare = timeGet(QStringLiteral("/v1/kessai-bench-nothing-here"), 404);
    out.row(QStringLiteral("0 bare mTLS round trip (keep-alive, certificate checked, no route: 404)"), QStringLiteral("ms"),
            bare, QStringLiteral("none (absolute; the floor under every request)"), std::nullopt);
    const Stats me = timeGet(QStringLiteral("/v1/me"), 200);
    out.row(QStringLiteral("0 session round trip (GET /v1/me)"), QStringLiteral("ms"), me,
            QStringLiteral("bare mTLS round trip, same run"), bare);

    // 1. lookup by trading id.
    {
        PaymentQuery q;
        q.tradingId = tradingId;
        const Stats ours = timeSearch(q, QString(), 100);
        report(QStringLiteral("1 lookup by trading_id (HTTPS keep-alive, count=false)"), ours,
               pageSql(merchantWhere + QStringLiteral(" AND trading_id = ") + sqlQuote(tradingId), 100));
        const double overBare = bare.median > 0 ? ours.median / bare.median : 0;
        out.row(QStringLiteral("1 lookup by trading_id beside the bare mTLS round trip"), QStringLiteral("ms"), ours,
                QStringLiteral("bare mTLS round trip, same run"), bare, QStringLiteral("<= 1.7x"), overBare <= 1.7);
    }
    // 2. filtered first page: status + type + the last 180 days (JST dates, as the search page
    //    sends them), 200 rows, newest first.
    {
        PaymentQuery q;
        q.statuses = {40};
        q.types = {QStringLiteral("02"), QStringLiteral("03")};
        const QTimeZone japan(QByteArrayLiteral("Asia/Tokyo"));
        const QDate today = QDateTime::currentDateTimeUtc().toTimeZone(japan).date();
        q.tradeFrom = today.addDays(-180);
        q.tradeTo = today;
        const qint64 from = QDateTime(q.tradeFrom, QTime(0, 0), japan).toSecsSinceEpoch();
        const qint64 to = QDateTime(q.tradeTo.addDays(1), QTime(0, 0), japan).toSecsSinceEpoch();
        const Stats ours = timeSearch(q, QString(), 200);
        report(QStringLiteral("2 first page status=40 type=02,03 last 180 days, 200 rows"), ours,
               pageSql(merchantWhere
                           + QStringLiteral(" AND status IN (40) AND type IN ('02','03') AND trade_time >= %1 AND trade_time < %2")
                                 .arg(from)
                                 .arg(to),
                       200));
    }
    // 3. deep page: follow next_cursor to page 2,500 of 200 rows (or the last page of a small set).
    {
        const int pageSize = 200;
        const qint64 pages = (rowCount + pageSize - 1) / pageSize;
        const int target = int(std::min<qint64>(2500, pages));
        QString cursor;
        PaymentListItem last; // last row of the page before `target`
        QElapsedTimer walk;
        walk.start();
        for (int page = 1; page < target; ++page) {
            const PaymentListPage answer = search(*client, PaymentQuery{}, cursor, pageSize);
            cursor = answer.nextCursor;
            if (cursor.isEmpty() || answer.items.isEmpty())
                fail(QStringLiteral("ran out of pages at %1").arg(page));
            last = answer.items.last();
        }
        const double walkMs = msSince(walk);
        const Stats ours = timeSearch(PaymentQuery{}, cursor, pageSize);
        QString where = merchantWhere;
        if (target > 1) {
            where += QStringLiteral(" AND (trade_time, payment_id) < (%1, %2)").arg(last.tradeTime).arg(last.paymentId);
        }
        report(QStringLiteral("3 deep page %1 by keyset (200 rows, cursor followed)").arg(target), ours,
               pageSql(where, pageSize));
        std::fprintf(stderr, "  (walking %d pages of %d rows took %.0f ms, %.2f ms/page)\n", target - 1, pageSize,
                     walkMs, target > 1 ? walkMs / (target - 1) : 0.0);
    }

    // 7a. login: new client = new TLS connection with client certificate, then the password KDF.
    {
        std::vector<double> samples;
        for (int i = 0; i < 1 + 5; ++i) {
            auto fresh = newClient(url, id);
            QElapsedTimer t;
            t.start();
            login(*fresh, demo);
            if (i > 0)
                samples.push_back(msSince(t));
        }
        out.row(QStringLiteral("7 login (new mTLS connection + password KDF)"), QStringLiteral("ms"), statsOf(samples),
                QStringLiteral("none (absolute)"), std::nullopt);
    }
    // 7b. search mix on 16 keep-alive connections, all in flight at once.
    {
        const int clients = 16;
        const int perClient = std::max(10, args.value(QStringLiteral("mix-requests")).toInt());
        std::vector<std::unique_ptr<MerchantClient>> pool;
        for (int i = 0; i < clients; ++i) {
            pool.push_back(newClient(url, id));
            login(*pool.back(), demo);
        }
        PaymentQuery lookup;
        lookup.tradingId = tradingId;
        PaymentQuery filtered;
        filtered.statuses = {40};
        filtered.types = {QStringLiteral("02"), QStringLiteral("03")};
        PaymentQuery prefix;
        prefix.tradingId = tradingId.left(tradingId.size() - 2) + u'*';
        const QList<std::pair<PaymentQuery, int>> mix{{lookup, 100}, {filtered, 200}, {PaymentQuery{}, 100}, {prefix, 100}};

        std::vector<double> rates;
        for (int round = 0; round < 1 + 3; ++round) { // one warm-up round
            int outstanding = 0;
            int failures = 0;
            QEventLoop loop;
            std::vector<int> done(clients, 0);
            std::function<void(int)> issue = [&](int c) {
                const auto &[query, limit] = mix.at(done[size_t(c)] % mix.size());
                ApiReply *reply = pool[size_t(c)]->searchPayments(query, QString(), limit, false);
                ++outstanding;
                QObject::connect(reply, &ApiReply::finished, &loop, [&, c, reply] {
                    --outstanding;
                    if (!reply->ok())
                        ++failures;
                    if (++done[size_t(c)] < perClient)
                        issue(c);
                    else if (outstanding == 0)
                        loop.quit();
                });
            };
            QElapsedTimer t;
            t.start();
            for (int c = 0; c < clients; ++c)
                issue(c);
            QTimer::singleShot(120000, &loop, &QEventLoop::quit); // bounded time
            loop.exec();
            const double seconds = msSince(t) / 1000.0;
            if (failures > 0 || outstanding > 0)
                fail(QStringLiteral("search mix: %1 failures, %2 unfinished").arg(failures).arg(outstanding));
            if (round > 0)
                rates.push_back(clients * perClient / seconds);
        }
        out.row(QStringLiteral("7 search mix, 16 keep-alive connections, %1 req each (higher is better)").arg(perClient),
                QStringLiteral("req/s"), statsOf(rates),
                QStringLiteral("none: the gateway serves HTTPS only (no plain-HTTP mode)"), std::nullopt);
    }
    return 0;
}


} // namespace kessai::bench
