// Soak: many consoles at once against one gateway for a while (./dev soak, tests/bench/run-soak).
// Every client logs in on its own mTLS connection, then loops over searches, details and
// captures of its own authorizations, one request in flight each, until the time is up; an
// eighth of them log in again half-way. Per endpoint: p50 / p99 latency and the answers by
// class (2xx, 4xx, 503, other 5xx, no answer); the gateway's RSS sampled every second.

#include "benchcommon.h"

#include "api/paymentaction.h"

#include <QEventLoop>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTimer>

#include <algorithm>
#include <map>

namespace kessai::bench {

namespace {

struct Endpoint
{
    std::vector<double> ms;
    int ok = 0;
    int clientErrors = 0;
    int overloaded = 0;
    int serverErrors = 0;
    int noAnswer = 0;

    void count(const ApiReply *reply, double elapsed)
    {
        ms.push_back(elapsed);
        const int status = reply->httpStatus();
        if (status >= 200 && status < 300)
            ++ok;
        else if (status == 503)
            ++overloaded;
        else if (status >= 500)
            ++serverErrors;
        else if (status >= 400)
            ++clientErrors;
        else
            ++noAnswer;
    }
};

double percentile(std::vector<double> samples, double p)
{
    if (samples.empty())
        return 0;
    std::sort(samples.begin(), samples.end());
    const size_t index = std::min(samples.size() - 1, size_t(p * double(samples.size() - 1) + 0.5));
    return samples[index];
}

qint64 rssKbOf(qint64 pid)
{
    QFile file(QStringLiteral("/proc/%1/status").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

struct Authorization
{
    QString paymentId;
    Yen amount = 0;
};

struct Client
{
    std::unique_ptr<MerchantClient> api;
    std::vector<Authorization> toCapture;
    size_t captured = 0;
    int done = 0;
    bool relogin = false;
};

} // namespace

int runSoak(const QCommandLineParser &args)
{
    const Demo demo = readDemo(args);
    const QUrl url(args.value(QStringLiteral("url")));
    const Identity id = loadIdentity(demo);
    const int clientCount = std::max(1, args.value(QStringLiteral("clients")).toInt());
    const int seconds = std::max(1, args.value(QStringLiteral("seconds")).toInt());
    const qint64 gatewayPid = args.value(QStringLiteral("gateway-pid")).toLongLong();
    const QString label = args.value(QStringLiteral("label"));
    ResultWriter out(args.value(QStringLiteral("out")));

    // The merchant's authorizations (run-soak made them on a scratch copy), dealt out to the
    // clients, and payment ids for the details.
    std::vector<Client> clients(static_cast<size_t>(clientCount));
    QStringList detailIds;
    {
        QSqlDatabase db = openDemoDatabase(demo, QStringLiteral("soak"));
        QSqlQuery q(db);
        q.prepare(QStringLiteral("SELECT payment_id, authorized_amount FROM payments WHERE merchant_id = ? AND status = 20"
                                 " AND type = '02' ORDER BY payment_id"));
        q.addBindValue(demo.merchantId);
        if (!q.exec())
            fail(QStringLiteral("cannot read the authorizations"));
        size_t next = 0;
        while (q.next())
            clients[next++ % clients.size()].toCapture.push_back({q.value(0).toString(), q.value(1).toLongLong()});
        q.prepare(QStringLiteral("SELECT payment_id FROM payments WHERE merchant_id = ? ORDER BY payment_id DESC LIMIT 2000"));
        q.addBindValue(demo.merchantId);
        if (!q.exec())
            fail(QStringLiteral("cannot read payment ids"));
        while (q.next())
            detailIds.append(q.value(0).toString());
        q = QSqlQuery();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("soak"));
    if (detailIds.isEmpty())
        fail(QStringLiteral("no payments"));

    std::map<QString, Endpoint> endpoints;
    std::vector<qint64> rss;
    QTimer sampler;
    QObject::connect(&sampler, &QTimer::timeout, [&] {
        if (gatewayPid > 0)
            rss.push_back(rssKbOf(gatewayPid));
    });

    // Logins before the clock starts, a few at a time: each costs the gateway a password hash
    // (PBKDF2, ~0.25 s of one core), and a storm of 256 would only measure the hash. Every
    // client keeps its connection open from here on.
    int loggedIn = 0;
    {
        constexpr int AtOnce = 16;
        QEventLoop loop;
        int outstanding = 0;
        size_t next = 0;
        QElapsedTimer t;
        t.start();
        std::function<void()> startNext = [&] {
            if (next >= clients.size()) {
                if (outstanding == 0)
                    loop.quit();
                return;
            }
            Client &client = clients[next++];
            client.api = newClient(url, id);
            auto *started = new QElapsedTimer;
            started->start();
            ApiReply *reply = client.api->login(demo.loginId, demo.password);
            ++outstanding;
            QObject::connect(reply, &ApiReply::finished, &loop, [&, reply, started] {
                endpoints[QStringLiteral("POST /v1/session")].count(reply, msSince(*started));
                loggedIn += reply->ok() ? 1 : 0;
                delete started;
                --outstanding;
                startNext();
            });
        };
        for (int i = 0; i < AtOnce; ++i)
            startNext();
        QTimer::singleShot(600000, &loop, &QEventLoop::quit);
        loop.exec();
        std::printf("%s: %d of %d clients logged in (%d at a time) in %.1f s\n", qPrintable(label), loggedIn, clientCount,
                    AtOnce, msSince(t) / 1000);
        std::fflush(stdout);
    }
    for (size_t c = 0; c < clients.size(); c += 8)
        clients[c].relogin = true;

    PaymentQuery filtered;
    filtered.statuses = {40};
    filtered.types = {QStringLiteral("02"), QStringLiteral("03")};
    const PaymentQuery everything;

    const qint64 rssStart = gatewayPid > 0 ? rssKbOf(gatewayPid) : -1;
    sampler.start(1000);
    QEventLoop loop;
    int outstanding = 0;
    bool timeUp = false;
    QElapsedTimer soak;
    soak.start();
    std::function<void(size_t)> issue = [&](size_t c) {
        Client &client = clients[c];
        if (timeUp) {
            if (outstanding == 0)
                loop.quit();
            return;
        }
        const int step = client.done++;
        QString endpoint;
        ApiReply *reply = nullptr;
        if (client.relogin && soak.elapsed() > seconds * 500) {
            client.relogin = false;
            endpoint = QStringLiteral("POST /v1/session");
            reply = client.api->login(demo.loginId, demo.password);
        } else if (step % 10 < 5) {
            endpoint = QStringLiteral("GET /v1/payments");
            reply = client.api->searchPayments(step % 2 ? filtered : everything, QString(), 100, false);
        } else if (step % 10 < 9 || client.captured >= client.toCapture.size()) {
            endpoint = QStringLiteral("GET /v1/payments/{id}");
            reply = client.api->paymentDetail(detailIds.at((int(c) * 7919 + step) % detailIds.size()));
        } else {
            endpoint = QStringLiteral("POST /v1/payments/capture");
            const Authorization &item = client.toCapture[client.captured++];
            reply = client.api->capturePayments({PaymentActionItem{item.paymentId, item.amount}}, MerchantClient::newIdempotencyKey());
        }
        ++outstanding;
        auto *started = new QElapsedTimer;
        started->start();
        QObject::connect(reply, &ApiReply::finished, &loop, [&, c, reply, started, endpoint] {
            endpoints[endpoint].count(reply, msSince(*started));
            delete started;
            --outstanding;
            issue(c);
        });
    };
    for (size_t c = 0; c < clients.size(); ++c)
        issue(c);
    QTimer::singleShot(seconds * 1000, &loop, [&] {
        timeUp = true;
        if (outstanding == 0)
            loop.quit();
    });
    QTimer::singleShot(seconds * 1000 + 120000, &loop, &QEventLoop::quit); // the stragglers, bounded
    loop.exec();
    const double elapsed = msSince(soak) / 1000.0;
    sampler.stop();
    const qint64 rssEnd = gatewayPid > 0 ? rssKbOf(gatewayPid) : -1;

    const QString prefix = QStringLiteral("16 soak %1 clients %2 s%3: ").arg(clientCount).arg(seconds).arg(label.isEmpty() ? QString() : QStringLiteral(" [%1]").arg(label));
    int requests = 0;
    int serverErrors = 0;
    int noAnswer = 0;
    std::printf("%-28s %8s %9s %9s %7s %6s %6s %6s %6s\n", "endpoint", "requests", "p50 ms", "p99 ms", "2xx", "4xx", "503", "5xx", "none");
    for (const auto &[name, endpoint] : endpoints) {
        const double p50 = percentile(endpoint.ms, 0.5);
        const double p99 = percentile(endpoint.ms, 0.99);
        std::printf("%-28s %8zu %9.2f %9.2f %7d %6d %6d %6d %6d\n", qPrintable(name), endpoint.ms.size(), p50, p99, endpoint.ok,
                    endpoint.clientErrors, endpoint.overloaded, endpoint.serverErrors, endpoint.noAnswer);
        out.row(prefix + name + QStringLiteral(" p50"), QStringLiteral("ms"), Stats{p50, p50, p50, int(endpoint.ms.size())},
                QStringLiteral("none (absolute)"), std::nullopt);
        out.row(prefix + name + QStringLiteral(" p99"), QStringLiteral("ms"), Stats{p99, p99, p99, int(endpoint.ms.size())},
                QStringLiteral("none (absolute)"), std::nullopt);
        requests += int(endpoint.ms.size());
        serverErrors += endpoint.serverErrors;
        noAnswer += endpoint.noAnswer;
    }
    const double rate = requests / std::max(elapsed, 0.001);
    out.row(prefix + QStringLiteral("requests per second"), QStringLiteral("req/s"), Stats{rate, rate, rate, requests},
            QStringLiteral("none (absolute)"), std::nullopt);
    const double failures = serverErrors + noAnswer;
    const double notLoggedIn = clientCount - loggedIn;
    out.row(prefix + QStringLiteral("clients that could not log in"), QStringLiteral("count"), Stats{notLoggedIn, notLoggedIn, notLoggedIn, 1},
            QStringLiteral("target only"), std::nullopt, QStringLiteral("0"), notLoggedIn == 0);
    out.row(prefix + QStringLiteral("5xx other than 503, and no answer"), QStringLiteral("count"), Stats{failures, failures, failures, 1},
            QStringLiteral("target only"), std::nullopt, QStringLiteral("0"), failures == 0);
    const qint64 rssMax = rss.empty() ? rssEnd : *std::max_element(rss.begin(), rss.end());
    // Flat is judged on the second half: the first fills the caches and the workers' arenas.
    const qint64 rssHalf = rss.empty() ? rssStart : rss[rss.size() / 2];
    if (rssStart > 0) {
        const double growth = double(rssEnd - rssStart) / 1024.0;
        out.row(prefix + QStringLiteral("gateway RSS growth, after the logins to the end"), QStringLiteral("MB"),
                Stats{growth, growth, double(rssMax - rssStart) / 1024.0, int(rss.size())}, QStringLiteral("none (absolute)"),
                std::nullopt);
        const double secondHalf = double(rssEnd - rssHalf) / 1024.0;
        out.row(prefix + QStringLiteral("gateway RSS growth in the second half"), QStringLiteral("MB"),
                Stats{secondHalf, secondHalf, secondHalf, int(rss.size())}, QStringLiteral("none (absolute)"), std::nullopt);
    }
    std::printf("gateway RSS every %d s (MB):", std::max(1, int(rss.size()) / 8));
    for (size_t i = 0; i < rss.size(); i += std::max<size_t>(1, rss.size() / 8))
        std::printf(" %.1f", double(rss[i]) / 1024.0);
    std::printf("\n");
    std::printf("%s: %d requests in %.1f s = %.0f req/s; 5xx other than 503: %d, no answer: %d; gateway RSS %.1f MB after logins, "
                "%.1f MB at the end, %.1f MB at most\n",
                qPrintable(label), requests, elapsed, rate, serverErrors, noAnswer, rssStart / 1024.0, rssEnd / 1024.0, rssMax / 1024.0);
    return 0;
}

} // namespace kessai::bench
