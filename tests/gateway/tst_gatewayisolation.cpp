#include "gatewayclient.h"
#include "gatewayfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <memory>

namespace {

constexpr int Payments = 120;
constexpr int SecondMerchantPayments = 50;

} // namespace

// Two merchants on one gateway: neither sees, nor can touch, the other's payments and users;
// every attempt answers 404 exactly like a missing id and is written to the asker's audit log.
class TestGatewayIsolation : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void demoListsBothMerchantsUsers();
    void searchShowsOnlyOwnPayments();
    void paymentOfAnotherMerchantIsNotFoundAndAudited();
    void userOfAnotherMerchantIsNotFoundAndAudited_data();
    void userOfAnotherMerchantIsNotFoundAndAudited();
    void refusalsStayInTheAskersAuditLog();

private:
    GatewayClient::Response send(const QString &loginId, const QByteArray &verb, const QString &path, const QByteArray &body = {});
    QJsonArray audit(const QString &loginId, const QString &query);

    GatewayFixture m_gateway;
    std::unique_ptr<GatewayClient> m_admin;
    std::unique_ptr<GatewayClient> m_admin2;
    QString m_adminToken;
    QString m_admin2Token;
};

GatewayClient::Response TestGatewayIsolation::send(const QString &loginId, const QByteArray &verb, const QString &path,
                                                   const QByteArray &body)
{
    const bool first = loginId == QLatin1String("admin");
    GatewayClient &client = first ? *m_admin : *m_admin2;
    return GatewayClient::finish({client.start(verb, path, body, first ? m_adminToken : m_admin2Token)}).first();
}

QJsonArray TestGatewayIsolation::audit(const QString &loginId, const QString &query)
{
    const GatewayClient::Response response = send(loginId, "GET", QStringLiteral("/v1/audit?") + query);
    if (response.status != 200)
        qWarning() << "audit query failed" << response.status << response.body;
    return response.json.value(QLatin1String("items")).toArray();
}

void TestGatewayIsolation::initTestCase()
{
    QVERIFY2(m_gateway.start(Payments), qPrintable(m_gateway.error()));
    for (auto [loginId, client, token] : {std::tuple{QStringLiteral("admin"), &m_admin, &m_adminToken},
                                          std::tuple{QStringLiteral("admin2"), &m_admin2, &m_admin2Token}}) {
        const GatewayFixture::User user = m_gateway.user(loginId);
        *client = std::make_unique<GatewayClient>(m_gateway.url(), m_gateway.caPath());
        QVERIFY((*client)->setIdentity(user.p12, user.p12Passphrase));
        *token = (*client)->login(loginId, user.password);
        QVERIFY2(!token->isEmpty(), qPrintable(loginId));
    }
}

void TestGatewayIsolation::demoListsBothMerchantsUsers()
{
    const GatewayFixture::User admin2 = m_gateway.user(QStringLiteral("admin2"));
    QCOMPARE(admin2.merchantId, QStringLiteral("M0002"));
    QCOMPARE(admin2.role, QStringLiteral("admin"));
    QVERIFY(admin2.permissions.contains(QStringLiteral("manage_users")));
    const GatewayFixture::User viewer = m_gateway.user(QStringLiteral("viewer"));
    QCOMPARE(viewer.merchantId, QStringLiteral("M0001"));
    QCOMPARE(viewer.permissions, QStringList{QStringLiteral("view:02")});
    QCOMPARE(m_gateway.user(QStringLiteral("admin")).merchantId, QStringLiteral("M0001"));
    QCOMPARE(m_gateway.user(QStringLiteral("staff")).merchantId, QStringLiteral("M0001"));

    const GatewayClient::Response me = send(QStringLiteral("admin2"), "GET", QStringLiteral("/v1/me"));
    QCOMPARE(me.json.value(QLatin1String("merchant")).toObject().value(QLatin1String("name")).toString(), QStringLiteral("サンプル商店"));
}

void TestGatewayIsolation::searchShowsOnlyOwnPayments()
{
    const GatewayClient::Response first = send(QStringLiteral("admin"), "GET", QStringLiteral("/v1/payments?limit=1000"));
    const GatewayClient::Response second = send(QStringLiteral("admin2"), "GET", QStringLiteral("/v1/payments?limit=1000"));
    QCOMPARE(first.json.value(QLatin1String("total")).toInt(), Payments);
    QCOMPARE(second.json.value(QLatin1String("total")).toInt(), SecondMerchantPayments);
    QSet<QString> firstIds;
    for (const QJsonValue &item : first.json.value(QLatin1String("items")).toArray())
        firstIds.insert(item.toObject().value(QLatin1String("payment_id")).toString());
    for (const QJsonValue &item : second.json.value(QLatin1String("items")).toArray())
        QVERIFY(!firstIds.contains(item.toObject().value(QLatin1String("payment_id")).toString()));
    // The brochure trading ids exist in both merchants; each sees only its own.
    const GatewayClient::Response own = send(QStringLiteral("admin2"), "GET", QStringLiteral("/v1/payments?trading_id=paygent02"));
    QCOMPARE(own.json.value(QLatin1String("items")).toArray().size(), 1);
    QVERIFY(!firstIds.contains(own.json.value(QLatin1String("items")).toArray().first().toObject().value(QLatin1String("payment_id")).toString()));
}

void TestGatewayIsolation::paymentOfAnotherMerchantIsNotFoundAndAudited()
{
    const GatewayClient::Response page = send(QStringLiteral("admin"), "GET", QStringLiteral("/v1/payments?limit=1"));
    const QString paymentId = page.json.value(QLatin1String("items")).toArray().first().toObject().value(QLatin1String("payment_id")).toString();
    QVERIFY(!paymentId.isEmpty());
    QCOMPARE(send(QStringLiteral("admin"), "GET", QStringLiteral("/v1/payments/") + paymentId).status, 200);

    const GatewayClient::Response foreign = send(QStringLiteral("admin2"), "GET", QStringLiteral("/v1/payments/") + paymentId);
    const GatewayClient::Response missing = send(QStringLiteral("admin2"), "GET", QStringLiteral("/v1/payments/999999999999"));
    QCOMPARE(foreign.status, 404);
    QCOMPARE(foreign.errorCode(), QStringLiteral("not_found"));
    // Indistinguishable from an id that does not exist at all.
    QCOMPARE(foreign.status, missing.status);
    QCOMPARE(foreign.json.value(QLatin1String("error")).toObject().value(QLatin1String("message")),
             missing.json.value(QLatin1String("error")).toObject().value(QLatin1String("message")));

    const QJsonObject entry = audit(QStringLiteral("admin2"), QStringLiteral("action=payment_view&limit=2")).at(1).toObject();
    QCOMPARE(entry.value(QLatin1String("login_id")).toString(), QStringLiteral("admin2"));
    QCOMPARE(entry.value(QLatin1String("target")).toString(), QStringLiteral("payment:") + paymentId);
    QCOMPARE(entry.value(QLatin1String("result")).toString(), QStringLiteral("not_found"));
    QCOMPARE(entry.value(QLatin1String("request_id")).toString(), QString::fromLatin1(foreign.requestId));
}

void TestGatewayIsolation::userOfAnotherMerchantIsNotFoundAndAudited_data()
{
    QTest::addColumn<QByteArray>("verb");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("action");
    QTest::newRow("patch") << QByteArray("PATCH") << QStringLiteral("/v1/users/staff") << QByteArray(R"({"enabled":false})")
                           << QStringLiteral("user_update");
    QTest::newRow("unlock") << QByteArray("POST") << QStringLiteral("/v1/users/staff/unlock") << QByteArray("{}")
                            << QStringLiteral("user_unlock");
    QTest::newRow("issue certificate") << QByteArray("POST") << QStringLiteral("/v1/users/admin/certificate")
                                       << QByteArray("{}") << QStringLiteral("certificate_issue");
    QTest::newRow("revoke certificate") << QByteArray("DELETE") << QStringLiteral("/v1/users/admin/certificate")
                                        << QByteArray() << QStringLiteral("certificate_revoke");
}

void TestGatewayIsolation::userOfAnotherMerchantIsNotFoundAndAudited()
{
    QFETCH(QByteArray, verb);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(QString, action);

    const GatewayClient::Response response = send(QStringLiteral("admin2"), verb, path, body);
    QCOMPARE(response.status, 404);
    QCOMPARE(response.errorCode(), QStringLiteral("not_found"));
    const QJsonObject entry = audit(QStringLiteral("admin2"), QStringLiteral("action=") + action + QStringLiteral("&limit=1")).first().toObject();
    QCOMPARE(entry.value(QLatin1String("result")).toString(), QStringLiteral("not_found"));
    QCOMPARE(entry.value(QLatin1String("request_id")).toString(), QString::fromLatin1(response.requestId));

    // And nothing happened to M0001's users: staff and admin still work.
    const GatewayClient::Response users = send(QStringLiteral("admin"), "GET", QStringLiteral("/v1/users"));
    for (const QJsonValue &item : users.json.value(QLatin1String("items")).toArray()) {
        const QJsonObject user = item.toObject();
        QVERIFY(user.value(QLatin1String("enabled")).toBool());
        QCOMPARE(user.value(QLatin1String("certificate")).toObject().value(QLatin1String("revoked")).toBool(), false);
    }
    QCOMPARE(send(QStringLiteral("admin"), "GET", QStringLiteral("/v1/me")).status, 200);
}

void TestGatewayIsolation::refusalsStayInTheAskersAuditLog()
{
    // M0001's log has no trace of M0002's attempts, and the other way round.
    for (const QJsonValue &item : audit(QStringLiteral("admin"), QStringLiteral("limit=1000")))
        QVERIFY(item.toObject().value(QLatin1String("login_id")).toString() != QLatin1String("admin2"));
    for (const QJsonValue &item : audit(QStringLiteral("admin2"), QStringLiteral("limit=1000")))
        QCOMPARE(item.toObject().value(QLatin1String("login_id")).toString(), QStringLiteral("admin2"));
}

QTEST_GUILESS_MAIN(TestGatewayIsolation)
#include "tst_gatewayisolation.moc"
