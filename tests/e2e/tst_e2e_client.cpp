#include "api/merchantclient.h"
#include "gatewayfixture.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace kessai;

// The console's client core against a real kessai-gateway over mutual TLS.
class TestE2eClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_gateway.start(2000, 42), qPrintable(m_gateway.error()));
        m_ca = loadCaCertificates(m_gateway.caPath());
        QVERIFY(!m_ca.isEmpty());
    }

    void loadsTheIssuedCertificate()
    {
        const GatewayFixture::User admin = m_gateway.user(QStringLiteral("admin"));
        const auto loaded = ClientIdentity::load(admin.p12, admin.p12Passphrase);
        QVERIFY2(loaded.ok(), qPrintable(loaded.message));
        QCOMPARE(loaded.identity.loginIdHint(), QStringLiteral("admin"));
        QVERIFY(loaded.identity.isCurrentlyValid());
        QCOMPARE(loaded.identity.sha256Fingerprint().count(u':'), 31);
    }

    void tellsAWrongPassphraseFromAFileThatIsNotACertificate()
    {
        const GatewayFixture::User admin = m_gateway.user(QStringLiteral("admin"));
        const auto wrong = ClientIdentity::load(admin.p12, QStringLiteral("not the passphrase"));
        QCOMPARE(wrong.error, ClientIdentity::LoadError::WrongPassphrase);
        QVERIFY(!wrong.message.isEmpty());
        const auto notP12 = ClientIdentity::load(m_gateway.caPath(), QString());
        QCOMPARE(notP12.error, ClientIdentity::LoadError::NotPkcs12);
        const auto missing = ClientIdentity::load(m_gateway.dataDir() + QStringLiteral("/nope.p12"), QString());
        QCOMPARE(missing.error, ClientIdentity::LoadError::FileUnreadable);
    }

    void explainsLegacyEncryptedFiles()
    {
        const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
        if (openssl.isEmpty())
            QSKIP("no openssl command to write a legacy PKCS#12");
        const GatewayFixture::User admin = m_gateway.user(QStringLiteral("admin"));
        QTemporaryDir dir;
        const QString pem = dir.filePath(QStringLiteral("admin.pem"));
        const QString legacy = dir.filePath(QStringLiteral("legacy.p12"));
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PASS"), admin.p12Passphrase);
        p.setProcessEnvironment(env);
        p.start(openssl, {QStringLiteral("pkcs12"), QStringLiteral("-in"), admin.p12, QStringLiteral("-nodes"),
                          QStringLiteral("-passin"), QStringLiteral("env:PASS"), QStringLiteral("-out"), pem});
        QVERIFY(p.waitForFinished());
        QCOMPARE(p.exitCode(), 0);
        p.start(openssl, {QStringLiteral("pkcs12"), QStringLiteral("-export"), QStringLiteral("-legacy"),
                          QStringLiteral("-in"), pem, QStringLiteral("-passout"), QStringLiteral("pass:legacy-pass"),
                          QStringLiteral("-out"), legacy});
        QVERIFY(p.waitForFinished());
        if (p.exitCode() != 0)
            QSKIP("this OpenSSL cannot write legacy PKCS#12 files");
        const auto loaded = ClientIdentity::load(legacy, QStringLiteral("legacy-pass"));
        if (loaded.ok())
            QSKIP("this Qt reads legacy PKCS#12 files");
        QCOMPARE(loaded.error, ClientIdentity::LoadError::LegacyEncryption);
        const auto wrong = ClientIdentity::load(legacy, QStringLiteral("other"));
        QCOMPARE(wrong.error, ClientIdentity::LoadError::WrongPassphrase);
    }

    void logsInAndPagesThroughEveryPaymentExactlyOnce()
    {
        MerchantClient client;
        login(client, QStringLiteral("admin"));
        QCOMPARE(client.user().loginId, QStringLiteral("admin"));
        QCOMPARE(client.user().role, QStringLiteral("admin"));
        QVERIFY(client.user().can(QStringLiteral("view:02")));

        QSet<QString> seen;
        QString cursor;
        qint64 total = -1;
        int pages = 0;
        do {
            const ApiResult page = waitFor(client.searchPayments({}, cursor, 173, pages == 0));
            QVERIFY2(page.ok(), qPrintable(page.error.displayText()));
            const QJsonObject answer = page.json.object();
            if (pages == 0)
                total = answer.value(QLatin1String("total")).toInteger(-1);
            else
                QVERIFY(!answer.contains(QLatin1String("total")));
            for (const QJsonValue &item : answer.value(QLatin1String("items")).toArray()) {
                const QString id = item.toObject().value(QLatin1String("payment_id")).toString();
                QVERIFY2(!seen.contains(id), qPrintable(QStringLiteral("seen twice: ") + id));
                seen.insert(id);
            }
            cursor = answer.value(QLatin1String("next_cursor")).toString();
            ++pages;
        } while (!cursor.isEmpty() && pages < 100);
        QCOMPARE(total, qint64(2000));
        QCOMPARE(seen.size(), 2000);
        QCOMPARE(pages, 12); // 11 full pages of 173 and one of 97
    }

    void aLoggedOutTokenNoLongerWorks()
    {
        MerchantClient client;
        login(client, QStringLiteral("admin"));
        QVERIFY(waitFor(client.me()).ok());
        QVERIFY(waitFor(client.logout()).ok());
        QVERIFY(!client.isLoggedIn());
        const ApiResult after = waitFor(client.me());
        QCOMPARE(after.error.kind, ApiError::Kind::Authentication);
    }

    void wrongPasswordIsAnAuthenticationErrorWithARequestId()
    {
        MerchantClient client;
        setIdentity(client, QStringLiteral("staff"));
        const ApiResult result = waitFor(client.login(QStringLiteral("staff"), QStringLiteral("wrong-password-1")));
        QCOMPARE(result.error.kind, ApiError::Kind::Authentication);
        QCOMPARE(result.error.code, QStringLiteral("invalid_credentials"));
        QVERIFY(!result.error.requestId.isEmpty());
        QVERIFY(!client.isLoggedIn());
    }

    void anotherUsersPasswordOnMyCertificateIsRefused()
    {
        MerchantClient client;
        setIdentity(client, QStringLiteral("staff"));
        const GatewayFixture::User admin = m_gateway.user(QStringLiteral("admin"));
        const ApiResult result = waitFor(client.login(admin.loginId, admin.password));
        QCOMPARE(result.error.kind, ApiError::Kind::Permission);
        QCOMPARE(result.error.code, QStringLiteral("certificate_mismatch"));
    }

    void aGatewayWithAnotherCaIsNotTrusted()
    {
        GatewayFixture other;
        QVERIFY2(other.start(10, 3), qPrintable(other.error()));
        MerchantClient client;
        setIdentity(client, QStringLiteral("admin")); // trusts our CA only
        client.setBaseUrl(other.url());
        const ApiResult result = waitFor(client.login(QStringLiteral("admin"), m_gateway.user(QStringLiteral("admin")).password));
        QCOMPARE(result.error.kind, ApiError::Kind::Tls);
    }

    void aStoppedGatewayIsAConnectionError()
    {
        MerchantClient client;
        setIdentity(client, QStringLiteral("admin"));
        QUrl url = m_gateway.url();
        url.setPort(1); // nothing listens there
        client.setBaseUrl(url);
        const ApiResult result = waitFor(client.login(QStringLiteral("admin"), QStringLiteral("x")));
        QCOMPARE(result.error.kind, ApiError::Kind::Connection);
    }

private:
    void setIdentity(MerchantClient &client, const QString &loginId)
    {
        const GatewayFixture::User user = m_gateway.user(loginId);
        const auto loaded = ClientIdentity::load(user.p12, user.p12Passphrase);
        QVERIFY2(loaded.ok(), qPrintable(loaded.message));
        client.setBaseUrl(m_gateway.url());
        client.setIdentity(loaded.identity, m_ca);
    }

    void login(MerchantClient &client, const QString &loginId)
    {
        setIdentity(client, loginId);
        const ApiResult result = waitFor(client.login(loginId, m_gateway.user(loginId).password));
        QVERIFY2(result.ok(), qPrintable(result.error.displayText()));
        QVERIFY(client.isLoggedIn());
    }

    GatewayFixture m_gateway;
    QList<QSslCertificate> m_ca;
};

QTEST_GUILESS_MAIN(TestE2eClient)
#include "tst_e2e_client.moc"
