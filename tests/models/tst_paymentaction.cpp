#include "api/merchantclient.h"
#include "api/paymentactionrunner.h"
#include "fakenetwork.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace kessai;

namespace {

// Records every request with its body (FakeNetwork's handler sees no body) and answers from a
// queue: status 0 is "no HTTP answer at all", as when the connection drops.
class RecordingNetwork final : public QNetworkAccessManager
{
    Q_OBJECT

public:
    struct Sent
    {
        QString path;
        QByteArray key;
        QByteArray body;
    };
    QList<Sent> sent;
    QList<std::pair<int, QByteArray>> answers;

protected:
    QNetworkReply *createRequest(Operation op, const QNetworkRequest &request, QIODevice *data) override
    {
        sent.append({request.url().path(), request.rawHeader("Idempotency-Key"), data ? data->readAll() : QByteArray()});
        const auto [status, body] = answers.isEmpty() ? std::pair<int, QByteArray>{500, {}} : answers.takeFirst();
        return new FakeReply(request, op, status, body, 0, true, this);
    }
};

const QByteArray capturedAnswer = R"({"results":[{"payment_id":"100000000000000002","ok":true,"status":40,"amount":5000}],"succeeded":1,"failed":0})";

} // namespace

// The GUI-free side of 売上 / 取消 / 金額変更: request shapes, one key per confirmed action kept
// across retries, per-item results and their sentences.
class TestPaymentAction : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_network = new RecordingNetwork;
        m_client = std::make_unique<MerchantClient>();
        m_client->setNetworkAccessManager(m_network);
        QVERIFY(m_client->setBaseUrl(QUrl(QStringLiteral("https://gateway.test"))));
    }

    void cleanup()
    {
        m_client.reset();
        delete m_network;
    }

    void retryAfterNoAnswerSendsTheSameKeyAndBody()
    {
        m_network->answers = {{0, {}}, {200, capturedAnswer}};
        const PaymentAction action = PaymentAction::capture({{QStringLiteral("100000000000000002"), 5000}});
        QVERIFY(action.isValid());

        const ApiResult lost = waitFor(action.send(m_client.get()));
        QCOMPARE(lost.error.kind, ApiError::Kind::Connection);
        QVERIFY(PaymentAction::isRetryable(lost.error));

        const ApiResult retried = waitFor(action.send(m_client.get()));
        QVERIFY2(retried.ok(), qPrintable(retried.error.displayText()));
        QCOMPARE(m_network->sent.size(), 2);
        QCOMPARE(m_network->sent[0].key, action.idempotencyKey());
        QCOMPARE(m_network->sent[1].key, action.idempotencyKey());
        QCOMPARE(m_network->sent[1].body, m_network->sent[0].body);
        QCOMPARE(m_network->sent[1].path, QStringLiteral("/v1/payments/capture"));

        const QList<PaymentActionResult> results = PaymentActionResult::listFromJson(retried.json.object());
        QCOMPARE(results.size(), 1);
        QVERIFY(results[0].ok);
        QCOMPARE(results[0].status, 40);
        QCOMPARE(results[0].amount, Yen(5000));
    }

    // The runner every money-moving screen uses: a lost answer keeps the action pending, nothing
    // new starts until it is retried (same key) or discarded.
    void theRunnerKeepsALostActionUntilRetriedOrDiscarded()
    {
        m_network->answers = {{0, {}}, {200, R"({"results":[]})"}, {200, capturedAnswer}};
        PaymentActionRunner runner(m_client.get());
        QSignalSpy finished(&runner, &PaymentActionRunner::finished);
        const PaymentAction action = PaymentAction::capture({{QStringLiteral("100000000000000002"), 5000}});
        QVERIFY(runner.start(action));
        QCOMPARE(runner.state(), PaymentActionRunner::State::Sending);
        QVERIFY(!runner.start(PaymentAction::cancel({{QStringLiteral("100000000000000003"), 0}})));
        QVERIFY(finished.wait());
        auto outcome = finished.takeFirst().at(0).value<PaymentActionOutcome>();
        QCOMPARE(outcome.result, PaymentActionOutcome::Result::Unknown);
        QCOMPARE(runner.state(), PaymentActionRunner::State::Unknown);
        QCOMPARE(runner.pending().idempotencyKey(), action.idempotencyKey());
        // Nothing new while the outcome is unknown.
        QVERIFY(!runner.start(PaymentAction::cancel({{QStringLiteral("100000000000000003"), 0}})));
        QCOMPARE(m_network->sent.size(), 1);

        // An answer without the item's result is no answer either: still unknown.
        QVERIFY(runner.retry());
        QVERIFY(finished.wait());
        outcome = finished.takeFirst().at(0).value<PaymentActionOutcome>();
        QCOMPARE(outcome.result, PaymentActionOutcome::Result::Unknown);
        QCOMPARE(outcome.error.code, QStringLiteral("unreadable_answer"));
        QCOMPARE(runner.state(), PaymentActionRunner::State::Unknown);

        QVERIFY(runner.retry());
        QVERIFY(finished.wait());
        outcome = finished.takeFirst().at(0).value<PaymentActionOutcome>();
        QCOMPARE(outcome.result, PaymentActionOutcome::Result::Answered);
        QVERIFY(outcome.allDone());
        QCOMPARE(outcome.items.value(0).status, 40);
        QCOMPARE(runner.state(), PaymentActionRunner::State::Idle);
        QVERIFY(!runner.pending().isValid());
        QCOMPARE(m_network->sent.size(), 3);
        for (const auto &sent : m_network->sent)
            QCOMPARE(sent.key, action.idempotencyKey());
    }

    void theRunnerEndsARefusalAndADiscard()
    {
        m_network->answers = {{409, R"({"error":{"code":"idempotency_mismatch","message":"no","request_id":"r1"}})"},
                              {503, {}}};
        PaymentActionRunner runner(m_client.get());
        QSignalSpy finished(&runner, &PaymentActionRunner::finished);
        QVERIFY(runner.start(PaymentAction::cancel({{QStringLiteral("100000000000000003"), 6300}})));
        QVERIFY(finished.wait());
        auto outcome = finished.takeFirst().at(0).value<PaymentActionOutcome>();
        QCOMPARE(outcome.result, PaymentActionOutcome::Result::Refused);
        QCOMPARE(outcome.error.code, QStringLiteral("idempotency_mismatch"));
        QCOMPARE(runner.state(), PaymentActionRunner::State::Idle);
        QVERIFY(!runner.retry());
        QVERIFY(!runner.discard());

        // A 5xx releases the key on the gateway: unknown, then given up by the user.
        const PaymentAction second = PaymentAction::cancel({{QStringLiteral("100000000000000004"), 100}});
        QVERIFY(runner.start(second));
        QVERIFY(finished.wait());
        QCOMPARE(finished.takeFirst().at(0).value<PaymentActionOutcome>().result, PaymentActionOutcome::Result::Unknown);
        QVERIFY(runner.discard());
        QCOMPARE(runner.state(), PaymentActionRunner::State::Idle);
        QVERIFY(!runner.pending().isValid());
        QCOMPARE(m_network->sent.size(), 2);
        QVERIFY(m_network->sent[1].key != m_network->sent[0].key);
    }

    void aNewConfirmationGetsANewKey()
    {
        const QList<PaymentActionItem> items{{QStringLiteral("100000000000000002"), 0}};
        const PaymentAction first = PaymentAction::capture(items);
        const PaymentAction second = PaymentAction::capture(items);
        QVERIFY(first.idempotencyKey() != second.idempotencyKey());
        // The gateway's key grammar: 1-64 of A-Z a-z 0-9 _ -
        QVERIFY(QRegularExpression(QStringLiteral("^[A-Za-z0-9_-]{1,64}$"))
                    .match(QString::fromLatin1(first.idempotencyKey()))
                    .hasMatch());
        QVERIFY(!PaymentAction().isValid());
    }

    void requestsHaveTheDocumentedShape()
    {
        m_network->answers = {{200, "{}"}, {200, "{}"}, {200, "{}"}};
        waitFor(m_client->capturePayments({{QStringLiteral("100000000000000002"), 5000}, {QStringLiteral("100000000000000007"), 0}},
                                          "key-1"));
        waitFor(m_client->cancelPayments({{QStringLiteral("100000000000000003"), 6300}}, "key-2"));
        waitFor(m_client->changeAmount(QStringLiteral("100000000000000004"), 7000, "key-3"));
        QCOMPARE(m_network->sent.size(), 3);

        QCOMPARE(m_network->sent[0].path, QStringLiteral("/v1/payments/capture"));
        QCOMPARE(m_network->sent[0].key, QByteArray("key-1"));
        const QJsonArray captureItems = QJsonDocument::fromJson(m_network->sent[0].body).object().value(QLatin1String("items")).toArray();
        QCOMPARE(captureItems.size(), 2);
        QCOMPARE(captureItems[0].toObject().value(QLatin1String("payment_id")).toString(), QStringLiteral("100000000000000002"));
        QCOMPARE(captureItems[0].toObject().value(QLatin1String("amount")).toInteger(), 5000);
        QVERIFY(!captureItems[1].toObject().contains(QLatin1String("amount"))); // 0 = the authorized amount

        QCOMPARE(m_network->sent[1].path, QStringLiteral("/v1/payments/cancel"));
        QCOMPARE(m_network->sent[1].key, QByteArray("key-2"));

        QCOMPARE(m_network->sent[2].path, QStringLiteral("/v1/payments/100000000000000004/amount"));
        QCOMPARE(m_network->sent[2].key, QByteArray("key-3"));
        QCOMPARE(QJsonDocument::fromJson(m_network->sent[2].body).object().value(QLatin1String("amount")).toInteger(), 7000);
    }

    void retryableErrors_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("httpStatus");
        QTest::addColumn<QString>("code");
        QTest::addColumn<bool>("retryable");
        QTest::newRow("connection") << int(ApiError::Kind::Connection) << 0 << QStringLiteral("connection") << true;
        QTest::newRow("closed") << int(ApiError::Kind::Tls) << 0 << QStringLiteral("tls") << true;
        QTest::newRow("timeout") << int(ApiError::Kind::Cancelled) << 0 << QStringLiteral("cancelled") << true;
        QTest::newRow("internal") << int(ApiError::Kind::Server) << 500 << QStringLiteral("internal") << true;
        QTest::newRow("in progress") << int(ApiError::Kind::Invalid) << 409 << QStringLiteral("idempotency_in_progress") << true;
        QTest::newRow("insecure url") << int(ApiError::Kind::Connection) << 0 << QStringLiteral("insecure_url") << false;
        QTest::newRow("forbidden") << int(ApiError::Kind::Permission) << 403 << QStringLiteral("forbidden") << false;
        QTest::newRow("status") << int(ApiError::Kind::Invalid) << 409 << QStringLiteral("status_not_allowed") << false;
        QTest::newRow("mismatch") << int(ApiError::Kind::Invalid) << 422 << QStringLiteral("idempotency_mismatch") << false;
        QTest::newRow("session") << int(ApiError::Kind::Authentication) << 401 << QStringLiteral("session_expired") << false;
    }

    void retryableErrors()
    {
        QFETCH(int, kind);
        QFETCH(int, httpStatus);
        QFETCH(QString, code);
        QFETCH(bool, retryable);
        ApiError error;
        error.kind = ApiError::Kind(kind);
        error.httpStatus = httpStatus;
        error.code = code;
        QCOMPARE(PaymentAction::isRetryable(error), retryable);
    }

    void itemErrorsReadAsSentences_data()
    {
        QTest::addColumn<QString>("code");
        for (const char *code : {"status_not_allowed", "expired", "amount_exceeds_authorized", "invalid_amount", "not_found",
                                 "duplicate_item"})
            QTest::newRow(code) << QString::fromLatin1(code);
    }

    void itemErrorsReadAsSentences()
    {
        QFETCH(QString, code);
        const QByteArray answer = QJsonDocument(QJsonObject{
            {QStringLiteral("results"),
             QJsonArray{QJsonObject{{QStringLiteral("payment_id"), QStringLiteral("100000000000000007")},
                                    {QStringLiteral("ok"), false},
                                    {QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), code},
                                                                          {QStringLiteral("message"), QStringLiteral("server words")}}}}}}})
                                      .toJson();
        const QList<PaymentActionResult> results = PaymentActionResult::listFromJson(QJsonDocument::fromJson(answer).object());
        QCOMPARE(results.size(), 1);
        QVERIFY(!results[0].ok);
        QCOMPARE(results[0].errorCode, code);
        const QString text = results[0].errorText();
        QVERIFY2(!text.contains(code) && text != QLatin1String("server words") && text.size() > 15, qPrintable(text));
        // An unknown code falls back to the gateway's words.
        QCOMPARE(paymentActionErrorText(QStringLiteral("something_new"), QStringLiteral("server words")), QStringLiteral("server words"));
    }

    void amountChangeAnswerIsRead()
    {
        const AmountChangeResult r = AmountChangeResult::fromJson(
            QJsonDocument::fromJson(R"({"payment_id":"100000000000002001","base_payment_id":"100000000000000002","status":20,"amount":7000,"base_status":32})")
                .object());
        QCOMPARE(r.paymentId, QStringLiteral("100000000000002001"));
        QCOMPARE(r.basePaymentId, QStringLiteral("100000000000000002"));
        QCOMPARE(r.status, 20);
        QCOMPARE(r.amount, Yen(7000));
        QCOMPARE(r.baseStatus, 32);
    }

private:
    RecordingNetwork *m_network = nullptr;
    std::unique_ptr<MerchantClient> m_client;
};

QTEST_GUILESS_MAIN(TestPaymentAction)
#include "tst_paymentaction.moc"
