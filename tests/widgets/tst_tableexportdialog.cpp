#include "common/tableexportdialog.h"
#include "export/paymentexporter.h"
#include "japaneseui.h"

#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>

using namespace kessai;

// The export dialog's column choice: every column ticked in the shipped order at first; a column
// unticked with Space and moved with Alt+Up/Down (or the buttons) is written so, and the next
// export of the same kind opens with that choice; "All, as shipped" brings the defaults back;
// with no column ticked nothing can be exported. In Japanese the list and its buttons fit.
class TestTableExportDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("kessai-test-tableexportdialog"));
        QSettings().clear();
    }
    void cleanupTestCase() { QSettings().clear(); }

    void columnsAreChosenOrderedAndRemembered()
    {
        std::vector<int> order;
        {
            TableExportDialog dialog(QStringLiteral("payments"), QStringLiteral("Export payments"),
                                     QDir::temp().filePath(QStringLiteral("p.csv")), QString());
            dialog.setColumns(PaymentExporter::headerLabels(true), PaymentExporter::headerLabels(false));
            dialog.show();
            QApplication::setActiveWindow(&dialog);
            QVERIFY(QTest::qWaitForWindowActive(&dialog));
            auto *list = dialog.findChild<QListWidget *>(QStringLiteral("exportColumns"));
            auto *accept = dialog.findChild<QPushButton *>(QStringLiteral("exportAccept"));
            QVERIFY(list && accept && list->isVisible());
            QCOMPARE(list->count(), int(PaymentExporter::ColumnCount));
            QCOMPARE(dialog.columnOrder(), allColumns()); // everything, as shipped

            // Institution unticked with the keyboard; Amount brought up to the second place.
            list->setFocus();
            list->setCurrentRow(PaymentExporter::InstitutionColumn);
            QTest::keyClick(list, Qt::Key_Space);
            QCOMPARE(list->item(PaymentExporter::InstitutionColumn)->checkState(), Qt::Unchecked);
            list->setCurrentRow(PaymentExporter::AmountColumn);
            for (int i = 0; i < PaymentExporter::AmountColumn - 1; ++i)
                QTest::keyClick(list, Qt::Key_Up, Qt::AltModifier);
            QCOMPARE(list->currentRow(), 1);
            QCOMPARE(list->item(1)->text(), QStringLiteral("Amount"));
            QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("exportColumnDown")), Qt::LeftButton);
            QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("exportColumnUp")), Qt::LeftButton);
            const QList<int> chosen = {PaymentExporter::TradingIdColumn, PaymentExporter::AmountColumn,
                                       PaymentExporter::PaymentIdColumn, PaymentExporter::TypeColumn,
                                       PaymentExporter::StatusColumn, PaymentExporter::TradeTimeColumn,
                                       PaymentExporter::DueTimeColumn, PaymentExporter::ClearedTimeColumn};
            QCOMPARE(dialog.columnOrder(), chosen);
            dialog.findChild<QCheckBox *>(QStringLiteral("exportEnglishHeader"))->setChecked(true);
            QCOMPARE(dialog.writerOptions().columnOrder, chosen);
            QVERIFY(dialog.writerOptions().englishHeader);
            QTest::mouseClick(accept, Qt::LeftButton);
            QCOMPARE(dialog.result(), int(QDialog::Accepted));
        }
        {
            // The next payments export opens with that choice; another kind does not.
            TableExportDialog again(QStringLiteral("payments"), QStringLiteral("Export payments"),
                                    QDir::temp().filePath(QStringLiteral("p.csv")), QString());
            again.setColumns(PaymentExporter::headerLabels(true), PaymentExporter::headerLabels(false));
            QCOMPARE(again.columnOrder().size(), int(PaymentExporter::ColumnCount) - 1);
            QCOMPARE(again.columnOrder().at(1), int(PaymentExporter::AmountColumn));
            QVERIFY(again.englishHeader());
            auto *list = again.findChild<QListWidget *>(QStringLiteral("exportColumns"));
            QCOMPARE(list->item(4)->text(), QStringLiteral("Institution")); // kept in its place, unticked
            QCOMPARE(list->item(4)->checkState(), Qt::Unchecked);

            TableExportDialog other(QStringLiteral("audit"), QStringLiteral("Export"), QStringLiteral("a.csv"), QString());
            other.setColumns(PaymentExporter::headerLabels(true), PaymentExporter::headerLabels(false));
            QCOMPARE(other.columnOrder(), allColumns());

            // Back to the defaults in one click.
            QTest::mouseClick(again.findChild<QPushButton *>(QStringLiteral("exportColumnsReset")), Qt::LeftButton);
            QCOMPARE(again.columnOrder(), allColumns());
        }
    }

    void aColumnRemovedOrAddedSinceIsHandled()
    {
        // Remembered from a version with a column "Gone" and without "Status".
        QSettings().setValue(QStringLiteral("exports/older/columns"),
                             QStringList{QStringLiteral("Amount"), QStringLiteral("-Trading ID"), QStringLiteral("Gone")});
        TableExportDialog dialog(QStringLiteral("older"), QStringLiteral("Export"), QStringLiteral("o.csv"), QString());
        dialog.setColumns({QStringLiteral("Trading ID"), QStringLiteral("Status"), QStringLiteral("Amount")},
                          {QStringLiteral("取引ID"), QStringLiteral("ステータス"), QStringLiteral("金額")});
        QCOMPARE(dialog.columnOrder(), (QList<int>{2, 1})); // Amount as remembered, then the new Status
        auto *list = dialog.findChild<QListWidget *>(QStringLiteral("exportColumns"));
        QCOMPARE(list->count(), 3);
        QCOMPARE(list->item(1)->text(), QStringLiteral("取引ID"));
        QCOMPARE(list->item(1)->checkState(), Qt::Unchecked);
    }

    void noColumnNoExport()
    {
        TableExportDialog dialog(QStringLiteral("none"), QStringLiteral("Export"), QStringLiteral("n.csv"), QString());
        dialog.setColumns({QStringLiteral("A"), QStringLiteral("B")}, {QStringLiteral("A"), QStringLiteral("B")});
        auto *list = dialog.findChild<QListWidget *>(QStringLiteral("exportColumns"));
        auto *accept = dialog.findChild<QPushButton *>(QStringLiteral("exportAccept"));
        QVERIFY(accept->isEnabled());
        list->item(0)->setCheckState(Qt::Unchecked);
        QVERIFY(accept->isEnabled());
        list->item(1)->setCheckState(Qt::Unchecked);
        QVERIFY(!accept->isEnabled());
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Rejected)); // not accepted without a column
        list->item(1)->setCheckState(Qt::Checked);
        QVERIFY(accept->isEnabled());
    }

    void japaneseFits()
    {
        test::JapaneseUi ja;
        QVERIFY2(ja.loaded(), qPrintable(ja.error()));
        TableExportDialog dialog(QStringLiteral("ja"), TableExportDialog::tr("Export payments"),
                                 QDir::temp().filePath(QStringLiteral("payments_20261205_1200.csv")),
                                 QStringLiteral("検索に一致するすべての決済を出力します。"));
        dialog.setColumns(PaymentExporter::headerLabels(true), PaymentExporter::headerLabels(false));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *list = dialog.findChild<QListWidget *>(QStringLiteral("exportColumns"));
        QCOMPARE(list->item(0)->text(), QStringLiteral("取引ID"));
        // Every column is in view without scrolling, and every button's text fits it.
        QVERIFY(list->visualItemRect(list->item(list->count() - 1)).bottom() <= list->viewport()->height());
        for (const QPushButton *button : dialog.findChildren<QPushButton *>()) {
            QVERIFY2(button->fontMetrics().horizontalAdvance(button->text().remove(u'&')) < button->width(),
                     qPrintable(button->text()));
        }
        const QString dir = test::screenshotDirectory();
        if (!dir.isEmpty())
            dialog.grab().save(QDir(dir).filePath(QStringLiteral("export_columns_ja.png")));
    }

private:
    static QList<int> allColumns()
    {
        QList<int> all;
        for (int i = 0; i < PaymentExporter::ColumnCount; ++i)
            all.append(i);
        return all;
    }
};

QTEST_MAIN(TestTableExportDialog)
#include "tst_tableexportdialog.moc"
