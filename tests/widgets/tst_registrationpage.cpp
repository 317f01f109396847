#include "api/apireply.h"
#include "api/merchantclient.h"
#include "common/moneyedit.h"
#include "fakenetwork.h"
#include "register/registrationpage.h"

#include <QApplication>
#include <QClipboard>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace kessai;

// 決済新規登録 when the answer is lost: the same bytes go again under the same key, the card
// stays in the form until a definite answer, then only its mask is left.
class TestRegistrationPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aLostAnswerIsSentAgainUnderTheSameKey()
    {
        QList<QByteArray> keys;
        QList<QByteArray> bodies;
        int failFirst = 1;
        FakeNetwork network([&](const QNetworkRequest &request) -> FakeNetwork::Answer {
            const QString path = request.url().path();
            if (path == QLatin1String("/v1/session")) {
                const QJsonObject user{{QStringLiteral("login_id"), QStringLiteral("clerk")},
                                       {QStringLiteral("permissions"), QJsonArray{QStringLiteral("view:02"), QStringLiteral("register")}}};
                return {200, QJsonDocument(QJsonObject{{QStringLiteral("token"), QStringLiteral("t")}, {QStringLiteral("user"), user}}).toJson(), 0};
            }
            if (path == QLatin1String("/v1/payments") && request.hasRawHeader("Idempotency-Key")) {
                keys << request.rawHeader("Idempotency-Key");
                bodies << QByteArray(); // filled from lastBody below
                if (failFirst-- > 0)
                    return {503, R"({"error":{"code":"unavailable","message":"busy"}})", 0};
                return {201, R"({"payment_id":"100000000000009001","trading_id":"PHONE_1","type":"02","status":20,)"
                             R"("amount":4800,"institution":"VISA","trade_time":"2026-12-03T01:00:00Z","authorized_amount":4800,)"
                             R"("card":{"brand":"VISA","bin":"411111","last4":"1111","expiry":"12/30"}})", 0};
            }
            return {200, R"({"items":[],"next_cursor":null})", 0};
        });
        MerchantClient client;
        client.setNetworkAccessManager(&network);
        client.setBaseUrl(QUrl(QStringLiteral("https://gateway.test")));
        QVERIFY(waitFor(client.login(QStringLiteral("clerk"), QStringLiteral("password-12345"))).ok());

        RegistrationPage page(&client);
        page.resize(1280, 800);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        // Only the types this user may view are offered.
        QVERIFY(page.findChild<QWidget *>(QStringLiteral("type_02"))->isVisibleTo(&page));
        QVERIFY(!page.findChild<QWidget *>(QStringLiteral("type_03"))->isVisibleTo(&page));
        auto edit = [&](const char *name) { return page.findChild<QLineEdit *>(QString::fromLatin1(name)); };
        QTest::keyClicks(edit("tradingId"), QStringLiteral("PHONE_1"));
        QTest::keyClicks(page.findChild<MoneyEdit *>(QStringLiteral("amount")), QStringLiteral("4800"));
        QTest::keyClicks(edit("cardNumber"), QStringLiteral("4111111111111111"));
        QTest::keyClicks(edit("cardExpiry"), QStringLiteral("12/30"));
        QTest::keyClicks(edit("cardCvc"), QStringLiteral("739"));
        QTest::keyClicks(edit("cardHolder"), QStringLiteral("TARO YAMADA"));
        // Copying the card number out is refused.
        edit("cardNumber")->selectAll();
        QApplication::clipboard()->clear();
        QTest::keySequence(edit("cardNumber"), QKeySequence::Copy);
        QVERIFY(!QApplication::clipboard()->text().contains(QStringLiteral("4111")));

        QSignalSpy answered(&page, &RegistrationPage::answered);
        QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("confirmButton")), Qt::LeftButton);
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = page.findChild<QMessageBox *>(QStringLiteral("registrationConfirm"))) && box->isVisible());
        // Enter alone does not register: Back is the default.
        QCOMPARE(box->defaultButton()->objectName(), QString());
        QTest::mouseClick(box->findChild<QPushButton *>(QStringLiteral("confirmRegistration")), Qt::LeftButton);
        auto *resend = page.findChild<QPushButton *>(QStringLiteral("resendButton"));
        QTRY_VERIFY(resend->isVisible());
        QCOMPARE(keys.size(), 1);
        const QByteArray firstBody = network.lastBody;
        QVERIFY(firstBody.contains("4111111111111111")); // it went to the gateway, and nowhere else
        QVERIFY(!edit("cardNumber")->text().isEmpty());   // no answer yet: the form keeps it
        QCOMPARE(answered.size(), 0);

        QTest::mouseClick(resend, Qt::LeftButton);
        QVERIFY(answered.wait(5000));
        QCOMPARE(keys.size(), 2);
        QCOMPARE(keys.at(1), keys.at(0));          // the same key
        QCOMPARE(network.lastBody, firstBody);     // the same bytes
        QVERIFY(page.lastResult().ok);
        QCOMPARE(page.lastResult().paymentId, QStringLiteral("100000000000009001"));
        QVERIFY(edit("cardNumber")->text().isEmpty());
        QVERIFY(edit("cardCvc")->text().isEmpty());
        QVERIFY(!resend->isVisible());
    }

    // Every field the gateway may refuse is shown at its own field, in words.
    void everyFieldErrorLandsAtItsField()
    {
        const QStringList cardFields = {QStringLiteral("trading_id"), QStringLiteral("amount"), QStringLiteral("card.number"),
                                        QStringLiteral("card.expiry"), QStringLiteral("card.cvc"), QStringLiteral("card.holder"),
                                        QStringLiteral("payment_class"), QStringLiteral("customer.name"),
                                        QStringLiteral("customer.kana"), QStringLiteral("customer.phone"),
                                        QStringLiteral("customer.email")};
        FakeNetwork network([&](const QNetworkRequest &request) -> FakeNetwork::Answer {
            const QString path = request.url().path();
            if (path == QLatin1String("/v1/session")) {
                const QJsonObject user{{QStringLiteral("login_id"), QStringLiteral("clerk")},
                                       {QStringLiteral("permissions"), QJsonArray{QStringLiteral("view:02"), QStringLiteral("register")}}};
                return {200, QJsonDocument(QJsonObject{{QStringLiteral("token"), QStringLiteral("t")}, {QStringLiteral("user"), user}}).toJson(), 0};
            }
            if (path == QLatin1String("/v1/payments") && request.hasRawHeader("Idempotency-Key")) {
                QJsonArray fields;
                for (const QString &field : cardFields)
                    fields.append(QJsonObject{{QStringLiteral("field"), field}, {QStringLiteral("reason"), QStringLiteral("invalid")},
                                              {QStringLiteral("message"), QString(field + QStringLiteral(" is wrong."))}});
                return {400, QJsonDocument(QJsonObject{{QStringLiteral("error"),
                                                        QJsonObject{{QStringLiteral("code"), QStringLiteral("invalid_parameter")},
                                                                    {QStringLiteral("message"), QStringLiteral("see fields")},
                                                                    {QStringLiteral("fields"), fields}}}})
                                  .toJson(),
                        0};
            }
            return {200, R"({"items":[],"next_cursor":null})", 0};
        });
        MerchantClient client;
        client.setNetworkAccessManager(&network);
        client.setBaseUrl(QUrl(QStringLiteral("https://gateway.test")));
        QVERIFY(waitFor(client.login(QStringLiteral("clerk"), QStringLiteral("password-12345"))).ok());
        RegistrationPage page(&client);
        page.show();
        auto edit = [&](const char *name) { return page.findChild<QLineEdit *>(QString::fromLatin1(name)); };
        QTest::keyClicks(edit("tradingId"), QStringLiteral("PHONE_2"));
        QTest::keyClicks(page.findChild<MoneyEdit *>(QStringLiteral("amount")), QStringLiteral("4800"));
        QTest::keyClicks(edit("cardNumber"), QStringLiteral("4111111111111111"));
        QTest::keyClicks(edit("cardExpiry"), QStringLiteral("12/30"));
        QTest::keyClicks(edit("cardCvc"), QStringLiteral("739"));
        QTest::keyClicks(edit("cardHolder"), QStringLiteral("TARO YAMADA"));
        QSignalSpy answered(&page, &RegistrationPage::answered);
        QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("confirmButton")), Qt::LeftButton);
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = page.findChild<QMessageBox *>(QStringLiteral("registrationConfirm"))) && box->isVisible());
        QTest::mouseClick(box->findChild<QPushButton *>(QStringLiteral("confirmRegistration")), Qt::LeftButton);
        QVERIFY(answered.wait(5000));
        for (const QString &field : cardFields)
            QVERIFY2(!page.fieldError(field).isEmpty(), qPrintable(field));
        QCOMPARE(page.fieldError(QStringLiteral("card.cvc")), QStringLiteral("3 digits (4 for AMEX), on the back of the card."));
        // Refused: the number and code are cleared all the same.
        QVERIFY(edit("cardNumber")->text().isEmpty());
        QVERIFY(edit("cardCvc")->text().isEmpty());
    }

    // A card number typed into the customer's name or e-mail never leaves the console: the field
    // says so (naming the field, not the number) and nothing is sent.
    void aCardNumberInAFreeTextFieldIsNeverSent()
    {
        int registrations = 0;
        FakeNetwork network([&](const QNetworkRequest &request) -> FakeNetwork::Answer {
            const QString path = request.url().path();
            if (path == QLatin1String("/v1/session")) {
                const QJsonObject user{{QStringLiteral("login_id"), QStringLiteral("clerk")},
                                       {QStringLiteral("permissions"), QJsonArray{QStringLiteral("view:03"), QStringLiteral("register")}}};
                return {200, QJsonDocument(QJsonObject{{QStringLiteral("token"), QStringLiteral("t")}, {QStringLiteral("user"), user}}).toJson(), 0};
            }
            if (path == QLatin1String("/v1/payments") && request.hasRawHeader("Idempotency-Key"))
                ++registrations;
            return {200, R"({"items":[],"next_cursor":null})", 0};
        });
        MerchantClient client;
        client.setNetworkAccessManager(&network);
        client.setBaseUrl(QUrl(QStringLiteral("https://gateway.test")));
        QVERIFY(waitFor(client.login(QStringLiteral("clerk"), QStringLiteral("password-12345"))).ok());
        RegistrationPage page(&client);
        page.show();
        auto edit = [&](const char *name) { return page.findChild<QLineEdit *>(QString::fromLatin1(name)); };
        QTest::keyClicks(edit("tradingId"), QStringLiteral("PHONE_3"));
        QTest::keyClicks(page.findChild<MoneyEdit *>(QStringLiteral("amount")), QStringLiteral("1200"));
        edit("customerKana")->setText(QStringLiteral("ヤマダ ハナコ")); // QTest types Latin-1 only
        QTest::keyClicks(edit("customerPhone"), QStringLiteral("090-1234-5678"));
        auto *confirm = page.findChild<QPushButton *>(QStringLiteral("confirmButton"));
        const auto confirmBox = [&] { return page.findChild<QMessageBox *>(QStringLiteral("registrationConfirm")); };

        edit("customerName")->setText(QStringLiteral("山田 ４１１１ １１１１ １１１１ １１１１"));
        QTest::mouseClick(confirm, Qt::LeftButton);
        QCOMPARE(page.fieldError(QStringLiteral("customer.name")),
                 QStringLiteral("The customer's name must not hold a card number. Card numbers go in the card number field only."));
        QVERIFY(!confirmBox());

        edit("customerName")->setText(QStringLiteral("山田 花子"));
        QTest::keyClicks(edit("customerEmail"), QStringLiteral("4111-1111-1111-1111@example.jp"));
        QTest::mouseClick(confirm, Qt::LeftButton);
        QVERIFY(page.fieldError(QStringLiteral("customer.name")).isEmpty());
        QCOMPARE(page.fieldError(QStringLiteral("customer.email")),
                 QStringLiteral("The e-mail address must not hold a card number. Card numbers go in the card number field only."));
        QVERIFY(!confirmBox());
        QTest::qWait(50);
        QCOMPARE(registrations, 0);

        // The same form without the number goes on to the confirmation.
        edit("customerEmail")->setText(QStringLiteral("hanako@example.jp"));
        QTest::mouseClick(confirm, Qt::LeftButton);
        QTRY_VERIFY(confirmBox() && confirmBox()->isVisible());
    }
};

QTEST_MAIN(TestRegistrationPage)
#include "tst_registrationpage.moc"
