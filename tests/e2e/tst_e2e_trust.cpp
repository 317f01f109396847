#include "api/apireply.h"
#include "api/merchantclient.h"
#include "gatewayfixture.h"
#include "tls/clientidentity.h"
#include "tls/tlsconfiguration.h"

#include <QDir>
#include <QFile>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace kessai;

namespace {

// A TLS server with one gateway's server certificate and key that answers any request with a
// 401 error body: it tells whether a client finished the handshake, that is, trusted it.
class TlsProbe : public QObject
{
public:
    bool listen(const QString &dataDir)
    {
        QFile keyFile(QDir(dataDir).filePath(QStringLiteral("server.key")));
        if (!keyFile.open(QIODevice::ReadOnly))
            return false;
        const QSslKey key(keyFile.readAll(), QSsl::Ec, QSsl::Pem);
        const QList<QSslCertificate> chain = QSslCertificate::fromPath(QDir(dataDir).filePath(QStringLiteral("server.pem")));
        if (key.isNull() || chain.isEmpty())
            return false;
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.setLocalCertificate(chain.constFirst());
        ssl.setPrivateKey(key);
        ssl.setPeerVerifyMode(QSslSocket::VerifyNone);
        m_server.setSslConfiguration(ssl);
        connect(&m_server, &QSslServer::pendingConnectionAvailable, this, [this] {
            while (QTcpSocket *next = m_server.nextPendingConnection()) {
                ++m_handshakes;
                connect(next, &QTcpSocket::readyRead, next, [next] {
                    next->readAll();
                    const QByteArray body = R"({"error":{"code":"invalid_credentials","message":"probe","request_id":"probe"}})";
                    next->write("HTTP/1.1 401 Unauthorized\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: "
                                + QByteArray::number(body.size()) + "\r\n\r\n" + body);
                    next->disconnectFromHost();
                });
            }
        });
        return m_server.listen(QHostAddress::LocalHost);
    }
    int handshakes() const { return m_handshakes; }
    QUrl url() const { return QUrl(QStringLiteral("https://127.0.0.1:%1").arg(m_server.serverPort())); }

private:
    QSslServer m_server;
    int m_handshakes = 0;
};

} // namespace

// The console and kessaictl trust the CA chain that came in the user's PKCS#12, or the CA file
// given, and nothing else: not the system's roots. The stand-in for "a CA in the system store" is
// Qt's default configuration with that CA added, which is what Qt trusts when nothing else is set
// (a real system store cannot be changed by a test).
class TestE2eTrust : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_gateway.start(20), qPrintable(m_gateway.error()));
        // Another merchant CA with its own server certificate for 127.0.0.1: "another gateway".
        QVERIFY(m_other.isValid());
        QByteArray output;
        QCOMPARE(GatewayFixture::runGateway({QStringLiteral("init"), QStringLiteral("--data"), m_other.path()}, &output), 0);
        m_otherCa = loadCaCertificates(QDir(m_other.path()).filePath(QStringLiteral("ca.pem")));
        m_ownCa = loadCaCertificates(m_gateway.caPath());
        QCOMPARE(m_otherCa.size(), 1);
        QCOMPARE(m_ownCa.size(), 1);
        const GatewayFixture::User admin = m_gateway.user(QStringLiteral("admin"));
        const auto loaded = ClientIdentity::load(admin.p12, admin.p12Passphrase);
        QVERIFY2(loaded.ok(), qPrintable(loaded.message));
        m_identity = loaded.identity;
        QVERIFY(m_ownProbe.listen(m_gateway.dataDir()));
        QVERIFY(m_otherProbe.listen(m_other.path()));
        m_systemDefault = QSslConfiguration::defaultConfiguration();
    }

    void cleanup() { QSslConfiguration::setDefaultConfiguration(m_systemDefault); }

    void theConfigurationTrustsExactlyTheBundleChain()
    {
        QSslConfiguration withOther = QSslConfiguration::defaultConfiguration();
        withOther.addCaCertificates(m_otherCa);
        QSslConfiguration::setDefaultConfiguration(withOther);

        const QSslConfiguration ssl = gatewayTlsConfiguration(m_identity, {});
        QCOMPARE(m_identity.chain(), m_ownCa); // the gateway puts its CA in every bundle
        QCOMPARE(ssl.caCertificates(), m_ownCa);
        for (const QSslCertificate &root : QSslConfiguration::systemCaCertificates())
            QVERIFY2(!ssl.caCertificates().contains(root), qPrintable(root.subjectDisplayName()));
        QCOMPARE(ssl.peerVerifyMode(), QSslSocket::VerifyPeer);
        QCOMPARE(ssl.localCertificate(), m_identity.certificate());
        // A CA file given replaces the bundle's chain.
        QCOMPARE(gatewayTlsConfiguration(m_identity, m_otherCa).caCertificates(), m_otherCa);
        // No identity and no file: nothing is trusted.
        QVERIFY(gatewayTlsConfiguration(ClientIdentity(), {}).caCertificates().isEmpty());
    }

    void theBundleChainIsTrustedWithoutACaFile()
    {
        const int before = m_ownProbe.handshakes();
        const ApiResult result = login(m_ownProbe.url(), {});
        QCOMPARE(m_ownProbe.handshakes(), before + 1);
        QCOMPARE(result.error.httpStatus, 401);
    }

    void aCaOnlyTheSystemTrustsIsRefused()
    {
        QSslConfiguration withOther = QSslConfiguration::defaultConfiguration();
        withOther.addCaCertificates(m_otherCa);
        QSslConfiguration::setDefaultConfiguration(withOther);

        const int before = m_otherProbe.handshakes();
        const ApiResult result = login(m_otherProbe.url(), {});
        QCOMPARE(result.error.kind, ApiError::Kind::Tls);
        QCOMPARE(m_otherProbe.handshakes(), before);
    }

    void aCaFileGivenIsTheOnlyTrust()
    {
        const int other = m_otherProbe.handshakes();
        QCOMPARE(login(m_otherProbe.url(), m_otherCa).error.httpStatus, 401);
        QCOMPARE(m_otherProbe.handshakes(), other + 1);
        // The bundle's own CA is not added to a file given.
        const int own = m_ownProbe.handshakes();
        QCOMPARE(login(m_ownProbe.url(), m_otherCa).error.kind, ApiError::Kind::Tls);
        QCOMPARE(m_ownProbe.handshakes(), own);
    }

private:
    ApiResult login(const QUrl &url, const QList<QSslCertificate> &caFile)
    {
        MerchantClient client;
        client.setIdentity(m_identity, caFile);
        client.setBaseUrl(url);
        return waitFor(client.login(QStringLiteral("admin"), QStringLiteral("not-the-password-1")));
    }

    GatewayFixture m_gateway;
    QTemporaryDir m_other;
    QList<QSslCertificate> m_otherCa;
    QList<QSslCertificate> m_ownCa;
    ClientIdentity m_identity;
    TlsProbe m_ownProbe;
    TlsProbe m_otherProbe;
    QSslConfiguration m_systemDefault;
};

QTEST_GUILESS_MAIN(TestE2eTrust)
#include "tst_e2e_trust.moc"
