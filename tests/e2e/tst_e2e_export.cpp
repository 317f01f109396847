#include "api/merchantclient.h"
#include "csv/csvwriter.h"
#include "domain/paymentcatalog.h"
#include "export/paymentexporter.h"
#include "gatewayfixture.h"
#include "payments/paymentsmodel.h"
#include "payments/exportdialog.h"
#include "payments/searchpage.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProgressDialog>
#include <QJsonObject>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace kessai;

namespace {

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The records of a file this exporter wrote (no field holds a comma, quote or line break).
QList<QStringList> records(const QString &text)
{
    QList<QStringList> rows;
    const QStringList lines = text.split(QStringLiteral("\r\n"));
    for (const QString &line : lines) {
        if (!line.isEmpty())
            rows.append(line.split(QLatin1Char(',')));
    }
    return rows;
}

qint64 peakRssKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

} // namespace

// CSV出力 against a real kessai-gateway: every matching payment, paged, in CP932 and UTF-8.
class TestE2eExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_config.isValid());
        qputenv("XDG_CONFIG_HOME", m_config.path().toUtf8()); // keep the user's settings out of it
        QVERIFY2(m_gateway.start(m_payments, 5), qPrintable(m_gateway.error()));
        m_ca = loadCaCertificates(m_gateway.caPath());
        QVERIFY(!m_ca.isEmpty());
        login(m_client);
    }

    void exportsEveryPaymentInUtf8AndCp932()
    {
        const QString utf8Path = m_dir.filePath(QStringLiteral("all_utf8.csv"));
        const QString cp932Path = m_dir.filePath(QStringLiteral("all_cp932.csv"));

        QElapsedTimer timer;
        timer.start();
        const ExportResult utf8 = runExport({}, utf8Path, CsvEncoding::Utf8Bom);
        const qint64 utf8Ms = timer.restart();
        QVERIFY2(utf8.ok(), qPrintable(utf8.errorText()));
        const ExportResult sjis = runExport({}, cp932Path, CsvEncoding::Cp932);
        const qint64 cp932Ms = timer.elapsed();
        QVERIFY2(sjis.ok(), qPrintable(sjis.errorText()));
        qInfo("exported %d payments: UTF-8 %lld ms, CP932 %lld ms, peak RSS %lld kB", m_payments, utf8Ms, cp932Ms, peakRssKb());

        QCOMPARE(utf8.rows, qint64(m_payments));
        QCOMPARE(sjis.rows, qint64(m_payments));
        const QByteArray utf8Bytes = readFile(utf8Path);
        const QByteArray cp932Bytes = readFile(cp932Path);
        QVERIFY(utf8Bytes.startsWith("\xEF\xBB\xBF"));
        QVERIFY(!cp932Bytes.startsWith("\xEF\xBB\xBF"));
        QVERIFY(cp932Bytes != utf8Bytes.mid(3)); // Japanese labels really are in another encoding

        const QString text = decodeCsvText(utf8Bytes, CsvEncoding::Utf8Bom);
        QCOMPARE(decodeCsvText(cp932Bytes, CsvEncoding::Cp932), text);
        QCOMPARE(utf8Bytes.count("\r\n"), m_payments + 1);
        QCOMPARE(utf8Bytes.count('\n'), m_payments + 1);

        const QList<QStringList> rows = records(text);
        QCOMPARE(rows.size(), m_payments + 1);
        QCOMPARE(rows.first(), PaymentExporter::headerLabels());
        QSet<QString> ids;
        for (qsizetype i = 1; i < rows.size(); ++i) {
            const QStringList &row = rows.at(i);
            QCOMPARE(row.size(), int(PaymentExporter::ColumnCount));
            ids.insert(row.at(PaymentExporter::PaymentIdColumn));
            bool numeric = false;
            QVERIFY(row.at(PaymentExporter::AmountColumn).toLongLong(&numeric) > 0 && numeric);
            QVERIFY2(QDateTime::fromString(row.at(PaymentExporter::TradeTimeColumn), QStringLiteral("yyyy/MM/dd HH:mm:ss")).isValid(),
                     qPrintable(row.at(PaymentExporter::TradeTimeColumn)));
        }
        QCOMPARE(ids.size(), m_payments); // every payment exactly once across the pages
    }

    void filteredExportMatchesTheGatewaysCount()
    {
        PaymentQuery query;
        query.types = {QStringLiteral("03")};
        const ApiResult count = waitFor(m_client.countPayments(query));
        QVERIFY2(count.ok(), qPrintable(count.error.displayText()));
        const qint64 total = count.json.object().value(QLatin1String("total")).toInteger(-1);
        QVERIFY(total > 0 && total < m_payments);

        const QString path = m_dir.filePath(QStringLiteral("cvs.csv"));
        QList<qint64> totals;
        const ExportResult result = runExport(query, path, CsvEncoding::Cp932, 1000, &totals);
        QVERIFY2(result.ok(), qPrintable(result.errorText()));
        QCOMPARE(result.rows, total);
        // The progress ends at the gateway's count (learned from it, or from the last page when
        // the export is done before the count answers).
        QCOMPARE(totals.last(), total);
        const QList<QStringList> rows = records(decodeCsvText(readFile(path), CsvEncoding::Cp932));
        QCOMPARE(rows.size(), total + 1);
        for (qsizetype i = 1; i < rows.size(); ++i)
            QCOMPARE(rows.at(i).at(PaymentExporter::TypeColumn), PaymentCatalog::typeLabel(QStringLiteral("03")));
    }

    void cancelMidwayLeavesNoFile()
    {
        const QString path = m_dir.filePath(QStringLiteral("cancelled.csv"));
        PaymentExporter exporter(&m_client);
        exporter.setOutputPath(path);
        exporter.setEncoding(CsvEncoding::Cp932);
        exporter.setPageSize(100);
        QSignalSpy finished(&exporter, &PaymentExporter::finished);
        connect(&exporter, &PaymentExporter::progress, &exporter, [&exporter](qint64 done) {
            if (done >= 300)
                exporter.cancel();
        });
        exporter.start();
        QVERIFY(finished.wait(30000));
        QTest::qWait(200); // an aborted reply must not finish it a second time
        QCOMPARE(finished.size(), 1);
        const auto result = finished.first().first().value<ExportResult>();
        QVERIFY(result.cancelled);
        QVERIFY(!result.ok());
        QVERIFY(exporter.rowsWritten() >= 300 && exporter.rowsWritten() < m_payments);
        QVERIFY(!exporter.isRunning());
        QVERIFY(!QFile::exists(path));
        QVERIFY2(!leftovers(QStringLiteral("cancelled")), "a temporary file was left behind");
    }

    void gatewayRefusalFailsTheExportWithoutAFile()
    {
        MerchantClient notLoggedIn;
        setIdentity(notLoggedIn);
        const QString path = m_dir.filePath(QStringLiteral("refused.csv"));
        PaymentExporter exporter(&notLoggedIn);
        exporter.setOutputPath(path);
        QSignalSpy finished(&exporter, &PaymentExporter::finished);
        exporter.start();
        QVERIFY(finished.wait(30000));
        const auto result = finished.first().first().value<ExportResult>();
        QCOMPARE(result.apiError.kind, ApiError::Kind::Authentication);
        QVERIFY(!result.errorText().isEmpty());
        QVERIFY(!QFile::exists(path));
    }

    void unwritablePathIsReportedAtOnce()
    {
        PaymentExporter exporter(&m_client);
        exporter.setOutputPath(QStringLiteral("/nonexistent-kessai-dir/x.csv"));
        QSignalSpy finished(&exporter, &PaymentExporter::finished);
        exporter.start();
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.first().first().value<ExportResult>().csvError.kind, CsvError::Kind::Io);
    }

    void exportButtonExportsTheShownSearch()
    {
        SearchPage page(&m_client);
        page.resize(1200, 700);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        auto *cardType = page.findChild<QCheckBox *>(QStringLiteral("type_02"));
        auto *search = page.findChild<QPushButton *>(QStringLiteral("searchButton"));
        auto *exportButton = page.findChild<QPushButton *>(QStringLiteral("exportButton"));
        QVERIFY(cardType && search && exportButton);
        cardType->setChecked(true);
        QTest::mouseClick(search, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!page.model()->isLoading() && page.model()->total() > 0, 15000);
        const qint64 total = page.model()->total();
        cardType->setChecked(false); // an edited but not searched filter is not what gets exported

        // The button's dialog, filled in as a person would (the file dialog is not needed).
        const QString path = m_dir.filePath(QStringLiteral("from_button.csv"));
        bool filled = false;
        QTimer fill;
        fill.setInterval(20);
        connect(&fill, &QTimer::timeout, &page, [&] {
            auto *dialog = qobject_cast<ExportDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            fill.stop();
            auto *pathEdit = dialog->findChild<QLineEdit *>(QStringLiteral("exportPath"));
            auto *encoding = dialog->findChild<QComboBox *>(QStringLiteral("exportEncoding"));
            QVERIFY(pathEdit && encoding);
            QVERIFY(pathEdit->text().endsWith(QStringLiteral(".csv")));
            QVERIFY(QFileInfo(pathEdit->text()).fileName().startsWith(QStringLiteral("payments_")));
            QCOMPARE(dialog->encoding(), CsvEncoding::Cp932); // the default, for Excel
            pathEdit->setText(path);
            screenshot(dialog, QStringLiteral("export_dialog.png"));
            encoding->setCurrentIndex(1);
            QCOMPARE(dialog->encoding(), CsvEncoding::Utf8Bom);
            filled = true;
            QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("exportAccept")), Qt::LeftButton);
        });
        fill.start();
        QSignalSpy finished(&page, &SearchPage::exportFinished);
        QTest::mouseClick(exportButton, Qt::LeftButton);
        QVERIFY(filled);
        QVERIFY(!exportButton->isEnabled()); // one export at a time
        QVERIFY(finished.wait(30000));
        const auto result = finished.first().first().value<ExportResult>();
        QVERIFY2(result.ok(), qPrintable(result.errorText()));
        QCOMPARE(result.rows, total);
        QCOMPARE(result.path, path);
        QVERIFY(exportButton->isEnabled());
        const QList<QStringList> rows = records(decodeCsvText(readFile(path), CsvEncoding::Utf8Bom));
        QCOMPARE(rows.size(), total + 1);
        QCOMPARE(rows.at(1).at(PaymentExporter::TypeColumn), PaymentCatalog::typeLabel(QStringLiteral("02")));
        // Same order and the same local times as the table shows.
        for (int row = 0; row < 20; ++row) {
            const QStringList &record = rows.at(row + 1);
            QCOMPARE(record.at(PaymentExporter::PaymentIdColumn), page.model()->paymentIdAt(row));
            QCOMPARE(record.at(PaymentExporter::TradeTimeColumn),
                     page.model()->index(row, PaymentsModel::TradeTimeColumn).data().toString());
            QCOMPARE(record.at(PaymentExporter::DueTimeColumn),
                     page.model()->index(row, PaymentsModel::DueTimeColumn).data().toString());
            QCOMPARE(record.at(PaymentExporter::ClearedTimeColumn),
                     page.model()->index(row, PaymentsModel::ClearedTimeColumn).data().toString());
        }

        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = page.findChild<QMessageBox *>(QStringLiteral("exportResult"))) && box->isVisible());
        QVERIFY2(box->text().contains(QDir::toNativeSeparators(path)), qPrintable(box->text()));
        screenshot(box, QStringLiteral("export_done.png"));
        box->close();

        // The slot without the dialog, and a failure shown in words.
        finished.clear();
        page.exportTo(QStringLiteral("/nonexistent-kessai-dir/x.csv"), CsvEncoding::Cp932);
        QTRY_COMPARE(finished.size(), 1);
        QTRY_VERIFY((box = page.findChild<QMessageBox *>(QStringLiteral("exportResult"))) && box->isVisible());
        QVERIFY(!box->informativeText().isEmpty());
        box->close();
    }

    void cancellingTheProgressDialogLeavesNoFile()
    {
        SearchPage page(&m_client);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        page.search();
        QTRY_VERIFY_WITH_TIMEOUT(!page.model()->isLoading(), 15000);
        const QString path = m_dir.filePath(QStringLiteral("cancel_button.csv"));
        QSignalSpy finished(&page, &SearchPage::exportFinished);
        page.exportTo(path, CsvEncoding::Cp932);
        auto *progress = page.findChild<QProgressDialog *>(QStringLiteral("exportProgress"));
        QVERIFY(progress);
        auto *cancel = progress->findChild<QPushButton *>();
        QVERIFY(cancel);
        QTest::mouseClick(cancel, Qt::LeftButton); // what a person does; QProgressDialog::cancel() alone says nothing
        QTRY_COMPARE(finished.size(), 1);
        QVERIFY(finished.first().first().value<ExportResult>().cancelled);
        QVERIFY(!QFile::exists(path));
        QVERIFY(!page.findChild<QMessageBox *>(QStringLiteral("exportResult"))); // a cancel needs no message
    }

private:
    ExportResult runExport(const PaymentQuery &query, const QString &path, CsvEncoding encoding, int pageSize = 1000,
                           QList<qint64> *totals = nullptr)
    {
        PaymentExporter exporter(&m_client);
        exporter.setQuery(query);
        exporter.setOutputPath(path);
        exporter.setEncoding(encoding);
        exporter.setPageSize(pageSize);
        QSignalSpy finished(&exporter, &PaymentExporter::finished);
        QSignalSpy progress(&exporter, &PaymentExporter::progress);
        exporter.start();
        if (!finished.wait(120000))
            return {};
        if (totals) {
            for (const QList<QVariant> &args : std::as_const(progress))
                totals->append(args.at(1).toLongLong());
        }
        return finished.first().first().value<ExportResult>();
    }

    // KESSAI_SCREENSHOTS=dir keeps pictures of the dialogs, to look at.
    static void screenshot(QWidget *widget, const QString &name)
    {
        const QString dir = qEnvironmentVariable("KESSAI_SCREENSHOTS");
        if (!dir.isEmpty())
            widget->grab().save(QDir(dir).filePath(name));
    }

    bool leftovers(const QString &prefix) const
    {
        const QStringList files = QDir(m_dir.path()).entryList(QDir::Files | QDir::Hidden);
        for (const QString &file : files) {
            if (file.startsWith(prefix))
                return true;
        }
        return false;
    }

    void setIdentity(MerchantClient &client)
    {
        const GatewayFixture::User user = m_gateway.user(QStringLiteral("admin"));
        const auto loaded = ClientIdentity::load(user.p12, user.p12Passphrase);
        QVERIFY2(loaded.ok(), qPrintable(loaded.message));
        client.setBaseUrl(m_gateway.url());
        client.setIdentity(loaded.identity, m_ca);
    }

    void login(MerchantClient &client)
    {
        setIdentity(client);
        const ApiResult result = waitFor(client.login(QStringLiteral("admin"), m_gateway.user(QStringLiteral("admin")).password));
        QVERIFY2(result.ok(), qPrintable(result.error.displayText()));
    }

    const int m_payments = qEnvironmentVariableIntValue("KESSAI_EXPORT_PAYMENTS") > 0
                               ? qEnvironmentVariableIntValue("KESSAI_EXPORT_PAYMENTS")
                               : 2000;
    QTemporaryDir m_config;
    QTemporaryDir m_dir;
    GatewayFixture m_gateway;
    QList<QSslCertificate> m_ca;
    MerchantClient m_client;
};

QTEST_MAIN(TestE2eExport)
#include "tst_e2e_export.moc"
