#include "gatewayclient.h"
#include "gatewayfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

// The payment state machine through the Merchant API: capture, cancel, amount change, the
// sandbox moves and clock, idempotency, permissions, isolation and the audit trail. Expected
// results are written here from the contract (docs/api.md), not read from the gateway's table.
class TestGatewayActions : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void everyStatusAndActionFollowsTheContract_data();
    void everyStatusAndActionFollowsTheContract();
    void partialCaptureUpToTheAuthorizedAmount();
    void cancelWithAnAmountMustMatchThePayment();
    void resultsComeInItemOrderWithDuplicatesAndUnknownIds();
    void malformedBulkRequestsAreRefused_data();
    void malformedBulkRequestsAreRefused();
    void idempotencyKeyIsRequiredAndChecked();
    void sameKeySameBodyReplaysTheStoredAnswerByteForByte();
    void sameKeyDifferentBodyIsAMismatch();
    void keysAreBoundToTheUserWhoFirstUsedThem();
    void concurrentRequestsWithOneKeyActOnce();
    void concurrentCapturesWithDifferentKeysSucceedOnce();
    void amountChangeIssuesANewPaymentAndCancelsTheOld();
    void amountChangeOfACapturedPaymentCancelsItAs60();
    void amountChangeIsRefusedWhereNotAllowed();
    void staffWithoutChangeAmountIsForbiddenAndAudited();
    void usersWithoutCapturePermissionAreForbidden();
    void invisibleTypesAndOtherMerchantsAreNotFound();
    void actionsAreAuditedWithTheRequestId();
    void aBulkRequestThatFailsInsideChangesNothingButIsAudited();
    void sandboxPaysConvenienceStoreThroughPreliminaryNotice();
    void sandboxPaysAtmAndBankAndExpires();
    void sandboxRefusesMovesOutsideTheTable();
    // These advance the persisted sandbox clock: they run last.
    void cancelWindowIsOpenAt59DaysAndClosedAt61();
    void sandboxDisabledAnswers404();

private:
    QList<QJsonObject> search(const QString &query);
    QJsonObject detail(const QString &paymentId);
    QString firstPayment(const QString &type, int status, const QSet<QString> &exclude = {});
    GatewayClient::Response act(GatewayClient &client, const QString &token, const QString &action,
                                const QJsonArray &items, const QByteArray &key = {});
    QByteArray newKey() { return "test-key-" + QByteArray::number(++m_keys); }
    static QJsonArray items(const QStringList &ids);
    QJsonObject singleResult(const GatewayClient::Response &response);
    std::optional<QList<QVariantList>> sql(const QString &statement, const QVariantList &values = {});

    GatewayFixture m_gateway;
    std::optional<GatewayClient> m_admin;
    QString m_adminToken;
    std::optional<GatewayClient> m_staff;
    QString m_staffToken;
    QSet<QString> m_used; // payments a test already changed
    int m_keys = 0;
};

namespace {

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QList<std::pair<QByteArray, QByteArray>> keyHeader(const QByteArray &key)
{
    return {{QByteArrayLiteral("Idempotency-Key"), key}};
}

} // namespace

void TestGatewayActions::initTestCase()
{
    QVERIFY2(m_gateway.start(4000, 5), qPrintable(m_gateway.error()));
    const GatewayFixture::User admin = m_gateway.user(QStringLiteral("admin"));
    m_admin.emplace(m_gateway.url(), m_gateway.caPath());
    QVERIFY(m_admin->setIdentity(admin.p12, admin.p12Passphrase));
    m_adminToken = m_admin->login(admin.loginId, admin.password);
    QVERIFY(!m_adminToken.isEmpty());
    const GatewayFixture::User staff = m_gateway.user(QStringLiteral("staff"));
    m_staff.emplace(m_gateway.url(), m_gateway.caPath());
    QVERIFY(m_staff->setIdentity(staff.p12, staff.p12Passphrase));
    m_staffToken = m_staff->login(staff.loginId, staff.password);
    QVERIFY(!m_staffToken.isEmpty());
}

QList<QJsonObject> TestGatewayActions::search(const QString &query)
{
    const GatewayClient::Response response = m_admin->get(QStringLiteral("/v1/payments?limit=1000&count=false&") + query, m_adminToken);
    if (response.status != 200) {
        qWarning() << "search failed" << response.status << response.body;
        return {};
    }
    QList<QJsonObject> rows;
    for (const QJsonValue &item : response.json.value(QLatin1String("items")).toArray())
        rows.append(item.toObject());
    return rows;
}

QJsonObject TestGatewayActions::detail(const QString &paymentId)
{
    const GatewayClient::Response response = m_admin->get(QStringLiteral("/v1/payments/") + paymentId, m_adminToken);
    return response.status == 200 ? response.json : QJsonObject();
}

QString TestGatewayActions::firstPayment(const QString &type, int status, const QSet<QString> &exclude)
{
    for (const QJsonObject &row : search(QStringLiteral("type=%1&status=%2").arg(type).arg(status))) {
        const QString id = row.value(QLatin1String("payment_id")).toString();
        if (!m_used.contains(id) && !exclude.contains(id)) {
            m_used.insert(id);
            return id;
        }
    }
    return {};
}

QJsonArray TestGatewayActions::items(const QStringList &ids)
{
    QJsonArray array;
    for (const QString &id : ids)
        array.append(QJsonObject{{QStringLiteral("payment_id"), id}});
    return array;
}

GatewayClient::Response TestGatewayActions::act(GatewayClient &client, const QString &token, const QString &action,
                                                const QJsonArray &list, const QByteArray &key)
{
    return client.post(QStringLiteral("/v1/payments/") + action,
                       compact(QJsonObject{{QStringLiteral("items"), list}}),
                       token,
                       keyHeader(key.isEmpty() ? newKey() : key));
}

QJsonObject TestGatewayActions::singleResult(const GatewayClient::Response &response)
{
    const QJsonArray results = response.json.value(QLatin1String("results")).toArray();
    return results.size() == 1 ? results.first().toObject() : QJsonObject();
}

// One statement on the gateway's database through a connection of the test's own: its rows, or
// nullopt (with a warning) when it fails. Without values it is not prepared, so DDL works too.
std::optional<QList<QVariantList>> TestGatewayActions::sql(const QString &statement, const QVariantList &values)
{
    std::optional<QList<QVariantList>> rows;
    const QString connection = QStringLiteral("actions-sql");
    {
        QSqlDatabase db = m_gateway.openDatabase(connection);
        QSqlQuery q(db);
        bool done = db.isOpen();
        if (done && values.isEmpty()) {
            done = q.exec(statement);
        } else if (done) {
            done = q.prepare(statement);
            for (const QVariant &value : values)
                q.addBindValue(value);
            done = done && q.exec();
        }
        if (done) {
            rows.emplace();
            while (q.next()) {
                QVariantList row;
                for (int i = 0; i < q.record().count(); ++i)
                    row.append(q.value(i));
                rows->append(row);
            }
        } else {
            qWarning().noquote() << statement << m_gateway.error() << q.lastError().text();
        }
        q = QSqlQuery();
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    return rows;
}

void TestGatewayActions::everyStatusAndActionFollowsTheContract_data()
{
    QTest::addColumn<QString>("paymentId");
    QTest::addColumn<QString>("action");
    QTest::addColumn<int>("before");
    QTest::addColumn<QString>("expected"); // a status code, or an error code

    // What the contract promises (docs/api.md, "Capture and cancel"), by type and status.
    auto expectation = [](const QString &type, int status, const QString &action) -> QString {
        if (type == QLatin1String("02")) {
            if (status == 20)
                return action == QLatin1String("capture") ? QStringLiteral("40") : QStringLiteral("32");
            if (status == 40)
                return action == QLatin1String("cancel") ? QStringLiteral("60") : QStringLiteral("status_not_allowed");
            if (status == 33)
                return QStringLiteral("expired");
            if (status == 41)
                return action == QLatin1String("cancel") ? QStringLiteral("expired") : QStringLiteral("status_not_allowed");
        }
        return QStringLiteral("status_not_allowed");
    };

    const QStringList types = {QStringLiteral("01"), QStringLiteral("02"), QStringLiteral("03"), QStringLiteral("05")};
    const QList<int> statuses = {10, 11, 12, 13, 15, 20, 32, 33, 40, 41, 43, 60, 61};
    int rows = 0;
    QSet<QString> cardStatuses;
    for (const QString &type : types) {
        for (int status : statuses) {
            for (const QString &action : {QStringLiteral("capture"), QStringLiteral("cancel")}) {
                const QString id = firstPayment(type, status);
                if (id.isEmpty())
                    continue; // the demo data has no payment of this type in this status
                if (type == QLatin1String("02"))
                    cardStatuses.insert(QString::number(status));
                QTest::addRow("%s-%d-%s", qPrintable(type), status, qPrintable(action))
                    << id << action << status << expectation(type, status, action);
                ++rows;
            }
        }
    }
    // The demo has every card state that matters; without them this table would prove little.
    for (const char *needed : {"20", "32", "33", "40", "41", "60"})
        QVERIFY2(cardStatuses.contains(QLatin1String(needed)), needed);
    QVERIFY(rows >= 30);
}

void TestGatewayActions::everyStatusAndActionFollowsTheContract()
{
    QFETCH(QString, paymentId);
    QFETCH(QString, action);
    QFETCH(int, before);
    QFETCH(QString, expected);

    const QJsonObject was = detail(paymentId);
    QCOMPARE(was.value(QLatin1String("status")).toInt(), before);
    bool isStatus = false;
    const int expectedStatus = expected.toInt(&isStatus);
    // The detail's actions (admin: every permission) agree with what the action then does.
    const QJsonArray offered = was.value(QLatin1String("actions")).toArray();
    QCOMPARE(offered.contains(QJsonValue(action)), isStatus);

    const GatewayClient::Response response = act(*m_admin, m_adminToken, action, items({paymentId}));
    QCOMPARE(response.status, 200);
    const QJsonObject result = singleResult(response);
    QCOMPARE(result.value(QLatin1String("payment_id")).toString(), paymentId);
    QCOMPARE(result.value(QLatin1String("ok")).toBool(), isStatus);
    QCOMPARE(response.json.value(QLatin1String("succeeded")).toInt(), isStatus ? 1 : 0);
    QCOMPARE(response.json.value(QLatin1String("failed")).toInt(), isStatus ? 0 : 1);

    const QJsonObject now = detail(paymentId);
    const QJsonArray events = now.value(QLatin1String("events")).toArray();
    if (isStatus) {
        QCOMPARE(result.value(QLatin1String("status")).toInt(), expectedStatus);
        QCOMPARE(now.value(QLatin1String("status")).toInt(), expectedStatus);
        const QJsonObject last = events.last().toObject();
        QCOMPARE(last.value(QLatin1String("actor")).toString(), QStringLiteral("admin"));
        QCOMPARE(last.value(QLatin1String("from")).toInt(), before);
        QCOMPARE(last.value(QLatin1String("to")).toInt(), expectedStatus);
        QCOMPARE(last.value(QLatin1String("amount")).toInteger(), now.value(QLatin1String("amount")).toInteger());
        QCOMPARE(events.size(), was.value(QLatin1String("events")).toArray().size() + 1);
    } else {
        QCOMPARE(result.value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString(), expected);
        QCOMPARE(now.value(QLatin1String("status")).toInt(), before);
        QCOMPARE(events.size(), was.value(QLatin1String("events")).toArray().size());
    }
}

void TestGatewayActions::partialCaptureUpToTheAuthorizedAmount()
{
    const QString id = firstPayment(QStringLiteral("02"), 20);
    QVERIFY(!id.isEmpty());
    const qint64 authorized = detail(id).value(QLatin1String("authorized_amount")).toInteger();
    QVERIFY(authorized >= 2);

    auto captureWith = [&](const QJsonValue &amount) {
        return singleResult(act(*m_admin, m_adminToken, QStringLiteral("capture"),
                                QJsonArray{QJsonObject{{QStringLiteral("payment_id"), id}, {QStringLiteral("amount"), amount}}}));
    };
    auto codeOf = [](const QJsonObject &result) {
        return result.value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString();
    };
    QCOMPARE(codeOf(captureWith(authorized + 1)), QStringLiteral("amount_exceeds_authorized"));
    QCOMPARE(codeOf(captureWith(0)), QStringLiteral("invalid_amount"));
    QCOMPARE(codeOf(captureWith(-5)), QStringLiteral("invalid_amount"));
    QCOMPARE(codeOf(captureWith(1.5)), QStringLiteral("invalid_amount"));
    QCOMPARE(detail(id).value(QLatin1String("status")).toInt(), 20);

    const QJsonObject captured = captureWith(authorized - 1);
    QVERIFY(captured.value(QLatin1String("ok")).toBool());
    QCOMPARE(captured.value(QLatin1String("status")).toInt(), 40);
    QCOMPARE(captured.value(QLatin1String("amount")).toInteger(), authorized - 1);
    const QJsonObject after = detail(id);
    QCOMPARE(after.value(QLatin1String("amount")).toInteger(), authorized - 1);
    QCOMPARE(after.value(QLatin1String("authorized_amount")).toInteger(), authorized);
    QVERIFY(!after.value(QLatin1String("cleared_time")).toString().isEmpty());
    QCOMPARE(after.value(QLatin1String("actions")).toArray(),
             (QJsonArray{QStringLiteral("cancel"), QStringLiteral("change_amount")}));

    // Full capture when the amount is left out.
    const QString full = firstPayment(QStringLiteral("02"), 20);
    const qint64 fullAuthorized = detail(full).value(QLatin1String("authorized_amount")).toInteger();
    const QJsonObject fullResult = singleResult(act(*m_admin, m_adminToken, QStringLiteral("capture"), items({full})));
    QVERIFY(fullResult.value(QLatin1String("ok")).toBool());
    QCOMPARE(fullResult.value(QLatin1String("amount")).toInteger(), fullAuthorized);
}

void TestGatewayActions::cancelWithAnAmountMustMatchThePayment()
{
    const QString id = firstPayment(QStringLiteral("02"), 20);
    QVERIFY(!id.isEmpty());
    const qint64 amount = detail(id).value(QLatin1String("amount")).toInteger();
    auto cancelWith = [&](qint64 value) {
        return singleResult(act(*m_admin, m_adminToken, QStringLiteral("cancel"),
                                QJsonArray{QJsonObject{{QStringLiteral("payment_id"), id}, {QStringLiteral("amount"), value}}}));
    };
    const QJsonObject wrong = cancelWith(amount + 10);
    QCOMPARE(wrong.value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString(), QStringLiteral("invalid_amount"));
    const QJsonObject right = cancelWith(amount);
    QVERIFY(right.value(QLatin1String("ok")).toBool());
    QCOMPARE(right.value(QLatin1String("status")).toInt(), 32);
}

void TestGatewayActions::resultsComeInItemOrderWithDuplicatesAndUnknownIds()
{
    const QString a = firstPayment(QStringLiteral("02"), 20);
    const QString b = firstPayment(QStringLiteral("02"), 20);
    QVERIFY(!a.isEmpty() && !b.isEmpty());
    const QString unknown = QStringLiteral("999999999999999999");
    const GatewayClient::Response response = act(*m_admin, m_adminToken, QStringLiteral("capture"), items({b, unknown, a, b}));
    QCOMPARE(response.status, 200);
    const QJsonArray results = response.json.value(QLatin1String("results")).toArray();
    QCOMPARE(results.size(), 4);
    const QStringList order = {b, unknown, a, b};
    const QStringList codes = {QString(), QStringLiteral("not_found"), QString(), QStringLiteral("duplicate_item")};
    for (int i = 0; i < 4; ++i) {
        const QJsonObject result = results.at(i).toObject();
        QCOMPARE(result.value(QLatin1String("payment_id")).toString(), order.at(i));
        QCOMPARE(result.value(QLatin1String("ok")).toBool(), codes.at(i).isEmpty());
        if (!codes.at(i).isEmpty()) {
            const QJsonObject error = result.value(QLatin1String("error")).toObject();
            QCOMPARE(error.value(QLatin1String("code")).toString(), codes.at(i));
            QVERIFY(!error.value(QLatin1String("message")).toString().isEmpty());
        }
    }
    QCOMPARE(response.json.value(QLatin1String("succeeded")).toInt(), 2);
    QCOMPARE(response.json.value(QLatin1String("failed")).toInt(), 2);
    // Every item is audited, the one refused on its face (the repeated id) too, in item order.
    const auto audited = sql(QStringLiteral("SELECT target, result FROM audit_log WHERE request_id = ? ORDER BY audit_id"),
                             {QString::fromLatin1(response.requestId)});
    QVERIFY(audited);
    QList<QVariantList> expected;
    for (int i = 0; i < 4; ++i)
        expected.append({QString(QStringLiteral("payment:") + order.at(i)), codes.at(i).isEmpty() ? QStringLiteral("ok") : codes.at(i)});
    QCOMPARE(*audited, expected);
}

void TestGatewayActions::malformedBulkRequestsAreRefused_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("code");
    QJsonArray tooMany;
    for (int i = 0; i < 1001; ++i)
        tooMany.append(QJsonObject{{QStringLiteral("payment_id"), QString::number(100000000000000001LL + i)}});
    QTest::newRow("not json") << QByteArray("{items") << QStringLiteral("bad_request");
    QTest::newRow("no items") << QByteArray("{}") << QStringLiteral("bad_request");
    QTest::newRow("items not an array") << QByteArray(R"({"items":{}})") << QStringLiteral("bad_request");
    QTest::newRow("empty items") << QByteArray(R"({"items":[]})") << QStringLiteral("bad_request");
    QTest::newRow("1001 items") << compact(QJsonObject{{QStringLiteral("items"), tooMany}}) << QStringLiteral("bad_request");
    QTest::newRow("numeric payment_id") << QByteArray(R"({"items":[{"payment_id":100000000000000001}]})")
                                        << QStringLiteral("invalid_parameter");
    QTest::newRow("19 digits") << QByteArray(R"({"items":[{"payment_id":"1000000000000000010"}]})")
                               << QStringLiteral("invalid_parameter");
    QTest::newRow("amount as text") << QByteArray(R"({"items":[{"payment_id":"100000000000000001","amount":"5"}]})")
                                    << QStringLiteral("invalid_parameter");
}

void TestGatewayActions::malformedBulkRequestsAreRefused()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, code);
    const GatewayClient::Response response
        = m_admin->post(QStringLiteral("/v1/payments/capture"), body, m_adminToken, keyHeader(newKey()));
    QCOMPARE(response.status, 400);
    QCOMPARE(response.errorCode(), code);
}

void TestGatewayActions::idempotencyKeyIsRequiredAndChecked()
{
    const QString id = firstPayment(QStringLiteral("02"), 20);
    const QByteArray body = compact(QJsonObject{{QStringLiteral("items"), items({id})}});
    const GatewayClient::Response missing = m_admin->post(QStringLiteral("/v1/payments/capture"), body, m_adminToken, {});
    QCOMPARE(missing.status, 400);
    QCOMPARE(missing.errorCode(), QStringLiteral("bad_request"));
    for (const QByteArray &bad : {QByteArray(65, 'a'), QByteArray("has space"), QByteArray("ключ"), QByteArray("a/b")}) {
        const GatewayClient::Response refused = m_admin->post(QStringLiteral("/v1/payments/capture"), body, m_adminToken, keyHeader(bad));
        QCOMPARE(refused.status, 400);
        QCOMPARE(refused.errorCode(), QStringLiteral("invalid_parameter"));
    }
    QCOMPARE(detail(id).value(QLatin1String("status")).toInt(), 20);
    const GatewayClient::Response longest = m_admin->post(QStringLiteral("/v1/payments/capture"), body, m_adminToken,
                                                          keyHeader(QByteArray(64, 'Z')));
    QCOMPARE(longest.status, 200);
    QVERIFY(singleResult(longest).value(QLatin1String("ok")).toBool());
}

void TestGatewayActions::sameKeySameBodyReplaysTheStoredAnswerByteForByte()
{
    const QString a = firstPayment(QStringLiteral("02"), 20);
    const QString b = firstPayment(QStringLiteral("02"), 40);
    const QByteArray key = newKey();
    const GatewayClient::Response first = act(*m_admin, m_adminToken, QStringLiteral("cancel"), items({a, b}), key);
    QCOMPARE(first.status, 200);
    QCOMPARE(first.json.value(QLatin1String("succeeded")).toInt(), 2);
    QVERIFY(first.header("Idempotent-Replayed").isEmpty());
    const int eventsAfterFirst = int(detail(a).value(QLatin1String("events")).toArray().size());

    // The same request again, with the body's keys in another order and other spacing: still
    // the same request.
    const QByteArray reordered = QByteArray("{ \"items\" : [ {\"payment_id\": \"") + a.toLatin1()
                                 + "\"}, {\"payment_id\":\"" + b.toLatin1() + "\"} ] }";
    for (const QByteArray &body : {compact(QJsonObject{{QStringLiteral("items"), items({a, b})}}), reordered}) {
        const GatewayClient::Response again = m_admin->post(QStringLiteral("/v1/payments/cancel"), body, m_adminToken, keyHeader(key));
        QCOMPARE(again.status, 200);
        QCOMPARE(again.body, first.body);
        QCOMPARE(again.header("Idempotent-Replayed"), QByteArray("true"));
        QVERIFY(again.requestId != first.requestId);
    }
    QCOMPARE(detail(a).value(QLatin1String("events")).toArray().size(), eventsAfterFirst);
    QCOMPARE(detail(a).value(QLatin1String("status")).toInt(), 32);
}

void TestGatewayActions::sameKeyDifferentBodyIsAMismatch()
{
    const QString a = firstPayment(QStringLiteral("02"), 20);
    const QString b = firstPayment(QStringLiteral("02"), 20);
    const QByteArray key = newKey();
    QCOMPARE(act(*m_admin, m_adminToken, QStringLiteral("capture"), items({a}), key).status, 200);
    const GatewayClient::Response other = act(*m_admin, m_adminToken, QStringLiteral("capture"), items({b}), key);
    QCOMPARE(other.status, 422);
    QCOMPARE(other.errorCode(), QStringLiteral("idempotency_mismatch"));
    QCOMPARE(detail(b).value(QLatin1String("status")).toInt(), 20);
    // The same body on the other endpoint is another request too.
    const GatewayClient::Response otherPath = act(*m_admin, m_adminToken, QStringLiteral("cancel"), items({a}), key);
    QCOMPARE(otherPath.status, 422);
    QCOMPARE(detail(a).value(QLatin1String("status")).toInt(), 40);
}

void TestGatewayActions::keysAreBoundToTheUserWhoFirstUsedThem()
{
    // Staff reusing admin's key gets no replay of admin's answer (it could show payments staff
    // may not view) and nothing runs twice.
    const QString id = firstPayment(QStringLiteral("02"), 20);
    const QByteArray key = newKey();
    const GatewayClient::Response first = act(*m_admin, m_adminToken, QStringLiteral("capture"), items({id}), key);
    QCOMPARE(first.status, 200);
    const GatewayClient::Response staff = act(*m_staff, m_staffToken, QStringLiteral("capture"), items({id}), key);
    QCOMPARE(staff.status, 422);
    QCOMPARE(staff.errorCode(), QStringLiteral("idempotency_mismatch"));
    QVERIFY(staff.header("Idempotent-Replayed").isEmpty());
    // Admin's own retry still replays.
    const GatewayClient::Response again = act(*m_admin, m_adminToken, QStringLiteral("capture"), items({id}), key);
    QCOMPARE(again.status, 200);
    QCOMPARE(again.body, first.body);
}

void TestGatewayActions::concurrentRequestsWithOneKeyActOnce()
{
    const QString id = firstPayment(QStringLiteral("02"), 20);
    const QByteArray key = newKey();
    const QByteArray body = compact(QJsonObject{{QStringLiteral("items"), items({id})}});
    QList<QNetworkReply *> replies;
    for (int i = 0; i < 8; ++i)
        replies.append(m_admin->start("POST", QStringLiteral("/v1/payments/capture"), body, m_adminToken, keyHeader(key)));
    const QList<GatewayClient::Response> responses = GatewayClient::finish(replies);
    int fresh = 0;
    QByteArray answer;
    for (const GatewayClient::Response &response : responses) {
        if (response.status == 409) {
            QCOMPARE(response.errorCode(), QStringLiteral("idempotency_in_progress"));
            continue;
        }
        QCOMPARE(response.status, 200);
        if (response.header("Idempotent-Replayed").isEmpty())
            ++fresh;
        if (answer.isEmpty())
            answer = response.body;
        QCOMPARE(response.body, answer);
    }
    QCOMPARE(fresh, 1);
    const QJsonArray events = detail(id).value(QLatin1String("events")).toArray();
    int captures = 0;
    for (const QJsonValue &event : events)
        captures += event.toObject().value(QLatin1String("to")).toInt() == 40 ? 1 : 0;
    QCOMPARE(captures, 1);
}

void TestGatewayActions::concurrentCapturesWithDifferentKeysSucceedOnce()
{
    const QString id = firstPayment(QStringLiteral("02"), 20);
    const QByteArray body = compact(QJsonObject{{QStringLiteral("items"), items({id})}});
    QList<QNetworkReply *> replies;
    for (int i = 0; i < 8; ++i)
        replies.append(m_admin->start("POST", QStringLiteral("/v1/payments/capture"), body, m_adminToken, keyHeader(newKey())));
    int ok = 0;
    for (const GatewayClient::Response &response : GatewayClient::finish(replies)) {
        QCOMPARE(response.status, 200);
        const QJsonObject result = singleResult(response);
        if (result.value(QLatin1String("ok")).toBool())
            ++ok;
        else
            QCOMPARE(result.value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString(),
                     QStringLiteral("status_not_allowed"));
    }
    QCOMPARE(ok, 1);
    QCOMPARE(detail(id).value(QLatin1String("status")).toInt(), 40);
}

void TestGatewayActions::amountChangeIssuesANewPaymentAndCancelsTheOld()
{
    const QString id = firstPayment(QStringLiteral("02"), 20);
    const QJsonObject old = detail(id);
    QVERIFY(!old.contains(QLatin1String("replaced_by_payment_id")));
    const qint64 amount = old.value(QLatin1String("amount")).toInteger() + 1000;
    const QByteArray key = newKey();
    const QByteArray body = compact(QJsonObject{{QStringLiteral("amount"), amount}});
    const GatewayClient::Response changed
        = m_admin->post(QStringLiteral("/v1/payments/%1/amount").arg(id), body, m_adminToken, keyHeader(key));
    QCOMPARE(changed.status, 200);
    const QString newId = changed.json.value(QLatin1String("payment_id")).toString();
    QVERIFY(!newId.isEmpty() && newId != id);
    QCOMPARE(changed.json.value(QLatin1String("base_payment_id")).toString(), id);
    QCOMPARE(changed.json.value(QLatin1String("status")).toInt(), 20);
    QCOMPARE(changed.json.value(QLatin1String("base_status")).toInt(), 32);
    QCOMPARE(changed.json.value(QLatin1String("amount")).toInteger(), amount);

    const QJsonObject was = detail(id);
    QCOMPARE(was.value(QLatin1String("status")).toInt(), 32);
    // The old payment names its replacement; the new one names none.
    QCOMPARE(was.value(QLatin1String("replaced_by_payment_id")).toString(), newId);
    QCOMPARE(was.value(QLatin1String("events")).toArray().last().toObject().value(QLatin1String("to")).toInt(), 32);
    const QJsonObject fresh = detail(newId);
    QCOMPARE(fresh.value(QLatin1String("status")).toInt(), 20);
    QCOMPARE(fresh.value(QLatin1String("base_payment_id")).toString(), id);
    QVERIFY(!fresh.contains(QLatin1String("replaced_by_payment_id")));
    QCOMPARE(fresh.value(QLatin1String("amount")).toInteger(), amount);
    QCOMPARE(fresh.value(QLatin1String("authorized_amount")).toInteger(), amount);
    QCOMPARE(fresh.value(QLatin1String("trading_id")).toString(), old.value(QLatin1String("trading_id")).toString());
    QCOMPARE(fresh.value(QLatin1String("card")).toObject(), old.value(QLatin1String("card")).toObject());
    const QJsonArray events = fresh.value(QLatin1String("events")).toArray();
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.first().toObject().value(QLatin1String("actor")).toString(), QStringLiteral("admin"));
    QCOMPARE(fresh.value(QLatin1String("actions")).toArray(),
             (QJsonArray{QStringLiteral("capture"), QStringLiteral("cancel"), QStringLiteral("change_amount")}));

    // Replayed, not repeated.
    const GatewayClient::Response again
        = m_admin->post(QStringLiteral("/v1/payments/%1/amount").arg(id), body, m_adminToken, keyHeader(key));
    QCOMPARE(again.status, 200);
    QCOMPARE(again.body, changed.body);
    QCOMPARE(again.header("Idempotent-Replayed"), QByteArray("true"));
    const GatewayClient::Response missingKey = m_admin->post(QStringLiteral("/v1/payments/%1/amount").arg(id), body, m_adminToken, {});
    QCOMPARE(missingKey.status, 400);
}

void TestGatewayActions::amountChangeOfACapturedPaymentCancelsItAs60()
{
    const QString id = firstPayment(QStringLiteral("02"), 40);
    const qint64 amount = detail(id).value(QLatin1String("amount")).toInteger();
    const GatewayClient::Response changed = m_admin->post(QStringLiteral("/v1/payments/%1/amount").arg(id),
                                                          compact(QJsonObject{{QStringLiteral("amount"), amount / 2 + 1}}),
                                                          m_adminToken, keyHeader(newKey()));
    QCOMPARE(changed.status, 200);
    QCOMPARE(changed.json.value(QLatin1String("status")).toInt(), 40);
    QCOMPARE(detail(id).value(QLatin1String("status")).toInt(), 60);
    const QJsonObject fresh = detail(changed.json.value(QLatin1String("payment_id")).toString());
    QCOMPARE(fresh.value(QLatin1String("status")).toInt(), 40);
    QVERIFY(!fresh.value(QLatin1String("cleared_time")).toString().isEmpty());
    QCOMPARE(fresh.value(QLatin1String("actions")).toArray(),
             (QJsonArray{QStringLiteral("cancel"), QStringLiteral("change_amount")}));
}

void TestGatewayActions::amountChangeIsRefusedWhereNotAllowed()
{
    auto change = [&](const QString &id, const QJsonValue &amount) {
        return m_admin->post(QStringLiteral("/v1/payments/%1/amount").arg(id),
                             compact(QJsonObject{{QStringLiteral("amount"), amount}}), m_adminToken, keyHeader(newKey()));
    };
    const QString cvs = firstPayment(QStringLiteral("03"), 40);
    GatewayClient::Response refused = change(cvs, 500);
    QCOMPARE(refused.status, 409);
    QCOMPARE(refused.errorCode(), QStringLiteral("status_not_allowed"));
    const QString expired = firstPayment(QStringLiteral("02"), 41);
    refused = change(expired, 500);
    QCOMPARE(refused.status, 409);
    QCOMPARE(refused.errorCode(), QStringLiteral("expired"));
    const QString authorized = firstPayment(QStringLiteral("02"), 20);
    QCOMPARE(change(authorized, 0).errorCode(), QStringLiteral("invalid_amount"));
    QCOMPARE(change(authorized, 10000000).errorCode(), QStringLiteral("invalid_amount"));
    QCOMPARE(change(authorized, detail(authorized).value(QLatin1String("amount"))).errorCode(), QStringLiteral("invalid_amount"));
    QCOMPARE(change(QStringLiteral("999999999999999999"), 500).status, 404);
    QCOMPARE(detail(authorized).value(QLatin1String("status")).toInt(), 20);
}

void TestGatewayActions::staffWithoutChangeAmountIsForbiddenAndAudited()
{
    QVERIFY(!m_gateway.user(QStringLiteral("staff")).permissions.contains(QStringLiteral("change_amount")));
    const QString id = firstPayment(QStringLiteral("02"), 20);
    const QJsonObject seen = m_staff->get(QStringLiteral("/v1/payments/") + id, m_staffToken).json;
    QCOMPARE(seen.value(QLatin1String("actions")).toArray(), (QJsonArray{QStringLiteral("capture"), QStringLiteral("cancel")}));
    const GatewayClient::Response refused = m_staff->post(QStringLiteral("/v1/payments/%1/amount").arg(id),
                                                          compact(QJsonObject{{QStringLiteral("amount"), 100}}),
                                                          m_staffToken, keyHeader(newKey()));
    QCOMPARE(refused.status, 403);
    QCOMPARE(refused.errorCode(), QStringLiteral("forbidden"));
    QCOMPARE(detail(id).value(QLatin1String("status")).toInt(), 20);
    // Staff may capture what it may view.
    const GatewayClient::Response captured = act(*m_staff, m_staffToken, QStringLiteral("capture"), items({id}));
    QVERIFY(singleResult(captured).value(QLatin1String("ok")).toBool());
    QCOMPARE(detail(id).value(QLatin1String("events")).toArray().last().toObject().value(QLatin1String("actor")).toString(),
             QStringLiteral("staff"));
}

void TestGatewayActions::usersWithoutCapturePermissionAreForbidden()
{
    int checked = 0;
    for (const GatewayFixture::User &user : m_gateway.users()) {
        for (const QString &action : {QStringLiteral("capture"), QStringLiteral("cancel")}) {
            if (user.permissions.contains(action))
                continue;
            GatewayClient client(m_gateway.url(), m_gateway.caPath());
            QVERIFY(client.setIdentity(user.p12, user.p12Passphrase));
            const QString token = client.login(user.loginId, user.password);
            QVERIFY(!token.isEmpty());
            const GatewayClient::Response refused
                = act(client, token, action, items({QStringLiteral("100000000000000001")}));
            QCOMPARE(refused.status, 403);
            QCOMPARE(refused.errorCode(), QStringLiteral("forbidden"));
            ++checked;
        }
    }
    QVERIFY2(checked > 0, "the demo has users without capture (viewer) and must keep them");
}

void TestGatewayActions::invisibleTypesAndOtherMerchantsAreNotFound()
{
    // staff may not view ATM (01) payments: they do not exist for it.
    const QString atm = firstPayment(QStringLiteral("01"), 40);
    QVERIFY(!atm.isEmpty());
    const GatewayClient::Response staff = act(*m_staff, m_staffToken, QStringLiteral("cancel"), items({atm}));
    QCOMPARE(singleResult(staff).value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString(),
             QStringLiteral("not_found"));

    // A user of another merchant (when the demo has one) cannot touch this merchant's payment.
    const QString card = firstPayment(QStringLiteral("02"), 20);
    const QString merchant = m_gateway.user(QStringLiteral("admin")).merchantId;
    int otherMerchantUsers = 0;
    for (const GatewayFixture::User &user : m_gateway.users()) {
        if (user.merchantId == merchant || !user.permissions.contains(QStringLiteral("capture")))
            continue;
        ++otherMerchantUsers;
        GatewayClient client(m_gateway.url(), m_gateway.caPath());
        QVERIFY(client.setIdentity(user.p12, user.p12Passphrase));
        const QString token = client.login(user.loginId, user.password);
        QVERIFY(!token.isEmpty());
        const GatewayClient::Response other = act(client, token, QStringLiteral("capture"), items({card}));
        QCOMPARE(other.status, 200);
        QCOMPARE(singleResult(other).value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString(),
                 QStringLiteral("not_found"));
        const GatewayClient::Response amount = client.post(QStringLiteral("/v1/payments/%1/amount").arg(card),
                                                           compact(QJsonObject{{QStringLiteral("amount"), 100}}), token,
                                                           keyHeader(newKey()));
        QVERIFY(amount.status == 404 || amount.status == 403);
    }
    QVERIFY2(otherMerchantUsers > 0, "the demo's second merchant (admin2) must be tried");
    QCOMPARE(detail(card).value(QLatin1String("status")).toInt(), 20);
    QCOMPARE(detail(atm).value(QLatin1String("status")).toInt(), 40);
}

void TestGatewayActions::actionsAreAuditedWithTheRequestId()
{
    const QString ok = firstPayment(QStringLiteral("02"), 20);
    const QString refused = firstPayment(QStringLiteral("02"), 60);
    const GatewayClient::Response response = act(*m_admin, m_adminToken, QStringLiteral("cancel"), items({ok, refused}));
    QCOMPARE(response.status, 200);
    QVERIFY(!response.requestId.isEmpty());
    const GatewayClient::Response forbidden = m_staff->post(QStringLiteral("/v1/payments/%1/amount").arg(ok),
                                                            compact(QJsonObject{{QStringLiteral("amount"), 100}}),
                                                            m_staffToken, keyHeader(newKey()));
    QCOMPARE(forbidden.status, 403);

    QList<QStringList> rows;
    {
        QSqlDatabase db = m_gateway.openDatabase(QStringLiteral("actions-audit"));
        QVERIFY2(db.isOpen(), qPrintable(m_gateway.error()));
        QSqlQuery q(db);
        QVERIFY(q.prepare(QStringLiteral("SELECT login_id, merchant_id, action, target, result, request_id FROM audit_log"
                                         " WHERE request_id IN (?, ?) ORDER BY audit_id")));
        q.addBindValue(QString::fromLatin1(response.requestId));
        q.addBindValue(QString::fromLatin1(forbidden.requestId));
        QVERIFY(q.exec());
        while (q.next()) {
            QStringList row;
            for (int i = 0; i < 6; ++i)
                row.append(q.value(i).toString());
            rows.append(row);
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("actions-audit"));
    const QString merchant = m_gateway.user(QStringLiteral("admin")).merchantId;
    const QString requestId = QString::fromLatin1(response.requestId);
    QCOMPARE(rows.size(), 3);
    QCOMPARE(rows.at(0), (QStringList{QStringLiteral("admin"), merchant, QStringLiteral("payment_cancel"),
                                      QStringLiteral("payment:") + ok, QStringLiteral("ok"), requestId}));
    QCOMPARE(rows.at(1), (QStringList{QStringLiteral("admin"), merchant, QStringLiteral("payment_cancel"),
                                      QStringLiteral("payment:") + refused, QStringLiteral("status_not_allowed"), requestId}));
    QCOMPARE(rows.at(2), (QStringList{QStringLiteral("staff"), merchant, QStringLiteral("payment_change_amount"),
                                      QStringLiteral("payment:") + ok, QStringLiteral("forbidden"),
                                      QString::fromLatin1(forbidden.requestId)}));
}

void TestGatewayActions::aBulkRequestThatFailsInsideChangesNothingButIsAudited()
{
    // Another merchant's payment (refused as not_found), two capturable payments around a third
    // whose UPDATE fails: the whole capture is rolled back, and the audit still shows the probe.
    const QString merchant = m_gateway.user(QStringLiteral("admin")).merchantId;
    const auto foreignRows = sql(QStringLiteral("SELECT payment_id FROM payments WHERE merchant_id <> ? ORDER BY payment_id"),
                                 {merchant});
    QVERIFY(foreignRows && !foreignRows->isEmpty());
    const QString foreign = foreignRows->first().first().toString();
    const QString first = firstPayment(QStringLiteral("02"), 20);
    const QString poisoned = firstPayment(QStringLiteral("02"), 20);
    const QString last = firstPayment(QStringLiteral("02"), 20);
    QVERIFY(!first.isEmpty() && !poisoned.isEmpty() && !last.isEmpty());
    const QStringList ours = {first, poisoned, last};
    QList<QJsonObject> before;
    for (const QString &id : ours)
        before.append(detail(id));

    const bool postgres = GatewayFixture::postgresRequested();
    const QString poisonedId = QString::number(poisoned.toLongLong());
    const QStringList inject = postgres
        ? QStringList{QStringLiteral("CREATE FUNCTION kessai_test_fault() RETURNS trigger LANGUAGE plpgsql"
                                     " AS $$ BEGIN RAISE EXCEPTION 'injected'; END $$"),
                      QStringLiteral("CREATE TRIGGER kessai_test_fault BEFORE UPDATE ON payments FOR EACH ROW"
                                     " WHEN (OLD.payment_id = %1) EXECUTE FUNCTION kessai_test_fault()").arg(poisonedId)}
        : QStringList{QStringLiteral("CREATE TRIGGER kessai_test_fault BEFORE UPDATE ON payments"
                                     " WHEN old.payment_id = %1 BEGIN SELECT RAISE(ABORT, 'injected'); END").arg(poisonedId)};
    for (const QString &statement : inject)
        QVERIFY(sql(statement));

    const QByteArray key = newKey();
    const QJsonArray request = items({foreign, first, poisoned, last});
    const GatewayClient::Response failed = act(*m_admin, m_adminToken, QStringLiteral("capture"), request, key);
    QCOMPARE(failed.status, 500);
    QCOMPARE(failed.errorCode(), QStringLiteral("internal"));
    for (qsizetype i = 0; i < ours.size(); ++i) {
        const QJsonObject now = detail(ours.at(i));
        QCOMPARE(now.value(QLatin1String("status")).toInt(), 20);
        QCOMPARE(now.value(QLatin1String("events")).toArray(), before.at(i).value(QLatin1String("events")).toArray());
    }

    const QStringList dropFault = postgres ? QStringList{QStringLiteral("DROP TRIGGER kessai_test_fault ON payments"),
                                                         QStringLiteral("DROP FUNCTION kessai_test_fault()")}
                                           : QStringList{QStringLiteral("DROP TRIGGER kessai_test_fault")};
    for (const QString &statement : dropFault)
        QVERIFY(sql(statement));

    // The key was released: the same request runs again, in full.
    const GatewayClient::Response retried = act(*m_admin, m_adminToken, QStringLiteral("capture"), request, key);
    QCOMPARE(retried.status, 200);
    QVERIFY(retried.header("Idempotent-Replayed").isEmpty());
    QCOMPARE(retried.json.value(QLatin1String("succeeded")).toInt(), 3);
    for (const QString &id : ours)
        QCOMPARE(detail(id).value(QLatin1String("status")).toInt(), 40);

    auto auditOf = [&](const QByteArray &requestId) {
        QList<QStringList> rows;
        const auto found = sql(QStringLiteral("SELECT login_id, merchant_id, action, target, result, origin FROM audit_log"
                                              " WHERE request_id = ? ORDER BY audit_id"),
                               {QString::fromLatin1(requestId)});
        for (const QVariantList &row : found.value_or(QList<QVariantList>())) {
            QStringList texts;
            for (const QVariant &value : row)
                texts.append(value.toString());
            rows.append(texts);
        }
        return rows;
    };
    auto expected = [&](const QStringList &results, const QString &origin) {
        QList<QStringList> rows;
        const QStringList targets = {foreign, first, poisoned, last};
        for (qsizetype i = 0; i < targets.size(); ++i)
            rows.append({QStringLiteral("admin"), merchant, QStringLiteral("payment_capture"),
                         QStringLiteral("payment:") + targets.at(i), results.at(i), origin});
        return rows;
    };
    const QList<QStringList> succeeded = auditOf(retried.requestId);
    QCOMPARE(succeeded.size(), 4);
    const QString origin = succeeded.first().last();
    QVERIFY(!origin.isEmpty());
    QCOMPARE(succeeded, expected({QStringLiteral("not_found"), QStringLiteral("ok"), QStringLiteral("ok"), QStringLiteral("ok")},
                                 origin));
    const QString internal = QStringLiteral("internal_error");
    QCOMPARE(auditOf(failed.requestId), expected({QStringLiteral("not_found"), internal, internal, internal}, origin));
}

void TestGatewayActions::sandboxPaysConvenienceStoreThroughPreliminaryNotice()
{
    const QString direct = firstPayment(QStringLiteral("03"), 10);
    const QString stepwise = firstPayment(QStringLiteral("03"), 10);
    QVERIFY2(!direct.isEmpty() && !stepwise.isEmpty(), "the demo needs two unpaid CVS payments");

    GatewayClient::Response paid = m_admin->post(QStringLiteral("/v1/sandbox/payments/%1/pay").arg(direct), QJsonObject(), m_adminToken);
    QCOMPARE(paid.status, 200);
    QCOMPARE(paid.json.value(QLatin1String("status")).toInt(), 40);
    QJsonArray events = detail(direct).value(QLatin1String("events")).toArray();
    QCOMPARE(events.at(events.size() - 2).toObject().value(QLatin1String("to")).toInt(), 43);
    QCOMPARE(events.last().toObject().value(QLatin1String("from")).toInt(), 43);
    QCOMPARE(events.last().toObject().value(QLatin1String("to")).toInt(), 40);
    QVERIFY(!detail(direct).value(QLatin1String("cleared_time")).toString().isEmpty());

    paid = m_admin->post(QStringLiteral("/v1/sandbox/payments/%1/pay").arg(stepwise),
                         QJsonObject{{QStringLiteral("preliminary"), true}}, m_adminToken);
    QCOMPARE(paid.json.value(QLatin1String("status")).toInt(), 43);
    QCOMPARE(search(QStringLiteral("status=43&trading_id=") + detail(stepwise).value(QLatin1String("trading_id")).toString()).size(), 1);
    // Paid CVS payments cannot be refunded through the gateway.
    const QJsonObject cancel = singleResult(act(*m_admin, m_adminToken, QStringLiteral("cancel"), items({stepwise})));
    QCOMPARE(cancel.value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString(), QStringLiteral("status_not_allowed"));
    paid = m_admin->post(QStringLiteral("/v1/sandbox/payments/%1/pay").arg(stepwise), QJsonObject(), m_adminToken);
    QCOMPARE(paid.json.value(QLatin1String("status")).toInt(), 40);

    const QString withdrawn = firstPayment(QStringLiteral("03"), 10);
    if (!withdrawn.isEmpty()) {
        m_admin->post(QStringLiteral("/v1/sandbox/payments/%1/pay").arg(withdrawn), QJsonObject{{QStringLiteral("preliminary"), true}}, m_adminToken);
        const GatewayClient::Response cancelled = m_admin->post(QStringLiteral("/v1/sandbox/payments/%1/expire").arg(withdrawn), QJsonObject(), m_adminToken);
        QCOMPARE(cancelled.json.value(QLatin1String("status")).toInt(), 61);
    }
}

void TestGatewayActions::sandboxPaysAtmAndBankAndExpires()
{
    const QString atm = firstPayment(QStringLiteral("01"), 10);
    QVERIFY(!atm.isEmpty());
    GatewayClient::Response r = m_admin->post(QStringLiteral("/v1/sandbox/payments/%1/pay").arg(atm), QJsonObject(), m_adminToken);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json.value(QLatin1String("status")).toInt(), 40);
    // ATM payments cannot be refunded either.
    QCOMPARE(detail(atm).value(QLatin1String("actions")).toArray(), QJsonArray());

    const QString atmLate = firstPayment(QStringLiteral("01"), 10);
    if (!atmLate.isEmpty()) {
        r = m_admin->post(QStringLiteral("/v1/sandbox/payments/%1/expire").arg(atmLate), QJsonObject(), m_adminToken);
        QCOMPARE(r.json.value(QLatin1String("status")).toInt(), 12);
    }
    const QString cvsLate = firstPayment(QStringLiteral("03"), 10);
    if (!cvsLate.isEmpty()) {
        r = m_admin->post(QStringLiteral("/v1/sandbox/payments/%1/expire").arg(cvsLate), QJsonObject(), m_adminToken);
        QCOMPARE(r.json.value(QLatin1String("status")).toInt(), 12);
    }
    // Open bank-net payments only exist for an hour after the demo; pay one when there is one.
    const QString bank = firstPayment(QStringLiteral("05"), 10);
    if (!bank.isEmpty()) {
        r = m_admin->post(QStringLiteral("/v1/sandbox/payments/%1/pay").arg(bank), QJsonObject(), m_adminToken);
        QCOMPARE(r.json.value(QLatin1String("status")).toInt(), 40);
    }
}

void TestGatewayActions::sandboxRefusesMovesOutsideTheTable()
{
    const QString card = firstPayment(QStringLiteral("02"), 20);
    GatewayClient::Response r = m_admin->post(QStringLiteral("/v1/sandbox/payments/%1/pay").arg(card), QJsonObject(), m_adminToken);
    QCOMPARE(r.status, 409);
    QCOMPARE(r.errorCode(), QStringLiteral("status_not_allowed"));
    const QString paidAtm = firstPayment(QStringLiteral("01"), 40);
    r = m_admin->post(QStringLiteral("/v1/sandbox/payments/%1/expire").arg(paidAtm), QJsonObject(), m_adminToken);
    QCOMPARE(r.status, 409);
    // staff may not view ATM payments: not found for it.
    const QString atm = firstPayment(QStringLiteral("01"), 10);
    if (!atm.isEmpty()) {
        r = m_staff->post(QStringLiteral("/v1/sandbox/payments/%1/pay").arg(atm), QJsonObject(), m_staffToken);
        QCOMPARE(r.status, 404);
    }
    r = m_admin->post(QStringLiteral("/v1/sandbox/clock"), QJsonObject{{QStringLiteral("advance_days"), -1}}, m_adminToken);
    QCOMPARE(r.status, 400);
    r = m_admin->post(QStringLiteral("/v1/sandbox/clock"), QJsonObject{{QStringLiteral("advance_days"), QStringLiteral("3")}}, m_adminToken);
    QCOMPARE(r.status, 400);
    // The clock is the whole sandbox's: a general user may read it but not move it, and the
    // refusal is audited.
    QCOMPARE(m_staff->get(QStringLiteral("/v1/sandbox/clock"), m_staffToken).status, 200);
    r = m_staff->post(QStringLiteral("/v1/sandbox/clock"), QJsonObject{{QStringLiteral("advance_days"), 1}}, m_staffToken);
    QCOMPARE(r.status, 403);
    QCOMPARE(r.errorCode(), QStringLiteral("forbidden"));
    const GatewayClient::Response audit =
        m_admin->get(QStringLiteral("/v1/audit?action=sandbox_clock&login_id=staff&limit=1"), m_adminToken);
    QCOMPARE(audit.status, 200);
    QCOMPARE(audit.json.value(QLatin1String("items")).toArray().first().toObject().value(QLatin1String("result")).toString(),
             QStringLiteral("forbidden"));
}

void TestGatewayActions::cancelWindowIsOpenAt59DaysAndClosedAt61()
{
    const QString early = firstPayment(QStringLiteral("02"), 20);
    const QString late = firstPayment(QStringLiteral("02"), 20);
    const QString authorizedOnly = firstPayment(QStringLiteral("02"), 20);
    QVERIFY(!authorizedOnly.isEmpty());
    const GatewayClient::Response captured = act(*m_admin, m_adminToken, QStringLiteral("capture"), items({early, late}));
    QCOMPARE(captured.json.value(QLatin1String("succeeded")).toInt(), 2);
    // A capture made "now": its window is 60 days from now.
    const QList<QJsonObject> openAuthorizations = search(QStringLiteral("type=02&status=20"));

    GatewayClient::Response clock = m_admin->post(QStringLiteral("/v1/sandbox/clock"), QJsonObject{{QStringLiteral("advance_days"), 59}}, m_adminToken);
    QCOMPARE(clock.status, 200);
    QCOMPARE(clock.json.value(QLatin1String("offset_days")).toInt(), 59);
    QCOMPARE(detail(early).value(QLatin1String("status")).toInt(), 40);
    QVERIFY(detail(late).value(QLatin1String("actions")).toArray().contains(QJsonValue(QStringLiteral("cancel"))));
    const QJsonObject cancelled = singleResult(act(*m_admin, m_adminToken, QStringLiteral("cancel"), items({early})));
    QVERIFY(cancelled.value(QLatin1String("ok")).toBool());
    QCOMPARE(cancelled.value(QLatin1String("status")).toInt(), 60);

    clock = m_admin->post(QStringLiteral("/v1/sandbox/clock"), QJsonObject{{QStringLiteral("advance_days"), 2}}, m_adminToken);
    QCOMPARE(clock.json.value(QLatin1String("offset_days")).toInt(), 61);
    QCOMPARE(m_admin->get(QStringLiteral("/v1/sandbox/clock"), m_adminToken).json.value(QLatin1String("offset_days")).toInt(), 61);
    // Every move of the clock is audited with its size.
    const QJsonArray moves = m_admin->get(QStringLiteral("/v1/audit?action=sandbox_clock&login_id=admin&limit=2"), m_adminToken)
                                 .json.value(QLatin1String("items"))
                                 .toArray();
    QCOMPARE(moves.size(), 2);
    QCOMPARE(moves.at(0).toObject().value(QLatin1String("target")).toString(), QStringLiteral("clock:+2d"));
    QCOMPARE(moves.at(1).toObject().value(QLatin1String("target")).toString(), QStringLiteral("clock:+59d"));

    // Past its window the capture is 41 everywhere it is read: search, detail, actions.
    const QString trading = detail(late).value(QLatin1String("trading_id")).toString();
    QCOMPARE(search(QStringLiteral("status=41&trading_id=") + trading).size(), 1);
    const QJsonObject lateDetail = detail(late);
    QCOMPARE(lateDetail.value(QLatin1String("status")).toInt(), 41);
    QCOMPARE(lateDetail.value(QLatin1String("actions")).toArray(), QJsonArray());
    const QJsonObject lastEvent = lateDetail.value(QLatin1String("events")).toArray().last().toObject();
    QCOMPARE(lastEvent.value(QLatin1String("actor")).toString(), QStringLiteral("system"));
    QCOMPARE(lastEvent.value(QLatin1String("to")).toInt(), 41);
    const QJsonObject refused = singleResult(act(*m_admin, m_adminToken, QStringLiteral("cancel"), items({late})));
    QCOMPARE(refused.value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString(), QStringLiteral("expired"));

    // Every authorization of the demo is now older than 60 days: all expired (33).
    QVERIFY(!openAuthorizations.isEmpty());
    QCOMPARE(search(QStringLiteral("type=02&status=20")).size(), 0);
    QCOMPARE(detail(authorizedOnly).value(QLatin1String("status")).toInt(), 33);
    const QJsonObject expired = singleResult(act(*m_admin, m_adminToken, QStringLiteral("capture"), items({authorizedOnly})));
    QCOMPARE(expired.value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString(), QStringLiteral("expired"));
    // Unpaid CVS/ATM payments are past their deadline.
    QCOMPARE(search(QStringLiteral("type=01,03&status=10")).size(), 0);

    // The offset is persisted: a restarted gateway keeps it.
    m_gateway.stop();
    QVERIFY2(m_gateway.restart(), qPrintable(m_gateway.error()));
    m_admin.emplace(m_gateway.url(), m_gateway.caPath());
    const GatewayFixture::User admin = m_gateway.user(QStringLiteral("admin"));
    QVERIFY(m_admin->setIdentity(admin.p12, admin.p12Passphrase));
    m_adminToken = m_admin->login(admin.loginId, admin.password);
    QCOMPARE(m_admin->get(QStringLiteral("/v1/sandbox/clock"), m_adminToken).json.value(QLatin1String("offset_days")).toInt(), 61);
}

void TestGatewayActions::sandboxDisabledAnswers404()
{
    m_gateway.stop();
    QVERIFY2(m_gateway.restart({QStringLiteral("--no-sandbox")}), qPrintable(m_gateway.error()));
    GatewayClient client(m_gateway.url(), m_gateway.caPath());
    const GatewayFixture::User admin = m_gateway.user(QStringLiteral("admin"));
    QVERIFY(client.setIdentity(admin.p12, admin.p12Passphrase));
    const QString token = client.login(admin.loginId, admin.password);
    QVERIFY(!token.isEmpty());
    for (const QString &path : {QStringLiteral("/v1/sandbox/clock"), QStringLiteral("/v1/sandbox/payments/100000000000000001/pay"),
                                QStringLiteral("/v1/sandbox/payments/100000000000000001/expire")}) {
        const GatewayClient::Response r = client.post(path, QJsonObject{{QStringLiteral("advance_days"), 1}}, token);
        QCOMPARE(r.status, 404);
        QCOMPARE(r.errorCode(), QStringLiteral("not_found"));
    }
    QCOMPARE(client.get(QStringLiteral("/v1/sandbox/clock"), token).status, 404);
}

QTEST_GUILESS_MAIN(TestGatewayActions)
#include "tst_gatewayactions.moc"
