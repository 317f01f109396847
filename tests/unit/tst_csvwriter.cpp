#include "csv/csvwriter.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace kessai;

namespace {

QByteArray writeRecords(const QList<QStringList> &rows, const CsvWriter::Options &options, const QList<int> &numeric = {})
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    CsvWriter writer(&buffer, options);
    writer.setNumericColumns(numeric);
    for (const QStringList &row : rows) {
        const CsvError error = writer.writeRow(row);
        if (error.isError())
            qWarning("unexpected: %s", qPrintable(error.message()));
    }
    return buffer.data();
}

CsvWriter::Options utf8()
{
    CsvWriter::Options options;
    options.encoding = CsvEncoding::Utf8;
    return options;
}

CsvWriter::Options cp932(bool replace = false)
{
    CsvWriter::Options options;
    options.encoding = CsvEncoding::Cp932;
    options.replaceUnmappable = replace;
    return options;
}

} // namespace

// The CSV engine: RFC 4180 records, Excel's CRLF, UTF-8 (BOM) and CP932 through ICU, formula
// neutralisation, atomic files.
class TestCsvWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void quotesOnlyWhatNeedsQuoting_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QByteArray>("record");
        QTest::newRow("plain") << QStringLiteral("abc") << QByteArray("abc,x\r\n");
        QTest::newRow("empty") << QString() << QByteArray(",x\r\n");
        QTest::newRow("space kept unquoted") << QStringLiteral(" a b ") << QByteArray(" a b ,x\r\n");
        QTest::newRow("comma") << QStringLiteral("a,b") << QByteArray("\"a,b\",x\r\n");
        QTest::newRow("quote doubled") << QStringLiteral("say \"hi\"") << QByteArray("\"say \"\"hi\"\"\",x\r\n");
        QTest::newRow("lone quote") << QStringLiteral("\"") << QByteArray("\"\"\"\",x\r\n");
        QTest::newRow("LF") << QStringLiteral("a\nb") << QByteArray("\"a\nb\",x\r\n");
        QTest::newRow("CRLF inside") << QStringLiteral("a\r\nb") << QByteArray("\"a\r\nb\",x\r\n");
        QTest::newRow("japanese") << QStringLiteral("ファミリーマート") << QStringLiteral("ファミリーマート,x\r\n").toUtf8();
        QTest::newRow("apostrophe mid-field") << QStringLiteral("it's") << QByteArray("it's,x\r\n");
    }
    void quotesOnlyWhatNeedsQuoting()
    {
        QFETCH(QString, field);
        QFETCH(QByteArray, record);
        QCOMPARE(writeRecords({{field, QStringLiteral("x")}}, utf8()), record);
    }

    void endsEveryRecordWithCrLf()
    {
        const QByteArray bytes = writeRecords({{QStringLiteral("a"), QStringLiteral("b")}, {QStringLiteral("1"), QStringLiteral("2")}}, utf8());
        QCOMPARE(bytes, QByteArray("a,b\r\n1,2\r\n"));
        QCOMPARE(bytes.count('\n'), 2);
        QCOMPARE(bytes.count("\r\n"), 2);
    }

    void writesTheBomOnlyForUtf8WithBom_data()
    {
        QTest::addColumn<int>("encoding");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("utf8 bom") << int(CsvEncoding::Utf8Bom) << QByteArray("\xEF\xBB\xBF" "a\r\nb\r\n");
        QTest::newRow("utf8 plain") << int(CsvEncoding::Utf8) << QByteArray("a\r\nb\r\n");
        QTest::newRow("cp932 has no bom") << int(CsvEncoding::Cp932) << QByteArray("a\r\nb\r\n");
    }
    void writesTheBomOnlyForUtf8WithBom()
    {
        QFETCH(int, encoding);
        QFETCH(QByteArray, expected);
        CsvWriter::Options options;
        options.encoding = CsvEncoding(encoding);
        QCOMPARE(writeRecords({{QStringLiteral("a")}, {QStringLiteral("b")}}, options), expected);
    }

    void encodesCp932AsWindowsDoes_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("hiragana") << QStringLiteral("あ") << QByteArray("\x82\xA0");
        QTest::newRow("kanji") << QStringLiteral("漢") << QByteArray("\x8A\xBF");
        QTest::newRow("髙 (IBM extension)") << QStringLiteral("髙") << QByteArray("\xFB\xFC");
        QTest::newRow("① (NEC special)") << QStringLiteral("①") << QByteArray("\x87\x40");
        QTest::newRow("㈱ (NEC special)") << QStringLiteral("㈱") << QByteArray("\x87\x8A");
        QTest::newRow("half-width kana") << QStringLiteral("ｶﾞ") << QByteArray("\xB6\xDE");
        QTest::newRow("WAVE DASH U+301C") << QStringLiteral("\u301C") << QByteArray("\x81\x60");
        QTest::newRow("FULLWIDTH TILDE U+FF5E") << QStringLiteral("\uFF5E") << QByteArray("\x81\x60");
        QTest::newRow("MINUS SIGN U+2212") << QStringLiteral("\u2212") << QByteArray("\x81\x7C");
        QTest::newRow("ascii") << QStringLiteral("AB_12") << QByteArray("AB_12");
    }
    void encodesCp932AsWindowsDoes()
    {
        QFETCH(QString, text);
        QFETCH(QByteArray, bytes);
        QCOMPARE(writeRecords({{text}}, cp932()), bytes + "\r\n");
        // Windows reads 0x8160 back as FULLWIDTH TILDE and 0x817C as FULLWIDTH HYPHEN-MINUS.
        QString decoded = text;
        decoded.replace(QChar(0x301C), QChar(0xFF5E)).replace(QChar(0x2212), QChar(0xFF0D));
        QCOMPARE(decodeCsvText(bytes, CsvEncoding::Cp932), decoded);
    }

    void reportsAnUnmappableCharacterWithRowAndColumn_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<uint>("character");
        QTest::newRow("emoji (surrogate pair)") << QStringLiteral("注文 \U0001F600 です") << uint(0x1F600);
        QTest::newRow("hangul") << QStringLiteral("김") << uint(0xAE40);
        QTest::newRow("emoji at the end") << QStringLiteral("ok\U0001F363") << uint(0x1F363);
    }
    void reportsAnUnmappableCharacterWithRowAndColumn()
    {
        QFETCH(QString, field);
        QFETCH(uint, character);
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        CsvWriter writer(&buffer, cp932());
        QVERIFY(!writer.writeRow({QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}).isError());
        const qint64 before = buffer.size();
        const CsvError error = writer.writeRow({QStringLiteral("1"), QStringLiteral("2"), field});
        QCOMPARE(error.kind, CsvError::Kind::Unmappable);
        QCOMPARE(error.row, qint64(2));
        QCOMPARE(error.column, 3);
        QCOMPARE(uint(error.character), character);
        QVERIFY2(error.message().contains(QStringLiteral("Row 2, column 3")), qPrintable(error.message()));
        const QString codePoint = QStringLiteral("U+") + QString::number(character, 16).toUpper();
        QVERIFY2(error.message().contains(codePoint), qPrintable(error.message()));
        QCOMPARE(buffer.size(), before); // nothing of the failed record reached the file
        QCOMPARE(writer.rowsWritten(), qint64(1));
        // The writer carries on with the next record (the caller decides whether to stop).
        QVERIFY(!writer.writeRow({QStringLiteral("x")}).isError());
        QVERIFY(buffer.data().endsWith("x\r\n"));
    }

    void replacesUnmappableCharactersWhenAskedAndCountsThem()
    {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        CsvWriter writer(&buffer, cp932(true));
        QVERIFY(!writer.writeRow({QStringLiteral("A\U0001F600B\U0001F363"), QStringLiteral("あ")}).isError());
        QCOMPARE(buffer.data(), QByteArray("A?B?,\x82\xA0\r\n"));
        QCOMPARE(writer.replacements(), qint64(2));
    }

    void neutralisesSpreadsheetFormulas_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<bool>("numeric");
        QTest::addColumn<QByteArray>("written");
        QTest::newRow("=") << QStringLiteral("=HYPERLINK(\"x\")") << false << QByteArray("\"'=HYPERLINK(\"\"x\"\")\"");
        QTest::newRow("+") << QStringLiteral("+1+1") << false << QByteArray("'+1+1");
        QTest::newRow("-") << QStringLiteral("-2+3") << false << QByteArray("'-2+3");
        QTest::newRow("@") << QStringLiteral("@SUM(A1)") << false << QByteArray("'@SUM(A1)");
        QTest::newRow("TAB") << QStringLiteral("\t=1") << false << QByteArray("'\t=1");
        QTest::newRow("CR") << QStringLiteral("\r=1") << false << QByteArray("\"'\r=1\"");
        QTest::newRow("negative as text") << QStringLiteral("-500") << false << QByteArray("'-500");
        QTest::newRow("negative number in numeric column") << QStringLiteral("-500") << true << QByteArray("-500");
        QTest::newRow("decimal in numeric column") << QStringLiteral("-0.5") << true << QByteArray("-0.5");
        QTest::newRow("formula in numeric column") << QStringLiteral("-1+cmd") << true << QByteArray("'-1+cmd");
        QTest::newRow("= in numeric column") << QStringLiteral("=1") << true << QByteArray("'=1");
        QTest::newRow("later = untouched") << QStringLiteral("a=b") << false << QByteArray("a=b");
        QTest::newRow("positive number") << QStringLiteral("1200") << true << QByteArray("1200");
    }
    void neutralisesSpreadsheetFormulas()
    {
        QFETCH(QString, field);
        QFETCH(bool, numeric);
        QFETCH(QByteArray, written);
        QCOMPARE(writeRecords({{QStringLiteral("k"), field}}, utf8(), numeric ? QList<int>{1} : QList<int>{}),
                 "k," + written + "\r\n");
    }

    void cancelledFileLeavesNothingBehind()
    {
        QTemporaryDir dir;
        const QString fresh = dir.filePath(QStringLiteral("fresh.csv"));
        const QString existing = dir.filePath(QStringLiteral("existing.csv"));
        {
            QFile old(existing);
            QVERIFY(old.open(QIODevice::WriteOnly));
            old.write("old contents\r\n");
        }
        for (const QString &path : {fresh, existing}) {
            CsvFile file(path, utf8());
            QVERIFY(!file.open().isError());
            for (int i = 0; i < 5000; ++i)
                QVERIFY(!file.writer().writeRow({QString::number(i), QStringLiteral("row")}).isError());
            file.cancel();
        }
        QVERIFY(!QFile::exists(fresh));
        QFile old(existing);
        QVERIFY(old.open(QIODevice::ReadOnly));
        QCOMPARE(old.readAll(), QByteArray("old contents\r\n"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("existing.csv")});
    }

    void fileDestroyedWithoutCommitLeavesNothingBehind()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("abandoned.csv"));
        {
            CsvFile file(path, utf8());
            QVERIFY(!file.open().isError());
            QVERIFY(!file.writer().writeRow({QStringLiteral("a")}).isError());
        }
        QVERIFY(!QFile::exists(path));
        QVERIFY(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).isEmpty());
    }

    void committedFileReplacesTheTarget()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("out.csv"));
        CsvFile file(path, CsvWriter::Options{});
        QVERIFY(!file.open().isError());
        QVERIFY(!file.writer().writeRow({QStringLiteral("決済金額"), QStringLiteral("-5")}).isError());
        QVERIFY(!QFile::exists(path)); // nothing at the path until commit
        QVERIFY(!file.commit().isError());
        QFile out(path);
        QVERIFY(out.open(QIODevice::ReadOnly));
        const QByteArray bytes = out.readAll();
        QCOMPARE(bytes, QByteArray("\xEF\xBB\xBF") + QStringLiteral("決済金額,'-5\r\n").toUtf8());
        QCOMPARE(decodeCsvText(bytes, CsvEncoding::Utf8Bom), QStringLiteral("決済金額,'-5\r\n"));
    }

    void unwritableDirectoryIsAnIoError()
    {
        CsvFile file(QStringLiteral("/nonexistent-dir-kessai/x.csv"), utf8());
        const CsvError error = file.open();
        QCOMPARE(error.kind, CsvError::Kind::Io);
        QVERIFY(!error.message().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCsvWriter)
#include "tst_csvwriter.moc"
