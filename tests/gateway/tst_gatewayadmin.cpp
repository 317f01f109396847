#include "gatewayclient.h"
#include "gatewayfixture.h"
#include "gatewayusers.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSslCertificate>
#include <QSslKey>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <map>
#include <memory>

namespace {

constexpr int Payments = 200;

QStringList strings(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &item : value.toArray())
        list.append(item.toString());
    return list;
}

QJsonObject findUser(const QJsonArray &items, const QString &loginId)
{
    for (const QJsonValue &item : items) {
        if (item.toObject().value(QLatin1String("login_id")).toString() == loginId)
            return item.toObject();
    }
    return {};
}

} // namespace

// User administration, certificates and the audit log of kessai-gateway, end to end.
class TestGatewayAdmin : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void permissionMatrix_data();
    void permissionMatrix();
    void viewerSeesOnlyCardPaymentsAndMayNotCapture();
    void listShowsUsersOfOwnMerchantWithCertificates();
    void createRejectsInvalidInput_data();
    void createRejectsInvalidInput();
    void createdUserLogsInWithIssuedCertificate();
    void patchChangesRoleAndPermissions();
    void adminCannotLockThemselvesOut();
    void generalUserAdministratorCannotExceedOwnRights();
    void disablingEndsSessionsAndRefusesLogin();
    void unlockEndsLockout();
    void reissueRevokesOldCertificateAtHandshakeAndEndsItsSessions();
    void revokeRefusesHandshakeAndEndsSessions();
    void auditRecordsLoginsMismatchAndLogout();
    void auditPagesNewestFirstWithoutGapsOrRepeats();
    void auditFilters();
    void auditFindsWhatAnEntryIsAbout();
    void auditRejectsBadParameters_data();
    void auditRejectsBadParameters();

private:
    GatewayClient &client(const QString &loginId) { return m_users.client(loginId); }
    QString token(const QString &loginId) { return m_users.token(loginId); }
    GatewayClient::Response patch(const QString &asUser, const QString &path, const QJsonObject &body);
    // Decodes an issued PKCS#12, checks Qt can import it, and stores it as a file.
    QString storeIssued(const GatewayClient::Response &issued, const QString &name);
    QJsonArray audit(const QString &query);

    GatewayFixture m_gateway;
    QTemporaryDir m_files;
    GatewayUsers m_users{m_gateway};
    QString m_clerkP12;
    QString m_clerkPassphrase;
};

GatewayClient::Response TestGatewayAdmin::patch(const QString &asUser, const QString &path, const QJsonObject &body)
{
    GatewayClient &c = client(asUser);
    return GatewayClient::finish({c.start("PATCH", path, QJsonDocument(body).toJson(QJsonDocument::Compact), token(asUser))})
        .first();
}

QString TestGatewayAdmin::storeIssued(const GatewayClient::Response &issued, const QString &name)
{
    const QByteArray p12 = QByteArray::fromBase64(issued.json.value(QLatin1String("p12")).toString().toLatin1());
    const QString passphrase = issued.json.value(QLatin1String("passphrase")).toString();
    if (p12.isEmpty() || passphrase.size() < 16)
        return {};
    QBuffer buffer;
    buffer.setData(p12);
    if (!buffer.open(QIODevice::ReadOnly))
        return {};
    QSslKey key;
    QSslCertificate certificate;
    if (!QSslCertificate::importPkcs12(&buffer, &key, &certificate, nullptr, passphrase.toUtf8()))
        return {};
    const QString fingerprint = QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex());
    if (fingerprint != issued.json.value(QLatin1String("fingerprint")).toString())
        return {};
    const QString path = m_files.filePath(name + QStringLiteral(".p12"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(p12) != p12.size())
        return {};
    return path;
}

QJsonArray TestGatewayAdmin::audit(const QString &query)
{
    const GatewayClient::Response response = client(QStringLiteral("admin")).get(QStringLiteral("/v1/audit?") + query,
                                                                                token(QStringLiteral("admin")));
    if (response.status != 200)
        qWarning() << "audit query failed" << response.status << response.body;
    return response.json.value(QLatin1String("items")).toArray();
}

void TestGatewayAdmin::initTestCase()
{
    QVERIFY(m_files.isValid());
    QVERIFY2(m_gateway.start(Payments), qPrintable(m_gateway.error()));
    for (const QString &loginId : {QStringLiteral("admin"), QStringLiteral("staff"), QStringLiteral("viewer"), QStringLiteral("admin2")})
        QVERIFY2(!token(loginId).isEmpty(), qPrintable(loginId));
}

void TestGatewayAdmin::permissionMatrix_data()
{
    QTest::addColumn<QString>("loginId");
    QTest::addColumn<QByteArray>("verb");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("adminStatus");

    // Bodies and targets chosen so that an admin's call changes nothing: the 403 of the others
    // must come before any validation or lookup.
    const QByteArray weakCreate = R"({"login_id":"matrix1","name":"x","role":"general","password":"short"})";
    const QByteArray sameName = R"({"name":"担当 花子"})";
    struct Endpoint
    {
        const char *name;
        QByteArray verb;
        QString path;
        QByteArray body;
        int adminStatus;
    };
    const QList<Endpoint> endpoints = {
        {"list users", "GET", QStringLiteral("/v1/users"), {}, 200},
        {"create user", "POST", QStringLiteral("/v1/users"), weakCreate, 400},
        {"patch user", "PATCH", QStringLiteral("/v1/users/staff"), sameName, 200},
        {"unlock", "POST", QStringLiteral("/v1/users/nosuchuser/unlock"), "{}", 404},
        {"issue certificate", "POST", QStringLiteral("/v1/users/nosuchuser/certificate"), "{}", 404},
        {"revoke certificate", "DELETE", QStringLiteral("/v1/users/nosuchuser/certificate"), {}, 404},
        {"audit", "GET", QStringLiteral("/v1/audit?limit=1"), {}, 200},
    };
    for (const QString &user : {QStringLiteral("admin"), QStringLiteral("staff"), QStringLiteral("viewer")}) {
        for (const Endpoint &endpoint : endpoints) {
            QTest::addRow("%s %s", qPrintable(user), endpoint.name)
                << user << endpoint.verb << endpoint.path << endpoint.body
                << (user == QLatin1String("admin") ? endpoint.adminStatus : 403);
        }
    }
}

void TestGatewayAdmin::permissionMatrix()
{
    QFETCH(QString, loginId);
    QFETCH(QByteArray, verb);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(int, adminStatus);

    GatewayClient &c = client(loginId);
    const GatewayClient::Response response = GatewayClient::finish({c.start(verb, path, body, token(loginId))}).first();
    QCOMPARE(response.status, adminStatus);
    if (adminStatus == 403)
        QCOMPARE(response.errorCode(), QStringLiteral("forbidden"));

    // Without a session nothing is reachable, whatever the certificate.
    const GatewayClient::Response anonymous = GatewayClient::finish({c.start(verb, path, body, QString())}).first();
    QCOMPARE(anonymous.status, 401);
}

void TestGatewayAdmin::viewerSeesOnlyCardPaymentsAndMayNotCapture()
{
    GatewayClient &viewer = client(QStringLiteral("viewer"));
    const GatewayClient::Response page = viewer.get(QStringLiteral("/v1/payments?limit=1000"), token(QStringLiteral("viewer")));
    QCOMPARE(page.status, 200);
    const QJsonArray items = page.json.value(QLatin1String("items")).toArray();
    QVERIFY(!items.isEmpty());
    QString authorizedCard;
    for (const QJsonValue &item : items) {
        QCOMPARE(item.toObject().value(QLatin1String("type")).toString(), QStringLiteral("02"));
        if (item.toObject().value(QLatin1String("status")).toInt() == 20)
            authorizedCard = item.toObject().value(QLatin1String("payment_id")).toString();
    }
    QVERIFY(!authorizedCard.isEmpty());

    // The same authorized card payment: the admin may capture it, the viewer may only look.
    const GatewayClient::Response asViewer = viewer.get(QStringLiteral("/v1/payments/") + authorizedCard,
                                                        token(QStringLiteral("viewer")));
    QCOMPARE(asViewer.status, 200);
    QCOMPARE(strings(asViewer.json.value(QLatin1String("actions"))), QStringList());
    const GatewayClient::Response asAdmin = client(QStringLiteral("admin")).get(QStringLiteral("/v1/payments/") + authorizedCard,
                                                                               token(QStringLiteral("admin")));
    QVERIFY(strings(asAdmin.json.value(QLatin1String("actions"))).contains(QStringLiteral("capture")));

    // Another type of the viewer's own merchant is as invisible as a missing payment.
    const GatewayClient::Response atm = client(QStringLiteral("admin")).get(QStringLiteral("/v1/payments?type=01&limit=1"),
                                                                           token(QStringLiteral("admin")));
    const QString atmId = atm.json.value(QLatin1String("items")).toArray().first().toObject().value(QLatin1String("payment_id")).toString();
    QVERIFY(!atmId.isEmpty());
    QCOMPARE(viewer.get(QStringLiteral("/v1/payments/") + atmId, token(QStringLiteral("viewer"))).status, 404);

    const GatewayClient::Response me = viewer.get(QStringLiteral("/v1/me"), token(QStringLiteral("viewer")));
    QCOMPARE(strings(me.json.value(QLatin1String("permissions"))), QStringList{QStringLiteral("view:02")});
}

void TestGatewayAdmin::listShowsUsersOfOwnMerchantWithCertificates()
{
    const GatewayClient::Response list = client(QStringLiteral("admin")).get(QStringLiteral("/v1/users"), token(QStringLiteral("admin")));
    QCOMPARE(list.status, 200);
    const QJsonArray items = list.json.value(QLatin1String("items")).toArray();
    QStringList ids;
    for (const QJsonValue &item : items)
        ids.append(item.toObject().value(QLatin1String("login_id")).toString());
    QVERIFY(ids.contains(QStringLiteral("admin")));
    QVERIFY(ids.contains(QStringLiteral("staff")));
    QVERIFY(ids.contains(QStringLiteral("viewer")));
    QVERIFY(!ids.contains(QStringLiteral("admin2")));

    const QJsonObject staff = findUser(items, QStringLiteral("staff"));
    QCOMPARE(staff.value(QLatin1String("role")).toString(), QStringLiteral("general"));
    QCOMPARE(strings(staff.value(QLatin1String("permissions"))), m_gateway.user(QStringLiteral("staff")).permissions);
    QCOMPARE(staff.value(QLatin1String("enabled")).toBool(), true);
    QVERIFY(staff.value(QLatin1String("locked_until")).isNull());
    const QJsonObject certificate = staff.value(QLatin1String("certificate")).toObject();
    QCOMPARE(certificate.value(QLatin1String("fingerprint")).toString().size(), 64);
    QCOMPARE(certificate.value(QLatin1String("revoked")).toBool(), false);
    QVERIFY(QDateTime::fromString(certificate.value(QLatin1String("not_after")).toString(), Qt::ISODate) > QDateTime::currentDateTimeUtc());
    // Only whether a reset password waits to be changed; never the password or its hash.
    QCOMPARE(staff.value(QLatin1String("must_change_password")).toBool(), false);
    // staff logged in when the test began: their last login is a moment ago.
    const QDateTime lastLogin = QDateTime::fromString(staff.value(QLatin1String("last_login_at")).toString(), Qt::ISODate);
    QVERIFY2(lastLogin.isValid() && qAbs(lastLogin.secsTo(QDateTime::currentDateTimeUtc())) < 600,
             qPrintable(staff.value(QLatin1String("last_login_at")).toString()));
    QVERIFY(!QByteArray(list.body).replace("\"must_change_password\"", "").contains("password"));

    const GatewayClient::Response other = client(QStringLiteral("admin2")).get(QStringLiteral("/v1/users"), token(QStringLiteral("admin2")));
    QCOMPARE(other.status, 200);
    const QJsonArray otherItems = other.json.value(QLatin1String("items")).toArray();
    QCOMPARE(otherItems.size(), 1);
    QCOMPARE(otherItems.first().toObject().value(QLatin1String("login_id")).toString(), QStringLiteral("admin2"));
}

void TestGatewayAdmin::createRejectsInvalidInput_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");

    const QJsonObject valid{{QStringLiteral("login_id"), QStringLiteral("newuser")},
                            {QStringLiteral("name"), QStringLiteral("新規 ユーザー")},
                            {QStringLiteral("role"), QStringLiteral("general")},
                            {QStringLiteral("permissions"), QJsonArray{QStringLiteral("view:02")}},
                            {QStringLiteral("password"), QStringLiteral("a-long-enough-pass1")}};
    auto with = [&valid](const QString &key, const QJsonValue &value) {
        QJsonObject body = valid;
        body.insert(key, value);
        return body;
    };
    QTest::newRow("login id too short") << with(QStringLiteral("login_id"), QStringLiteral("ab")) << 400 << QStringLiteral("invalid_parameter");
    QTest::newRow("login id too long") << with(QStringLiteral("login_id"), QString(33, u'a')) << 400 << QStringLiteral("invalid_parameter");
    QTest::newRow("login id with space") << with(QStringLiteral("login_id"), QStringLiteral("new user")) << 400 << QStringLiteral("invalid_parameter");
    QTest::newRow("login id with slash") << with(QStringLiteral("login_id"), QStringLiteral("new/user")) << 400 << QStringLiteral("invalid_parameter");
    QTest::newRow("no name") << with(QStringLiteral("name"), QString()) << 400 << QStringLiteral("invalid_parameter");
    QTest::newRow("unknown role") << with(QStringLiteral("role"), QStringLiteral("root")) << 400 << QStringLiteral("invalid_parameter");
    QTest::newRow("unknown permission") << with(QStringLiteral("permissions"), QJsonArray{QStringLiteral("view:99")}) << 400 << QStringLiteral("invalid_parameter");
    QTest::newRow("unknown field") << with(QStringLiteral("superuser"), true) << 400 << QStringLiteral("invalid_parameter");
    QTest::newRow("password too short") << with(QStringLiteral("password"), QStringLiteral("abc123def45")) << 400 << QStringLiteral("weak_password");
    QTest::newRow("password without digits") << with(QStringLiteral("password"), QStringLiteral("onlyletters-here")) << 400 << QStringLiteral("weak_password");
    QTest::newRow("password without letters") << with(QStringLiteral("password"), QStringLiteral("1234567890123")) << 400 << QStringLiteral("weak_password");
    QTest::newRow("duplicate of own merchant") << with(QStringLiteral("login_id"), QStringLiteral("staff")) << 409 << QStringLiteral("conflict");
    QTest::newRow("duplicate of another merchant") << with(QStringLiteral("login_id"), QStringLiteral("admin2")) << 409 << QStringLiteral("conflict");
    // Login ids differ by more than case: `Staff` would be a second `staff` in every list and log.
    QTest::newRow("duplicate in another case") << with(QStringLiteral("login_id"), QStringLiteral("STAFF")) << 409 << QStringLiteral("conflict");
    QTest::newRow("the gateway's own name") << with(QStringLiteral("login_id"), QStringLiteral("system")) << 409 << QStringLiteral("conflict");
    QTest::newRow("the gateway's own name in capitals") << with(QStringLiteral("login_id"), QStringLiteral("System")) << 409 << QStringLiteral("conflict");
}

void TestGatewayAdmin::createRejectsInvalidInput()
{
    QFETCH(QJsonObject, body);
    QFETCH(int, status);
    QFETCH(QString, code);
    const GatewayClient::Response response = client(QStringLiteral("admin")).post(QStringLiteral("/v1/users"), body, token(QStringLiteral("admin")));
    QCOMPARE(response.status, status);
    QCOMPARE(response.errorCode(), code);
    // Refused creations are audited too, with the refusal as the result.
    const QJsonArray entries = audit(QStringLiteral("action=user_create&limit=1"));
    QCOMPARE(entries.first().toObject().value(QLatin1String("result")).toString(), code);
    QCOMPARE(entries.first().toObject().value(QLatin1String("request_id")).toString(), QString::fromLatin1(response.requestId));
}

void TestGatewayAdmin::createdUserLogsInWithIssuedCertificate()
{
    const QString password = QStringLiteral("clerk-password-2026");
    const GatewayClient::Response created = client(QStringLiteral("admin")).post(
        QStringLiteral("/v1/users"),
        QJsonObject{{QStringLiteral("login_id"), QStringLiteral("clerk.1")},
                    {QStringLiteral("name"), QStringLiteral("受付 一郎")},
                    {QStringLiteral("role"), QStringLiteral("general")},
                    {QStringLiteral("permissions"), QJsonArray{QStringLiteral("view:03"), QStringLiteral("view:02")}},
                    {QStringLiteral("password"), password}},
        token(QStringLiteral("admin")));
    QCOMPARE(created.status, 201);
    QCOMPARE(created.json.value(QLatin1String("login_id")).toString(), QStringLiteral("clerk.1"));
    QCOMPARE(strings(created.json.value(QLatin1String("permissions"))), (QStringList{QStringLiteral("view:02"), QStringLiteral("view:03")}));
    QVERIFY(created.json.value(QLatin1String("certificate")).isNull());
    QVERIFY(created.json.value(QLatin1String("last_login_at")).isNull()); // never logged in

    const GatewayClient::Response issued = client(QStringLiteral("admin")).post(QStringLiteral("/v1/users/clerk.1/certificate"), {},
                                                                               token(QStringLiteral("admin")));
    QCOMPARE(issued.status, 201);
    m_clerkP12 = storeIssued(issued, QStringLiteral("clerk1"));
    QVERIFY2(!m_clerkP12.isEmpty(), "the issued PKCS#12 does not import in Qt or does not match its fingerprint");
    m_clerkPassphrase = issued.json.value(QLatin1String("passphrase")).toString();
    QVERIFY(QDateTime::fromString(issued.json.value(QLatin1String("not_after")).toString(), Qt::ISODate) > QDateTime::currentDateTimeUtc());

    GatewayClient clerk(m_gateway.url(), m_gateway.caPath());
    QVERIFY(clerk.setIdentity(m_clerkP12, m_clerkPassphrase));
    const QString clerkToken = clerk.login(QStringLiteral("clerk.1"), password);
    QVERIFY(!clerkToken.isEmpty());
    const GatewayClient::Response me = clerk.get(QStringLiteral("/v1/me"), clerkToken);
    QCOMPARE(me.json.value(QLatin1String("merchant")).toObject().value(QLatin1String("id")).toString(), QStringLiteral("M0001"));
    const GatewayClient::Response clerkNow = client(QStringLiteral("admin")).get(QStringLiteral("/v1/users/clerk.1"),
                                                                                token(QStringLiteral("admin")));
    QVERIFY(!clerkNow.json.value(QLatin1String("last_login_at")).isNull());

    // Neither the passphrase nor the PKCS#12 is kept or logged by the gateway.
    m_gateway.serverLog();
    QVERIFY(!m_gateway.serverLog().contains(m_clerkPassphrase.toUtf8()));
    QVERIFY(!m_gateway.serverLog().contains(password.toUtf8()));
    const QJsonObject entry = audit(QStringLiteral("action=certificate_issue&limit=1")).first().toObject();
    QCOMPARE(entry.value(QLatin1String("result")).toString(), QStringLiteral("ok"));
    QVERIFY(entry.value(QLatin1String("target")).toString().startsWith(QStringLiteral("user:clerk.1")));
}

void TestGatewayAdmin::patchChangesRoleAndPermissions()
{
    GatewayClient::Response changed = patch(QStringLiteral("admin"), QStringLiteral("/v1/users/clerk.1"),
                                            QJsonObject{{QStringLiteral("permissions"), QJsonArray{QStringLiteral("view:02"), QStringLiteral("capture")}},
                                                        {QStringLiteral("name"), QStringLiteral("受付 一郎（売上）")}});
    QCOMPARE(changed.status, 200);
    QCOMPARE(strings(changed.json.value(QLatin1String("permissions"))), (QStringList{QStringLiteral("view:02"), QStringLiteral("capture")}));
    QCOMPARE(changed.json.value(QLatin1String("name")).toString(), QStringLiteral("受付 一郎（売上）"));

    changed = patch(QStringLiteral("admin"), QStringLiteral("/v1/users/clerk.1"), QJsonObject{{QStringLiteral("role"), QStringLiteral("admin")}});
    QCOMPARE(changed.status, 200);
    QVERIFY(strings(changed.json.value(QLatin1String("permissions"))).contains(QStringLiteral("manage_users")));
    changed = patch(QStringLiteral("admin"), QStringLiteral("/v1/users/clerk.1"), QJsonObject{{QStringLiteral("role"), QStringLiteral("general")}});
    QCOMPARE(strings(changed.json.value(QLatin1String("permissions"))), (QStringList{QStringLiteral("view:02"), QStringLiteral("capture")}));

    QCOMPARE(patch(QStringLiteral("admin"), QStringLiteral("/v1/users/clerk.1"), QJsonObject{{QStringLiteral("enabled"), QStringLiteral("no")}}).status, 400);
    QCOMPARE(patch(QStringLiteral("admin"), QStringLiteral("/v1/users/clerk.1"), QJsonObject{{QStringLiteral("password"), QStringLiteral("x")}}).status, 400);
    QCOMPARE(patch(QStringLiteral("admin"), QStringLiteral("/v1/users/clerk.1"), QJsonObject{}).status, 400);
    QCOMPARE(patch(QStringLiteral("admin"), QStringLiteral("/v1/users/nobody"), QJsonObject{{QStringLiteral("name"), QStringLiteral("x")}}).status, 404);
}

void TestGatewayAdmin::adminCannotLockThemselvesOut()
{
    const QString self = QStringLiteral("/v1/users/admin");
    GatewayClient::Response refused = patch(QStringLiteral("admin"), self, QJsonObject{{QStringLiteral("enabled"), false}});
    QCOMPARE(refused.status, 422);
    QCOMPARE(refused.errorCode(), QStringLiteral("self_lockout"));
    refused = patch(QStringLiteral("admin"), self, QJsonObject{{QStringLiteral("role"), QStringLiteral("general")},
                                                              {QStringLiteral("permissions"), QJsonArray{QStringLiteral("view:02")}}});
    QCOMPARE(refused.status, 422);
    QCOMPARE(refused.errorCode(), QStringLiteral("self_lockout"));
    const GatewayClient::Response revoke = client(QStringLiteral("admin")).del(QStringLiteral("/v1/users/admin/certificate"), token(QStringLiteral("admin")));
    QCOMPARE(revoke.status, 422);

    // A general role that keeps manage_users is allowed, and so is renaming oneself.
    GatewayClient::Response allowed = patch(QStringLiteral("admin"), self, QJsonObject{{QStringLiteral("name"), QStringLiteral("管理者 太郎")}});
    QCOMPARE(allowed.status, 200);
    const GatewayClient::Response me = client(QStringLiteral("admin")).get(QStringLiteral("/v1/me"), token(QStringLiteral("admin")));
    QCOMPARE(me.json.value(QLatin1String("role")).toString(), QStringLiteral("admin"));
    QCOMPARE(audit(QStringLiteral("action=user_update&result=self_lockout")).size(), 2);
}

void TestGatewayAdmin::generalUserAdministratorCannotExceedOwnRights()
{
    const QString password = QStringLiteral("deputy-password-2026");
    const QStringList own{QStringLiteral("manage_users"), QStringLiteral("view:02"), QStringLiteral("capture")};
    GatewayClient &admin = client(QStringLiteral("admin"));
    const GatewayClient::Response created = admin.post(
        QStringLiteral("/v1/users"),
        QJsonObject{{QStringLiteral("login_id"), QStringLiteral("deputy.1")},
                    {QStringLiteral("name"), QStringLiteral("副 管理")},
                    {QStringLiteral("role"), QStringLiteral("general")},
                    {QStringLiteral("permissions"), QJsonArray::fromStringList(own)},
                    {QStringLiteral("password"), password}},
        token(QStringLiteral("admin")));
    QCOMPARE(created.status, 201);
    const GatewayClient::Response issued = admin.post(QStringLiteral("/v1/users/deputy.1/certificate"), {}, token(QStringLiteral("admin")));
    QCOMPARE(issued.status, 201);
    const QString p12 = storeIssued(issued, QStringLiteral("deputy1"));
    QVERIFY(!p12.isEmpty());
    GatewayClient deputy(m_gateway.url(), m_gateway.caPath());
    QVERIFY(deputy.setIdentity(p12, issued.json.value(QLatin1String("passphrase")).toString()));
    const QString deputyToken = deputy.login(QStringLiteral("deputy.1"), password);
    QVERIFY(!deputyToken.isEmpty());
    const auto deputyPatch = [&](const QString &path, const QJsonObject &body) {
        return GatewayClient::finish({deputy.start("PATCH", path, QJsonDocument(body).toJson(QJsonDocument::Compact), deputyToken)})
            .first();
    };
    const auto newUser = [&](const QString &loginId, const QString &role, const QStringList &permissions) {
        return deputy.post(QStringLiteral("/v1/users"),
                           QJsonObject{{QStringLiteral("login_id"), loginId},
                                       {QStringLiteral("name"), QStringLiteral("新人")},
                                       {QStringLiteral("role"), role},
                                       {QStringLiteral("permissions"), QJsonArray::fromStringList(permissions)},
                                       {QStringLiteral("password"), QStringLiteral("newcomer-password-2026")}},
                           deputyToken);
    };

    // No admin role and no permission it does not hold, for others or for itself.
    QCOMPARE(newUser(QStringLiteral("boss.1"), QStringLiteral("admin"), {}).status, 403);
    QCOMPARE(newUser(QStringLiteral("canceller.1"), QStringLiteral("general"), {QStringLiteral("view:02"), QStringLiteral("cancel")}).status, 403);
    QCOMPARE(deputyPatch(QStringLiteral("/v1/users/deputy.1"), QJsonObject{{QStringLiteral("role"), QStringLiteral("admin")}}).status, 403);
    QCOMPARE(deputyPatch(QStringLiteral("/v1/users/deputy.1"),
                         QJsonObject{{QStringLiteral("permissions"), QJsonArray::fromStringList(own + QStringList{QStringLiteral("export")})}})
                 .status,
             403);
    // No hand on an admin's account.
    const GatewayClient::Response onAdmin = deputyPatch(QStringLiteral("/v1/users/admin"), QJsonObject{{QStringLiteral("name"), QStringLiteral("x")}});
    QCOMPARE(onAdmin.status, 403);
    QCOMPARE(onAdmin.errorCode(), QStringLiteral("forbidden"));
    QCOMPARE(deputy.post(QStringLiteral("/v1/users/admin/unlock"), {}, deputyToken).status, 403);
    QCOMPARE(deputy.del(QStringLiteral("/v1/users/admin/certificate"), deputyToken).status, 403);
    // Nor on a general user who holds more than it does (staff may cancel and export).
    QCOMPARE(deputy.post(QStringLiteral("/v1/users/staff/certificate"), {}, deputyToken).status, 403);
    QCOMPARE(deputy.post(QStringLiteral("/v1/users/staff/unlock"), {}, deputyToken).status, 403);

    // What it holds, it may hand on; and its own rights are unchanged.
    const GatewayClient::Response allowed = newUser(QStringLiteral("capturer.1"), QStringLiteral("general"),
                                                    {QStringLiteral("view:02"), QStringLiteral("capture")});
    QCOMPARE(allowed.status, 201);
    QCOMPARE(deputy.post(QStringLiteral("/v1/users/capturer.1/unlock"), {}, deputyToken).status, 200);
    const GatewayClient::Response me = deputy.get(QStringLiteral("/v1/me"), deputyToken);
    QCOMPARE(me.json.value(QLatin1String("role")).toString(), QStringLiteral("general"));
    QCOMPARE(strings(me.json.value(QLatin1String("permissions"))).size(), own.size());
    QCOMPARE(audit(QStringLiteral("action=user_update&result=forbidden&login_id=deputy.1")).size(), 3);
    QCOMPARE(audit(QStringLiteral("action=user_create&result=forbidden&login_id=deputy.1")).size(), 2);
}

void TestGatewayAdmin::disablingEndsSessionsAndRefusesLogin()
{
    GatewayClient clerk(m_gateway.url(), m_gateway.caPath());
    QVERIFY(clerk.setIdentity(m_clerkP12, m_clerkPassphrase));
    const QString clerkToken = clerk.login(QStringLiteral("clerk.1"), QStringLiteral("clerk-password-2026"));
    QVERIFY(!clerkToken.isEmpty());

    QCOMPARE(patch(QStringLiteral("admin"), QStringLiteral("/v1/users/clerk.1"), QJsonObject{{QStringLiteral("enabled"), false}}).status, 200);
    QCOMPARE(clerk.get(QStringLiteral("/v1/me"), clerkToken).status, 401);
    GatewayClient::Response login;
    QVERIFY(clerk.login(QStringLiteral("clerk.1"), QStringLiteral("clerk-password-2026"), &login).isEmpty());
    QCOMPARE(login.status, 401);
    QCOMPARE(login.errorCode(), QStringLiteral("invalid_credentials"));
    const QJsonObject attempt = audit(QStringLiteral("action=login&login_id=clerk.1&limit=1")).first().toObject();
    QCOMPARE(attempt.value(QLatin1String("result")).toString(), QStringLiteral("user_disabled"));
    QCOMPARE(attempt.value(QLatin1String("request_id")).toString(), QString::fromLatin1(login.requestId));

    const GatewayClient::Response enabled = patch(QStringLiteral("admin"), QStringLiteral("/v1/users/clerk.1"), QJsonObject{{QStringLiteral("enabled"), true}});
    QCOMPARE(enabled.json.value(QLatin1String("enabled")).toBool(), true);
    QVERIFY(!clerk.login(QStringLiteral("clerk.1"), QStringLiteral("clerk-password-2026")).isEmpty());
}

void TestGatewayAdmin::unlockEndsLockout()
{
    GatewayClient clerk(m_gateway.url(), m_gateway.caPath());
    QVERIFY(clerk.setIdentity(m_clerkP12, m_clerkPassphrase));
    for (int i = 0; i < 5; ++i)
        QVERIFY(clerk.login(QStringLiteral("clerk.1"), QStringLiteral("wrong-password-123")).isEmpty());
    GatewayClient::Response login;
    QVERIFY(clerk.login(QStringLiteral("clerk.1"), QStringLiteral("clerk-password-2026"), &login).isEmpty());
    QCOMPARE(login.status, 423);

    const GatewayClient::Response list = client(QStringLiteral("admin")).get(QStringLiteral("/v1/users"), token(QStringLiteral("admin")));
    const QJsonObject locked = findUser(list.json.value(QLatin1String("items")).toArray(), QStringLiteral("clerk.1"));
    QVERIFY(QDateTime::fromString(locked.value(QLatin1String("locked_until")).toString(), Qt::ISODate) > QDateTime::currentDateTimeUtc());

    const GatewayClient::Response unlocked = client(QStringLiteral("admin")).post(QStringLiteral("/v1/users/clerk.1/unlock"), {}, token(QStringLiteral("admin")));
    QCOMPARE(unlocked.status, 200);
    QVERIFY(unlocked.json.value(QLatin1String("locked_until")).isNull());
    QVERIFY(!clerk.login(QStringLiteral("clerk.1"), QStringLiteral("clerk-password-2026")).isEmpty());
    QCOMPARE(audit(QStringLiteral("action=user_unlock&limit=1")).first().toObject().value(QLatin1String("target")).toString(),
             QStringLiteral("user:clerk.1"));
}

void TestGatewayAdmin::reissueRevokesOldCertificateAtHandshakeAndEndsItsSessions()
{
    GatewayClient old(m_gateway.url(), m_gateway.caPath());
    QVERIFY(old.setIdentity(m_clerkP12, m_clerkPassphrase));
    const QString oldToken = old.login(QStringLiteral("clerk.1"), QStringLiteral("clerk-password-2026"));
    QVERIFY(!oldToken.isEmpty());
    QCOMPARE(old.get(QStringLiteral("/v1/me"), oldToken).status, 200);

    const GatewayClient::Response issued = client(QStringLiteral("admin")).post(QStringLiteral("/v1/users/clerk.1/certificate"), {},
                                                                               token(QStringLiteral("admin")));
    QCOMPARE(issued.status, 201);
    const QString newP12 = storeIssued(issued, QStringLiteral("clerk1-second"));
    QVERIFY(!newP12.isEmpty());
    const QString newPassphrase = issued.json.value(QLatin1String("passphrase")).toString();
    QVERIFY(newPassphrase != m_clerkPassphrase);

    // The old session ended on the server even though its connection is still open.
    const GatewayClient::Response ended = old.get(QStringLiteral("/v1/me"), oldToken);
    QCOMPARE(ended.status, 401);

    // A new connection with the old certificate never gets past the handshake.
    GatewayClient again(m_gateway.url(), m_gateway.caPath());
    QVERIFY(again.setIdentity(m_clerkP12, m_clerkPassphrase));
    GatewayClient::Response refused;
    QVERIFY(again.login(QStringLiteral("clerk.1"), QStringLiteral("clerk-password-2026"), &refused).isEmpty());
    QCOMPARE(refused.status, 0);
    QVERIFY(refused.error != QNetworkReply::NoError);
    QVERIFY(m_gateway.serverLog().contains("is revoked"));

    GatewayClient renewed(m_gateway.url(), m_gateway.caPath());
    QVERIFY(renewed.setIdentity(newP12, newPassphrase));
    QVERIFY(!renewed.login(QStringLiteral("clerk.1"), QStringLiteral("clerk-password-2026")).isEmpty());

    const GatewayClient::Response list = client(QStringLiteral("admin")).get(QStringLiteral("/v1/users"), token(QStringLiteral("admin")));
    const QJsonObject certificate = findUser(list.json.value(QLatin1String("items")).toArray(), QStringLiteral("clerk.1"))
                                        .value(QLatin1String("certificate")).toObject();
    QCOMPARE(certificate.value(QLatin1String("fingerprint")).toString(), issued.json.value(QLatin1String("fingerprint")).toString());
    QCOMPARE(certificate.value(QLatin1String("revoked")).toBool(), false);
    m_clerkP12 = newP12;
    m_clerkPassphrase = newPassphrase;
}

void TestGatewayAdmin::revokeRefusesHandshakeAndEndsSessions()
{
    GatewayClient clerk(m_gateway.url(), m_gateway.caPath());
    QVERIFY(clerk.setIdentity(m_clerkP12, m_clerkPassphrase));
    const QString clerkToken = clerk.login(QStringLiteral("clerk.1"), QStringLiteral("clerk-password-2026"));
    QVERIFY(!clerkToken.isEmpty());

    const GatewayClient::Response revoked = client(QStringLiteral("admin")).del(QStringLiteral("/v1/users/clerk.1/certificate"), token(QStringLiteral("admin")));
    QCOMPARE(revoked.status, 200);
    QCOMPARE(revoked.json.value(QLatin1String("certificate")).toObject().value(QLatin1String("revoked")).toBool(), true);
    QCOMPARE(clerk.get(QStringLiteral("/v1/me"), clerkToken).status, 401);

    GatewayClient again(m_gateway.url(), m_gateway.caPath());
    QVERIFY(again.setIdentity(m_clerkP12, m_clerkPassphrase));
    GatewayClient::Response refused;
    QVERIFY(again.login(QStringLiteral("clerk.1"), QStringLiteral("clerk-password-2026"), &refused).isEmpty());
    QCOMPARE(refused.status, 0);

    const GatewayClient::Response twice = client(QStringLiteral("admin")).del(QStringLiteral("/v1/users/clerk.1/certificate"), token(QStringLiteral("admin")));
    QCOMPARE(twice.status, 404);
}

void TestGatewayAdmin::auditRecordsLoginsMismatchAndLogout()
{
    GatewayClient staff(m_gateway.url(), m_gateway.caPath());
    QVERIFY(staff.setIdentity(m_gateway.user(QStringLiteral("staff")).p12, m_gateway.user(QStringLiteral("staff")).p12Passphrase));
    GatewayClient::Response bad;
    QVERIFY(staff.login(QStringLiteral("staff"), QStringLiteral("not-the-password-1"), &bad).isEmpty());
    GatewayClient::Response mismatch;
    QVERIFY(staff.login(QStringLiteral("admin"), m_gateway.user(QStringLiteral("admin")).password, &mismatch).isEmpty());
    QCOMPARE(mismatch.status, 403);
    GatewayClient::Response good;
    const QString staffToken = staff.login(QStringLiteral("staff"), m_gateway.user(QStringLiteral("staff")).password, &good);
    QVERIFY(!staffToken.isEmpty());
    const GatewayClient::Response logout = staff.del(QStringLiteral("/v1/session"), staffToken);
    QCOMPARE(logout.status, 204);

    const QJsonArray entries = audit(QStringLiteral("limit=20"));
    auto find = [&entries](const QByteArray &requestId) {
        for (const QJsonValue &entry : entries) {
            if (entry.toObject().value(QLatin1String("request_id")).toString() == QString::fromLatin1(requestId))
                return entry.toObject();
        }
        return QJsonObject();
    };
    const QJsonObject badEntry = find(bad.requestId);
    QCOMPARE(badEntry.value(QLatin1String("action")).toString(), QStringLiteral("login"));
    QCOMPARE(badEntry.value(QLatin1String("result")).toString(), QStringLiteral("invalid_credentials"));
    QCOMPARE(badEntry.value(QLatin1String("login_id")).toString(), QStringLiteral("staff"));
    QCOMPARE(badEntry.value(QLatin1String("origin")).toString(), QStringLiteral("127.0.0.1"));
    QCOMPARE(find(mismatch.requestId).value(QLatin1String("result")).toString(), QStringLiteral("certificate_mismatch"));
    QCOMPARE(find(good.requestId).value(QLatin1String("result")).toString(), QStringLiteral("ok"));
    const QJsonObject logoutEntry = find(logout.requestId);
    QCOMPARE(logoutEntry.value(QLatin1String("action")).toString(), QStringLiteral("logout"));
    QCOMPARE(logoutEntry.value(QLatin1String("result")).toString(), QStringLiteral("ok"));
    QVERIFY(QDateTime::fromString(logoutEntry.value(QLatin1String("at")).toString(), Qt::ISODate).isValid());

    // A refused admin call is recorded as well.
    const GatewayClient::Response forbidden = client(QStringLiteral("viewer")).get(QStringLiteral("/v1/users"), token(QStringLiteral("viewer")));
    QCOMPARE(forbidden.status, 403);
    const QJsonObject refusal = audit(QStringLiteral("login_id=viewer&result=forbidden&limit=1")).first().toObject();
    QCOMPARE(refusal.value(QLatin1String("action")).toString(), QStringLiteral("user_list"));
    QCOMPARE(refusal.value(QLatin1String("request_id")).toString(), QString::fromLatin1(forbidden.requestId));
}

void TestGatewayAdmin::auditPagesNewestFirstWithoutGapsOrRepeats()
{
    const QJsonArray all = audit(QStringLiteral("limit=1000"));
    QVERIFY(all.size() > 20);
    QStringList pagedIds;
    QString cursor;
    int pages = 0;
    do {
        const GatewayClient::Response page = client(QStringLiteral("admin")).get(
            QStringLiteral("/v1/audit?limit=7") + (cursor.isEmpty() ? QString() : QStringLiteral("&cursor=") + cursor),
            token(QStringLiteral("admin")));
        QCOMPARE(page.status, 200);
        const QJsonArray items = page.json.value(QLatin1String("items")).toArray();
        QVERIFY(items.size() <= 7);
        for (const QJsonValue &item : items)
            pagedIds.append(item.toObject().value(QLatin1String("request_id")).toString() + u'/'
                            + item.toObject().value(QLatin1String("action")).toString() + u'/'
                            + item.toObject().value(QLatin1String("at")).toString());
        cursor = page.json.value(QLatin1String("next_cursor")).toString();
        ++pages;
    } while (!cursor.isEmpty() && pages < 1000);
    // The paging requests themselves write nothing, so the pages add up to the whole log.
    QStringList allIds;
    QDateTime previous;
    for (const QJsonValue &item : all) {
        const QDateTime at = QDateTime::fromString(item.toObject().value(QLatin1String("at")).toString(), Qt::ISODate);
        if (previous.isValid())
            QVERIFY(at <= previous);
        previous = at;
        allIds.append(item.toObject().value(QLatin1String("request_id")).toString() + u'/'
                      + item.toObject().value(QLatin1String("action")).toString() + u'/'
                      + item.toObject().value(QLatin1String("at")).toString());
    }
    QCOMPARE(pagedIds, allIds);
    QCOMPARE(pages, int((all.size() + 6) / 7));
}

void TestGatewayAdmin::auditFilters()
{
    for (const QJsonValue &item : audit(QStringLiteral("login_id=staff&limit=1000")))
        QCOMPARE(item.toObject().value(QLatin1String("login_id")).toString(), QStringLiteral("staff"));
    const QJsonArray logins = audit(QStringLiteral("action=login&result=ok&limit=1000"));
    QVERIFY(!logins.isEmpty());
    for (const QJsonValue &item : logins) {
        QCOMPARE(item.toObject().value(QLatin1String("action")).toString(), QStringLiteral("login"));
        QCOMPARE(item.toObject().value(QLatin1String("result")).toString(), QStringLiteral("ok"));
    }
    const QString future = QDateTime::currentDateTimeUtc().addDays(1).toString(Qt::ISODate);
    QVERIFY(audit(QStringLiteral("from=") + future).isEmpty());
    const QString past = QDateTime::currentDateTimeUtc().addDays(-1).toString(Qt::ISODate);
    QVERIFY(audit(QStringLiteral("to=") + past).isEmpty());
    QVERIFY(!audit(QStringLiteral("from=") + past + QStringLiteral("&to=") + future).isEmpty());
    // Another merchant's entries never show: admin2 logged in, but not in M0001's log.
    QVERIFY(audit(QStringLiteral("login_id=admin2")).isEmpty());
}

// target= finds the entries about one payment (by 決済ID or by 取引ID), one user (their
// certificates and the logins typed as them too) or one statement — of this merchant only.
void TestGatewayAdmin::auditFindsWhatAnEntryIsAbout()
{
    GatewayClient &admin = client(QStringLiteral("admin"));
    const GatewayClient::Response list = admin.get(QStringLiteral("/v1/payments?type=02&status=20&limit=1"), token(QStringLiteral("admin")));
    const QJsonObject payment = list.json.value(QLatin1String("items")).toArray().first().toObject();
    const QString paymentId = payment.value(QLatin1String("payment_id")).toString();
    const QString tradingId = payment.value(QLatin1String("trading_id")).toString();
    QVERIFY(!paymentId.isEmpty() && !tradingId.isEmpty());
    const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("items"), QJsonArray{QJsonObject{
                                                          {QStringLiteral("payment_id"), paymentId}}}}})
                                .toJson(QJsonDocument::Compact);
    QCOMPARE(admin.post(QStringLiteral("/v1/payments/capture"), body, token(QStringLiteral("admin")),
                        {{"Idempotency-Key", "audit-target-capture-1"}})
                 .status,
             200);

    for (const QString &id : {paymentId, tradingId}) {
        const QJsonArray found = audit(QStringLiteral("target=") + QString::fromLatin1(QUrl::toPercentEncoding(id)));
        QVERIFY2(!found.isEmpty(), qPrintable(id));
        for (const QJsonValue &item : found)
            QCOMPARE(item.toObject().value(QLatin1String("target")).toString(), QStringLiteral("payment:") + paymentId);
        QCOMPARE(found.first().toObject().value(QLatin1String("action")).toString(), QStringLiteral("payment_capture"));
    }

    // A user: the account and its certificates (clerk.1 was created and given one above).
    QSet<QString> targets;
    for (const QJsonValue &item : audit(QStringLiteral("target=clerk.1&limit=1000")))
        targets.insert(item.toObject().value(QLatin1String("target")).toString().section(u' ', 0, 0) + u'|'
                       + item.toObject().value(QLatin1String("action")).toString());
    QVERIFY2(targets.contains(QStringLiteral("user:clerk.1|user_create")), qPrintable(QStringList(targets.values()).join(u',')));
    QVERIFY(targets.contains(QStringLiteral("user:clerk.1|certificate_issue")));
    QVERIFY(targets.contains(QStringLiteral("clerk.1|login"))); // their own logins
    for (const QString &target : std::as_const(targets))
        QVERIFY2(target.startsWith(QStringLiteral("user:clerk.1|")) || target.startsWith(QStringLiteral("clerk.1|")),
                 qPrintable(target));
    // Not a prefix search: "clerk" is nobody.
    QVERIFY(audit(QStringLiteral("target=clerk")).isEmpty());
    QVERIFY(audit(QStringLiteral("target=nobody.here")).isEmpty());
    // Another merchant's user: only this merchant's own refused attempts to reach or take it.
    for (const QJsonValue &item : audit(QStringLiteral("target=admin2&limit=1000")))
        QVERIFY(item.toObject().value(QLatin1String("result")).toString() != QLatin1String("ok"));

    const GatewayClient::Response bad = admin.get(QStringLiteral("/v1/audit?target=a%0Ab"), token(QStringLiteral("admin")));
    QCOMPARE(bad.status, 400);
    QCOMPARE(bad.errorCode(), QStringLiteral("invalid_parameter"));
}

void TestGatewayAdmin::auditRejectsBadParameters_data()
{
    QTest::addColumn<QString>("query");
    QTest::newRow("time with offset") << QStringLiteral("from=2026-11-23T00:00:00%2B09:00");
    QTest::newRow("impossible date") << QStringLiteral("to=2026-02-30");
    QTest::newRow("limit zero") << QStringLiteral("limit=0");
    QTest::newRow("limit too large") << QStringLiteral("limit=1001");
    QTest::newRow("forged cursor") << QStringLiteral("cursor=not-a-cursor");
    QTest::newRow("odd login id") << QStringLiteral("login_id=a%20b");
}

void TestGatewayAdmin::auditRejectsBadParameters()
{
    QFETCH(QString, query);
    const GatewayClient::Response response = client(QStringLiteral("admin")).get(QStringLiteral("/v1/audit?") + query, token(QStringLiteral("admin")));
    QCOMPARE(response.status, 400);
    QCOMPARE(response.errorCode(), QStringLiteral("invalid_parameter"));
}

QTEST_GUILESS_MAIN(TestGatewayAdmin)
#include "tst_gatewayadmin.moc"
