#include "bulk/bulkfile.h"

#include <QBuffer>
#include <QTemporaryDir>
#include <QTest>

using namespace kessai;
using Kind = PaymentAction::Kind;

Q_DECLARE_METATYPE(std::optional<kessai::PaymentAction::Kind>)

namespace {

QByteArray utf8(const char16_t *text)
{
    return QString::fromUtf16(text).toUtf8();
}

QByteArray cp932(const QList<QStringList> &rows)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    CsvWriter::Options options;
    options.encoding = CsvEncoding::Cp932;
    options.neutraliseFormulas = false;
    CsvWriter writer(&buffer, options);
    for (const QStringList &row : rows) {
        if (writer.writeRow(row).isError())
            qWarning("cannot write CP932");
    }
    return buffer.data();
}

// "LINE: message" of every error, to compare lines and spot the words that matter.
QStringList errorLines(const BulkFile &f)
{
    QStringList out;
    for (const BulkFileError &e : f.errors())
        out.append(QString::number(e.line) + QStringLiteral(": ") + e.message);
    return out;
}

QList<int> lineNumbersOfErrors(const BulkFile &f)
{
    QList<int> lines;
    for (const BulkFileError &e : f.errors())
        lines.append(e.line);
    return lines;
}

} // namespace

// A bulk capture / cancel file read and checked line by line before anything can be sent.
class TestBulkFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsJapaneseHeadersInCp932()
    {
        const QByteArray bytes = cp932({{QStringLiteral(u"決済ID"), QStringLiteral(u"処理区分"), QStringLiteral(u"金額")},
                                        {QStringLiteral("100000000000000001"), QStringLiteral(u"売上"), QStringLiteral("1,000")},
                                        {QStringLiteral("100000000000000002"), QStringLiteral(u"取消"), QString()},
                                        {QStringLiteral(u"１００００００００００００００００３"), QStringLiteral(u"売上"), QString()}});
        const BulkFile f = BulkFile::parse(bytes, QStringLiteral("captures.csv"));
        QVERIFY2(f.isClean(), qPrintable(errorLines(f).join(u'\n')));
        QCOMPARE(f.encoding(), CsvEncoding::Cp932);
        QCOMPARE(f.lines().size(), 3);
        QCOMPARE(f.count(Kind::Capture), 2);
        QCOMPARE(f.count(Kind::Cancel), 1);
        const QList<PaymentActionItem> captures = f.items(Kind::Capture);
        QCOMPARE(captures[0].paymentId, QStringLiteral("100000000000000001"));
        QCOMPARE(captures[0].amount, Yen(1000));
        QCOMPARE(captures[1].paymentId, QStringLiteral("100000000000000003")); // full-width digits
        QCOMPARE(captures[1].amount, Yen(0));
        QCOMPARE(f.lineNumbers(Kind::Capture), (QList<int>{2, 4}));
        QCOMPARE(f.lineNumbers(Kind::Cancel), QList<int>{3});
        QVERIFY(!f.needsResolving());
    }

    void readsApiHeadersInUtf8AndKeepsTradingIds()
    {
        const BulkFile f = BulkFile::parse(QByteArray("\xEF\xBB\xBF" "Trading_ID,Action,AMOUNT\r\nORD_1,capture,500\r\n"
                                                      "ORD_2,Cancel,\r\n"),
                                           QStringLiteral("x.csv"));
        QVERIFY2(f.isClean(), qPrintable(errorLines(f).join(u'\n')));
        QCOMPARE(f.encoding(), CsvEncoding::Utf8Bom);
        QCOMPARE(f.lines().size(), 2);
        QCOMPARE(f.lines()[0].tradingId, QStringLiteral("ORD_1"));
        QVERIFY(f.lines()[0].paymentId.isEmpty());
        QCOMPARE(f.lines()[1].kind, Kind::Cancel);
        QVERIFY(f.needsResolving());
    }

    void fixedActionMakesTheColumnOptional()
    {
        const BulkFile f = BulkFile::parse(QByteArray("payment_id\n1\n2\n"), QStringLiteral("x.csv"), Kind::Cancel);
        QVERIFY(f.isClean());
        QCOMPARE(f.count(Kind::Cancel), 2);
        const BulkFile without = BulkFile::parse(QByteArray("payment_id\n1\n"), QStringLiteral("x.csv"));
        QCOMPARE(lineNumbersOfErrors(without), QList<int>{1});
        QVERIFY(without.errors()[0].message.contains(QStringLiteral(u"処理区分")));
    }

    void reportsEveryBrokenLineWithItsNumber_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<std::optional<Kind>>("fixed");
        QTest::addColumn<QList<int>>("lines");
        QTest::addColumn<QString>("words"); // in the first error's message
        const std::optional<Kind> none;
        QTest::newRow("unknown action") << utf8(u"決済ID,処理区分\n1,売上\n2,返品\n") << none << QList<int>{3} << QStringLiteral(u"返品");
        QTest::newRow("empty action without a fixed one") << utf8(u"決済ID,処理区分\n1,\n") << none << QList<int>{2}
                                                          << QStringLiteral(u"処理区分");
        QTest::newRow("action against the command")
            << utf8(u"決済ID,処理区分\n1,売上\n2,取消\n") << std::optional<Kind>(Kind::Capture) << QList<int>{3}
            << QStringLiteral(u"取消");
        QTest::newRow("bad amounts") << QByteArray("payment_id,amount\n1,0\n2,-5\n3,1.5\n4,abc\n5,1,00\n6,10000000\n7,9999999\n")
                                     << std::optional<Kind>(Kind::Capture) << QList<int>{2, 3, 4, 5, 6, 7}
                                     << QStringLiteral("\"0\"");
        QTest::newRow("missing id") << QByteArray("payment_id,trading_id,amount\n1,,\n,,500\n,T1,\n") << std::optional<Kind>(Kind::Capture)
                                    << QList<int>{3} << QStringLiteral("payment_id");
        QTest::newRow("malformed ids") << QByteArray("payment_id,trading_id\n12a,\n1234567890123456789,\n,ORD-1\n,ORD*\n")
                                       << std::optional<Kind>(Kind::Capture) << QList<int>{2, 3, 4, 5}
                                       << QStringLiteral("12a");
        QTest::newRow("duplicate payment") << QByteArray("payment_id\n1\n2\n1\n") << std::optional<Kind>(Kind::Capture)
                                           << QList<int>{4} << QStringLiteral("line 2");
        QTest::newRow("duplicate trading id") << QByteArray("trading_id\nA\nB\nA\n") << std::optional<Kind>(Kind::Capture)
                                              << QList<int>{4} << QStringLiteral("line 2");
        QTest::newRow("unknown header") << QByteArray("payment_id,memo\n1,x\n") << std::optional<Kind>(Kind::Capture)
                                        << QList<int>{1} << QStringLiteral("memo");
        QTest::newRow("header twice") << utf8(u"決済ID,payment_id\n1,1\n") << std::optional<Kind>(Kind::Capture)
                                      << QList<int>{1} << QStringLiteral("payment_id");
        QTest::newRow("no id column") << QByteArray("action,amount\ncapture,1\n") << none << QList<int>{1}
                                      << QStringLiteral("trading_id");
        QTest::newRow("too many fields") << QByteArray("payment_id\n1,2\n3,\n") << std::optional<Kind>(Kind::Capture)
                                         << QList<int>{2} << QStringLiteral("2");
        QTest::newRow("stray quote, then a good line") << QByteArray("payment_id\n1\"2\n3\n") << std::optional<Kind>(Kind::Capture)
                                                       << QList<int>{2} << QStringLiteral("quote");
        QTest::newRow("broken header is not skipped as blank") << QByteArray("\n\"\npayment_id\n1\n") << none
                                                               << QList<int>{2} << QStringLiteral("never closed");
        QTest::newRow("empty file") << QByteArray("\n\n") << none << QList<int>{0} << QStringLiteral("empty");
        QTest::newRow("header only") << QByteArray("payment_id\n") << std::optional<Kind>(Kind::Capture) << QList<int>{0}
                                     << QStringLiteral("header");
        QTest::newRow("a line break inside quotes counts") << QByteArray("payment_id,amount\n1,\"1\n000\"\n2,x\n")
                                                            << std::optional<Kind>(Kind::Capture) << QList<int>{2, 4}
                                                            << QStringLiteral("amount");
    }
    void reportsEveryBrokenLineWithItsNumber()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(std::optional<Kind>, fixed);
        QFETCH(QList<int>, lines);
        QFETCH(QString, words);
        const BulkFile f = BulkFile::parse(bytes, QStringLiteral("f.csv"), fixed);
        QCOMPARE(lineNumbersOfErrors(f), lines);
        QVERIFY2(f.errors().first().message.contains(words), qPrintable(errorLines(f).join(u'\n')));
        QVERIFY(!f.isClean());
    }

    void acceptsAmountsAsSpreadsheetsWriteThem_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("yen"); // 0: refused
        QTest::newRow("plain") << QStringLiteral("1000") << qint64(1000);
        QTest::newRow("grouped") << QStringLiteral("1,000") << qint64(1000);
        QTest::newRow("grouped millions") << QStringLiteral("9,999,999") << qint64(9999999);
        QTest::newRow("yen sign") << QStringLiteral(u"¥1,200") << qint64(1200);
        QTest::newRow("en suffix") << QStringLiteral(u"1200円") << qint64(1200);
        QTest::newRow("full width") << QStringLiteral(u"１，２００") << qint64(1200);
        QTest::newRow("spaces") << QStringLiteral(" 500 ") << qint64(500);
        QTest::newRow("bad grouping") << QStringLiteral("1,00") << qint64(0);
        QTest::newRow("decimal") << QStringLiteral("100.0") << qint64(0);
        QTest::newRow("zero") << QStringLiteral("0") << qint64(0);
        QTest::newRow("negative") << QStringLiteral("-100") << qint64(0);
        QTest::newRow("too large") << QStringLiteral("10,000,000") << qint64(0);
        QTest::newRow("huge") << QStringLiteral("99999999999999999999") << qint64(0);
        QTest::newRow("exponent") << QStringLiteral("1e3") << qint64(0);
    }
    void acceptsAmountsAsSpreadsheetsWriteThem()
    {
        QFETCH(QString, text);
        QFETCH(qint64, yen);
        const std::optional<Yen> amount = BulkFile::parseAmount(text);
        QCOMPARE(amount.value_or(0), yen);
    }

    void skipsBlankLinesAndTrailingHeaderComma()
    {
        const BulkFile f = BulkFile::parse(QByteArray("payment_id,\n\n,\n1,\n , \n2\n"), QStringLiteral("f.csv"), Kind::Capture);
        QVERIFY2(f.isClean(), qPrintable(errorLines(f).join(u'\n')));
        QCOMPARE(f.lineNumbers(Kind::Capture), (QList<int>{4, 6}));
    }

    void theSameBytesAreTheSameSourceWhateverTheName()
    {
        const QByteArray bytes("payment_id\n1\n");
        const BulkFile a = BulkFile::parse(bytes, QStringLiteral("a.csv"), Kind::Capture);
        const BulkFile b = BulkFile::parse(bytes, QStringLiteral("b.csv"), Kind::Capture);
        const BulkFile c = BulkFile::parse(bytes + "2\n", QStringLiteral("a.csv"), Kind::Capture);
        QCOMPARE(a.sha256().size(), 64);
        QCOMPARE(a.sha256(), b.sha256());
        QVERIFY(a.sha256() != c.sha256());
        QVERIFY(a.journalSource().startsWith(QStringLiteral("file:a.csv sha256:")));
        QCOMPARE(BulkFile::sha256OfSource(b.journalSource()), a.sha256());
        QCOMPARE(BulkFile::sha256OfSource(QStringLiteral("file:we sha256:ird.csv sha256:") + QString::fromLatin1(a.sha256())),
                 a.sha256());
        QVERIFY(BulkFile::sha256OfSource(QStringLiteral("selection")).isEmpty());
    }

    void duplicatesFoundAfterResolving()
    {
        BulkFile f = BulkFile::parse(QByteArray("payment_id,trading_id\n1,\n,T1\n,T2\n"), QStringLiteral("f.csv"), Kind::Capture);
        QVERIFY(f.isClean());
        f.lines()[1].paymentId = QStringLiteral("7");
        f.lines()[2].paymentId = QStringLiteral("1"); // T2 is the payment line 2 already names
        f.checkDuplicatePayments();
        QCOMPARE(lineNumbersOfErrors(f), QList<int>{4});
        QVERIFY(f.errors()[0].message.contains(QStringLiteral("T2")));
        QCOMPARE(f.items(Kind::Capture).size(), 2);
    }

    void unreadableFileIsAnError()
    {
        QTemporaryDir dir;
        const BulkFile f = BulkFile::read(dir.filePath(QStringLiteral("missing.csv")), Kind::Capture);
        QCOMPARE(lineNumbersOfErrors(f), QList<int>{0});
        QCOMPARE(f.name(), QStringLiteral("missing.csv"));
    }
};

QTEST_GUILESS_MAIN(TestBulkFile)
#include "tst_bulkfile.moc"
