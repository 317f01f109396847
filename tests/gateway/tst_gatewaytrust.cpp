#include "gatewayclient.h"
#include "gatewayfixture.h"
#include "gatewayusers.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

namespace {

int fileMode(const QString &path)
{
    struct stat status = {};
    if (::lstat(QFile::encodeName(path).constData(), &status) != 0)
        return -1;
    return int(status.st_mode & 07777);
}

// A test card number (a network's public test number), only ever inside request bodies: the
// tests compare and search for it but never print it.
const QString TestCard = QStringLiteral("4111 1111 1111 1111");
const QByteArray TestCardDigits = "4111111111111111";

bool mentionsTestCard(const QByteArray &text)
{
    QByteArray digits;
    for (const char c : text) {
        if (c >= '0' && c <= '9')
            digits += c;
    }
    return digits.contains(TestCardDigits);
}

struct RawAnswer
{
    int status = 0;
    QByteArray body;
};

} // namespace

// The review findings of issue 22 on the gateway, through a real kessai-gateway: key files and
// folders private from their first moment, request paths and audit targets that cannot forge a
// line, login IDs in paths decoded once, and card numbers refused in free-text fields.
class TestGatewayTrust : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void initMakesPrivateFolderAndKeys();
    void demoMakesPrivateFoldersKeysAndBundles();
    void initNeverOverwritesAKeyFile_data();
    void initNeverOverwritesAKeyFile();
    void loggedPathCannotStartALine();
    void auditTargetsShowControlCharactersEscaped();
    void loginIdInPathIsDecodedOnce();
    void cardNumberInCustomerFieldIsRefused_data();
    void cardNumberInCustomerFieldIsRefused();
    void cardNumberInUserNameIsRefused();

private:
    // One request exactly as written (no URL normalisation) with the admin's certificate.
    RawAnswer raw(const QByteArray &method, const QByteArray &target, const QByteArray &body = {});
    QJsonArray audit(const QString &query);

    GatewayFixture m_gateway;
    GatewayUsers m_users{m_gateway};
    QTemporaryDir m_files;
};

void TestGatewayTrust::initTestCase()
{
    QVERIFY(m_files.isValid());
    QVERIFY2(m_gateway.start(50), qPrintable(m_gateway.error()));
    QVERIFY(!m_users.token(QStringLiteral("admin")).isEmpty());
}

RawAnswer TestGatewayTrust::raw(const QByteArray &method, const QByteArray &target, const QByteArray &body)
{
    const GatewayFixture::User admin = m_gateway.user(QStringLiteral("admin"));
    QFile p12(admin.p12);
    if (!p12.open(QIODevice::ReadOnly))
        return {};
    QSslKey key;
    QSslCertificate certificate;
    if (!QSslCertificate::importPkcs12(&p12, &key, &certificate, nullptr, admin.p12Passphrase.toUtf8()))
        return {};
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.setCaCertificates(QSslCertificate::fromPath(m_gateway.caPath()));
    ssl.setLocalCertificate(certificate);
    ssl.setPrivateKey(key);
    ssl.setPeerVerifyMode(QSslSocket::VerifyPeer);
    QSslSocket socket;
    socket.setSslConfiguration(ssl);
    socket.connectToHostEncrypted(m_gateway.url().host(), quint16(m_gateway.url().port()));
    if (!socket.waitForEncrypted(10000))
        return {};
    QByteArray request = method + ' ' + target + " HTTP/1.1\r\nHost: " + m_gateway.url().host().toLatin1()
                         + "\r\nConnection: close\r\nAuthorization: Bearer " + m_users.token(QStringLiteral("admin")).toLatin1()
                         + "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size())
                         + "\r\n\r\n" + body;
    socket.write(request);
    QByteArray answer;
    while (socket.state() == QAbstractSocket::ConnectedState && socket.waitForReadyRead(10000))
        answer += socket.readAll();
    answer += socket.readAll();
    RawAnswer parsed;
    const QList<QByteArray> statusLine = answer.left(answer.indexOf("\r\n")).split(' ');
    if (statusLine.size() >= 2)
        parsed.status = statusLine.at(1).toInt();
    const qsizetype bodyStart = answer.indexOf("\r\n\r\n");
    if (bodyStart >= 0)
        parsed.body = answer.mid(bodyStart + 4);
    return parsed;
}

QJsonArray TestGatewayTrust::audit(const QString &query)
{
    const GatewayClient::Response response = m_users.get(QStringLiteral("admin"), QStringLiteral("/v1/audit?") + query);
    if (response.status != 200)
        qWarning() << "audit query failed" << response.status << response.body;
    return response.json.value(QLatin1String("items")).toArray();
}

void TestGatewayTrust::initMakesPrivateFolderAndKeys()
{
    const QString dataDir = m_files.filePath(QStringLiteral("fresh/init"));
    QByteArray output;
    QCOMPARE(GatewayFixture::runGateway({QStringLiteral("init"), QStringLiteral("--data"), dataDir}, &output), 0);
    QCOMPARE(fileMode(dataDir), 0700);
    QCOMPARE(fileMode(QDir(dataDir).filePath(QStringLiteral("ca.key"))), 0600);
    QCOMPARE(fileMode(QDir(dataDir).filePath(QStringLiteral("server.key"))), 0600);
    QCOMPARE(fileMode(QDir(dataDir).filePath(QStringLiteral("gateway.db"))), 0600);
    QCOMPARE(fileMode(QDir(dataDir).filePath(QStringLiteral("ca.pem"))), 0644);
}

void TestGatewayTrust::demoMakesPrivateFoldersKeysAndBundles()
{
    const QString dataDir = m_files.filePath(QStringLiteral("fresh/demo"));
    QByteArray output;
    QCOMPARE(GatewayFixture::runGateway({QStringLiteral("demo"), QStringLiteral("--data"), dataDir, QStringLiteral("--payments"),
                                         QStringLiteral("5")},
                                        &output),
             0);
    const QDir dir(dataDir);
    QCOMPARE(fileMode(dataDir), 0700);
    QCOMPARE(fileMode(dir.filePath(QStringLiteral("users"))), 0700);
    for (const QString &name : {QStringLiteral("ca.key"), QStringLiteral("server.key"), QStringLiteral("demo.json"),
                                QStringLiteral("gateway.db")})
        QVERIFY2(fileMode(dir.filePath(name)) == 0600, qPrintable(name));
    const QStringList bundles = QDir(dir.filePath(QStringLiteral("users"))).entryList({QStringLiteral("*.p12")}, QDir::Files);
    QCOMPARE(bundles.size(), 4);
    for (const QString &name : bundles)
        QVERIFY2(fileMode(dir.filePath(QStringLiteral("users/") + name)) == 0600, qPrintable(name));
    // Demo again over the same folder: nothing is replaced.
    const QByteArray key = [&] {
        QFile file(dir.filePath(QStringLiteral("ca.key")));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }();
    QVERIFY(!key.isEmpty());
    QVERIFY(GatewayFixture::runGateway({QStringLiteral("demo"), QStringLiteral("--data"), dataDir, QStringLiteral("--payments"),
                                        QStringLiteral("5")},
                                       &output)
            != 0);
    QFile again(dir.filePath(QStringLiteral("ca.key")));
    QVERIFY(again.open(QIODevice::ReadOnly));
    QVERIFY(again.readAll() == key);
}

void TestGatewayTrust::initNeverOverwritesAKeyFile_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("symlink");
    QTest::newRow("server.key") << QStringLiteral("server.key") << false;
    QTest::newRow("ca.pem") << QStringLiteral("ca.pem") << false;
    QTest::newRow("server.key as a dangling link") << QStringLiteral("server.key") << true;
    QTest::newRow("ca.key as a dangling link") << QStringLiteral("ca.key") << true;
}

void TestGatewayTrust::initNeverOverwritesAKeyFile()
{
    QFETCH(QString, name);
    QFETCH(bool, symlink);
    const QString dataDir = m_files.filePath(QStringLiteral("existing/") + QString::fromLatin1(QTest::currentDataTag()));
    QVERIFY(QDir().mkpath(dataDir));
    const QString path = QDir(dataDir).filePath(name);
    const QString elsewhere = m_files.filePath(QStringLiteral("elsewhere-") + QString::fromLatin1(QTest::currentDataTag()));
    const QByteArray kept = "an operator's own file\n";
    if (symlink) {
        QVERIFY(QFile::link(elsewhere, path));
    } else {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(kept), kept.size());
    }
    QByteArray output;
    QVERIFY(GatewayFixture::runGateway({QStringLiteral("init"), QStringLiteral("--data"), dataDir}, &output) != 0);
    QVERIFY2(output.contains("exists"), output.constData());
    if (symlink) {
        QVERIFY2(!QFileInfo::exists(elsewhere), "a key was written through the link");
    } else {
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), kept);
    }
}

void TestGatewayTrust::loggedPathCannotStartALine()
{
    // %0A decoded into the log would end the line and start a forged one.
    const RawAnswer answer = raw("GET", "/v1/nowhere%0D%0Arequest%20id=FORGED%20method=GET%20path=/v1/users%20status=200");
    QCOMPARE(answer.status, 404);
    QTRY_VERIFY_WITH_TIMEOUT(m_gateway.serverLog().contains("FORGED"), 5000);
    const QByteArray log = m_gateway.serverLog();
    QVERIFY2(!log.contains("request id=FORGED"), "a forged request line reached the log");
    QVERIFY2(log.contains("path=/v1/nowhere%0D%0Arequest%20id=FORGED%20method=GET%20path=/v1/users%20status=200"),
             "the path is not logged as it came on the wire");
    for (const QByteArray &line : log.split('\n')) {
        if (line.contains("FORGED"))
            QVERIFY2(line.contains("method=GET path=/v1/nowhere"), line.constData());
    }
}

void TestGatewayTrust::auditTargetsShowControlCharactersEscaped()
{
    // Decoded once by the server: the login ID holds a CR LF, a tab and a right-to-left override.
    const RawAnswer answer = raw("POST", "/v1/users/ghost%0D%0Aforged%09x%E2%80%AE/unlock", "{}");
    QCOMPARE(answer.status, 404);
    const QJsonArray items = audit(QStringLiteral("action=user_unlock&result=not_found"));
    bool found = false;
    for (const QJsonValue &item : items) {
        const QString target = item.toObject().value(QLatin1String("target")).toString();
        for (const QChar c : target)
            QVERIFY2(c.category() != QChar::Other_Control && c.category() != QChar::Other_Format, target.toUtf8().toHex().constData());
        if (target == QStringLiteral("user:ghost\\r\\nforged\\tx\\u{202E}"))
            found = true;
    }
    QVERIFY2(found, "the refused unlock is not in the audit trail with its target escaped");
}

void TestGatewayTrust::loginIdInPathIsDecodedOnce()
{
    // %25 is '%': decoded once this is the login ID "%73taff", which does not exist; decoded
    // twice it would be "staff".
    RawAnswer answer = raw("POST", "/v1/users/%2573taff/unlock", "{}");
    QCOMPARE(answer.status, 404);
    bool found = false;
    for (const QJsonValue &item : audit(QStringLiteral("action=user_unlock&result=not_found")))
        found = found || item.toObject().value(QLatin1String("target")).toString() == QStringLiteral("user:%73taff");
    QVERIFY(found);
    // One decoding still happens: %61 is 'a'.
    answer = raw("POST", "/v1/users/st%61ff/unlock", "{}");
    QCOMPARE(answer.status, 200);
    QCOMPARE(QJsonDocument::fromJson(answer.body).object().value(QLatin1String("login_id")).toString(), QStringLiteral("staff"));
}

void TestGatewayTrust::cardNumberInCustomerFieldIsRefused_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::newRow("name, grouped") << QStringLiteral("name") << QString(QStringLiteral("山田 ") + TestCard);
    QTest::newRow("name, full-width") << QStringLiteral("name") << QStringLiteral("山田 ４１１１－１１１１－１１１１－１１１１");
    QTest::newRow("email") << QStringLiteral("email") << QString(QString::fromLatin1(TestCardDigits) + QStringLiteral("@example.jp"));
}

void TestGatewayTrust::cardNumberInCustomerFieldIsRefused()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    QJsonObject customer{{QStringLiteral("name"), QStringLiteral("山田 花子")},
                         {QStringLiteral("kana"), QStringLiteral("ヤマダ ハナコ")},
                         {QStringLiteral("phone"), QStringLiteral("090-1234-5678")}};
    customer.insert(field, value);
    const QJsonObject body{{QStringLiteral("type"), QStringLiteral("03")},
                           {QStringLiteral("trading_id"), QString(QStringLiteral("TRUST_") + QString::fromLatin1(QTest::currentDataTag()).left(4))},
                           {QStringLiteral("amount"), 1200},
                           {QStringLiteral("chain"), QStringLiteral("lawson")},
                           {QStringLiteral("customer"), customer},
                           {QStringLiteral("due_days"), 7}};
    const QByteArray key = "trust-" + QByteArray::number(qHash(QString::fromLatin1(QTest::currentDataTag())));
    const GatewayClient::Response response =
        m_users.client(QStringLiteral("admin"))
            .post(QStringLiteral("/v1/payments"), QJsonDocument(body).toJson(QJsonDocument::Compact),
                  m_users.token(QStringLiteral("admin")), {{"Idempotency-Key", key}});
    QCOMPARE(response.status, 400);
    QCOMPARE(response.errorCode(), QStringLiteral("invalid_parameter"));
    const QJsonArray fields = response.json.value(QLatin1String("error")).toObject().value(QLatin1String("fields")).toArray();
    QCOMPARE(fields.size(), 1);
    QCOMPARE(fields.at(0).toObject().value(QLatin1String("field")).toString(), QStringLiteral("customer.") + field);
    QCOMPARE(fields.at(0).toObject().value(QLatin1String("reason")).toString(), QStringLiteral("card_number"));
    QVERIFY2(!mentionsTestCard(response.body), "the answer repeats the card number");
}

void TestGatewayTrust::cardNumberInUserNameIsRefused()
{
    GatewayClient &admin = m_users.client(QStringLiteral("admin"));
    const QString token = m_users.token(QStringLiteral("admin"));
    const QJsonObject create{{QStringLiteral("login_id"), QStringLiteral("trust.clerk")},
                             {QStringLiteral("name"), QString(QStringLiteral("受付 ") + TestCard)},
                             {QStringLiteral("role"), QStringLiteral("general")},
                             {QStringLiteral("password"), QStringLiteral("initial-password-2026")}};
    GatewayClient::Response response = admin.post(QStringLiteral("/v1/users"), create, token);
    QCOMPARE(response.status, 400);
    QCOMPARE(response.errorCode(), QStringLiteral("invalid_parameter"));
    QVERIFY(response.json.value(QLatin1String("error")).toObject().value(QLatin1String("message")).toString().startsWith(QStringLiteral("name:")));
    QVERIFY2(!mentionsTestCard(response.body), "the answer repeats the card number");
    QCOMPARE(m_users.get(QStringLiteral("admin"), QStringLiteral("/v1/users")).body.contains("trust.clerk"), false);

    const QJsonObject rename{{QStringLiteral("name"), QString(QStringLiteral("担当 ") + TestCard)}};
    response = GatewayClient::finish({admin.start("PATCH", QStringLiteral("/v1/users/staff"),
                                                  QJsonDocument(rename).toJson(QJsonDocument::Compact), token)})
                   .first();
    QCOMPARE(response.status, 400);
    QCOMPARE(response.errorCode(), QStringLiteral("invalid_parameter"));
    QVERIFY2(!mentionsTestCard(m_users.get(QStringLiteral("admin"), QStringLiteral("/v1/users")).body), "the name was stored");
}

QTEST_GUILESS_MAIN(TestGatewayTrust)
#include "tst_gatewaytrust.moc"
