#include "domain/money.h"

#include <QLocale>
#include <QTest>

using namespace kessai;

class TestMoney : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void formatsYenPerLocale_data()
    {
        QTest::addColumn<qint64>("amount");
        QTest::addColumn<QString>("japanese");
        QTest::addColumn<QString>("english");
        QTest::newRow("zero") << qint64(0) << QStringLiteral("0円") << QStringLiteral("¥0");
        QTest::newRow("hundreds") << qint64(300) << QStringLiteral("300円") << QStringLiteral("¥300");
        QTest::newRow("thousands") << qint64(1200) << QStringLiteral("1,200円") << QStringLiteral("¥1,200");
        QTest::newRow("max payment") << qint64(9999999) << QStringLiteral("9,999,999円") << QStringLiteral("¥9,999,999");
        QTest::newRow("negative") << qint64(-25000) << QStringLiteral("-25,000円") << QStringLiteral("-¥25,000");
        QTest::newRow("huge") << qint64(1234567890123) << QStringLiteral("1,234,567,890,123円")
                              << QStringLiteral("¥1,234,567,890,123");
    }
    void formatsYenPerLocale()
    {
        QFETCH(qint64, amount);
        QFETCH(QString, japanese);
        QFETCH(QString, english);
        QCOMPARE(formatYen(amount, QLocale(QLocale::Japanese, QLocale::Japan)), japanese);
        QCOMPARE(formatYen(amount, QLocale(QLocale::English, QLocale::UnitedStates)), english);
    }

    void formatsTheMostNegativeValueWithoutOverflow()
    {
        const QString text = formatYen(std::numeric_limits<qint64>::min(), QLocale(QLocale::Japanese));
        QCOMPARE(text, QStringLiteral("-9,223,372,036,854,775,808円"));
    }

    void parsesWhatPeopleType_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<qint64>("amount");
        QTest::newRow("plain") << QStringLiteral("1200") << true << qint64(1200);
        QTest::newRow("grouped") << QStringLiteral("1,200") << true << qint64(1200);
        QTest::newRow("yen sign") << QStringLiteral("¥1,200") << true << qint64(1200);
        QTest::newRow("full-width yen") << QStringLiteral("￥１２００") << true << qint64(1200);
        QTest::newRow("en suffix") << QStringLiteral("1200円") << true << qint64(1200);
        QTest::newRow("negative") << QStringLiteral("-500") << true << qint64(-500);
        QTest::newRow("empty") << QString() << false << qint64(0);
        QTest::newRow("decimal") << QStringLiteral("12.5") << false << qint64(0);
        QTest::newRow("letters") << QStringLiteral("12a") << false << qint64(0);
        QTest::newRow("sign after digits") << QStringLiteral("12-") << false << qint64(0);
        QTest::newRow("too long") << QStringLiteral("1234567890123456789") << false << qint64(0);
    }
    void parsesWhatPeopleType()
    {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        QFETCH(qint64, amount);
        Yen parsed = 0;
        QCOMPARE(parseYen(text, &parsed), ok);
        if (ok)
            QCOMPARE(parsed, amount);
    }
};

QTEST_GUILESS_MAIN(TestMoney)
#include "tst_money.moc"
