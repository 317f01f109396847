#include "japaneseui.h"
#include "reconcile/ledger.h"
#include "reconcile/ledgermappingdialog.h"
#include "reconcile/reconcilepage.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <functional>

using namespace kessai;

// 消込's column choice for a ledger whose header does not name its columns: the likeliest ones
// preselected, the file's first lines shown with the chosen columns marked, a warning when the
// "amount" holds no amounts, OK only for two different columns, all of it by keyboard. The page
// asks once per header: a file with the same header is read the same way without asking, and a
// cancelled choice is not remembered.
class TestLedgerMappingDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("kessai-test-ledgermapping"));
        QCoreApplication::setApplicationName(QStringLiteral("kessai-test-ledgermapping"));
        qunsetenv("KESSAI_TEST_NO_DIALOGS");
        QVERIFY(m_dir.isValid());
        const QString data = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
        QFile::remove(QDir(data).filePath(QStringLiteral("reconcile.sqlite")));
    }

    void columnsAreChosenByKeyboardWithThePreview()
    {
        const Ledger ledger = Ledger::parse(ledgerBytes(), QStringLiteral("orders.csv"));
        QVERIFY(ledger.needsMapping());
        QCOMPARE(ledger.sample().size(), 3); // the blank line is not a sample
        LedgerMappingDialog dialog(ledger);
        dialog.show();
        QApplication::setActiveWindow(&dialog);
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        auto *tradingId = dialog.findChild<QComboBox *>(QStringLiteral("mappingTradingId"));
        auto *amount = dialog.findChild<QComboBox *>(QStringLiteral("mappingAmount"));
        auto *preview = dialog.findChild<QTableWidget *>(QStringLiteral("mappingPreview"));
        auto *warning = dialog.findChild<QLabel *>(QStringLiteral("mappingWarning"));
        QVERIFY(tradingId && amount && preview && warning);

        // Nothing is named: the first two columns, and the second holds names, not amounts.
        QCOMPARE(dialog.mapping(), (LedgerMapping{0, 1}));
        QCOMPARE(preview->rowCount(), 3);
        QCOMPARE(preview->item(1, 2)->text(), QStringLiteral("¥2,000"));
        QVERIFY(preview->horizontalHeaderItem(0)->text().contains(QStringLiteral("trading ID")));
        QVERIFY(warning->isVisible());
        QVERIFY2(warning->text().contains(QStringLiteral("山田")), qPrintable(warning->text()));
        QVERIFY(buttonOk(dialog)->isEnabled()); // a warning, not a refusal: the read names every bad line

        // Focus starts on the trading ID; Tab to the amount, Down to 売上額, and the warning goes.
        QCOMPARE(QApplication::focusWidget(), tradingId);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), amount);
        QTest::keyClick(amount, Qt::Key_Down);
        QCOMPARE(dialog.mapping(), (LedgerMapping{0, 2}));
        QVERIFY(!warning->isVisible());
        QVERIFY(preview->horizontalHeaderItem(2)->text().contains(QStringLiteral("amount")));
        QVERIFY(!preview->horizontalHeaderItem(1)->text().contains(QStringLiteral("amount")));

        // One column for both: OK is off until they differ.
        QTest::keyClick(amount, Qt::Key_Home);
        QCOMPARE(amount->currentIndex(), 0);
        QVERIFY(!buttonOk(dialog)->isEnabled());
        QVERIFY(warning->isVisible());
        QTest::keyClick(amount, Qt::Key_End);
        QCOMPARE(dialog.mapping(), (LedgerMapping{0, 3}));
        QVERIFY(warning->isVisible()); // 備考 holds no amounts either
        QTest::keyClick(amount, Qt::Key_Up);
        QVERIFY(buttonOk(dialog)->isEnabled());
        QTest::keyClick(amount, Qt::Key_Return);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.mapping(), (LedgerMapping{0, 2}));
    }

    void namedColumnsArePreselected()
    {
        // Two columns could be the 取引ID (the header is ambiguous); the amount is named.
        const Ledger ledger = Ledger::parse(QByteArray("注文番号,受注番号,合計金額\r\nA-1,B-1,1000\r\n"),
                                            QStringLiteral("two.csv"));
        QVERIFY(ledger.needsMapping());
        LedgerMappingDialog dialog(ledger);
        QCOMPARE(dialog.mapping(), (LedgerMapping{0, 2}));
        QVERIFY(!dialog.findChild<QLabel *>(QStringLiteral("mappingWarning"))->isVisibleTo(&dialog));

        // Only the amount is named, and it comes first: the trading ID is another column.
        const Ledger amountFirst = Ledger::parse(QByteArray("金額,伝票,備考\r\n1000,A-1,\r\n"), QStringLiteral("first.csv"));
        QVERIFY(amountFirst.needsMapping());
        QCOMPARE(LedgerMappingDialog(amountFirst).mapping(), (LedgerMapping{1, 0}));
    }

    void thePageAsksOnceAndRemembers()
    {
        const QString path = writeLedger(QStringLiteral("orders.csv"), ledgerBytes());
        {
            ReconcilePage page(nullptr);
            int asked = 0;
            answerDialogs([&](LedgerMappingDialog *dialog) {
                ++asked;
                dialog->findChild<QComboBox *>(QStringLiteral("mappingAmount"))->setCurrentIndex(2);
                QTest::mouseClick(buttonOk(*dialog), Qt::LeftButton);
            });
            QVERIFY(page.openLedger(path));
            QCOMPARE(asked, 1);
        }
        {
            // The same header in another file: read the same way, nobody asked.
            const QString next = writeLedger(QStringLiteral("orders-next.csv"),
                                             QByteArray("伝票番号,顧客,売上額,備考\r\nZ-9,田中,5000,\r\n"));
            ReconcilePage page(nullptr);
            int asked = 0;
            answerDialogs([&](LedgerMappingDialog *dialog) {
                ++asked;
                dialog->reject();
            });
            QVERIFY(page.openLedger(next));
            QCOMPARE(asked, 0);
            QVERIFY(page.store());
            QCOMPARE(page.store()->rememberedMapping(Ledger::read(next).headerSignature()), (LedgerMapping{0, 2}));
        }
        {
            // Cancelled: the ledger is not opened, and the next file of that header asks again.
            const QByteArray other("品番,数量,単価\r\nP-1,2,300\r\n");
            const QString path2 = writeLedger(QStringLiteral("items.csv"), other);
            ReconcilePage page(nullptr);
            int asked = 0;
            answerDialogs([&](LedgerMappingDialog *dialog) {
                ++asked;
                dialog->reject();
            });
            QVERIFY(!page.openLedger(path2));
            QVERIFY(!page.openLedger(path2));
            QCOMPARE(asked, 2);
            QVERIFY(!page.store()->rememberedMapping(Ledger::read(path2).headerSignature()));
        }
    }

    void japaneseFits()
    {
        test::JapaneseUi ja;
        QVERIFY2(ja.loaded(), qPrintable(ja.error()));
        const Ledger ledger = Ledger::parse(ledgerBytes(), QStringLiteral("受注一覧_202611.csv"));
        LedgerMappingDialog dialog(ledger);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QCOMPARE(dialog.windowTitle(), QStringLiteral("どの列を使いますか？"));
        auto *preview = dialog.findChild<QTableWidget *>(QStringLiteral("mappingPreview"));
        // Every column of the preview is in view, and the buttons' texts fit them.
        int width = 0;
        for (int c = 0; c < preview->columnCount(); ++c)
            width += preview->columnWidth(c);
        QVERIFY2(width <= preview->viewport()->width(), qPrintable(QString::number(width)));
        for (const QPushButton *button : dialog.findChildren<QPushButton *>()) {
            QVERIFY2(button->fontMetrics().horizontalAdvance(button->text().remove(u'&')) < button->width(),
                     qPrintable(button->text()));
        }
        const QString dir = test::screenshotDirectory();
        if (!dir.isEmpty())
            dialog.grab().save(QDir(dir).filePath(QStringLiteral("ledger_mapping_ja.png")));
    }

private:
    static QByteArray ledgerBytes()
    {
        return QByteArray("伝票番号,顧客,売上額,備考\r\n"
                          "A-1,山田,1000,\r\n"
                          "A-2,佐藤,\"¥2,000\",至急\r\n"
                          "\r\n"
                          "A-3,鈴木,3000,\r\n");
    }

    QString writeLedger(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            return QString();
        return path;
    }

    static QPushButton *buttonOk(const QDialog &dialog)
    {
        return dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    }

    // Answers the next mapping dialogs as they open (polled: the page's exec() blocks the test).
    void answerDialogs(std::function<void(LedgerMappingDialog *)> answer)
    {
        delete m_poll;
        m_poll = new QTimer(this);
        connect(m_poll, &QTimer::timeout, this, [answer = std::move(answer)] {
            auto *dialog = qobject_cast<LedgerMappingDialog *>(QApplication::activeModalWidget());
            if (dialog && dialog->isVisible() && !dialog->property("answered").toBool()) {
                dialog->setProperty("answered", true);
                answer(dialog);
            }
        });
        m_poll->start(20);
    }

    QTemporaryDir m_dir;
    QTimer *m_poll = nullptr;
};

QTEST_MAIN(TestLedgerMappingDialog)
#include "tst_ledgermappingdialog.moc"
