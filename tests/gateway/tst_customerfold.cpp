#include "db/customerfold.h"

#include <QTest>

using namespace kessai::gateway;

// What a caller types and what was registered meet in one folded text (issue 24: サトウハナコ,
// さとう はなこ, ｻﾄｳ and 佐藤　花子 find サトウ ハナコ / 佐藤 花子).
class TestCustomerFold : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void foldsWhatJapaneseInputVaries_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("folded");
        QTest::newRow("katakana with a space") << QStringLiteral("サトウ ハナコ") << QStringLiteral("サトウハナコ");
        QTest::newRow("katakana without") << QStringLiteral("サトウハナコ") << QStringLiteral("サトウハナコ");
        QTest::newRow("hiragana with a space") << QStringLiteral("さとう はなこ") << QStringLiteral("サトウハナコ");
        QTest::newRow("half-width katakana") << QStringLiteral("ｻﾄｳ ﾊﾅｺ") << QStringLiteral("サトウハナコ");
        QTest::newRow("half-width voiced marks compose") << QStringLiteral("ｶﾞｯｺｳ") << QStringLiteral("ガッコウ");
        QTest::newRow("hiragana voiced and small") << QStringLiteral("がっこう ゔぁ") << QStringLiteral("ガッコウヴァ");
        QTest::newRow("kanji with an ideographic space") << QStringLiteral("佐藤\u3000花子") << QStringLiteral("佐藤花子");
        QTest::newRow("kanji with a space") << QStringLiteral("佐藤 花子") << QStringLiteral("佐藤花子");
        QTest::newRow("full-width latin and digits") << QStringLiteral("ＴＡＲＯ　０９０") << QStringLiteral("taro090");
        QTest::newRow("latin case") << QStringLiteral("Hanako Sato") << QStringLiteral("hanakosato");
        QTest::newRow("long vowel mark, both widths") << QStringLiteral("ｺｰﾋｰ こーひー") << QStringLiteral("コーヒーコーヒー");
        QTest::newRow("circled and compatibility forms") << QStringLiteral("㈱ｶﾌﾞｼｷ") << QStringLiteral("(株)カブシキ");
        QTest::newRow("the field separator is never searched") << QStringLiteral("a\u001fb") << QStringLiteral("ab");
    }
    void foldsWhatJapaneseInputVaries()
    {
        QFETCH(QString, typed);
        QFETCH(QString, folded);
        QCOMPARE(CustomerFold::fold(typed), folded);
    }

    void theStoredTextHoldsNameKanaAndPhoneDigits()
    {
        const QString text = CustomerFold::searchText(QStringLiteral("佐藤 花子"), QStringLiteral("サトウ ハナコ"),
                                                      QStringLiteral("090-1234-5678"));
        QCOMPARE(text, QStringLiteral("佐藤花子\u001fサトウハナコ\u001f09012345678"));
        for (const QString &typed : {QStringLiteral("サトウハナコ"), QStringLiteral("さとう はなこ"), QStringLiteral("ｻﾄｳ"),
                                     QStringLiteral("佐藤\u3000花子"), QStringLiteral("とうはな")})
            QVERIFY2(text.contains(CustomerFold::fold(typed)), qPrintable(typed));
        QVERIFY(!text.contains(CustomerFold::fold(QStringLiteral("すずき"))));
        QCOMPARE(CustomerFold::searchText({}, {}, {}), QStringLiteral("\u001f\u001f"));
    }
};

QTEST_GUILESS_MAIN(TestCustomerFold)
#include "tst_customerfold.moc"
