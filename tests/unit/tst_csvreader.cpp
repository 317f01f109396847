#include "csv/csvreader.h"

#include <QBuffer>
#include <QTest>

using namespace kessai;

Q_DECLARE_METATYPE(kessai::CsvEncoding)
Q_DECLARE_METATYPE(kessai::CsvRecord::Problem)

namespace {

// CP932 bytes of text, through the writer's ICU converter (one record, CRLF).
QByteArray cp932(const QStringList &fields)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    CsvWriter::Options options;
    options.encoding = CsvEncoding::Cp932;
    options.neutraliseFormulas = false;
    CsvWriter writer(&buffer, options);
    if (writer.writeRow(fields).isError())
        qWarning("cannot write CP932");
    return buffer.data();
}

QStringList strings(std::initializer_list<const char *> list)
{
    QStringList out;
    for (const char *s : list)
        out.append(QString::fromUtf8(s));
    return out;
}

QString fieldsOf(const CsvRecord &r)
{
    return r.fields.join(u'|');
}

} // namespace

// Reading the CSV files that order systems and spreadsheets write: RFC 4180, any line end, the
// encoding detected, every record with the line it starts on, broken records reported in place.
class TestCsvReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsRecordsWithTheirStartingLine_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QStringList>("records"); // "LINE:a|b|c"
        QTest::newRow("LF") << QByteArray("a,b\nc,d\n") << strings({"1:a|b", "2:c|d"});
        QTest::newRow("CRLF") << QByteArray("a,b\r\nc,d\r\n") << strings({"1:a|b", "2:c|d"});
        QTest::newRow("CR") << QByteArray("a,b\rc,d\r") << strings({"1:a|b", "2:c|d"});
        QTest::newRow("no final line end") << QByteArray("a,b\nc,d") << strings({"1:a|b", "2:c|d"});
        QTest::newRow("empty lines skipped, still counted")
            << QByteArray("a\n\n\r\nb\n\n") << strings({"1:a", "4:b"});
        QTest::newRow("empty fields") << QByteArray(",x,\n,,\n") << strings({"1:|x|", "2:||"});
        QTest::newRow("quoted comma and quote")
            << QByteArray("\"a,b\",\"say \"\"hi\"\"\",\"\"\n") << strings({"1:a,b|say \"hi\"|"});
        QTest::newRow("line break inside quotes moves the next record's line")
            << QByteArray("\"one\r\ntwo\",x\r\n\"3\n4\n5\",y\nz\n")
            << strings({"1:one\r\ntwo|x", "3:3\n4\n5|y", "6:z"});
        QTest::newRow("spaces kept") << QByteArray(" a , b \n") << strings({"1: a | b "});
        QTest::newRow("trailing comma at end of file") << QByteArray("a,") << strings({"1:a|"});
    }
    void readsRecordsWithTheirStartingLine()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QStringList, records);
        CsvReader reader(bytes);
        QStringList got;
        for (const CsvRecord &r : reader.readAll()) {
            QCOMPARE(r.problem, CsvRecord::Problem::None);
            got.append(QString::number(r.line) + u':' + fieldsOf(r));
        }
        QCOMPARE(got, records);
    }

    void reportsBrokenRecordsAndReadsOn_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QList<int>>("lines");
        QTest::addColumn<QList<CsvRecord::Problem>>("problems");
        using P = CsvRecord::Problem;
        QTest::newRow("quote inside an unquoted field")
            << QByteArray("a,b\nx,ab\"c,d\ne,f\n") << QList<int>{1, 2, 3} << QList<P>{P::None, P::StrayQuote, P::None};
        QTest::newRow("text after the closing quote")
            << QByteArray("\"a\"b,c\nd\n") << QList<int>{1, 2} << QList<P>{P::StrayQuote, P::None};
        QTest::newRow("unclosed quote reported on its line, the lines after it still read")
            << QByteArray("a\n\"open,b\nc,d\ne\n") << QList<int>{1, 2, 3, 4}
            << QList<P>{P::None, P::UnclosedQuote, P::None, P::None};
        QTest::newRow("invalid UTF-8 after a BOM")
            << QByteArray("\xEF\xBB\xBF" "a\nb\xFF\nc\n") << QList<int>{1, 2, 3}
            << QList<P>{P::None, P::Undecodable, P::None};
    }
    void reportsBrokenRecordsAndReadsOn()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QList<int>, lines);
        QFETCH(QList<CsvRecord::Problem>, problems);
        const QList<CsvRecord> records = CsvReader(bytes).readAll();
        QList<int> gotLines;
        QList<CsvRecord::Problem> gotProblems;
        for (const CsvRecord &r : records) {
            gotLines.append(r.line);
            gotProblems.append(r.problem);
            QCOMPARE(r.problemText().isEmpty(), r.problem == CsvRecord::Problem::None);
        }
        QCOMPARE(gotLines, lines);
        QCOMPARE(gotProblems, problems);
    }

    void detectsTheEncoding_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<CsvEncoding>("encoding");
        QTest::newRow("UTF-8 with BOM") << QByteArray("\xEF\xBB\xBF" "a") << CsvEncoding::Utf8Bom;
        QTest::newRow("UTF-8 without BOM") << QStringLiteral(u"決済ID,処理区分\n").toUtf8() << CsvEncoding::Utf8;
        QTest::newRow("ASCII reads as UTF-8") << QByteArray("payment_id\n1\n") << CsvEncoding::Utf8;
        QTest::newRow("CP932") << cp932({QStringLiteral(u"決済ID"), QStringLiteral(u"処理区分")}) << CsvEncoding::Cp932;
        QTest::newRow("empty") << QByteArray() << CsvEncoding::Utf8;
    }
    void detectsTheEncoding()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(CsvEncoding, encoding);
        QCOMPARE(CsvReader::detectEncoding(bytes), encoding);
        QCOMPARE(CsvReader(bytes).encoding(), encoding);
    }

    void decodesCp932AsWindowsWritesIt()
    {
        // Half-width kana, circled digits, NEC specials, 髙 and the full-width tilde Windows writes.
        const QStringList fields{QStringLiteral(u"決済ID"), QStringLiteral(u"ｶﾞｲﾄﾞ"), QStringLiteral(u"①㈱"),
                                 QStringLiteral(u"髙橋"), QStringLiteral(u"1\uFF5E2")};
        const QByteArray bytes = cp932(fields) + cp932({QStringLiteral(u"売上"), QStringLiteral(u"\"取消\"")});
        CsvReader reader(bytes);
        QCOMPARE(reader.encoding(), CsvEncoding::Cp932);
        const QList<CsvRecord> records = reader.readAll();
        QCOMPARE(records.size(), 2);
        QCOMPARE(records[0].fields, fields);
        QCOMPARE(records[0].problem, CsvRecord::Problem::None);
        QCOMPARE(records[1].fields, (QStringList{QStringLiteral(u"売上"), QStringLiteral(u"\"取消\"")}));
        QCOMPARE(records[1].line, 2);
    }

    void marksBytesThatAreNotCp932OnTheirLine()
    {
        // 0x81 0x20: a lead byte without a trail byte; 0xFD: no character at all.
        const QByteArray bytes = cp932({QStringLiteral(u"決済ID")}) + QByteArray("12\x81 3\r\n") + cp932({QStringLiteral(u"売上")})
                                 + QByteArray("\xFD\r\n");
        const QList<CsvRecord> records = CsvReader(bytes).readAll();
        QCOMPARE(records.size(), 4);
        QCOMPARE(records[0].problem, CsvRecord::Problem::None);
        QCOMPARE(records[1].problem, CsvRecord::Problem::Undecodable);
        QCOMPARE(records[1].line, 2);
        QCOMPARE(records[2].problem, CsvRecord::Problem::None);
        QCOMPARE(records[2].fields, QStringList{QStringLiteral(u"売上")});
        QCOMPARE(records[3].problem, CsvRecord::Problem::Undecodable);
    }

    void blankRecords()
    {
        const QList<CsvRecord> records = CsvReader(QByteArray(",,\n , \na,\n")).readAll();
        QCOMPARE(records.size(), 3);
        QVERIFY(records[0].isBlank());
        QVERIFY(records[1].isBlank());
        QVERIFY(!records[2].isBlank());
    }

    void nextAtTheEndGivesAnEmptyRecord()
    {
        CsvReader reader(QByteArray("a\n\n\n"));
        QCOMPARE(reader.next().fields, QStringList{QStringLiteral("a")});
        const CsvRecord none = reader.next();
        QVERIFY(none.fields.isEmpty());
        QVERIFY(reader.atEnd());
    }
};

QTEST_GUILESS_MAIN(TestCsvReader)
#include "tst_csvreader.moc"
