#include "csv/csvreader.h"
#include "reconcile/ledger.h"
#include "reconcile/reconciler.h"
#include "reconcile/reconcilereport.h"
#include "reconcile/reconcilestore.h"

#include <QBuffer>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace kessai;
using Status = ReconcileStatus;
using Kind = StatementEntry::Kind;

Q_DECLARE_METATYPE(std::optional<kessai::Yen>)
Q_DECLARE_METATYPE(std::optional<kessai::LedgerMapping>)
Q_DECLARE_METATYPE(kessai::CsvEncoding)

namespace {

QByteArray csv(const QList<QStringList> &rows, CsvEncoding encoding)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    CsvWriter::Options options;
    options.encoding = encoding;
    options.neutraliseFormulas = false; // a ledger as accounting software writes it: "-1,500" as is
    CsvWriter writer(&buffer, options);
    for (const QStringList &row : rows) {
        if (writer.writeRow(row).isError())
            qWarning("cannot write the test ledger");
    }
    return buffer.data();
}

QByteArray utf8(const char16_t *text)
{
    return QString::fromUtf16(text).toUtf8();
}

QStringList errorLines(const Ledger &l)
{
    QStringList out;
    for (const LedgerError &e : l.errors())
        out.append(QString::number(e.line) + QStringLiteral(": ") + e.message);
    return out;
}

QList<int> lineNumbersOfErrors(const Ledger &l)
{
    QList<int> lines;
    for (const LedgerError &e : l.errors())
        lines.append(e.line);
    return lines;
}

StatementEntry sale(const QString &tradingId, const QString &paymentId, Yen amount)
{
    return {tradingId, paymentId, amount, Kind::Sale};
}

StatementEntry cancel(const QString &tradingId, const QString &paymentId, Yen amount)
{
    return {tradingId, paymentId, -amount, Kind::Cancel};
}

// The row of a 取引ID (the first one when there are several).
const ReconcileRow *rowOf(const ReconcileResult &r, const QString &tradingId)
{
    for (const ReconcileRow &row : r.rows) {
        if (row.tradingId == tradingId)
            return &row;
    }
    return nullptr;
}

// The ledger where every status is planted, with its statement.
//  A1 matched, A2 amount differs, A3 not paid, A4 twice in the ledger, A5 cancelled in part
//  (5,000 - 2,000 = 3,000, matched), B1 only on the statement, B2 sold and cancelled in full, not
//  in the ledger, A6 on two payments of the statement.
const QList<QStringList> PlantedLedger = {
    {QStringLiteral(u"注文番号"), QStringLiteral(u"合計金額"), QStringLiteral(u"備考")},
    {QStringLiteral("A1"), QStringLiteral("1,000"), QStringLiteral(u"通常")},
    {QStringLiteral("A2"), QStringLiteral(u"¥2,000"), QString()},
    {QStringLiteral("A3"), QStringLiteral(u"3000円"), QString()},
    {QStringLiteral("A4"), QStringLiteral("400"), QString()},
    {QStringLiteral("A4"), QStringLiteral("400"), QString()},
    {QStringLiteral("A5"), QStringLiteral(u"３０００"), QString()},
    {QStringLiteral("A6"), QStringLiteral("600"), QString()},
};

QList<StatementEntry> plantedStatement()
{
    return {sale(QStringLiteral("A1"), QStringLiteral("101"), 1000),
            sale(QStringLiteral("A2"), QStringLiteral("102"), 2500),
            sale(QStringLiteral("A4"), QStringLiteral("104"), 400),
            sale(QStringLiteral("A5"), QStringLiteral("105"), 5000),
            sale(QStringLiteral("B1"), QStringLiteral("201"), 700),
            sale(QStringLiteral("B2"), QStringLiteral("202"), 900),
            cancel(QStringLiteral("A5"), QStringLiteral("105"), 2000),
            cancel(QStringLiteral("B2"), QStringLiteral("202"), 900),
            sale(QStringLiteral("A6"), QStringLiteral("106"), 600),
            sale(QStringLiteral("A6"), QStringLiteral("107"), 600)};
}

} // namespace

// The 消込 engine: the merchant's ledger read and matched against the statement by 取引ID.
class TestReconcile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // --- the ledger --------------------------------------------------------------------------

    void readsJapaneseHeaderInCp932()
    {
        const QByteArray bytes = csv(PlantedLedger, CsvEncoding::Cp932);
        QVERIFY(!bytes.startsWith("\xEF\xBB\xBF"));
        const Ledger l = Ledger::parse(bytes, QStringLiteral("ledger.csv"));
        QVERIFY2(l.isClean(), qPrintable(errorLines(l).join(u'\n')));
        QCOMPARE(l.encoding(), CsvEncoding::Cp932);
        QVERIFY(l.mappingDetected());
        QCOMPARE(l.mapping(), (LedgerMapping{0, 1}));
        QCOMPARE(l.entries().size(), 7);
        QCOMPARE(l.entries()[1].amount, Yen(2000));
        QCOMPARE(l.entries()[2].amount, Yen(3000));
        QCOMPARE(l.entries()[5].amount, Yen(3000)); // full-width digits
        QCOMPARE(l.entries()[6].line, 8);
    }

    void readsEnglishHeaderInUtf8WithBom()
    {
        const QByteArray bytes =
            csv({{QStringLiteral("memo"), QStringLiteral(" Total "), QStringLiteral("ORDER_ID")},
                 {QStringLiteral(u"😀"), QStringLiteral("-1,500"), QStringLiteral(u"ＡＢＣ１")},
                 {QString(), QStringLiteral("20"), QStringLiteral(" X-2 ")}},
                CsvEncoding::Utf8Bom);
        const Ledger l = Ledger::parse(bytes, QStringLiteral("ledger.csv"));
        QVERIFY2(l.isClean(), qPrintable(errorLines(l).join(u'\n')));
        QCOMPARE(l.encoding(), CsvEncoding::Utf8Bom);
        QCOMPARE(l.mapping(), (LedgerMapping{2, 1}));
        QCOMPARE(l.entries().size(), 2);
        QCOMPARE(l.entries()[0].tradingId, QStringLiteral("ABC1")); // width-normalised
        QCOMPARE(l.entries()[0].amount, Yen(-1500));
        QCOMPARE(l.entries()[1].tradingId, QStringLiteral("X-2")); // trimmed
        QCOMPARE(l.entries()[1].line, 3);
    }

    void detectsHeaderColumns_data()
    {
        QTest::addColumn<QStringList>("header");
        QTest::addColumn<std::optional<LedgerMapping>>("mapping");
        const auto m = [](int id, int amount) {
            return std::optional<LedgerMapping>(LedgerMapping{id, amount});
        };
        const std::optional<LedgerMapping> none;
        QTest::newRow("取引ID, 金額")
            << QStringList{QStringLiteral(u"取引ID"), QStringLiteral(u"金額")} << m(0, 1);
        QTest::newRow("full-width ＩＤ, 決済金額")
            << QStringList{QStringLiteral(u"決済金額"), QStringLiteral(u"取引ＩＤ")} << m(1, 0);
        QTest::newRow("受注番号, 請求金額") << QStringList{QStringLiteral(u"受注番号"),
                                                           QStringLiteral("x"),
                                                           QStringLiteral(u"請求金額")}
                                            << m(0, 2);
        QTest::newRow("受注コード, amount")
            << QStringList{QStringLiteral(u" 受注コード "), QStringLiteral("AMOUNT")} << m(0, 1);
        QTest::newRow("trading_id, total")
            << QStringList{QStringLiteral("Trading_ID"), QStringLiteral("total")} << m(0, 1);
        QTest::newRow("no id column")
            << QStringList{QStringLiteral("id"), QStringLiteral(u"金額")} << none;
        QTest::newRow("no amount column")
            << QStringList{QStringLiteral(u"注文番号"), QStringLiteral("price")} << none;
        QTest::newRow("two id columns") << QStringList{QStringLiteral(u"取引ID"),
                                                       QStringLiteral(u"注文番号"),
                                                       QStringLiteral(u"金額")}
                                        << none;
        QTest::newRow("two amount columns") << QStringList{QStringLiteral(u"注文番号"),
                                                           QStringLiteral(u"金額"),
                                                           QStringLiteral(u"合計金額")}
                                            << none;
    }

    void detectsHeaderColumns()
    {
        QFETCH(QStringList, header);
        QFETCH(std::optional<LedgerMapping>, mapping);
        QCOMPARE(Ledger::detectMapping(header), mapping);
    }

    void parsesAmounts_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<std::optional<Yen>>("amount");
        const auto yen = [](Yen v) { return std::optional<Yen>(v); };
        const std::optional<Yen> bad;
        QTest::newRow("plain") << QStringLiteral("12345") << yen(12345);
        QTest::newRow("grouped") << QStringLiteral("12,345") << yen(12345);
        QTest::newRow("yen sign") << QStringLiteral(u"¥12,345") << yen(12345);
        QTest::newRow("full-width yen sign") << QStringLiteral(u"￥12,345") << yen(12345);
        QTest::newRow("CP932 backslash yen") << QStringLiteral("\\12,345") << yen(12345);
        QTest::newRow("円") << QStringLiteral(u"12345円") << yen(12345);
        QTest::newRow("full-width digits") << QStringLiteral(u"１２，３４５") << yen(12345);
        QTest::newRow("minus") << QStringLiteral("-500") << yen(-500);
        QTest::newRow("minus before yen") << QStringLiteral(u"-¥1,000") << yen(-1000);
        QTest::newRow("minus after yen") << QStringLiteral(u"¥-1,000") << yen(-1000);
        QTest::newRow("full-width minus") << QStringLiteral(u"－１０００円") << yen(-1000);
        QTest::newRow("zero") << QStringLiteral("0") << yen(0);
        QTest::newRow("spaces") << QStringLiteral("  700 ") << yen(700);
        QTest::newRow("twelve digits") << QStringLiteral("999,999,999,999") << yen(999'999'999'999);
        QTest::newRow("empty") << QString() << bad;
        QTest::newRow("decimal") << QStringLiteral("12.5") << bad;
        QTest::newRow("decimal zero") << QStringLiteral("1200.00") << bad;
        QTest::newRow("words") << QStringLiteral("abc") << bad;
        QTest::newRow("bad grouping") << QStringLiteral("1,00") << bad;
        QTest::newRow("two minus") << QStringLiteral("--5") << bad;
        QTest::newRow("trailing minus") << QStringLiteral("5-") << bad;
        QTest::newRow("thirteen digits") << QStringLiteral("1000000000000") << bad;
        QTest::newRow("sign only") << QStringLiteral(u"¥") << bad;
        QTest::newRow("dollar") << QStringLiteral("$5") << bad;
    }

    void parsesAmounts()
    {
        QFETCH(QString, text);
        QFETCH(std::optional<Yen>, amount);
        QCOMPARE(Ledger::parseAmount(text), amount);
    }

    void reportsBrokenLinesWithTheirNumbersAndKeepsTheRest()
    {
        // Line 3 holds a quoted field spanning two lines: the line numbers after it stay physical.
        const QByteArray bytes = utf8(u"取引ID,金額,備考\n"
                                      u"T1,100,\n"
                                      u"T2,200,\"two\nlines\"\n"
                                      u"T3,12.5,\n"
                                      u",300,\n"
                                      u"T5,,\n"
                                      u"\n"
                                      u",,\n"
                                      u"T6,abc,\n"
                                      u"T7,\"1,000\"\n"
                                      u"T8,1\"0\n"
                                      u"T9\n");
        const Ledger l = Ledger::parse(bytes, QStringLiteral("ledger.csv"));
        QCOMPARE(lineNumbersOfErrors(l), (QList<int>{5, 6, 7, 10, 12, 13}));
        QVERIFY(l.errors()[0].message.contains(QStringLiteral("12.5")));
        QVERIFY(l.errors()[3].message.contains(QStringLiteral("abc")));
        QCOMPARE(l.entries().size(), 3);
        QCOMPARE(l.entries()[0].line, 2);
        QCOMPARE(l.entries()[1].line, 3);
        QCOMPARE(l.entries()[2].tradingId, QStringLiteral("T7"));
        QCOMPARE(l.entries()[2].amount, Yen(1000));
        QCOMPARE(l.entries()[2].line, 11);
        for (const LedgerEntry &e : l.entries())
            QVERIFY(e.tradingId != QStringLiteral("T3") && e.tradingId != QStringLiteral("T5"));
    }

    void unknownHeaderNeedsAMappingThenReadsWithIt()
    {
        const QByteArray bytes = utf8(u"伝票,売上高,メモ\nS-1,1000,x\nS-2,2000,y\n");
        const Ledger unmapped = Ledger::parse(bytes, QStringLiteral("ledger.csv"));
        QVERIFY(unmapped.needsMapping());
        QVERIFY(unmapped.entries().isEmpty());
        QCOMPARE(lineNumbersOfErrors(unmapped), (QList<int>{1, 1}));
        QCOMPARE(unmapped.header(),
                 (QStringList{
                     QStringLiteral(u"伝票"), QStringLiteral(u"売上高"), QStringLiteral(u"メモ")}));

        const Ledger mapped =
            Ledger::parse(bytes, QStringLiteral("ledger.csv"), LedgerMapping{0, 1});
        QVERIFY2(mapped.isClean(), qPrintable(errorLines(mapped).join(u'\n')));
        QVERIFY(!mapped.needsMapping());
        QVERIFY(!mapped.mappingDetected());
        QCOMPARE(mapped.entries().size(), 2);
        QCOMPARE(mapped.entries()[1].tradingId, QStringLiteral("S-2"));
        QCOMPARE(mapped.entries()[1].amount, Yen(2000));
        QCOMPARE(mapped.headerSignature(), unmapped.headerSignature());

        const Ledger outside =
            Ledger::parse(bytes, QStringLiteral("ledger.csv"), LedgerMapping{0, 3});
        QCOMPARE(lineNumbersOfErrors(outside), QList<int>{1});
        QVERIFY(outside.entries().isEmpty());
        const Ledger same = Ledger::parse(bytes, QStringLiteral("ledger.csv"), LedgerMapping{1, 1});
        QCOMPARE(lineNumbersOfErrors(same), QList<int>{1});
    }

    void ambiguousHeaderNamesTheColumns()
    {
        const Ledger l =
            Ledger::parse(utf8(u"取引ID,注文番号,金額\nA,B,1\n"), QStringLiteral("ledger.csv"));
        QVERIFY(l.needsMapping());
        QCOMPARE(lineNumbersOfErrors(l), QList<int>{1});
        QVERIFY2(l.errors()[0].message.contains(QStringLiteral("1, 2")),
                 qPrintable(l.errors()[0].message));
        QCOMPARE(Ledger::tradingIdCandidates(l.header()), (QList<int>{0, 1}));
        QCOMPARE(Ledger::amountCandidates(l.header()), QList<int>{2});
        // The user picks 注文番号.
        const Ledger mapped = Ledger::parse(utf8(u"取引ID,注文番号,金額\nA,B,1\n"),
                                            QStringLiteral("ledger.csv"),
                                            LedgerMapping{1, 2});
        QCOMPARE(mapped.entries().first().tradingId, QStringLiteral("B"));
    }

    void headerSignatureIgnoresEncodingWidthAndCase()
    {
        const QStringList header{
            QStringLiteral(u"伝票"), QStringLiteral("Price"), QStringLiteral("memo")};
        const QString signature = LedgerMapping::headerSignature(header);
        QCOMPARE(signature.size(), 64);
        QCOMPARE(LedgerMapping::headerSignature({QStringLiteral(u" 伝票"),
                                                 QStringLiteral(u"ＰＲＩＣＥ"),
                                                 QStringLiteral("memo"),
                                                 QString()}),
                 signature);
        QVERIFY(LedgerMapping::headerSignature(
                    {QStringLiteral(u"伝票"), QStringLiteral("memo"), QStringLiteral("Price")}) !=
                signature);
        QVERIFY(LedgerMapping::headerSignature(
                    {QStringLiteral(u"伝票,Price"), QStringLiteral("memo")}) != signature);
        const Ledger cp932 =
            Ledger::parse(csv({header, {QStringLiteral("1"), QStringLiteral("2"), QString()}},
                              CsvEncoding::Cp932),
                          QStringLiteral("a.csv"));
        const Ledger bom =
            Ledger::parse(csv({header, {QStringLiteral("1"), QStringLiteral("2"), QString()}},
                              CsvEncoding::Utf8Bom),
                          QStringLiteral("b.csv"));
        QCOMPARE(cp932.headerSignature(), signature);
        QCOMPARE(bom.headerSignature(), signature);
    }

    void emptyAndUnreadableFilesAreErrors()
    {
        QCOMPARE(lineNumbersOfErrors(Ledger::parse(QByteArray("\n\n"), QStringLiteral("x.csv"))),
                 QList<int>{0});
        QCOMPARE(lineNumbersOfErrors(
                     Ledger::parse(QByteArray("order_id,amount\n"), QStringLiteral("x.csv"))),
                 QList<int>{0});
        QTemporaryDir dir;
        QCOMPARE(lineNumbersOfErrors(Ledger::read(dir.filePath(QStringLiteral("missing.csv")))),
                 QList<int>{0});
    }

    // --- matching ----------------------------------------------------------------------------

    void everyStatusFromACp932Ledger()
    {
        const Ledger l =
            Ledger::parse(csv(PlantedLedger, CsvEncoding::Cp932), QStringLiteral("ledger.csv"));
        QVERIFY(l.isClean());
        const QList<StatementEntry> statement = plantedStatement();
        const ReconcileResult r = Reconciler::reconcile(l.entries(), statement);

        QStringList got;
        for (const ReconcileRow &row : r.rows) {
            got.append(QStringLiteral("%1 %2 L%3 S%4 %5 @%6")
                           .arg(row.tradingId,
                                reconcileStatusCode(row.status),
                                row.ledgerAmount ? QString::number(*row.ledgerAmount)
                                                 : QStringLiteral("-"),
                                row.statementAmount ? QString::number(*row.statementAmount)
                                                    : QStringLiteral("-"),
                                row.paymentId.isEmpty() ? QStringLiteral("-") : row.paymentId)
                           .arg(row.ledgerLine));
        }
        const QStringList expected = {
            QStringLiteral("A1 matched L1000 S1000 101 @2"),
            QStringLiteral("A2 amount_differs L2000 S2500 102 @3"),
            QStringLiteral("A3 not_paid L3000 S- - @4"),
            QStringLiteral("A4 duplicate L400 S- - @5"),
            QStringLiteral(
                "A4 duplicate L- S400 104 @0"), // the statement's side follows the first ledger row
            QStringLiteral("A4 duplicate L400 S- - @6"),
            QStringLiteral("A5 matched L3000 S3000 105 @7"), // 5,000 sold, 2,000 cancelled
            QStringLiteral("A6 duplicate L600 S- - @8"),
            QStringLiteral("A6 duplicate L- S600 106 @0"),
            QStringLiteral("A6 duplicate L- S600 107 @0"),
            QStringLiteral("B1 not_in_ledger L- S700 201 @0"),
            QStringLiteral("B2 not_in_ledger L- S0 202 @0"),
        };
        QCOMPARE(got, expected);
        QVERIFY(rowOf(r, QStringLiteral("B2"))->cancelledInFull);
        QVERIFY(!rowOf(r, QStringLiteral("A5"))->cancelledInFull);

        QCOMPARE(r.total(Status::Matched), (ReconcileTotal{2, 4000, 4000}));
        QCOMPARE(r.total(Status::AmountDiffers), (ReconcileTotal{1, 2000, 2500}));
        QCOMPARE(r.total(Status::NotPaid), (ReconcileTotal{1, 3000, 0}));
        QCOMPARE(r.total(Status::NotInLedger), (ReconcileTotal{2, 0, 700}));
        QCOMPARE(r.total(Status::Duplicate), (ReconcileTotal{6, 1400, 1600}));
        QCOMPARE(reconcileTotals(r.rows), r.totals);

        // One status per input entry, index for index.
        QCOMPARE(r.ledgerStatuses,
                 (QList<Status>{Status::Matched,
                                Status::AmountDiffers,
                                Status::NotPaid,
                                Status::Duplicate,
                                Status::Duplicate,
                                Status::Matched,
                                Status::Duplicate}));
        QCOMPARE(r.statementStatuses,
                 (QList<Status>{Status::Matched,
                                Status::AmountDiffers,
                                Status::Duplicate,
                                Status::Matched,
                                Status::NotInLedger,
                                Status::NotInLedger,
                                Status::Matched,
                                Status::NotInLedger,
                                Status::Duplicate,
                                Status::Duplicate}));
    }

    void saleAndCancelAreNettedPerPayment()
    {
        const QList<LedgerEntry> ledger = {{QStringLiteral("P"), 3000, 2},
                                           {QStringLiteral("Q"), 0, 3},
                                           {QStringLiteral("R"), 800, 4}};
        const QList<StatementEntry> statement = {
            sale(QStringLiteral("P"), QStringLiteral("1"), 5000),
            cancel(QStringLiteral("P"), QStringLiteral("1"), 1500),
            cancel(QStringLiteral("P"), QStringLiteral("1"), 500),
            sale(QStringLiteral("Q"), QStringLiteral("2"), 800),
            cancel(QStringLiteral("Q"), QStringLiteral("2"), 800),
            sale(QStringLiteral("R"), QStringLiteral("3"), 800),
            cancel(QStringLiteral("R"), QStringLiteral("3"), 800),
        };
        const ReconcileResult r = Reconciler::reconcile(ledger, statement);
        QCOMPARE(r.rows.size(), 3); // one row per payment, not per line
        QCOMPARE(r.rows[0].status, Status::Matched);
        QCOMPARE(r.rows[0].statementAmount, std::optional<Yen>(3000));
        // Cancelled in full and at 0 in the ledger: matched.
        QCOMPARE(r.rows[1].status, Status::Matched);
        QVERIFY(r.rows[1].cancelledInFull);
        // Cancelled in full but the ledger still asks for 800: the amounts differ.
        QCOMPARE(r.rows[2].status, Status::AmountDiffers);
        QCOMPARE(r.rows[2].statementAmount, std::optional<Yen>(0));
        QVERIFY(r.rows[2].cancelledInFull);
        QCOMPARE(r.statementStatuses.size(), statement.size());
    }

    void zeroNetPaymentNotInTheLedgerIsKeptAsNotInLedger()
    {
        const ReconcileResult r =
            Reconciler::reconcile({},
                                  {sale(QStringLiteral("Z"), QStringLiteral("9"), 1200),
                                   cancel(QStringLiteral("Z"), QStringLiteral("9"), 1200)});
        QCOMPARE(r.rows.size(), 1);
        QCOMPARE(r.rows[0].status, Status::NotInLedger);
        QCOMPARE(r.rows[0].statementAmount, std::optional<Yen>(0));
        QVERIFY(r.rows[0].cancelledInFull);
        QCOMPARE(r.total(Status::NotInLedger), (ReconcileTotal{1, 0, 0}));
        QCOMPARE(r.statementStatuses, (QList<Status>{Status::NotInLedger, Status::NotInLedger}));
    }

    void duplicatesInTheLedgerMatchNothing()
    {
        const QList<LedgerEntry> ledger = {{QStringLiteral("D"), 500, 2},
                                           {QStringLiteral("E"), 100, 3},
                                           {QStringLiteral("D"), 500, 4},
                                           {QStringLiteral("F"), 1, 5},
                                           {QStringLiteral("F"), 1, 6},
                                           {QStringLiteral("F"), 1, 7}};
        const ReconcileResult r =
            Reconciler::reconcile(ledger,
                                  {sale(QStringLiteral("D"), QStringLiteral("1"), 500),
                                   sale(QStringLiteral("E"), QStringLiteral("2"), 100)});
        QCOMPARE(r.ledgerStatuses,
                 (QList<Status>{Status::Duplicate,
                                Status::Matched,
                                Status::Duplicate,
                                Status::Duplicate,
                                Status::Duplicate,
                                Status::Duplicate}));
        QCOMPARE(r.statementStatuses, (QList<Status>{Status::Duplicate, Status::Matched}));
        QCOMPARE(r.total(Status::Duplicate).count, 6); // 5 ledger lines, 1 payment
        QCOMPARE(r.total(Status::Matched).count, 1);
        QCOMPARE(r.total(Status::NotPaid).count, 0);
        QCOMPARE(r.total(Status::NotInLedger).count, 0);
    }

    void duplicatesOnTheStatementMatchNothing()
    {
        const QList<LedgerEntry> ledger = {{QStringLiteral("G"), 500, 2}};
        const QList<StatementEntry> statement = {
            sale(QStringLiteral("G"), QStringLiteral("1"), 500),
            sale(QStringLiteral("H"), QStringLiteral("2"), 10),
            sale(QStringLiteral("G"), QStringLiteral("3"), 500),
            sale(QStringLiteral("H"), QStringLiteral("4"), 10),
            cancel(QStringLiteral("H"), QStringLiteral("4"), 10)};
        const ReconcileResult r = Reconciler::reconcile(ledger, statement);
        QCOMPARE(r.ledgerStatuses, QList<Status>{Status::Duplicate});
        // H is on two payments and not in the ledger: still duplicate, not not_in_ledger.
        QCOMPARE(r.statementStatuses,
                 (QList<Status>{Status::Duplicate,
                                Status::Duplicate,
                                Status::Duplicate,
                                Status::Duplicate,
                                Status::Duplicate}));
        QCOMPARE(r.rows.size(), 5); // G: a ledger row and two payments; H: two payments
        QCOMPARE(r.total(Status::Duplicate), (ReconcileTotal{5, 500, 1010}));
        QCOMPARE(r.rows[3].paymentId, QStringLiteral("2"));
        QCOMPARE(r.rows[4].paymentId, QStringLiteral("4"));
        QCOMPARE(r.rows[4].statementAmount, std::optional<Yen>(0));
    }

    void paymentsWithoutTradingIdAreEachNotInLedger()
    {
        const ReconcileResult r =
            Reconciler::reconcile({{QStringLiteral("K"), 1, 2}},
                                  {sale(QString(), QStringLiteral("1"), 100),
                                   sale(QString(), QStringLiteral("2"), 200),
                                   cancel(QString(), QStringLiteral("1"), 100)});
        QCOMPARE(r.rows.size(), 3);
        QCOMPARE(r.total(Status::NotInLedger), (ReconcileTotal{2, 0, 200}));
        QCOMPARE(r.total(Status::NotPaid).count, 1);
        QVERIFY(r.rows[1].cancelledInFull);
    }

    void statusCodesRoundTrip()
    {
        for (int i = 0; i < ReconcileStatusCount; ++i) {
            const auto status = Status(i);
            QCOMPARE(reconcileStatusFromCode(reconcileStatusCode(status)),
                     std::optional<Status>(status));
            QVERIFY(!reconcileStatusLabel(status).isEmpty());
        }
        QVERIFY(!reconcileStatusFromCode(QStringLiteral("paid")));
    }

    void hundredThousandLinesEachSide()
    {
        // 100,000 ledger lines against 100,000 statement lines: 90,000 matched (2,000 of them
        // with a partial cancel netted), 4,000 amounts differ, 4,000 not paid, 2,000 lines twice
        // in the ledger (1,000 ids), 4,000 payments only on the statement.
        constexpr int N = 100'000;
        QList<LedgerEntry> ledger;
        ledger.reserve(N);
        QList<StatementEntry> statement;
        statement.reserve(N);
        for (int i = 0; i < 94'000; ++i) {
            const QString id = QStringLiteral("ORD%1").arg(i, 7, 10, QLatin1Char('0'));
            const Yen amount = 1000 + i % 5000;
            ledger.append({id, amount, i + 2});
            if (i < 2'000) {
                statement.append(sale(id, QString::number(i), amount + 300));
                statement.append(cancel(id, QString::number(i), 300));
            } else {
                statement.append(sale(id, QString::number(i), i < 90'000 ? amount : amount + 1));
            }
        }
        for (int i = 0; i < 2'000; ++i)
            ledger.append({QStringLiteral("NOPAY%1").arg(i), 500, int(ledger.size()) + 2});
        for (int i = 0; i < 1'000; ++i) {
            ledger.append({QStringLiteral("TWICE%1").arg(i), 10, int(ledger.size()) + 2});
            ledger.append({QStringLiteral("TWICE%1").arg(i), 10, int(ledger.size()) + 2});
        }
        for (int i = 0; statement.size() < N; ++i)
            statement.append(
                sale(QStringLiteral("EXTRA%1").arg(i), QStringLiteral("X%1").arg(i), 700));
        QCOMPARE(ledger.size(), N - 2'000);
        for (int i = 0; ledger.size() < N; ++i)
            ledger.append({QStringLiteral("NOPAY-B%1").arg(i), 1, int(ledger.size()) + 2});
        QCOMPARE(ledger.size(), N);
        QCOMPARE(statement.size(), N);

        // The ledger goes through the reader as a file would.
        QByteArray bytes("order_id,amount\r\n");
        bytes.reserve(N * 24);
        for (const LedgerEntry &e : std::as_const(ledger))
            bytes += e.tradingId.toLatin1() + ",\"" + QByteArray::number(e.amount) + "\"\r\n";
        const Ledger file = Ledger::parse(bytes, QStringLiteral("big.csv"));
        QVERIFY(file.isClean());
        QCOMPARE(file.entries().size(), N);
        QCOMPARE(file.entries().constLast().line, N + 1);
        QCOMPARE(file.entries().constLast().tradingId, ledger.constLast().tradingId);

        const ReconcileResult r = Reconciler::reconcile(file.entries(), statement);
        QCOMPARE(r.total(Status::Matched).count, 90'000);
        QCOMPARE(r.total(Status::AmountDiffers).count, 4'000);
        QCOMPARE(r.total(Status::NotPaid).count, 4'000);
        QCOMPARE(r.total(Status::Duplicate).count, 2'000);
        QCOMPARE(r.total(Status::NotInLedger).count, N - 96'000);
        QCOMPARE(r.rows.size(), 90'000 + 4'000 + 4'000 + 2'000 + (N - 96'000));
        QCOMPARE(r.ledgerStatuses.size(), N);
        QCOMPARE(r.statementStatuses.size(), N);
        QCOMPARE(r.total(Status::Matched).ledgerAmount, r.total(Status::Matched).statementAmount);
        QCOMPARE(r.total(Status::AmountDiffers).statementAmount -
                     r.total(Status::AmountDiffers).ledgerAmount,
                 Yen(4'000));
    }

    // --- the report --------------------------------------------------------------------------

    void reportReadsBackThroughCsvReader_data()
    {
        QTest::addColumn<CsvEncoding>("encoding");
        QTest::addColumn<bool>("english");
        QTest::newRow("UTF-8 BOM, Japanese header") << CsvEncoding::Utf8Bom << false;
        QTest::newRow("CP932, Japanese header") << CsvEncoding::Cp932 << false;
        QTest::newRow("UTF-8, English header") << CsvEncoding::Utf8 << true;
    }

    void reportReadsBackThroughCsvReader()
    {
        QFETCH(CsvEncoding, encoding);
        QFETCH(bool, english);
        const Ledger l =
            Ledger::parse(csv(PlantedLedger, CsvEncoding::Cp932), QStringLiteral("ledger.csv"));
        QList<ReconcileRow> rows = Reconciler::reconcile(l.entries(), plantedStatement()).rows;
        rows[1].note = QStringLiteral(u"=SUM(A1) 差額は送料");
        rows[1].resolved = true;
        rows[2].note = QStringLiteral(u"🙂 later");
        rows.append({Status::NotInLedger,
                     QStringLiteral("N1"),
                     std::nullopt,
                     -300,
                     QStringLiteral("301"),
                     0,
                     false,
                     {},
                     false});

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("report.csv"));
        ReconcileReportOptions options;
        options.csv.encoding = encoding;
        options.englishHeader = english;
        const CsvError error = writeReconcileReport(path, rows, options);
        QVERIFY2(!error.isError(), qPrintable(error.message()));

        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        CsvReader reader(file.readAll());
        QCOMPARE(reader.encoding(), encoding);
        const QList<CsvRecord> records = reader.readAll();
        QCOMPARE(records.size(), rows.size() + 1);
        QCOMPARE(records[0].fields, reconcileReportHeader(english));
        QCOMPARE(records[0].fields.first(),
                 english ? QStringLiteral("trading_id") : QStringLiteral(u"取引ID"));
        QCOMPARE(records[1].fields,
                 (QStringList{QStringLiteral("A1"),
                              QStringLiteral("matched"),
                              QStringLiteral("1000"),
                              QStringLiteral("1000"),
                              QStringLiteral("101"),
                              QStringLiteral("2"),
                              QString(),
                              QStringLiteral("0")}));
        QCOMPARE(records[2].fields[1], QStringLiteral("amount_differs"));
        QCOMPARE(records[2].fields[6],
                 QStringLiteral(u"'=SUM(A1) 差額は送料")); // neutralised: text, never a formula
        QCOMPARE(records[2].fields[7], QStringLiteral("1"));
        QCOMPARE(records[3].fields[3], QString()); // not paid: no statement amount
        QCOMPARE(records[3].fields[6],
                 encoding == CsvEncoding::Cp932 ? QStringLiteral("? later")
                                                : QStringLiteral(u"🙂 later"));
        const QStringList last = records.constLast().fields;
        QCOMPARE(last[2], QString());
        QCOMPARE(last[3], QStringLiteral("-300")); // a numeric column keeps its minus
        QCOMPARE(last[5], QString());
        for (const CsvRecord &record : records)
            QCOMPARE(record.problem, CsvRecord::Problem::None);
    }

    void reportToAnUnwritablePlaceFails()
    {
        const CsvError error =
            writeReconcileReport(QStringLiteral("/nonexistent-dir-kessai/report.csv"), {});
        QCOMPARE(error.kind, CsvError::Kind::Io);
    }

    // --- the workspace -----------------------------------------------------------------------

    void workspaceSurvivesReopening()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("sub/reconcile.db"));
        const Ledger l =
            Ledger::parse(csv(PlantedLedger, CsvEncoding::Cp932), QStringLiteral("ledger.csv"));
        const ReconcileResult result = Reconciler::reconcile(l.entries(), plantedStatement());
        qint64 id = 0;
        qint64 other = 0;
        {
            QString error;
            const auto store = ReconcileStore::open(path, &error);
            QVERIFY2(store, qPrintable(error));
            ReconcileStore::Workspace w;
            w.name = QStringLiteral(u"6月分");
            w.merchantId = QStringLiteral("M1");
            w.ledgerPath = QStringLiteral("/home/u/ledger.csv");
            w.ledgerSha256 = l.sha256();
            w.headerSignature = l.headerSignature();
            w.mapping = l.mapping();
            w.statementId = 42;
            const auto created = store->createWorkspace(w, result.rows);
            QVERIFY2(created, qPrintable(store->lastError()));
            id = *created;
            ReconcileStore::Workspace range;
            range.name = QStringLiteral("range");
            range.merchantId = QStringLiteral("M2");
            range.payoutFrom = QDate(2024, 6, 1);
            range.payoutTo = QDate(2024, 6, 30);
            range.mapping = {1, 0};
            const auto second = store->createWorkspace(range, {});
            QVERIFY(second);
            other = *second;

            QVERIFY(store->setNote(id, 1, QStringLiteral(u"送料 500円の差")));
            QVERIFY(store->setResolved(id, 1, true));
            QVERIFY(store->setResolved(id, 2, true));
            QVERIFY(store->setResolved(id, 2, false));
            QVERIFY(
                !store->setNote(id, int(result.rows.size()), QStringLiteral("x"))); // no such row
            QVERIFY(!store->lastError().isEmpty());
            QVERIFY(store->rememberMapping(QStringLiteral("sig"), {2, 5}));
            QVERIFY(store->rememberMapping(QStringLiteral("sig"), {3, 4})); // the newer choice wins
            QVERIFY(!store->rememberMapping(QStringLiteral("bad"), {1, 1}));
        }
        QString error;
        const auto store = ReconcileStore::open(path, &error);
        QVERIFY2(store, qPrintable(error));
        const QList<ReconcileStore::Workspace> all = store->workspaces();
        QCOMPARE(all.size(), 2);
        QCOMPARE(all[0].id, other); // newest first
        QCOMPARE(store->workspaces(QStringLiteral("M1")).size(), 1);

        const auto w = store->workspace(id);
        QVERIFY(w);
        QCOMPARE(w->name, QStringLiteral(u"6月分"));
        QCOMPARE(w->ledgerPath, QStringLiteral("/home/u/ledger.csv"));
        QCOMPARE(w->ledgerSha256, l.sha256());
        QCOMPARE(w->headerSignature, l.headerSignature());
        QCOMPARE(w->mapping, l.mapping());
        QCOMPARE(w->statementId, std::optional<qint64>(42));
        QVERIFY(w->payoutFrom.isNull());
        QCOMPARE(w->rowCount, int(result.rows.size()));
        QCOMPARE(w->resolvedCount, 1);
        QVERIFY(w->updated >= w->created);
        const auto r = store->workspace(other);
        QVERIFY(r);
        QVERIFY(!r->statementId);
        QCOMPARE(r->payoutFrom, QDate(2024, 6, 1));
        QCOMPARE(r->payoutTo, QDate(2024, 6, 30));

        QList<ReconcileRow> expected = result.rows;
        expected[1].note = QStringLiteral(u"送料 500円の差");
        expected[1].resolved = true;
        const QList<ReconcileRow> rows = store->rows(id);
        QCOMPARE(rows.size(), expected.size());
        for (qsizetype i = 0; i < rows.size(); ++i)
            QVERIFY2(rows[i] == expected[i], qPrintable(QString::number(i)));
        QCOMPARE(reconcileTotals(rows), result.totals);

        QCOMPARE(store->rememberedMapping(QStringLiteral("sig")),
                 std::optional<LedgerMapping>(LedgerMapping{3, 4}));
        QVERIFY(!store->rememberedMapping(QStringLiteral("other")));

        QVERIFY(store->removeWorkspace(id));
        QVERIFY(!store->removeWorkspace(id));
        QVERIFY(!store->workspace(id));
        QVERIFY(store->rows(id).isEmpty()); // the rows went with it
        QCOMPARE(store->workspaces().size(), 1);
    }

    void rememberedMappingIsFoundByTheLedgersSignature()
    {
        QTemporaryDir dir;
        const auto store = ReconcileStore::open(dir.filePath(QStringLiteral("r.db")));
        QVERIFY(store);
        const QByteArray june = utf8(u"伝票,売上高\nS-1,1000\n");
        const Ledger first = Ledger::parse(june, QStringLiteral("june.csv"));
        QVERIFY(first.needsMapping());
        QVERIFY(!store->rememberedMapping(first.headerSignature()));
        QVERIFY(store->rememberMapping(first.headerSignature(), {0, 1}));
        // July's export of the same software, now in CP932: the same header, the same mapping.
        const QByteArray july = csv({{QStringLiteral(u"伝票"), QStringLiteral(u"売上高")},
                                     {QStringLiteral("S-9"), QStringLiteral("9000")}},
                                    CsvEncoding::Cp932);
        const Ledger probe = Ledger::parse(july, QStringLiteral("july.csv"));
        const auto remembered = store->rememberedMapping(probe.headerSignature());
        QVERIFY(remembered);
        const Ledger second = Ledger::parse(july, QStringLiteral("july.csv"), remembered);
        QVERIFY(second.isClean());
        QCOMPARE(second.entries().first().amount, Yen(9000));
    }

    void storeFromANewerConsoleIsRefused()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("r.db"));
        QVERIFY(ReconcileStore::open(path));
        {
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("bump"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = 99")));
            q.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("bump"));
        QString error;
        QVERIFY(!ReconcileStore::open(path, &error));
        QVERIFY2(error.contains(QStringLiteral("99")), qPrintable(error));
    }

    void largeWorkspaceRoundTrip()
    {
        QList<LedgerEntry> ledger;
        QList<StatementEntry> statement;
        for (int i = 0; i < 100'000; ++i) {
            ledger.append({QStringLiteral("L%1").arg(i), i, i + 2});
            statement.append(
                sale(QStringLiteral("L%1").arg(i), QString::number(i), i % 10 == 0 ? i + 1 : i));
        }
        const ReconcileResult result = Reconciler::reconcile(ledger, statement);
        QTemporaryDir dir;
        const auto store = ReconcileStore::open(dir.filePath(QStringLiteral("r.db")));
        QVERIFY(store);
        const auto id = store->createWorkspace({}, result.rows);
        QVERIFY2(id, qPrintable(store->lastError()));
        const QList<ReconcileRow> rows = store->rows(*id);
        QCOMPARE(rows.size(), 100'000);
        QCOMPARE(reconcileTotals(rows), result.totals);
        QCOMPARE(result.total(Status::AmountDiffers).count, 10'000);
    }
};

QTEST_GUILESS_MAIN(TestReconcile)
#include "tst_reconcile.moc"
