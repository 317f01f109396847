#include "api/merchantclient.h"
#include "common/moneyedit.h"
#include "domain/money.h"
#include "fakenetwork.h"
#include "domain/payment.h"
#include "gatewayfixture.h"
#include "japaneseui.h"
#include "payments/paymentsmodel.h"
#include "common/paymentactiondialog.h"
#include "common/paymentdetaildialog.h"
#include "payments/searchpage.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

#include <memory>
#include <tuple>

using namespace kessai;

namespace {

// One authorized card payment on a gateway whose answers to a capture or cancel never arrive: the
// outcome stays unknown however often it is retried.
struct SilentGateway
{
    QList<QByteArray> keys;
    int detailLoads = 0;
    FakeNetwork network{[this](const QNetworkRequest &request) -> FakeNetwork::Answer {
        const QString path = request.url().path();
        if (path.endsWith(QLatin1String("/capture")) || path.endsWith(QLatin1String("/cancel"))
            || path.endsWith(QLatin1String("/amount"))) {
            keys.append(request.rawHeader("Idempotency-Key"));
            return {0, {}, 0};
        }
        ++detailLoads;
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

    SilentGateway()
    {
        client.setNetworkAccessManager(&network);
        client.setBaseUrl(QUrl(QStringLiteral("https://gateway.test")));
    }

    // The detail of its one payment, shown and loaded; null if it did not get there.
    std::unique_ptr<PaymentDetailDialog> openDetail()
    {
        auto detail = std::make_unique<PaymentDetailDialog>(&client, QStringLiteral("100000000000000002"));
        detail->show();
        if (!QTest::qWaitForWindowExposed(detail.get()) || !QTest::qWaitFor([&detail] { return detail->isLoaded(); }))
            return nullptr;
        return detail;
    }
};

// Answers the next QMessageBox to open (it runs its own event loop, so the click that opens it
// does not return until then) and notes what it asked.
struct MessageBoxAnswer
{
    explicit MessageBoxAnswer(QMessageBox::StandardButton answer, std::function<void(QMessageBox *)> look = {})
    {
        timer.setInterval(10);
        QObject::connect(&timer, &QTimer::timeout, &timer, [this, answer, look] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (!box || !box->isVisible())
                return;
            timer.stop();
            asked = true;
            objectName = box->objectName();
            text = box->text() + QLatin1Char('\n') + box->informativeText();
            defaultButton = box->standardButton(box->defaultButton());
            if (look)
                look(box);
            QTest::mouseClick(box->button(answer), Qt::LeftButton);
        });
        timer.start();
    }

    QTimer timer;
    bool asked = false;
    QString objectName;
    QString text;
    QMessageBox::StandardButton defaultButton = QMessageBox::NoButton;
};

} // namespace

// 売上 / 取消 / 金額変更 from the payment detail, against a real kessai-gateway: the buttons the
// gateway allows, the confirmation, the request, the reloaded detail and the refreshed table.
class TestPaymentActions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QVERIFY2(m_gateway.start(1000, 21), qPrintable(m_gateway.error()));
        login(m_admin, QStringLiteral("admin"));
        // Fresh card authorizations (status 20, newest first) that allow all three actions.
        PaymentQuery query;
        query.types = {QStringLiteral("02")};
        query.statuses = {20};
        const ApiResult page = waitFor(m_admin.searchPayments(query, QString(), 60, false));
        QVERIFY2(page.ok(), qPrintable(page.error.displayText()));
        for (const QJsonValue &value : page.json.object().value(QLatin1String("items")).toArray()) {
            const QString id = value.toObject().value(QLatin1String("payment_id")).toString();
            const ApiResult detail = waitFor(m_admin.paymentDetail(id));
            QVERIFY(detail.ok());
            const Payment p = Payment::fromJson(detail.json.object());
            if (p.actions == QStringList{QStringLiteral("capture"), QStringLiteral("cancel"), QStringLiteral("change_amount")}
                && p.amount > 200)
                m_authorizations.append(id);
        }
        QVERIFY2(m_authorizations.size() >= 4, "the demo has enough fresh authorizations");
    }

    void captureThenCancelFromTheDetail()
    {
        const QString id = nextAuthorization();
        const Payment before = detailOf(m_admin, id);
        SearchPage page(&m_admin);
        page.resize(1200, 600);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        PaymentQuery query;
        query.paymentId = id;
        page.model()->search(query);
        QTRY_VERIFY_WITH_TIMEOUT(!page.model()->isLoading() && page.model()->rowCount() == 1, 15000);
        QCOMPARE(page.model()->index(0, 0).data(PaymentsModel::StatusCodeRole).toInt(), 20);

        // Opened from the table, as a person does.
        const QModelIndex first = page.model()->index(0, PaymentsModel::TradingIdColumn);
        page.table()->setCurrentIndex(first);
        Q_EMIT page.table()->activated(first);
        PaymentDetailDialog *detail = nullptr;
        QTRY_VERIFY((detail = page.findChild<PaymentDetailDialog *>()) != nullptr);
        QTRY_VERIFY_WITH_TIMEOUT(detail->isLoaded(), 15000);
        QVERIFY(QTest::qWaitForWindowExposed(detail));
        auto *capture = button(detail, "captureButton");
        auto *cancel = button(detail, "cancelButton");
        auto *change = button(detail, "changeAmountButton");
        QVERIFY(capture->isVisible() && cancel->isVisible() && change->isVisible());
        QVERIFY(capture->isEnabled());
        QVERIFY(!detail->findChild<QLabel *>(QStringLiteral("noActions"))->isVisible());
        QVERIFY(capture->focusPolicy() & Qt::TabFocus);
        QVERIFY(capture->text().contains(QLatin1Char('&'))); // a mnemonic
        auto *events = detail->findChild<QTreeWidget *>(QStringLiteral("eventHistory"));
        const int eventsBefore = events->topLevelItemCount();
        QVERIFY(eventsBefore >= 1);
        QSignalSpy changed(detail, &PaymentDetailDialog::paymentChanged);

        // Leaving the confirmation with Esc sends nothing.
        QTest::mouseClick(capture, Qt::LeftButton);
        PaymentActionDialog *confirm = nullptr;
        QTRY_VERIFY((confirm = activeConfirmation(QStringLiteral("captureConfirmDialog"))) != nullptr);
        QTest::keyClick(confirm, Qt::Key_Escape);
        QTRY_VERIFY(!activeConfirmation(QStringLiteral("captureConfirmDialog")));
        QVERIFY(!detail->isBusy());
        QCOMPARE(statusText(detail).left(3), QStringLiteral("20 "));

        // A partial capture.
        const Yen captureAmount = before.amount - 100;
        QTest::mouseClick(capture, Qt::LeftButton);
        QTRY_VERIFY((confirm = activeConfirmation(QStringLiteral("captureConfirmDialog"))) != nullptr);
        QCOMPARE(label(confirm, "confirmTradingId")->text(), before.tradingId);
        QCOMPARE(label(confirm, "confirmPaymentId")->text(), id);
        QCOMPARE(label(confirm, "confirmAuthorized")->text(), formatYen(before.amount, QLocale()));
        auto *amount = confirm->findChild<MoneyEdit *>(QStringLiteral("amountInput"));
        QCOMPARE(amount->value().value_or(0), before.amount); // the authorized amount by default
        QCOMPARE(amount->maximum(), before.amount);
        QCOMPARE(amount->minimum(), 1);
        amount->setValue(captureAmount);
        QTest::mouseClick(button(confirm, "confirmButton"), Qt::LeftButton);
        // Busy at once: no second action, no closing, until the answer is in.
        QVERIFY(detail->isBusy());
        QVERIFY(!capture->isEnabled() && !cancel->isEnabled() && !change->isEnabled());
        QVERIFY(detail->findChild<QWidget *>(QStringLiteral("actionBusy"))->isVisible());
        QTest::keyClick(detail, Qt::Key_Escape);
        QVERIFY(detail->isVisible());

        QTRY_COMPARE_WITH_TIMEOUT(statusText(detail).left(3), QStringLiteral("40 "), 15000);
        QTRY_VERIFY(!detail->isBusy() && capture->isHidden() && cancel->isVisible() && change->isVisible()
                    && cancel->isEnabled());
        QCOMPARE(events->topLevelItemCount(), eventsBefore + 1);
        QCOMPARE(label(detail, "detailAmount")->text(), formatYen(captureAmount, QLocale()));
        QVERIFY2(label(detail, "actionResult")->text().contains(formatYen(captureAmount, QLocale())),
                 qPrintable(label(detail, "actionResult")->text()));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).toString(), id);
        // The table row follows, merged in place.
        QTRY_COMPARE_WITH_TIMEOUT(page.model()->index(0, 0).data(PaymentsModel::StatusCodeRole).toInt(), 40, 15000);
        QCOMPARE(page.model()->index(0, 0).data(PaymentsModel::AmountRole).toLongLong(), captureAmount);

        // 取消: says it cannot be undone; Enter alone does not do it.
        QTest::mouseClick(cancel, Qt::LeftButton);
        QTRY_VERIFY((confirm = activeConfirmation(QStringLiteral("cancelConfirmDialog"))) != nullptr);
        QVERIFY(confirm->isVisible());
        QVERIFY(!label(confirm, "cancelWarning")->text().isEmpty());
        QVERIFY(label(confirm, "cancelWarning")->isVisible());
        QCOMPARE(label(confirm, "confirmAmount")->text(), formatYen(captureAmount, QLocale()));
        QTest::keyClick(confirm, Qt::Key_Return);
        QTRY_VERIFY(!activeConfirmation(QStringLiteral("cancelConfirmDialog")));
        QVERIFY(!detail->isBusy());
        QCOMPARE(statusText(detail).left(3), QStringLiteral("40 "));

        QTest::mouseClick(cancel, Qt::LeftButton);
        QTRY_VERIFY((confirm = activeConfirmation(QStringLiteral("cancelConfirmDialog"))) != nullptr);
        QTest::mouseClick(button(confirm, "confirmButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(statusText(detail).left(3), QStringLiteral("60 "), 15000);
        QTRY_VERIFY(!detail->isBusy() && detail->findChild<QLabel *>(QStringLiteral("noActions"))->isVisible());
        QVERIFY(capture->isHidden() && cancel->isHidden() && change->isHidden());
        QCOMPARE(events->topLevelItemCount(), eventsBefore + 2);
        QCOMPARE(changed.size(), 2);
        QTRY_COMPARE_WITH_TIMEOUT(page.model()->index(0, 0).data(PaymentsModel::StatusCodeRole).toInt(), 60, 15000);

        // Esc closes the detail once nothing runs.
        QTest::keyClick(detail, Qt::Key_Escape);
        QTRY_VERIFY(!detail->isVisible());
    }

    void amountChangeShowsTheNewPayment()
    {
        const QString id = nextAuthorization();
        const Payment before = detailOf(m_admin, id);
        PaymentDetailDialog detail(&m_admin, id);
        detail.show();
        QTRY_VERIFY_WITH_TIMEOUT(detail.isLoaded(), 15000);
        QSignalSpy changed(&detail, &PaymentDetailDialog::paymentChanged);

        QTest::mouseClick(button(&detail, "changeAmountButton"), Qt::LeftButton);
        PaymentActionDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = activeConfirmation(QStringLiteral("changeAmountDialog"))) != nullptr);
        auto *amount = dialog->findChild<MoneyEdit *>(QStringLiteral("amountInput"));
        auto *ok = button(dialog, "confirmButton");
        QCOMPARE(amount->value().value_or(0), before.amount);
        QVERIFY(!ok->isEnabled()); // the same amount is no change
        QCOMPARE(amount->maximum(), 9'999'999);
        QCOMPARE(amount->minimum(), 1);
        const Yen newAmount = before.amount - 50;
        amount->setValue(newAmount);
        QVERIFY(ok->isEnabled());
        QTest::mouseClick(ok, Qt::LeftButton);

        auto *open = button(&detail, "openNewPaymentButton");
        QTRY_VERIFY_WITH_TIMEOUT(open->isVisible() && open->isEnabled(), 15000);
        QTRY_COMPARE_WITH_TIMEOUT(statusText(&detail).left(3), QStringLiteral("32 "), 15000);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).toString(), id);
        QVERIFY(button(&detail, "captureButton")->isHidden());

        // The new payment id, as the gateway has it.
        PaymentQuery query;
        query.tradingId = before.tradingId;
        const ApiResult search = waitFor(m_admin.searchPayments(query, QString(), 10, false));
        QString newId;
        for (const QJsonValue &value : search.json.object().value(QLatin1String("items")).toArray()) {
            const QJsonObject row = value.toObject();
            if (row.value(QLatin1String("base_payment_id")).toString() == id)
                newId = row.value(QLatin1String("payment_id")).toString();
        }
        QVERIFY(!newId.isEmpty());
        QVERIFY(newId != id);
        QVERIFY2(label(&detail, "actionResult")->text().contains(newId), qPrintable(label(&detail, "actionResult")->text()));

        QTest::mouseClick(open, Qt::LeftButton);
        QCOMPARE(detail.paymentId(), newId);
        QTRY_COMPARE_WITH_TIMEOUT(label(&detail, "detailPaymentId")->text(), newId, 15000);
        QCOMPARE(label(&detail, "detailBasePaymentId")->text(), id);
        QCOMPARE(statusText(&detail).left(3), QStringLiteral("20 "));
        QCOMPARE(label(&detail, "detailAmount")->text(), formatYen(newAmount, QLocale()));
        QVERIFY(detail.windowTitle().contains(newId));
        QVERIFY(button(&detail, "captureButton")->isVisible());
        QVERIFY(open->isHidden());
        QVERIFY(!detail.findChild<QPushButton *>(QStringLiteral("detailReplacedBy")));

        // Opened later, the old payment links to its replacement ("金額変更により決済ID … に置き換え").
        PaymentDetailDialog old(&m_admin, id);
        old.show();
        QTRY_VERIFY_WITH_TIMEOUT(old.isLoaded(), 15000);
        QPushButton *replacedBy = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((replacedBy = old.findChild<QPushButton *>(QStringLiteral("detailReplacedBy"))) != nullptr, 15000);
        QTRY_VERIFY(replacedBy->isVisible()); // a widget added to a shown layout is shown by a queued call
        QVERIFY2(replacedBy->text().contains(newId), qPrintable(replacedBy->text()));
        QTest::mouseClick(replacedBy, Qt::LeftButton);
        QCOMPARE(old.paymentId(), newId);
        QTRY_COMPARE_WITH_TIMEOUT(label(&old, "detailPaymentId")->text(), newId, 15000);
        QVERIFY(old.windowTitle().contains(newId));
    }

    void aRefusedItemIsSaidInWords()
    {
        const QString id = nextAuthorization();
        PaymentDetailDialog detail(&m_admin, id);
        detail.show();
        QTRY_VERIFY_WITH_TIMEOUT(detail.isLoaded(), 15000);
        QVERIFY(button(&detail, "captureButton")->isVisible());
        QSignalSpy changed(&detail, &PaymentDetailDialog::paymentChanged);
        QSignalSpy finished(&detail, &PaymentDetailDialog::actionFinished);

        // Someone else captures it while the detail is open.
        const ApiResult other = waitFor(m_admin.capturePayments({{id, 0}}, MerchantClient::newIdempotencyKey()));
        QVERIFY(other.ok());
        QVERIFY(PaymentActionResult::listFromJson(other.json.object()).value(0).ok);

        QTest::mouseClick(button(&detail, "captureButton"), Qt::LeftButton);
        PaymentActionDialog *confirm = nullptr;
        QTRY_VERIFY((confirm = activeConfirmation(QStringLiteral("captureConfirmDialog"))) != nullptr);
        QTest::mouseClick(button(confirm, "confirmButton"), Qt::LeftButton);
        QVERIFY(finished.wait(15000));
        QCOMPARE(finished.at(0).at(0).toBool(), false);
        const QString text = label(&detail, "actionResult")->text();
        QVERIFY2(text.contains(paymentActionErrorText(QStringLiteral("status_not_allowed"))), qPrintable(text));
        QVERIFY2(!text.contains(QLatin1String("status_not_allowed")), qPrintable(text));
        QVERIFY(label(&detail, "actionResult")->isVisible());
        // The detail shows the truth again: captured, no capture button.
        QTRY_COMPARE_WITH_TIMEOUT(statusText(&detail).left(3), QStringLiteral("40 "), 15000);
        QTRY_VERIFY(button(&detail, "captureButton")->isHidden());
        QCOMPARE(changed.size(), 0);
        QVERIFY(!detail.pendingAction().isValid()); // an answer came: nothing to retry
    }

    void aLostAnswerIsRetriedUnderTheSameKey()
    {
        // A gateway that loses the first answer to a capture (no HTTP answer at all).
        QList<QByteArray> keys;
        int status = 20;
        FakeNetwork network([&](const QNetworkRequest &request) -> FakeNetwork::Answer {
            const QString path = request.url().path();
            if (path.endsWith(QLatin1String("/capture")) || path.endsWith(QLatin1String("/cancel"))) {
                keys.append(request.rawHeader("Idempotency-Key"));
                if (keys.size() == 1)
                    return {0, {}, 0};
                status = path.endsWith(QLatin1String("/capture")) ? 40 : 60;
                return {200, QJsonDocument(QJsonObject{{QStringLiteral("results"),
                                                        QJsonArray{QJsonObject{{QStringLiteral("payment_id"), QStringLiteral("100000000000000002")},
                                                                               {QStringLiteral("ok"), true},
                                                                               {QStringLiteral("status"), status},
                                                                               {QStringLiteral("amount"), 6300}}}}})
                                 .toJson(),
                        0};
            }
            QJsonArray actions{QStringLiteral("cancel")};
            if (status == 20)
                actions.prepend(QStringLiteral("capture"));
            return {200, QJsonDocument(QJsonObject{{QStringLiteral("payment_id"), QStringLiteral("100000000000000002")},
                                                   {QStringLiteral("trading_id"), QStringLiteral("paygent02")},
                                                   {QStringLiteral("type"), QStringLiteral("02")},
                                                   {QStringLiteral("status"), status},
                                                   {QStringLiteral("amount"), 6300},
                                                   {QStringLiteral("authorized_amount"), 6300},
                                                   {QStringLiteral("events"), QJsonArray{}},
                                                   {QStringLiteral("actions"), actions}})
                             .toJson(),
                    0};
        });
        MerchantClient client;
        client.setNetworkAccessManager(&network);
        QVERIFY(client.setBaseUrl(QUrl(QStringLiteral("https://gateway.test"))));
        PaymentDetailDialog detail(&client, QStringLiteral("100000000000000002"));
        detail.show();
        QTRY_VERIFY(detail.isLoaded());
        QSignalSpy finished(&detail, &PaymentDetailDialog::actionFinished);
        auto *retry = button(&detail, "retryButton");
        QVERIFY(retry->isHidden());

        QTest::mouseClick(button(&detail, "captureButton"), Qt::LeftButton);
        PaymentActionDialog *confirm = nullptr;
        QTRY_VERIFY((confirm = activeConfirmation(QStringLiteral("captureConfirmDialog"))) != nullptr);
        QTest::mouseClick(button(confirm, "confirmButton"), Qt::LeftButton);
        QVERIFY(finished.wait());
        QCOMPARE(finished.at(0).at(0).toBool(), false);
        QVERIFY(retry->isVisible() && retry->isEnabled());
        QVERIFY(detail.pendingAction().isValid());
        QCOMPARE(keys.size(), 1);
        QCOMPARE(keys[0], detail.pendingAction().idempotencyKey());
        QCOMPARE(statusText(&detail).left(3), QStringLiteral("20 "));

        QTest::mouseClick(retry, Qt::LeftButton);
        QVERIFY(finished.wait());
        QCOMPARE(finished.at(1).at(0).toBool(), true);
        QCOMPARE(keys.size(), 2);
        QCOMPARE(keys[1], keys[0]); // the same action, the same key: applied once
        QVERIFY(retry->isHidden());
        QVERIFY(!detail.pendingAction().isValid());
        QTRY_COMPARE(statusText(&detail).left(3), QStringLiteral("40 "));
        QTRY_VERIFY(button(&detail, "captureButton")->isHidden());

        // A new confirmation is a new action with a new key.
        QTRY_VERIFY(button(&detail, "cancelButton")->isEnabled());
        QTest::mouseClick(button(&detail, "cancelButton"), Qt::LeftButton);
        QTRY_VERIFY((confirm = activeConfirmation(QStringLiteral("cancelConfirmDialog"))) != nullptr);
        QTest::mouseClick(button(confirm, "confirmButton"), Qt::LeftButton);
        QVERIFY(finished.wait());
        QCOMPARE(keys.size(), 3);
        QVERIFY(keys[2] != keys[0]);
        QTRY_COMPARE(statusText(&detail).left(3), QStringLiteral("60 "));
    }

    void anUnknownOutcomeBlocksOtherActionsUntilRetriedOrDiscarded()
    {
        SilentGateway gateway;
        const auto opened = gateway.openDetail();
        QVERIFY(opened);
        PaymentDetailDialog &detail = *opened;
        QSignalSpy finished(&detail, &PaymentDetailDialog::actionFinished);
        auto *capture = button(&detail, "captureButton");
        auto *cancel = button(&detail, "cancelButton");
        auto *change = button(&detail, "changeAmountButton");
        auto *retry = button(&detail, "retryButton");
        auto *discard = detail.findChild<QPushButton *>(QStringLiteral("discardButton"));
        QVERIFY(discard);
        QVERIFY(discard->text().contains(QLatin1Char('&'))); // a mnemonic
        QVERIFY(retry->isHidden() && discard->isHidden());
        QVERIFY(!detail.hasUnknownOutcome());

        QTest::mouseClick(capture, Qt::LeftButton);
        PaymentActionDialog *confirm = nullptr;
        QTRY_VERIFY((confirm = activeConfirmation(QStringLiteral("captureConfirmDialog"))) != nullptr);
        QTest::mouseClick(button(confirm, "confirmButton"), Qt::LeftButton);
        QVERIFY(finished.wait());
        QCOMPARE(finished.at(0).at(0).toBool(), false);
        QVERIFY(detail.hasUnknownOutcome());
        const QByteArray key = detail.pendingAction().idempotencyKey();
        QCOMPARE(gateway.keys, QList<QByteArray>{key});

        // The capture may have gone through: no cancel or amount change under a new key now.
        QVERIFY(capture->isVisible() && cancel->isVisible() && change->isVisible());
        QVERIFY(!capture->isEnabled() && !cancel->isEnabled() && !change->isEnabled());
        QVERIFY(retry->isVisible() && retry->isEnabled());
        QVERIFY(discard->isVisible() && discard->isEnabled());
        QTest::mouseClick(cancel, Qt::LeftButton);
        QTest::qWait(50);
        QVERIFY(!activeConfirmation(QStringLiteral("cancelConfirmDialog")));

        // A retry whose answer is lost again leaves it as it was, under the same key.
        QTest::mouseClick(retry, Qt::LeftButton);
        QVERIFY(finished.wait());
        QCOMPARE(gateway.keys, (QList<QByteArray>{key, key}));
        QVERIFY(detail.hasUnknownOutcome());
        QVERIFY(!capture->isEnabled() && !cancel->isEnabled() && !change->isEnabled());
        QVERIFY(retry->isVisible() && discard->isVisible());

        // Closing asks first, whichever way; Back keeps the dialog and the action as they were.
        const auto closings = std::initializer_list<std::pair<const char *, std::function<void()>>>{
            {"Esc", [&] { QTest::keyClick(&detail, Qt::Key_Escape); }},
            {"Close button", [&] { QTest::mouseClick(closeButton(&detail), Qt::LeftButton); }},
            {"window close", [&] { detail.close(); }},
        };
        for (const auto &[how, close] : closings) {
            MessageBoxAnswer back(QMessageBox::No);
            close();
            QVERIFY2(back.asked, how);
            QCOMPARE(back.objectName, QStringLiteral("unknownOutcomeConfirmation"));
            QCOMPARE(back.defaultButton, QMessageBox::No);
            QVERIFY2(back.text.contains(QLatin1String("may already have captured")), qPrintable(back.text));
            QVERIFY2(detail.isVisible(), how);
            QVERIFY(detail.hasUnknownOutcome());
            QCOMPARE(detail.pendingAction().idempotencyKey(), key);
            QVERIFY(!capture->isEnabled() && retry->isVisible() && discard->isVisible());
        }

        // Discard, then Back: nothing changes.
        {
            MessageBoxAnswer back(QMessageBox::No);
            QTest::mouseClick(discard, Qt::LeftButton);
            QVERIFY(back.asked);
            QCOMPARE(back.defaultButton, QMessageBox::No);
            QVERIFY(detail.hasUnknownOutcome());
            QVERIFY(!capture->isEnabled() && discard->isVisible());
        }

        // Discard, confirmed: the key is given up, the payment reloaded, the actions back.
        const int loadsBefore = gateway.detailLoads;
        MessageBoxAnswer yes(QMessageBox::Yes);
        QTest::mouseClick(discard, Qt::LeftButton);
        QVERIFY(yes.asked);
        QCOMPARE(yes.defaultButton, QMessageBox::No);
        QVERIFY2(yes.text.contains(QLatin1String("reloaded")), qPrintable(yes.text));
        QVERIFY(!detail.pendingAction().isValid());
        QVERIFY(!detail.hasUnknownOutcome());
        QVERIFY(retry->isHidden() && discard->isHidden());
        QTRY_VERIFY(gateway.detailLoads == loadsBefore + 1);
        QTRY_VERIFY(capture->isEnabled() && cancel->isEnabled() && change->isEnabled());
        QCOMPARE(gateway.keys.size(), 2); // discarding sends nothing

        // With nothing unknown, Esc closes without asking.
        MessageBoxAnswer none(QMessageBox::No);
        QTest::keyClick(&detail, Qt::Key_Escape);
        QVERIFY(!detail.isVisible());
        QVERIFY(!none.asked);
    }

    void closingWithAnUnknownOutcomeWhenConfirmed()
    {
        SilentGateway gateway;
        const auto opened = gateway.openDetail();
        QVERIFY(opened);
        PaymentDetailDialog &detail = *opened;
        QSignalSpy finished(&detail, &PaymentDetailDialog::actionFinished);
        QTest::mouseClick(button(&detail, "cancelButton"), Qt::LeftButton);
        PaymentActionDialog *confirm = nullptr;
        QTRY_VERIFY((confirm = activeConfirmation(QStringLiteral("cancelConfirmDialog"))) != nullptr);
        QTest::mouseClick(button(confirm, "confirmButton"), Qt::LeftButton);
        QVERIFY(finished.wait());
        QVERIFY(detail.hasUnknownOutcome());

        MessageBoxAnswer yes(QMessageBox::Yes);
        QTest::keyClick(&detail, Qt::Key_Escape);
        QVERIFY(yes.asked);
        QVERIFY2(yes.text.contains(QLatin1String("may already have cancelled")), qPrintable(yes.text));
        QVERIFY(!detail.isVisible());
        QCOMPARE(gateway.keys.size(), 1);
    }

    void buttonsFollowThePermissions_data()
    {
        QTest::addColumn<QString>("loginId");
        QTest::addColumn<bool>("capture");
        QTest::addColumn<bool>("cancel");
        QTest::addColumn<bool>("change");
        QTest::newRow("viewer") << QStringLiteral("viewer") << false << false << false;
        QTest::newRow("staff") << QStringLiteral("staff") << true << true << false;
    }

    void buttonsFollowThePermissions()
    {
        QFETCH(QString, loginId);
        QFETCH(bool, capture);
        QFETCH(bool, cancel);
        QFETCH(bool, change);
        const QString id = m_authorizations.value(m_next); // unused so far: status 20, all actions for admin
        QVERIFY(!id.isEmpty());
        MerchantClient client;
        login(client, loginId);
        QCOMPARE(client.user().can(QStringLiteral("capture")), capture);
        PaymentDetailDialog detail(&client, id);
        detail.show();
        QTRY_VERIFY_WITH_TIMEOUT(detail.isLoaded(), 15000);
        QCOMPARE(statusText(&detail).left(3), QStringLiteral("20 "));
        QCOMPARE(button(&detail, "captureButton")->isVisible(), capture);
        QCOMPARE(button(&detail, "cancelButton")->isVisible(), cancel);
        QCOMPARE(button(&detail, "changeAmountButton")->isVisible(), change);
        QCOMPARE(label(&detail, "noActions")->isVisible(), !capture && !cancel && !change);
    }

    void japaneseScreenshots()
    {
        const test::JapaneseUi japanese;
        QVERIFY2(japanese.loaded(), qPrintable(japanese.error()));
        const QString dir = test::screenshotDirectory();
        QVERIFY(!dir.isEmpty());

        const QString id = nextAuthorization();
        PaymentDetailDialog detail(&m_admin, id);
        detail.show();
        QVERIFY(QTest::qWaitForWindowExposed(&detail));
        QTRY_VERIFY_WITH_TIMEOUT(detail.isLoaded(), 15000);
        auto *capture = button(&detail, "captureButton");
        QCOMPARE(capture->text(), QStringLiteral("売上(&P)…"));
        QVERIFY(statusText(&detail).contains(QStringLiteral("オーソリOK")));
        // Every button is as wide as its Japanese text needs.
        for (const char *name : {"captureButton", "cancelButton", "changeAmountButton"})
            QVERIFY2(button(&detail, name)->width() >= button(&detail, name)->sizeHint().width(), name);
        QTest::qWait(200);
        QVERIFY(detail.grab().save(QDir(dir).filePath(QStringLiteral("detail-actions-ja.png"))));

        for (const auto &[buttonName, dialogName, file] :
             {std::tuple{"captureButton", "captureConfirmDialog", "capture-confirm-ja.png"},
              std::tuple{"cancelButton", "cancelConfirmDialog", "cancel-confirm-ja.png"},
              std::tuple{"changeAmountButton", "changeAmountDialog", "change-amount-ja.png"}}) {
            QTest::mouseClick(button(&detail, buttonName), Qt::LeftButton);
            PaymentActionDialog *dialog = nullptr;
            QTRY_VERIFY((dialog = activeConfirmation(QString::fromLatin1(dialogName))) != nullptr);
            QVERIFY(QTest::qWaitForWindowExposed(dialog));
            QVERIFY2(dialog->width() >= dialog->minimumSizeHint().width(), dialogName);
            QTest::qWait(200);
            QVERIFY(dialog->grab().save(QDir(dir).filePath(QString::fromLatin1(file))));
            button(dialog, "backButton")->click();
            QTRY_VERIFY(!activeConfirmation(QString::fromLatin1(dialogName)));
        }
        QVERIFY(!detail.isBusy());
        QCOMPARE(statusText(&detail).left(3), QStringLiteral("20 ")); // looking did nothing

        // After a capture: the sentence in Japanese, the buttons the gateway allows now.
        QTest::mouseClick(button(&detail, "captureButton"), Qt::LeftButton);
        PaymentActionDialog *confirm = nullptr;
        QTRY_VERIFY((confirm = activeConfirmation(QStringLiteral("captureConfirmDialog"))) != nullptr);
        QTest::mouseClick(button(confirm, "confirmButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!detail.isBusy() && statusText(&detail).startsWith(QStringLiteral("40 ")), 15000);
        QTRY_VERIFY(button(&detail, "cancelButton")->isEnabled());
        QVERIFY2(label(&detail, "actionResult")->text().contains(QStringLiteral("売上を確定しました")),
                 qPrintable(label(&detail, "actionResult")->text()));
        QTest::qWait(200);
        QVERIFY(detail.grab().save(QDir(dir).filePath(QStringLiteral("detail-captured-ja.png"))));

        // An answer lost: only Retry and Discard lead on, both as wide as their Japanese text needs.
        SilentGateway silent;
        const auto openedUnknown = silent.openDetail();
        QVERIFY(openedUnknown);
        PaymentDetailDialog &unknown = *openedUnknown;
        QSignalSpy finished(&unknown, &PaymentDetailDialog::actionFinished);
        QTest::mouseClick(button(&unknown, "captureButton"), Qt::LeftButton);
        QTRY_VERIFY((confirm = activeConfirmation(QStringLiteral("captureConfirmDialog"))) != nullptr);
        QTest::mouseClick(button(confirm, "confirmButton"), Qt::LeftButton);
        QVERIFY(finished.wait());
        QVERIFY(unknown.hasUnknownOutcome());
        QCOMPARE(button(&unknown, "discardButton")->text(), QStringLiteral("破棄(&D)"));
        for (const char *name : {"captureButton", "cancelButton", "changeAmountButton", "retryButton", "discardButton"})
            QVERIFY2(button(&unknown, name)->width() >= button(&unknown, name)->sizeHint().width(), name);
        QTest::qWait(200);
        QVERIFY(unknown.grab().save(QDir(dir).filePath(QStringLiteral("detail-unknown-outcome-ja.png"))));
        for (const auto &[file, open] :
             {std::pair<const char *, std::function<void()>>{
                  "discard-confirm-ja.png", [&] { QTest::mouseClick(button(&unknown, "discardButton"), Qt::LeftButton); }},
              std::pair<const char *, std::function<void()>>{
                  "close-unknown-ja.png", [&] { QTest::keyClick(&unknown, Qt::Key_Escape); }}}) {
            bool saved = false;
            MessageBoxAnswer back(QMessageBox::No, [&](QMessageBox *box) {
                QTest::qWait(200);
                saved = box->grab().save(QDir(dir).filePath(QString::fromLatin1(file)));
            });
            open();
            QVERIFY2(back.asked && saved, file);
            QVERIFY(unknown.isVisible() && unknown.hasUnknownOutcome());
        }
        qInfo("screenshots in %s", qPrintable(dir));
    }

private:
    void login(MerchantClient &client, const QString &loginId)
    {
        const GatewayFixture::User user = m_gateway.user(loginId);
        QVERIFY2(!user.loginId.isEmpty(), qPrintable(loginId));
        const auto loaded = ClientIdentity::load(user.p12, user.p12Passphrase);
        QVERIFY2(loaded.ok(), qPrintable(loaded.message));
        QVERIFY(client.setBaseUrl(m_gateway.url()));
        client.setIdentity(loaded.identity, loadCaCertificates(m_gateway.caPath()));
        const ApiResult result = waitFor(client.login(user.loginId, user.password));
        QVERIFY2(result.ok(), qPrintable(result.error.displayText()));
    }

    QString nextAuthorization() { return m_authorizations.value(m_next++); }

    static Payment detailOf(MerchantClient &client, const QString &id)
    {
        const ApiResult result = waitFor(client.paymentDetail(id));
        return Payment::fromJson(result.json.object());
    }

    static PaymentActionDialog *activeConfirmation(const QString &objectName)
    {
        auto *dialog = qobject_cast<PaymentActionDialog *>(QApplication::activeModalWidget());
        return dialog && dialog->objectName() == objectName && dialog->isVisible() ? dialog : nullptr;
    }

    static QPushButton *button(QWidget *parent, const char *name)
    {
        auto *b = parent->findChild<QPushButton *>(QString::fromLatin1(name));
        if (!b)
            qFatal("no button %s", name);
        return b;
    }

    static QPushButton *closeButton(QWidget *dialog)
    {
        for (auto *box : dialog->findChildren<QDialogButtonBox *>()) {
            if (QPushButton *close = box->button(QDialogButtonBox::Close))
                return close;
        }
        qFatal("no Close button");
    }

    static QLabel *label(QWidget *parent, const char *name)
    {
        auto *l = parent->findChild<QLabel *>(QString::fromLatin1(name));
        if (!l)
            qFatal("no label %s", name);
        return l;
    }

    static QString statusText(QWidget *detail)
    {
        auto *l = detail->findChild<QLabel *>(QStringLiteral("detailStatusText"));
        return l ? l->text() : QString();
    }

    GatewayFixture m_gateway;
    MerchantClient m_admin;
    QStringList m_authorizations;
    int m_next = 0;
};

QTEST_MAIN(TestPaymentActions)
#include "tst_paymentactions.moc"
