#include "texttable.h"

#include <QTest>

using namespace kessai;

class TestTextTable : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void countsJapaneseAsTwoCells_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("width");
        QTest::newRow("ascii") << QStringLiteral("VISA") << 4;
        QTest::newRow("kanji") << QStringLiteral("消込済") << 6;
        QTest::newRow("katakana") << QStringLiteral("ローソン") << 8;
        QTest::newRow("half-width kana") << QStringLiteral("ｶｰﾄﾞ") << 4;
        QTest::newRow("yen") << QStringLiteral("1,200円") << 7;
        QTest::newRow("empty") << QString() << 0;
    }
    void countsJapaneseAsTwoCells()
    {
        QFETCH(QString, text);
        QFETCH(int, width);
        QCOMPARE(TextTable::displayWidth(text), width);
    }

    void alignsColumnsByDisplayWidth()
    {
        TextTable table({QStringLiteral("支払機関"), QStringLiteral("Amount")}, {false, true});
        table.addRow({QStringLiteral("VISA"), QStringLiteral("6,300円")});
        table.addRow({QStringLiteral("ローソン"), QStringLiteral("12,000円")});
        const QStringList lines = table.render().split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        // Every line ends at the same display column.
        const int width = TextTable::displayWidth(lines.at(0));
        for (const QString &line : lines)
            QCOMPARE(TextTable::displayWidth(line), width);
        QVERIFY(lines.at(1).endsWith(QStringLiteral(" 6,300円")));
    }
};

QTEST_GUILESS_MAIN(TestTextTable)
#include "tst_texttable.moc"
