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
#include <QUrl>
#include <QWindow>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>
#include <optional>
#include <vector>


namespace kessai::bench {

// ---- helpers ------------------------------------------------------------------------------

[[noreturn]] void fail(const QString &message)
{
    std::fprintf(stderr, "kessai-bench: %s\n", qPrintable(message));
    std::fflush(stderr);
    std::exit(1);
}


Stats statsOf(std::vector<double> samples)
{
    Stats s;
    if (samples.empty())
        return s;
    std::sort(samples.begin(), samples.end());
    const size_t n = samples.size();
    s.n = int(n);
    s.min = samples.front();
    s.max = samples.back();
    s.median = n % 2 ? samples[n / 2] : (samples[n / 2 - 1] + samples[n / 2]) / 2.0;
    return s;
}

// kB from /proc/self/status ("VmRSS", "VmHWM").
qint64 procStatusKb(const char *field)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray prefix = QByteArray(field) + ':';
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

void resetPeakRss()
{
    // Writing 5 to clear_refs resets VmHWM to the current RSS (Linux ≥ 4.0).
    QFile f(QStringLiteral("/proc/self/clear_refs"));
    if (f.open(QIODevice::WriteOnly))
        f.write("5");
}


// ---- the demo data directory ----------------------------------------------------------------


Demo readDemo(const QCommandLineParser &args)
{
    const QString dataDir = args.value(QStringLiteral("data"));
    QFile f(dataDir + QStringLiteral("/demo.json"));
    if (!f.open(QIODevice::ReadOnly))
        fail(QStringLiteral("cannot read demo.json in ") + dataDir);
    const QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
    Demo d;
    d.dataDir = dataDir;
    const QString db = args.isSet(QStringLiteral("db")) ? args.value(QStringLiteral("db")) : QString();
    if (db.startsWith(QLatin1String("postgresql://")))
        d.dbUrl = db;
    else
        d.dbPath = db.isEmpty() ? dataDir + QStringLiteral("/gateway.db") : db;
    d.ca = root.value(QStringLiteral("ca")).toString();
    for (const QJsonValue &u : root.value(QStringLiteral("users")).toArray()) {
        const QJsonObject user = u.toObject();
        if (user.value(QStringLiteral("login_id")).toString() != QLatin1String("admin"))
            continue;
        d.loginId = QStringLiteral("admin");
        d.password = user.value(QStringLiteral("password")).toString();
        d.p12 = user.value(QStringLiteral("p12")).toString();
        d.p12Passphrase = user.value(QStringLiteral("p12_passphrase")).toString();
        d.merchantId = user.value(QStringLiteral("merchant_id")).toString();
    }
    if (d.loginId.isEmpty())
        fail(QStringLiteral("no admin user in demo.json"));
    return d;
}


Identity loadIdentity(const Demo &demo)
{
    auto loaded = ClientIdentity::load(demo.p12, demo.p12Passphrase);
    if (!loaded.ok())
        fail(QStringLiteral("cannot load ") + demo.p12 + QStringLiteral(": ") + loaded.message);
    QString error;
    Identity id{loaded.identity, loadCaCertificates(demo.ca, &error)};
    if (id.ca.isEmpty())
        fail(QStringLiteral("cannot load the CA: ") + error);
    return id;
}

std::unique_ptr<MerchantClient> newClient(const QUrl &url, const Identity &id)
{
    auto client = std::make_unique<MerchantClient>();
    client->setBaseUrl(url);
    client->setIdentity(id.identity, id.ca);
    return client;
}

void login(MerchantClient &client, const Demo &demo)
{
    const ApiResult r = waitFor(client.login(demo.loginId, demo.password));
    if (!r.ok())
        fail(QStringLiteral("login failed: ") + r.error.displayText());
}

PaymentListPage search(MerchantClient &client, const PaymentQuery &query, const QString &cursor, int limit)
{
    const ApiResult r = waitFor(client.paymentPage(query, cursor, limit));
    if (!r.ok())
        fail(QStringLiteral("search failed: ") + r.error.displayText());
    QString why;
    auto page = readPaymentListPage(r.body, &why);
    if (!page)
        fail(QStringLiteral("the page could not be read: ") + why);
    return std::move(*page);
}

double msSince(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

// ---- the sqlite3 CLI reference ---------------------------------------------------------------

// The SELECT of PaymentStore::search (gateway/storage/paymentstore.cpp), bound values inlined.
extern const QString PaymentColumns;
const QString PaymentColumns = QStringLiteral(
    "payment_id, trading_id, type, status, amount, institution, trade_time, due_time,"
    " cleared_time, base_payment_id, card_brand, card_bin, card_last4, card_expiry,"
    " customer_name, customer_kana, customer_email, customer_phone");

QString sqlQuote(const QString &s)
{
    QString quoted = s;
    quoted.replace(u'\'', QStringLiteral("''"));
    return u'\'' + quoted + u'\'';
}

QString pageSql(const QString &where, int limit)
{
    return QStringLiteral("SELECT ") + PaymentColumns + QStringLiteral(" FROM payments") + where
        + QStringLiteral(" ORDER BY trade_time DESC, payment_id DESC LIMIT ") + QString::number(limit + 1)
        + u';';
}

namespace {

// One client process, the script on its standard input; its standard output.
QByteArray cliOutput(const QString &database, const QString &script)
{
    QProcess p;
    if (database.startsWith(QLatin1String("postgresql://")))
        p.start(QStringLiteral("psql"), {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-v"),
                                         QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-d"), database});
    else
        p.start(QStringLiteral("sqlite3"), {QStringLiteral("-bail"), database});
    if (!p.waitForStarted())
        fail(QStringLiteral("cannot start ") + p.program());
    p.write(script.toUtf8());
    p.closeWriteChannel();
    if (!p.waitForFinished(3600000) || p.exitCode() != 0)
        fail(p.program() + QStringLiteral(" failed: ") + QString::fromUtf8(p.readAllStandardError()));
    return p.readAllStandardOutput();
}

} // namespace

void runCli(const QString &database, const QString &script)
{
    cliOutput(database, script);
}

// sqlite3: `.timer` prints real time with only 1 ms resolution, so the figure is user+sys CPU
// time (µs resolution): for a warm, cached, single-threaded query it is the wall time.
// psql: `\timing` is the wall time from sending the query to the last row received (µs), over
// the same loopback TCP the gateway uses.
std::vector<double> referenceTimes(const Demo &demo, const QString &sql, int warmup, int reps)
{
    const bool pg = !demo.dbUrl.isEmpty();
    QString script = pg ? QStringLiteral("\\o /dev/null\n") : QStringLiteral(".output /dev/null\n");
    for (int i = 0; i < warmup; ++i)
        script += sql + u'\n';
    script += pg ? QStringLiteral("\\timing on\n") : QStringLiteral(".timer on\n");
    for (int i = 0; i < reps; ++i)
        script += sql + u'\n';
    static const QRegularExpression sqliteRe(
        QStringLiteral("Run Time: real ([0-9.]+) user ([0-9.]+) sys ([0-9.]+)"));
    static const QRegularExpression psqlRe(QStringLiteral("^Time: ([0-9.]+) ms"), QRegularExpression::MultilineOption);
    std::vector<double> times;
    auto it = (pg ? psqlRe : sqliteRe).globalMatch(QString::fromUtf8(cliOutput(pg ? demo.dbUrl : demo.dbPath, script)));
    while (it.hasNext()) {
        const auto m = it.next();
        times.push_back(pg ? m.captured(1).toDouble() : (m.captured(2).toDouble() + m.captured(3).toDouble()) * 1000.0);
    }
    if (int(times.size()) != reps)
        fail(QStringLiteral("the reference printed %1 timings, expected %2").arg(times.size()).arg(reps));
    return times;
}

QString referenceName(const Demo &demo)
{
    return demo.dbUrl.isEmpty() ? QStringLiteral("same SELECT, sqlite3 CLI, 1 process, .timer user+sys")
                                : QStringLiteral("same SELECT, psql over loopback TCP, 1 process, its timing");
}

QSqlDatabase openDemoDatabase(const Demo &demo, const QString &connectionName)
{
    QSqlDatabase db;
    if (demo.dbUrl.isEmpty()) {
        db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
        db.setDatabaseName(demo.dbPath);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
    } else {
        const QUrl url(demo.dbUrl);
        db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connectionName);
        db.setHostName(url.host());
        db.setPort(url.port(5432));
        db.setUserName(url.userName());
        db.setPassword(url.password());
        db.setDatabaseName(url.path().mid(1));
    }
    if (!db.open())
        fail(QStringLiteral("cannot open the demo database: ") + db.lastError().text());
    return db;
}

} // namespace kessai::bench
