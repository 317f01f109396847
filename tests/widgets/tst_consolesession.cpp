#include "api/merchantclient.h"
#include "connection/certificatedialog.h"
#include "connection/connectiondialog.h"
#include "tls/certificateexpiry.h"
#include "consolesession.h"
#include "domain/japantime.h"
#include "gatewayfixture.h"
#include "login/changepassworddialog.h"
#include "login/lockdialog.h"
#include "api/useradmin.h"
#include "login/logindialog.h"
#include "sessionlock.h"
#include "mainwindow.h"
#include "payments/paymentsmodel.h"
#include "domain/payment.h"
#include "common/paymentdetaildialog.h"
#include "profile/profile.h"
#include "profile/savedsearches.h"
#include "payments/searchpage.h"
#include "payments/supportlookupdialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QDateEdit>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonObject>
#include <QSpinBox>
#include <QTimer>
#include <QDir>
#include <QFile>
#include <QSettings>
#include <QUrl>
#include <QAction>
#include <QLabel>
#include <QMessageBox>
#include <QLineEdit>
#include <QLocale>
#include <QPointer>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace kessai;

// The console as a person uses it, offscreen: certificate, login, the result table.
class TestConsoleSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_config.isValid());
        qputenv("XDG_CONFIG_HOME", m_config.path().toUtf8()); // keep the user's settings out of it
        qputenv("XDG_DATA_HOME", m_config.path().toUtf8());   // and the bulk journal
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QVERIFY2(m_gateway.start(2000, 11), qPrintable(m_gateway.error()));
    }

    void wrongPassphraseIsShownInline()
    {
        const GatewayFixture::User admin = m_gateway.user(QStringLiteral("admin"));
        ConnectionDialog dialog(profile(QStringLiteral("inline")));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *passphrase = dialog.findChild<QLineEdit *>(QStringLiteral("passphrase"));
        auto *error = dialog.findChild<QLabel *>(QStringLiteral("passphraseError"));
        auto *ok = dialog.findChild<QPushButton *>(QStringLiteral("continueButton"));
        QVERIFY(passphrase && error && ok);
        QTest::keyClicks(passphrase, QStringLiteral("not-it"));
        QTest::mouseClick(ok, Qt::LeftButton);
        QVERIFY(dialog.isVisible());
        QVERIFY(error->isVisible());
        QVERIFY(!error->text().isEmpty());

        passphrase->clear();
        QTest::keyClicks(passphrase, admin.p12Passphrase);
        QVERIFY(!error->isVisible()); // typing again clears the complaint
        QTest::mouseClick(ok, Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("certificateSubject"))->text().contains(QStringLiteral("admin")));
        QCOMPARE(dialog.identity().loginIdHint(), QStringLiteral("admin"));
        QVERIFY(!dialog.findChild<QLabel *>(QStringLiteral("certificateFingerprint"))->text().isEmpty());
    }

    void logsInAndFillsTheResultTable()
    {
        const GatewayFixture::User admin = m_gateway.user(QStringLiteral("admin"));
        ConsoleSession session(profile(QStringLiteral("flow")));
        session.start(admin.p12Passphrase);
        QTRY_VERIFY(session.loginDialog() && session.loginDialog()->isVisible());
        LoginDialog *login = session.loginDialog();
        auto *loginId = login->findChild<QLineEdit *>(QStringLiteral("loginId"));
        auto *password = login->findChild<QLineEdit *>(QStringLiteral("password"));
        auto *button = login->findChild<QPushButton *>(QStringLiteral("loginButton"));
        auto *error = login->findChild<QLabel *>(QStringLiteral("loginError"));
        QCOMPARE(loginId->text(), QStringLiteral("admin")); // suggested from the certificate

        QTest::keyClicks(password, QStringLiteral("wrong-password-1"));
        QTest::mouseClick(button, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), 15000);
        QVERIFY(login->isVisible());

        password->clear();
        QTest::keyClicks(password, admin.password);
        QTest::keyClick(password, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(session.mainWindow() && session.mainWindow()->isVisible(), 15000);

        MainWindow *window = session.mainWindow();
        auto *table = window->findChild<QTableView *>(QStringLiteral("resultTable"));
        auto *summary = window->findChild<QLabel *>(QStringLiteral("resultSummary"));
        QVERIFY(table && summary);
        QTRY_VERIFY_WITH_TIMEOUT(table->model()->rowCount() > 0, 15000);
        QTRY_VERIFY_WITH_TIMEOUT(summary->text().contains(QStringLiteral("2,000")), 15000);
        QVERIFY(window->findChild<QLabel *>(QStringLiteral("userLabel"))->text().contains(QStringLiteral("M0001")));
        saveScreenshot(window, QStringLiteral("search.png"));

        // Filter by trading ID, press Enter in the field.
        auto *tradingId = window->findChild<QLineEdit *>(QStringLiteral("tradingIdFilter"));
        tradingId->setFocus();
        QTest::keyClicks(tradingId, QStringLiteral("paygent0*"));
        QTest::keyClick(tradingId, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(summary->text().startsWith(QStringLiteral("5 ")), 15000);
        QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), 5, 15000); // the count may come before the rows

        // Types as check boxes.
        window->findChild<QPushButton *>(QStringLiteral("clearButton"))->click();
        window->findChild<QCheckBox *>(QStringLiteral("type_01"))->setChecked(true);
        window->findChild<QPushButton *>(QStringLiteral("searchButton"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(window->page<SearchPage>()->model()->total() > 0, 15000);
        const auto *model = window->page<SearchPage>()->model();
        QTRY_VERIFY(model->rowCount() > 0);
        for (int row = 0; row < model->rowCount(); ++row)
            QCOMPARE(model->index(row, 0).data(PaymentsModel::TypeCodeRole).toString(), QStringLiteral("01"));
    }

    void filtersSortAndDetail()
    {
        MerchantClient client;
        login(client);
        SearchPage page(&client);
        page.resize(1200, 700);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        auto *model = page.model();

        // Amount range + trading ID.
        page.findChild<QLineEdit *>(QStringLiteral("amountMin"))->setText(QStringLiteral("6,300"));
        page.findChild<QLineEdit *>(QStringLiteral("amountMax"))->setText(QStringLiteral("6300"));
        auto *trading = page.findChild<QLineEdit *>(QStringLiteral("tradingIdFilter"));
        trading->setText(QStringLiteral("paygent02"));
        QTest::keyClick(trading, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading() && model->total() >= 0, 15000);
        QCOMPARE(model->rowCount(), 1);
        QCOMPARE(model->query().amountMin.value_or(0), qint64(6300));

        // A reversed range is refused in place, without asking the gateway.
        page.findChild<QLineEdit *>(QStringLiteral("amountMin"))->setText(QStringLiteral("9000"));
        page.search();
        QVERIFY(page.findChild<QLabel *>(QStringLiteral("searchError"))->isVisible());

        // Esc clears the field it is pressed in.
        trading->setFocus();
        QTest::keyClick(trading, Qt::Key_Escape);
        QVERIFY(trading->text().isEmpty());

        // Sorting by a header is done by the gateway over all matching rows.
        page.findChild<QPushButton *>(QStringLiteral("clearButton"))->click();
        page.search();
        QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading() && model->rowCount() > 0, 15000);
        page.table()->horizontalHeader()->setSortIndicator(PaymentsModel::AmountColumn, Qt::DescendingOrder);
        QTRY_VERIFY_WITH_TIMEOUT(model->query().sort == PaymentQuery::SortKey::Amount && !model->isLoading()
                                     && model->rowCount() > 0, 15000);
        qint64 previous = std::numeric_limits<qint64>::max();
        for (int row = 0; row < model->rowCount(); ++row) {
            const qint64 amount = model->index(row, 0).data(PaymentsModel::AmountRole).toLongLong();
            QVERIFY(amount <= previous);
            previous = amount;
        }

        // The detail of a card payment: masked card, history, the actions the gateway allows.
        PaymentQuery card;
        card.tradingId = QStringLiteral("paygent02");
        model->search(card);
        QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading() && model->rowCount() == 1, 15000);
        const QModelIndex first = model->index(0, PaymentsModel::TradingIdColumn);
        page.table()->setCurrentIndex(first);
        Q_EMIT page.table()->activated(first);
        PaymentDetailDialog *detail = nullptr;
        QTRY_VERIFY((detail = page.findChild<PaymentDetailDialog *>()) != nullptr);
        QTRY_VERIFY_WITH_TIMEOUT(detail->isLoaded(), 15000);
        QCOMPARE(detail->findChild<QLabel *>(QStringLiteral("detailTradingId"))->text(), QStringLiteral("paygent02"));
        const QString maskedCard = detail->findChild<QLabel *>(QStringLiteral("detailCard"))->text();
        QVERIFY2(maskedCard.contains(QStringLiteral("******")), qPrintable(maskedCard));
        // paygent02 is a fresh authorization: the gateway allows all three actions to the admin.
        for (const char *name : {"captureButton", "cancelButton", "changeAmountButton"})
            QVERIFY2(detail->findChild<QPushButton *>(QString::fromLatin1(name))->isVisible(), name);
        saveScreenshot(detail, QStringLiteral("detail.png"));
        detail->close();
    }

    void supportLookupFindsAChargeWithoutItsTradingId()
    {
        MerchantClient client;
        login(client);
        SearchPage page(&client);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        // Take a real card payment and look it up by what the customer sees.
        PaymentQuery cards;
        cards.types = {QStringLiteral("02")};
        page.model()->search(cards);
        QTRY_VERIFY_WITH_TIMEOUT(!page.model()->isLoading() && page.model()->rowCount() > 0, 15000);
        const QString id = page.model()->paymentIdAt(0);
        const ApiResult detail = waitFor(client.paymentDetail(id));
        QVERIFY2(detail.ok(), qPrintable(detail.error.displayText()));
        const Payment p = Payment::fromJson(detail.json.object());
        QVERIFY(!p.card.last4.isEmpty());

        QTimer::singleShot(0, &page, [&] {
            auto *dialog = qobject_cast<SupportLookupDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            dialog->findChild<QDateEdit *>(QStringLiteral("lookupDate"))->setDate(JapanTime::dateOf(p.tradeTime.toSecsSinceEpoch()).addDays(1));
            dialog->findChild<QSpinBox *>(QStringLiteral("lookupDays"))->setValue(2);
            dialog->findChild<QLineEdit *>(QStringLiteral("lookupAmount"))->setText(QString::number(p.amount));
            dialog->findChild<QLineEdit *>(QStringLiteral("lookupLast4"))->setText(p.card.last4);
            dialog->accept();
        });
        page.findChild<QPushButton *>(QStringLiteral("supportLookupButton"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(!page.model()->isLoading() && page.model()->total() >= 0, 15000);
        QVERIFY(page.model()->rowOfPaymentId(id) >= 0);
    }

    void exportIsOnlyOfferedToUsersAllowedToExport()
    {
        MerchantClient admin;
        login(admin);
        SearchPage allowed(&admin);
        QVERIFY(!allowed.findChild<QPushButton *>(QStringLiteral("exportButton"))->isHidden());

        const GatewayFixture::User viewer = m_gateway.user(QStringLiteral("viewer"));
        QVERIFY2(!viewer.loginId.isEmpty(), "the demo has a restricted viewer");
        QVERIFY(!viewer.permissions.contains(QStringLiteral("export")));
        MerchantClient client;
        const auto loaded = ClientIdentity::load(viewer.p12, viewer.p12Passphrase);
        QVERIFY(client.setBaseUrl(m_gateway.url()));
        client.setIdentity(loaded.identity, loadCaCertificates(m_gateway.caPath()));
        QVERIFY(waitFor(client.login(viewer.loginId, viewer.password)).ok());
        SearchPage refused(&client);
        QVERIFY(refused.findChild<QPushButton *>(QStringLiteral("exportButton"))->isHidden());
    }

    void namedSearchesComeBack()
    {
        MerchantClient client;
        login(client);
        auto page = std::make_unique<SearchPage>(&client);
        page->findChild<QCheckBox *>(QStringLiteral("type_03"))->setChecked(true);
        page->findChild<QLineEdit *>(QStringLiteral("amountMin"))->setText(QStringLiteral("10000"));
        page->findChild<QLineEdit *>(QStringLiteral("customerFilter"))->setText(QStringLiteral("山田 090-1234"));
        page->saveCurrentSearch(QStringLiteral("大口のコンビニ"));
        QVERIFY(SavedSearches::names().contains(QStringLiteral("大口のコンビニ")));
        // Personal data stays out of the settings file, for the named search and the last one.
        QVERIFY(SavedSearches::load(QStringLiteral("大口のコンビニ"))->customer.isEmpty());
        page->saveState();
        QFile settingsFile(sharedSettings()->fileName());
        sharedSettings()->sync();
        QVERIFY(settingsFile.open(QIODevice::ReadOnly));
        const QByteArray stored = settingsFile.readAll();
        QVERIFY(!stored.contains("090-1234"));
        QVERIFY(!stored.contains(QStringLiteral("山田").toUtf8()));
        QVERIFY(!stored.contains(QUrl::toPercentEncoding(QStringLiteral("山田"))));

        // A new page, as after a restart: the saved search fills the filters and searches.
        page = std::make_unique<SearchPage>(&client);
        QVERIFY(!page->runSavedSearch(QStringLiteral("no such search")));
        QVERIFY(page->runSavedSearch(QStringLiteral("大口のコンビニ")));
        QVERIFY(page->findChild<QCheckBox *>(QStringLiteral("type_03"))->isChecked());
        QCOMPARE(page->findChild<QLineEdit *>(QStringLiteral("amountMin"))->text(), QStringLiteral("10000"));
        QTRY_VERIFY_WITH_TIMEOUT(!page->model()->isLoading() && page->model()->rowCount() > 0, 15000);
        for (int row = 0; row < page->model()->rowCount(); ++row) {
            QCOMPARE(page->model()->index(row, 0).data(PaymentsModel::TypeCodeRole).toString(), QStringLiteral("03"));
            QVERIFY(page->model()->index(row, 0).data(PaymentsModel::AmountRole).toLongLong() >= 10000);
        }
        SavedSearches::remove(QStringLiteral("大口のコンビニ"));
        QVERIFY(!SavedSearches::names().contains(QStringLiteral("大口のコンビニ")));
    }

    // 15 minutes without input lock the console over the current page; the page, its filters and
    // an export running underneath survive, and the same password opens it again. The session's
    // 12 hours and a gateway that ends the session lock it the same way; Log out leaves it.
    void lockKeepsThePageAndItsWork()
    {
        const GatewayFixture::User admin = m_gateway.user(QStringLiteral("admin"));
        ConsoleSession session(profile(QStringLiteral("lock")));
        session.start(admin.p12Passphrase);
        QTRY_VERIFY(session.loginDialog() && session.loginDialog()->isVisible());
        QTest::keyClicks(session.loginDialog()->findChild<QLineEdit *>(QStringLiteral("password")), admin.password);
        QTest::keyClick(session.loginDialog()->findChild<QLineEdit *>(QStringLiteral("password")), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(session.mainWindow() && session.mainWindow()->isVisible(), 15000);
        MainWindow *window = session.mainWindow();
        SessionLock *lock = session.sessionLock();
        QVERIFY(lock->isArmed());

        QDateTime now = QDateTime::currentDateTimeUtc();
        lock->setClock([&now] { return now; });
        window->findChild<QPushButton *>(QStringLiteral("clearButton"))->click(); // earlier tests' last search
        auto *tradingId = window->findChild<QLineEdit *>(QStringLiteral("tradingIdFilter"));
        tradingId->setFocus();
        QTest::keyClicks(tradingId, QStringLiteral("paygent0*"));

        // Input keeps it open: 14 minutes, a key, 14 more.
        now = now.addSecs(14 * 60);
        lock->check();
        QVERIFY(!lock->isLocked());
        QTest::keyClick(tradingId, Qt::Key_End);
        now = now.addSecs(14 * 60);
        lock->check();
        QVERIFY(!lock->isLocked());

        // An export starts, then the console is left alone.
        bool exportOk = false;
        qint64 exported = 0;
        bool exportDone = false;
        PaymentExportStream *stream = session.client()->exportPayments(PaymentQuery{});
        connect(stream, &PaymentExportStream::finished, this, [&, stream] {
            exportDone = true;
            exportOk = stream->ok();
            exported = stream->paymentsRead();
        });
        now = now.addSecs(15 * 60);
        lock->check();
        QVERIFY(lock->isLocked());
        LockDialog *dialog = lock->dialog();
        QTRY_VERIFY(dialog->isVisible());
        QCOMPARE(dialog->reason(), LockDialog::Reason::Idle);
        QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("lockReason"))->text().contains(QStringLiteral("15 minute")));
        auto *curtain = window->findChild<LockCurtain *>();
        QVERIFY(curtain && curtain->isVisible());
        QCOMPARE(curtain->geometry(), window->rect());
        QCOMPARE(QApplication::activeModalWidget(), dialog);

        // The export goes on under the lock.
        QTRY_VERIFY_WITH_TIMEOUT(exportDone, 30000);
        QVERIFY(exportOk);
        QCOMPARE(exported, qint64(2000));

        // Escape does not unlock; a wrong password says so and stays locked.
        auto *password = dialog->findChild<QLineEdit *>(QStringLiteral("lockPassword"));
        QTRY_VERIFY(dialog->acceptsInput());
        auto *error = dialog->findChild<QLabel *>(QStringLiteral("lockError"));
        QTest::keyClick(dialog, Qt::Key_Escape);
        QVERIFY(lock->isLocked() && dialog->isVisible());
        QTest::keyClicks(password, QStringLiteral("not-the-password"));
        QTest::keyClick(password, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), 15000);
        QVERIFY(lock->isLocked());
        QVERIFY(password->text().isEmpty()); // a password never stays in the field

        // The session the lock replaces is ended on the gateway (a logout of the admin's), not left
        // to run out.
        AuditQuery logouts;
        logouts.loginId = admin.loginId;
        logouts.action = QStringLiteral("logout");
        const auto logoutCount = [&] {
            const ApiResult result = waitFor(session.client()->audit(logouts, QString(), 1000));
            return result.ok() ? result.json.object().value(QLatin1String("items")).toArray().size() : -1;
        };
        const qsizetype logoutsBefore = logoutCount();
        QVERIFY(logoutsBefore >= 0);

        QTest::keyClicks(password, admin.password);
        QTest::keyClick(password, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(!lock->isLocked(), 15000);
        QTRY_COMPARE_WITH_TIMEOUT(logoutCount(), logoutsBefore + 1, 15000);
        QVERIFY(!window->findChild<LockCurtain *>());
        QCOMPARE(session.mainWindow(), window);
        QCOMPARE(tradingId->text(), QStringLiteral("paygent0*"));
        QVERIFY(session.client()->isLoggedIn());
        QVERIFY(session.client()->sessionExpiresAt() > QDateTime::currentDateTimeUtc().addSecs(11 * 3600));

        // The new session works: search with the kept filter.
        QTest::keyClick(tradingId, Qt::Key_Return);
        auto *summary = window->findChild<QLabel *>(QStringLiteral("resultSummary"));
        QTRY_VERIFY2_WITH_TIMEOUT(summary->text().startsWith(QStringLiteral("5 ")), qPrintable(summary->text()), 15000);

        // The gateway ends the session: the same lock, not a new window.
        Q_EMIT session.client()->sessionExpired();
        QVERIFY(lock->isLocked());
        QCOMPARE(lock->dialog()->reason(), LockDialog::Reason::SessionEnded);
        QVERIFY(!session.loginDialog());
        QTRY_VERIFY(lock->dialog()->acceptsInput());
        QTest::keyClicks(lock->dialog()->findChild<QLineEdit *>(QStringLiteral("lockPassword")), admin.password);
        QTest::keyClick(lock->dialog()->findChild<QLineEdit *>(QStringLiteral("lockPassword")), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(!lock->isLocked(), 15000);
        QCOMPARE(session.mainWindow(), window);

        // A PC that slept: its timers did not run, and the first key after the idle time locks
        // instead of counting as input (and does not reach the page).
        now = now.addSecs(20 * 60);
        QTest::keyClick(tradingId, Qt::Key_A);
        QVERIFY(lock->isLocked());
        QCOMPARE(lock->dialog()->reason(), LockDialog::Reason::Idle);
        QCOMPARE(tradingId->text(), QStringLiteral("paygent0*"));
        QCOMPARE(lock->dialog()->windowModality(), Qt::ApplicationModal);
        // The rest of what was being typed, and its Return, never reach the password field: no
        // failed login is spent on a 取引ID.
        auto *lockPassword = lock->dialog()->findChild<QLineEdit *>(QStringLiteral("lockPassword"));
        QTest::keyClicks(lockPassword, QStringLiteral("bc123"));
        QTest::keyClick(lockPassword, Qt::Key_Return);
        QVERIFY(lockPassword->text().isEmpty());
        QVERIFY(!lock->dialog()->findChild<QLabel *>(QStringLiteral("lockError"))->isVisible());
        QVERIFY(lock->isLocked());
        QTRY_VERIFY(lock->dialog()->acceptsInput());
        QTest::keyClicks(lock->dialog()->findChild<QLineEdit *>(QStringLiteral("lockPassword")), admin.password);
        QTest::keyClick(lock->dialog()->findChild<QLineEdit *>(QStringLiteral("lockPassword")), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(!lock->isLocked(), 15000);

        // Twelve hours after signing in: a fresh login, asked for over the same window.
        now = session.client()->sessionExpiresAt().addSecs(1);
        lock->check();
        QVERIFY(lock->isLocked());
        QCOMPARE(lock->dialog()->reason(), LockDialog::Reason::SessionTooOld);
        saveScreenshot(window, QStringLiteral("lock-window.png"));
        saveScreenshot(lock->dialog(), QStringLiteral("lock.png"));

        // Log out from the lock: the login dialog, and the window is gone.
        QPointer<MainWindow> closing = window;
        lock->dialog()->findChild<QPushButton *>(QStringLiteral("lockLogoutButton"))->click();
        QTRY_VERIFY(session.loginDialog() && session.loginDialog()->isVisible());
        QVERIFY(!lock->isLocked());
        QVERIFY(!lock->isArmed());
        QTRY_VERIFY(!closing);
        QVERIFY(!session.client()->isLoggedIn());
    }

    // An administrator reset the password: after the login the console asks for a new one before
    // any page (the gateway refuses everything else until then), and Escape does not skip it.
    void aResetPasswordIsChangedBeforeAnyPage()
    {
        MerchantClient admin;
        login(admin);
        const ApiResult reset = waitFor(admin.resetUserPassword(QStringLiteral("staff")));
        QVERIFY2(reset.ok(), qPrintable(reset.error.displayText()));
        const QString temporary = reset.json.object().value(QLatin1String("password")).toString();
        QVERIFY(meetsPasswordPolicy(temporary));

        const GatewayFixture::User staff = m_gateway.user(QStringLiteral("staff"));
        Profile staffProfile = profile(QStringLiteral("reset"));
        staffProfile.p12Path = staff.p12;
        ConsoleSession session(staffProfile);
        session.start(staff.p12Passphrase);
        QTRY_VERIFY(session.loginDialog() && session.loginDialog()->isVisible());
        auto *loginPassword = session.loginDialog()->findChild<QLineEdit *>(QStringLiteral("password"));
        QTest::keyClicks(loginPassword, temporary);
        QTest::keyClick(loginPassword, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(session.passwordDialog() && session.passwordDialog()->isVisible(), 15000);
        QVERIFY(!session.mainWindow());
        QVERIFY(session.client()->user().mustChangePassword);

        ChangePasswordDialog *dialog = session.passwordDialog();
        QTest::keyClick(dialog, Qt::Key_Escape);
        QVERIFY(dialog->isVisible());
        auto *current = dialog->findChild<QLineEdit *>(QStringLiteral("currentPassword"));
        auto *fresh = dialog->findChild<QLineEdit *>(QStringLiteral("newPassword"));
        auto *confirm = dialog->findChild<QLineEdit *>(QStringLiteral("confirmPassword"));
        auto *button = dialog->findChild<QPushButton *>(QStringLiteral("changePasswordButton"));
        auto *hint = dialog->findChild<QLabel *>(QStringLiteral("passwordHint"));
        auto *error = dialog->findChild<QLabel *>(QStringLiteral("changePasswordError"));
        QVERIFY(current && fresh && confirm && button && hint && error);
        QVERIFY(!button->isEnabled());
        QTest::keyClicks(current, QStringLiteral("not-the-password-1"));
        QTest::keyClicks(fresh, QStringLiteral("short1"));
        QVERIFY(!button->isEnabled());
        QVERIFY2(hint->text().contains(QStringLiteral("12")), qPrintable(hint->text()));
        const QString chosen = QStringLiteral("staff-chose-this-1");
        fresh->clear();
        QTest::keyClicks(fresh, chosen);
        QTest::keyClicks(confirm, QStringLiteral("staff-chose-this-2"));
        QVERIFY(!button->isEnabled()); // the two do not match
        confirm->clear();
        QTest::keyClicks(confirm, chosen);
        QVERIFY(button->isEnabled());

        // A wrong current password: the gateway says so, the dialog stays.
        QTest::mouseClick(button, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), 15000);
        QVERIFY(dialog->isVisible());
        QVERIFY(!session.mainWindow());
        saveScreenshot(dialog, QStringLiteral("change-password.png"));

        current->clear();
        QTest::keyClicks(current, temporary);
        QTest::mouseClick(button, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(session.mainWindow() && session.mainWindow()->isVisible(), 15000);
        QVERIFY(!session.client()->user().mustChangePassword);
        QTRY_VERIFY(!session.passwordDialog());

        // The chosen password is the one that works now.
        const auto loaded = ClientIdentity::load(staff.p12, staff.p12Passphrase);
        MerchantClient later;
        later.setBaseUrl(m_gateway.url());
        later.setIdentity(loaded.identity, loadCaCertificates(m_gateway.caPath()));
        QCOMPARE(waitFor(later.login(staff.loginId, temporary)).error.kind, ApiError::Kind::Authentication);
        QVERIFY(waitFor(later.login(staff.loginId, chosen)).ok());
        QVERIFY(!later.user().mustChangePassword);
    }

    // File → Certificate details shows what an administrator asks for; from 30 days before its
    // end the status bar warns, and a message says so once a day.
    void certificateDetailsAndExpiryWarnings()
    {
        MerchantClient client;
        login(client);
        const ClientIdentity &identity = client.identity();
        QVERIFY(!identity.isNull());
        const QDateTime end = identity.notAfter();
        QCOMPARE(CertificateExpiry::of(end, end.addDays(-31)).level, CertificateExpiry::Level::Fine);
        QCOMPARE(CertificateExpiry::of(end, end.addDays(-30)).level, CertificateExpiry::Level::Soon);
        QCOMPARE(CertificateExpiry::of(end, end.addDays(-8)).level, CertificateExpiry::Level::Soon);
        QCOMPARE(CertificateExpiry::of(end, end.addDays(-7)).level, CertificateExpiry::Level::Urgent);
        QCOMPARE(CertificateExpiry::of(end, end.addSecs(-60)).daysLeft, 0);
        QCOMPARE(CertificateExpiry::of(end, end).level, CertificateExpiry::Level::Expired);

        MainWindow window(&client);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *warning = window.findChild<QLabel *>(QStringLiteral("certificateWarning"));
        QVERIFY(warning);
        window.checkCertificate(end.addDays(-100));
        QVERIFY(!warning->isVisible());
        QVERIFY(!window.findChild<QMessageBox *>(QStringLiteral("certificateExpiryBox")));

        window.findChild<QAction *>(QStringLiteral("certificateAction"))->trigger();
        auto *details = window.findChild<CertificateDialog *>();
        QVERIFY(details);
        QCOMPARE(details->findChild<QLabel *>(QStringLiteral("certFingerprint"))->text(), identity.sha256Fingerprint());
        QVERIFY(details->findChild<QLabel *>(QStringLiteral("certSubject"))->text().contains(QStringLiteral("admin")));
        QVERIFY(!details->findChild<QLabel *>(QStringLiteral("certSerial"))->text().isEmpty());
        QCOMPARE(details->findChild<QLabel *>(QStringLiteral("certNotAfter"))->text(), JapanTime::format(end));
        details->close();

        const QDateTime first = end.addDays(-5).addSecs(-3600);
        window.checkCertificate(first);
        QVERIFY(warning->isVisible());
        QVERIFY2(warning->text().contains(QStringLiteral("in 5 day")), qPrintable(warning->text()));
        QTRY_COMPARE(window.findChildren<QMessageBox *>(QStringLiteral("certificateExpiryBox")).size(), 1);
        // The same day again (the same Japan day, whatever hour the test certificate was made):
        // the status bar still says it, no second message.
        const auto japanDay = [](const QDateTime &t) { return JapanTime::format(t, true); };
        const QDateTime again = japanDay(first.addSecs(60)) == japanDay(first) ? first.addSecs(60) : first.addSecs(-60);
        QCOMPARE(japanDay(again), japanDay(first));
        window.checkCertificate(again);
        QCOMPARE(window.findChildren<QMessageBox *>(QStringLiteral("certificateExpiryBox")).size(), 1);
        window.findChild<QMessageBox *>(QStringLiteral("certificateExpiryBox"))->close();
        QTRY_VERIFY(!window.findChild<QMessageBox *>(QStringLiteral("certificateExpiryBox")));
        // The next day: a message again.
        window.checkCertificate(end.addDays(-4));
        QTRY_COMPARE(window.findChildren<QMessageBox *>(QStringLiteral("certificateExpiryBox")).size(), 1);
        window.findChild<QMessageBox *>(QStringLiteral("certificateExpiryBox"))->close();
    }

    void scrollingLoadsMorePages()
    {
        const GatewayFixture::User admin = m_gateway.user(QStringLiteral("admin"));
        MerchantClient client;
        const auto loaded = ClientIdentity::load(admin.p12, admin.p12Passphrase);
        client.setBaseUrl(m_gateway.url());
        client.setIdentity(loaded.identity, loadCaCertificates(m_gateway.caPath()));
        QVERIFY(waitFor(client.login(admin.loginId, admin.password)).ok());
        SearchPage page(&client);
        page.resize(1000, 600);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        page.search();
        QTRY_VERIFY_WITH_TIMEOUT(page.model()->rowCount() == page.model()->pageSize(), 15000);
        page.table()->scrollToBottom();
        QTRY_VERIFY_WITH_TIMEOUT(page.model()->rowCount() > page.model()->pageSize(), 15000);
    }

private:
    void login(MerchantClient &client)
    {
        const GatewayFixture::User admin = m_gateway.user(QStringLiteral("admin"));
        const auto loaded = ClientIdentity::load(admin.p12, admin.p12Passphrase);
        client.setBaseUrl(m_gateway.url());
        client.setIdentity(loaded.identity, loadCaCertificates(m_gateway.caPath()));
        QVERIFY(waitFor(client.login(admin.loginId, admin.password)).ok());
    }

    Profile profile(const QString &name) const
    {
        Profile p;
        p.name = name;
        p.gatewayUrl = m_gateway.url();
        p.caPath = m_gateway.caPath();
        p.p12Path = m_gateway.user(QStringLiteral("admin")).p12;
        return p;
    }

    static void saveScreenshot(QWidget *widget, const QString &name)
    {
        const QString dir = qEnvironmentVariable("KESSAI_SCREENSHOT_DIR");
        if (dir.isEmpty())
            return;
        QDir().mkpath(dir);
        QTest::qWait(300);
        widget->grab().save(QDir(dir).filePath(name));
    }

    QTemporaryDir m_config;
    GatewayFixture m_gateway;
};

QTEST_MAIN(TestConsoleSession)
#include "tst_consolesession.moc"
