#include "gatewayfixture.h"

#include <QFile>
#include <QJsonArray>
#include <QMap>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

// kessaictl as a script would run it: connection and secrets from the environment, exit codes
// that say what went wrong.
class TestE2eKessaictl : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_gateway.start(500, 5), qPrintable(m_gateway.error()));
        QVERIFY(m_home.isValid());
    }

    void listsPaymentsAsATable()
    {
        const auto [rc, out, err] = run({QStringLiteral("payments"), QStringLiteral("list"), QStringLiteral("--trading-id"),
                                         QStringLiteral("paygent03")});
        QVERIFY2(rc == 0, err.constData());
        QVERIFY(out.contains("paygent03"));
        QVERIFY(out.contains("12,000"));
        QVERIFY(!out.contains(m_gateway.user(QStringLiteral("admin")).password.toUtf8()));
    }

    void listsJsonWithTheLimitAndFilters()
    {
        const auto [rc, out, err] = run({QStringLiteral("payments"), QStringLiteral("list"), QStringLiteral("--type"),
                                         QStringLiteral("02"), QStringLiteral("--status"), QStringLiteral("20,40"),
                                         QStringLiteral("--limit"), QStringLiteral("1500"), QStringLiteral("--json")});
        QVERIFY2(rc == 0, err.constData());
        const QJsonObject doc = QJsonDocument::fromJson(out).object();
        const QJsonArray items = doc.value(QLatin1String("items")).toArray();
        QCOMPARE(qint64(items.size()), doc.value(QLatin1String("total")).toInteger());
        QVERIFY(!items.isEmpty());
        for (const QJsonValue &v : items) {
            QCOMPARE(v.toObject().value(QLatin1String("type")).toString(), QStringLiteral("02"));
            const int status = v.toObject().value(QLatin1String("status")).toInt();
            QVERIFY(status == 20 || status == 40);
        }
        const auto [rc2, out2, err2] = run({QStringLiteral("payments"), QStringLiteral("list"), QStringLiteral("--limit"),
                                            QStringLiteral("7"), QStringLiteral("--json")});
        QCOMPARE(rc2, 0);
        QCOMPARE(QJsonDocument::fromJson(out2).object().value(QLatin1String("items")).toArray().size(), 7);
    }

    // Every payment of a filter to a file, through the console's exporter and the gateway's
    // streamed export: as many rows as the list counts, CSV or a workbook.
    void exportsPayments()
    {
        const QStringList filter{QStringLiteral("--type"), QStringLiteral("02"), QStringLiteral("--status"), QStringLiteral("20,40")};
        const auto [rc, out, err] = run(QStringList{QStringLiteral("payments"), QStringLiteral("list")} + filter
                                        + QStringList{QStringLiteral("--limit"), QStringLiteral("1"), QStringLiteral("--json")});
        QVERIFY2(rc == 0, err.constData());
        const qint64 total = QJsonDocument::fromJson(out).object().value(QLatin1String("total")).toInteger(-1);
        QVERIFY(total > 0);

        const QString csv = m_home.filePath(QStringLiteral("payments.csv"));
        const QStringList exportCommand{QStringLiteral("payments"), QStringLiteral("export")};
        const auto [rc2, out2, err2] = run(exportCommand + filter + QStringList{QStringLiteral("--out"), csv});
        QVERIFY2(rc2 == 0, err2.constData());
        QVERIFY2(out2.contains(QByteArray::number(total)), out2.constData());
        QFile csvFile(csv);
        QVERIFY(csvFile.open(QIODevice::ReadOnly));
        const QByteArray csvBytes = csvFile.readAll();
        QVERIFY(csvBytes.startsWith("\xEF\xBB\xBF")); // UTF-8 with a BOM unless told otherwise
        QCOMPARE(qint64(csvBytes.count("\r\n")), total + 1);

        // --columns by name in either language or by number, in that order; the header in Japanese.
        const QString chosen = m_home.filePath(QStringLiteral("payments_columns.csv"));
        const auto [rcColumns, outColumns, errColumns] =
            run(exportCommand + filter
                    + QStringList{QStringLiteral("--columns"), QStringLiteral("決済金額, trading-id,2"), QStringLiteral("--out"), chosen},
                {{QStringLiteral("KESSAI_LANG"), QStringLiteral("ja")}});
        QVERIFY2(rcColumns == 0, errColumns.constData());
        QFile chosenFile(chosen);
        QVERIFY(chosenFile.open(QIODevice::ReadOnly));
        const QList<QByteArray> chosenLines = chosenFile.readAll().mid(3).split('\n');
        chosenFile.close();
        const QList<QByteArray> fullLines = csvBytes.mid(3).split('\n');
        QCOMPARE(chosenLines.size(), fullLines.size());
        QCOMPARE(chosenLines.first().trimmed(), QStringLiteral("決済金額,取引ID,決済ID").toUtf8());
        for (qsizetype i = 1; i < fullLines.size(); ++i) {
            const QList<QByteArray> full = fullLines.at(i).trimmed().split(',');
            if (full.size() < 3)
                continue;
            QCOMPARE(chosenLines.at(i).trimmed(), full.last() + ',' + full.at(0) + ',' + full.at(1));
        }
        // The same with English column names asked for.
        const auto [rcEnglish, outEnglish, errEnglish] =
            run(exportCommand + filter
                    + QStringList{QStringLiteral("--columns"), QStringLiteral("9,1"), QStringLiteral("--english-header"),
                                  QStringLiteral("--out"), chosen},
                {{QStringLiteral("KESSAI_LANG"), QStringLiteral("ja")}});
        QVERIFY2(rcEnglish == 0, errEnglish.constData());
        QVERIFY(chosenFile.open(QIODevice::ReadOnly));
        QVERIFY(chosenFile.readAll().mid(3).startsWith("Amount,Trading ID\r\n"));
        chosenFile.close();
        // An unknown or twice-named column is a usage error that lists the columns; no file.
        const QString none = m_home.filePath(QStringLiteral("none.csv"));
        const auto [rcUnknown, outUnknown, errUnknown] =
            run(exportCommand + QStringList{QStringLiteral("--columns"), QStringLiteral("trading_id,colour"), QStringLiteral("--out"), none});
        QCOMPARE(rcUnknown, 2);
        QVERIFY2(errUnknown.contains("colour") && errUnknown.contains("9 Amount"), errUnknown.constData());
        QCOMPARE(std::get<0>(run(exportCommand + QStringList{QStringLiteral("--columns"), QStringLiteral("1,Trading ID"),
                                                             QStringLiteral("--out"), none})),
                 2);
        QCOMPARE(std::get<0>(run(exportCommand + QStringList{QStringLiteral("--columns"), QStringLiteral("10"),
                                                             QStringLiteral("--out"), none})),
                 2);
        QCOMPARE(std::get<0>(run({QStringLiteral("payments"), QStringLiteral("list"), QStringLiteral("--columns"),
                                  QStringLiteral("1")})),
                 2);
        QVERIFY(!QFile::exists(none));

        const QString cp932 = m_home.filePath(QStringLiteral("payments_sjis.csv"));
        const auto [rc3, out3, err3] = run(exportCommand + filter
                                           + QStringList{QStringLiteral("--encoding"), QStringLiteral("cp932"),
                                                         QStringLiteral("--out"), cp932});
        QVERIFY2(rc3 == 0, err3.constData());
        QFile cp932File(cp932);
        QVERIFY(cp932File.open(QIODevice::ReadOnly));
        const QByteArray cp932Bytes = cp932File.readAll();
        QVERIFY(!cp932Bytes.startsWith("\xEF\xBB\xBF"));
        QCOMPARE(qint64(cp932Bytes.count("\r\n")), total + 1);

        // --format xlsx, whatever the name; or the name's extension says it.
        const QString workbook = m_home.filePath(QStringLiteral("payments.data"));
        const auto [rc4, out4, err4] = run(exportCommand + filter
                                           + QStringList{QStringLiteral("--format"), QStringLiteral("xlsx"),
                                                         QStringLiteral("--out"), workbook});
        QVERIFY2(rc4 == 0, err4.constData());
        QVERIFY2(out4.contains(QByteArray::number(total)), out4.constData());
        QFile workbookFile(workbook);
        QVERIFY(workbookFile.open(QIODevice::ReadOnly) && workbookFile.read(4) == QByteArray("PK\x03\x04", 4));
        const QString byName = m_home.filePath(QStringLiteral("payments.xlsx"));
        const auto [rc5, out5, err5] = run(exportCommand + QStringList{QStringLiteral("--out"), byName});
        QVERIFY2(rc5 == 0, err5.constData());
        QFile byNameFile(byName);
        QVERIFY(byNameFile.open(QIODevice::ReadOnly) && byNameFile.read(4) == QByteArray("PK\x03\x04", 4));

        // Usage errors before any connection.
        QCOMPARE(std::get<0>(run(exportCommand)), 2);
        QCOMPARE(std::get<0>(run(exportCommand + QStringList{QStringLiteral("--format"), QStringLiteral("pdf"),
                                                             QStringLiteral("--out"), csv})),
                 2);
        QCOMPARE(std::get<0>(run(exportCommand + QStringList{QStringLiteral("--encoding"), QStringLiteral("sjis"),
                                                             QStringLiteral("--out"), csv})),
                 2);
        QCOMPARE(std::get<0>(run(exportCommand + QStringList{QStringLiteral("--limit"), QStringLiteral("5"),
                                                             QStringLiteral("--out"), csv})),
                 2);
        QCOMPARE(std::get<0>(run(exportCommand + QStringList{QStringLiteral("--status"), QStringLiteral("99"),
                                                             QStringLiteral("--out"), csv})),
                 2);

        // The viewer may not export (exit 4, no file); staff may.
        const QString refused = m_home.filePath(QStringLiteral("viewer.csv"));
        const auto [rc6, out6, err6] = run(exportCommand + QStringList{QStringLiteral("--out"), refused},
                                           as(QStringLiteral("viewer")));
        QCOMPARE(rc6, 4);
        QVERIFY2(err6.contains("export"), err6.constData());
        QVERIFY(!QFile::exists(refused));
        const QString staffFile = m_home.filePath(QStringLiteral("staff.csv"));
        const auto [rc7, out7, err7] = run(exportCommand + QStringList{QStringLiteral("--out"), staffFile},
                                           as(QStringLiteral("staff")));
        QVERIFY2(rc7 == 0, err7.constData());
        QVERIFY(QFile::exists(staffFile));
    }

    // The accountant's scheduled job: list the statements, export one and its lines.
    void exportsStatements()
    {
        const auto [rc, out, err] = run({QStringLiteral("statements"), QStringLiteral("list"), QStringLiteral("--json")});
        QVERIFY2(rc == 0, err.constData());
        const QJsonArray statements = QJsonDocument::fromJson(out).object().value(QLatin1String("items")).toArray();
        QVERIFY(!statements.isEmpty());
        QJsonObject withLines;
        for (const QJsonValue &value : statements) {
            if (value.toObject().value(QLatin1String("line_count")).toInteger() > 0) {
                withLines = value.toObject();
                break;
            }
        }
        QVERIFY(!withLines.isEmpty());
        const QString id = withLines.value(QLatin1String("statement_id")).toString();
        const QString summary = m_home.filePath(QStringLiteral("summary.csv"));
        const auto [rc2, out2, err2] = run({QStringLiteral("statement"), QStringLiteral("export"), QStringLiteral("--id"), id,
                                            QStringLiteral("--encoding"), QStringLiteral("cp932"), QStringLiteral("--out"), summary});
        QVERIFY2(rc2 == 0, err2.constData());
        QFile summaryFile(summary);
        QVERIFY(summaryFile.open(QIODevice::ReadOnly));
        const QByteArray summaryBytes = summaryFile.readAll();
        QVERIFY(!summaryBytes.startsWith("\xEF\xBB\xBF")); // CP932 has no BOM
        QVERIFY(summaryBytes.contains(QByteArray::number(withLines.value(QLatin1String("payout")).toInteger())));

        const QString lines = m_home.filePath(QStringLiteral("lines.csv"));
        const auto [rc3, out3, err3] = run({QStringLiteral("statement"), QStringLiteral("export"), QStringLiteral("--id"), id,
                                            QStringLiteral("--lines"), QStringLiteral("--out"), lines});
        QVERIFY2(rc3 == 0, err3.constData());
        QFile linesFile(lines);
        QVERIFY(linesFile.open(QIODevice::ReadOnly));
        const QByteArray linesBytes = linesFile.readAll();
        QVERIFY(linesBytes.startsWith("\xEF\xBB\xBF"));
        QVERIFY(linesBytes.mid(3).startsWith("Time,Trading ID,Payment ID")); // KESSAI_LANG=en
        QCOMPARE(linesBytes.count("\r\n"), withLines.value(QLatin1String("line_count")).toInteger() + 1);

        // The lines' columns chosen: 取引ID and the amount, in the file's order.
        const QString fewer = m_home.filePath(QStringLiteral("lines_fewer.csv"));
        const auto [rcFewer, outFewer, errFewer] = run({QStringLiteral("statement"), QStringLiteral("export"), QStringLiteral("--id"), id,
                                                        QStringLiteral("--lines"), QStringLiteral("--columns"),
                                                        QStringLiteral("trading_id,amount"), QStringLiteral("--out"), fewer});
        QVERIFY2(rcFewer == 0, errFewer.constData());
        QFile fewerFile(fewer);
        QVERIFY(fewerFile.open(QIODevice::ReadOnly));
        const QByteArray fewerBytes = fewerFile.readAll();
        QVERIFY2(fewerBytes.mid(3).startsWith("Trading ID,Amount\r\n"), fewerBytes.left(200).constData());
        QCOMPARE(fewerBytes.count("\r\n"), linesBytes.count("\r\n"));
        QCOMPARE(std::get<0>(run({QStringLiteral("statement"), QStringLiteral("export"), QStringLiteral("--id"), id,
                                  QStringLiteral("--columns"), QStringLiteral("1"), QStringLiteral("--out"),
                                  m_home.filePath(QStringLiteral("y.pdf"))})),
                 2);

        const QString xlsx = m_home.filePath(QStringLiteral("lines.xlsx"));
        const auto [rc4, out4, err4] = run({QStringLiteral("statement"), QStringLiteral("export"), QStringLiteral("--id"), id,
                                            QStringLiteral("--lines"), QStringLiteral("--out"), xlsx});
        QVERIFY2(rc4 == 0, err4.constData());
        QFile xlsxFile(xlsx);
        QVERIFY(xlsxFile.open(QIODevice::ReadOnly) && xlsxFile.read(4) == QByteArray("PK\x03\x04", 4));

        // 支払明細書 as the console prints it, from a job with no display: A4, fonts embedded.
        const QString pdfPath = m_home.filePath(QStringLiteral("statement.pdf"));
        const auto [rcPdf, outPdf, errPdf] = run({QStringLiteral("statement"), QStringLiteral("export"), QStringLiteral("--id"), id,
                                                  QStringLiteral("--out"), pdfPath},
                                                 {{QStringLiteral("QT_QPA_PLATFORM"), QString()},
                                                  {QStringLiteral("DISPLAY"), QString()},
                                                  {QStringLiteral("WAYLAND_DISPLAY"), QString()}});
        QVERIFY2(rcPdf == 0, errPdf.constData());
        QVERIFY2(outPdf.contains(id.toUtf8()) && outPdf.contains("statement.pdf"), outPdf.constData());
        QFile pdfFile(pdfPath);
        QVERIFY(pdfFile.open(QIODevice::ReadOnly));
        const QByteArray pdf = pdfFile.readAll();
        QVERIFY(pdf.startsWith("%PDF-"));
        QVERIFY(pdf.contains("/FontFile"));
        QVERIFY2(pdf.contains("/MediaBox [0 0 595") || pdf.contains("/MediaBox [0 0 594"), pdf.left(2000).constData());
        // The document's metadata, as Qt writes it (UTF-16BE): made by Kessai.
        QVERIFY(pdf.contains(QByteArray("\xFE\xFF\0K\0e\0s\0s\0a\0i", 14)));
        // --format pdf names it whatever the file is called.
        const QString pdfByFormat = m_home.filePath(QStringLiteral("statement.out"));
        const auto [rcPdf2, outPdf2, errPdf2] = run({QStringLiteral("statement"), QStringLiteral("export"), QStringLiteral("--id"), id,
                                                     QStringLiteral("--format"), QStringLiteral("pdf"), QStringLiteral("--out"),
                                                     pdfByFormat});
        QVERIFY2(rcPdf2 == 0, errPdf2.constData());
        QFile pdfByFormatFile(pdfByFormat);
        QVERIFY(pdfByFormatFile.open(QIODevice::ReadOnly) && pdfByFormatFile.read(5) == "%PDF-");
        pdfByFormatFile.close();
        // The same written as --format=pdf.
        QVERIFY(QFile::remove(pdfByFormat));
        const auto [rcPdf3, outPdf3, errPdf3] = run({QStringLiteral("statement"), QStringLiteral("export"), QStringLiteral("--id"), id,
                                                     QStringLiteral("--format=pdf"), QStringLiteral("--out=") + pdfByFormat});
        QVERIFY2(rcPdf3 == 0, errPdf3.constData());
        QVERIFY(pdfByFormatFile.open(QIODevice::ReadOnly) && pdfByFormatFile.read(5) == "%PDF-");

        // 消込 from a script: a ledger of every line's trading ID reconciles, exit 0 only when all match.
        QMap<QString, qint64> net;
        QList<QByteArray> records = linesBytes.mid(3).split('\n');
        for (qsizetype i = 1; i < records.size(); ++i) {
            const QList<QByteArray> fields = records.at(i).trimmed().split(',');
            if (fields.size() >= 7)
                net[QString::fromUtf8(fields.at(1))] += fields.at(6).toLongLong();
        }
        QByteArray ledgerCsv = "order_id,total\r\n";
        for (auto it = net.cbegin(); it != net.cend(); ++it)
            ledgerCsv += it.key().toUtf8() + ',' + QByteArray::number(it.value()) + "\r\n";
        const QString ledgerPath = m_home.filePath(QStringLiteral("ledger.csv"));
        QFile ledgerFile(ledgerPath);
        QVERIFY(ledgerFile.open(QIODevice::WriteOnly));
        ledgerFile.write(ledgerCsv);
        ledgerFile.close();
        const QString report = m_home.filePath(QStringLiteral("reconcile.csv"));
        const auto [rc5, out5, err5] = run({QStringLiteral("reconcile"), QStringLiteral("--ledger"), ledgerPath,
                                            QStringLiteral("--statement"), id, QStringLiteral("--out"), report});
        // Every trading ID of the statement with its netted amount: all matched unless one
        // trading ID holds two payments (then those are duplicates, exit 1).
        QVERIFY2(rc5 == 0 || (rc5 == 1 && out5.contains("duplicate\t") && !out5.contains("duplicate\t0")), out5.constData());
        QVERIFY(out5.contains("not_paid\t0"));
        QVERIFY(out5.contains("amount_differs\t0"));
        ledgerFile.open(QIODevice::Append);
        ledgerFile.write("NO_SUCH_ORDER,1000\r\n");
        ledgerFile.close();
        const auto [rc6, out6, err6] = run({QStringLiteral("reconcile"), QStringLiteral("--ledger"), ledgerPath,
                                            QStringLiteral("--statement"), id, QStringLiteral("--out"), report});
        QCOMPARE(rc6, 1);
        QVERIFY(out6.contains("not_paid\t1"));
        QFile reportFile(report);
        QVERIFY(reportFile.open(QIODevice::ReadOnly));
        QVERIFY(reportFile.readAll().contains("NO_SUCH_ORDER,not_paid,1000"));

        // Usage errors before any connection; the staff user may not read statements (4).
        QCOMPARE(std::get<0>(run({QStringLiteral("statement"), QStringLiteral("export"), QStringLiteral("--id"), id})), 2);
        QCOMPARE(std::get<0>(run({QStringLiteral("statement"), QStringLiteral("export"), QStringLiteral("--id"), id,
                                  QStringLiteral("--lines"), QStringLiteral("--format"), QStringLiteral("pdf"),
                                  QStringLiteral("--out"), lines})),
                 2);
        QCOMPARE(std::get<0>(run({QStringLiteral("statement"), QStringLiteral("export"), QStringLiteral("--id"), id,
                                  QStringLiteral("--encoding"), QStringLiteral("cp932"), QStringLiteral("--out"),
                                  m_home.filePath(QStringLiteral("x.pdf"))})),
                 2);
        QVERIFY(!QFile::exists(m_home.filePath(QStringLiteral("x.pdf"))));
        QCOMPARE(std::get<0>(run({QStringLiteral("reconcile"), QStringLiteral("--ledger"), ledgerPath})), 2);
        QCOMPARE(std::get<0>(run({QStringLiteral("reconcile"), QStringLiteral("--ledger"), ledgerPath, QStringLiteral("--from"),
                                  QStringLiteral("2026/13/01"), QStringLiteral("--to"), QStringLiteral("2026/12/01"),
                                  QStringLiteral("--out"), report})),
                 2);
        // Against the payments cleared in a range: the ledger's orders are in it or not paid.
        const auto [rc7, out7, err7] = run({QStringLiteral("reconcile"), QStringLiteral("--ledger"), ledgerPath,
                                            QStringLiteral("--from"), QStringLiteral("2000/01/01"), QStringLiteral("--to"),
                                            QStringLiteral("2000/01/31"), QStringLiteral("--out"), report});
        QCOMPARE(rc7, 1);
        QVERIFY2(out7.contains(QByteArray(QByteArray("not_paid\t") + QByteArray::number(net.size() + 1))), out7.constData());
        const GatewayFixture::User staff = m_gateway.user(QStringLiteral("staff"));
        QCOMPARE(std::get<0>(run({QStringLiteral("statements"), QStringLiteral("list")},
                                 {{QStringLiteral("KESSAI_P12"), staff.p12},
                                  {QStringLiteral("KESSAI_P12_PASSPHRASE"), staff.p12Passphrase},
                                  {QStringLiteral("KESSAI_LOGIN_ID"), staff.loginId},
                                  {QStringLiteral("KESSAI_PASSWORD"), staff.password}})),
                 4);
    }

    void exitCodesSayWhatWentWrong()
    {
        QCOMPARE(std::get<0>(run({QStringLiteral("payments"), QStringLiteral("fly")})), 2);
        QCOMPARE(std::get<0>(run({QStringLiteral("payments"), QStringLiteral("list"), QStringLiteral("--status"),
                                  QStringLiteral("99")})),
                 2);
        QCOMPARE(std::get<0>(run({QStringLiteral("payments"), QStringLiteral("list")},
                                 {{QStringLiteral("KESSAI_PASSWORD"), QStringLiteral("wrong-password-9")}})),
                 4);
        QCOMPARE(std::get<0>(run({QStringLiteral("payments"), QStringLiteral("list")},
                                 {{QStringLiteral("KESSAI_P12_PASSPHRASE"), QStringLiteral("wrong")}})),
                 4);
        QUrl plain = m_gateway.url();
        plain.setScheme(QStringLiteral("http"));
        QCOMPARE(std::get<0>(run({QStringLiteral("payments"), QStringLiteral("list")},
                                 {{QStringLiteral("KESSAI_URL"), plain.toString()}})),
                 2);
        QUrl closed = m_gateway.url();
        closed.setPort(1);
        QCOMPARE(std::get<0>(run({QStringLiteral("payments"), QStringLiteral("list")},
                                 {{QStringLiteral("KESSAI_URL"), closed.toString()}})),
                 3);
    }

private:
    // The environment of another demo user.
    QList<std::pair<QString, QString>> as(const QString &loginId) const
    {
        const GatewayFixture::User user = m_gateway.user(loginId);
        return {{QStringLiteral("KESSAI_P12"), user.p12},
                {QStringLiteral("KESSAI_P12_PASSPHRASE"), user.p12Passphrase},
                {QStringLiteral("KESSAI_LOGIN_ID"), user.loginId},
                {QStringLiteral("KESSAI_PASSWORD"), user.password}};
    }

    std::tuple<int, QByteArray, QByteArray> run(const QStringList &args, const QList<std::pair<QString, QString>> &overrides = {})
    {
        const GatewayFixture::User admin = m_gateway.user(QStringLiteral("admin"));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), m_home.path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.path());
        env.insert(QStringLiteral("KESSAI_LANG"), QStringLiteral("en"));
        env.insert(QStringLiteral("KESSAI_URL"), m_gateway.url().toString());
        env.insert(QStringLiteral("KESSAI_CA"), m_gateway.caPath());
        env.insert(QStringLiteral("KESSAI_P12"), admin.p12);
        env.insert(QStringLiteral("KESSAI_P12_PASSPHRASE"), admin.p12Passphrase);
        env.insert(QStringLiteral("KESSAI_LOGIN_ID"), admin.loginId);
        env.insert(QStringLiteral("KESSAI_PASSWORD"), admin.password);
        for (const auto &[key, value] : overrides)
            env.insert(key, value);
        QProcess p;
        p.setProcessEnvironment(env);
        p.setStandardInputFile(QProcess::nullDevice());
        p.start(QStringLiteral(KESSAI_CTL_BIN), args);
        if (!p.waitForFinished(180000)) // generous: sanitizer builds are slow
            return {-1, {}, "timeout"};
        return {p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
    }

    GatewayFixture m_gateway;
    QTemporaryDir m_home;
};

QTEST_GUILESS_MAIN(TestE2eKessaictl)
#include "tst_e2e_kessaictl.moc"
