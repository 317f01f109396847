#include "api/apireply.h"
#include "api/merchantclient.h"
#include "common/moneyedit.h"
#include "gatewayfixture.h"
#include "japaneseui.h"
#include "register/registration.h"
#include "register/registrationpage.h"
#include "tls/clientidentity.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QInputMethodEvent>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QMutex>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace kessai;

namespace {

// Every message the run logs, to be searched for card data afterwards.
QMutex logLock;
QStringList logged;
QtMessageHandler previousHandler = nullptr;

void keepMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        QMutexLocker locker(&logLock);
        logged.append(message);
    }
    if (previousHandler)
        previousHandler(type, context, message);
}

const QString Visa = QStringLiteral("4111111111111111");
const QString Declined = QStringLiteral("4000000000000002");
const QString Cvc = QStringLiteral("739");

} // namespace

// 決済新規登録 against a real kessai-gateway, typed into the page offscreen: a card authorized,
// a decline and a duplicate 取引ID in words, a gateway field error at its field, a コンビニ slip
// with its 受付番号; then every file the run wrote and every log line searched for the card
// number and security code.
class TestE2eRegistration : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        previousHandler = qInstallMessageHandler(keepMessage);
        QVERIFY(m_home.isValid());
        qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral("config")).toUtf8());
        qputenv("XDG_DATA_HOME", m_home.filePath(QStringLiteral("data")).toUtf8());
        qputenv("XDG_CACHE_HOME", m_home.filePath(QStringLiteral("cache")).toUtf8());
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QVERIFY2(m_gateway.start(200, 9), qPrintable(m_gateway.error()));
        const GatewayFixture::User admin = m_gateway.user(QStringLiteral("admin"));
        const auto loaded = ClientIdentity::load(admin.p12, admin.p12Passphrase);
        QVERIFY2(loaded.ok(), qPrintable(loaded.message));
        m_client.setBaseUrl(m_gateway.url());
        m_client.setIdentity(loaded.identity, loadCaCertificates(m_gateway.caPath()));
        QVERIFY(waitFor(m_client.login(admin.loginId, admin.password)).ok());
        m_page = std::make_unique<RegistrationPage>(&m_client);
        m_page->resize(1280, 800);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    }

    void cleanupTestCase()
    {
        m_page.reset();
        qInstallMessageHandler(previousHandler);
    }

    void aCardIsAuthorizedAndOnlyItsMaskRemains()
    {
        fillCard(QStringLiteral("REG_CARD_1"), Visa, QStringLiteral("6300"));
        // Grouped as typed, the brand and the check digit said at once.
        QCOMPARE(edit("cardNumber")->text(), QStringLiteral("4111 1111 1111 1111"));
        QCOMPARE(m_page->findChild<QLabel *>(QStringLiteral("cardBrand"))->text(), QStringLiteral("VISA ✓"));
        QVERIFY(registerAndWait(QStringLiteral("Authorize with these details")));
        const Registration::Result &result = m_page->lastResult();
        QVERIFY2(result.ok, qPrintable(result.error.displayText()));
        QCOMPARE(result.status, 20);
        QCOMPARE(result.cardLast4, QStringLiteral("1111"));
        QVERIFY(m_page->findChild<QWidget *>(QStringLiteral("resultBox"))->isVisible());
        QVERIFY(m_page->findChild<QLabel *>(QStringLiteral("resultId"))->text().contains(result.paymentId));
        // The number and the code are gone from the form; brand and first 6 / last 4 stay.
        QVERIFY(edit("cardNumber")->text().isEmpty());
        QVERIFY(edit("cardCvc")->text().isEmpty());
        QCOMPARE(m_page->findChild<QLabel *>(QStringLiteral("cardBrand"))->text(), QStringLiteral("VISA 4111 11** **** 1111"));
        const ApiResult detail = waitFor(m_client.paymentDetail(result.paymentId));
        QCOMPARE(detail.json.object().value(QLatin1String("status")).toInt(), 20);
        QTest::mouseClick(m_page->findChild<QPushButton *>(QStringLiteral("newButton")), Qt::LeftButton);
    }

    void aDeclineAndADuplicateAreSaidInWords()
    {
        fillCard(QStringLiteral("REG_CARD_2"), Declined, QStringLiteral("5000"));
        QVERIFY(registerAndWait(QStringLiteral("Authorize with these details")));
        QCOMPARE(m_page->lastResult().declineCode, QStringLiteral("1G12"));
        const QString said = m_page->findChild<QLabel *>(QStringLiteral("message"))->text();
        QVERIFY2(said.contains(QStringLiteral("cannot be used")) && said.contains(QStringLiteral("1G12")), qPrintable(said));
        QVERIFY(edit("cardNumber")->text().isEmpty());

        // The 取引ID of the first registration: refused, and the payment that has it named.
        edit("tradingId")->clear();
        QTest::keyClicks(edit("tradingId"), QStringLiteral("REG_CARD_1"));
        QTRY_VERIFY_WITH_TIMEOUT(m_page->findChild<QLabel *>(QStringLiteral("tradingNote"))->isVisible(), 5000);
        QTest::keyClicks(edit("cardNumber"), Visa);
        QTest::keyClicks(edit("cardCvc"), Cvc);
        QVERIFY(registerAndWait(QStringLiteral("Authorize with these details")));
        QCOMPARE(m_page->lastResult().error.code, QStringLiteral("duplicate_trading_id"));
        QVERIFY(!m_page->fieldError(QStringLiteral("trading_id")).isEmpty());
    }

    void everySandboxDeclineIsSaidInWords_data()
    {
        QTest::addColumn<QString>("number");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("words");
        QTest::newRow("1G02") << "4000000000009995" << "1G02" << "credit limit";
        QTest::newRow("1G44") << "4000000000000127" << "1G44" << "security code";
        QTest::newRow("1G83") << "4000000000000069" << "1G83" << "expired";
    }
    void everySandboxDeclineIsSaidInWords()
    {
        QFETCH(QString, number);
        QFETCH(QString, code);
        QFETCH(QString, words);
        fillCard(QStringLiteral("REG_DECLINE_") + code, number, QStringLiteral("1000"));
        QVERIFY(registerAndWait(QStringLiteral("Authorize with these details")));
        QCOMPARE(m_page->lastResult().declineCode, code);
        const QString said = m_page->findChild<QLabel *>(QStringLiteral("message"))->text();
        QVERIFY2(said.contains(words) && said.contains(code), qPrintable(said));
        QVERIFY(edit("cardNumber")->text().isEmpty());
    }

    void atmAndOnlineBankingAreRegistered()
    {
        for (const auto type : {Registration::Type::Atm, Registration::Type::BankNet}) {
            if (m_page->findChild<QWidget *>(QStringLiteral("resultBox"))->isVisible())
                QTest::mouseClick(m_page->findChild<QPushButton *>(QStringLiteral("newButton")), Qt::LeftButton);
            m_page->setType(type);
            edit("tradingId")->clear();
            QTest::keyClicks(edit("tradingId"), QStringLiteral("REG_LATER_%1").arg(int(type)));
            m_page->findChild<MoneyEdit *>(QStringLiteral("amount"))->setValue(25000);
            edit("customerName")->setText(QStringLiteral("田中 健一"));
            edit("customerKana")->setText(QStringLiteral("タナカ ケンイチ"));
            QVERIFY(registerAndWait(QStringLiteral("Register with these details")));
            const Registration::Result &result = m_page->lastResult();
            QVERIFY2(result.ok, qPrintable(result.error.displayText()));
            QCOMPARE(result.status, 10);
            QVERIFY(result.dueTime.isValid());
            if (type == Registration::Type::Atm) {
                QCOMPARE(result.paymentNumber.size(), 15); // お客様番号, read out from the screen
                QCOMPARE(m_page->findChild<QLabel *>(QStringLiteral("resultNumber"))->text().remove(u' '),
                         result.paymentNumber);
            }
        }
        QTest::mouseClick(m_page->findChild<QPushButton *>(QStringLiteral("newButton")), Qt::LeftButton);
    }

    void aFieldTheGatewayRefusesIsMarkedAtTheField()
    {
        fillCard(QStringLiteral("REG_CARD_3"), Visa, QStringLiteral("1500"));
        edit("cardExpiry")->clear();
        QTest::keyClicks(edit("cardExpiry"), QStringLiteral("01/21")); // well formed, long past
        QVERIFY(registerAndWait(QStringLiteral("Authorize with these details")));
        QCOMPARE(m_page->fieldError(QStringLiteral("card.expiry")), QStringLiteral("This card has expired."));
        QVERIFY(edit("cardNumber")->text().isEmpty());
    }

    void aConvenienceSlipShowsItsReceiptNumber()
    {
        m_page->setType(Registration::Type::Convenience);
        edit("tradingId")->clear();
        QTest::keyClicks(edit("tradingId"), QStringLiteral("REG_CVS_1"));
        m_page->findChild<MoneyEdit *>(QStringLiteral("amount"))->setValue(12000);
        edit("customerName")->setText(QStringLiteral("山田 花子")); // as an input method commits it
        // Committed by an input method in hiragana and half-width katakana: converted as typed.
        QInputMethodEvent commit;
        commit.setCommitString(QStringLiteral("やまだ ﾊﾅｺ"));
        QCoreApplication::sendEvent(edit("customerKana"), &commit);
        QCOMPARE(edit("customerKana")->text(), QStringLiteral("ヤマダ ハナコ"));
        QTest::keyClicks(edit("customerPhone"), QStringLiteral("090-1234-5678"));
        auto *chain = m_page->findChild<QComboBox *>(QStringLiteral("chain"));
        chain->setCurrentIndex(chain->findData(QStringLiteral("lawson")));
        QVERIFY(registerAndWait(QStringLiteral("Register with these details")));
        const Registration::Result &result = m_page->lastResult();
        QVERIFY2(result.ok, qPrintable(result.error.displayText()));
        QCOMPARE(result.status, 10);
        QCOMPARE(result.receiptNumber.size(), 11);
        QCOMPARE(m_page->findChild<QLabel *>(QStringLiteral("resultNumber"))->text().remove(u' '), result.receiptNumber);
        QVERIFY(result.dueTime.isValid());
    }

    // The page in Japanese at 1280×800, to look at (KESSAI_SCREENSHOT_DIR).
    void japaneseScreenshots()
    {
        const test::JapaneseUi japanese;
        QVERIFY2(japanese.loaded(), qPrintable(japanese.error()));
        const QString dir = test::screenshotDirectory();
        QVERIFY(!dir.isEmpty());
        m_page = std::make_unique<RegistrationPage>(&m_client);
        m_page->resize(1280, 800);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
        fillCard(QStringLiteral("REG_JA_1"), QStringLiteral("5555555555554444"), QStringLiteral("12800"));
        QCOMPARE(m_page->findChild<QPushButton *>(QStringLiteral("confirmButton"))->text(), QStringLiteral("確認して登録(&C)…"));
        QVERIFY(m_page->grab().save(QDir(dir).filePath(QStringLiteral("register-card-ja.png"))));
        m_page->setType(Registration::Type::Convenience);
        edit("tradingId")->clear();
        QTest::keyClicks(edit("tradingId"), QStringLiteral("REG_JA_2"));
        m_page->findChild<MoneyEdit *>(QStringLiteral("amount"))->setValue(3980);
        edit("customerName")->setText(QStringLiteral("佐藤 花子"));
        edit("customerKana")->setText(QStringLiteral("サトウ ハナコ"));
        QTest::keyClicks(edit("customerPhone"), QStringLiteral("080-3333-4444"));
        QVERIFY(registerAndWait(QStringLiteral("この内容で登録する")));
        QVERIFY(m_page->lastResult().ok);
        QTest::qWait(100);
        QVERIFY(m_page->grab().save(QDir(dir).filePath(QStringLiteral("register-cvs-result-ja.png"))));
        qInfo("screenshots in %s", qPrintable(dir));
    }

    // The last test: nothing the run wrote or logged holds the card number or the code.
    void noCardDataAnywhere()
    {
        m_page.reset();
        QStringList needles;
        for (const QString &pan : {Visa, Declined}) {
            needles << pan << Registration::grouped(pan);
            QString hyphens = Registration::grouped(pan);
            needles << hyphens.replace(u' ', u'-');
        }
        QStringList hits;
        // The console's folders, and the gateway's (its database and logs keep first 6 / last 4 only).
        int scanned = 0;
        for (const QString &root : {m_home.path(), m_gateway.dataDir()}) {
        QDirIterator files(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            QFile file(files.next());
            if (!file.open(QIODevice::ReadOnly))
                continue;
            ++scanned;
            const QByteArray bytes = file.readAll();
            for (const QString &needle : std::as_const(needles)) {
                if (bytes.contains(needle.toUtf8()))
                    hits << file.fileName() + QStringLiteral(": ") + needle;
            }
            if (bytes.contains("\"cvc\""))
                hits << file.fileName() + QStringLiteral(": a cvc field");
        }
        }
        QVERIFY(scanned > 0); // the gateway's database at least
        QMutexLocker locker(&logLock);
        for (const QString &line : std::as_const(logged)) {
            for (const QString &needle : std::as_const(needles)) {
                if (line.contains(needle))
                    hits << QStringLiteral("log: ") + needle;
            }
            if (line.contains(Cvc))
                hits << QStringLiteral("log: the security code");
        }
        // The gateway's own log as well.
        const QByteArray gatewayLog = m_gateway.serverLog();
        for (const QString &needle : std::as_const(needles)) {
            if (gatewayLog.contains(needle.toUtf8()))
                hits << QStringLiteral("gateway log: ") + needle;
        }
        QVERIFY2(hits.isEmpty(), qPrintable(hits.join(u'\n')));
    }

private:
    QLineEdit *edit(const char *name) const { return m_page->findChild<QLineEdit *>(QString::fromLatin1(name)); }

    void fillCard(const QString &tradingId, const QString &number, const QString &amount)
    {
        m_page->setType(Registration::Type::Card);
        for (const char *name : {"tradingId", "cardNumber", "cardExpiry", "cardCvc", "cardHolder"})
            edit(name)->clear();
        QTest::keyClicks(edit("tradingId"), tradingId);
        auto *money = m_page->findChild<MoneyEdit *>(QStringLiteral("amount"));
        money->clear();
        QTest::keyClicks(money, amount);
        QTest::keyClicks(edit("cardNumber"), number);
        QTest::keyClicks(edit("cardExpiry"), QStringLiteral("12/30"));
        QTest::keyClicks(edit("cardCvc"), Cvc);
        QTest::keyClicks(edit("cardHolder"), QStringLiteral("HANAKO SATO"));
    }

    // Clicks the button, confirms in the dialog (whose button must say what happens), waits.
    bool registerAndWait(const QString &confirmText)
    {
        QSignalSpy answered(m_page.get(), &RegistrationPage::answered);
        QTest::mouseClick(m_page->findChild<QPushButton *>(QStringLiteral("confirmButton")), Qt::LeftButton);
        QMessageBox *box = nullptr;
        for (int i = 0; i < 200 && !box; ++i) {
            box = m_page->findChild<QMessageBox *>(QStringLiteral("registrationConfirm"));
            if (!box || !box->isVisible()) {
                box = nullptr;
                QTest::qWait(10);
            }
        }
        if (!box) {
            qWarning() << "no confirmation; errors:" << m_page->findChild<QLabel *>(QStringLiteral("message"))->text();
            return false;
        }
        auto *yes = box->findChild<QPushButton *>(QStringLiteral("confirmRegistration"));
        if (!yes || yes->text() != confirmText) {
            qWarning() << "confirm button says" << (yes ? yes->text() : QString());
            return false;
        }
        QTest::mouseClick(yes, Qt::LeftButton);
        return answered.wait(15000);
    }

    QTemporaryDir m_home;
    GatewayFixture m_gateway;
    MerchantClient m_client;
    std::unique_ptr<RegistrationPage> m_page;
};

QTEST_MAIN(TestE2eRegistration)
#include "tst_e2e_registration.moc"
