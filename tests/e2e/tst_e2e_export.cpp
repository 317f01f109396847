#include "api/merchantclient.h"
#include "csv/csvwriter.h"
#include "domain/paymentcatalog.h"
#include "export/paymentexporter.h"
#include "gatewayfixture.h"
#include "common/tableexportdialog.h"
#include "payments/paymentsmodel.h"
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

qint64 statusKb(const char *field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray prefix = QByteArray(field) + ':';
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

qint64 peakRssKb()
{
    return statusKb("VmHWM");
}

// Sets the peak back to the current RSS (Linux ≥ 4.0); false where that is not allowed.
bool resetPeakRss()
{
    QFile clear(QStringLiteral("/proc/self/clear_refs"));
    if (!clear.open(QIODevice::WriteOnly) || clear.write("5") != 1)
        return false;
    clear.close();
    return peakRssKb() <= statusKb("VmRSS") + 1024;
}

#if defined(__SANITIZE_ADDRESS__)
constexpr bool MemoryIsMeasurable = false; // ASan's quarantine keeps freed memory resident
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool MemoryIsMeasurable = false;
#else
constexpr bool MemoryIsMeasurable = true;
#endif
#else
constexpr bool MemoryIsMeasurable = true;
#endif

} // namespace

// CSV出力 against a real kessai-gateway: every matching payment, streamed by the gateway's export,
// in CP932, UTF-8 and as an Excel workbook; refused without the `export` permission.
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
        // The second export is measured: the first has loaded what every export needs (TLS, ICU).
        const bool measured = resetPeakRss();
        const qint64 rssBefore = statusKb("VmRSS");
        const ExportResult sjis = runExport({}, cp932Path, CsvEncoding::Cp932);
        const qint64 cp932Ms = timer.elapsed();
        const qint64 grownKb = peakRssKb() - rssBefore;
        QVERIFY2(sjis.ok(), qPrintable(sjis.errorText()));
        qInfo("exported %d payments: UTF-8 %lld ms, CP932 %lld ms, peak RSS %lld kB (%lld kB above the start of the export)",
              m_payments, utf8Ms, cp932Ms, peakRssKb(), grownKb);
        // The rows stream through: the memory an export takes does not grow with them (a
        // million rows as JSON would be some 250 MB; the CSV ~150 MB).
        if (measured && MemoryIsMeasurable)
            QVERIFY2(grownKb < 32 * 1024, qPrintable(QStringLiteral("%1 kB").arg(grownKb)));

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
        QCOMPARE(ids.size(), m_payments); // every payment exactly once across the stream
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

    // The columns chosen in the dialog, in their order, with English names: each row holds the
    // same payment's values as the full export, moved.
    void exportsTheChosenColumnsInTheirOrder()
    {
        PaymentQuery query;
        query.types = {QStringLiteral("03")};
        PaymentExporter exporter(&m_client);
        const QString path = m_dir.filePath(QStringLiteral("chosen.csv"));
        exporter.setQuery(query);
        exporter.setOutputPath(path);
        exporter.setFormat(ExportFormat::CsvUtf8);
        exporter.setEnglishHeader(true);
        exporter.setColumnOrder({PaymentExporter::AmountColumn, PaymentExporter::PaymentIdColumn});
        QSignalSpy finished(&exporter, &PaymentExporter::finished);
        exporter.start();
        QVERIFY(finished.wait(60000));
        const auto result = finished.first().first().value<ExportResult>();
        QVERIFY2(result.ok(), qPrintable(result.errorText()));
        const QList<QStringList> rows = records(decodeCsvText(readFile(path), CsvEncoding::Utf8));
        QCOMPARE(rows.size(), result.rows + 1);
        QCOMPARE(rows.first(), (QStringList{QStringLiteral("Amount"), QStringLiteral("Payment ID")}));
        // The same rows as the full export of the same search (cvs.csv, of the test before).
        const QList<QStringList> full = records(decodeCsvText(readFile(m_dir.filePath(QStringLiteral("cvs.csv"))), CsvEncoding::Cp932));
        QCOMPARE(full.size(), rows.size());
        for (qsizetype i = 1; i < rows.size(); ++i) {
            QCOMPARE(rows.at(i).size(), 2);
            QCOMPARE(rows.at(i).at(0), full.at(i).at(PaymentExporter::AmountColumn));
            QCOMPARE(rows.at(i).at(1), full.at(i).at(PaymentExporter::PaymentIdColumn));
        }
    }

    void cancelMidwayLeavesNoFile()
    {
        const QString path = m_dir.filePath(QStringLiteral("cancelled.csv"));
        PaymentExporter exporter(&m_client);
        exporter.setOutputPath(path);
        exporter.setEncoding(CsvEncoding::Cp932);
        exporter.setProgressStep(100);
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

    void exportsAnExcelWorkbook()
    {
        const ApiResult count = waitFor(m_client.countPayments({}));
        QVERIFY2(count.ok(), qPrintable(count.error.displayText()));
        const QString path = m_dir.filePath(QStringLiteral("all.xlsx"));
        PaymentExporter exporter(&m_client);
        exporter.setOutputPath(path);
        exporter.setFormat(ExportFormat::Xlsx);
        QSignalSpy finished(&exporter, &PaymentExporter::finished);
        exporter.start();
        QVERIFY(finished.wait(120000));
        const auto result = finished.first().first().value<ExportResult>();
        QVERIFY2(result.ok(), qPrintable(result.errorText()));
        QCOMPARE(result.rows, count.json.object().value(QLatin1String("total")).toInteger());
        QCOMPARE(result.rows, qint64(m_payments));
        QVERIFY(readFile(path).startsWith(QByteArray("PK\x03\x04", 4)));
        QVERIFY2(!leftovers(QStringLiteral("all.xlsx.")), "a temporary file was left behind");
    }

    // The button is hidden for a user without the `export` permission; the gateway refuses the
    // export anyway, and that refusal is said in words and leaves no file.
    void aUserWithoutTheExportPermissionIsRefused()
    {
        MerchantClient viewer;
        login(viewer, QStringLiteral("viewer"));
        QVERIFY(!viewer.user().can(QStringLiteral("export")));
        {
            SearchPage page(&viewer);
            auto *exportButton = page.findChild<QPushButton *>(QStringLiteral("exportButton"));
            QVERIFY(exportButton);
            QVERIFY(exportButton->isHidden());
        }
        const QString path = m_dir.filePath(QStringLiteral("viewer.csv"));
        PaymentExporter exporter(&viewer);
        exporter.setOutputPath(path);
        exporter.setFormat(ExportFormat::CsvUtf8Bom);
        QSignalSpy finished(&exporter, &PaymentExporter::finished);
        exporter.start();
        QVERIFY(finished.wait(30000));
        QTest::qWait(100);
        QCOMPARE(finished.size(), 1);
        const auto result = finished.first().first().value<ExportResult>();
        QCOMPARE(result.apiError.kind, ApiError::Kind::Permission);
        QCOMPARE(result.apiError.code, QStringLiteral("forbidden"));
        QCOMPARE(result.apiError.httpStatus, 403);
        QVERIFY(!result.apiError.requestId.isEmpty()); // to quote to support
        QCOMPARE(result.errorText(), result.apiError.displayText());
        QVERIFY2(result.errorText().contains(QStringLiteral("export")), qPrintable(result.errorText()));
        QCOMPARE(result.rows, qint64(0));
        QVERIFY(!QFile::exists(path));
        QVERIFY2(!leftovers(QStringLiteral("viewer")), "a temporary file was left behind");
        waitFor(viewer.logout());
    }

    // A user with the permission but not every view (staff: cards and コンビニ) exports what the
    // gateway lets them see, exactly as many as it counts for them.
    void staffExportsWhatTheyMayView()
    {
        MerchantClient staff;
        login(staff, QStringLiteral("staff"));
        const ApiResult count = waitFor(staff.countPayments({}));
        QVERIFY2(count.ok(), qPrintable(count.error.displayText()));
        const qint64 total = count.json.object().value(QLatin1String("total")).toInteger(-1);
        QVERIFY(total > 0 && total < m_payments);
        PaymentExporter exporter(&staff);
        const QString path = m_dir.filePath(QStringLiteral("staff.csv"));
        exporter.setOutputPath(path);
        exporter.setFormat(ExportFormat::CsvUtf8);
        QSignalSpy finished(&exporter, &PaymentExporter::finished);
        exporter.start();
        QVERIFY(finished.wait(120000));
        const auto result = finished.first().first().value<ExportResult>();
        QVERIFY2(result.ok(), qPrintable(result.errorText()));
        QCOMPARE(result.rows, total);
        const QList<QStringList> rows = records(decodeCsvText(readFile(path), CsvEncoding::Utf8));
        QCOMPARE(rows.size(), total + 1);
        const QSet<QString> allowed{PaymentCatalog::typeLabel(QStringLiteral("02")), PaymentCatalog::typeLabel(QStringLiteral("03"))};
        for (qsizetype i = 1; i < rows.size(); ++i)
            QVERIFY(allowed.contains(rows.at(i).at(PaymentExporter::TypeColumn)));
        waitFor(staff.logout());
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
            auto *dialog = qobject_cast<TableExportDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            fill.stop();
            QCOMPARE(dialog->objectName(), QStringLiteral("exportDialog"));
            auto *pathEdit = dialog->findChild<QLineEdit *>(QStringLiteral("exportPath"));
            auto *format = dialog->findChild<QComboBox *>(QStringLiteral("exportFormat"));
            QVERIFY(pathEdit && format);
            QVERIFY(pathEdit->text().endsWith(QStringLiteral(".csv")));
            QVERIFY(QFileInfo(pathEdit->text()).fileName().startsWith(QStringLiteral("payments_")));
            QCOMPARE(dialog->format(), ExportFormat::CsvUtf8Bom); // the default, as every export's
            // Every format the export engine writes is offered.
            for (ExportFormat offered : {ExportFormat::CsvUtf8Bom, ExportFormat::CsvCp932, ExportFormat::CsvUtf8, ExportFormat::Xlsx})
                QVERIFY(format->findData(int(offered)) >= 0);
            format->setCurrentIndex(format->findData(int(ExportFormat::Xlsx)));
            QVERIFY(pathEdit->text().endsWith(QStringLiteral(".xlsx"))); // the name follows the format
            pathEdit->setText(path);
            screenshot(dialog, QStringLiteral("export_dialog.png"));
            format->setCurrentIndex(format->findData(int(ExportFormat::CsvCp932)));
            QCOMPARE(dialog->format(), ExportFormat::CsvCp932);
            QCOMPARE(pathEdit->text(), path);
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
        const QList<QStringList> rows = records(decodeCsvText(readFile(path), CsvEncoding::Cp932));
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

    // Fault injection, last (it stops the gateway): the gateway is killed (SIGKILL) while an
    // export runs. The export fails with a message, and leaves no file under the chosen name nor
    // a temporary one; a search while the gateway is away says it cannot be reached. When the
    // gateway is back on its address, the same console, still signed in, searches and exports
    // again.
    void aGatewayKilledDuringAnExportLeavesNoFileAndComesBack()
    {
        const int port = m_gateway.url().port();
        const QString path = m_dir.filePath(QStringLiteral("killed.csv"));
        PaymentExporter exporter(&m_client);
        exporter.setOutputPath(path);
        exporter.setEncoding(CsvEncoding::Cp932);
        QSignalSpy finished(&exporter, &PaymentExporter::finished);
        exporter.start();
        m_gateway.kill(); // the export's requests are on their way, or about to be
        QVERIFY(finished.wait(60000));
        const auto result = finished.first().first().value<ExportResult>();
        QVERIFY(!result.ok());
        QVERIFY(!result.cancelled);
        qInfo("the export said: %s", qPrintable(result.errorText()));
        QVERIFY(!result.errorText().isEmpty());
        QVERIFY(!QFile::exists(path));
        QVERIFY2(!leftovers(QStringLiteral("killed")), "a temporary file was left behind");

        const ApiResult away = waitFor(m_client.countPayments({}));
        QVERIFY(!away.ok());
        // Refused, or (on a connection kept alive from before, or a slow sanitizer build where the
        // kill lands mid-handshake) closed: either way a connection-level error, not an answer.
        QVERIFY2(away.error.kind == ApiError::Kind::Connection || away.error.kind == ApiError::Kind::Tls,
                 qPrintable(away.error.displayText()));
        QVERIFY(!away.error.displayText().isEmpty());

        // Back on the same address (a second --listen wins over the fixture's port 0).
        QVERIFY2(m_gateway.restart({QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(port)}), qPrintable(m_gateway.error()));
        QCOMPARE(m_gateway.url().port(), port);
        const ApiResult back = waitFor(m_client.countPayments({}));
        QVERIFY2(back.ok(), qPrintable(back.error.displayText()));
        QCOMPARE(back.json.object().value(QLatin1String("total")).toInteger(), qint64(m_payments));
        const ExportResult again = runExport({}, path, CsvEncoding::Cp932);
        QVERIFY2(again.ok(), qPrintable(again.errorText()));
        QCOMPARE(again.rows, qint64(m_payments));
    }

private:
    ExportResult runExport(const PaymentQuery &query, const QString &path, CsvEncoding encoding, int progressStep = 1000,
                           QList<qint64> *totals = nullptr)
    {
        PaymentExporter exporter(&m_client);
        exporter.setQuery(query);
        exporter.setOutputPath(path);
        exporter.setEncoding(encoding);
        exporter.setProgressStep(progressStep);
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

    // KESSAI_SCREENSHOT_DIR=dir keeps pictures of the dialogs, to look at (as every test does).
    static void screenshot(QWidget *widget, const QString &name)
    {
        const QString dir = qEnvironmentVariable("KESSAI_SCREENSHOT_DIR");
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

    void setIdentity(MerchantClient &client, const QString &loginId = QStringLiteral("admin"))
    {
        const GatewayFixture::User user = m_gateway.user(loginId);
        const auto loaded = ClientIdentity::load(user.p12, user.p12Passphrase);
        QVERIFY2(loaded.ok(), qPrintable(loaded.message));
        client.setBaseUrl(m_gateway.url());
        client.setIdentity(loaded.identity, m_ca);
    }

    void login(MerchantClient &client, const QString &loginId = QStringLiteral("admin"))
    {
        setIdentity(client, loginId);
        const ApiResult result = waitFor(client.login(loginId, m_gateway.user(loginId).password));
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
