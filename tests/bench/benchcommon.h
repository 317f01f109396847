#pragma once

#include "api/paymentlistpage.h"

// What every case of kessai-bench shares: statistics, the JSON result rows, the demo data
// directory, a logged-in client and the sqlite3 CLI reference.

#include "api/apireply.h"
#include "api/merchantclient.h"
#include "api/paymentquery.h"
#include "tls/clientidentity.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QSslCertificate>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace kessai::bench {

[[noreturn]] void fail(const QString &message);

struct Stats
{
    double median = 0;
    double min = 0;
    double max = 0;
    int n = 0;
};

class ResultWriter
{
public:
    explicit ResultWriter(const QString &path)
        : m_file(path)
    {
        if (!m_file.open(QIODevice::WriteOnly | QIODevice::Append))
            fail(QStringLiteral("cannot write ") + path);
    }
    // ratio = ours / reference; pass is decided against target by `better` ("lower"/"higher").
    void row(const QString &name, const QString &unit, const Stats &ours, const QString &referenceName,
             const std::optional<Stats> &reference, const QString &target = QString(),
             std::optional<bool> pass = std::nullopt)
    {
        QJsonObject o;
        o.insert(QStringLiteral("name"), name);
        o.insert(QStringLiteral("unit"), unit);
        o.insert(QStringLiteral("ours"), ours.median);
        o.insert(QStringLiteral("ours_min"), ours.min);
        o.insert(QStringLiteral("ours_max"), ours.max);
        o.insert(QStringLiteral("ours_n"), ours.n);
        o.insert(QStringLiteral("reference_name"), referenceName);
        if (reference) {
            o.insert(QStringLiteral("reference"), reference->median);
            o.insert(QStringLiteral("reference_min"), reference->min);
            o.insert(QStringLiteral("reference_max"), reference->max);
            o.insert(QStringLiteral("reference_n"), reference->n);
            o.insert(QStringLiteral("ratio"), reference->median > 0 ? ours.median / reference->median : 0.0);
        } else {
            o.insert(QStringLiteral("reference"), QJsonValue());
            o.insert(QStringLiteral("ratio"), QJsonValue());
        }
        o.insert(QStringLiteral("target"), target);
        o.insert(QStringLiteral("pass"), pass ? QJsonValue(*pass) : QJsonValue());
        m_file.write(QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n');
        m_file.flush();
    }

private:
    QFile m_file;
};

struct Demo
{
    QString dataDir;
    QString dbPath; // the SQLite file, when dbUrl is empty
    QString dbUrl;  // postgresql://… when the gateway serves PostgreSQL (--db)
    QString ca;
    QString p12;
    QString p12Passphrase;
    QString loginId;
    QString password;
    QString merchantId;
};

struct Identity
{
    ClientIdentity identity;
    QList<QSslCertificate> ca;
};

Stats statsOf(std::vector<double> samples);
qint64 procStatusKb(const char *field);
void resetPeakRss();
// The demo data directory of --data, on the database of --db (default: DIR/gateway.db).
Demo readDemo(const QCommandLineParser &args);
Identity loadIdentity(const Demo &demo);
std::unique_ptr<MerchantClient> newClient(const QUrl &url, const Identity &id);
void login(MerchantClient &client, const Demo &demo);
// One page of a search as the console's result table reads it (GET /v1/payments?count=false,
// the body read by readPaymentListPage: no QJsonDocument).
PaymentListPage search(MerchantClient &client, const PaymentQuery &query, const QString &cursor, int limit);
double msSince(const QElapsedTimer &t);
QString sqlQuote(const QString &s);
QString pageSql(const QString &where, int limit);
// The reference: the demo's database through its own command-line client (sqlite3 or psql),
// the same SELECT warm, warmup + reps times in one process; per-run times in ms.
std::vector<double> referenceTimes(const Demo &demo, const QString &sql, int warmup, int reps);
QString referenceName(const Demo &demo);
// Runs a script in the engine's command-line client on `database` (a SQLite file or a
// postgresql:// URL); fails the bench on any error.
void runCli(const QString &database, const QString &script);
// The demo's database through Qt SQL (QSQLITE or QPSQL), read-only where the driver can say so.
QSqlDatabase openDemoDatabase(const Demo &demo, const QString &connectionName);
extern const QString PaymentColumns;

// The cases, one file each; main() picks one by its subcommand.
int runApi(const QCommandLineParser &args);
int runModelOurs(const QCommandLineParser &args);
int runModelNaive(const QCommandLineParser &args);
int runFirstPage(const QCommandLineParser &args);
int runExport(const QCommandLineParser &args);
int runBulk(const QCommandLineParser &args);
int runColdStartChild(int argc, char **argv);
int runColdStart(const QCommandLineParser &args);
int runSoak(const QCommandLineParser &args);
int runParse(const QCommandLineParser &args);

} // namespace kessai::bench
