#include "gatewayclient.h"
#include "gatewayfixture.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

namespace {

struct Credentials
{
    QString loginId;
    QString password;
    QString passphrase;
    QString p12;
};

QString field(const QString &output, const QString &name)
{
    const QRegularExpression pattern(QStringLiteral("^  %1:\\s+(\\S+)$").arg(name), QRegularExpression::MultilineOption);
    return pattern.match(output).captured(1);
}

int fileMode(const QString &path)
{
    struct stat status {};
    if (::stat(QFile::encodeName(path).constData(), &status) != 0)
        return -1;
    return static_cast<int>(status.st_mode & 07777);
}

QStringList strings(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &item : value.toArray())
        list.append(item.toString());
    return list;
}

} // namespace

// A real gateway brought up from the command line alone: init, merchant add, user add, serve,
// and the administrator made that way at work over mTLS.
class TestGatewayCommands : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void initPrintsTheNextSteps();
    void merchantAddPrintsItsFees();
    void p12IsANewOwnerOnlyFile();
    void adminFromCommandLineLogsInAndCreatesAUser();
    void generalUserFromCommandLineHasItsPermissionsOnly();
    void refusals_data();
    void refusals();
    void refusedUserLeavesNoFileAndNoUser();
    void auditShowsWhatTheCommandLineCreated();

private:
    int gateway(const QStringList &args, QString *output);
    // `user add`; the printed credentials, or empty ones (with the output logged) on failure.
    Credentials addUser(const QString &merchantId, const QString &loginId, const QString &role, const QStringList &extra = {});
    GatewayClient &adminClient();
    QString adminToken();

    GatewayFixture m_gateway;
    QTemporaryDir m_files;
    QString m_initOutput;
    QString m_merchantOutput;
    Credentials m_admin;
    std::unique_ptr<GatewayClient> m_adminClient;
    QString m_adminToken;
};

int TestGatewayCommands::gateway(const QStringList &args, QString *output)
{
    QByteArray bytes;
    const int rc = GatewayFixture::runGateway(args + QStringList{QStringLiteral("--data"), m_gateway.dataDir()} + m_gateway.databaseArgs(), &bytes);
    *output = QString::fromUtf8(bytes);
    return rc;
}

Credentials TestGatewayCommands::addUser(const QString &merchantId, const QString &loginId, const QString &role, const QStringList &extra)
{
    const QString p12 = m_files.filePath(loginId + QStringLiteral(".p12"));
    QString output;
    const int rc = gateway(QStringList{QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--merchant"), merchantId,
                                       QStringLiteral("--login"), loginId, QStringLiteral("--name"), QStringLiteral("利用者 ") + loginId,
                                       QStringLiteral("--role"), role, QStringLiteral("--p12"), p12}
                               + extra,
                           &output);
    if (rc != 0) {
        qWarning().noquote() << "user add failed:" << rc << output;
        return {};
    }
    return {field(output, QStringLiteral("login ID")), field(output, QStringLiteral("password")),
            field(output, QStringLiteral("passphrase")), p12};
}

GatewayClient &TestGatewayCommands::adminClient()
{
    if (!m_adminClient) {
        m_adminClient = std::make_unique<GatewayClient>(m_gateway.url(), m_gateway.caPath());
        QString error;
        if (!m_adminClient->setIdentity(m_admin.p12, m_admin.passphrase, &error))
            qFatal("the admin's PKCS#12 does not load: %s", qPrintable(error));
    }
    return *m_adminClient;
}

QString TestGatewayCommands::adminToken()
{
    if (m_adminToken.isEmpty())
        m_adminToken = adminClient().login(m_admin.loginId, m_admin.password);
    return m_adminToken;
}

void TestGatewayCommands::initTestCase()
{
    QVERIFY(m_files.isValid());
    QVERIFY2(m_gateway.prepare(), qPrintable(m_gateway.error()));
    QCOMPARE(gateway({QStringLiteral("init"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")}, &m_initOutput), 0);
    QCOMPARE(gateway({QStringLiteral("merchant"), QStringLiteral("add"), QStringLiteral("--id"), QStringLiteral("M0001"),
                      QStringLiteral("--name"), QStringLiteral("本番商店"), QStringLiteral("--fee"), QStringLiteral("02:300:5"),
                      QStringLiteral("--transfer-fee"), QStringLiteral("330")},
                     &m_merchantOutput),
             0);
    m_admin = addUser(QStringLiteral("M0001"), QStringLiteral("admin"), QStringLiteral("admin"));
    QVERIFY(!m_admin.password.isEmpty());
    QVERIFY2(m_gateway.restart(), qPrintable(m_gateway.error()));
}

void TestGatewayCommands::initPrintsTheNextSteps()
{
    // The two commands an operator runs next, with this data directory filled in.
    const QString target = QStringLiteral("--data ") + m_gateway.dataDir();
    QVERIFY2(m_initOutput.contains(QStringLiteral("kessai-gateway merchant add ") + target), qPrintable(m_initOutput));
    QVERIFY2(m_initOutput.contains(QStringLiteral("--id M0001 --name NAME")), qPrintable(m_initOutput));
    QVERIFY2(m_initOutput.contains(QStringLiteral("kessai-gateway user add ") + target), qPrintable(m_initOutput));
    QVERIFY2(m_initOutput.contains(QStringLiteral("--merchant M0001 --login LOGIN_ID --name NAME --role admin --p12 LOGIN_ID.p12")),
             qPrintable(m_initOutput));
    if (!m_gateway.databaseUrl().isEmpty())
        QVERIFY2(m_initOutput.contains(QStringLiteral("--db postgresql://")), qPrintable(m_initOutput));
}

void TestGatewayCommands::merchantAddPrintsItsFees()
{
    QVERIFY2(m_merchantOutput.contains(QStringLiteral("Created merchant M0001 本番商店")), qPrintable(m_merchantOutput));
    QVERIFY2(m_merchantOutput.contains(QStringLiteral("fee 02: 300 bp + 5 yen\n")), qPrintable(m_merchantOutput));
    // Types without a fee of their own take the documented defaults.
    QVERIFY2(m_merchantOutput.contains(QStringLiteral("fee 03: 0 bp + 130 yen (default)")), qPrintable(m_merchantOutput));
    QVERIFY2(m_merchantOutput.contains(QStringLiteral("transfer fee: 330 yen\n")), qPrintable(m_merchantOutput));
}

void TestGatewayCommands::p12IsANewOwnerOnlyFile()
{
    QCOMPARE(fileMode(m_admin.p12), 0600);
    QVERIFY(QFile(m_admin.p12).size() > 0);
    QCOMPARE(m_admin.loginId, QStringLiteral("admin"));
    // A generated password that meets the policy: at least 12 characters, letters and digits.
    QVERIFY(m_admin.password.size() >= 12);
    QVERIFY(m_admin.password.contains(QRegularExpression(QStringLiteral("[0-9]"))));
    QVERIFY(m_admin.password.contains(QRegularExpression(QStringLiteral("[A-Za-z]"))));
    QVERIFY(m_admin.passphrase.size() >= 16);
    QVERIFY(m_admin.passphrase != m_admin.password);
}

void TestGatewayCommands::adminFromCommandLineLogsInAndCreatesAUser()
{
    const QString token = adminToken();
    QVERIFY2(!token.isEmpty(), "the administrator made by user add cannot log in with its printed password and p12");
    const GatewayClient::Response me = adminClient().get(QStringLiteral("/v1/me"), token);
    QCOMPARE(me.status, 200);
    QCOMPARE(me.json.value(QLatin1String("role")).toString(), QStringLiteral("admin"));
    QCOMPARE(me.json.value(QLatin1String("merchant")).toObject().value(QLatin1String("name")).toString(), QStringLiteral("本番商店"));
    QVERIFY(strings(me.json.value(QLatin1String("permissions"))).contains(QStringLiteral("manage_users")));

    const GatewayClient::Response created = adminClient().post(
        QStringLiteral("/v1/users"),
        QJsonObject{{QStringLiteral("login_id"), QStringLiteral("clerk.1")},
                    {QStringLiteral("name"), QStringLiteral("受付 一郎")},
                    {QStringLiteral("role"), QStringLiteral("general")},
                    {QStringLiteral("permissions"), QJsonArray{QStringLiteral("view:02")}},
                    {QStringLiteral("password"), QStringLiteral("clerk-password-2026")}},
        token);
    QCOMPARE(created.status, 201);
    QCOMPARE(strings(created.json.value(QLatin1String("permissions"))), QStringList{QStringLiteral("view:02")});
    const GatewayClient::Response issued = adminClient().post(QStringLiteral("/v1/users/clerk.1/certificate"), QJsonObject(), token);
    QCOMPARE(issued.status, 201);
}

void TestGatewayCommands::generalUserFromCommandLineHasItsPermissionsOnly()
{
    // Added while the gateway serves, as an operator would.
    const Credentials staff = addUser(QStringLiteral("M0001"), QStringLiteral("staff"), QStringLiteral("general"),
                                      {QStringLiteral("--permission"), QStringLiteral("view:03"), QStringLiteral("--permission"),
                                       QStringLiteral("capture")});
    QVERIFY(!staff.password.isEmpty());
    QVERIFY(staff.password != m_admin.password);
    GatewayClient client(m_gateway.url(), m_gateway.caPath());
    QVERIFY(client.setIdentity(staff.p12, staff.passphrase));
    const QString token = client.login(staff.loginId, staff.password);
    QVERIFY(!token.isEmpty());
    const GatewayClient::Response me = client.get(QStringLiteral("/v1/me"), token);
    QCOMPARE(strings(me.json.value(QLatin1String("permissions"))), (QStringList{QStringLiteral("view:03"), QStringLiteral("capture")}));
    // Its certificate is its own: the admin's password does not open it.
    GatewayClient::Response mismatch;
    QVERIFY(client.login(m_admin.loginId, m_admin.password, &mismatch).isEmpty());
    QCOMPARE(mismatch.errorCode(), QStringLiteral("certificate_mismatch"));
}

void TestGatewayCommands::refusals_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");

    auto merchant = [](const QString &id, const QString &name, const QStringList &extra = {}) {
        return QStringList{QStringLiteral("merchant"), QStringLiteral("add"), QStringLiteral("--id"), id, QStringLiteral("--name"), name}
               + extra;
    };
    auto user = [this](const QString &merchantId, const QString &loginId, const QString &role, const QString &p12 = {}) {
        return QStringList{QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--merchant"), merchantId,
                           QStringLiteral("--login"), loginId, QStringLiteral("--name"), QStringLiteral("誰か"),
                           QStringLiteral("--role"), role, QStringLiteral("--p12"),
                           p12.isEmpty() ? m_files.filePath(QStringLiteral("refused-") + loginId + QStringLiteral(".p12")) : p12};
    };
    QTest::newRow("duplicate merchant") << merchant(QStringLiteral("M0001"), QStringLiteral("二号店")) << 1 << QStringLiteral("exists already");
    QTest::newRow("merchant id without M") << merchant(QStringLiteral("0002"), QStringLiteral("二号店")) << 1 << QStringLiteral("M and 4 to 8 digits");
    QTest::newRow("merchant id too short") << merchant(QStringLiteral("M12"), QStringLiteral("二号店")) << 1 << QStringLiteral("M and 4 to 8 digits");
    QTest::newRow("empty merchant name") << merchant(QStringLiteral("M0002"), QStringLiteral("  ")) << 1 << QStringLiteral("--name");
    QTest::newRow("unknown fee type") << merchant(QStringLiteral("M0002"), QStringLiteral("二号店"), {QStringLiteral("--fee"), QStringLiteral("99:100:0")})
                                      << 2 << QStringLiteral("unknown payment type 99");
    QTest::newRow("fee rate over 100 %") << merchant(QStringLiteral("M0002"), QStringLiteral("二号店"), {QStringLiteral("--fee"), QStringLiteral("02:10001:0")})
                                         << 2 << QStringLiteral("basis points");
    QTest::newRow("negative transfer fee") << merchant(QStringLiteral("M0002"), QStringLiteral("二号店"), {QStringLiteral("--transfer-fee"), QStringLiteral("-1")})
                                           << 2 << QStringLiteral("--transfer-fee");
    QTest::newRow("unknown merchant") << user(QStringLiteral("M0009"), QStringLiteral("nobody"), QStringLiteral("general")) << 1
                                      << QStringLiteral("no merchant M0009");
    QTest::newRow("duplicate login") << user(QStringLiteral("M0001"), QStringLiteral("admin"), QStringLiteral("general")) << 1
                                     << QStringLiteral("already taken");
    QTest::newRow("duplicate login in another case") << user(QStringLiteral("M0001"), QStringLiteral("Admin"), QStringLiteral("admin")) << 1
                                                     << QStringLiteral("already taken");
    QTest::newRow("the gateway's own name") << user(QStringLiteral("M0001"), QStringLiteral("system"), QStringLiteral("admin")) << 1
                                            << QStringLiteral("reserved");
    QTest::newRow("bad role") << user(QStringLiteral("M0001"), QStringLiteral("boss"), QStringLiteral("owner")) << 2
                              << QStringLiteral("--role expects admin or general");
    QTest::newRow("bad login id") << user(QStringLiteral("M0001"), QStringLiteral("a b"), QStringLiteral("general")) << 1
                                  << QStringLiteral("login_id");
    QTest::newRow("existing p12 file") << user(QStringLiteral("M0001"), QStringLiteral("second"), QStringLiteral("general"), m_admin.p12) << 1
                                       << QStringLiteral("refusing to overwrite");
    QTest::newRow("missing p12 option") << QStringList{QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--merchant"),
                                                       QStringLiteral("M0001"), QStringLiteral("--login"), QStringLiteral("third"),
                                                       QStringLiteral("--name"), QStringLiteral("x"), QStringLiteral("--role"),
                                                       QStringLiteral("general")}
                                        << 2 << QStringLiteral("needs --p12");
}

void TestGatewayCommands::refusals()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    const QByteArray adminP12 = [this] {
        QFile file(m_admin.p12);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }();
    QString output;
    QCOMPARE(gateway(args, &output), exitCode);
    QVERIFY2(output.contains(message), qPrintable(output));
    QVERIFY2(!output.contains(QStringLiteral("password:")), qPrintable(output));
    // Nothing was written over: the admin's file is what it was.
    QFile file(m_admin.p12);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), adminP12);
}

void TestGatewayCommands::refusedUserLeavesNoFileAndNoUser()
{
    for (const QString &loginId : {QStringLiteral("nobody"), QStringLiteral("Admin"), QStringLiteral("system"), QStringLiteral("boss")})
        QVERIFY2(!QFile::exists(m_files.filePath(QStringLiteral("refused-") + loginId + QStringLiteral(".p12"))), qPrintable(loginId));
    // The login refused for an existing file was not created: it can still be taken.
    const GatewayClient::Response users = adminClient().get(QStringLiteral("/v1/users"), adminToken());
    QCOMPARE(users.status, 200);
    QStringList loginIds;
    for (const QJsonValue &item : users.json.value(QLatin1String("items")).toArray())
        loginIds.append(item.toObject().value(QLatin1String("login_id")).toString());
    QCOMPARE(loginIds, (QStringList{QStringLiteral("admin"), QStringLiteral("clerk.1"), QStringLiteral("staff")}));
    QVERIFY(!addUser(QStringLiteral("M0001"), QStringLiteral("second"), QStringLiteral("general")).password.isEmpty());
}

void TestGatewayCommands::auditShowsWhatTheCommandLineCreated()
{
    const GatewayClient::Response response = adminClient().get(QStringLiteral("/v1/audit?login_id=system&limit=1000"), adminToken());
    QCOMPARE(response.status, 200);
    QStringList entries; // oldest first: "action target result origin"
    for (const QJsonValue &item : response.json.value(QLatin1String("items")).toArray()) {
        const QJsonObject entry = item.toObject();
        QString target = entry.value(QLatin1String("target")).toString();
        target.replace(QRegularExpression(QStringLiteral(" cert:[0-9a-f]{16}$")), QStringLiteral(" cert:…"));
        entries.prepend(QStringList{entry.value(QLatin1String("action")).toString(), target,
                                    entry.value(QLatin1String("result")).toString(), entry.value(QLatin1String("origin")).toString()}
                            .join(u' '));
    }
    const QStringList expected{
        QStringLiteral("merchant_create merchant:M0001 ok command line"),
        QStringLiteral("user_create user:admin ok command line"),
        QStringLiteral("certificate_issue user:admin cert:… ok command line"),
        QStringLiteral("user_create user:staff ok command line"),
        QStringLiteral("certificate_issue user:staff cert:… ok command line"),
        // Refusals the admin API would audit are audited here too; those caught before the
        // merchant's services are reached (unknown merchant, bad role, existing file) are not.
        QStringLiteral("user_create user:admin conflict command line"),
        QStringLiteral("user_create user:Admin conflict command line"),
        QStringLiteral("user_create user:system conflict command line"),
        QStringLiteral("user_create user:a b invalid_parameter command line"),
        QStringLiteral("user_create user:second ok command line"),
        QStringLiteral("certificate_issue user:second cert:… ok command line"),
    };
    QCOMPARE(entries, expected);
}

QTEST_GUILESS_MAIN(TestGatewayCommands)
#include "tst_gatewaycommands.moc"
