#include "gatewayclient.h"
#include "gatewayfixture.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QSet>
#include <QTest>

namespace {

struct Row
{
    QString paymentId;
    QString tradingId;
    QString type;
    int status = 0;
    qint64 amount = 0;
    QString institution;
    QString tradeTime;
};

Row rowFrom(const QJsonObject &o)
{
    return {o.value(QLatin1String("payment_id")).toString(),
            o.value(QLatin1String("trading_id")).toString(),
            o.value(QLatin1String("type")).toString(),
            o.value(QLatin1String("status")).toInt(),
            o.value(QLatin1String("amount")).toInteger(),
            o.value(QLatin1String("institution")).toString(),
            o.value(QLatin1String("trade_time")).toString()};
}

} // namespace

class TestGatewayPayments : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void keysetPagingSeesEveryPaymentOnceNewestFirst();
    void totalIsAbsentWithCountFalse();
    void filterByTradingIdExactAndPrefix();
    void filterByPaymentId();
    void filterByStatusList();
    void filterByTypeList();
    void invalidParametersAreRefused_data();
    void invalidParametersAreRefused();
    void generalUserSeesOnlyPermittedTypes();
    void brochurePaymentsArePresent();
    void keepAliveRoundTrips();

private:
    // Every page of a query; rows in the order the gateway sent them.
    QList<Row> fetchAll(GatewayClient &client, const QString &token, const QString &query, int limit, qint64 *total = nullptr);

    GatewayFixture m_gateway;
    std::optional<GatewayClient> m_admin;
    QString m_adminToken;
    QList<Row> m_all;
};

QList<Row> TestGatewayPayments::fetchAll(GatewayClient &client, const QString &token, const QString &query, int limit, qint64 *total)
{
    QList<Row> rows;
    QString cursor;
    for (int page = 0; page < 10000; ++page) {
        QString path = QStringLiteral("/v1/payments?limit=%1").arg(limit);
        if (!query.isEmpty())
            path += u'&' + query;
        if (!cursor.isEmpty())
            path += QStringLiteral("&cursor=") + cursor;
        const GatewayClient::Response response = client.get(path, token);
        if (response.status != 200) {
            qWarning() << "page failed" << response.status << response.body;
            return {};
        }
        if (page == 0 && total)
            *total = response.json.value(QLatin1String("total")).toInteger(-1);
        const QJsonArray items = response.json.value(QLatin1String("items")).toArray();
        if (items.size() > limit) {
            qWarning() << "page larger than limit";
            return {};
        }
        for (const QJsonValue &item : items)
            rows.append(rowFrom(item.toObject()));
        const QJsonValue next = response.json.value(QLatin1String("next_cursor"));
        if (next.isNull())
            break;
        cursor = next.toString();
    }
    return rows;
}

void TestGatewayPayments::initTestCase()
{
    QVERIFY2(m_gateway.start(2000, 7), qPrintable(m_gateway.error()));
    const GatewayFixture::User admin = m_gateway.user(QStringLiteral("admin"));
    m_admin.emplace(m_gateway.url(), m_gateway.caPath());
    QVERIFY(m_admin->setIdentity(admin.p12, admin.p12Passphrase));
    m_adminToken = m_admin->login(admin.loginId, admin.password);
    QVERIFY(!m_adminToken.isEmpty());
}

void TestGatewayPayments::keysetPagingSeesEveryPaymentOnceNewestFirst()
{
    qint64 total = -1;
    m_all = fetchAll(*m_admin, m_adminToken, QString(), 173, &total);
    QCOMPARE(total, 2000);
    QCOMPARE(m_all.size(), 2000);
    QSet<QString> seen;
    for (qsizetype i = 0; i < m_all.size(); ++i) {
        QVERIFY2(!seen.contains(m_all.at(i).paymentId), qPrintable(m_all.at(i).paymentId));
        seen.insert(m_all.at(i).paymentId);
        QCOMPARE(m_all.at(i).paymentId.size(), 18);
        if (i > 0) {
            const Row &previous = m_all.at(i - 1);
            const Row &row = m_all.at(i);
            // ISO times of one format compare as text; ids of equal length too.
            QVERIFY(previous.tradeTime > row.tradeTime
                    || (previous.tradeTime == row.tradeTime && previous.paymentId > row.paymentId));
        }
    }
    QSet<QString> types;
    QSet<int> statuses;
    for (const Row &row : std::as_const(m_all)) {
        types.insert(row.type);
        statuses.insert(row.status);
    }
    QCOMPARE(types, (QSet<QString>{QStringLiteral("01"), QStringLiteral("02"), QStringLiteral("03"), QStringLiteral("05")}));
    QVERIFY(statuses.size() >= 10);
}

void TestGatewayPayments::totalIsAbsentWithCountFalse()
{
    const GatewayClient::Response counted = m_admin->get(QStringLiteral("/v1/payments?limit=5"), m_adminToken);
    QCOMPARE(counted.status, 200);
    QCOMPARE(counted.json.value(QLatin1String("total")).toInteger(), 2000);
    const GatewayClient::Response uncounted = m_admin->get(QStringLiteral("/v1/payments?limit=5&count=false"), m_adminToken);
    QCOMPARE(uncounted.status, 200);
    QVERIFY(!uncounted.json.contains(QLatin1String("total")));
    QCOMPARE(uncounted.json.value(QLatin1String("items")).toArray().size(), 5);
    QCOMPARE(uncounted.json.value(QLatin1String("items")), counted.json.value(QLatin1String("items")));
}

void TestGatewayPayments::filterByTradingIdExactAndPrefix()
{
    QVERIFY(!m_all.isEmpty());
    const QString someId = m_all.at(700).tradingId;
    const QList<Row> exact = fetchAll(*m_admin, m_adminToken, QStringLiteral("trading_id=") + someId, 100);
    QVERIFY(!exact.isEmpty());
    for (const Row &row : exact)
        QCOMPARE(row.tradingId, someId);

    const QString prefix = someId.left(9); // "ORDyyyymm": one month
    qint64 total = -1;
    const QList<Row> byPrefix = fetchAll(*m_admin, m_adminToken, QStringLiteral("trading_id=") + prefix + u'*', 50, &total);
    qsizetype expected = 0;
    for (const Row &row : std::as_const(m_all))
        expected += row.tradingId.startsWith(prefix) ? 1 : 0;
    QVERIFY(expected > 1);
    QCOMPARE(byPrefix.size(), expected);
    QCOMPARE(total, expected);
    for (const Row &row : byPrefix)
        QVERIFY(row.tradingId.startsWith(prefix));
}

void TestGatewayPayments::filterByPaymentId()
{
    const Row &target = m_all.at(1234);
    const GatewayClient::Response response = m_admin->get(QStringLiteral("/v1/payments?payment_id=") + target.paymentId, m_adminToken);
    QCOMPARE(response.status, 200);
    const QJsonArray items = response.json.value(QLatin1String("items")).toArray();
    QCOMPARE(items.size(), 1);
    QCOMPARE(rowFrom(items.first().toObject()).paymentId, target.paymentId);
    QVERIFY(response.json.value(QLatin1String("next_cursor")).isNull());
}

void TestGatewayPayments::filterByStatusList()
{
    qint64 total = -1;
    const QList<Row> rows = fetchAll(*m_admin, m_adminToken, QStringLiteral("status=20,40"), 400, &total);
    qsizetype expected = 0;
    for (const Row &row : std::as_const(m_all))
        expected += (row.status == 20 || row.status == 40) ? 1 : 0;
    QVERIFY(expected > 0);
    QCOMPARE(rows.size(), expected);
    QCOMPARE(total, expected);
    for (const Row &row : rows)
        QVERIFY(row.status == 20 || row.status == 40);
}

void TestGatewayPayments::filterByTypeList()
{
    qint64 total = -1;
    const QList<Row> rows = fetchAll(*m_admin, m_adminToken, QStringLiteral("type=01,05"), 400, &total);
    qsizetype expected = 0;
    for (const Row &row : std::as_const(m_all))
        expected += (row.type == QLatin1String("01") || row.type == QLatin1String("05")) ? 1 : 0;
    QVERIFY(expected > 0);
    QCOMPARE(rows.size(), expected);
    QCOMPARE(total, expected);
    for (const Row &row : rows)
        QVERIFY(row.type == QLatin1String("01") || row.type == QLatin1String("05"));
}

void TestGatewayPayments::invalidParametersAreRefused_data()
{
    QTest::addColumn<QString>("query");
    QTest::newRow("limit 0") << QStringLiteral("limit=0");
    QTest::newRow("limit 1001") << QStringLiteral("limit=1001");
    QTest::newRow("limit text") << QStringLiteral("limit=ten");
    QTest::newRow("unknown status") << QStringLiteral("status=20,99");
    QTest::newRow("unknown type") << QStringLiteral("type=04");
    QTest::newRow("garbage cursor") << QStringLiteral("cursor=!!!");
    QTest::newRow("trading id character") << QStringLiteral("trading_id=ORD-1");
    QTest::newRow("payment id letters") << QStringLiteral("payment_id=12ab");
    QTest::newRow("count word") << QStringLiteral("count=no");
    QTest::newRow("limit twice") << QStringLiteral("limit=1&limit=2");
}

void TestGatewayPayments::invalidParametersAreRefused()
{
    QFETCH(QString, query);
    const GatewayClient::Response response = m_admin->get(QStringLiteral("/v1/payments?") + query, m_adminToken);
    QCOMPARE(response.status, 400);
    QCOMPARE(response.errorCode(), QStringLiteral("invalid_parameter"));
    const QJsonObject error = response.json.value(QLatin1String("error")).toObject();
    QVERIFY(!error.value(QLatin1String("message")).toString().isEmpty());
    QCOMPARE(error.value(QLatin1String("request_id")).toString(), QString::fromLatin1(response.requestId));
    QVERIFY(!response.requestId.isEmpty());
}

void TestGatewayPayments::generalUserSeesOnlyPermittedTypes()
{
    const GatewayFixture::User staffUser = m_gateway.user(QStringLiteral("staff"));
    QStringList visible;
    for (const QString &permission : staffUser.permissions) {
        if (permission.startsWith(QLatin1String("view:")))
            visible.append(permission.mid(5));
    }
    QVERIFY(!visible.isEmpty());
    QVERIFY2(visible.size() < 4, "the demo general user should not see every type");

    GatewayClient staff(m_gateway.url(), m_gateway.caPath());
    QVERIFY(staff.setIdentity(staffUser.p12, staffUser.p12Passphrase));
    const QString token = staff.login(staffUser.loginId, staffUser.password);
    QVERIFY(!token.isEmpty());

    qint64 total = -1;
    const QList<Row> rows = fetchAll(staff, token, QString(), 1000, &total);
    qsizetype expected = 0;
    for (const Row &row : std::as_const(m_all))
        expected += visible.contains(row.type) ? 1 : 0;
    QCOMPARE(rows.size(), expected);
    QCOMPARE(total, expected);
    for (const Row &row : rows)
        QVERIFY(visible.contains(row.type));

    // Asking for a forbidden type finds nothing rather than failing.
    const GatewayClient::Response forbidden = staff.get(QStringLiteral("/v1/payments?type=01"), token);
    QCOMPARE(forbidden.status, 200);
    QCOMPARE(forbidden.json.value(QLatin1String("total")).toInteger(), 0);
    QVERIFY(forbidden.json.value(QLatin1String("items")).toArray().isEmpty());
}

void TestGatewayPayments::brochurePaymentsArePresent()
{
    struct Expected
    {
        const char *tradingId;
        const char *type;
        int status;
        qint64 amount;
    };
    const Expected brochure[] = {{"paygent01", "05", 40, 1200},
                                 {"paygent02", "02", 20, 6300},
                                 {"paygent03", "03", 40, 12000},
                                 {"paygent04", "03", 10, 8000},
                                 {"paygent05", "01", 40, 25000}};
    for (const Expected &e : brochure) {
        const GatewayClient::Response response
            = m_admin->get(QStringLiteral("/v1/payments?trading_id=") + QLatin1String(e.tradingId), m_adminToken);
        QCOMPARE(response.status, 200);
        const QJsonArray items = response.json.value(QLatin1String("items")).toArray();
        QCOMPARE(items.size(), 1);
        const Row row = rowFrom(items.first().toObject());
        QCOMPARE(row.type, QLatin1String(e.type));
        QCOMPARE(row.status, e.status);
        QCOMPARE(row.amount, e.amount);
    }
    const auto institution = [this](const char *tradingId) {
        return rowFrom(m_admin->get(QStringLiteral("/v1/payments?trading_id=") + QLatin1String(tradingId), m_adminToken)
                           .json.value(QLatin1String("items")).toArray().first().toObject())
            .institution;
    };
    QCOMPARE(institution("paygent01"), QStringLiteral("三菱東京UFJ"));
    QCOMPARE(institution("paygent02"), QStringLiteral("VISA"));
    QCOMPARE(institution("paygent03"), QStringLiteral("ローソン"));
    QCOMPARE(institution("paygent05"), QStringLiteral("郵貯ATM"));
}

void TestGatewayPayments::keepAliveRoundTrips()
{
    // Not a timed assertion: it shows in the output whether Nagle is off and keep-alive holds.
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < 200; ++i)
        QCOMPARE(m_admin->get(QStringLiteral("/v1/payments?limit=1"), m_adminToken).status, 200);
    qInfo("200 sequential keep-alive requests: %.3f ms each", double(timer.nsecsElapsed()) / 1e6 / 200.0);
    QVERIFY(m_gateway.serverLog().count("path=/v1/payments") >= 200);
}

QTEST_GUILESS_MAIN(TestGatewayPayments)
#include "tst_gatewaypayments.moc"
