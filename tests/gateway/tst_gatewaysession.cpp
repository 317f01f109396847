#include "gatewayclient.h"
#include "gatewayfixture.h"

#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>

#include <openssl/err.h>
#include <openssl/pkcs12.h>
#include <openssl/ssl.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {

// A raw OpenSSL client, for what Qt no longer lets a client ask for (TLS 1.1) and to see the
// negotiated protocol and cipher.
struct TlsProbe
{
    bool connected = false;
    bool clientCannotOffer = false; // the local library refused to even try
    QString protocol;
    QString cipher;
    unsigned long error = 0;
};

TlsProbe probeTls(quint16 port, const GatewayFixture::User &user, const QString &caPath, int version)
{
    TlsProbe probe;
    SSL_CTX *ctx = SSL_CTX_new(TLS_client_method());
    SSL_CTX_set_min_proto_version(ctx, version);
    SSL_CTX_set_max_proto_version(ctx, version);
    if (version < TLS1_2_VERSION)
        SSL_CTX_set_cipher_list(ctx, "DEFAULT:@SECLEVEL=0");
    SSL_CTX_load_verify_locations(ctx, QFile::encodeName(caPath).constData(), nullptr);
    SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, nullptr);

    BIO *file = BIO_new_file(QFile::encodeName(user.p12).constData(), "rb");
    PKCS12 *p12 = file ? d2i_PKCS12_bio(file, nullptr) : nullptr;
    EVP_PKEY *key = nullptr;
    X509 *certificate = nullptr;
    if (p12 && PKCS12_parse(p12, user.p12Passphrase.toUtf8().constData(), &key, &certificate, nullptr) == 1) {
        SSL_CTX_use_certificate(ctx, certificate);
        SSL_CTX_use_PrivateKey(ctx, key);
    }
    PKCS12_free(p12);
    BIO_free(file);
    X509_free(certificate);
    EVP_PKEY_free(key);

    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address = {};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ERR_clear_error();
    if (::connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0) {
        SSL *ssl = SSL_new(ctx);
        SSL_set_fd(ssl, fd);
        if (SSL_connect(ssl) == 1) {
            probe.connected = true;
            probe.protocol = QString::fromLatin1(SSL_get_version(ssl));
            probe.cipher = QString::fromLatin1(SSL_get_cipher_name(ssl));
            SSL_shutdown(ssl);
        } else {
            probe.error = ERR_peek_error();
            const int reason = ERR_GET_REASON(probe.error);
            probe.clientCannotOffer = reason == SSL_R_NO_PROTOCOLS_AVAILABLE
                                      || reason == SSL_R_NO_CIPHERS_AVAILABLE
                                      || reason == SSL_R_NO_SUITABLE_SIGNATURE_ALGORITHM;
        }
        SSL_free(ssl);
    }
    ::close(fd);
    SSL_CTX_free(ctx);
    return probe;
}

int loggedRequests(GatewayFixture &fixture)
{
    return int(fixture.serverLog().count("gateway.http: request id="));
}

// The request log line is written after the response has been sent, so the previous test's last
// line can still be on its way: wait until the count holds still before taking it as a baseline.
int settledLoggedRequests(GatewayFixture &fixture)
{
    int count = loggedRequests(fixture);
    for (int i = 0; i < 50; ++i) {
        QTest::qWait(100);
        const int again = loggedRequests(fixture);
        if (again == count && i >= 2)
            break;
        count = again;
    }
    return count;
}

} // namespace

class TestGatewaySession : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void loginWithOwnCertificateAndPasswordWorks();
    void meReturnsRoleMerchantAndPermissions();
    void everyResponseCarriesARequestId();
    void handshakeWithoutCertificateIsRefused();
    void certificateOfAnotherCaIsRefused();
    void certificateOfAnotherUserIsRefused();
    void wrongPasswordIsRefused();
    void dataDirectoryAndDatabaseAreOwnerOnly();
    void malformedLoginIsBadRequest();
    void tokenIsRequired();
    void tokenIsBoundToItsCertificate();
    void logoutEndsTheSession();
    void unknownPathIsJsonNotFound();
    void tls12NegotiatesAnAeadCipher();
    void tls11IsRefused();
    void revokedCertificateIsRefusedAtTheNextHandshake();

private:
    GatewayClient clientFor(const QString &loginId);

    GatewayFixture m_gateway;
};

GatewayClient TestGatewaySession::clientFor(const QString &loginId)
{
    GatewayClient client(m_gateway.url(), m_gateway.caPath());
    const GatewayFixture::User user = m_gateway.user(loginId);
    QString error;
    if (!client.setIdentity(user.p12, user.p12Passphrase, &error))
        qWarning() << "cannot load the identity of" << loginId << error;
    return client;
}

void TestGatewaySession::initTestCase()
{
    QVERIFY2(m_gateway.start(50, 3), qPrintable(m_gateway.error()));
    QVERIFY(!m_gateway.user(QStringLiteral("admin")).p12.isEmpty());
    QVERIFY(!m_gateway.user(QStringLiteral("staff")).p12.isEmpty());
}

void TestGatewaySession::loginWithOwnCertificateAndPasswordWorks()
{
    GatewayClient client = clientFor(QStringLiteral("admin"));
    GatewayClient::Response response;
    const QString token = client.login(QStringLiteral("admin"), m_gateway.user(QStringLiteral("admin")).password, &response);
    QCOMPARE(response.status, 201);
    QCOMPARE(QByteArray::fromBase64(token.toLatin1(), QByteArray::Base64UrlEncoding).size(), 32);
    QCOMPARE(response.json.value(QLatin1String("idle_timeout_s")).toInt(), 900);
    const QDateTime expires = QDateTime::fromString(response.json.value(QLatin1String("expires_at")).toString(), Qt::ISODate);
    QVERIFY(expires.isValid());
    QVERIFY(qAbs(QDateTime::currentDateTimeUtc().secsTo(expires) - 12 * 3600) < 120);
    QCOMPARE(response.json.value(QLatin1String("user")).toObject().value(QLatin1String("login_id")).toString(),
             QStringLiteral("admin"));
}

void TestGatewaySession::meReturnsRoleMerchantAndPermissions()
{
    for (const GatewayFixture::User &user : m_gateway.users()) {
        GatewayClient client = clientFor(user.loginId);
        const QString token = client.login(user.loginId, user.password);
        QVERIFY2(!token.isEmpty(), qPrintable(user.loginId));
        const GatewayClient::Response me = client.get(QStringLiteral("/v1/me"), token);
        QCOMPARE(me.status, 200);
        QCOMPARE(me.json.value(QLatin1String("login_id")).toString(), user.loginId);
        QCOMPARE(me.json.value(QLatin1String("role")).toString(), user.role);
        const QJsonObject merchant = me.json.value(QLatin1String("merchant")).toObject();
        QCOMPARE(merchant.value(QLatin1String("id")).toString(), user.merchantId);
        QCOMPARE(merchant.value(QLatin1String("name")).toString(),
                 user.merchantId == QLatin1String("M0001") ? QStringLiteral("デモショップ") : QStringLiteral("サンプル商店"));
        QVERIFY(!me.json.value(QLatin1String("name")).toString().isEmpty());
        QStringList permissions;
        for (const QJsonValue &p : me.json.value(QLatin1String("permissions")).toArray())
            permissions.append(p.toString());
        QCOMPARE(permissions, user.permissions);
    }
    const GatewayFixture::User admin = m_gateway.user(QStringLiteral("admin"));
    QVERIFY(admin.permissions.contains(QStringLiteral("manage_users")));
    QVERIFY(!m_gateway.user(QStringLiteral("staff")).permissions.contains(QStringLiteral("manage_users")));
}

void TestGatewaySession::everyResponseCarriesARequestId()
{
    GatewayClient client = clientFor(QStringLiteral("admin"));
    static const QRegularExpression hex16(QStringLiteral("^[0-9a-f]{16}$"));
    const GatewayClient::Response ok = client.get(QStringLiteral("/v1/payments?limit=1"));
    QCOMPARE(ok.status, 401); // no token on this call
    QVERIFY(hex16.match(QString::fromLatin1(ok.requestId)).hasMatch());
    QCOMPARE(ok.json.value(QLatin1String("error")).toObject().value(QLatin1String("request_id")).toString(),
             QString::fromLatin1(ok.requestId));
}

void TestGatewaySession::handshakeWithoutCertificateIsRefused()
{
    const int before = settledLoggedRequests(m_gateway);
    QSslSocket socket;
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setCaCertificates(QSslCertificate::fromPath(m_gateway.caPath()));
    socket.setSslConfiguration(config);
    socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), quint16(m_gateway.url().port()));
    // With TLS 1.3 the client finishes its side first; the refusal arrives on the first read.
    if (socket.waitForEncrypted(10000)) {
        socket.write("GET /v1/me HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        socket.waitForBytesWritten(5000);
        socket.waitForReadyRead(5000);
    }
    QVERIFY(!socket.readAll().startsWith("HTTP/"));
    QVERIFY(socket.error() != QAbstractSocket::UnknownSocketError);
    QCOMPARE(loggedRequests(m_gateway), before);
}

void TestGatewaySession::certificateOfAnotherCaIsRefused()
{
    QTemporaryDir otherDir;
    QVERIFY(otherDir.isValid());
    QByteArray output;
    QCOMPARE(GatewayFixture::runGateway({QStringLiteral("demo"),
                                         QStringLiteral("--data"),
                                         otherDir.path(),
                                         QStringLiteral("--payments"),
                                         QStringLiteral("5")},
                                        &output),
             0);
    const QString p12 = otherDir.filePath(QStringLiteral("users/admin.p12"));
    QString passphrase;
    {
        QFile demo(otherDir.filePath(QStringLiteral("demo.json")));
        QVERIFY(demo.open(QIODevice::ReadOnly));
        const QJsonArray users = QJsonDocument::fromJson(demo.readAll()).object().value(QLatin1String("users")).toArray();
        passphrase = users.first().toObject().value(QLatin1String("p12_passphrase")).toString();
    }
    const int before = settledLoggedRequests(m_gateway);
    GatewayClient client(m_gateway.url(), m_gateway.caPath());
    QVERIFY(client.setIdentity(p12, passphrase));
    GatewayClient::Response response;
    QVERIFY(client.login(QStringLiteral("admin"), m_gateway.user(QStringLiteral("admin")).password, &response).isEmpty());
    QCOMPARE(response.status, 0);
    QVERIFY(response.error != QNetworkReply::NoError);
    QCOMPARE(loggedRequests(m_gateway), before);
}

void TestGatewaySession::certificateOfAnotherUserIsRefused()
{
    GatewayClient client = clientFor(QStringLiteral("staff"));
    GatewayClient::Response response;
    QVERIFY(client.login(QStringLiteral("admin"), m_gateway.user(QStringLiteral("admin")).password, &response).isEmpty());
    QCOMPARE(response.status, 403);
    QCOMPARE(response.errorCode(), QStringLiteral("certificate_mismatch"));
    QVERIFY(!response.requestId.isEmpty());

    QSqlDatabase db = m_gateway.openDatabase(QStringLiteral("audit"));
    QVERIFY2(db.isOpen(), qPrintable(m_gateway.error()));
    {
        QSqlQuery query(db);
        QVERIFY(query.prepare(QStringLiteral("SELECT login_id, result, origin, target FROM audit_log WHERE request_id = ?")));
        query.addBindValue(QString::fromLatin1(response.requestId));
        QVERIFY(query.exec());
        QVERIFY(query.next());
        // Under the certificate's owner, who really acted; the login id typed is the target.
        QCOMPARE(query.value(0).toString(), QStringLiteral("staff"));
        QCOMPARE(query.value(1).toString(), QStringLiteral("certificate_mismatch"));
        QCOMPARE(query.value(2).toString(), QStringLiteral("127.0.0.1"));
        QCOMPARE(query.value(3).toString(), QStringLiteral("typed:admin"));
    }
    db.close();
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("audit"));
}

void TestGatewaySession::dataDirectoryAndDatabaseAreOwnerOnly()
{
    constexpr auto Others = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup | QFileDevice::ReadOther
                            | QFileDevice::WriteOther | QFileDevice::ExeOther;
    QCOMPARE(QFile::permissions(m_gateway.dataDir()) & Others, QFileDevice::Permissions());
    const QString db = m_gateway.dataDir() + QStringLiteral("/gateway.db");
    if (!QFile::exists(db))
        return; // PostgreSQL: no file
    for (const QString &file : QStringList{db, db + QStringLiteral("-wal"), db + QStringLiteral("-shm")}) {
        if (QFile::exists(file))
            QVERIFY2((QFile::permissions(file) & Others) == 0, qPrintable(file));
    }
    QVERIFY(QFile::exists(db + QStringLiteral("-wal"))); // the gateway is running: WAL mode
}

void TestGatewaySession::wrongPasswordIsRefused()
{
    GatewayClient client = clientFor(QStringLiteral("admin"));
    GatewayClient::Response response;
    QVERIFY(client.login(QStringLiteral("admin"), QStringLiteral("not-the-password-1"), &response).isEmpty());
    QCOMPARE(response.status, 401);
    QCOMPARE(response.errorCode(), QStringLiteral("invalid_credentials"));
    // Any ID but the certificate's own gets one answer, whether it exists or not: a certificate
    // holder cannot find out which login IDs exist.
    QVERIFY(client.login(QStringLiteral("nobody"), QStringLiteral("not-the-password-1"), &response).isEmpty());
    QCOMPARE(response.status, 403);
    QCOMPARE(response.errorCode(), QStringLiteral("certificate_mismatch"));
    GatewayClient::Response existing;
    QVERIFY(client.login(QStringLiteral("staff"), QStringLiteral("not-the-password-1"), &existing).isEmpty());
    QCOMPARE(existing.status, response.status);
    QCOMPARE(existing.errorCode(), response.errorCode());
    QCOMPARE(existing.json.value(QLatin1String("error")).toObject().value(QLatin1String("message")),
             response.json.value(QLatin1String("error")).toObject().value(QLatin1String("message")));
    // The password never reaches the log.
    QVERIFY(!m_gateway.serverLog().contains("not-the-password-1"));
    QVERIFY(!m_gateway.serverLog().contains(m_gateway.user(QStringLiteral("admin")).password.toUtf8()));
    // A password typed into the ID field, or a forged log line, never reaches the log either.
    const QString typedIntoId = QStringLiteral("My-Secret-Pass-99\ngateway.http: forged");
    QVERIFY(client.login(typedIntoId, QStringLiteral("x"), &response).isEmpty());
    QCOMPARE(response.status, 401); // not a well-formed login ID at all
    QCOMPARE(response.errorCode(), QStringLiteral("invalid_credentials"));
    QTest::qWait(200);
    QVERIFY(!m_gateway.serverLog().contains("My-Secret-Pass-99"));
    QVERIFY(!m_gateway.serverLog().contains("forged"));
}

void TestGatewaySession::malformedLoginIsBadRequest()
{
    GatewayClient client = clientFor(QStringLiteral("admin"));
    GatewayClient::Response response = client.post(QStringLiteral("/v1/session"), QJsonObject{{QStringLiteral("login_id"), QStringLiteral("admin")}});
    QCOMPARE(response.status, 400);
    QCOMPARE(response.errorCode(), QStringLiteral("bad_request"));
}

void TestGatewaySession::tokenIsRequired()
{
    GatewayClient client = clientFor(QStringLiteral("admin"));
    GatewayClient::Response response = client.get(QStringLiteral("/v1/payments"));
    QCOMPARE(response.status, 401);
    QCOMPARE(response.errorCode(), QStringLiteral("unauthenticated"));
    response = client.get(QStringLiteral("/v1/payments"), QStringLiteral("bm90LWEtdG9rZW4"));
    QCOMPARE(response.status, 401);
    QCOMPARE(response.errorCode(), QStringLiteral("unauthenticated"));
}

void TestGatewaySession::tokenIsBoundToItsCertificate()
{
    GatewayClient admin = clientFor(QStringLiteral("admin"));
    const QString token = admin.login(QStringLiteral("admin"), m_gateway.user(QStringLiteral("admin")).password);
    QVERIFY(!token.isEmpty());
    GatewayClient staff = clientFor(QStringLiteral("staff"));
    const GatewayClient::Response stolen = staff.get(QStringLiteral("/v1/me"), token);
    QCOMPARE(stolen.status, 401);
    QCOMPARE(stolen.errorCode(), QStringLiteral("unauthenticated"));
    QCOMPARE(admin.get(QStringLiteral("/v1/me"), token).status, 200);
}

void TestGatewaySession::logoutEndsTheSession()
{
    GatewayClient client = clientFor(QStringLiteral("staff"));
    const QString token = client.login(QStringLiteral("staff"), m_gateway.user(QStringLiteral("staff")).password);
    QVERIFY(!token.isEmpty());
    QCOMPARE(client.get(QStringLiteral("/v1/payments?limit=1"), token).status, 200);
    QCOMPARE(client.del(QStringLiteral("/v1/session"), token).status, 204);
    const GatewayClient::Response after = client.get(QStringLiteral("/v1/payments?limit=1"), token);
    QCOMPARE(after.status, 401);
    QCOMPARE(after.errorCode(), QStringLiteral("unauthenticated"));
    QVERIFY(!m_gateway.serverLog().contains(token.toLatin1()));
}

void TestGatewaySession::unknownPathIsJsonNotFound()
{
    GatewayClient client = clientFor(QStringLiteral("admin"));
    const GatewayClient::Response response = client.get(QStringLiteral("/v1/nothing-here"));
    QCOMPARE(response.status, 404);
    QCOMPARE(response.errorCode(), QStringLiteral("not_found"));
    QCOMPARE(response.json.value(QLatin1String("error")).toObject().value(QLatin1String("request_id")).toString(),
             QString::fromLatin1(response.requestId));
}

void TestGatewaySession::tls12NegotiatesAnAeadCipher()
{
    const TlsProbe probe = probeTls(quint16(m_gateway.url().port()),
                                    m_gateway.user(QStringLiteral("admin")),
                                    m_gateway.caPath(),
                                    TLS1_2_VERSION);
    QVERIFY2(probe.connected, ERR_error_string(probe.error, nullptr));
    QCOMPARE(probe.protocol, QStringLiteral("TLSv1.2"));
    QVERIFY2(probe.cipher.startsWith(QLatin1String("ECDHE-"))
                 && (probe.cipher.contains(QLatin1String("GCM")) || probe.cipher.contains(QLatin1String("CHACHA20"))),
             qPrintable(probe.cipher));
}

void TestGatewaySession::tls11IsRefused()
{
    const TlsProbe probe = probeTls(quint16(m_gateway.url().port()),
                                    m_gateway.user(QStringLiteral("admin")),
                                    m_gateway.caPath(),
                                    TLS1_1_VERSION);
    if (probe.clientCannotOffer)
        QSKIP("this OpenSSL build cannot offer TLS 1.1 at all");
    QVERIFY(!probe.connected);
    QCOMPARE(ERR_GET_REASON(probe.error), SSL_R_TLSV1_ALERT_PROTOCOL_VERSION);
}

void TestGatewaySession::revokedCertificateIsRefusedAtTheNextHandshake()
{
    GatewayClient before = clientFor(QStringLiteral("staff"));
    QCOMPARE(before.get(QStringLiteral("/v1/me")).status, 401); // the handshake itself works

    {
        QSqlDatabase db = m_gateway.openDatabase(QStringLiteral("revoke"));
        QVERIFY2(db.isOpen(), qPrintable(m_gateway.error()));
        QSqlQuery query(db);
        QVERIFY(query.prepare(QStringLiteral("UPDATE certificates SET revoked_at = ? WHERE login_id = ?")));
        query.addBindValue(QDateTime::currentSecsSinceEpoch());
        query.addBindValue(QStringLiteral("staff"));
        QVERIFY(query.exec());
        QCOMPARE(query.numRowsAffected(), 1);
        query.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("revoke"));

    const int requestsBefore = settledLoggedRequests(m_gateway);
    GatewayClient after = clientFor(QStringLiteral("staff"));
    GatewayClient::Response response;
    QVERIFY(after.login(QStringLiteral("staff"), m_gateway.user(QStringLiteral("staff")).password, &response).isEmpty());
    QCOMPARE(response.status, 0);
    QCOMPARE(loggedRequests(m_gateway), requestsBefore);
    QVERIFY(m_gateway.serverLog().contains("is revoked"));

    // Other users are unaffected.
    GatewayClient admin = clientFor(QStringLiteral("admin"));
    QVERIFY(!admin.login(QStringLiteral("admin"), m_gateway.user(QStringLiteral("admin")).password).isEmpty());
}

QTEST_GUILESS_MAIN(TestGatewaySession)
#include "tst_gatewaysession.moc"
