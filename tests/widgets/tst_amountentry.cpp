#include "api/merchantclient.h"
#include "common/moneyedit.h"
#include "domain/money.h"
#include "fakenetwork.h"
#include "common/paymentactiondialog.h"
#include "common/paymentdetaildialog.h"

#include <QApplication>
#include <QInputMethodEvent>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace kessai;

namespace {

// One card authorization of 6,300 yen on a fake gateway that counts the actions sent to it.
struct OneAuthorization
{
    int actions = 0;
    FakeNetwork network{[this](const QNetworkRequest &request) -> FakeNetwork::Answer {
        const QString path = request.url().path();
        if (path.endsWith(QLatin1String("/capture")) || path.endsWith(QLatin1String("/cancel"))
            || path.endsWith(QLatin1String("/amount"))) {
            ++actions;
            return {0, {}, 60'000}; // never answers within the test
        }
        return {200,
                QJsonDocument(QJsonObject{{QStringLiteral("payment_id"), QStringLiteral("100000000000000002")},
                                          {QStringLiteral("trading_id"), QStringLiteral("paygent02")},
                                          {QStringLiteral("type"), QStringLiteral("02")},
                                          {QStringLiteral("status"), 20},
                                          {QStringLiteral("amount"), 6300},
                                          {QStringLiteral("authorized_amount"), 6300},
                                          {QStringLiteral("events"), QJsonArray{}},
                                          {QStringLiteral("actions"),
                                           QJsonArray{QStringLiteral("capture"), QStringLiteral("cancel"),
                                                      QStringLiteral("change_amount")}}})
                    .toJson(),
                0};
    }};
    MerchantClient client;

    OneAuthorization()
    {
        client.setNetworkAccessManager(&network);
        client.setBaseUrl(QUrl(QStringLiteral("https://gateway.test")));
    }
};

PaymentActionDialog *activeConfirmation(const QString &objectName)
{
    auto *dialog = qobject_cast<PaymentActionDialog *>(QApplication::activeModalWidget());
    return dialog && dialog->objectName() == objectName && dialog->isVisible() ? dialog : nullptr;
}

// Types as a person does: ASCII key by key; anything else committed at once, as a Japanese input
// method commits what was composed.
void typeText(QWidget *widget, const QString &text)
{
    bool ascii = true;
    for (const QChar ch : text)
        ascii = ascii && ch.unicode() < 0x80;
    if (ascii) {
        QTest::keyClicks(widget, text);
        return;
    }
    QInputMethodEvent commit;
    commit.setCommitString(text);
    QApplication::sendEvent(widget, &commit);
}

QString hintOf(QWidget *dialog)
{
    return dialog->findChild<QLabel *>(QStringLiteral("amountHint"))->text();
}

} // namespace

// Money typed by hand: what is shown is what is sent, or nothing is sent.
class TestAmountEntry : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void moneyEditKeepsWhatWasTyped_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<bool>("acceptable");
        QTest::addColumn<qint64>("value");
        QTest::addColumn<QString>("problem");
        QTest::newRow("inside") << QStringLiteral("700") << true << qint64(700) << QString();
        QTest::newRow("the maximum") << QStringLiteral("6,300") << true << qint64(6300) << QString();
        QTest::newRow("over the maximum") << QStringLiteral("7000") << false << qint64(0) << QStringLiteral("At most ¥6,300.");
        QTest::newRow("full-width digits") << QStringLiteral("７００") << true << qint64(700) << QString();
        QTest::newRow("yen sign and unit") << QStringLiteral("¥1,200円") << true << qint64(1200) << QString();
        QTest::newRow("zero") << QStringLiteral("0") << false << qint64(0) << QStringLiteral("At least ¥1.");
        QTest::newRow("letters") << QStringLiteral("12a") << false << qint64(0) << QStringLiteral("Only whole yen in digits, such as 6300.");
        QTest::newRow("decimal") << QStringLiteral("12.5") << false << qint64(0) << QStringLiteral("Only whole yen in digits, such as 6300.");
        QTest::newRow("empty") << QString() << false << qint64(0) << QStringLiteral("Enter an amount from ¥1 to ¥6,300.");
    }

    void moneyEditKeepsWhatWasTyped()
    {
        QFETCH(QString, typed);
        QFETCH(bool, acceptable);
        QFETCH(qint64, value);
        QFETCH(QString, problem);
        MoneyEdit edit;
        edit.setRange(1, 6300);
        edit.setValue(6300);
        edit.show();
        QVERIFY(QTest::qWaitForWindowExposed(&edit));
        edit.selectAll();
        QTest::keyClick(&edit, Qt::Key_Delete);
        typeText(&edit, typed);
        QCOMPARE(edit.text(), typed); // never clamped, never cut
        QCOMPARE(edit.hasAcceptableValue(), acceptable);
        QCOMPARE(edit.value().value_or(0), value);
        QCOMPARE(edit.problem(), problem);
    }

    // The defect: typing 7000 over a 6,300-yen authorization left 700 in the field, and Enter
    // captured 700. Now the field keeps 7000, says the limit, and nothing can be sent.
    void typingOverTheMaximumCannotBeSent()
    {
        OneAuthorization gateway;
        PaymentDetailDialog detail(&gateway.client, QStringLiteral("100000000000000002"));
        detail.show();
        QVERIFY(QTest::qWaitForWindowExposed(&detail));
        QTRY_VERIFY(detail.isLoaded());
        QTest::mouseClick(detail.findChild<QPushButton *>(QStringLiteral("captureButton")), Qt::LeftButton);
        PaymentActionDialog *confirm = nullptr;
        QTRY_VERIFY((confirm = activeConfirmation(QStringLiteral("captureConfirmDialog"))) != nullptr);
        auto *amount = confirm->findChild<MoneyEdit *>(QStringLiteral("amountInput"));
        auto *ok = confirm->findChild<QPushButton *>(QStringLiteral("confirmButton"));
        QTRY_VERIFY(amount->hasFocus());
        QCOMPARE(amount->value().value_or(0), 6300);
        QVERIFY(ok->isDefault()); // untouched, Enter captures the whole authorization

        amount->selectAll();
        QTest::keyClicks(amount, QStringLiteral("7000"));
        QCOMPARE(amount->text(), QStringLiteral("7000"));
        QVERIFY(!ok->isEnabled());
        QVERIFY2(hintOf(confirm).contains(QStringLiteral("¥6,300")), qPrintable(hintOf(confirm)));
        QTest::keyClick(amount, Qt::Key_Return);
        QTest::qWait(50);
        QVERIFY(confirm->isVisible());
        QTest::mouseClick(ok, Qt::LeftButton);
        QTest::qWait(50);
        QVERIFY(confirm->isVisible());
        QCOMPARE(gateway.actions, 0);
        QVERIFY(!detail.isBusy());

        // A partial capture spells out the difference; Enter goes to the button, not through it.
        QTest::keyClick(amount, Qt::Key_Backspace);
        QCOMPARE(amount->text(), QStringLiteral("700"));
        QVERIFY(ok->isEnabled());
        QVERIFY2(hintOf(confirm).contains(QStringLiteral("¥6,300")) && hintOf(confirm).contains(QStringLiteral("¥700"))
                     && hintOf(confirm).contains(QStringLiteral("¥5,600")),
                 qPrintable(hintOf(confirm)));
        QVERIFY2(ok->text().contains(QStringLiteral("¥700")), qPrintable(ok->text()));
        QTest::keyClick(amount, Qt::Key_Return);
        QTRY_VERIFY(ok->hasFocus());
        QVERIFY(confirm->isVisible());
        QCOMPARE(gateway.actions, 0);
        QCOMPARE(amount->text(), QStringLiteral("700")); // grouped on leaving: still 700

        // Confirmed on purpose, on the button that names the amount: 700 is what is sent.
        QTest::keyClick(ok, Qt::Key_Return);
        QTRY_COMPARE(gateway.actions, 1);
        const QJsonObject body = QJsonDocument::fromJson(gateway.network.lastBody).object();
        const QJsonObject item = body.value(QLatin1String("items")).toArray().at(0).toObject();
        QCOMPARE(item.value(QLatin1String("amount")).toInteger(), 700);
        QVERIFY(detail.isBusy());
    }

    void anAmountChangeOverTheTypeLimitCannotBeSent()
    {
        OneAuthorization gateway;
        PaymentDetailDialog detail(&gateway.client, QStringLiteral("100000000000000002"));
        detail.show();
        QVERIFY(QTest::qWaitForWindowExposed(&detail));
        QTRY_VERIFY(detail.isLoaded());
        QTest::mouseClick(detail.findChild<QPushButton *>(QStringLiteral("changeAmountButton")), Qt::LeftButton);
        PaymentActionDialog *confirm = nullptr;
        QTRY_VERIFY((confirm = activeConfirmation(QStringLiteral("changeAmountDialog"))) != nullptr);
        auto *amount = confirm->findChild<MoneyEdit *>(QStringLiteral("amountInput"));
        auto *ok = confirm->findChild<QPushButton *>(QStringLiteral("confirmButton"));
        QVERIFY(!ok->isEnabled()); // the same amount is no change
        amount->selectAll();
        QTest::keyClicks(amount, QStringLiteral("12345678"));
        QCOMPARE(amount->text(), QStringLiteral("12345678"));
        QVERIFY(!ok->isEnabled());
        QVERIFY2(hintOf(confirm).contains(QStringLiteral("¥9,999,999")), qPrintable(hintOf(confirm)));
        QTest::keyClick(amount, Qt::Key_Return);
        QTest::qWait(50);
        QVERIFY(confirm->isVisible());

        amount->selectAll();
        QTest::keyClicks(amount, QStringLiteral("7000"));
        QVERIFY(ok->isEnabled());
        QVERIFY2(hintOf(confirm).contains(QStringLiteral("+¥700")), qPrintable(hintOf(confirm)));
        QTest::keyClick(amount, Qt::Key_Return);
        QTRY_VERIFY(ok->hasFocus());
        QVERIFY(confirm->isVisible());
        QCOMPARE(gateway.actions, 0);
        QTest::keyClick(confirm, Qt::Key_Escape);
        QTRY_VERIFY(!confirm->isVisible());
        QCOMPARE(gateway.actions, 0);
    }
};

QTEST_MAIN(TestAmountEntry)
#include "tst_amountentry.moc"
