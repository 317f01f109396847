#include "register/registration.h"

#include <QTest>

using namespace kessai;

// The card and kana rules the registration page checks while typing, and the wiping of the
// request's card data.
class TestRegistration : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void brandsFromTheBin_data()
    {
        QTest::addColumn<QString>("number");
        QTest::addColumn<QString>("brand");
        QTest::addColumn<bool>("luhn");
        QTest::newRow("visa") << "4111111111111111" << "VISA" << true;
        QTest::newRow("master 55") << "5555555555554444" << "Mastercard" << true;
        QTest::newRow("master 2-series") << "2223003122003222" << "Mastercard" << true;
        QTest::newRow("jcb") << "3530111333300000" << "JCB" << true;
        QTest::newRow("amex") << "378282246310005" << "AMEX" << true;
        QTest::newRow("diners") << "36227206271667" << "Diners" << true;
        QTest::newRow("check digit off") << "4111111111111112" << "VISA" << false;
        QTest::newRow("unknown") << "9111111111111111" << "" << false;
        QTest::newRow("too short") << "4111111111" << "VISA" << false;
    }
    void brandsFromTheBin()
    {
        QFETCH(QString, number);
        QFETCH(QString, brand);
        QFETCH(bool, luhn);
        QCOMPARE(Registration::brandOf(number), brand);
        if (!brand.isEmpty())
            QCOMPARE(Registration::luhnValid(number), luhn);
    }

    void numbersAreGroupedAndMasked()
    {
        QCOMPARE(Registration::digitsOf(QStringLiteral("4111-1111 1111１１１１")), QStringLiteral("4111111111111111"));
        QCOMPARE(Registration::grouped(QStringLiteral("4111111111111111")), QStringLiteral("4111 1111 1111 1111"));
        QCOMPARE(Registration::grouped(QStringLiteral("378282246310005")), QStringLiteral("3782 822463 10005"));
        QCOMPARE(Registration::grouped(QStringLiteral("36227206271667")), QStringLiteral("3622 720627 1667"));
        QCOMPARE(Registration::grouped(QStringLiteral("41111")), QStringLiteral("4111 1"));
        QCOMPARE(Registration::masked(QStringLiteral("4111111111111111")), QStringLiteral("4111 11** **** 1111"));
        QCOMPARE(Registration::cvcLength(QStringLiteral("AMEX")), 4);
        QCOMPARE(Registration::cvcLength(QStringLiteral("VISA")), 3);
    }

    void kanaIsFullWidthKatakana()
    {
        QCOMPARE(Registration::toKatakana(QStringLiteral("やまだ　はなこ")), QStringLiteral("ヤマダ ハナコ"));
        QCOMPARE(Registration::toKatakana(QStringLiteral("ﾔﾏﾀﾞ ﾊﾅｺ")), QStringLiteral("ヤマダ ハナコ"));
        QCOMPARE(Registration::toKatakana(QStringLiteral("ガッコウ")), QStringLiteral("ガッコウ"));
        QVERIFY(Registration::isKatakana(QStringLiteral("ヤマダ ハナコ")));
        QVERIFY(Registration::isKatakana(QStringLiteral("ヴォー・ケン")));
        QVERIFY(!Registration::isKatakana(QStringLiteral("やまだ")));
        QVERIFY(!Registration::isKatakana(QStringLiteral("Yamada")));
        QVERIFY(!Registration::isKatakana(QStringLiteral("  ")));
    }

    void expiryIsMonthAndYear()
    {
        int month = 0, year = 0;
        QVERIFY(Registration::parseExpiry(QStringLiteral("12/30"), &month, &year));
        QCOMPARE(month, 12);
        QCOMPARE(year, 30);
        QVERIFY(Registration::parseExpiry(QStringLiteral("0128"), &month, &year));
        QCOMPARE(month, 1);
        QVERIFY(!Registration::parseExpiry(QStringLiteral("13/30"), &month, &year));
        QVERIFY(!Registration::parseExpiry(QStringLiteral("1/3"), &month, &year));
    }

    void declinesAndFieldsInWords()
    {
        for (const char *code : {"1G02", "1G12", "1G44", "1G83"})
            QVERIFY(Registration::declineText(QString::fromLatin1(code)).contains(QString::fromLatin1(code)));
        QVERIFY(Registration::declineText(QStringLiteral("1G99")).contains(QStringLiteral("1G99")));
        const Registration::FieldError expired{QStringLiteral("card.expiry"), QStringLiteral("expired"), QStringLiteral("x")};
        QCOMPARE(Registration::fieldErrorText(expired), QStringLiteral("This card has expired."));
        const Registration::FieldError other{QStringLiteral("something.new"), QStringLiteral("invalid"), QStringLiteral("as said")};
        QCOMPARE(Registration::fieldErrorText(other), QStringLiteral("as said"));
    }

    void theRequestIsWipedInPlace()
    {
        QByteArray body = QByteArrayLiteral(R"({"card":{"number":"4111111111111111","cvc":"739"}})");
        body.detach();
        QVERIFY(RegistrationRequest::overwrite(body));
        QCOMPARE(body, QByteArray(body.size(), '0')); // the same buffer, every byte overwritten
        QString digits = QStringLiteral("4111111111111111");
        digits.detach();
        QVERIFY(RegistrationRequest::overwrite(digits));
        QCOMPARE(digits, QString(16, u'0'));
        // A shared copy is not copied to be overwritten: it is let go.
        QString shared = QStringLiteral("4111111111111111");
        shared.detach();
        const QString other = shared;
        QVERIFY(!RegistrationRequest::overwrite(shared));
        QVERIFY(shared.isEmpty());
        QCOMPARE(other, QStringLiteral("4111111111111111"));

        RegistrationRequest request;
        QByteArray sent = QByteArrayLiteral(R"({"card":{"number":"4111111111111111"}})");
        request.setBody(std::move(sent), QByteArrayLiteral("key-1"));
        QVERIFY(!request.isEmpty());
        QCOMPARE(request.key(), QByteArrayLiteral("key-1"));
        request.wipe();
        QVERIFY(request.isEmpty());
        QVERIFY(request.key().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRegistration)
#include "tst_registration.moc"
