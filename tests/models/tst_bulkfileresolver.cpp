#include "api/merchantclient.h"
#include "bulk/bulkfileresolver.h"
#include "fakenetwork.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

using namespace kessai;
using Kind = PaymentAction::Kind;

namespace {

// A gateway that knows which payments each 取引ID has, and counts lookups in flight.
struct SearchingGateway
{
    QHash<QString, QStringList> byTradingId;
    QStringList asked;
    int status = 200;
    FakeNetwork network{[this](const QNetworkRequest &request) -> FakeNetwork::Answer {
        const QString tradingId = QUrlQuery(request.url()).queryItemValue(QStringLiteral("trading_id"));
        asked.append(tradingId);
        if (status != 200)
            return {status, R"({"error":{"code":"session_expired","message":"over","request_id":"r"}})", 5};
        QJsonArray items;
        for (const QString &id : byTradingId.value(tradingId))
            items.append(QJsonObject{{QStringLiteral("payment_id"), id}, {QStringLiteral("trading_id"), tradingId},
                                     {QStringLiteral("type"), QStringLiteral("02")}, {QStringLiteral("status"), 20}});
        return {200, QJsonDocument(QJsonObject{{QStringLiteral("items"), items}, {QStringLiteral("next_cursor"), QJsonValue()}}).toJson(),
                5};
    }};
    MerchantClient client;

    SearchingGateway()
    {
        client.setNetworkAccessManager(&network);
        client.setBaseUrl(QUrl(QStringLiteral("https://gateway.test")));
    }
};

QList<int> errorLineNumbers(const BulkFile &f)
{
    QList<int> lines;
    for (const BulkFileError &e : f.errors())
        lines.append(e.line);
    return lines;
}

} // namespace

// 取引ID turned into 決済ID before a file can run: one match is the payment, none or several are
// errors on their line, and a line giving both IDs is checked.
class TestBulkFileResolver : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void resolvesEachTradingIdOrSaysWhyNot()
    {
        SearchingGateway gateway;
        gateway.byTradingId = {{QStringLiteral("ONE"), {QStringLiteral("11")}},
                               {QStringLiteral("TWO"), {QStringLiteral("21"), QStringLiteral("22")}},
                               {QStringLiteral("BOTH"), {QStringLiteral("31")}},
                               {QStringLiteral("WRONG"), {QStringLiteral("41")}},
                               {QStringLiteral("DUP"), {QStringLiteral("5")}}};
        const BulkFile file = BulkFile::parse(QByteArray("payment_id,trading_id\n"
                                                         ",ONE\n"    // 2: 11
                                                         ",TWO\n"    // 3: two payments
                                                         ",NONE\n"   // 4: none
                                                         "31,BOTH\n" // 5: checked, fine
                                                         "99,WRONG\n" // 6: 99 is not WRONG's
                                                         "5,\n"      // 7: by 決済ID only, not asked
                                                         ",DUP\n"),  // 8: resolves to 5, already on line 7
                                              QStringLiteral("f.csv"), Kind::Capture);
        QVERIFY(file.isClean());
        ApiError error;
        const BulkFile resolved = BulkFileResolver::resolve(&gateway.client, file, &error);
        QVERIFY(!error.isError());
        QCOMPARE(errorLineNumbers(resolved), (QList<int>{3, 4, 6, 8}));
        const QList<BulkFileError> &errors = resolved.errors();
        QVERIFY(errors[0].message.contains(QStringLiteral("21")) && errors[0].message.contains(QStringLiteral("22")));
        QVERIFY(errors[1].message.contains(QStringLiteral("NONE")));
        QVERIFY(errors[2].message.contains(QStringLiteral("99")) && errors[2].message.contains(QStringLiteral("41")));
        QVERIFY(errors[3].message.contains(QStringLiteral("line 7")));
        QCOMPARE(resolved.lineNumbers(Kind::Capture), (QList<int>{2, 5, 7}));
        const QList<PaymentActionItem> items = resolved.items(Kind::Capture);
        QCOMPARE(items[0].paymentId, QStringLiteral("11"));
        QCOMPARE(items[1].paymentId, QStringLiteral("31"));
        QCOMPARE(items[2].paymentId, QStringLiteral("5"));
        QCOMPARE(gateway.asked.size(), 6); // every line with a 取引ID, and only those
    }

    void manyLinesAreLookedUpAFewAtATime()
    {
        SearchingGateway gateway;
        QByteArray csv("trading_id\n");
        for (int i = 0; i < 40; ++i) {
            const QString id = QStringLiteral("T%1").arg(i);
            gateway.byTradingId.insert(id, {QString::number(1000 + i)});
            csv += id.toLatin1() + '\n';
        }
        BulkFileResolver resolver(&gateway.client);
        QSignalSpy finished(&resolver, &BulkFileResolver::finished);
        QSignalSpy progress(&resolver, &BulkFileResolver::progress);
        resolver.start(BulkFile::parse(csv, QStringLiteral("f.csv"), Kind::Cancel));
        QCOMPARE(gateway.network.requestCount, BulkFileResolver::InFlight);
        QVERIFY(finished.wait(5000));
        QVERIFY(resolver.result().isClean());
        QCOMPARE(resolver.result().items(Kind::Cancel).size(), 40);
        QCOMPARE(resolver.result().items(Kind::Cancel).at(39).paymentId, QStringLiteral("1039"));
        QCOMPARE(progress.last().at(0).toInt(), 40);
    }

    void aRefusedLookupStopsTheResolving()
    {
        SearchingGateway gateway;
        gateway.status = 401;
        QByteArray csv("trading_id\n");
        for (int i = 0; i < 20; ++i)
            csv += "T" + QByteArray::number(i) + '\n';
        ApiError error;
        BulkFileResolver::resolve(&gateway.client, BulkFile::parse(csv, QStringLiteral("f.csv"), Kind::Capture), &error);
        QCOMPARE(error.kind, ApiError::Kind::Authentication);
        QVERIFY(gateway.asked.size() < 20);
    }
};

QTEST_GUILESS_MAIN(TestBulkFileResolver)
#include "tst_bulkfileresolver.moc"
