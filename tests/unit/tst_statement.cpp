#include "api/statement.h"
#include "export/statementexport.h"
#include "export/tablewriter.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace kessai;

namespace {

// The worked example of docs/api.md ("Fees, tax and payout").
QByteArray workedExample()
{
    return R"({"statement_id": "26", "period_start": "2026-11-01", "closing_date": "2026-11-15",
      "payout_date": "2026-11-30", "closed_at": "2026-11-15T15:00:07Z",
      "sale_count": 5, "sale_amount": 32305, "cancel_count": 1, "cancel_amount": 3000,
      "fee": 785, "tax": 78, "net": 28442, "carry_in": 0, "transfer_fee": 250, "payout": 28192,
      "carry_out": 0, "line_count": 6,
      "methods": [
        {"type": "02", "rate_bp": 325, "fixed_fee": 0, "sale_count": 2, "sale_amount": 17345,
         "cancel_count": 1, "cancel_amount": 3000, "fee": 466, "tax": 46, "net": 13833},
        {"type": "03", "rate_bp": 0, "fixed_fee": 130, "sale_count": 2, "sale_amount": 10980,
         "cancel_count": 0, "cancel_amount": 0, "fee": 260, "tax": 26, "net": 10694},
        {"type": "05", "rate_bp": 150, "fixed_fee": 0, "sale_count": 1, "sale_amount": 3980,
         "cancel_count": 0, "cancel_amount": 0, "fee": 59, "tax": 6, "net": 3915}]})";
}

Statement example()
{
    return *Statement::fromJson(QJsonDocument::fromJson(workedExample()).object());
}

} // namespace

class TestStatement : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsTheWorkedExample()
    {
        const std::optional<Statement> s = Statement::fromJson(QJsonDocument::fromJson(workedExample()).object());
        QVERIFY(s);
        QCOMPARE(s->id, QStringLiteral("26"));
        QCOMPARE(s->payoutDate, QDate(2026, 11, 30));
        QCOMPARE(s->closedAt, QDateTime(QDate(2026, 11, 15), QTime(15, 0, 7), Qt::UTC).toSecsSinceEpoch());
        QCOMPARE(s->methods.size(), 3);
        QCOMPARE(s->methods.at(2).rateBp, 150);
        QCOMPARE(s->methodTotals(), s->figures);
        QVERIFY(s->isBalanced());
    }

    void figuresThatDoNotAddUpAreNoticed()
    {
        Statement s = example();
        s.payout += 1;
        QVERIFY(!s.isBalanced());
        s = example();
        s.methods[1].figures.fee += 1; // the methods no longer sum to the statement
        s.methods[1].figures.net -= 1;
        QVERIFY(!s.isBalanced());
        s = example();
        s.figures.net += 1;
        QVERIFY(!s.isBalanced());
    }

    void refusesWhatIsNotAStatement()
    {
        QJsonObject object = QJsonDocument::fromJson(workedExample()).object();
        QVERIFY(Statement::fromJson(object));
        for (const char *key : {"statement_id", "payout_date", "net", "closed_at"}) {
            QJsonObject broken = object;
            broken.remove(QLatin1String(key));
            QVERIFY2(!Statement::fromJson(broken), key);
        }
        QJsonObject fraction = object;
        fraction.insert(QStringLiteral("payout"), 28192.5);
        QVERIFY(!Statement::fromJson(fraction));
        QJsonObject badDate = object;
        badDate.insert(QStringLiteral("payout_date"), QStringLiteral("2026-02-30"));
        QVERIFY(!Statement::fromJson(badDate));
    }

    void readsALinesPage()
    {
        const QByteArray json = R"({"statement_id": "26",
          "items": [{"line_id": "1402", "payment_id": "100000000000001923", "trading_id": "ORD20261101_00002",
                     "type": "02", "kind": "sale", "at": "2026-11-01T02:14:09Z", "amount": 5000, "fee": 162},
                    {"line_id": "1403", "payment_id": null, "trading_id": null,
                     "type": "02", "kind": "adjustment", "at": "2026-11-01T05:40:00Z", "amount": -3000, "fee": -97}],
          "next_cursor": "bDoxNDAz"})";
        QString error;
        const auto page = readStatementLinesPage(json, &error);
        QVERIFY2(page, qPrintable(error));
        QCOMPARE(page->items.size(), 2);
        QCOMPARE(page->items.at(0).paymentId, 100000000000001923LL);
        QCOMPARE(page->items.at(0).fee, 162);
        QCOMPARE(page->items.at(1).paymentId, 0);
        QCOMPARE(page->items.at(1).kind, QStringLiteral("adjustment"));
        QCOMPARE(page->items.at(1).amount, -3000);
        QCOMPARE(page->nextCursor, QStringLiteral("bDoxNDAz"));
        QVERIFY(!readStatementLinesPage(R"({"items": [{"line_id": "x", "kind": "sale"}]})"));
        QVERIFY(!readStatementLinesPage(R"({"items": [{"line_id": "1", "kind": "sale", "at": "yesterday"}]})"));
        QVERIFY(!readStatementLinesPage(R"({"items": []} trailing)"));
    }

    // The summary table: the methods, the totals, and payout rows whose amounts lead from the
    // net to the payout.
    void summaryRowsAddUpToThePayout()
    {
        const Statement s = example();
        const QList<ExportColumn> columns = StatementExport::summaryColumns();
        const QList<QVariantList> rows = StatementExport::summaryRows(s);
        QCOMPARE(rows.size(), 3 + 1 + 4);
        const int amount = int(columns.size()) - 1;
        for (const QVariantList &row : rows)
            QCOMPARE(row.size(), columns.size());
        qint64 net = 0;
        for (int i = 0; i < 3; ++i)
            net += rows.at(i).at(amount).toLongLong();
        QCOMPARE(net, 28442);
        QCOMPARE(rows.at(3).at(amount).toLongLong(), 28442);
        qint64 payout = net;
        for (int i = 4; i < 7; ++i)
            payout += rows.at(i).at(amount).toLongLong();
        QCOMPARE(payout, 28192);
        QCOMPARE(rows.at(7).at(amount).toLongLong(), 28192);
        QCOMPARE(exportCellText(rows.at(1).at(5), ExportColumn::Kind::Percent), QStringLiteral("0.00"));
        QCOMPARE(exportCellText(rows.at(0).at(5), ExportColumn::Kind::Percent), QStringLiteral("3.25"));
        QCOMPARE(exportCellText(rows.at(0).at(2), ExportColumn::Kind::Date), QStringLiteral("2026/11/30"));
    }

    void cellTexts()
    {
        using Kind = ExportColumn::Kind;
        QCOMPARE(exportCellText(QVariant::fromValue<qint64>(-1234567), Kind::Money), QStringLiteral("-1234567"));
        QCOMPARE(exportCellText(QVariant::fromValue<qint64>(0), Kind::DateTime), QString());
        // 2026-11-30T15:30:00Z is 12/01 00:30 in Japan.
        const qint64 instant = QDateTime(QDate(2026, 11, 30), QTime(15, 30), Qt::UTC).toSecsSinceEpoch();
        QCOMPARE(exportCellText(QVariant::fromValue<qint64>(instant), Kind::DateTime), QStringLiteral("2026/12/01 00:30:00"));
        QCOMPARE(exportCellText(QVariant::fromValue<qint64>(-5), Kind::Percent), QStringLiteral("-0.05"));
        QCOMPARE(exportCellText(QVariant(), Kind::Money), QString());
    }
};

QTEST_GUILESS_MAIN(TestStatement)
#include "tst_statement.moc"
