#include "api/apireply.h"
#include "api/merchantclient.h"
#include "fakenetwork.h"

#include <QSignalSpy>
#include <QTest>

using namespace kessai;

// Which refusals end the console's session: a 401 for the session a request was sent with does
// (the lock screen follows); a late 401 for a session the user has since replaced does not.
class TestMerchantSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_logins = 0;
        m_network = std::make_unique<FakeNetwork>([this](const QNetworkRequest &request) { return answer(request); });
        m_client = std::make_unique<MerchantClient>();
        m_client->setNetworkAccessManager(m_network.get());
        QVERIFY(m_client->setBaseUrl(QUrl(QStringLiteral("https://gateway.test"))));
    }

    void lateRefusalOfAReplacedSessionIsIgnored()
    {
        login();
        QCOMPARE(m_client->isLoggedIn(), true);
        QSignalSpy expired(m_client.get(), &MerchantClient::sessionExpired);
        // Sent with token-1, refused late; meanwhile the user logs in again (token-2).
        ApiReply *late = m_client->get(QStringLiteral("/v1/slow-refusal"));
        login();
        QSignalSpy lateDone(late, &ApiReply::finished);
        QVERIFY(lateDone.wait(2000));
        QCOMPARE(late->error().code, QStringLiteral("session_expired"));
        QCOMPARE(expired.count(), 0);
        QVERIFY(m_client->isLoggedIn());

        // A refusal of the current session does end it.
        ApiReply *now = m_client->get(QStringLiteral("/v1/refusal"));
        QSignalSpy done(now, &ApiReply::finished);
        QVERIFY(done.wait(2000));
        QCOMPARE(expired.count(), 1);
        QVERIFY(!m_client->isLoggedIn());
    }

    void certificateRefusalsEndTheSession_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<bool>("ends");
        QTest::newRow("certificate expired") << QStringLiteral("certificate_expired") << true;
        QTest::newRow("certificate revoked") << QStringLiteral("certificate_revoked") << true;
        QTest::newRow("wrong password") << QStringLiteral("invalid_credentials") << false;
    }

    void certificateRefusalsEndTheSession()
    {
        QFETCH(QString, code);
        QFETCH(bool, ends);
        login();
        QSignalSpy expired(m_client.get(), &MerchantClient::sessionExpired);
        ApiReply *reply = m_client->get(QStringLiteral("/v1/code/") + code);
        QSignalSpy done(reply, &ApiReply::finished);
        QVERIFY(done.wait(2000));
        QCOMPARE(reply->error().code, code);
        QCOMPARE(expired.count(), ends ? 1 : 0);
        QCOMPARE(m_client->isLoggedIn(), !ends);
    }

    // The gateway's storage or database trouble keeps the session, and says what it is in words
    // (not "internal error"); the bulk runner retries it like any 5xx.
    void storageAndDatabaseTroubleKeepTheSessionAndSaySo_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("words");
        QTest::newRow("full disk") << QStringLiteral("storage_unavailable") << QStringLiteral("cannot write to its storage");
        QTest::newRow("database away") << QStringLiteral("database_unavailable") << QStringLiteral("cannot reach its database");
    }

    void storageAndDatabaseTroubleKeepTheSessionAndSaySo()
    {
        QFETCH(QString, code);
        QFETCH(QString, words);
        login();
        ApiReply *reply = m_client->get(QStringLiteral("/v1/trouble/") + code);
        QSignalSpy done(reply, &ApiReply::finished);
        QVERIFY(done.wait(2000));
        QCOMPARE(reply->error().code, code);
        QCOMPARE(reply->error().httpStatus, 503);
        QVERIFY2(reply->error().displayText().contains(words), qPrintable(reply->error().displayText()));
        QVERIFY(m_client->isLoggedIn());
    }

private:
    FakeNetwork::Answer answer(const QNetworkRequest &request)
    {
        const QString path = request.url().path();
        if (path == QLatin1String("/v1/session")) {
            ++m_logins;
            return {201,
                    QStringLiteral(R"({"token":"token-%1","expires_at":"2030-01-01T00:00:00Z","user":{"login_id":"admin","role":"admin",)"
                                   R"("merchant":{"id":"M0001","name":"x"},"permissions":[]}})")
                        .arg(m_logins)
                        .toUtf8(),
                    0};
        }
        const QByteArray refusal = R"({"error":{"code":"session_expired","message":"m","request_id":"r"}})";
        if (path == QLatin1String("/v1/slow-refusal"))
            return {401, refusal, 200};
        if (path == QLatin1String("/v1/refusal"))
            return {401, refusal, 0};
        if (path.startsWith(QLatin1String("/v1/code/"))) {
            const QString code = path.mid(9);
            return {401, QStringLiteral(R"({"error":{"code":"%1","message":"m","request_id":"r"}})").arg(code).toUtf8(), 0};
        }
        if (path.startsWith(QLatin1String("/v1/trouble/"))) {
            const QString code = path.mid(12);
            return {503, QStringLiteral(R"({"error":{"code":"%1","message":"m","request_id":"r"}})").arg(code).toUtf8(), 0};
        }
        return {404, R"({"error":{"code":"not_found","message":"m","request_id":"r"}})", 0};
    }

    void login()
    {
        ApiReply *reply = m_client->login(QStringLiteral("admin"), QStringLiteral("pw"));
        QSignalSpy done(reply, &ApiReply::finished);
        QVERIFY(done.wait(2000));
        QVERIFY(reply->ok());
    }

    int m_logins = 0;
    std::unique_ptr<FakeNetwork> m_network;
    std::unique_ptr<MerchantClient> m_client;
};

QTEST_GUILESS_MAIN(TestMerchantSession)
#include "tst_merchantsession.moc"
