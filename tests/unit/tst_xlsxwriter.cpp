#include "export/tablewriter.h"
#include "export/xlsxtablewriter.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <unzip.h>

#include <memory>

using namespace kessai;

namespace {

// One part of the .xlsx (a zip), read with minizip; empty if the part is missing.
QByteArray readPart(const QString &xlsx, const char *part)
{
    unzFile zip = unzOpen(QFile::encodeName(xlsx).constData());
    if (!zip)
        return {};
    QByteArray data;
    if (unzLocateFile(zip, part, 1) == UNZ_OK && unzOpenCurrentFile(zip) == UNZ_OK) {
        char buffer[8192];
        int n = 0;
        while ((n = unzReadCurrentFile(zip, buffer, sizeof buffer)) > 0)
            data.append(buffer, n);
        unzCloseCurrentFile(zip);
    }
    unzClose(zip);
    return data;
}

struct Cell
{
    QString type;  // t="…": "inlineStr", "s", or empty for a number
    int style = 0; // s="…"
    QString value; // <v>
    QString text;  // <is><t>
    bool formula = false;
};

struct Sheet
{
    QHash<QString, Cell> cells; // by reference, "A1"
    QHash<QString, QXmlStreamAttributes> elements; // the first pane, autoFilter, …
    QList<QXmlStreamAttributes> cols;
    bool wellFormed = false;
};

Sheet parseSheet(const QByteArray &xml)
{
    Sheet sheet;
    QXmlStreamReader reader(xml);
    QString ref;
    while (!reader.atEnd()) {
        reader.readNext();
        if (!reader.isStartElement())
            continue;
        const QStringView name = reader.name();
        const QXmlStreamAttributes attributes = reader.attributes();
        if (name == u"c") {
            ref = attributes.value(QLatin1String("r")).toString();
            Cell &cell = sheet.cells[ref];
            cell.type = attributes.value(QLatin1String("t")).toString();
            cell.style = attributes.value(QLatin1String("s")).toInt();
        } else if (name == u"v") {
            sheet.cells[ref].value = reader.readElementText();
        } else if (name == u"t") {
            sheet.cells[ref].text += reader.readElementText();
        } else if (name == u"f") {
            sheet.cells[ref].formula = true;
        } else if (name == u"col") {
            sheet.cols.append(attributes);
        } else if (!sheet.elements.contains(name.toString())) {
            sheet.elements.insert(name.toString(), attributes);
        }
    }
    sheet.wellFormed = !reader.hasError();
    return sheet;
}

// styles.xml: the number format and boldness of each cell style index.
struct Styles
{
    QList<QString> formatCodes; // by style index
    QList<bool> bold;
};

Styles parseStyles(const QByteArray &xml)
{
    QHash<int, QString> numFmts{{0, QStringLiteral("General")}, {3, QStringLiteral("#,##0")}, {10, QStringLiteral("0.00%")}};
    QList<bool> fontBold;
    Styles styles;
    QXmlStreamReader reader(xml);
    QString section;
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isEndElement() && (reader.name() == u"fonts" || reader.name() == u"cellXfs"))
            section.clear();
        if (!reader.isStartElement())
            continue;
        const QStringView name = reader.name();
        const QXmlStreamAttributes attributes = reader.attributes();
        if (name == u"fonts" || name == u"cellXfs") {
            section = name.toString();
        } else if (name == u"numFmt") {
            numFmts.insert(attributes.value(QLatin1String("numFmtId")).toInt(), attributes.value(QLatin1String("formatCode")).toString());
        } else if (section == u"fonts" && name == u"font") {
            fontBold.append(false);
        } else if (section == u"fonts" && name == u"b") {
            fontBold.last() = true;
        } else if (section == u"cellXfs" && name == u"xf") {
            styles.formatCodes.append(numFmts.value(attributes.value(QLatin1String("numFmtId")).toInt(), QStringLiteral("?")));
            styles.bold.append(fontBold.value(attributes.value(QLatin1String("fontId")).toInt()));
        }
    }
    return styles;
}

// Excel's serial date-time (1900 system, days since 1899-12-30) of a wall-clock time.
double excelSerial(const QDate &date, const QTime &time)
{
    return double(QDate(1899, 12, 30).daysTo(date)) + time.msecsSinceStartOfDay() / 86400000.0;
}

QList<ExportColumn> allKinds()
{
    return {
        {QStringLiteral("決済ID"), ExportColumn::Kind::Text},
        {QStringLiteral("加盟店名"), ExportColumn::Kind::Text},
        {QStringLiteral("件数"), ExportColumn::Kind::Integer},
        {QStringLiteral("金額"), ExportColumn::Kind::Money},
        {QStringLiteral("決済日時"), ExportColumn::Kind::DateTime},
        {QStringLiteral("入金予定日"), ExportColumn::Kind::Date},
        {QStringLiteral("手数料率"), ExportColumn::Kind::Percent},
        {QStringLiteral("備考"), ExportColumn::Kind::Text},
    };
}

// 2026-11-30 20:15:30 UTC is 2026-12-01 05:15:30 in Japan: the JST date is the next day.
const qint64 LateEveningUtc = QDateTime(QDate(2026, 11, 30), QTime(20, 15, 30), Qt::UTC).toSecsSinceEpoch();

const QString MerchantName = QStringLiteral("株式会社テスト ①㈱髙");

QVariantList fullRow()
{
    return {QStringLiteral("100000000000001923"), MerchantName, qint64(1234), qint64(-500), LateEveningUtc,
            QDate(2026, 11, 30), qint64(325), QStringLiteral("=SUM(A1)")};
}

QString writeWorkbook(const QTemporaryDir &dir, const QList<QVariantList> &rows, const TableWriter::Options &options = {})
{
    const QString path = dir.filePath(QStringLiteral("out.xlsx"));
    std::unique_ptr<TableWriter> writer = TableWriter::create(path, ExportFormat::Xlsx, options);
    if (!writer)
        return {};
    if (writer->open(allKinds()).isError())
        return {};
    for (const QVariantList &row : rows) {
        if (writer->writeRow(row).isError())
            return {};
    }
    if (writer->commit().isError())
        return {};
    return path;
}

QStringList filesIn(const QTemporaryDir &dir)
{
    return QDir(dir.path()).entryList(QDir::Files | QDir::Hidden | QDir::System);
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

// The .xlsx backend of the export engine: real numbers, yen, JST date-times and dates in a
// workbook written with constant memory, atomically.
class TestXlsxWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void createReturnsTheXlsxBackend()
    {
        QTemporaryDir dir;
        QVERIFY(dynamic_cast<XlsxTableWriter *>(
            TableWriter::create(dir.filePath(QStringLiteral("a.xlsx")), ExportFormat::Xlsx).get()));
    }

    void writesEachKindAsItsExcelType()
    {
        QTemporaryDir dir;
        const QVariantList sparse{QStringLiteral("100000000000001924"), QVariant(), QVariant(), QVariant(), qint64(0),
                                  QVariant(), QVariant(), QString()};
        const QString path = writeWorkbook(dir, {fullRow(), sparse});
        QVERIFY(!path.isEmpty());
        QCOMPARE(filesIn(dir), QStringList{QStringLiteral("out.xlsx")});

        const Sheet sheet = parseSheet(readPart(path, "xl/worksheets/sheet1.xml"));
        QVERIFY(sheet.wellFormed);
        const Styles styles = parseStyles(readPart(path, "xl/styles.xml"));
        QVERIFY(!styles.formatCodes.isEmpty());
        const auto formatOf = [&](const QString &ref) { return styles.formatCodes.value(sheet.cells.value(ref).style); };

        // The header row: bold strings.
        QCOMPARE(sheet.cells.value(QStringLiteral("A1")).text, QStringLiteral("決済ID"));
        QCOMPARE(sheet.cells.value(QStringLiteral("H1")).text, QStringLiteral("備考"));
        QVERIFY(styles.bold.value(sheet.cells.value(QStringLiteral("A1")).style));
        QVERIFY(!styles.bold.value(sheet.cells.value(QStringLiteral("A2")).style));

        // 18 digits stay text, exactly.
        const Cell id = sheet.cells.value(QStringLiteral("A2"));
        QCOMPARE(id.type, QStringLiteral("inlineStr"));
        QCOMPARE(id.text, QStringLiteral("100000000000001923"));
        QVERIFY(id.value.isEmpty());

        const Cell name = sheet.cells.value(QStringLiteral("B2"));
        QCOMPARE(name.type, QStringLiteral("inlineStr"));
        QCOMPARE(name.text, MerchantName);

        const Cell count = sheet.cells.value(QStringLiteral("C2"));
        QVERIFY(count.type.isEmpty());
        QCOMPARE(count.value, QStringLiteral("1234"));
        QCOMPARE(formatOf(QStringLiteral("C2")), QStringLiteral("#,##0"));

        const Cell amount = sheet.cells.value(QStringLiteral("D2"));
        QVERIFY(amount.type.isEmpty()); // a number, not t="s" or t="inlineStr"
        QCOMPARE(amount.value, QStringLiteral("-500"));
        QCOMPARE(formatOf(QStringLiteral("D2")), QStringLiteral("\"¥\"#,##0;\"¥\"\\-#,##0"));

        const Cell time = sheet.cells.value(QStringLiteral("E2"));
        QVERIFY(time.type.isEmpty());
        QVERIFY(qAbs(time.value.toDouble() - excelSerial(QDate(2026, 12, 1), QTime(5, 15, 30))) < 1e-9);
        QCOMPARE(int(time.value.toDouble()), 46357); // 2026-12-01, not the UTC date 2026-11-30 (46356)
        QCOMPARE(formatOf(QStringLiteral("E2")), QStringLiteral("yyyy/mm/dd hh:mm:ss"));

        const Cell date = sheet.cells.value(QStringLiteral("F2"));
        QCOMPARE(date.value.toDouble(), excelSerial(QDate(2026, 11, 30), QTime(0, 0)));
        QCOMPARE(formatOf(QStringLiteral("F2")), QStringLiteral("yyyy/mm/dd"));

        const Cell rate = sheet.cells.value(QStringLiteral("G2"));
        QVERIFY(rate.type.isEmpty());
        QCOMPARE(rate.value.toDouble(), 0.0325);
        QCOMPARE(formatOf(QStringLiteral("G2")), QStringLiteral("0.00%"));

        const Cell formula = sheet.cells.value(QStringLiteral("H2"));
        QCOMPARE(formula.type, QStringLiteral("inlineStr"));
        QCOMPARE(formula.text, QStringLiteral("=SUM(A1)"));
        QVERIFY(!formula.formula);
        QVERIFY(!readPart(path, "xl/worksheets/sheet1.xml").contains("<f>"));

        // Null cells, a 0 time and an empty text are empty cells.
        QVERIFY(sheet.cells.contains(QStringLiteral("A3")));
        for (const char *empty : {"B3", "C3", "D3", "E3", "F3", "G3", "H3"})
            QVERIFY2(!sheet.cells.contains(QString::fromLatin1(empty)), empty);

        // The header stays in view, with a filter over the table.
        const QXmlStreamAttributes pane = sheet.elements.value(QStringLiteral("pane"));
        QCOMPARE(pane.value(QLatin1String("ySplit")), QStringLiteral("1"));
        QCOMPARE(pane.value(QLatin1String("state")), QStringLiteral("frozen"));
        QCOMPARE(sheet.elements.value(QStringLiteral("autoFilter")).value(QLatin1String("ref")), QStringLiteral("A1:H3"));
    }

    void columnWidthsFitHeadersKindsAndFirstRows()
    {
        QTemporaryDir dir;
        const QString path = writeWorkbook(dir, {fullRow()});
        QVERIFY(!path.isEmpty());
        const Sheet sheet = parseSheet(readPart(path, "xl/worksheets/sheet1.xml"));
        QHash<int, double> widths;
        for (const QXmlStreamAttributes &col : sheet.cols)
            widths.insert(col.value(QLatin1String("min")).toInt(), col.value(QLatin1String("width")).toDouble());
        QCOMPARE(widths.size(), 8);
        QVERIFY2(widths.value(1) >= 18, "18 digits of 決済ID");
        QVERIFY2(widths.value(2) >= XlsxTableWriter::displayWidth(MerchantName), "a merchant name of wide characters");
        QVERIFY2(widths.value(5) >= 19, "yyyy/mm/dd hh:mm:ss");
        QVERIFY2(widths.value(6) >= 10 + 2, "入金予定日: five wide characters beat yyyy/mm/dd");
        QVERIFY2(widths.value(6) >= 5 * 2, "入金予定日");
        QVERIFY2(widths.value(8) < 12, "備考 over a short text stays narrow");
    }

    void displayWidthCountsWideCharactersTwice_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("width");
        QTest::newRow("ascii") << QStringLiteral("abc 12") << 6;
        QTest::newRow("決済ID") << QStringLiteral("決済ID") << 6;
        QTest::newRow("kana") << QStringLiteral("カード") << 6;
        QTest::newRow("half-width kana") << QStringLiteral("ｶｰﾄﾞ") << 4;
        QTest::newRow("full-width digits") << QStringLiteral("１２３") << 6;
        QTest::newRow("circled and squared") << QStringLiteral("①㈱髙") << 6;
        QTest::newRow("combining mark") << QStringLiteral("e\u0301") << 1;
        QTest::newRow("outside the BMP") << QStringLiteral("𠮷野家") << 6;
    }
    void displayWidthCountsWideCharactersTwice()
    {
        QFETCH(QString, text);
        QFETCH(int, width);
        QCOMPARE(XlsxTableWriter::displayWidth(text), width);
    }

    void sheetNameIsWhatExcelAccepts_data()
    {
        QTest::addColumn<QString>("requested");
        QTest::addColumn<QString>("expected");
        QTest::newRow("empty") << QString() << QStringLiteral("Sheet1");
        QTest::newRow("japanese") << QStringLiteral("支払明細") << QStringLiteral("支払明細");
        QTest::newRow("forbidden characters") << QStringLiteral("2026/11 明細[確定]:*?\\") << QStringLiteral("2026_11 明細_確定_____");
        QTest::newRow("31 characters") << QString(40, u'あ') << QString(31, u'あ');
        QTest::newRow("apostrophes at the ends") << QStringLiteral("'明細'") << QStringLiteral("明細");
        QTest::newRow("only apostrophes") << QStringLiteral("''") << QStringLiteral("Sheet1");
    }
    void sheetNameIsWhatExcelAccepts()
    {
        QFETCH(QString, requested);
        QFETCH(QString, expected);
        QCOMPARE(XlsxTableWriter::sheetName(requested), expected);
    }

    void workbookCarriesTheSanitisedSheetName()
    {
        QTemporaryDir dir;
        TableWriter::Options options;
        options.sheetName = QStringLiteral("2026/11 支払明細");
        const QString path = writeWorkbook(dir, {fullRow()}, options);
        QVERIFY(!path.isEmpty());
        QVERIFY(QString::fromUtf8(readPart(path, "xl/workbook.xml")).contains(QStringLiteral("name=\"2026_11 支払明細\"")));
    }

    void controlCharactersKeepTheFileValid()
    {
        QTemporaryDir dir;
        QVariantList row = fullRow();
        row[1] = QStringLiteral("a\u0001b\tc");
        row[7] = QStringLiteral("_x0041_");
        const QString path = writeWorkbook(dir, {row});
        QVERIFY(!path.isEmpty());
        const QByteArray xml = readPart(path, "xl/worksheets/sheet1.xml");
        const Sheet sheet = parseSheet(xml);
        QVERIFY(sheet.wellFormed);
        // Excel's escapes: it shows "a\u0001b\tc" and a literal "_x0041_".
        QCOMPARE(sheet.cells.value(QStringLiteral("B2")).text, QStringLiteral("a_x0001_b\tc"));
        QCOMPARE(sheet.cells.value(QStringLiteral("H2")).text, QStringLiteral("_x005F_x0041_"));
    }

    void destroyedBeforeCommitLeavesNothing()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("out.xlsx"));
        {
            std::unique_ptr<TableWriter> writer = TableWriter::create(path, ExportFormat::Xlsx);
            QVERIFY(!writer->open(allKinds()).isError());
            for (int i = 0; i < 300; ++i)
                QVERIFY(!writer->writeRow(fullRow()).isError());
            QCOMPARE(writer->rowsWritten(), qint64(300));
            QVERIFY(!QFile::exists(path)); // nothing under the name before commit
        }
        QVERIFY(!QFile::exists(path));
        QCOMPARE(filesIn(dir), QStringList());
    }

    void destroyedBeforeCommitLeavesAnExistingFileUntouched()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("out.xlsx"));
        {
            QFile old(path);
            QVERIFY(old.open(QIODevice::WriteOnly));
            old.write("last month's export");
        }
        {
            std::unique_ptr<TableWriter> writer = TableWriter::create(path, ExportFormat::Xlsx);
            QVERIFY(!writer->open(allKinds()).isError());
            QVERIFY(!writer->writeRow(fullRow()).isError());
        }
        QCOMPARE(readFile(path), QByteArray("last month's export"));
        QCOMPARE(filesIn(dir), QStringList{QStringLiteral("out.xlsx")});
    }

    void commitReplacesAnExistingFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("out.xlsx"));
        {
            QFile old(path);
            QVERIFY(old.open(QIODevice::WriteOnly));
            old.write("last month's export");
        }
        QCOMPARE(writeWorkbook(dir, {fullRow()}), path);
        QVERIFY(readFile(path).startsWith("PK"));
        const Sheet sheet = parseSheet(readPart(path, "xl/worksheets/sheet1.xml"));
        QCOMPARE(sheet.cells.value(QStringLiteral("A2")).text, QStringLiteral("100000000000001923"));
        QCOMPARE(filesIn(dir), QStringList{QStringLiteral("out.xlsx")});
        QVERIFY(QFile::permissions(path) & QFile::ReadOwner);
    }

    void unwritableDirectoryIsAnIoError()
    {
        std::unique_ptr<TableWriter> writer =
            TableWriter::create(QStringLiteral("/nonexistent-dir-kessai/x.xlsx"), ExportFormat::Xlsx);
        const CsvError error = writer->open(allKinds());
        QCOMPARE(error.kind, CsvError::Kind::Io);
        QVERIFY(!error.message().isEmpty());
        // The caller may carry on regardless: errors, not a crash.
        QCOMPARE(writer->writeRow(fullRow()).kind, CsvError::Kind::Io);
        QCOMPARE(writer->commit().kind, CsvError::Kind::Io);
    }

    void libxlsxwriterErrorsCarryTheirPlace()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("out.xlsx"));
        std::unique_ptr<TableWriter> writer = TableWriter::create(path, ExportFormat::Xlsx);
        QVERIFY(!writer->open(allKinds()).isError());
        QVERIFY(!writer->writeRow(fullRow()).isError());
        QVariantList row = fullRow();
        row[7] = QString(40000, u'x'); // Excel holds 32,767 characters in a cell
        const CsvError error = writer->writeRow(row);
        QCOMPARE(error.kind, CsvError::Kind::Io);
        QCOMPARE(error.row, qint64(3)); // the header is record 1
        QCOMPARE(error.column, 8);
        QVERIFY2(error.detail.contains(QStringLiteral("32,767")), qPrintable(error.detail)); // lxw_strerror's text
        writer.reset();
        QCOMPARE(filesIn(dir), QStringList());
    }
};

QTEST_GUILESS_MAIN(TestXlsxWriter)
#include "tst_xlsxwriter.moc"
