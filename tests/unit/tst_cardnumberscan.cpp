#include "domain/cardnumberscan.h"

#include <QTest>

using namespace kessai;

namespace {

// digits followed by the Luhn check digit that makes them valid.
QString withCheckDigit(const QString &digits)
{
    for (int check = 0; check <= 9; ++check) {
        const QString candidate = digits + QString::number(check);
        int sum = 0;
        for (qsizetype i = 0; i < candidate.size(); ++i) {
            int digit = candidate.at(candidate.size() - 1 - i).digitValue();
            if (i % 2 == 1)
                digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            sum += digit;
        }
        if (sum % 10 == 0)
            return candidate;
    }
    return {};
}

QString fullWidth(const QString &ascii)
{
    QString wide;
    for (const QChar c : ascii)
        wide += c.isDigit() ? QChar(char16_t(0xFF10 + c.digitValue())) : c == u' ' ? QChar(char16_t(0x3000)) : c;
    return wide;
}

} // namespace

// The one detector of card numbers in free text, shared by the gateway and the console. The
// numbers are the card networks' public test numbers or made up here; the output names only the
// row, never a number.
class TestCardNumberScan : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void detects_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("found");

        const QString visa = QStringLiteral("4111111111111111");
        QTest::newRow("16 digits") << visa << true;
        QTest::newRow("grouped by spaces") << QStringLiteral("4111 1111 1111 1111") << true;
        QTest::newRow("grouped by hyphens") << QStringLiteral("4111-1111-1111-1111") << true;
        QTest::newRow("mixed separators, doubled") << QStringLiteral("4111 - 1111  1111-1111") << true;
        QTest::newRow("in a name") << QStringLiteral("山田 4111 1111 1111 1111 様") << true;
        QTest::newRow("after other digits") << QStringLiteral("部屋 12 4111 1111 1111 1111") << true;
        QTest::newRow("glued to letters") << QStringLiteral("ABC4111111111111111XYZ") << true;
        QTest::newRow("e-mail local part") << QStringLiteral("4111111111111111@example.jp") << true;
        QTest::newRow("full-width digits") << fullWidth(visa) << true;
        QTest::newRow("full-width, ideographic spaces") << fullWidth(QStringLiteral("4111 1111 1111 1111")) << true;
        QTest::newRow("full-width hyphens") << QStringLiteral("４１１１－１１１１－１１１１－１１１１") << true;
        QTest::newRow("long vowel mark as hyphen") << QStringLiteral("4111ー1111ー1111ー1111") << true;
        QTest::newRow("line breaks") << QStringLiteral("4111\n1111\n1111\n1111") << true;
        QTest::newRow("AMEX 15, grouped 4-6-5") << QStringLiteral("3782 822463 10005") << true;
        QTest::newRow("Diners 14") << QStringLiteral("3056 9309 0259 04") << true;
        QTest::newRow("13 digits") << QStringLiteral("4222222222222") << true;
        QTest::newRow("19 digits") << withCheckDigit(QStringLiteral("411111111111111111")) << true;
        QTest::newRow("inside a run of 20+ digits") << QString(QStringLiteral("0000") + visa + QStringLiteral("0000")) << true;

        QTest::newRow("empty") << QString() << false;
        QTest::newRow("a name") << QStringLiteral("山田 太郎") << false;
        QTest::newRow("check digit wrong") << QStringLiteral("4111 1111 1111 1112") << false;
        QTest::newRow("12 digits, Luhn-valid") << withCheckDigit(QStringLiteral("41111111111")) << false;
        QTest::newRow("broken by a letter") << QStringLiteral("4111 1111 X 1111 1111") << false;
        QTest::newRow("separated by dots") << QStringLiteral("4111.1111.1111.1111") << false;
        QTest::newRow("a phone number") << QStringLiteral("090-1234-5678") << false;
        QTest::newRow("postal code and phone") << QStringLiteral("〒100-0001 03-1234-5678") << false;
        QTest::newRow("two phone numbers") << QStringLiteral("03-1234-5678 090-1234-5678") << false;
        QTest::newRow("a trading id") << QStringLiteral("ORD20261123_A001") << false;
        QTest::newRow("a date and time") << QStringLiteral("2026-12-03 15:04") << false;
    }

    void detects()
    {
        QFETCH(QString, text);
        QFETCH(bool, found);
        // QVERIFY, not QCOMPARE: a failure names the row, never the text.
        QVERIFY(containsCardNumber(text) == found);
    }

    // Every Luhn-valid length from 13 to 19 is found, 12 is not.
    void everyLengthFrom13To19()
    {
        for (int length = 12; length <= 19; ++length) {
            const QString number = withCheckDigit(QString(QStringLiteral("4")).leftJustified(length - 1, u'1'));
            QVERIFY2(containsCardNumber(number) == (length >= 13 && length <= 19), QByteArray::number(length).constData());
        }
    }

    // A field of hostile length stays quick and answers.
    void longTextStaysLinear()
    {
        QVERIFY(!containsCardNumber(QString(100000, u'x')));
        QVERIFY(!containsCardNumber(QString(2000, u'5').replace(QStringLiteral("55"), QStringLiteral("5 "))));
    }
};

QTEST_APPLESS_MAIN(TestCardNumberScan)
#include "tst_cardnumberscan.moc"
