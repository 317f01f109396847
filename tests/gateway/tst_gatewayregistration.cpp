#include "gatewayclient.h"
#include "gatewayfixture.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

// Manual registration (POST /v1/payments) through the Merchant API: every field error, the
// sandbox issuer's declines, capture now or authorize only with their events, CVS / ATM / bank
// net with their numbers, permissions, idempotency, duplicate trading ids, a registered
// authorization captured in bulk, and that the card number and security code end up nowhere.
// Expected values come from the contract (docs/api.md), not from the gateway's code.
class TestGatewayRegistration : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void everyFieldErrorIsNamed_data();
    void everyFieldErrorIsNamed();
    void severalWrongFieldsAreAllReported();
    void authorizeOnlyRegistersAnAuthorization();
    void captureNowRegistersASale();
    void installmentsAreStoredWithTheirCount();
    void everyBrandIsRecognisedFromItsBin_data();
    void everyBrandIsRecognisedFromItsBin();
    void testCardsDeclineWithTheirDetailCode_data();
    void testCardsDeclineWithTheirDetailCode();
    void convenienceStoreGetsAReceiptNumberAndDueTime();
    void atmGetsAPaymentNumber();
    void bankNetWaitsForTheCustomer();
    void usersWithoutRegisterAreForbiddenAndAudited();
    void typesTheUserMayNotViewAreForbidden();
    void idempotencyKeyIsRequiredAndReplaysTheStoredAnswer();
    void aRunningKeyAnswers409();
    void aTradingIdIsRegisteredOnce();
    void aRegisteredAuthorizationCanBeCapturedInBulk();
    void theCardNumberAndSecurityCodeAreStoredNowhere();

private:
    GatewayClient::Response registerPayment(const QJsonObject &body, const QByteArray &key = {});
    GatewayClient::Response registerAs(GatewayClient &client, const QString &token, const QJsonObject &body,
                                       const QByteArray &key = {});
    QJsonObject detail(const QString &paymentId);
    QString newTradingId() { return QStringLiteral("REG_%1_%2").arg(QDateTime::currentSecsSinceEpoch()).arg(++m_tradingIds); }
    QByteArray newKey() { return "reg-key-" + QByteArray::number(++m_keys); }
    QJsonObject cardBody(const QString &number = QStringLiteral("4111111111111111"), const QString &cvc = QStringLiteral("123"));
    QJsonObject cvsBody();
    QJsonObject atmBody();
    QJsonObject bankBody();
    QList<QStringList> auditRows(const QByteArray &requestId);
    GatewayClient loggedIn(const QString &loginId, const QString &p12, const QString &passphrase, const QString &password,
                           QString *token);

    GatewayFixture m_gateway;
    std::optional<GatewayClient> m_admin;
    QString m_adminToken;
    QTemporaryDir m_files;
    QString m_registrarP12;
    QString m_registrarPassphrase;
    int m_tradingIds = 0;
    int m_keys = 0;
};

namespace {

const QString RegistrarPassword = QStringLiteral("registrar-password-2026");

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QList<std::pair<QByteArray, QByteArray>> keyHeader(const QByteArray &key)
{
    return {{QByteArrayLiteral("Idempotency-Key"), key}};
}

// A copy of object with the member at path ("card.number") set, or removed when value is undefined.
QJsonObject with(QJsonObject object, const QString &path, const QJsonValue &value)
{
    const qsizetype dot = path.indexOf(u'.');
    if (dot < 0) {
        if (value.isUndefined())
            object.remove(path);
        else
            object.insert(path, value);
        return object;
    }
    const QString head = path.left(dot);
    object.insert(head, with(object.value(head).toObject(), path.mid(dot + 1), value));
    return object;
}

QString futureExpiry()
{
    const QDate date = QDate::currentDate().addYears(3);
    return QStringLiteral("%1/%2").arg(date.month(), 2, 10, QLatin1Char('0')).arg(date.year() % 100, 2, 10, QLatin1Char('0'));
}

QString pastExpiry()
{
    const QDate date = QDate::currentDate().addMonths(-2);
    return QStringLiteral("%1/%2").arg(date.month(), 2, 10, QLatin1Char('0')).arg(date.year() % 100, 2, 10, QLatin1Char('0'));
}

qint64 wireSeconds(const QJsonValue &value)
{
    return QDateTime::fromString(value.toString(), Qt::ISODate).toSecsSinceEpoch();
}

// The end of the JST day `days` days after the JST day of `at`.
qint64 expectedDue(qint64 at, int days)
{
    const QDate jstDay = QDateTime::fromSecsSinceEpoch(at + 9 * 3600, Qt::UTC).date().addDays(days);
    return QDateTime(jstDay, QTime(23, 59, 59), Qt::UTC).toSecsSinceEpoch() - 9 * 3600;
}

QStringList eventSummary(const QJsonArray &events)
{
    QStringList summary;
    for (const QJsonValue &value : events) {
        const QJsonObject event = value.toObject();
        summary.append(QStringLiteral("%1>%2 %3 %4")
                           .arg(event.value(QLatin1String("from")).isNull() ? QStringLiteral("null")
                                                                             : QString::number(event.value(QLatin1String("from")).toInt()))
                           .arg(event.value(QLatin1String("to")).toInt())
                           .arg(event.value(QLatin1String("actor")).toString())
                           .arg(event.value(QLatin1String("amount")).toInteger()));
    }
    return summary;
}

} // namespace

void TestGatewayRegistration::initTestCase()
{
    QVERIFY2(m_gateway.start(200, 11), qPrintable(m_gateway.error()));
    const GatewayFixture::User admin = m_gateway.user(QStringLiteral("admin"));
    m_admin.emplace(m_gateway.url(), m_gateway.caPath());
    QVERIFY(m_admin->setIdentity(admin.p12, admin.p12Passphrase));
    m_adminToken = m_admin->login(admin.loginId, admin.password);
    QVERIFY(!m_adminToken.isEmpty());

    // A clerk who may register and view card payments, but not see convenience store ones.
    const GatewayClient::Response created = m_admin->post(
        QStringLiteral("/v1/users"),
        QJsonObject{{QStringLiteral("login_id"), QStringLiteral("registrar")},
                    {QStringLiteral("name"), QStringLiteral("登録 花子")},
                    {QStringLiteral("role"), QStringLiteral("general")},
                    {QStringLiteral("permissions"), QJsonArray{QStringLiteral("view:02"), QStringLiteral("register")}},
                    {QStringLiteral("password"), RegistrarPassword}},
        m_adminToken);
    QCOMPARE(created.status, 201);
    const GatewayClient::Response issued = m_admin->post(QStringLiteral("/v1/users/registrar/certificate"), QJsonObject(), m_adminToken);
    QCOMPARE(issued.status, 201);
    m_registrarP12 = m_files.filePath(QStringLiteral("registrar.p12"));
    QFile file(m_registrarP12);
    const QByteArray p12 = QByteArray::fromBase64(issued.json.value(QLatin1String("p12")).toString().toLatin1());
    QVERIFY(file.open(QIODevice::WriteOnly) && file.write(p12) == p12.size());
    file.close();
    m_registrarPassphrase = issued.json.value(QLatin1String("passphrase")).toString();
}

GatewayClient TestGatewayRegistration::loggedIn(const QString &loginId, const QString &p12, const QString &passphrase,
                                                const QString &password, QString *token)
{
    GatewayClient client(m_gateway.url(), m_gateway.caPath());
    if (client.setIdentity(p12, passphrase))
        *token = client.login(loginId, password);
    return client;
}

GatewayClient::Response TestGatewayRegistration::registerAs(GatewayClient &client, const QString &token,
                                                            const QJsonObject &body, const QByteArray &key)
{
    return client.post(QStringLiteral("/v1/payments"), compact(body), token, keyHeader(key.isEmpty() ? newKey() : key));
}

GatewayClient::Response TestGatewayRegistration::registerPayment(const QJsonObject &body, const QByteArray &key)
{
    return registerAs(*m_admin, m_adminToken, body, key);
}

QJsonObject TestGatewayRegistration::detail(const QString &paymentId)
{
    const GatewayClient::Response response = m_admin->get(QStringLiteral("/v1/payments/") + paymentId, m_adminToken);
    return response.status == 200 ? response.json : QJsonObject();
}

QJsonObject TestGatewayRegistration::cardBody(const QString &number, const QString &cvc)
{
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("02")},
                       {QStringLiteral("trading_id"), newTradingId()},
                       {QStringLiteral("amount"), 6300},
                       {QStringLiteral("card"), QJsonObject{{QStringLiteral("number"), number},
                                                            {QStringLiteral("expiry"), futureExpiry()},
                                                            {QStringLiteral("cvc"), cvc},
                                                            {QStringLiteral("holder"), QStringLiteral("Hanako Sato")}}}};
}

QJsonObject TestGatewayRegistration::cvsBody()
{
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("03")},
                       {QStringLiteral("trading_id"), newTradingId()},
                       {QStringLiteral("amount"), 12000},
                       {QStringLiteral("chain"), QStringLiteral("lawson")},
                       {QStringLiteral("customer"), QJsonObject{{QStringLiteral("name"), QStringLiteral("山田 花子")},
                                                                {QStringLiteral("kana"), QStringLiteral("ヤマダ ハナコ")},
                                                                {QStringLiteral("phone"), QStringLiteral("090-1234-5678")}}},
                       {QStringLiteral("due_days"), 7}};
}

QJsonObject TestGatewayRegistration::atmBody()
{
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("01")},
                       {QStringLiteral("trading_id"), newTradingId()},
                       {QStringLiteral("amount"), 25000},
                       {QStringLiteral("customer"), QJsonObject{{QStringLiteral("name"), QStringLiteral("田中 健一")},
                                                                {QStringLiteral("kana"), QStringLiteral("タナカ ケンイチ")}}},
                       {QStringLiteral("due_days"), 14}};
}

QJsonObject TestGatewayRegistration::bankBody()
{
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("05")},
                       {QStringLiteral("trading_id"), newTradingId()},
                       {QStringLiteral("amount"), 1200},
                       {QStringLiteral("bank"), QStringLiteral("mizuho")},
                       {QStringLiteral("customer"), QJsonObject{{QStringLiteral("name"), QStringLiteral("鈴木 一郎")},
                                                                {QStringLiteral("kana"), QStringLiteral("スズキ イチロウ")},
                                                                {QStringLiteral("email"), QStringLiteral("ichiro@example.jp")}}},
                       {QStringLiteral("due_days"), 1}};
}

QList<QStringList> TestGatewayRegistration::auditRows(const QByteArray &requestId)
{
    QList<QStringList> rows;
    {
        QSqlDatabase db = m_gateway.openDatabase(QStringLiteral("registration-audit"));
        if (db.isOpen()) {
            QSqlQuery q(db);
            if (q.prepare(QStringLiteral("SELECT login_id, action, target, result FROM audit_log WHERE request_id = ?"
                                         " ORDER BY audit_id"))) {
                q.addBindValue(QString::fromLatin1(requestId));
                if (q.exec()) {
                    while (q.next())
                        rows.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString()});
                }
            }
            db.close();
        } else {
            qWarning() << m_gateway.error();
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("registration-audit"));
    return rows;
}

void TestGatewayRegistration::everyFieldErrorIsNamed_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QString>("code");   // bad_request (missing) or invalid_parameter
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("reason");

    const QString bad = QStringLiteral("bad_request");
    const QString invalid = QStringLiteral("invalid_parameter");
    const QJsonObject card = cardBody();
    const QJsonObject cvs = cvsBody();
    const QJsonObject atm = atmBody();
    const QJsonObject bank = bankBody();
    const QJsonValue none = QJsonValue(QJsonValue::Undefined);
    auto row = [&](const char *name, const QJsonObject &base, const QString &path, const QJsonValue &value,
                   const QString &code, const QString &field, const char *reason) {
        QTest::newRow(name) << with(base, path, value) << code << field << QString::fromLatin1(reason);
    };
    auto row1 = [&](const char *name, const QJsonObject &base, const QString &path, const QJsonValue &value,
                    const QString &code, const char *reason) { row(name, base, path, value, code, path, reason); };

    row1("type missing", card, QStringLiteral("type"), none, bad, "missing");
    row1("type unknown", card, QStringLiteral("type"), QStringLiteral("07"), invalid, "invalid");
    row1("type a number", card, QStringLiteral("type"), 2, invalid, "invalid");
    row1("trading_id missing", card, QStringLiteral("trading_id"), none, bad, "missing");
    row1("trading_id too long", card, QStringLiteral("trading_id"), QString(26, u'A'), invalid, "invalid");
    row1("trading_id hyphen", card, QStringLiteral("trading_id"), QStringLiteral("ORD-1"), invalid, "invalid");
    row1("trading_id empty", card, QStringLiteral("trading_id"), QString(), invalid, "invalid");
    // "$" in a pattern would also match before a final newline: every check anchors at the end.
    row1("trading_id trailing newline", card, QStringLiteral("trading_id"), QStringLiteral("ORD1\n"), invalid, "invalid");
    row1("amount missing", card, QStringLiteral("amount"), none, bad, "missing");
    row1("amount zero", card, QStringLiteral("amount"), 0, invalid, "out_of_range");
    row1("amount negative", card, QStringLiteral("amount"), -5, invalid, "out_of_range");
    row1("amount over card limit", card, QStringLiteral("amount"), 10000000, invalid, "out_of_range");
    row1("amount fraction", card, QStringLiteral("amount"), 100.5, invalid, "invalid");
    row1("amount a string", card, QStringLiteral("amount"), QStringLiteral("100"), invalid, "invalid");
    row1("card missing", card, QStringLiteral("card"), none, bad, "missing");
    row1("card not an object", card, QStringLiteral("card"), QStringLiteral("4111111111111111"), invalid, "invalid");
    row1("number missing", card, QStringLiteral("card.number"), none, bad, "missing");
    row1("number a number", card, QStringLiteral("card.number"), 4111111111111111.0, invalid, "invalid");
    row1("number with letters", card, QStringLiteral("card.number"), QStringLiteral("4111 1111 1111 111X"), invalid, "invalid");
    row1("number 13 digits", card, QStringLiteral("card.number"), QStringLiteral("4222222222222"), invalid, "invalid");
    row1("number 20 digits", card, QStringLiteral("card.number"), QStringLiteral("41111111111111111113"), invalid, "invalid");
    row1("number fails luhn", card, QStringLiteral("card.number"), QStringLiteral("4111111111111112"), invalid, "check_digit");
    row1("number unknown brand", card, QStringLiteral("card.number"), QStringLiteral("6011111111111117"), invalid, "unknown_brand");
    row1("expiry missing", card, QStringLiteral("card.expiry"), none, bad, "missing");
    row1("expiry month 13", card, QStringLiteral("card.expiry"), QStringLiteral("13/30"), invalid, "invalid");
    row1("expiry other form", card, QStringLiteral("card.expiry"), QStringLiteral("2030-12"), invalid, "invalid");
    row1("expiry past", card, QStringLiteral("card.expiry"), pastExpiry(), invalid, "expired");
    row1("cvc missing", card, QStringLiteral("card.cvc"), none, bad, "missing");
    row1("cvc two digits", card, QStringLiteral("card.cvc"), QStringLiteral("12"), invalid, "invalid");
    row1("cvc four digits on visa", card, QStringLiteral("card.cvc"), QStringLiteral("1234"), invalid, "invalid");
    row1("cvc three digits on amex", with(card, QStringLiteral("card.number"), QStringLiteral("378282246310005")),
         QStringLiteral("card.cvc"), QStringLiteral("123"), invalid, "invalid");
    row1("cvc a number", card, QStringLiteral("card.cvc"), 123, invalid, "invalid");
    row1("holder missing", card, QStringLiteral("card.holder"), none, bad, "missing");
    row1("holder in kanji", card, QStringLiteral("card.holder"), QStringLiteral("佐藤 花子"), invalid, "invalid");
    row("card unknown field", card, QStringLiteral("card.pin"), QStringLiteral("0000"), invalid, QStringLiteral("card.pin"), "unknown_field");
    row1("payment_class unknown", card, QStringLiteral("payment_class"), QStringLiteral("99"), invalid, "invalid");
    row("installments without count", with(card, QStringLiteral("payment_class"), QStringLiteral("61")),
        QStringLiteral("split_count"), none, bad, QStringLiteral("split_count"), "missing");
    row1("split_count not offered", with(card, QStringLiteral("payment_class"), QStringLiteral("61")),
         QStringLiteral("split_count"), 4, invalid, "invalid");
    row1("split_count with lump sum", card, QStringLiteral("split_count"), 3, invalid, "not_allowed");
    row1("capture a string", card, QStringLiteral("capture"), QStringLiteral("yes"), invalid, "invalid");
    row1("due_days on a card", card, QStringLiteral("due_days"), 7, invalid, "not_allowed");
    row1("chain on a card", card, QStringLiteral("chain"), QStringLiteral("lawson"), invalid, "not_allowed");
    row1("customer kana on a card", card, QStringLiteral("customer.kana"), QStringLiteral("hanako"), invalid, "invalid");
    row("unknown top-level field", card, QStringLiteral("pan"), QStringLiteral("x"), invalid, QStringLiteral("pan"), "unknown_field");

    row1("cvs chain missing", cvs, QStringLiteral("chain"), none, bad, "missing");
    row1("cvs chain unknown", cvs, QStringLiteral("chain"), QStringLiteral("circlek"), invalid, "invalid");
    row1("cvs amount over 299999", cvs, QStringLiteral("amount"), 300000, invalid, "out_of_range");
    row1("cvs customer missing", cvs, QStringLiteral("customer"), none, bad, "missing");
    row1("cvs name missing", cvs, QStringLiteral("customer.name"), none, bad, "missing");
    row1("cvs name too long", cvs, QStringLiteral("customer.name"), QString(41, u'山'), invalid, "invalid");
    row1("cvs kana in hiragana", cvs, QStringLiteral("customer.kana"), QStringLiteral("やまだ はなこ"), invalid, "invalid");
    row1("cvs kana half-width", cvs, QStringLiteral("customer.kana"), QStringLiteral("ﾔﾏﾀﾞ ﾊﾅｺ"), invalid, "invalid");
    row1("cvs phone missing", cvs, QStringLiteral("customer.phone"), none, bad, "missing");
    row1("cvs phone letters", cvs, QStringLiteral("customer.phone"), QStringLiteral("090-ABCD-5678"), invalid, "invalid");
    row1("cvs phone too short", cvs, QStringLiteral("customer.phone"), QStringLiteral("090-123"), invalid, "invalid");
    row1("cvs email malformed", cvs, QStringLiteral("customer.email"), QStringLiteral("not-an-address"), invalid, "invalid");
    row1("cvs phone trailing newline", cvs, QStringLiteral("customer.phone"), QStringLiteral("0312345678\n"), invalid, "invalid");
    row1("cvs email trailing newline", cvs, QStringLiteral("customer.email"), QStringLiteral("a@example.jp\n"), invalid, "invalid");
    row1("cvs due_days missing", cvs, QStringLiteral("due_days"), none, bad, "missing");
    row1("cvs due_days zero", cvs, QStringLiteral("due_days"), 0, invalid, "out_of_range");
    row1("cvs due_days 61", cvs, QStringLiteral("due_days"), 61, invalid, "out_of_range");
    row1("cvs with a card", cvs, QStringLiteral("card"), QJsonObject(), invalid, "not_allowed");
    row1("cvs with capture", cvs, QStringLiteral("capture"), true, invalid, "not_allowed");
    row1("cvs with a bank", cvs, QStringLiteral("bank"), QStringLiteral("mizuho"), invalid, "not_allowed");
    row1("atm amount over 500000", atm, QStringLiteral("amount"), 500001, invalid, "out_of_range");
    row1("atm kana missing", atm, QStringLiteral("customer.kana"), none, bad, "missing");
    row1("atm with a chain", atm, QStringLiteral("chain"), QStringLiteral("lawson"), invalid, "not_allowed");
    row1("bank missing", bank, QStringLiteral("bank"), none, bad, "missing");
    row1("bank unknown", bank, QStringLiteral("bank"), QStringLiteral("citibank"), invalid, "invalid");
    row1("bank due_days 61", bank, QStringLiteral("due_days"), 61, invalid, "out_of_range");
}

void TestGatewayRegistration::everyFieldErrorIsNamed()
{
    QFETCH(QJsonObject, body);
    QFETCH(QString, code);
    QFETCH(QString, field);
    QFETCH(QString, reason);
    const GatewayClient::Response response = registerPayment(body);
    QCOMPARE(response.status, 400);
    const QJsonObject error = response.json.value(QLatin1String("error")).toObject();
    QCOMPARE(error.value(QLatin1String("code")).toString(), code);
    QCOMPARE(error.value(QLatin1String("request_id")).toString(), QString::fromLatin1(response.requestId));
    const QJsonArray fields = error.value(QLatin1String("fields")).toArray();
    QCOMPARE(fields.size(), 1);
    QCOMPARE(fields.first().toObject().value(QLatin1String("field")).toString(), field);
    QCOMPARE(fields.first().toObject().value(QLatin1String("reason")).toString(), reason);
    QVERIFY(error.value(QLatin1String("message")).toString().startsWith(field));
    // The answer never echoes a card number or security code.
    const QString number = body.value(QLatin1String("card")).toObject().value(QLatin1String("number")).toString();
    if (!number.isEmpty())
        QVERIFY(!response.body.contains(number.toLatin1()));
    // Nothing was stored under the trading id.
    const QString tradingId = body.value(QLatin1String("trading_id")).toString();
    if (!tradingId.isEmpty() && !tradingId.contains(u'-') && tradingId.size() <= 25) {
        const GatewayClient::Response found = m_admin->get(QStringLiteral("/v1/payments/count?trading_id=") + tradingId, m_adminToken);
        QCOMPARE(found.json.value(QLatin1String("total")).toInteger(), qint64(0));
    }
}

void TestGatewayRegistration::severalWrongFieldsAreAllReported()
{
    QJsonObject body = with(cardBody(), QStringLiteral("amount"), 0);
    body = with(body, QStringLiteral("card.number"), QStringLiteral("4111111111111112"));
    body = with(body, QStringLiteral("card.cvc"), QStringLiteral("12"));
    const GatewayClient::Response response = registerPayment(body);
    QCOMPARE(response.status, 400);
    QCOMPARE(response.errorCode(), QStringLiteral("invalid_parameter"));
    QStringList fields;
    for (const QJsonValue &value : response.json.value(QLatin1String("error")).toObject().value(QLatin1String("fields")).toArray())
        fields.append(value.toObject().value(QLatin1String("field")).toString());
    QCOMPARE(fields, (QStringList{QStringLiteral("amount"), QStringLiteral("card.number"), QStringLiteral("card.cvc")}));
}

void TestGatewayRegistration::authorizeOnlyRegistersAnAuthorization()
{
    const QJsonObject body = with(cardBody(QStringLiteral("4111-1111-1111-1111")), QStringLiteral("capture"), false);
    const GatewayClient::Response response = registerPayment(body);
    QCOMPARE(response.status, 201);
    const QJsonObject made = response.json;
    QCOMPARE(made.value(QLatin1String("status")).toInt(), 20);
    QCOMPARE(made.value(QLatin1String("amount")).toInteger(), qint64(6300));
    QCOMPARE(made.value(QLatin1String("trading_id")).toString(), body.value(QLatin1String("trading_id")).toString());
    QCOMPARE(made.value(QLatin1String("card")).toObject(),
             (QJsonObject{{QStringLiteral("brand"), QStringLiteral("VISA")}, {QStringLiteral("bin"), QStringLiteral("411111")},
                          {QStringLiteral("last4"), QStringLiteral("1111")}, {QStringLiteral("expiry"), futureExpiry()}}));
    QCOMPARE(made.value(QLatin1String("payment_class")).toString(), QStringLiteral("10"));

    const QJsonObject stored = detail(made.value(QLatin1String("payment_id")).toString());
    QCOMPARE(stored.value(QLatin1String("status")).toInt(), 20);
    QCOMPARE(stored.value(QLatin1String("type")).toString(), QStringLiteral("02"));
    QCOMPARE(stored.value(QLatin1String("institution")).toString(), QStringLiteral("VISA"));
    QCOMPARE(stored.value(QLatin1String("authorized_amount")).toInteger(), qint64(6300));
    QCOMPARE(stored.value(QLatin1String("card")).toObject(), made.value(QLatin1String("card")).toObject());
    QCOMPARE(stored.value(QLatin1String("payment_class")).toString(), QStringLiteral("10"));
    QVERIFY(!stored.contains(QLatin1String("split_count")));
    QVERIFY(!stored.contains(QLatin1String("cleared_time")));
    QVERIFY(qAbs(wireSeconds(stored.value(QLatin1String("trade_time"))) - QDateTime::currentSecsSinceEpoch()) < 120);
    QCOMPARE(eventSummary(stored.value(QLatin1String("events")).toArray()), (QStringList{QStringLiteral("null>20 admin 6300")}));
    QCOMPARE(stored.value(QLatin1String("actions")).toArray(),
             (QJsonArray{QStringLiteral("capture"), QStringLiteral("cancel"), QStringLiteral("change_amount")}));
    QCOMPARE(auditRows(response.requestId),
             (QList<QStringList>{{QStringLiteral("admin"), QStringLiteral("payment_register"),
                                  QStringLiteral("payment:") + made.value(QLatin1String("payment_id")).toString(), QStringLiteral("ok")}}));
}

void TestGatewayRegistration::captureNowRegistersASale()
{
    const GatewayClient::Response response = registerPayment(with(cardBody(QStringLiteral("5555555555554444")),
                                                                  QStringLiteral("capture"), true));
    QCOMPARE(response.status, 201);
    QCOMPARE(response.json.value(QLatin1String("status")).toInt(), 40);
    const QJsonObject stored = detail(response.json.value(QLatin1String("payment_id")).toString());
    QCOMPARE(stored.value(QLatin1String("status")).toInt(), 40);
    QCOMPARE(stored.value(QLatin1String("institution")).toString(), QStringLiteral("Mastercard"));
    QCOMPARE(stored.value(QLatin1String("cleared_time")).toString(), stored.value(QLatin1String("trade_time")).toString());
    QCOMPARE(eventSummary(stored.value(QLatin1String("events")).toArray()),
             (QStringList{QStringLiteral("null>20 admin 6300"), QStringLiteral("20>40 admin 6300")}));
    QCOMPARE(stored.value(QLatin1String("actions")).toArray(), (QJsonArray{QStringLiteral("cancel"), QStringLiteral("change_amount")}));
}

void TestGatewayRegistration::installmentsAreStoredWithTheirCount()
{
    QJsonObject body = with(cardBody(QStringLiteral("3530111333300000")), QStringLiteral("payment_class"), QStringLiteral("61"));
    body = with(body, QStringLiteral("split_count"), 12);
    const GatewayClient::Response response = registerPayment(body);
    QCOMPARE(response.status, 201);
    QCOMPARE(response.json.value(QLatin1String("payment_class")).toString(), QStringLiteral("61"));
    QCOMPARE(response.json.value(QLatin1String("split_count")).toInt(), 12);
    const QString id = response.json.value(QLatin1String("payment_id")).toString();

    // An amount change keeps the payment class on the new payment.
    const GatewayClient::Response changed = m_admin->post(QStringLiteral("/v1/payments/%1/amount").arg(id),
                                                          compact(QJsonObject{{QStringLiteral("amount"), 5000}}), m_adminToken,
                                                          keyHeader(newKey()));
    QCOMPARE(changed.status, 200);
    const QString newId = changed.json.value(QLatin1String("payment_id")).toString();
    QCOMPARE(detail(newId).value(QLatin1String("payment_class")).toString(), QStringLiteral("61"));
    QCOMPARE(detail(newId).value(QLatin1String("split_count")).toInt(), 12);
    QMap<QString, QStringList> stored;
    {
        QSqlDatabase db = m_gateway.openDatabase(QStringLiteral("registration-class"));
        QVERIFY2(db.isOpen(), qPrintable(m_gateway.error()));
        QSqlQuery q(db);
        QVERIFY(q.prepare(QStringLiteral("SELECT payment_id, payment_class, split_count FROM payments WHERE payment_id IN (?, ?)")));
        q.addBindValue(id.toLongLong());
        q.addBindValue(newId.toLongLong());
        QVERIFY(q.exec());
        while (q.next())
            stored.insert(q.value(0).toString(), {q.value(1).toString(), q.value(2).toString()});
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("registration-class"));
    QCOMPARE(stored.value(id), (QStringList{QStringLiteral("61"), QStringLiteral("12")}));
    QCOMPARE(stored.value(newId), (QStringList{QStringLiteral("61"), QStringLiteral("12")}));
}

void TestGatewayRegistration::everyBrandIsRecognisedFromItsBin_data()
{
    QTest::addColumn<QString>("number");
    QTest::addColumn<QString>("cvc");
    QTest::addColumn<QString>("brand");
    QTest::newRow("VISA") << QStringLiteral("4111 1111 1111 1111") << QStringLiteral("123") << QStringLiteral("VISA");
    QTest::newRow("Mastercard 51-55") << QStringLiteral("5555555555554444") << QStringLiteral("123") << QStringLiteral("Mastercard");
    QTest::newRow("Mastercard 2-series") << QStringLiteral("2223003122003222") << QStringLiteral("123") << QStringLiteral("Mastercard");
    QTest::newRow("JCB") << QStringLiteral("3530111333300000") << QStringLiteral("123") << QStringLiteral("JCB");
    QTest::newRow("AMEX") << QStringLiteral("3782 822463 10005") << QStringLiteral("1234") << QStringLiteral("AMEX");
    QTest::newRow("Diners 14 digits") << QStringLiteral("36227206271667") << QStringLiteral("123") << QStringLiteral("Diners");
    QTest::newRow("Diners 300-305") << QStringLiteral("30569309025904") << QStringLiteral("123") << QStringLiteral("Diners");
}

void TestGatewayRegistration::everyBrandIsRecognisedFromItsBin()
{
    QFETCH(QString, number);
    QFETCH(QString, cvc);
    QFETCH(QString, brand);
    const GatewayClient::Response response = registerPayment(cardBody(number, cvc));
    QCOMPARE(response.status, 201);
    QString digits = number;
    digits.remove(u' ');
    const QJsonObject card = response.json.value(QLatin1String("card")).toObject();
    QCOMPARE(card.value(QLatin1String("brand")).toString(), brand);
    QCOMPARE(card.value(QLatin1String("bin")).toString(), digits.left(6));
    QCOMPARE(card.value(QLatin1String("last4")).toString(), digits.right(4));
    QCOMPARE(detail(response.json.value(QLatin1String("payment_id")).toString()).value(QLatin1String("institution")).toString(), brand);
}

void TestGatewayRegistration::testCardsDeclineWithTheirDetailCode_data()
{
    QTest::addColumn<QString>("number");
    QTest::addColumn<QString>("detailCode");
    QTest::newRow("1G12 card unusable") << QStringLiteral("4000000000000002") << QStringLiteral("1G12");
    QTest::newRow("1G44 security code") << QStringLiteral("4000000000000127") << QStringLiteral("1G44");
    QTest::newRow("1G83 expired") << QStringLiteral("4000000000000069") << QStringLiteral("1G83");
    QTest::newRow("1G02 insufficient") << QStringLiteral("4000000000009995") << QStringLiteral("1G02");
}

void TestGatewayRegistration::testCardsDeclineWithTheirDetailCode()
{
    QFETCH(QString, number);
    QFETCH(QString, detailCode);
    const QJsonObject body = cardBody(number);
    const QString tradingId = body.value(QLatin1String("trading_id")).toString();
    const QByteArray key = newKey();
    const GatewayClient::Response declined = registerPayment(body, key);
    QCOMPARE(declined.status, 402);
    QCOMPARE(declined.errorCode(), QStringLiteral("card_declined"));
    QCOMPARE(declined.json.value(QLatin1String("error")).toObject().value(QLatin1String("detail_code")).toString(), detailCode);
    QVERIFY(!declined.body.contains(number.toLatin1()));
    // No payment is created for a declined authorization; the refusal is audited without the card.
    QCOMPARE(m_admin->get(QStringLiteral("/v1/payments/count?trading_id=") + tradingId, m_adminToken)
                 .json.value(QLatin1String("total")).toInteger(), qint64(0));
    QCOMPARE(auditRows(declined.requestId),
             (QList<QStringList>{{QStringLiteral("admin"), QStringLiteral("payment_register"),
                                  QStringLiteral("trading:") + tradingId, QStringLiteral("card_declined_") + detailCode}}));
    // The answer is kept under the key like any other.
    const GatewayClient::Response again = registerPayment(body, key);
    QCOMPARE(again.status, 402);
    QCOMPARE(again.header("Idempotent-Replayed"), QByteArray("true"));
    QCOMPARE(again.body, declined.body);
    // The trading id stays free: the customer may pay with another card.
    const GatewayClient::Response retried = registerPayment(with(body, QStringLiteral("card.number"), QStringLiteral("4111111111111111")));
    QCOMPARE(retried.status, 201);
    QCOMPARE(retried.json.value(QLatin1String("trading_id")).toString(), tradingId);
}

void TestGatewayRegistration::convenienceStoreGetsAReceiptNumberAndDueTime()
{
    const GatewayClient::Response response = registerPayment(cvsBody());
    QCOMPARE(response.status, 201);
    const QJsonObject made = response.json;
    QCOMPARE(made.value(QLatin1String("status")).toInt(), 10);
    static const QRegularExpression elevenDigits(QStringLiteral("^[0-9]{11}$"));
    QVERIFY(elevenDigits.match(made.value(QLatin1String("receipt_number")).toString()).hasMatch());
    const QJsonObject stored = detail(made.value(QLatin1String("payment_id")).toString());
    QCOMPARE(stored.value(QLatin1String("type")).toString(), QStringLiteral("03"));
    QCOMPARE(stored.value(QLatin1String("status")).toInt(), 10);
    QCOMPARE(stored.value(QLatin1String("institution")).toString(), QStringLiteral("ローソン"));
    QCOMPARE(stored.value(QLatin1String("receipt_number")).toString(), made.value(QLatin1String("receipt_number")).toString());
    QVERIFY(!stored.contains(QLatin1String("payment_number")));
    QVERIFY(!stored.contains(QLatin1String("card")));
    QVERIFY(!stored.contains(QLatin1String("authorized_amount")));
    QVERIFY(!stored.contains(QLatin1String("payment_class")));
    const QJsonObject customer = stored.value(QLatin1String("customer")).toObject();
    QCOMPARE(customer.value(QLatin1String("name")).toString(), QStringLiteral("山田 花子"));
    QCOMPARE(customer.value(QLatin1String("kana")).toString(), QStringLiteral("ヤマダ ハナコ"));
    QCOMPARE(customer.value(QLatin1String("phone")).toString(), QStringLiteral("09012345678"));
    QCOMPARE(wireSeconds(stored.value(QLatin1String("due_time"))), expectedDue(wireSeconds(stored.value(QLatin1String("trade_time"))), 7));
    QCOMPARE(eventSummary(stored.value(QLatin1String("events")).toArray()), (QStringList{QStringLiteral("null>10 admin 12000")}));
    QCOMPARE(stored.value(QLatin1String("actions")).toArray(), QJsonArray());
    // Found by the customer's phone number like any other payment, and paid through the sandbox.
    QCOMPARE(m_admin->get(QStringLiteral("/v1/payments/count?customer=5678&trading_id=")
                              + stored.value(QLatin1String("trading_id")).toString(), m_adminToken)
                 .json.value(QLatin1String("total")).toInteger(), qint64(1));
    const GatewayClient::Response paid = m_admin->post(
        QStringLiteral("/v1/sandbox/payments/%1/pay").arg(made.value(QLatin1String("payment_id")).toString()), QJsonObject(), m_adminToken);
    QCOMPARE(paid.status, 200);
    QCOMPARE(paid.json.value(QLatin1String("status")).toInt(), 40);
}

void TestGatewayRegistration::atmGetsAPaymentNumber()
{
    const GatewayClient::Response response = registerPayment(atmBody());
    QCOMPARE(response.status, 201);
    static const QRegularExpression fifteenDigits(QStringLiteral("^[0-9]{15}$"));
    const QJsonObject stored = detail(response.json.value(QLatin1String("payment_id")).toString());
    QCOMPARE(stored.value(QLatin1String("status")).toInt(), 10);
    QVERIFY(fifteenDigits.match(stored.value(QLatin1String("payment_number")).toString()).hasMatch());
    QCOMPARE(stored.value(QLatin1String("payment_number")).toString(), response.json.value(QLatin1String("payment_number")).toString());
    QVERIFY(!stored.contains(QLatin1String("receipt_number")));
    QCOMPARE(stored.value(QLatin1String("institution")).toString(), QStringLiteral("ペイジー"));
    QCOMPARE(wireSeconds(stored.value(QLatin1String("due_time"))), expectedDue(wireSeconds(stored.value(QLatin1String("trade_time"))), 14));
    QCOMPARE(eventSummary(stored.value(QLatin1String("events")).toArray()), (QStringList{QStringLiteral("null>10 admin 25000")}));
}

void TestGatewayRegistration::bankNetWaitsForTheCustomer()
{
    const GatewayClient::Response response = registerPayment(bankBody());
    QCOMPARE(response.status, 201);
    const QString id = response.json.value(QLatin1String("payment_id")).toString();
    const QJsonObject stored = detail(id);
    QCOMPARE(stored.value(QLatin1String("type")).toString(), QStringLiteral("05"));
    QCOMPARE(stored.value(QLatin1String("status")).toInt(), 10);
    QCOMPARE(stored.value(QLatin1String("institution")).toString(), QStringLiteral("みずほ銀行"));
    QCOMPARE(stored.value(QLatin1String("customer")).toObject().value(QLatin1String("email")).toString(), QStringLiteral("ichiro@example.jp"));
    QCOMPARE(wireSeconds(stored.value(QLatin1String("due_time"))), expectedDue(wireSeconds(stored.value(QLatin1String("trade_time"))), 1));
    // The customer abandons it at the bank: 10 -> 15, as for any bank net payment.
    const GatewayClient::Response expired = m_admin->post(QStringLiteral("/v1/sandbox/payments/%1/expire").arg(id), QJsonObject(), m_adminToken);
    QCOMPARE(expired.json.value(QLatin1String("status")).toInt(), 15);
}

void TestGatewayRegistration::usersWithoutRegisterAreForbiddenAndAudited()
{
    int checked = 0;
    for (const GatewayFixture::User &user : m_gateway.users()) {
        if (user.permissions.contains(QStringLiteral("register")))
            continue;
        QString token;
        GatewayClient client = loggedIn(user.loginId, user.p12, user.p12Passphrase, user.password, &token);
        QVERIFY(!token.isEmpty());
        const QJsonObject body = cardBody();
        const GatewayClient::Response refused = registerAs(client, token, body);
        QCOMPARE(refused.status, 403);
        QCOMPARE(refused.errorCode(), QStringLiteral("forbidden"));
        // Refused before the body is looked at: even an empty body is 403, not 400.
        QCOMPARE(client.post(QStringLiteral("/v1/payments"), QByteArray("{"), token, keyHeader(newKey())).status, 403);
        QCOMPARE(auditRows(refused.requestId), (QList<QStringList>{{user.loginId, QStringLiteral("payment_register"),
                                                                    QStringLiteral("payments"), QStringLiteral("forbidden")}}));
        QCOMPARE(m_admin->get(QStringLiteral("/v1/payments/count?trading_id=") + body.value(QLatin1String("trading_id")).toString(),
                              m_adminToken).json.value(QLatin1String("total")).toInteger(), qint64(0));
        ++checked;
    }
    QVERIFY2(checked >= 2, "the demo's staff and viewer lack register and must be tried");
}

void TestGatewayRegistration::typesTheUserMayNotViewAreForbidden()
{
    QString token;
    GatewayClient registrar = loggedIn(QStringLiteral("registrar"), m_registrarP12, m_registrarPassphrase, RegistrarPassword, &token);
    QVERIFY(!token.isEmpty());
    const GatewayClient::Response cvs = registerAs(registrar, token, cvsBody());
    QCOMPARE(cvs.status, 403);
    QCOMPARE(cvs.errorCode(), QStringLiteral("forbidden"));
    QCOMPARE(auditRows(cvs.requestId), (QList<QStringList>{{QStringLiteral("registrar"), QStringLiteral("payment_register"),
                                                            QStringLiteral("payments"), QStringLiteral("forbidden")}}));
    const GatewayClient::Response card = registerAs(registrar, token, cardBody());
    QCOMPARE(card.status, 201);
    const GatewayClient::Response seen = registrar.get(QStringLiteral("/v1/payments/") + card.json.value(QLatin1String("payment_id")).toString(), token);
    QCOMPARE(seen.status, 200);
    QCOMPARE(eventSummary(seen.json.value(QLatin1String("events")).toArray()), (QStringList{QStringLiteral("null>20 registrar 6300")}));
    // The registrar may not capture: the detail offers nothing.
    QCOMPARE(seen.json.value(QLatin1String("actions")).toArray(), QJsonArray());
}

void TestGatewayRegistration::idempotencyKeyIsRequiredAndReplaysTheStoredAnswer()
{
    const QJsonObject body = cardBody();
    const GatewayClient::Response noKey = m_admin->post(QStringLiteral("/v1/payments"), compact(body), m_adminToken, {});
    QCOMPARE(noKey.status, 400);
    QCOMPARE(noKey.errorCode(), QStringLiteral("bad_request"));
    const GatewayClient::Response badKey = registerPayment(body, "no spaces allowed");
    QCOMPARE(badKey.status, 400);
    QCOMPARE(badKey.errorCode(), QStringLiteral("invalid_parameter"));

    const QByteArray key = newKey();
    const GatewayClient::Response first = registerPayment(body, key);
    QCOMPARE(first.status, 201);
    QVERIFY(first.header("Idempotent-Replayed").isEmpty());
    // Key order and spacing do not matter; the answer is the stored one, byte for byte.
    const QByteArray reordered = QJsonDocument(body).toJson(QJsonDocument::Indented);
    const GatewayClient::Response replay = m_admin->post(QStringLiteral("/v1/payments"), reordered, m_adminToken, keyHeader(key));
    QCOMPARE(replay.status, 201);
    QCOMPARE(replay.header("Idempotent-Replayed"), QByteArray("true"));
    QCOMPARE(replay.body, first.body);
    QVERIFY(replay.requestId != first.requestId);
    QCOMPARE(m_admin->get(QStringLiteral("/v1/payments/count?trading_id=") + body.value(QLatin1String("trading_id")).toString(),
                          m_adminToken).json.value(QLatin1String("total")).toInteger(), qint64(1));

    // Another card under the same key is another request. The security code is kept in no
    // form at all (PCI DSS), not even in the request hash: only another code is the same request.
    const GatewayClient::Response otherCard = registerPayment(with(body, QStringLiteral("card.number"), QStringLiteral("5555555555554444")), key);
    QCOMPARE(otherCard.status, 422);
    QCOMPARE(otherCard.errorCode(), QStringLiteral("idempotency_mismatch"));
    const GatewayClient::Response otherCvc = registerPayment(with(body, QStringLiteral("card.cvc"), QStringLiteral("999")), key);
    QCOMPARE(otherCvc.status, 201);
    QCOMPARE(otherCvc.header("Idempotent-Replayed"), QByteArray("true"));
    const GatewayClient::Response otherAmount = registerPayment(with(body, QStringLiteral("amount"), 6301), key);
    QCOMPARE(otherAmount.status, 422);

    // The stored request hash is keyed: it is not the plain SHA-256 of the request, which anyone
    // could recompute for every card number matching the stored first 6 / last 4.
    const QByteArray plain = QCryptographicHash::hash(QByteArray("admin\nPOST\n/v1/payments\n" + compact(body)), QCryptographicHash::Sha256).toHex();
    QString storedHash;
    {
        QSqlDatabase db = m_gateway.openDatabase(QStringLiteral("registration-hash"));
        QVERIFY2(db.isOpen(), qPrintable(m_gateway.error()));
        QSqlQuery q(db);
        QVERIFY(q.prepare(QStringLiteral("SELECT request_hash FROM idempotency_keys WHERE idempotency_key = ?")));
        q.addBindValue(QString::fromLatin1(key));
        QVERIFY(q.exec());
        QVERIFY(q.next());
        storedHash = q.value(0).toString();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("registration-hash"));
    QCOMPARE(storedHash.size(), 64);
    QVERIFY(storedHash != QString::fromLatin1(plain));
    QFile digestKey(QDir(m_gateway.dataDir()).filePath(QStringLiteral("card-digest.key")));
    QVERIFY(digestKey.exists());
    QCOMPARE(digestKey.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup
                                        | QFileDevice::WriteOther),
             QFileDevice::Permissions());
}

void TestGatewayRegistration::aRunningKeyAnswers409()
{
    const QJsonObject body = cardBody();
    const QByteArray key = newKey();
    QCOMPARE(registerPayment(body, key).status, 201);
    // As if the first request were still running: the same request must wait, not run twice.
    {
        QSqlDatabase db = m_gateway.openDatabase(QStringLiteral("registration-running"));
        QVERIFY2(db.isOpen(), qPrintable(m_gateway.error()));
        QSqlQuery q(db);
        QVERIFY(q.prepare(QStringLiteral("UPDATE idempotency_keys SET state = 'running', updated_at = ? WHERE idempotency_key = ?")));
        q.addBindValue(QDateTime::currentSecsSinceEpoch());
        q.addBindValue(QString::fromLatin1(key));
        QVERIFY(q.exec());
        QCOMPARE(q.numRowsAffected(), 1);
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("registration-running"));
    const GatewayClient::Response running = registerPayment(body, key);
    QCOMPARE(running.status, 409);
    QCOMPARE(running.errorCode(), QStringLiteral("idempotency_in_progress"));
    QCOMPARE(m_admin->get(QStringLiteral("/v1/payments/count?trading_id=") + body.value(QLatin1String("trading_id")).toString(),
                          m_adminToken).json.value(QLatin1String("total")).toInteger(), qint64(1));
}

void TestGatewayRegistration::aTradingIdIsRegisteredOnce()
{
    const QJsonObject body = cvsBody();
    const GatewayClient::Response first = registerPayment(body);
    QCOMPARE(first.status, 201);
    // Another key, another type: the trading id is taken by the merchant's payment.
    const GatewayClient::Response second = registerPayment(with(cardBody(), QStringLiteral("trading_id"), body.value(QLatin1String("trading_id"))));
    QCOMPARE(second.status, 409);
    QCOMPARE(second.errorCode(), QStringLiteral("duplicate_trading_id"));
    QCOMPARE(auditRows(second.requestId),
             (QList<QStringList>{{QStringLiteral("admin"), QStringLiteral("payment_register"),
                                  QStringLiteral("trading:") + body.value(QLatin1String("trading_id")).toString(),
                                  QStringLiteral("duplicate_trading_id")}}));
    // The demo's own orders count too.
    QCOMPARE(registerPayment(with(cardBody(), QStringLiteral("trading_id"), QStringLiteral("paygent02"))).errorCode(),
             QStringLiteral("duplicate_trading_id"));
    // A used trading id is refused before the issuer is asked: a card it would decline gets
    // the duplicate, not a decline, and the audit says so.
    const GatewayClient::Response declining =
        registerPayment(with(cardBody(QStringLiteral("4000000000000002")), QStringLiteral("trading_id"), body.value(QLatin1String("trading_id"))));
    QCOMPARE(declining.status, 409);
    QCOMPARE(declining.errorCode(), QStringLiteral("duplicate_trading_id"));
    QCOMPARE(auditRows(declining.requestId),
             (QList<QStringList>{{QStringLiteral("admin"), QStringLiteral("payment_register"),
                                  QStringLiteral("trading:") + body.value(QLatin1String("trading_id")).toString(),
                                  QStringLiteral("duplicate_trading_id")}}));
    // Trading ids are per merchant: the second merchant may use this one.
    GatewayFixture::User other;
    for (const GatewayFixture::User &user : m_gateway.users()) {
        if (user.merchantId != m_gateway.user(QStringLiteral("admin")).merchantId && user.permissions.contains(QStringLiteral("register")))
            other = user;
    }
    QVERIFY2(!other.loginId.isEmpty(), "the demo's second merchant has an admin");
    QString token;
    GatewayClient client = loggedIn(other.loginId, other.p12, other.p12Passphrase, other.password, &token);
    QVERIFY(!token.isEmpty());
    QCOMPARE(registerAs(client, token, body).status, 201);
}

void TestGatewayRegistration::aRegisteredAuthorizationCanBeCapturedInBulk()
{
    const GatewayClient::Response registered = registerPayment(with(cardBody(), QStringLiteral("amount"), 9800));
    QCOMPARE(registered.status, 201);
    const QString id = registered.json.value(QLatin1String("payment_id")).toString();
    const GatewayClient::Response captured = m_admin->post(
        QStringLiteral("/v1/payments/capture"),
        compact(QJsonObject{{QStringLiteral("items"), QJsonArray{QJsonObject{{QStringLiteral("payment_id"), id},
                                                                             {QStringLiteral("amount"), 9000}}}}}),
        m_adminToken, keyHeader(newKey()));
    QCOMPARE(captured.status, 200);
    const QJsonObject result = captured.json.value(QLatin1String("results")).toArray().first().toObject();
    QVERIFY(result.value(QLatin1String("ok")).toBool());
    QCOMPARE(result.value(QLatin1String("status")).toInt(), 40);
    const QJsonObject stored = detail(id);
    QCOMPARE(stored.value(QLatin1String("amount")).toInteger(), qint64(9000));
    QCOMPARE(stored.value(QLatin1String("authorized_amount")).toInteger(), qint64(9800));
    QCOMPARE(eventSummary(stored.value(QLatin1String("events")).toArray()),
             (QStringList{QStringLiteral("null>20 admin 9800"), QStringLiteral("20>40 admin 9000")}));
}

void TestGatewayRegistration::theCardNumberAndSecurityCodeAreStoredNowhere()
{
    // A number and code found in no other test, sent formatted as a clerk would type them.
    const QString pan = QStringLiteral("378293164058278");
    const QString typed = QStringLiteral("3782 931640 58278");
    const QString cvc = QStringLiteral("7391");
    const QString holder = QStringLiteral("KESSAI UNIQUEHOLDER");
    QJsonObject body = with(cardBody(typed, cvc), QStringLiteral("card.holder"), holder);
    body = with(body, QStringLiteral("capture"), true);
    const QByteArray key = newKey();
    const GatewayClient::Response registered = registerPayment(body, key);
    QCOMPARE(registered.status, 201);
    QCOMPARE(registerPayment(body, key).status, 201); // a replay reads the stored answer
    // A declined card and a refused one go through the same paths.
    QCOMPARE(registerPayment(with(cardBody(QStringLiteral("4000000000000002"), QStringLiteral("739")), QStringLiteral("card.holder"), holder)).status, 402);
    QCOMPARE(registerPayment(with(with(body, QStringLiteral("trading_id"), newTradingId()), QStringLiteral("amount"), 0)).status, 400);
    QVERIFY(!registered.body.contains(pan.toLatin1()));
    QVERIFY(!registered.body.contains(cvc.toLatin1()));

    // A security code is short: look for it as a whole token, not inside longer numbers or ids.
    const QRegularExpression cvcToken(QStringLiteral("(?<![0-9A-Za-z.])%1(?![0-9A-Za-z])").arg(cvc));
    const QList<QByteArray> secrets = {pan.toLatin1(), typed.toLatin1(), holder.toLatin1()};

    // Every value of every table, on any engine.
    int values = 0;
    {
        QSqlDatabase db = m_gateway.openDatabase(QStringLiteral("registration-scan"));
        QVERIFY2(db.isOpen(), qPrintable(m_gateway.error()));
        const QStringList tables = db.tables();
        QVERIFY(tables.contains(QStringLiteral("payments")) && tables.contains(QStringLiteral("idempotency_keys")));
        for (const QString &table : tables) {
            QSqlQuery q(db);
            QVERIFY2(q.exec(QStringLiteral("SELECT * FROM ") + table), qPrintable(table));
            while (q.next()) {
                for (int i = 0; i < q.record().count(); ++i) {
                    const QString value = q.value(i).toString();
                    ++values;
                    for (const QByteArray &secret : secrets)
                        QVERIFY2(!value.contains(QString::fromLatin1(secret)), qPrintable(table + QStringLiteral(" holds a secret")));
                    QVERIFY2(!cvcToken.match(value).hasMatch(), qPrintable(table + QStringLiteral(" holds the security code")));
                    QVERIFY2(!value.contains(QLatin1String("\"cvc\"")), qPrintable(table + QStringLiteral(" holds a request body")));
                }
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("registration-scan"));
    QVERIFY(values > 1000);

    // The bytes of the database files (SQLite: the file and its write-ahead log, checkpointed or not).
    if (m_gateway.databaseUrl().isEmpty()) {
        int files = 0;
        for (const QString &name : {QStringLiteral("gateway.db"), QStringLiteral("gateway.db-wal")}) {
            QFile file(QDir(m_gateway.dataDir()).filePath(name));
            if (!file.exists())
                continue;
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray bytes = file.readAll();
            ++files;
            for (const QByteArray &secret : secrets)
                QVERIFY2(!bytes.contains(secret), qPrintable(name));
            QVERIFY2(!cvcToken.match(QString::fromLatin1(bytes)).hasMatch(), qPrintable(name));
        }
        QVERIFY(files >= 1);
    }

    // Everything the gateway printed (request log, action log, warnings).
    const QByteArray log = m_gateway.serverLog();
    QVERIFY(log.contains("/v1/payments"));
    for (const QByteArray &secret : {pan.toLatin1(), typed.toLatin1()})
        QVERIFY2(!log.contains(secret), "the gateway log holds the card number");
    QVERIFY2(!cvcToken.match(QString::fromUtf8(log)).hasMatch(), "the gateway log holds the security code");
}

QTEST_GUILESS_MAIN(TestGatewayRegistration)
#include "tst_gatewayregistration.moc"
