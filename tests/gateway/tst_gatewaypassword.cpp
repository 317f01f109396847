#include "gatewayclient.h"
#include "gatewayfixture.h"
#include "gatewayusers.h"

#include <QBuffer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSslCertificate>
#include <QSslKey>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString InitialPassword = QStringLiteral("initial-password-2026");

QJsonObject passwordBody(const QString &current, const QString &next)
{
    return QJsonObject{{QStringLiteral("current_password"), current}, {QStringLiteral("new_password"), next}};
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

// Passwords after the first: a user changes its own (POST /v1/me/password), an admin resets one
// (POST /v1/users/{id}/password) that its user must change before anything else; and what the
// audit log says of account changes (user_update before → after, a mismatched login under the
// certificate's owner). Against a real kessai-gateway, on both engines.
class TestGatewayPassword : public QObject
{
    Q_OBJECT

private:
    GatewayClient &client(const QString &loginId) { return m_users.client(loginId); }
    QString token(const QString &loginId) { return m_users.token(loginId); }
    // Creates a general user with the initial password and a certificate; its client.
    std::unique_ptr<GatewayClient> createUser(const QString &loginId);
    QJsonObject lastAudit(const QString &query);

    GatewayFixture m_gateway;
    QTemporaryDir m_files;
    GatewayUsers m_users{m_gateway};

private Q_SLOTS:
    void initTestCase();
    void ownChangeChecksTheCurrentAndThePolicyAndEndsOtherSessions();
    void wrongCurrentPasswordsLockTheAccountAndEndTheSession();
    void resetPasswordMustBeChangedBeforeAnythingElse();
    void resetFollowsTheAdministrationRules();
    void userUpdateAuditSaysWhatChanged();
};

std::unique_ptr<GatewayClient> TestGatewayPassword::createUser(const QString &loginId)
{
    const GatewayClient::Response created = client(QStringLiteral("admin")).post(
        QStringLiteral("/v1/users"),
        QJsonObject{{QStringLiteral("login_id"), loginId},
                    {QStringLiteral("name"), QStringLiteral("受付 一郎")},
                    {QStringLiteral("role"), QStringLiteral("general")},
                    {QStringLiteral("permissions"), QJsonArray{QStringLiteral("view:02")}},
                    {QStringLiteral("password"), InitialPassword}},
        token(QStringLiteral("admin")));
    if (created.status != 201)
        return nullptr;
    const GatewayClient::Response issued = client(QStringLiteral("admin")).post(
        QStringLiteral("/v1/users/%1/certificate").arg(loginId), {}, token(QStringLiteral("admin")));
    if (issued.status != 201)
        return nullptr;
    const QString path = m_files.filePath(loginId + QStringLiteral(".p12"));
    QFile file(path);
    const QByteArray p12 = QByteArray::fromBase64(issued.json.value(QLatin1String("p12")).toString().toLatin1());
    if (!file.open(QIODevice::WriteOnly) || file.write(p12) != p12.size())
        return nullptr;
    file.close();
    auto user = std::make_unique<GatewayClient>(m_gateway.url(), m_gateway.caPath());
    if (!user->setIdentity(path, issued.json.value(QLatin1String("passphrase")).toString()))
        return nullptr;
    return user;
}

QJsonObject TestGatewayPassword::lastAudit(const QString &query)
{
    const GatewayClient::Response response = client(QStringLiteral("admin")).get(QStringLiteral("/v1/audit?limit=1&") + query,
                                                                                token(QStringLiteral("admin")));
    const QJsonArray items = response.json.value(QLatin1String("items")).toArray();
    return items.isEmpty() ? QJsonObject() : items.first().toObject();
}

void TestGatewayPassword::initTestCase()
{
    QVERIFY(m_files.isValid());
    QVERIFY2(m_gateway.start(20), qPrintable(m_gateway.error()));
    QVERIFY(!token(QStringLiteral("admin")).isEmpty());
}

void TestGatewayPassword::ownChangeChecksTheCurrentAndThePolicyAndEndsOtherSessions()
{
    const auto user = createUser(QStringLiteral("change.1"));
    QVERIFY(user);
    GatewayClient::Response login;
    const QString first = user->login(QStringLiteral("change.1"), InitialPassword, &login);
    QVERIFY(!first.isEmpty());
    QCOMPARE(login.json.value(QLatin1String("user")).toObject().value(QLatin1String("must_change_password")).toBool(true), false);
    const QString second = user->login(QStringLiteral("change.1"), InitialPassword);
    QVERIFY(!second.isEmpty());

    GatewayClient::Response refused = user->post(QStringLiteral("/v1/me/password"),
                                                 passwordBody(QStringLiteral("not-the-password-1"), QStringLiteral("brand-new-password-77")), first);
    QCOMPARE(refused.status, 422);
    QCOMPARE(refused.errorCode(), QStringLiteral("wrong_password"));
    QCOMPARE(lastAudit(QStringLiteral("action=password_change")).value(QLatin1String("result")).toString(), QStringLiteral("wrong_password"));

    refused = user->post(QStringLiteral("/v1/me/password"), passwordBody(InitialPassword, QStringLiteral("short1")), first);
    QCOMPARE(refused.status, 400);
    QCOMPARE(refused.errorCode(), QStringLiteral("weak_password"));
    refused = user->post(QStringLiteral("/v1/me/password"), passwordBody(InitialPassword, InitialPassword), first);
    QCOMPARE(refused.status, 400);
    QCOMPARE(refused.errorCode(), QStringLiteral("weak_password"));
    refused = user->post(QStringLiteral("/v1/me/password"),
                         QJsonObject{{QStringLiteral("new_password"), QStringLiteral("brand-new-password-77")}}, first);
    QCOMPARE(refused.status, 400);

    const QString next = QStringLiteral("brand-new-password-77");
    const GatewayClient::Response changed = user->post(QStringLiteral("/v1/me/password"), passwordBody(InitialPassword, next), first);
    QCOMPARE(changed.status, 204);
    // The session that changed it goes on; the other one is over.
    QCOMPARE(user->get(QStringLiteral("/v1/me"), first).status, 200);
    QCOMPARE(user->get(QStringLiteral("/v1/me"), second).status, 401);
    QVERIFY(user->login(QStringLiteral("change.1"), InitialPassword, &login).isEmpty());
    QCOMPARE(login.status, 401);
    QVERIFY(!user->login(QStringLiteral("change.1"), next).isEmpty());

    const QJsonObject entry = lastAudit(QStringLiteral("action=password_change"));
    QCOMPARE(entry.value(QLatin1String("result")).toString(), QStringLiteral("ok"));
    QCOMPARE(entry.value(QLatin1String("login_id")).toString(), QStringLiteral("change.1"));
    QCOMPARE(entry.value(QLatin1String("request_id")).toString(), QString::fromLatin1(changed.requestId));
    // Neither password reaches the log.
    QVERIFY(!m_gateway.serverLog().contains(next.toUtf8()));
    QVERIFY(!m_gateway.serverLog().contains(InitialPassword.toUtf8()));
}

void TestGatewayPassword::wrongCurrentPasswordsLockTheAccountAndEndTheSession()
{
    const auto user = createUser(QStringLiteral("guess.1"));
    QVERIFY(user);
    const QString session = user->login(QStringLiteral("guess.1"), InitialPassword);
    QVERIFY(!session.isEmpty());
    for (int attempt = 1; attempt <= 5; ++attempt) {
        const GatewayClient::Response refused = user->post(
            QStringLiteral("/v1/me/password"),
            passwordBody(QStringLiteral("guess-%1-password").arg(attempt), QStringLiteral("brand-new-password-77")), session);
        QCOMPARE(refused.status, 422);
    }
    QCOMPARE(lastAudit(QStringLiteral("action=password_change")).value(QLatin1String("result")).toString(),
             QStringLiteral("wrong_password_locked"));
    // Whoever was guessing at the console has lost it, and the right password waits for the lock.
    QCOMPARE(user->get(QStringLiteral("/v1/me"), session).status, 401);
    GatewayClient::Response login;
    QVERIFY(user->login(QStringLiteral("guess.1"), InitialPassword, &login).isEmpty());
    QCOMPARE(login.status, 423);
}

void TestGatewayPassword::resetPasswordMustBeChangedBeforeAnythingElse()
{
    const auto user = createUser(QStringLiteral("reset.1"));
    QVERIFY(user);
    const QString before = user->login(QStringLiteral("reset.1"), InitialPassword);
    QVERIFY(!before.isEmpty());
    for (int i = 0; i < 2; ++i)
        QVERIFY(user->login(QStringLiteral("reset.1"), QStringLiteral("wrong-password-123")).isEmpty());

    const GatewayClient::Response reset = client(QStringLiteral("admin")).post(QStringLiteral("/v1/users/reset.1/password"), {},
                                                                              token(QStringLiteral("admin")));
    QCOMPARE(reset.status, 200);
    const QString generated = reset.json.value(QLatin1String("password")).toString();
    QVERIFY2(generated.size() >= 12, qPrintable(generated));
    QCOMPARE(reset.json.value(QLatin1String("must_change_password")).toBool(), true);
    QVERIFY(!m_gateway.serverLog().contains(generated.toUtf8()));
    const QJsonObject entry = lastAudit(QStringLiteral("action=password_reset"));
    QCOMPARE(entry.value(QLatin1String("target")).toString(), QStringLiteral("user:reset.1"));
    QCOMPARE(entry.value(QLatin1String("login_id")).toString(), QStringLiteral("admin"));
    QCOMPARE(entry.value(QLatin1String("result")).toString(), QStringLiteral("ok"));

    // Its sessions are over, the old password is gone, and the list says a change is due.
    QCOMPARE(user->get(QStringLiteral("/v1/me"), before).status, 401);
    QVERIFY(user->login(QStringLiteral("reset.1"), InitialPassword).isEmpty());
    const GatewayClient::Response list = client(QStringLiteral("admin")).get(QStringLiteral("/v1/users"), token(QStringLiteral("admin")));
    QCOMPARE(findUser(list.json.value(QLatin1String("items")).toArray(), QStringLiteral("reset.1"))
                 .value(QLatin1String("must_change_password"))
                 .toBool(),
             true);

    GatewayClient::Response login;
    const QString session = user->login(QStringLiteral("reset.1"), generated, &login);
    QVERIFY(!session.isEmpty());
    QCOMPARE(login.json.value(QLatin1String("user")).toObject().value(QLatin1String("must_change_password")).toBool(), true);
    // Nothing but who am I, log out and the change itself.
    const GatewayClient::Response search = user->get(QStringLiteral("/v1/payments?limit=1"), session);
    QCOMPARE(search.status, 403);
    QCOMPARE(search.errorCode(), QStringLiteral("password_change_required"));
    QCOMPARE(user->get(QStringLiteral("/v1/statements"), session).errorCode(), QStringLiteral("password_change_required"));
    const GatewayClient::Response me = user->get(QStringLiteral("/v1/me"), session);
    QCOMPARE(me.status, 200);
    QCOMPARE(me.json.value(QLatin1String("must_change_password")).toBool(), true);

    const QString chosen = QStringLiteral("my-own-password-2027");
    QCOMPARE(user->post(QStringLiteral("/v1/me/password"), passwordBody(generated, chosen), session).status, 204);
    QCOMPARE(user->get(QStringLiteral("/v1/payments?limit=1"), session).status, 200);
    QCOMPARE(user->get(QStringLiteral("/v1/me"), session).json.value(QLatin1String("must_change_password")).toBool(true), false);
    QVERIFY(!user->login(QStringLiteral("reset.1"), chosen).isEmpty());
}

void TestGatewayPassword::resetFollowsTheAdministrationRules()
{
    // Not one's own: that takes the current password.
    GatewayClient::Response own = client(QStringLiteral("admin")).post(QStringLiteral("/v1/users/admin/password"), {},
                                                                      token(QStringLiteral("admin")));
    QCOMPARE(own.status, 422);
    QCOMPARE(own.errorCode(), QStringLiteral("self_lockout"));
    // Needs manage_users, and only reaches this merchant's users.
    const GatewayClient::Response staff = client(QStringLiteral("staff")).post(QStringLiteral("/v1/users/viewer/password"), {},
                                                                              token(QStringLiteral("staff")));
    QCOMPARE(staff.status, 403);
    const GatewayClient::Response other = client(QStringLiteral("admin")).post(QStringLiteral("/v1/users/admin2/password"), {},
                                                                              token(QStringLiteral("admin")));
    QCOMPARE(other.status, 404);
    QCOMPARE(lastAudit(QStringLiteral("action=password_reset")).value(QLatin1String("result")).toString(), QStringLiteral("not_found"));
    // admin2 (the other merchant's admin) still logs in with its own password.
    QVERIFY(!client(QStringLiteral("admin2")).login(QStringLiteral("admin2"), m_gateway.user(QStringLiteral("admin2")).password).isEmpty());
}

void TestGatewayPassword::userUpdateAuditSaysWhatChanged()
{
    QVERIFY(createUser(QStringLiteral("edit.1")));
    GatewayClient &admin = client(QStringLiteral("admin"));
    const QJsonObject change{{QStringLiteral("name"), QStringLiteral("受付 二郎")},
                             {QStringLiteral("permissions"), QJsonArray{QStringLiteral("view:03"), QStringLiteral("capture")}},
                             {QStringLiteral("enabled"), false}};
    const GatewayClient::Response patched = GatewayClient::finish(
        {admin.start("PATCH", QStringLiteral("/v1/users/edit.1"), QJsonDocument(change).toJson(QJsonDocument::Compact),
                     token(QStringLiteral("admin")))})
                                                .first();
    QCOMPARE(patched.status, 200);
    const QJsonObject entry = lastAudit(QStringLiteral("action=user_update"));
    QCOMPARE(entry.value(QLatin1String("request_id")).toString(), QString::fromLatin1(patched.requestId));
    QCOMPARE(entry.value(QLatin1String("detail")).toString(),
             QStringLiteral("name: 受付 一郎 → 受付 二郎; permissions: +view:03 +capture −view:02; enabled: true → false"));
    // An entry without a detail says so with null.
    QVERIFY(lastAudit(QStringLiteral("action=password_reset")).value(QLatin1String("detail")).isNull());

    // A login refused for a mismatched certificate is filed under the certificate's owner, with
    // the login id that was typed as its target.
    GatewayClient::Response mismatch;
    QVERIFY(client(QStringLiteral("staff")).login(QStringLiteral("viewer"), QStringLiteral("whatever-password-1"), &mismatch).isEmpty());
    QCOMPARE(mismatch.status, 403);
    const QJsonObject login = lastAudit(QStringLiteral("action=login&result=certificate_mismatch"));
    QCOMPARE(login.value(QLatin1String("request_id")).toString(), QString::fromLatin1(mismatch.requestId));
    QCOMPARE(login.value(QLatin1String("login_id")).toString(), QStringLiteral("staff"));
    QCOMPARE(login.value(QLatin1String("target")).toString(), QStringLiteral("typed:viewer"));
}

QTEST_GUILESS_MAIN(TestGatewayPassword)
#include "tst_gatewaypassword.moc"
