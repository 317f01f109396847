#include "registration/cardrules.h"
#include "registration/registrationrules.h"
#include "registration/sandboxissuer.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QSet>
#include <QTest>

using namespace kessai::gateway;

// The pure rules of manual registration: Luhn, brand from the BIN at every range boundary,
// expiry in Japan time, security code length, holder names, the sandbox issuer's test cards,
// due dates and the keyed digests that stand in for card data in idempotency hashes.
class TestCardRules : public QObject
{
    Q_OBJECT

private slots:
    void luhnCheckDigit_data();
    void luhnCheckDigit();
    void brandFromBin_data();
    void brandFromBin();
    void numbersAcceptSpacesAndHyphensOnly();
    void expiryIsParsedAndValidThroughItsMonthInJapan();
    void securityCodeLengthDependsOnTheBrand();
    void holderNamesAreAsciiUpperCase_data();
    void holderNamesAreAsciiUpperCase();
    void testCardsAreValidAndDeclineWithTheirCodes();
    void dueTimeIsTheEndOfTheDayInJapan();
    void validCardBodyKeepsOnlyWhatMayBeStored();
    void hashDigestsHideTheCardAndDependOnTheKey();
};

namespace {

qint64 utc(const char *text)
{
    return QDateTime::fromString(QString::fromLatin1(text), Qt::ISODate).toSecsSinceEpoch();
}

} // namespace

void TestCardRules::luhnCheckDigit_data()
{
    QTest::addColumn<QString>("digits");
    QTest::addColumn<bool>("valid");
    QTest::newRow("visa test") << QStringLiteral("4111111111111111") << true;
    QTest::newRow("visa last digit off") << QStringLiteral("4111111111111112") << false;
    QTest::newRow("mastercard") << QStringLiteral("5555555555554444") << true;
    QTest::newRow("amex 15") << QStringLiteral("378282246310005") << true;
    QTest::newRow("diners 14") << QStringLiteral("36227206271667") << true;
    QTest::newRow("jcb") << QStringLiteral("3530111333300000") << true;
    QTest::newRow("two digits swapped") << QStringLiteral("4111111111111161") << false;
    QTest::newRow("all zero passes the sum") << QStringLiteral("0000000000000000") << true;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("not digits") << QStringLiteral("41111111111111a1") << false;
}

void TestCardRules::luhnCheckDigit()
{
    QFETCH(QString, digits);
    QFETCH(bool, valid);
    QCOMPARE(CardRules::luhnValid(digits), valid);
}

void TestCardRules::brandFromBin_data()
{
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<QString>("brand");
    const QString visa = QStringLiteral("VISA");
    const QString master = QStringLiteral("Mastercard");
    const QString jcb = QStringLiteral("JCB");
    const QString amex = QStringLiteral("AMEX");
    const QString diners = QStringLiteral("Diners");
    QTest::newRow("4") << QStringLiteral("4000") << visa;
    QTest::newRow("49") << QStringLiteral("4999") << visa;
    QTest::newRow("50 unknown") << QStringLiteral("5000") << QString();
    QTest::newRow("51") << QStringLiteral("5100") << master;
    QTest::newRow("55") << QStringLiteral("5599") << master;
    QTest::newRow("56 unknown") << QStringLiteral("5600") << QString();
    QTest::newRow("2220 unknown") << QStringLiteral("2220") << QString();
    QTest::newRow("2221") << QStringLiteral("2221") << master;
    QTest::newRow("2720") << QStringLiteral("2720") << master;
    QTest::newRow("2721 unknown") << QStringLiteral("2721") << QString();
    QTest::newRow("3527 unknown") << QStringLiteral("3527") << QString();
    QTest::newRow("3528") << QStringLiteral("3528") << jcb;
    QTest::newRow("3589") << QStringLiteral("3589") << jcb;
    QTest::newRow("3590 unknown") << QStringLiteral("3590") << QString();
    QTest::newRow("34") << QStringLiteral("3400") << amex;
    QTest::newRow("37") << QStringLiteral("3700") << amex;
    QTest::newRow("35 below jcb") << QStringLiteral("3500") << QString();
    QTest::newRow("36") << QStringLiteral("3600") << diners;
    QTest::newRow("38") << QStringLiteral("3800") << diners;
    QTest::newRow("300") << QStringLiteral("3000") << diners;
    QTest::newRow("305") << QStringLiteral("3059") << diners;
    QTest::newRow("306 unknown") << QStringLiteral("3060") << QString();
    QTest::newRow("discover unknown") << QStringLiteral("6011") << QString();
    QTest::newRow("1 unknown") << QStringLiteral("1234") << QString();
}

void TestCardRules::brandFromBin()
{
    QFETCH(QString, prefix);
    QFETCH(QString, brand);
    QCOMPARE(CardRules::brandFromNumber(prefix + QStringLiteral("000000000000")), brand);
}

void TestCardRules::numbersAcceptSpacesAndHyphensOnly()
{
    QCOMPARE(CardRules::normalizedNumber(QStringLiteral("4111 1111-1111 1111")).value_or(QString()), QStringLiteral("4111111111111111"));
    QVERIFY(!CardRules::normalizedNumber(QStringLiteral("4111.1111.1111.1111")));
    QVERIFY(!CardRules::normalizedNumber(QStringLiteral("4111１111")));  // a full-width digit
    QVERIFY(!CardRules::normalizedNumber(QStringLiteral("4111\t1111")));
}

void TestCardRules::expiryIsParsedAndValidThroughItsMonthInJapan()
{
    QCOMPARE(CardRules::parseExpiry(QStringLiteral("11/26"))->text(), QStringLiteral("11/26"));
    QCOMPARE(CardRules::parseExpiry(QStringLiteral("0130"))->text(), QStringLiteral("01/30"));
    QCOMPARE(CardRules::parseExpiry(QStringLiteral("01/30"))->year, 2030);
    for (const char *bad : {"00/30", "13/30", "1/30", "01/2030", "01-30", "", "ab/cd"})
        QVERIFY2(!CardRules::parseExpiry(QString::fromLatin1(bad)), bad);

    const CardRules::Expiry november = *CardRules::parseExpiry(QStringLiteral("11/26"));
    // 30 November 23:59:59 JST is 14:59:59 UTC: still valid; a second later it is December in Japan.
    QVERIFY(CardRules::expiryNotPast(november, utc("2026-11-30T14:59:59Z")));
    QVERIFY(!CardRules::expiryNotPast(november, utc("2026-11-30T15:00:00Z")));
    QVERIFY(CardRules::expiryNotPast(november, utc("2026-01-01T00:00:00Z")));
    QVERIFY(!CardRules::expiryNotPast(november, utc("2027-01-01T00:00:00Z")));
    QVERIFY(CardRules::expiryNotPast(*CardRules::parseExpiry(QStringLiteral("01/27")), utc("2026-12-31T23:00:00Z")));
}

void TestCardRules::securityCodeLengthDependsOnTheBrand()
{
    QVERIFY(CardRules::cvcValid(QStringLiteral("123"), QStringLiteral("VISA")));
    QVERIFY(!CardRules::cvcValid(QStringLiteral("1234"), QStringLiteral("VISA")));
    QVERIFY(!CardRules::cvcValid(QStringLiteral("12"), QStringLiteral("JCB")));
    QVERIFY(CardRules::cvcValid(QStringLiteral("1234"), QStringLiteral("AMEX")));
    QVERIFY(!CardRules::cvcValid(QStringLiteral("123"), QStringLiteral("AMEX")));
    QVERIFY(!CardRules::cvcValid(QStringLiteral("12a"), QStringLiteral("Mastercard")));
}

void TestCardRules::holderNamesAreAsciiUpperCase_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("stored"); // empty = refused
    QTest::newRow("lower case") << QStringLiteral("taro yamada") << QStringLiteral("TARO YAMADA");
    QTest::newRow("extra spaces") << QStringLiteral("  Taro   Yamada ") << QStringLiteral("TARO YAMADA");
    QTest::newRow("apostrophe and hyphen") << QStringLiteral("Jean-Luc O'Neil") << QStringLiteral("JEAN-LUC O'NEIL");
    QTest::newRow("kanji") << QStringLiteral("山田 太郎") << QString();
    QTest::newRow("digits") << QStringLiteral("TARO 2") << QString();
    QTest::newRow("accented") << QStringLiteral("JOSÉ") << QString();
    QTest::newRow("empty") << QStringLiteral("   ") << QString();
    QTest::newRow("45 letters") << QString(45, u'A') << QString(45, u'A');
    QTest::newRow("46 letters") << QString(46, u'A') << QString();
}

void TestCardRules::holderNamesAreAsciiUpperCase()
{
    QFETCH(QString, typed);
    QFETCH(QString, stored);
    QCOMPARE(CardRules::normalizedHolder(typed).value_or(QString()), stored);
}

void TestCardRules::testCardsAreValidAndDeclineWithTheirCodes()
{
    QSet<QString> codes;
    int approving = 0;
    for (const SandboxIssuer::TestCard &card : SandboxIssuer::testCards()) {
        const QString number = QString::fromLatin1(card.number);
        QVERIFY2(CardRules::luhnValid(number), card.number);
        QVERIFY2(!CardRules::brandFromNumber(number).isEmpty(), card.number);
        const SandboxIssuer::Decision decision = SandboxIssuer::authorize(number);
        QCOMPARE(decision.approved, *card.detailCode == '\0');
        QCOMPARE(decision.detailCode, QString::fromLatin1(card.detailCode));
        if (decision.approved)
            ++approving;
        else
            codes.insert(decision.detailCode);
    }
    QCOMPARE(codes, (QSet<QString>{QStringLiteral("1G12"), QStringLiteral("1G44"), QStringLiteral("1G83"), QStringLiteral("1G02")}));
    QVERIFY(approving >= 3);
    // Any other valid card is approved.
    QVERIFY(SandboxIssuer::authorize(QStringLiteral("4929382917465835")).approved);
}

void TestCardRules::dueTimeIsTheEndOfTheDayInJapan()
{
    // 12:00 JST on 23 November: seven days later ends at 30 November 23:59:59 JST.
    QCOMPARE(RegistrationRules::dueTime(utc("2026-11-23T03:00:00Z"), 7), utc("2026-11-30T14:59:59Z"));
    // 01:00 JST on 24 November (still the 23rd in UTC): one day is the end of the 25th in Japan.
    QCOMPARE(RegistrationRules::dueTime(utc("2026-11-23T16:00:00Z"), 1), utc("2026-11-25T14:59:59Z"));
    QCOMPARE(RegistrationRules::dueTime(utc("2026-11-23T14:59:59Z"), 60), utc("2027-01-22T14:59:59Z"));
}

void TestCardRules::validCardBodyKeepsOnlyWhatMayBeStored()
{
    const QJsonObject body = QJsonDocument::fromJson(R"({"type": "02", "trading_id": "ORD_1", "amount": 1500,
        "card": {"number": "3782 822463 10005", "expiry": "0130", "cvc": "1234", "holder": "hanako sato"},
        "payment_class": "61", "split_count": 12, "capture": true})").object();
    const auto parsed = RegistrationRules::parse(body, utc("2026-11-23T03:00:00Z"));
    QVERIFY(std::holds_alternative<RegistrationRules::Registration>(parsed));
    const auto &r = std::get<RegistrationRules::Registration>(parsed);
    QCOMPARE(r.card.brand, QStringLiteral("AMEX"));
    QCOMPARE(r.card.bin, QStringLiteral("378282"));
    QCOMPARE(r.card.last4, QStringLiteral("0005"));
    QCOMPARE(r.card.expiry, QStringLiteral("01/30"));
    QCOMPARE(r.institution, QStringLiteral("AMEX"));
    QCOMPARE(r.holder, QStringLiteral("HANAKO SATO"));
    QCOMPARE(r.paymentClass, QStringLiteral("61"));
    QCOMPARE(r.splitCount, 12);
    QVERIFY(r.capture);
    QCOMPARE(r.amount, qint64(1500));
}

void TestCardRules::hashDigestsHideTheCardAndDependOnTheKey()
{
    const QJsonObject body{{QStringLiteral("type"), QStringLiteral("02")},
                           {QStringLiteral("card"), QJsonObject{{QStringLiteral("number"), QStringLiteral("4929382917465835")},
                                                                {QStringLiteral("cvc"), QStringLiteral("468")},
                                                                {QStringLiteral("expiry"), QStringLiteral("12/30")}}}};
    const QByteArray keyA(32, 'a');
    const QByteArray keyB(32, 'b');
    const QByteArray a = QJsonDocument(RegistrationRules::digestedForHash(body, keyA)).toJson(QJsonDocument::Compact);
    QVERIFY(!a.contains("4929382917465835"));
    QVERIFY(!a.contains("\"468\""));
    QVERIFY(a.contains("\"12/30\""));
    QCOMPARE(QJsonDocument(RegistrationRules::digestedForHash(body, keyA)).toJson(QJsonDocument::Compact), a);
    QVERIFY(QJsonDocument(RegistrationRules::digestedForHash(body, keyB)).toJson(QJsonDocument::Compact) != a);
    QJsonObject otherCard = body;
    otherCard.insert(QStringLiteral("card"), QJsonObject{{QStringLiteral("number"), QStringLiteral("4111111111111111")},
                                                         {QStringLiteral("cvc"), QStringLiteral("468")},
                                                         {QStringLiteral("expiry"), QStringLiteral("12/30")}});
    QVERIFY(QJsonDocument(RegistrationRules::digestedForHash(otherCard, keyA)).toJson(QJsonDocument::Compact) != a);
}

QTEST_GUILESS_MAIN(TestCardRules)
#include "tst_cardrules.moc"
