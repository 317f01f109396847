#include "export/tablewriter.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace kessai;

namespace {

QList<ExportColumn> allKinds()
{
    return {
        {QStringLiteral("決済ID"), ExportColumn::Kind::Text},
        {QStringLiteral("件数"), ExportColumn::Kind::Integer},
        {QStringLiteral("金額"), ExportColumn::Kind::Money},
        {QStringLiteral("決済日時"), ExportColumn::Kind::DateTime},
        {QStringLiteral("入金予定日"), ExportColumn::Kind::Date},
        {QStringLiteral("手数料率"), ExportColumn::Kind::Percent},
        {QStringLiteral("備考"), ExportColumn::Kind::Text},
    };
}

// 2026-11-30 20:15:30 UTC is 2026-12-01 05:15:30 in Japan.
const qint64 LateEveningUtc = QDateTime(QDate(2026, 11, 30), QTime(20, 15, 30), Qt::UTC).toSecsSinceEpoch();

QVariantList fullRow(const QString &remark)
{
    return {QStringLiteral("100000000000001923"), qint64(1234), qint64(-500), LateEveningUtc, QDate(2026, 11, 30),
            qint64(-325), remark};
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

// The CSV backend of the export engine: each kind as the text CSV readers expect, formulas
// neutralised, CP932's limits reported where they are.
class TestTableWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writesEachKindAsText_data()
    {
        QTest::addColumn<ExportFormat>("format");
        QTest::addColumn<CsvEncoding>("encoding");
        QTest::newRow("UTF-8 BOM") << ExportFormat::CsvUtf8Bom << CsvEncoding::Utf8Bom;
        QTest::newRow("UTF-8") << ExportFormat::CsvUtf8 << CsvEncoding::Utf8;
        QTest::newRow("CP932") << ExportFormat::CsvCp932 << CsvEncoding::Cp932;
    }
    void writesEachKindAsText()
    {
        QFETCH(ExportFormat, format);
        QFETCH(CsvEncoding, encoding);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("out.csv"));
        std::unique_ptr<TableWriter> writer = TableWriter::create(path, format);
        QVERIFY(writer);
        QVERIFY(!writer->open(allKinds()).isError());
        QVERIFY(!writer->writeRow(fullRow(QStringLiteral("=SUM(A1)"))).isError());
        QVERIFY(!writer->writeRow({QStringLiteral("100000000000001924"), QVariant(), QVariant(), qint64(0)}).isError());
        QCOMPARE(writer->rowsWritten(), qint64(2));
        QVERIFY(!QFile::exists(path));
        QVERIFY(!writer->commit().isError());

        const QByteArray bytes = readFile(path);
        QCOMPARE(bytes.startsWith("\xEF\xBB\xBF"), encoding == CsvEncoding::Utf8Bom);
        QCOMPARE(decodeCsvText(bytes, encoding),
                 QStringLiteral("決済ID,件数,金額,決済日時,入金予定日,手数料率,備考\r\n"
                                "100000000000001923,1234,-500,2026/12/01 05:15:30,2026/11/30,-3.25,'=SUM(A1)\r\n"
                                "100000000000001924,,,,,,\r\n"));
    }

    void cp932ReportsAnUnmappableCharacterWhereItIs()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("out.csv"));
        {
            std::unique_ptr<TableWriter> writer = TableWriter::create(path, ExportFormat::CsvCp932);
            QVERIFY(!writer->open(allKinds()).isError());
            QVERIFY(!writer->writeRow(fullRow(QStringLiteral("①㈱髙"))).isError()); // all in CP932
            const CsvError error = writer->writeRow(fullRow(QStringLiteral("OK 😀")));
            QCOMPARE(error.kind, CsvError::Kind::Unmappable);
            QCOMPARE(error.row, qint64(3)); // the header is record 1
            QCOMPARE(error.column, 7);
            QCOMPARE(error.character, char32_t(0x1F600));
            QVERIFY(error.message().contains(QStringLiteral("U+1F600")));
        }
        QVERIFY(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).isEmpty());
    }

    // The columns the user chose, in the order chosen: the header and every row follow it; an
    // index past the end and a repeated one are ignored; a choice of none left is every column.
    void writesTheChosenColumnsInTheirOrder()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("chosen.csv"));
        TableWriter::Options options;
        options.columnOrder = {6, 2, 0, 99, 2};
        std::unique_ptr<TableWriter> writer = TableWriter::create(path, ExportFormat::CsvUtf8, options);
        QVERIFY(!writer->open(allKinds()).isError());
        QVERIFY(!writer->writeRow(fullRow(QStringLiteral("メモ"))).isError());
        QVERIFY(!writer->writeRow({QStringLiteral("100000000000001924")}).isError()); // a short row: empty cells
        QVERIFY(!writer->commit().isError());
        QCOMPARE(writer->rowsWritten(), qint64(2));
        QCOMPARE(decodeCsvText(readFile(path), CsvEncoding::Utf8),
                 QStringLiteral("備考,金額,決済ID\r\n"
                                "メモ,-500,100000000000001923\r\n"
                                ",,100000000000001924\r\n"));

        const QString all = dir.filePath(QStringLiteral("all.csv"));
        options.columnOrder = {42};
        writer = TableWriter::create(all, ExportFormat::CsvUtf8, options);
        QVERIFY(!writer->open(allKinds()).isError());
        QVERIFY(!writer->commit().isError());
        QCOMPARE(decodeCsvText(readFile(all), CsvEncoding::Utf8), QStringLiteral("決済ID,件数,金額,決済日時,入金予定日,手数料率,備考\r\n"));
    }
};

QTEST_GUILESS_MAIN(TestTableWriter)
#include "tst_tablewriter.moc"
