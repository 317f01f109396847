#include "api/apireply.h"
#include "gatewayclient.h"
#include "gatewayfixture.h"

#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

// Lockout and timeouts change the accounts for good, so they get a gateway of their own.
class TestGatewayLockout : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void fiveWrongPasswordsLockTheAccount();
    void mismatchedLoginsAreLimitedPerCertificate();
    void lockIsOverAfterThirtyMinutesAndSessionsExpire();

private:
    GatewayClient clientFor(const QString &loginId);

    GatewayFixture m_gateway;
    QString m_staffToken;
};

GatewayClient TestGatewayLockout::clientFor(const QString &loginId)
{
    GatewayClient client(m_gateway.url(), m_gateway.caPath());
    const GatewayFixture::User user = m_gateway.user(loginId);
    if (!client.setIdentity(user.p12, user.p12Passphrase))
        qWarning() << "cannot load the identity of" << loginId;
    return client;
}

void TestGatewayLockout::initTestCase()
{
    QVERIFY2(m_gateway.start(20, 5), qPrintable(m_gateway.error()));
}

void TestGatewayLockout::fiveWrongPasswordsLockTheAccount()
{
    GatewayClient staff = clientFor(QStringLiteral("staff"));
    m_staffToken = staff.login(QStringLiteral("staff"), m_gateway.user(QStringLiteral("staff")).password);
    QVERIFY(!m_staffToken.isEmpty());

    GatewayClient admin = clientFor(QStringLiteral("admin"));
    GatewayClient::Response response;
    // A certificate mismatch does not count against the account it names.
    QVERIFY(staff.login(QStringLiteral("admin"), QStringLiteral("wrong-password-0"), &response).isEmpty());
    QCOMPARE(response.errorCode(), QStringLiteral("certificate_mismatch"));
    for (int attempt = 1; attempt <= 5; ++attempt) {
        QVERIFY(admin.login(QStringLiteral("admin"), QStringLiteral("wrong-password-%1").arg(attempt), &response).isEmpty());
        QCOMPARE(response.status, 401);
        QCOMPARE(response.errorCode(), QStringLiteral("invalid_credentials"));
    }
    QVERIFY(admin.login(QStringLiteral("admin"), m_gateway.user(QStringLiteral("admin")).password, &response).isEmpty());
    QCOMPARE(response.status, 423);
    QCOMPARE(response.errorCode(), QStringLiteral("account_locked"));
    // How long is left, in the body and as Retry-After (the lock began a moment ago: 30 minutes).
    const qint64 left = response.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("retry_after_s")).toInteger();
    QVERIFY2(left > 29 * 60 && left <= 30 * 60, qPrintable(QString::number(left)));
    QCOMPARE(response.header("Retry-After").toLongLong(), left);
    {
        const kessai::ApiError shown = kessai::httpErrorOf(response.status, response.json);
        QCOMPARE(shown.retryAfterSeconds, left);
        QVERIFY2(shown.message.contains(QStringLiteral("30 minute")), qPrintable(shown.message));
    }
    // Another certificate's holder cannot see that the account is locked.
    QVERIFY(staff.login(QStringLiteral("admin"), m_gateway.user(QStringLiteral("admin")).password, &response).isEmpty());
    QCOMPARE(response.status, 403);
    QCOMPARE(response.errorCode(), QStringLiteral("certificate_mismatch"));
    // Other accounts keep working.
    QCOMPARE(staff.get(QStringLiteral("/v1/me"), m_staffToken).status, 200);
}

// Each login that names another user than the certificate's costs the gateway a password hash:
// one certificate gets five a minute, audited once, then 429 with Retry-After; its own login and
// other certificates are not held back.
void TestGatewayLockout::mismatchedLoginsAreLimitedPerCertificate()
{
    GatewayClient viewer = clientFor(QStringLiteral("viewer"));
    QStringList requestIds;
    GatewayClient::Response response;
    for (int attempt = 1; attempt <= 5; ++attempt) {
        QVERIFY(viewer.login(QStringLiteral("admin2"), QStringLiteral("guess-%1").arg(attempt), &response).isEmpty());
        QCOMPARE(response.status, 403);
        QCOMPARE(response.errorCode(), QStringLiteral("certificate_mismatch"));
        requestIds.append(QString::fromLatin1(response.requestId));
    }
    QVERIFY(viewer.login(QStringLiteral("admin2"), QStringLiteral("guess-6"), &response).isEmpty());
    QCOMPARE(response.status, 429);
    QCOMPARE(response.errorCode(), QStringLiteral("too_many_attempts"));
    const qint64 retryAfter = response.header("Retry-After").toLongLong();
    QVERIFY2(retryAfter >= 1 && retryAfter <= 60, response.header("Retry-After").constData());
    QCOMPARE(kessai::httpErrorOf(response.status, response.json).kind, kessai::ApiError::Kind::Permission);
    requestIds.append(QString::fromLatin1(response.requestId));

    // The certificate's own user still logs in, and another certificate still gets its answer.
    QVERIFY(!viewer.login(QStringLiteral("viewer"), m_gateway.user(QStringLiteral("viewer")).password).isEmpty());
    GatewayClient admin2 = clientFor(QStringLiteral("admin2"));
    QVERIFY(admin2.login(QStringLiteral("viewer"), QStringLiteral("guess"), &response).isEmpty());
    QCOMPARE(response.status, 403);

    // One audit entry for the window, not one per attempt.
    QSqlDatabase db = m_gateway.openDatabase(QStringLiteral("mismatch-audit"));
    QVERIFY2(db.isOpen(), qPrintable(m_gateway.error()));
    int audited = 0;
    {
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("SELECT request_id FROM audit_log WHERE result = 'certificate_mismatch'"
                                          " AND login_id = 'viewer' AND target = 'typed:admin2'")));
        while (query.next())
            audited += requestIds.contains(query.value(0).toString()) ? 1 : 0;
    }
    db.close();
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("mismatch-audit"));
    QCOMPARE(audited, 1);
}

void TestGatewayLockout::lockIsOverAfterThirtyMinutesAndSessionsExpire()
{
    // One day later on the gateway's (injected) clock.
    QVERIFY2(m_gateway.restart({QStringLiteral("--clock-offset-days"), QStringLiteral("1")}), qPrintable(m_gateway.error()));
    GatewayClient staff = clientFor(QStringLiteral("staff"));
    const GatewayClient::Response expired = staff.get(QStringLiteral("/v1/me"), m_staffToken);
    QCOMPARE(expired.status, 401);
    QCOMPARE(expired.errorCode(), QStringLiteral("session_expired"));

    GatewayClient admin = clientFor(QStringLiteral("admin"));
    GatewayClient::Response response;
    QVERIFY(!admin.login(QStringLiteral("admin"), m_gateway.user(QStringLiteral("admin")).password, &response).isEmpty());
    QCOMPARE(response.status, 201);
}

QTEST_GUILESS_MAIN(TestGatewayLockout)
#include "tst_gatewaylockout.moc"
