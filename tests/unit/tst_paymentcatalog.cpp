#include "domain/paymentcatalog.h"

#include <QTest>

using namespace kessai;

class TestPaymentCatalog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void knowsTheFirstVersionsTypes()
    {
        for (const char *code : {"01", "02", "03", "05"})
            QVERIFY2(PaymentCatalog::isKnownType(QString::fromLatin1(code)), code);
        QVERIFY(!PaymentCatalog::isKnownType(QStringLiteral("99")));
        QVERIFY(!PaymentCatalog::isKnownType(QString()));
    }

    void knowsPaygentStatusCodes()
    {
        const QList<int> expected{10, 11, 12, 13, 15, 20, 32, 33, 40, 41, 43, 60, 61};
        QCOMPARE(PaymentCatalog::allStatuses(), expected);
        QVERIFY(!PaymentCatalog::isKnownStatus(0));
        QVERIFY(!PaymentCatalog::isKnownStatus(42));
    }

    void everyTypesStatusesAreKnown()
    {
        for (const PaymentTypeInfo &type : PaymentCatalog::types()) {
            QVERIFY(!type.statuses.isEmpty());
            for (int status : type.statuses)
                QVERIFY2(PaymentCatalog::isKnownStatus(status), qPrintable(type.code));
        }
    }

    void clearedReadsAsCapturedForCards()
    {
        QCOMPARE(PaymentCatalog::statusLabel(40, QStringLiteral("02")), QStringLiteral("Captured"));
        QCOMPARE(PaymentCatalog::statusLabel(40, QStringLiteral("03")), QStringLiteral("Cleared"));
        QCOMPARE(PaymentCatalog::statusLabel(40), QStringLiteral("Cleared"));
    }

    void unknownCodesShowTheirNumber()
    {
        QCOMPARE(PaymentCatalog::statusLabel(77), QStringLiteral("77"));
        QCOMPARE(PaymentCatalog::typeLabel(QStringLiteral("09")), QStringLiteral("09"));
    }

    void failuresStandOut()
    {
        for (int failed : {11, 12, 13, 15, 33})
            QCOMPARE(PaymentCatalog::tone(failed), StatusTone::Failed);
        QCOMPARE(PaymentCatalog::tone(40), StatusTone::Done);
        QCOMPARE(PaymentCatalog::tone(20), StatusTone::Pending);
        QCOMPARE(PaymentCatalog::tone(60), StatusTone::Cancelled);
    }
};

QTEST_GUILESS_MAIN(TestPaymentCatalog)
#include "tst_paymentcatalog.moc"
