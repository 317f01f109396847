#include "api/merchantclient.h"
#include "common/paymentdetaildialog.h"
#include "csv/csvreader.h"
#include "csv/csvwriter.h"
#include "export/statementexport.h"
#include "gatewayfixture.h"
#include "japaneseui.h"
#include "statements/payoutchart.h"
#include "statements/statementlinesmodel.h"
#include "statements/statementmethodsmodel.h"
#include "statements/statementsmodel.h"
#include "statements/statementspage.h"
#include "reconcile/reconcilemodel.h"
#include "reconcile/reconcilepage.h"
#include "reconcile/statementsource.h"
#include "statements/statementdocument.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QBuffer>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QPainter>
#include <QTextDocument>
#include <QPushButton>
#include <QTabWidget>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace kessai;

namespace {

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The records of a CSV text as the product's own reader reads them.
QList<QStringList> records(const QByteArray &bytes, CsvEncoding encoding)
{
    QList<QStringList> rows;
    CsvReader reader(bytes, encoding);
    for (const CsvRecord &record : reader.readAll()) {
        if (record.problem != CsvRecord::Problem::None)
            return {};
        rows.append(record.fields);
    }
    return rows;
}

// Every row of a paged model, read to the end.
bool readAll(KeysetModel *model)
{
    for (int i = 0; i < 1000 && !model->isExhausted(); ++i) {
        if (!model->isLoading())
            model->fetchMore({});
        QTest::qWait(5);
    }
    return model->isExhausted();
}

} // namespace

// 支払明細 against a real kessai-gateway: the list, one statement's breakdown and lines adding up
// to the yen, the filters, the exports read back, and who may see the page.
class TestE2eStatements : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_config.isValid());
        qputenv("XDG_CONFIG_HOME", m_config.path().toUtf8());
        qputenv("XDG_DATA_HOME", m_config.path().toUtf8()); // the reconciliation store
        qputenv("KESSAI_TEST_NO_DIALOGS", "1");
        QVERIFY2(m_gateway.start(2000, 7), qPrintable(m_gateway.error()));
        m_ca = loadCaCertificates(m_gateway.caPath());
        login(m_client, QStringLiteral("admin"));
        m_page = std::make_unique<StatementsPage>(&m_client);
        m_page->resize(1280, 800);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
        QSignalSpy shown(m_page.get(), &StatementsPage::statementShown);
        m_page->pageShown(true);
        QVERIFY(shown.wait(10000));
    }

    void modelsPassTheTester()
    {
        QAbstractItemModelTester statements(m_page->statementsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester methods(m_page->methodsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester lines(m_page->linesModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(readAll(m_page->linesModel()));
        QVERIFY(readAll(m_page->statementsModel()));
    }

    void listIsNewestFirstAndTheFirstIsShown()
    {
        StatementsModel *model = m_page->statementsModel();
        QVERIFY(readAll(model));
        QVERIFY2(model->rowCount() >= 3, qPrintable(QString::number(model->rowCount())));
        for (int row = 1; row < model->rowCount(); ++row)
            QVERIFY(model->statementAt(row - 1)->periodStart > model->statementAt(row)->periodStart);
        const Statement *shown = m_page->shownStatement();
        QVERIFY(shown);
        QCOMPARE(shown->id, model->statementAt(0)->id);
        QVERIFY(shown->isBalanced());
        // The chart shows the last payouts (12, or all there are).
        QTRY_COMPARE(m_page->chart()->statementCount(), std::min(12, model->rowCount()));
    }

    // Every statement with sales: the table's figures are the gateway's, and the lines add up
    // to its method rows and totals to the yen.
    void breakdownAndLinesAddUp()
    {
        StatementsModel *model = m_page->statementsModel();
        int checked = 0;
        for (int row = 0; row < model->rowCount() && checked < 4; ++row) {
            if (model->statementAt(row)->lineCount == 0)
                continue;
            QSignalSpy shown(m_page.get(), &StatementsPage::statementShown);
            m_page->showStatement(model->statementAt(row)->id);
            if (!m_page->shownStatement() || m_page->shownStatement()->id != model->statementAt(row)->id)
                QVERIFY(shown.wait(10000));
            const Statement s = *m_page->shownStatement();
            QVERIFY(s.isBalanced());
            StatementMethodsModel *methods = m_page->methodsModel();
            QCOMPARE(methods->rowCount(), int(s.methods.size()) + 1);
            const int totals = methods->rowCount() - 1;
            QVERIFY(methods->isTotalsRow(totals));
            QCOMPARE(methods->index(totals, StatementMethodsModel::NetColumn).data(StatementMethodsModel::AmountRole).toLongLong(),
                     s.figures.net);
            QCOMPARE(methods->index(totals, StatementMethodsModel::SaleAmountColumn).data(StatementMethodsModel::AmountRole).toLongLong(),
                     s.figures.saleAmount);

            StatementLinesModel *lines = m_page->linesModel();
            QVERIFY(readAll(lines));
            QCOMPARE(lines->rowCount(), int(s.lineCount));
            QMap<QString, StatementFigures> byType;
            for (int i = 0; i < lines->rowCount(); ++i) {
                const StatementLine *line = lines->lineAt(i);
                StatementFigures &f = byType[line->type];
                if (line->kind == QLatin1String("sale")) {
                    ++f.saleCount;
                    f.saleAmount += line->amount;
                } else {
                    QCOMPARE(line->kind, QStringLiteral("cancel"));
                    ++f.cancelCount;
                    f.cancelAmount -= line->amount;
                }
                f.fee += line->fee;
            }
            for (const StatementMethod &method : s.methods) {
                const StatementFigures f = byType.value(method.type);
                QCOMPARE(f.saleCount, method.figures.saleCount);
                QCOMPARE(f.saleAmount, method.figures.saleAmount);
                QCOMPARE(f.cancelCount, method.figures.cancelCount);
                QCOMPARE(f.cancelAmount, method.figures.cancelAmount);
                QCOMPARE(f.fee, method.figures.fee);
            }
            ++checked;
        }
        QVERIFY(checked >= 2);
    }

    void linesFilterByMethodAndKind()
    {
        // A statement with card cancels, if the demo has one; else any with card sales.
        StatementsModel *model = m_page->statementsModel();
        QString withCancels;
        for (int row = 0; row < model->rowCount() && withCancels.isEmpty(); ++row) {
            if (model->statementAt(row)->figures.cancelCount > 0)
                withCancels = model->statementAt(row)->id;
        }
        QVERIFY(!withCancels.isEmpty());
        QSignalSpy shown(m_page.get(), &StatementsPage::statementShown);
        m_page->showStatement(withCancels);
        if (m_page->shownStatement()->id != withCancels)
            QVERIFY(shown.wait(10000));
        const Statement s = *m_page->shownStatement();
        qint64 cardCancels = 0;
        for (const StatementMethod &method : s.methods) {
            if (method.type == QLatin1String("02"))
                cardCancels = method.figures.cancelCount;
        }
        QVERIFY(cardCancels > 0);

        m_page->setLineFilter(QStringLiteral("02"), QStringLiteral("cancel"));
        StatementLinesModel *lines = m_page->linesModel();
        QVERIFY(readAll(lines));
        QCOMPARE(lines->rowCount(), int(cardCancels));
        for (int i = 0; i < lines->rowCount(); ++i) {
            QCOMPARE(lines->lineAt(i)->type, QStringLiteral("02"));
            QCOMPARE(lines->lineAt(i)->kind, QStringLiteral("cancel"));
            QVERIFY(lines->lineAt(i)->amount < 0);
        }
        const QLocale locale;
        QCOMPARE(m_page->findChild<QLabel *>(QStringLiteral("lineSummary"))->text(),
                 QStringLiteral("%1 of %1 lines shown").arg(locale.toString(cardCancels)));

        // A line opens its payment.
        auto *view = m_page->findChild<QTableView *>(QStringLiteral("statementLines"));
        view->setCurrentIndex(lines->index(0, 0));
        Q_EMIT view->activated(lines->index(0, 0));
        auto *dialog = m_page->findChild<PaymentDetailDialog *>();
        QVERIFY(dialog);
        QCOMPARE(dialog->paymentId(), QString::number(lines->lineAt(0)->paymentId));
        dialog->close();

        m_page->setLineFilter(QString(), QString());
        QVERIFY(readAll(lines));
        QCOMPARE(lines->rowCount(), int(s.lineCount));
    }

    void yearFilterNarrowsTheList()
    {
        StatementsModel *model = m_page->statementsModel();
        QVERIFY(readAll(model));
        const int all = model->rowCount();
        const int year = model->statementAt(all - 1)->payoutDate.year();
        auto *combo = m_page->findChild<QComboBox *>(QStringLiteral("statementYear"));
        QVERIFY(combo->findData(year) > 0);
        m_page->setYear(year);
        QVERIFY(readAll(model));
        QVERIFY(model->rowCount() > 0 && model->rowCount() < all);
        for (int row = 0; row < model->rowCount(); ++row)
            QCOMPARE(model->statementAt(row)->payoutDate.year(), year);
        QSignalSpy shown(m_page.get(), &StatementsPage::statementShown);
        m_page->setYear(0);
        QVERIFY(shown.wait(10000));
        QVERIFY(readAll(model));
        QCOMPARE(model->rowCount(), all);
    }

    void summaryExportReadsBackInEveryEncoding()
    {
        const Statement s = *m_page->shownStatement();
        const struct
        {
            ExportFormat format;
            CsvEncoding encoding;
        } cases[] = {{ExportFormat::CsvUtf8Bom, CsvEncoding::Utf8Bom},
                     {ExportFormat::CsvCp932, CsvEncoding::Cp932},
                     {ExportFormat::CsvUtf8, CsvEncoding::Utf8}};
        QList<QStringList> first;
        for (const auto &c : cases) {
            const QString path = m_dir.filePath(QStringLiteral("summary_%1.csv").arg(int(c.format)));
            QVERIFY(m_page->exportSummaryTo(path, c.format));
            const QByteArray bytes = readFile(path);
            QCOMPARE(bytes.startsWith("\xEF\xBB\xBF"), c.encoding == CsvEncoding::Utf8Bom);
            QVERIFY(bytes.endsWith("\r\n"));
            const QList<QStringList> rows = records(bytes, c.encoding);
            if (first.isEmpty())
                first = rows;
            QCOMPARE(rows, first); // the same table, whatever the encoding
        }
        // Header, one row per method, the totals, carry-in, transfer fee, carry-out, payout.
        QCOMPARE(first.size(), 1 + int(s.methods.size()) + 1 + 4);
        const int amount = int(StatementExport::summaryColumns().size()) - 1;
        const QStringList totals = first.at(1 + int(s.methods.size()));
        QCOMPARE(totals.at(amount).toLongLong(), s.figures.net);
        QCOMPARE(first.last().at(amount).toLongLong(), s.payout);
        QCOMPARE(first.last().at(2), s.payoutDate.toString(QStringLiteral("yyyy/MM/dd")));
        qint64 net = 0;
        for (int row = 1; row <= s.methods.size(); ++row)
            net += first.at(row).at(amount).toLongLong();
        QCOMPARE(net, s.figures.net);
        // payout = net + carry-in − transfer fee − carry-out, in the file's own rows
        qint64 payout = net;
        for (int row = 2 + int(s.methods.size()); row < first.size() - 1; ++row)
            payout += first.at(row).at(amount).toLongLong();
        QCOMPARE(payout, s.payout);
    }

    void linesExportHoldsEveryLine()
    {
        const Statement s = *m_page->shownStatement();
        const QString path = m_dir.filePath(QStringLiteral("lines.csv"));
        QFile::remove(path);
        QSignalSpy finished(m_page.get(), &StatementsPage::linesExportFinished);
        m_page->exportLinesTo(path, ExportFormat::CsvCp932);
        QVERIFY(finished.wait(20000));
        const auto result = finished.first().first().value<ExportResult>();
        QVERIFY2(result.ok(), qPrintable(result.errorText()));
        QCOMPARE(result.rows, s.lineCount);
        const QList<QStringList> rows = records(readFile(path), CsvEncoding::Cp932);
        QCOMPARE(rows.size(), int(s.lineCount) + 1);
        QCOMPARE(rows.first().size(), int(StatementExport::lineColumns().size()));
        qint64 amount = 0;
        qint64 fee = 0;
        for (qsizetype i = 1; i < rows.size(); ++i) {
            amount += rows.at(i).at(6).toLongLong();
            fee += rows.at(i).at(7).toLongLong();
            QCOMPARE(rows.at(i).at(2).size(), 18); // the 決済ID, exact
        }
        QCOMPARE(amount, s.figures.saleAmount - s.figures.cancelAmount);
        QCOMPARE(fee, s.figures.fee);

        // The same lines as an Excel workbook (its cells are checked in tst_xlsxwriter).
        const QString xlsx = m_dir.filePath(QStringLiteral("lines.xlsx"));
        QSignalSpy finishedXlsx(m_page.get(), &StatementsPage::linesExportFinished);
        m_page->exportLinesTo(xlsx, ExportFormat::Xlsx);
        QVERIFY(finishedXlsx.wait(20000));
        const auto xlsxResult = finishedXlsx.first().first().value<ExportResult>();
        QVERIFY2(xlsxResult.ok(), qPrintable(xlsxResult.errorText()));
        QCOMPARE(xlsxResult.rows, s.lineCount);
        QVERIFY(readFile(xlsx).startsWith("PK\x03\x04"));
        QVERIFY(m_page->exportSummaryTo(m_dir.filePath(QStringLiteral("summary.xlsx")), ExportFormat::Xlsx));
        QVERIFY(readFile(m_dir.filePath(QStringLiteral("summary.xlsx"))).startsWith("PK\x03\x04"));
    }

    // 支払明細書: an A4 PDF with its fonts embedded (no Japanese glyph depends on the reader's
    // machine), and nothing under the name when it cannot be written.
    void pdfHasItsFontsEmbedded()
    {
        const QString path = m_dir.filePath(QStringLiteral("statement.pdf"));
        QVERIFY(m_page->exportPdfTo(path));
        const QByteArray pdf = readFile(path);
        QVERIFY(pdf.startsWith("%PDF-"));
        QVERIFY(pdf.contains("/FontFile2") || pdf.contains("/FontFile3") || pdf.contains("/FontFile"));
        QVERIFY(pdf.count("/Type /Page\n") + pdf.count("/Type /Page\r") + pdf.count("/Type /Page ") + pdf.count("/Type/Page") >= 1);
        // A4 is 595 × 842 points.
        QVERIFY2(pdf.contains("/MediaBox [0 0 595") || pdf.contains("/MediaBox [0 0 594"), pdf.left(2000).constData());
    }

    // 消込: a ledger in CP932 with each status planted, reconciled against a statement with
    // cancels; notes and marks kept in the workspace; the report read back.
    void reconcilesALedgerWithEveryStatus()
    {
        StatementsModel *model = m_page->statementsModel();
        QString id;
        for (int row = 0; row < model->rowCount() && id.isEmpty(); ++row) {
            if (model->statementAt(row)->figures.cancelCount > 0 && model->statementAt(row)->lineCount > 10)
                id = model->statementAt(row)->id;
        }
        QVERIFY(!id.isEmpty());
        StatementLinesReader reader(&m_client);
        QVERIFY(!reader.readAll(id).isError());
        // The statement's payments, netted, in order.
        QStringList order;
        QHash<QString, qint64> net;
        QHash<QString, int> paymentsOf;
        QSet<QString> seenPayments;
        for (const StatementLine &line : reader.lines()) {
            if (!net.contains(line.tradingId))
                order.append(line.tradingId);
            net[line.tradingId] += line.amount;
            if (!seenPayments.contains(QString::number(line.paymentId))) {
                seenPayments.insert(QString::number(line.paymentId));
                ++paymentsOf[line.tradingId];
            }
        }
        QStringList single;
        for (const QString &tradingId : std::as_const(order)) {
            if (paymentsOf.value(tradingId) == 1 && net.value(tradingId) > 0)
                single.append(tradingId);
        }
        QVERIFY(single.size() >= 6);
        // Ledger: all but the last single payment (not_in_ledger), the first with another amount
        // (amount_differs), the second twice (duplicate), one order the statement does not have.
        QByteArray csv;
        QBuffer buffer(&csv);
        buffer.open(QIODevice::WriteOnly);
        CsvWriter writer(&buffer, CsvWriter::Options{CsvEncoding::Cp932, true, false});
        QVERIFY(!writer.writeRow({QStringLiteral("注文番号"), QStringLiteral("お客様名"), QStringLiteral("合計金額")}).isError());
        for (qsizetype i = 0; i + 1 < single.size(); ++i) {
            const qint64 amount = i == 0 ? net.value(single.at(i)) + 100 : net.value(single.at(i));
            QVERIFY(!writer.writeRow({single.at(i), QStringLiteral("髙橋 ①"), QLocale(QLocale::Japanese).toString(amount)}).isError());
            if (i == 1)
                QVERIFY(!writer.writeRow({single.at(i), QStringLiteral("髙橋"), QString::number(amount)}).isError());
        }
        QVERIFY(!writer.writeRow({QStringLiteral("NOT_IN_STATEMENT_1"), QStringLiteral("～"), QStringLiteral("¥3,000")}).isError());
        buffer.close();
        const QString ledgerPath = m_dir.filePath(QStringLiteral("ledger_cp932.csv"));
        {
            QFile file(ledgerPath);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(csv);
        }

        ReconcilePage page(&m_client);
        QSignalSpy loaded(&page, &ReconcilePage::statementsLoaded);
        page.pageShown(true);
        QVERIFY(loaded.wait(10000));
        QVERIFY(page.openLedger(ledgerPath));
        page.setStatement(id);
        QSignalSpy reconciled(&page, &ReconcilePage::reconciled);
        page.reconcile();
        QVERIFY(reconciled.wait(20000));
        const qint64 workspace = page.workspaceId();
        QVERIFY(workspace > 0);
        ReconcileModel *rows = page.model();
        QAbstractItemModelTester tester(rows, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const auto total = [rows](ReconcileStatus status) { return rows->totals()[size_t(status)].count; };
        QCOMPARE(total(ReconcileStatus::AmountDiffers), 1);
        QCOMPARE(total(ReconcileStatus::NotPaid), 1);
        QCOMPARE(total(ReconcileStatus::Duplicate), 3); // two ledger lines and the payment
        QVERIFY(total(ReconcileStatus::NotInLedger) >= 1);
        QCOMPARE(total(ReconcileStatus::Matched), int(single.size()) - 1 - 2);
        const ReconcileTotal matched = rows->totals()[size_t(ReconcileStatus::Matched)];
        QCOMPARE(matched.ledgerAmount, matched.statementAmount);

        // Filter, note and mark; both survive a new page (the next day).
        page.filter()->setStatus(ReconcileStatus::AmountDiffers);
        QCOMPARE(page.filter()->rowCount(), 1);
        const QModelIndex differs = page.filter()->mapToSource(page.filter()->index(0, 0));
        QVERIFY(rows->setData(rows->index(differs.row(), int(ReconcileColumn::Note)), QStringLiteral("送料100円の差、確認済み")));
        QVERIFY(rows->setData(rows->index(differs.row(), int(ReconcileColumn::Resolved)), Qt::Checked, Qt::CheckStateRole));
        page.filter()->setStatus(std::nullopt);
        page.filter()->setHideResolved(true);
        QCOMPARE(page.filter()->rowCount(), rows->rowCount() - 1);

        ReconcilePage nextDay(&m_client);
        QVERIFY(nextDay.openWorkspace(workspace));
        QCOMPARE(nextDay.model()->rows(), rows->rows());
        QCOMPARE(nextDay.model()->resolvedCount(), 1);

        const QString reportPath = m_dir.filePath(QStringLiteral("reconcile.csv"));
        QVERIFY(nextDay.exportReportTo(reportPath));
        const QList<QStringList> report = records(readFile(reportPath), CsvEncoding::Utf8Bom);
        QCOMPARE(report.size(), rows->rowCount() + 1);
        QVERIFY(report.at(differs.row() + 1).contains(QStringLiteral("amount_differs")));
        QVERIFY(report.at(differs.row() + 1).contains(QStringLiteral("送料100円の差、確認済み")));
    }

    // Without a statement: the payments cleared over a range of days.
    void reconcilesAgainstADateRange()
    {
        const QDate to = QDate::currentDate();
        const QDate from = to.addDays(-40);
        CapturedPaymentsReader reader(&m_client);
        QVERIFY(!reader.readAll(from, to).isError());
        QVERIFY(reader.entries().size() > 20);
        QHash<QString, int> seen;
        for (const StatementEntry &entry : reader.entries())
            ++seen[entry.tradingId];
        QByteArray csv = "\xEF\xBB\xBF受注番号,請求金額\r\n";
        int unique = 0;
        for (const StatementEntry &entry : reader.entries()) {
            if (seen.value(entry.tradingId) != 1)
                continue;
            ++unique;
            csv += entry.tradingId.toUtf8() + ',' + QByteArray::number(entry.amount) + "\r\n";
        }
        const QString path = m_dir.filePath(QStringLiteral("ledger_range.csv"));
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(csv);
        }
        ReconcilePage page(&m_client);
        QVERIFY(page.openLedger(path));
        page.setDateRange(from, to);
        QSignalSpy reconciled(&page, &ReconcilePage::reconciled);
        page.reconcile();
        QVERIFY(reconciled.wait(20000));
        QCOMPARE(page.model()->totals()[size_t(ReconcileStatus::Matched)].count, unique);
        QCOMPARE(page.model()->totals()[size_t(ReconcileStatus::NotPaid)].count, 0);
        QCOMPARE(page.model()->totals()[size_t(ReconcileStatus::AmountDiffers)].count, 0);
        const std::optional<ReconcileStore::Workspace> saved = page.store()->workspace(page.workspaceId());
        QVERIFY(saved);
        QCOMPARE(saved->payoutFrom, from);
        QVERIFY(!saved->statementId);
    }

    void ledgerMappingIsAskedForAndRemembered()
    {
        const QString path = m_dir.filePath(QStringLiteral("ledger_odd.csv"));
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("\xEF\xBB\xBFref,price\r\nA-1,1000\r\nA-2,2000\r\n");
        }
        ReconcilePage page(&m_client);
        QVERIFY(!page.openLedger(path)); // the header names nothing and no dialog may be shown
        QVERIFY(page.openLedger(path, LedgerMapping{0, 1}));
        ReconcilePage again(&m_client);
        QVERIFY(again.openLedger(path)); // the mapping for this header was remembered

        const QString broken = m_dir.filePath(QStringLiteral("ledger_broken.csv"));
        {
            QFile file(broken);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("order_id,amount\nA-1,1000\nA-2,twelve\n");
        }
        QVERIFY(!again.openLedger(broken));
        QVERIFY(again.findChild<QLabel *>(QStringLiteral("reconcileError"))->text().contains(QLatin1String("3")));
    }

    // Whoever lacks the statements right gets no page, and the gateway refuses them anyway.
    void staffMayNotReadStatements()
    {
        MerchantClient staff;
        login(staff, QStringLiteral("staff"));
        QVERIFY(!staff.user().can(QStringLiteral("statements")));
        const ApiResult refused = waitFor(staff.statements(0, QString(), 10));
        QCOMPARE(refused.error.kind, ApiError::Kind::Permission);
    }

    // The page in Japanese at 1280×800, to look at (KESSAI_SCREENSHOT_DIR).
    void japaneseScreenshots()
    {
        const test::JapaneseUi japanese;
        QVERIFY2(japanese.loaded(), qPrintable(japanese.error()));
        const QString dir = test::screenshotDirectory();
        QVERIFY(!dir.isEmpty());
        auto page = std::make_unique<StatementsPage>(&m_client);
        page->resize(1280, 800);
        page->show();
        QVERIFY(QTest::qWaitForWindowExposed(page.get()));
        QSignalSpy shown(page.get(), &StatementsPage::statementShown);
        page->pageShown(true);
        QVERIFY(shown.wait(10000));
        QTRY_VERIFY(page->chart()->statementCount() > 0);
        QCOMPARE(page->findChild<QPushButton *>(QStringLiteral("exportStatement"))->text(), QStringLiteral("明細書を出力…"));
        // Exported column names follow the language, or stay English on request.
        QCOMPARE(StatementExport::summaryColumns().first().header, QStringLiteral("対象期間開始日"));
        QCOMPARE(StatementExport::summaryColumns(true).first().header, QStringLiteral("Period start"));
        QCOMPARE(StatementExport::lineColumns(true).at(1).header, QStringLiteral("Trading ID"));
        QTest::qWait(100);
        QVERIFY(page->grab().save(QDir(dir).filePath(QStringLiteral("statements-ja.png"))));
        page->findChild<QTabWidget *>(QStringLiteral("statementTabs"))->setCurrentIndex(1);
        QVERIFY(readAll(page->linesModel()));
        QTest::qWait(100);
        QVERIFY(page->grab().save(QDir(dir).filePath(QStringLiteral("statement-lines-ja.png"))));
        // The PDF's document, drawn onto an A4 image at 100 dpi to look at.
        QTextDocument document;
        document.setHtml(StatementDocument::html(*page->shownStatement(), {QStringLiteral("M0001"), QStringLiteral("デモショップ")}));
        document.setPageSize(QSizeF(827 - 118, 1169 - 118));
        QImage image(827, 1169, QImage::Format_RGB32);
        image.fill(Qt::white);
        QPainter painter(&image);
        painter.translate(59, 59);
        document.drawContents(&painter);
        painter.end();
        QVERIFY(image.save(QDir(dir).filePath(QStringLiteral("statement-pdf-ja.png"))));

        // 消込 with the saved work of reconcilesALedgerWithEveryStatus, filtered to what is open.
        ReconcilePage reconcile(&m_client);
        reconcile.resize(1280, 800);
        reconcile.show();
        QVERIFY(QTest::qWaitForWindowExposed(&reconcile));
        QSignalSpy loaded(&reconcile, &ReconcilePage::statementsLoaded);
        reconcile.pageShown(true);
        QVERIFY(loaded.wait(10000));
        const QList<ReconcileStore::Workspace> saved = reconcile.store()->workspaces();
        QVERIFY(!saved.isEmpty());
        QVERIFY(reconcile.openWorkspace(saved.last().id));
        QTest::qWait(100);
        QVERIFY(reconcile.grab().save(QDir(dir).filePath(QStringLiteral("reconcile-ja.png"))));
        qInfo("screenshots in %s", qPrintable(dir));
    }

    void cleanupTestCase() { m_page.reset(); }

private:
    void login(MerchantClient &client, const QString &loginId)
    {
        const GatewayFixture::User user = m_gateway.user(loginId);
        const auto loaded = ClientIdentity::load(user.p12, user.p12Passphrase);
        QVERIFY2(loaded.ok(), qPrintable(loaded.message));
        client.setBaseUrl(m_gateway.url());
        client.setIdentity(loaded.identity, m_ca);
        const ApiResult result = waitFor(client.login(loginId, user.password));
        QVERIFY2(result.ok(), qPrintable(result.error.displayText()));
    }

    QTemporaryDir m_config;
    QTemporaryDir m_dir;
    GatewayFixture m_gateway;
    QList<QSslCertificate> m_ca;
    MerchantClient m_client;
    std::unique_ptr<StatementsPage> m_page;
};

QTEST_MAIN(TestE2eStatements)
#include "tst_e2e_statements.moc"
