#include "gatewayclient.h"
#include "gatewayfixture.h"
#include "gatewayusers.h"

#include <QDateTime>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>
#include <QTest>
#include <QUrl>

#include <algorithm>
#include <optional>

// GET /v1/payments/export against the list it exports: the same rows in the same order (walked
// with cursors), as JSON Lines and as CSV, under the export permission and the view:<type>
// rules, audited once per export, and streamed whole however long the result.
namespace {

constexpr int DemoPayments = 5000;

QString encoded(const QString &value)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(value));
}

QString text(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key)).toString();
}

// Payments with texts no registration accepts, as if imported from elsewhere: what a CSV must
// neutralise or quote.
struct OddPayment
{
    qint64 id;
    QString tradingId;
    QString institution;
    QString csvTradingId; // the field's value as a CSV reader sees it
    QString csvInstitution;
};

const QList<OddPayment> &oddPayments()
{
    static const QList<OddPayment> payments = {
        {999999999999999001LL, QStringLiteral("=1+2"), QStringLiteral("@SUM(A1)"), QStringLiteral("'=1+2"),
         QStringLiteral("'@SUM(A1)")},
        {999999999999999002LL, QStringLiteral("-5"), QStringLiteral("VISA, \"Gold\"\nsecond line"), QStringLiteral("'-5"),
         QStringLiteral("VISA, \"Gold\"\nsecond line")},
        {999999999999999003LL, QStringLiteral("\tTAB"), QStringLiteral("+81 Bank"), QStringLiteral("'\tTAB"),
         QStringLiteral("'+81 Bank")},
    };
    return payments;
}

// RFC 4180 records of a whole CSV text (quoted fields may hold commas, quotes and line breaks).
QList<QStringList> parseCsv(const QString &csv, bool *crlfOnly)
{
    QList<QStringList> records;
    QStringList record;
    QString field;
    bool quoted = false;
    *crlfOnly = true;
    for (qsizetype i = 0; i < csv.size(); ++i) {
        const QChar c = csv.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < csv.size() && csv.at(i + 1) == u'"') {
                field += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == u'"' && field.isEmpty()) {
            quoted = true;
        } else if (c == u',') {
            record << field;
            field.clear();
        } else if (c == u'\r' && i + 1 < csv.size() && csv.at(i + 1) == u'\n') {
            record << field;
            field.clear();
            records << record;
            record.clear();
            ++i;
        } else if (c == u'\n' || c == u'\r') {
            *crlfOnly = false;
            field += c;
        } else {
            field += c;
        }
    }
    if (!field.isEmpty() || !record.isEmpty()) {
        *crlfOnly = false; // a last record without its CRLF
        record << field;
        records << record;
    }
    return records;
}

} // namespace

class TestGatewayExport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void withoutTheExportPermissionItIsForbiddenBeforeValidationAndAudited();
    void jsonLinesAreTheListRowsWithoutActions_data();
    void jsonLinesAreTheListRowsWithoutActions();
    void csvHasBomHeaderCrlfAndNeutralisedFormulas();
    void viewRightsLimitTheExport();
    void everyExportIsAuditedWithItsFilterFormatAndRows();
    void badParametersAreRefused_data();
    void badParametersAreRefused();
    void severalThousandRowsArriveWholeAndUncompressed();
    void aClientThatGoesAwayStopsTheExport();
    void slowReadersHoldAtMostTwoExportsPerUser();

private:
    QByteArray startSlowExport(QSslSocket &socket);
    QList<QJsonObject> listRows(const QString &loginId, const QString &query, bool *ok);
    QList<QJsonObject> exportedLines(const GatewayClient::Response &response, bool *ok);
    // The audit rows of one request: login_id, action, target, result.
    QList<QStringList> auditRows(const QByteArray &requestId);
    // Waits for the export's audit row, written when its stream has ended.
    QStringList exportAuditRow(const QByteArray &requestId);
    GatewayClient::Response patchPermissions(const QString &loginId, const QStringList &permissions);

    GatewayFixture m_gateway;
    std::optional<GatewayUsers> m_users;
    QList<QJsonObject> m_all; // the admin's list: every payment of M0001
};

QList<QJsonObject> TestGatewayExport::listRows(const QString &loginId, const QString &query, bool *ok)
{
    *ok = false;
    QList<QJsonObject> rows;
    QString cursor;
    for (int page = 0; page < 1000; ++page) {
        QString path = QStringLiteral("/v1/payments?limit=1000&count=false");
        if (!query.isEmpty())
            path += u'&' + query;
        if (!cursor.isEmpty())
            path += QStringLiteral("&cursor=") + cursor;
        const GatewayClient::Response response = m_users->get(loginId, path);
        if (response.status != 200) {
            qWarning() << "list page failed" << response.status << response.body;
            return {};
        }
        for (const QJsonValue &item : response.json.value(QLatin1String("items")).toArray()) {
            QJsonObject row = item.toObject();
            row.remove(QStringLiteral("actions"));
            rows.append(row);
        }
        const QJsonValue next = response.json.value(QLatin1String("next_cursor"));
        if (next.isNull()) {
            *ok = true;
            return rows;
        }
        cursor = next.toString();
    }
    return {};
}

QList<QJsonObject> TestGatewayExport::exportedLines(const GatewayClient::Response &response, bool *ok)
{
    *ok = false;
    QList<QJsonObject> rows;
    if (response.status != 200 || response.header("Content-Type") != "application/x-ndjson") {
        qWarning() << "export failed" << response.status << response.header("Content-Type") << response.body.left(300);
        return {};
    }
    if (!response.body.isEmpty() && !response.body.endsWith('\n')) {
        qWarning() << "the last line has no line feed";
        return {};
    }
    QList<QByteArray> lines = response.body.split('\n');
    lines.removeLast(); // after the last line feed
    for (const QByteArray &line : std::as_const(lines)) {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(line, &error);
        if (error.error != QJsonParseError::NoError || !document.isObject()) {
            qWarning() << "not a JSON object per line:" << line.left(200);
            return {};
        }
        rows.append(document.object());
    }
    *ok = true;
    return rows;
}

QList<QStringList> TestGatewayExport::auditRows(const QByteArray &requestId)
{
    QList<QStringList> rows;
    const QString connection = QStringLiteral("export-audit");
    {
        QSqlDatabase db = m_gateway.openDatabase(connection);
        if (db.isOpen()) {
            QSqlQuery q(db);
            q.prepare(QStringLiteral("SELECT login_id, action, target, result, merchant_id FROM audit_log"
                                     " WHERE request_id = ? ORDER BY audit_id"));
            q.addBindValue(QString::fromLatin1(requestId));
            if (q.exec()) {
                while (q.next())
                    rows.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                                 q.value(3).toString(), q.value(4).toString()});
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    return rows;
}

QStringList TestGatewayExport::exportAuditRow(const QByteArray &requestId)
{
    QList<QStringList> rows;
    for (int attempt = 0; attempt < 200 && rows.isEmpty(); ++attempt) {
        rows = auditRows(requestId);
        if (rows.isEmpty())
            QTest::qWait(50);
    }
    return rows.size() == 1 ? rows.constFirst() : QStringList();
}

GatewayClient::Response TestGatewayExport::patchPermissions(const QString &loginId, const QStringList &permissions)
{
    GatewayClient &admin = m_users->client(QStringLiteral("admin"));
    const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("permissions"), QJsonArray::fromStringList(permissions)}})
                                .toJson(QJsonDocument::Compact);
    return GatewayClient::finish({admin.start("PATCH", QStringLiteral("/v1/users/") + loginId, body,
                                              m_users->token(QStringLiteral("admin")),
                                              {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")}})})
        .constFirst();
}

void TestGatewayExport::initTestCase()
{
    // As in tst_gatewaysearch: a condition of 40 rows counts as dense, so the batches take the
    // search paths of a merchant with millions of payments.
    qputenv("KESSAI_GATEWAY_SEARCH_PROBE_ROWS", "40");
    QVERIFY2(m_gateway.start(DemoPayments, 23), qPrintable(m_gateway.error()));
    m_users.emplace(m_gateway);
    QVERIFY(!m_users->token(QStringLiteral("admin")).isEmpty());

    const QString connection = QStringLiteral("export-seed");
    {
        QSqlDatabase db = m_gateway.openDatabase(connection);
        QVERIFY2(db.isOpen(), qPrintable(m_gateway.error()));
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        for (const OddPayment &odd : oddPayments()) {
            QSqlQuery q(db);
            QVERIFY(q.prepare(QStringLiteral("INSERT INTO payments (payment_id, merchant_id, trading_id, type, status, amount,"
                                             " authorized_amount, institution, trade_time, created_at, updated_at)"
                                             " VALUES (?, 'M0001', ?, '02', 20, 1234, 1234, ?, ?, ?, ?)")));
            for (const QVariant &value : QVariantList{odd.id, odd.tradingId, odd.institution, now - 3600, now, now})
                q.addBindValue(value);
            QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);

    bool ok = false;
    m_all = listRows(QStringLiteral("admin"), QString(), &ok);
    QVERIFY(ok);
    QCOMPARE(m_all.size(), DemoPayments + oddPayments().size());
}

void TestGatewayExport::withoutTheExportPermissionItIsForbiddenBeforeValidationAndAudited()
{
    // viewer: view:02 only. A bad format and a cursor would be 400 for a user allowed to export.
    const GatewayClient::Response refused
        = m_users->get(QStringLiteral("viewer"), QStringLiteral("/v1/payments/export?format=xml&cursor=zzz"));
    QCOMPARE(refused.status, 403);
    QCOMPARE(refused.errorCode(), QStringLiteral("forbidden"));
    QVERIFY(refused.header("Content-Type").startsWith("application/json"));
    QCOMPARE(auditRows(refused.requestId),
             (QList<QStringList>{{QStringLiteral("viewer"), QStringLiteral("payment_export"), QStringLiteral("payments"),
                                  QStringLiteral("forbidden"), QStringLiteral("M0001")}}));

    // Without a session nothing is looked at (and nothing is audited).
    const GatewayClient::Response anonymous = m_users->client(QStringLiteral("viewer")).get(QStringLiteral("/v1/payments/export"));
    QCOMPARE(anonymous.status, 401);
}

void TestGatewayExport::jsonLinesAreTheListRowsWithoutActions_data()
{
    QTest::addColumn<QString>("query");
    const QString tradeMid = text(m_all.at(DemoPayments / 2), "trade_time");
    const QString name = m_all.at(120).value(QLatin1String("customer")).toObject().value(QLatin1String("name")).toString();
    QTest::newRow("everything") << QString();
    QTest::newRow("card captures") << QStringLiteral("type=02&status=40");
    QTest::newRow("amount range by amount, ascending") << QStringLiteral("amount_min=1000&amount_max=20000&sort=amount&order=asc");
    QTest::newRow("older half by due time") << QStringLiteral("trade_to=%1&sort=due_time").arg(tradeMid);
    QTest::newRow("by trading id") << QStringLiteral("sort=trading_id&order=asc&trade_from=%1").arg(tradeMid);
    QTest::newRow("customer surname") << QStringLiteral("customer=") + encoded(name.section(u' ', 0, 0));
    QTest::newRow("nothing matches") << QStringLiteral("amount_min=99999999");
}

void TestGatewayExport::jsonLinesAreTheListRowsWithoutActions()
{
    QFETCH(QString, query);
    bool ok = false;
    const QList<QJsonObject> expected = listRows(QStringLiteral("admin"), query, &ok);
    QVERIFY(ok);
    const GatewayClient::Response response
        = m_users->get(QStringLiteral("admin"), QStringLiteral("/v1/payments/export") + (query.isEmpty() ? QString() : u'?' + query));
    const QList<QJsonObject> exported = exportedLines(response, &ok);
    QVERIFY(ok);
    QCOMPARE(exported.size(), expected.size());
    for (qsizetype i = 0; i < exported.size(); ++i) {
        QVERIFY2(!exported.at(i).contains(QLatin1String("actions")), qPrintable(QString::number(i)));
        QVERIFY2(exported.at(i) == expected.at(i), qPrintable(QStringLiteral("row %1: %2 instead of %3")
                                                                  .arg(i)
                                                                  .arg(text(exported.at(i), "payment_id"),
                                                                       text(expected.at(i), "payment_id"))));
    }
    if (query.isEmpty()) {
        // The admin's list offers actions on some rows (authorized cards): the export never does.
        const GatewayClient::Response page = m_users->get(QStringLiteral("admin"), QStringLiteral("/v1/payments?limit=1000&type=02&status=20"));
        const QJsonArray items = page.json.value(QLatin1String("items")).toArray();
        QVERIFY(std::any_of(items.cbegin(), items.cend(), [](const QJsonValue &row) {
            return row.toObject().contains(QLatin1String("actions"));
        }));
    }
}

void TestGatewayExport::csvHasBomHeaderCrlfAndNeutralisedFormulas()
{
    const GatewayClient::Response response = m_users->get(QStringLiteral("admin"), QStringLiteral("/v1/payments/export?format=csv"));
    QCOMPARE(response.status, 200);
    QCOMPARE(response.header("Content-Type"), QByteArray("text/csv; charset=utf-8; header=present"));
    QVERIFY(response.header("Content-Disposition").contains("payments.csv"));
    QVERIFY(response.body.startsWith("\xEF\xBB\xBF"));
    bool crlfOnly = false;
    const QList<QStringList> records = parseCsv(QString::fromUtf8(response.body.mid(3)), &crlfOnly);
    QVERIFY2(crlfOnly, "every record ends with CRLF, and no bare CR or LF outside quotes");
    QCOMPARE(records.constFirst(),
             QStringList({QStringLiteral("trading_id"), QStringLiteral("payment_id"), QStringLiteral("type"),
                          QStringLiteral("institution"), QStringLiteral("status"), QStringLiteral("trade_time"),
                          QStringLiteral("due_time"), QStringLiteral("cleared_time"), QStringLiteral("amount")}));
    QCOMPARE(records.size(), m_all.size() + 1);

    QHash<QString, QStringList> byId;
    for (qsizetype i = 0; i < m_all.size(); ++i) {
        const QStringList &record = records.at(i + 1);
        QCOMPARE(record.size(), 9);
        const QJsonObject &row = m_all.at(i);
        QCOMPARE(record.at(1), text(row, "payment_id")); // same order as the list
        byId.insert(record.at(1), record);
        const bool odd = text(row, "payment_id").startsWith(QLatin1String("999999"));
        if (!odd) {
            QCOMPARE(record.at(0), text(row, "trading_id"));
            QCOMPARE(record.at(3), text(row, "institution"));
        }
        QCOMPARE(record.at(2), text(row, "type"));
        QCOMPARE(record.at(4), QString::number(row.value(QLatin1String("status")).toInt()));
        QCOMPARE(record.at(5), text(row, "trade_time"));
        QCOMPARE(record.at(6), text(row, "due_time"));
        QCOMPARE(record.at(7), text(row, "cleared_time"));
        QCOMPARE(record.at(8), QString::number(row.value(QLatin1String("amount")).toInteger()));
    }
    // Formula-looking texts get an apostrophe; quotes, commas and line breaks are quoted.
    for (const OddPayment &odd : oddPayments()) {
        const QStringList record = byId.value(QString::number(odd.id));
        QCOMPARE(record.value(0), odd.csvTradingId);
        QCOMPARE(record.value(3), odd.csvInstitution);
        QCOMPARE(record.value(8), QStringLiteral("1234"));
    }
    QVERIFY(response.body.contains("\r\n'=1+2,999999999999999001,02,'@SUM(A1),20,"));
    QVERIFY(response.body.contains("\r\n'-5,999999999999999002,02,\"VISA, \"\"Gold\"\"\nsecond line\",20,"));
    QVERIFY(response.body.contains("\r\n'\tTAB,999999999999999003,02,'+81 Bank,20,"));
}

void TestGatewayExport::viewRightsLimitTheExport()
{
    // viewer may view card payments only; given export, it gets card payments only.
    QCOMPARE(patchPermissions(QStringLiteral("viewer"), {QStringLiteral("view:02"), QStringLiteral("export")}).status, 200);
    bool ok = false;
    for (const QString &query : {QString(), QStringLiteral("type=01,02,03"), QStringLiteral("status=40,10")}) {
        const QList<QJsonObject> expected = listRows(QStringLiteral("viewer"), query, &ok);
        QVERIFY(ok);
        const QList<QJsonObject> exported = exportedLines(
            m_users->get(QStringLiteral("viewer"), QStringLiteral("/v1/payments/export?") + query), &ok);
        QVERIFY(ok);
        QVERIFY(!exported.isEmpty());
        QCOMPARE(exported, expected);
        QVERIFY(std::all_of(exported.cbegin(), exported.cend(), [](const QJsonObject &row) { return text(row, "type") == QLatin1String("02"); }));
    }
    const qsizetype cards = std::count_if(m_all.cbegin(), m_all.cend(), [](const QJsonObject &row) { return text(row, "type") == QLatin1String("02"); });
    QCOMPARE(exportedLines(m_users->get(QStringLiteral("viewer"), QStringLiteral("/v1/payments/export")), &ok).size(), cards);
    // Only types it may not view: an empty export, not a refusal (as the list).
    const GatewayClient::Response none = m_users->get(QStringLiteral("viewer"), QStringLiteral("/v1/payments/export?type=03&format=csv"));
    QCOMPARE(none.status, 200);
    QCOMPARE(none.body, QByteArray("\xEF\xBB\xBFtrading_id,payment_id,type,institution,status,trade_time,due_time,cleared_time,amount\r\n"));

    // staff: view:02 and view:03.
    const QList<QJsonObject> staffExport = exportedLines(m_users->get(QStringLiteral("staff"), QStringLiteral("/v1/payments/export?type=01,02")), &ok);
    QVERIFY(ok);
    QCOMPARE(staffExport.size(), cards);
    QCOMPARE(patchPermissions(QStringLiteral("viewer"), {QStringLiteral("view:02")}).status, 200);
    QCOMPARE(m_users->get(QStringLiteral("viewer"), QStringLiteral("/v1/payments/export")).status, 403);
}

void TestGatewayExport::everyExportIsAuditedWithItsFilterFormatAndRows()
{
    bool ok = false;
    const QList<QJsonObject> captures = listRows(QStringLiteral("staff"), QStringLiteral("status=40&type=02"), &ok);
    QVERIFY(ok);
    const GatewayClient::Response csv = m_users->get(QStringLiteral("staff"), QStringLiteral("/v1/payments/export?status=40&format=csv&type=02&cursorx=1"));
    QCOMPARE(csv.status, 200);
    QCOMPARE(exportAuditRow(csv.requestId),
             (QStringList{QStringLiteral("staff"), QStringLiteral("payment_export"),
                          QStringLiteral("payments?status=40&type=02 format=csv rows=%1").arg(captures.size()),
                          QStringLiteral("ok"), QStringLiteral("M0001")}));

    // The filter is kept as sent, percent-encoded: no space or non-ASCII text. (A control
    // character is refused in a customer filter: 400 before any export starts.)
    const GatewayClient::Response jsonl = m_users->get(
        QStringLiteral("admin"),
        QStringLiteral("/v1/payments/export?customer=") + encoded(QStringLiteral("山田 x")) + QStringLiteral("&trade_from=2026-01-01&format=jsonl"));
    QCOMPARE(jsonl.status, 200);
    QVERIFY(jsonl.body.isEmpty());
    QCOMPARE(exportAuditRow(jsonl.requestId),
             (QStringList{QStringLiteral("admin"), QStringLiteral("payment_export"),
                          QStringLiteral("payments?customer=%E5%B1%B1%E7%94%B0%20x&trade_from=2026-01-01 format=jsonl rows=0"),
                          QStringLiteral("ok"), QStringLiteral("M0001")}));

    const GatewayClient::Response everything = m_users->get(QStringLiteral("admin"), QStringLiteral("/v1/payments/export"));
    QCOMPARE(everything.status, 200);
    QCOMPARE(exportAuditRow(everything.requestId).value(2), QStringLiteral("payments format=jsonl rows=%1").arg(m_all.size()));
}

void TestGatewayExport::badParametersAreRefused_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("named");
    QTest::newRow("unknown format") << QStringLiteral("format=xlsx") << QStringLiteral("format");
    QTest::newRow("empty format") << QStringLiteral("format=") << QStringLiteral("format");
    QTest::newRow("format twice") << QStringLiteral("format=csv&format=csv") << QStringLiteral("format");
    QTest::newRow("a cursor") << QStringLiteral("cursor=abc") << QStringLiteral("cursor");
    QTest::newRow("a limit") << QStringLiteral("limit=10") << QStringLiteral("limit");
    QTest::newRow("the search's own rules") << QStringLiteral("status=99") << QStringLiteral("status");
    QTest::newRow("a bad date") << QStringLiteral("trade_from=2026-02-30") << QStringLiteral("trade_from");
    QTest::newRow("a filter twice") << QStringLiteral("type=02&type=03") << QStringLiteral("type");
}

void TestGatewayExport::badParametersAreRefused()
{
    QFETCH(QString, query);
    QFETCH(QString, named);
    const GatewayClient::Response response = m_users->get(QStringLiteral("admin"), QStringLiteral("/v1/payments/export?") + query);
    QCOMPARE(response.status, 400);
    QCOMPARE(response.errorCode(), QStringLiteral("invalid_parameter"));
    QVERIFY2(response.json.value(QLatin1String("error")).toObject().value(QLatin1String("message")).toString().startsWith(named),
             response.body.constData());
    QVERIFY(auditRows(response.requestId).isEmpty());
}

void TestGatewayExport::severalThousandRowsArriveWholeAndUncompressed()
{
    const GatewayClient::Response count = m_users->get(QStringLiteral("admin"), QStringLiteral("/v1/payments/count"));
    const qint64 total = count.json.value(QLatin1String("total")).toInteger();
    QCOMPARE(total, qint64(m_all.size()));
    QVERIFY(total > 2 * 2000); // more than two of the gateway's batches

    // Asked for compression, answered plainly: the export is never compressed.
    GatewayClient &admin = m_users->client(QStringLiteral("admin"));
    const QList<std::pair<QByteArray, QByteArray>> compressed = {{QByteArrayLiteral("Accept-Encoding"), QByteArrayLiteral("br, gzip")}};
    for (const QString &format : {QStringLiteral("jsonl"), QStringLiteral("csv")}) {
        const GatewayClient::Response response = GatewayClient::finish(
            {admin.start("GET", QStringLiteral("/v1/payments/export?format=") + format, {}, m_users->token(QStringLiteral("admin")), compressed)})
                                                     .constFirst();
        QCOMPARE(response.status, 200);
        QVERIFY(response.header("Content-Encoding").isEmpty());
        QCOMPARE(response.header("Transfer-Encoding"), QByteArray("chunked"));
        QCOMPARE(exportAuditRow(response.requestId).value(2),
                 QStringLiteral("payments format=%1 rows=%2").arg(format).arg(total));
        if (format == QLatin1String("csv")) {
            QVERIFY(response.body.endsWith("\r\n"));
            QCOMPARE(response.body.count("\r\n"), total + 1); // the header, then one per payment
            continue;
        }
        bool ok = false;
        const QList<QJsonObject> rows = exportedLines(response, &ok);
        QVERIFY(ok);
        QSet<QString> ids;
        for (const QJsonObject &row : rows)
            ids.insert(text(row, "payment_id"));
        QCOMPARE(rows.size(), total);
        QCOMPARE(ids.size(), total);
    }
}

// A client that stops reading and closes the connection ends the export: the gateway stops at
// its next write and audits what it sent as aborted.
// An export request as the admin on socket, read little and slowly so that the gateway's writes
// soon wait for the client; the answer's head (empty when none came).
QByteArray TestGatewayExport::startSlowExport(QSslSocket &socket)
{
    const GatewayFixture::User admin = m_gateway.user(QStringLiteral("admin"));
    QFile p12(admin.p12);
    QSslKey key;
    QSslCertificate certificate;
    if (!p12.open(QIODevice::ReadOnly)
        || !QSslCertificate::importPkcs12(&p12, &key, &certificate, nullptr, admin.p12Passphrase.toUtf8()))
        return {};
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.setCaCertificates(QSslCertificate::fromPath(m_gateway.caPath()));
    ssl.setLocalCertificate(certificate);
    ssl.setPrivateKey(key);
    ssl.setProtocol(QSsl::TlsV1_2OrLater);
    socket.setSslConfiguration(ssl);
    socket.setReadBufferSize(4096);
    socket.connectToHostEncrypted(m_gateway.url().host(), quint16(m_gateway.url().port()));
    if (!socket.waitForEncrypted(10000))
        return {};
    socket.setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 4096);
    const QByteArray request = "GET /v1/payments/export HTTP/1.1\r\nHost: " + m_gateway.url().host().toLatin1()
                               + "\r\nAuthorization: Bearer " + m_users->token(QStringLiteral("admin")).toLatin1() + "\r\n\r\n";
    socket.write(request);
    QByteArray head;
    for (int i = 0; i < 100 && !head.contains("\r\n\r\n"); ++i) {
        if (socket.bytesAvailable() == 0)
            socket.waitForReadyRead(100);
        head += socket.read(2048);
    }
    return head;
}

// Each export holds a read worker while its client reads. A user's third export at once is
// refused 429 too_many_exports with Retry-After, the other requests are served meanwhile, and
// once one of the two ends the next export is taken again.
void TestGatewayExport::slowReadersHoldAtMostTwoExportsPerUser()
{
    // More than the kernel's socket buffers hold (4 MiB to send on this machine), so that an
    // export not read is one still running. The other tests are done with the rows they knew.
    QCOMPARE(m_gateway.seedAuthorizations(QStringLiteral("slow-reader-"), 30000, 1000).size(), 30000);
    QSslSocket first, second, third;
    QVERIFY(startSlowExport(first).startsWith("HTTP/1.1 200"));
    QVERIFY(startSlowExport(second).startsWith("HTTP/1.1 200"));
    const QByteArray refused = startSlowExport(third);
    QVERIFY2(refused.startsWith("HTTP/1.1 429"), refused.constData());
    QVERIFY2(refused.contains("too_many_exports"), refused.constData());
    QVERIFY2(refused.toLower().contains("retry-after: 10"), refused.constData());
    QCOMPARE(m_users->get(QStringLiteral("admin"), QStringLiteral("/v1/payments/count")).status, 200);

    first.abort();
    bool again = false;
    for (int i = 0; i < 50 && !again; ++i) {
        QSslSocket next;
        const QByteArray head = startSlowExport(next);
        again = head.startsWith("HTTP/1.1 200");
        next.abort();
        if (!again)
            QTest::qWait(100);
    }
    QVERIFY2(again, "no export slot came back after a reader went away");
    second.abort();
}

void TestGatewayExport::aClientThatGoesAwayStopsTheExport()
{
    QSslSocket socket;
    const QByteArray head = startSlowExport(socket);
    QVERIFY2(head.startsWith("HTTP/1.1 200"), head.constData());
    QByteArray requestId;
    for (const QByteArray &line : head.split('\n')) {
        if (line.toLower().startsWith("x-request-id:"))
            requestId = line.mid(13).trimmed();
    }
    QVERIFY(!requestId.isEmpty());
    socket.abort();

    const QStringList row = exportAuditRow(requestId);
    QCOMPARE(row.value(1), QStringLiteral("payment_export"));
    QCOMPARE(row.value(3), QStringLiteral("aborted"));
    const qint64 rows = row.value(2).section(QStringLiteral("rows="), 1).toLongLong();
    QVERIFY2(rows < m_all.size(), qPrintable(row.value(2)));

    // The gateway carries on.
    QCOMPARE(m_users->get(QStringLiteral("admin"), QStringLiteral("/v1/payments/count")).status, 200);
}

QTEST_GUILESS_MAIN(TestGatewayExport)
#include "tst_gatewayexport.moc"
