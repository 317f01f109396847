#include "gatewayclient.h"
#include "gatewayfixture.h"
#include "gatewayusers.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QSet>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

#include <map>
#include <memory>

namespace {

constexpr qint64 JstOffset = 9 * 3600;

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

qint64 integer(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key)).toInteger();
}

QString text(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key)).toString();
}

QDate date(const QJsonObject &object, const char *key)
{
    return QDate::fromString(text(object, key), Qt::ISODate);
}

QDate jstToday(qint64 now)
{
    return QDateTime::fromSecsSinceEpoch(now + JstOffset, Qt::UTC).date();
}

// The last day of the half-month holding this JST day, written from the contract.
QDate closingDateOf(const QDate &day)
{
    return day.day() <= 15 ? QDate(day.year(), day.month(), 15) : QDate(day.year(), day.month(), day.daysInMonth());
}

qint64 jstMidnight(const QDate &day)
{
    return QDateTime(day, QTime(0, 0), Qt::UTC).toSecsSinceEpoch() - JstOffset;
}

// Fees of the demo merchants as `demo` seeds them (docs/api.md).
struct Rate
{
    qint64 bp;
    qint64 fixed;
};
const QMap<QString, Rate> M0001Rates = {{QStringLiteral("01"), {0, 150}},
                                        {QStringLiteral("02"), {325, 0}},
                                        {QStringLiteral("03"), {0, 130}},
                                        {QStringLiteral("05"), {150, 0}}};
const QMap<QString, Rate> M0002Rates = {{QStringLiteral("01"), {0, 180}},
                                        {QStringLiteral("02"), {360, 10}},
                                        {QStringLiteral("03"), {0, 165}},
                                        {QStringLiteral("05"), {200, 0}}};

qint64 saleFee(qint64 amount, const Rate &rate)
{
    return amount * rate.bp / 10000 + rate.fixed;
}

qint64 towardZeroTenth(qint64 fee)
{
    return fee >= 0 ? fee / 10 : -((-fee) / 10);
}

} // namespace

// Settlement statements (支払明細) through the Merchant API: the demo's year of statements,
// closing on the sandbox clock, figures to the yen, carry-over, permissions, isolation and
// paging. Expected figures are computed here from the rules of docs/api.md.
class TestGatewayStatements : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void withoutTheStatementsPermissionEverythingIsForbiddenAndAudited();
    void aGeneralUserWithTheStatementsPermissionSeesTheMerchantsStatements();
    void demoMerchantsHaveAYearOfConsistentStatements();
    void cancelsAfterSettlementAreNegativeLinesOfALaterStatement();
    void anotherMerchantsStatementIsNotFoundAndAudited();
    void linesArePagedWithoutGapsOrRepeatsAndFilteredByType();
    void listIsPagedNewestFirstAndFilteredByPayoutDate();
    void badParametersAreRefused_data();
    void badParametersAreRefused();
    // These advance the persisted sandbox clock: they run last, in this order.
    void captureCancelAndCaptureAcrossClosingDatesToTheYen();
    void anEventRecordedLateEntersTheNextOpenPeriodAndClosedStatementsNeverChange();

private:
    GatewayClient &client(const QString &loginId) { return m_users.client(loginId); }
    QString token(const QString &loginId) { return m_users.token(loginId); }
    GatewayClient::Response get(const QString &loginId, const QString &path);
    QList<QJsonObject> allStatements(const QString &loginId, int pageSize = 100);
    QList<QJsonObject> allLines(const QString &loginId, const QString &statementId, int pageSize = 1000,
                                const QString &type = {});
    // Checks one statement against its lines and the rules (fails the running test).
    void verifyStatement(const QJsonObject &detail, const QList<QJsonObject> &lines, const QMap<QString, Rate> &rates);
    QJsonObject newestStatement(const QString &loginId);
    qint64 paymentClock();
    // Moves the payment clock to the first day of the next period (same time of day).
    void advanceToNextPeriod();
    GatewayClient::Response act(const QString &action, const QString &paymentId, std::optional<qint64> amount = {});
    QList<QStringList> auditRows(const QByteArray &requestId);

    GatewayFixture m_gateway;
    GatewayUsers m_users{m_gateway};
    int m_keys = 0;
    // Shared by the clock tests.
    QJsonObject m_firstDetail;
    QList<QJsonObject> m_firstLines;
};

GatewayClient::Response TestGatewayStatements::get(const QString &loginId, const QString &path)
{
    return client(loginId).get(path, token(loginId));
}

QList<QJsonObject> TestGatewayStatements::allStatements(const QString &loginId, int pageSize)
{
    QList<QJsonObject> statements;
    QString cursor;
    for (int page = 0; page < 1000; ++page) {
        QString path = QStringLiteral("/v1/statements?limit=%1").arg(pageSize);
        if (!cursor.isEmpty())
            path += QStringLiteral("&cursor=") + cursor;
        const GatewayClient::Response r = get(loginId, path);
        if (r.status != 200) {
            qWarning() << "statement list failed" << r.status << r.body;
            return {};
        }
        for (const QJsonValue &item : r.json.value(QLatin1String("items")).toArray())
            statements.append(item.toObject());
        if (r.json.value(QLatin1String("next_cursor")).isNull())
            return statements;
        cursor = r.json.value(QLatin1String("next_cursor")).toString();
    }
    return {};
}

QList<QJsonObject> TestGatewayStatements::allLines(const QString &loginId, const QString &statementId, int pageSize,
                                                   const QString &type)
{
    QList<QJsonObject> lines;
    QString cursor;
    for (int page = 0; page < 100000; ++page) {
        QString path = QStringLiteral("/v1/statements/%1/lines?limit=%2").arg(statementId).arg(pageSize);
        if (!type.isEmpty())
            path += QStringLiteral("&type=") + type;
        if (!cursor.isEmpty())
            path += QStringLiteral("&cursor=") + cursor;
        const GatewayClient::Response r = get(loginId, path);
        if (r.status != 200 || text(r.json, "statement_id") != statementId) {
            qWarning() << "statement lines failed" << r.status << r.body;
            return {};
        }
        const QJsonArray items = r.json.value(QLatin1String("items")).toArray();
        if (items.size() > pageSize)
            return {};
        for (const QJsonValue &item : items)
            lines.append(item.toObject());
        if (r.json.value(QLatin1String("next_cursor")).isNull())
            return lines;
        cursor = r.json.value(QLatin1String("next_cursor")).toString();
    }
    return {};
}

void TestGatewayStatements::verifyStatement(const QJsonObject &detail, const QList<QJsonObject> &lines,
                                            const QMap<QString, Rate> &rates)
{
    const QString id = text(detail, "statement_id");
    const QDate first = date(detail, "period_start");
    const QDate closing = date(detail, "closing_date");
    QVERIFY2(first.isValid() && closing.isValid(), qPrintable(id));
    QVERIFY(first.day() == 1 || first.day() == 16);
    QCOMPARE(closing, closingDateOf(first));
    QDate payout = closing.addDays(15);
    if (payout.dayOfWeek() == 6)
        payout = payout.addDays(2);
    else if (payout.dayOfWeek() == 7)
        payout = payout.addDays(1);
    QCOMPARE(date(detail, "payout_date"), payout);
    QCOMPARE(integer(detail, "line_count"), lines.size());

    // Every line: its kind, sign and fee from the merchant's rate.
    struct Sums
    {
        qint64 saleCount = 0, saleAmount = 0, cancelCount = 0, cancelAmount = 0, fee = 0;
    };
    QMap<QString, Sums> sums;
    for (const QJsonObject &line : lines) {
        const QString type = text(line, "type");
        QVERIFY2(rates.contains(type), qPrintable(type));
        const qint64 amount = integer(line, "amount");
        const qint64 fee = integer(line, "fee");
        Sums &s = sums[type];
        if (text(line, "kind") == QLatin1String("sale")) {
            QVERIFY(amount > 0);
            QCOMPARE(fee, saleFee(amount, rates.value(type)));
            ++s.saleCount;
            s.saleAmount += amount;
        } else {
            QCOMPARE(text(line, "kind"), QStringLiteral("cancel"));
            QVERIFY(amount < 0);
            QCOMPARE(fee, -((-amount) * rates.value(type).bp / 10000));
            ++s.cancelCount;
            s.cancelAmount -= amount;
        }
        s.fee += fee;
        QVERIFY(!text(line, "payment_id").isEmpty());
        QVERIFY(!text(line, "trading_id").isEmpty());
    }

    // Per method: sums of the lines; then the totals are sums of the methods.
    const QJsonArray methods = detail.value(QLatin1String("methods")).toArray();
    QCOMPARE(methods.size(), sums.size());
    qint64 saleCount = 0, saleAmount = 0, cancelCount = 0, cancelAmount = 0, fee = 0, tax = 0, net = 0;
    QString previousType;
    for (const QJsonValue &value : methods) {
        const QJsonObject m = value.toObject();
        const QString type = text(m, "type");
        QVERIFY(type > previousType);
        previousType = type;
        const Sums s = sums.value(type);
        QCOMPARE(integer(m, "rate_bp"), rates.value(type).bp);
        QCOMPARE(integer(m, "fixed_fee"), rates.value(type).fixed);
        QCOMPARE(integer(m, "sale_count"), s.saleCount);
        QCOMPARE(integer(m, "sale_amount"), s.saleAmount);
        QCOMPARE(integer(m, "cancel_count"), s.cancelCount);
        QCOMPARE(integer(m, "cancel_amount"), s.cancelAmount);
        QCOMPARE(integer(m, "fee"), s.fee);
        // The method's share of the tax is its 10 % rounded down or up.
        QVERIFY2(qAbs(integer(m, "tax") * 100 - s.fee * 10) < 100, qPrintable(id + u' ' + type));
        QCOMPARE(integer(m, "net"), s.saleAmount - s.cancelAmount - s.fee - integer(m, "tax"));
        saleCount += s.saleCount;
        saleAmount += s.saleAmount;
        cancelCount += s.cancelCount;
        cancelAmount += s.cancelAmount;
        fee += s.fee;
        tax += integer(m, "tax");
        net += integer(m, "net");
    }
    QCOMPARE(integer(detail, "sale_count"), saleCount);
    QCOMPARE(integer(detail, "sale_amount"), saleAmount);
    QCOMPARE(integer(detail, "cancel_count"), cancelCount);
    QCOMPARE(integer(detail, "cancel_amount"), cancelAmount);
    QCOMPARE(integer(detail, "fee"), fee);
    QCOMPARE(integer(detail, "tax"), tax);
    QCOMPARE(tax, towardZeroTenth(fee)); // one rounding per statement
    QCOMPARE(integer(detail, "net"), net);
    QCOMPARE(net, saleAmount - cancelAmount - fee - tax);

    const qint64 balance = net + integer(detail, "carry_in");
    QCOMPARE(integer(detail, "payout") + integer(detail, "transfer_fee") + integer(detail, "carry_out"), balance);
    QVERIFY(integer(detail, "payout") >= 0);
    if (integer(detail, "payout") > 0) {
        QVERIFY(integer(detail, "transfer_fee") > 0 || balance > 0);
        QCOMPARE(integer(detail, "carry_out"), 0);
    } else {
        QCOMPARE(integer(detail, "transfer_fee"), 0);
        QCOMPARE(integer(detail, "carry_out"), balance);
    }
}

QJsonObject TestGatewayStatements::newestStatement(const QString &loginId)
{
    const GatewayClient::Response r = get(loginId, QStringLiteral("/v1/statements?limit=1"));
    if (r.status != 200 || r.json.value(QLatin1String("items")).toArray().isEmpty())
        return {};
    const QString id = text(r.json.value(QLatin1String("items")).toArray().first().toObject(), "statement_id");
    const GatewayClient::Response detail = get(loginId, QStringLiteral("/v1/statements/") + id);
    return detail.status == 200 ? detail.json : QJsonObject();
}

qint64 TestGatewayStatements::paymentClock()
{
    const GatewayClient::Response r = get(QStringLiteral("admin"), QStringLiteral("/v1/sandbox/clock"));
    return QDateTime::fromString(text(r.json, "now"), Qt::ISODate).toSecsSinceEpoch();
}

void TestGatewayStatements::advanceToNextPeriod()
{
    const qint64 now = paymentClock();
    QVERIFY(now > 0);
    const QDate today = jstToday(now);
    const qint64 days = today.daysTo(closingDateOf(today)) + 1;
    const GatewayClient::Response r = client(QStringLiteral("admin"))
                                          .post(QStringLiteral("/v1/sandbox/clock"),
                                                QJsonObject{{QStringLiteral("advance_days"), days}},
                                                token(QStringLiteral("admin")));
    QCOMPARE(r.status, 200);
    const QDate moved = jstToday(QDateTime::fromString(text(r.json, "now"), Qt::ISODate).toSecsSinceEpoch());
    QCOMPARE(moved, closingDateOf(today).addDays(1));
}

GatewayClient::Response TestGatewayStatements::act(const QString &action, const QString &paymentId, std::optional<qint64> amount)
{
    QJsonObject item{{QStringLiteral("payment_id"), paymentId}};
    if (amount)
        item.insert(QStringLiteral("amount"), *amount);
    return client(QStringLiteral("admin"))
        .post(QStringLiteral("/v1/payments/") + action,
              compact(QJsonObject{{QStringLiteral("items"), QJsonArray{item}}}),
              token(QStringLiteral("admin")),
              {{QByteArrayLiteral("Idempotency-Key"), "statements-" + QByteArray::number(++m_keys)}});
}

QList<QStringList> TestGatewayStatements::auditRows(const QByteArray &requestId)
{
    QList<QStringList> rows;
    {
        QSqlDatabase db = m_gateway.openDatabase(QStringLiteral("statements-audit"));
        if (db.isOpen()) {
            QSqlQuery q(db);
            q.prepare(QStringLiteral("SELECT login_id, merchant_id, action, target, result FROM audit_log"
                                     " WHERE request_id = ? ORDER BY audit_id"));
            q.addBindValue(QString::fromLatin1(requestId));
            if (q.exec()) {
                while (q.next())
                    rows.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                                 q.value(3).toString(), q.value(4).toString()});
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("statements-audit"));
    return rows;
}

void TestGatewayStatements::initTestCase()
{
    // Enough payments that some cards are still authorized and some cancels fall after their
    // sale's statement; `demo` closes every period that has ended.
    QVERIFY2(m_gateway.start(1000, 7), qPrintable(m_gateway.error()));
    QVERIFY(!token(QStringLiteral("admin")).isEmpty());
    QVERIFY(!token(QStringLiteral("admin2")).isEmpty());
}

void TestGatewayStatements::withoutTheStatementsPermissionEverythingIsForbiddenAndAudited()
{
    const QString someId = text(get(QStringLiteral("admin"), QStringLiteral("/v1/statements?limit=1"))
                                    .json.value(QLatin1String("items")).toArray().first().toObject(),
                                "statement_id");
    QVERIFY(!someId.isEmpty());
    const QList<std::pair<QString, QString>> paths = {
        {QStringLiteral("/v1/statements"), QStringLiteral("statement_list")},
        {QStringLiteral("/v1/statements/") + someId, QStringLiteral("statement_view")},
        {QStringLiteral("/v1/statements/") + someId + QStringLiteral("/lines"), QStringLiteral("statement_view")},
        // Refused before parameters are looked at.
        {QStringLiteral("/v1/statements?limit=0"), QStringLiteral("statement_list")},
    };
    for (const QString &loginId : {QStringLiteral("staff"), QStringLiteral("viewer")}) {
        for (const auto &[path, action] : paths) {
            const GatewayClient::Response r = get(loginId, path);
            QCOMPARE(r.status, 403);
            QCOMPARE(r.errorCode(), QStringLiteral("forbidden"));
            QVERIFY(!r.body.contains("sale_amount"));
            const QList<QStringList> rows = auditRows(r.requestId);
            QCOMPARE(rows.size(), 1);
            QCOMPARE(rows.first().at(0), loginId);
            QCOMPARE(rows.first().at(1), QStringLiteral("M0001"));
            QCOMPARE(rows.first().at(2), action);
            QCOMPARE(rows.first().at(4), QStringLiteral("forbidden"));
        }
    }
    // No session at all: 401, as everywhere.
    QCOMPARE(client(QStringLiteral("staff")).get(QStringLiteral("/v1/statements")).status, 401);
}

void TestGatewayStatements::aGeneralUserWithTheStatementsPermissionSeesTheMerchantsStatements()
{
    // viewer may only view card payments; with `statements` it sees whole statements (every
    // method: a statement is one payout of the merchant).
    const QJsonObject change{{QStringLiteral("permissions"), QJsonArray{QStringLiteral("view:02"), QStringLiteral("statements")}}};
    GatewayClient &admin = client(QStringLiteral("admin"));
    const GatewayClient::Response patched
        = GatewayClient::finish({admin.start("PATCH", QStringLiteral("/v1/users/viewer"), compact(change), token(QStringLiteral("admin")))})
              .first();
    QCOMPARE(patched.status, 200);
    const GatewayClient::Response mine = get(QStringLiteral("viewer"), QStringLiteral("/v1/statements?limit=1000"));
    QCOMPARE(mine.status, 200);
    const GatewayClient::Response admins = get(QStringLiteral("admin"), QStringLiteral("/v1/statements?limit=1000"));
    QCOMPARE(mine.json.value(QLatin1String("items")), admins.json.value(QLatin1String("items")));
    QVERIFY(!mine.json.value(QLatin1String("items")).toArray().isEmpty());

    // Taking the permission away again takes effect on the next request.
    const QJsonObject back{{QStringLiteral("permissions"), QJsonArray{QStringLiteral("view:02")}}};
    QCOMPARE(GatewayClient::finish({admin.start("PATCH", QStringLiteral("/v1/users/viewer"), compact(back), token(QStringLiteral("admin")))})
                 .first()
                 .status,
             200);
    QCOMPARE(get(QStringLiteral("viewer"), QStringLiteral("/v1/statements")).status, 403);
}

void TestGatewayStatements::demoMerchantsHaveAYearOfConsistentStatements()
{
    const qint64 now = paymentClock();
    const QDate today = jstToday(now);
    for (const auto &[loginId, rates] : {std::pair{QStringLiteral("admin"), M0001Rates}, std::pair{QStringLiteral("admin2"), M0002Rates}}) {
        const QList<QJsonObject> statements = allStatements(loginId, 7);
        // 13 months of demo payments: at least a year of half-months, newest first, no gaps,
        // the newest one the period that ended last.
        QVERIFY2(statements.size() >= 24, qPrintable(QString::number(statements.size())));
        QCOMPARE(date(statements.first(), "closing_date").addDays(1), QDate(today.year(), today.month(), today.day() <= 15 ? 1 : 16));
        QVERIFY(date(statements.last(), "period_start") <= today.addMonths(-12));
        QSet<QString> ids;
        qint64 carry = 0;
        for (qsizetype i = statements.size() - 1; i >= 0; --i) {
            const QJsonObject &listed = statements.at(i);
            QVERIFY(!ids.contains(text(listed, "statement_id")));
            ids.insert(text(listed, "statement_id"));
            if (i + 1 < statements.size())
                QCOMPARE(date(listed, "period_start"), date(statements.at(i + 1), "closing_date").addDays(1));
            QVERIFY(QDateTime::fromString(text(listed, "closed_at"), Qt::ISODate).isValid());
            // Carry-over chains from one statement to the next.
            QCOMPARE(integer(listed, "carry_in"), carry);
            carry = integer(listed, "carry_out");

            const GatewayClient::Response detail = get(loginId, QStringLiteral("/v1/statements/") + text(listed, "statement_id"));
            QCOMPARE(detail.status, 200);
            QJsonObject withoutMethods = detail.json;
            withoutMethods.remove(QStringLiteral("methods"));
            QCOMPARE(withoutMethods, listed);
            verifyStatement(detail.json, allLines(loginId, text(listed, "statement_id")), rates);
            if (QTest::currentTestFailed()) {
                qWarning() << "statement" << detail.body;
                return;
            }
            if (integer(listed, "payout") > 0)
                QCOMPARE(integer(listed, "transfer_fee"), loginId == QLatin1String("admin") ? 250 : 440);
        }
    }
}

void TestGatewayStatements::cancelsAfterSettlementAreNegativeLinesOfALaterStatement()
{
    // Which statement each sale of M0001 entered; a cancel of a sale paid out before is a
    // negative line of the statement of the cancel.
    QMap<QString, QDate> saleStatement;
    int cancelsAfterSettlement = 0;
    const QList<QJsonObject> statements = allStatements(QStringLiteral("admin"));
    for (qsizetype i = statements.size() - 1; i >= 0; --i) {
        const QDate start = date(statements.at(i), "period_start");
        for (const QJsonObject &line : allLines(QStringLiteral("admin"), text(statements.at(i), "statement_id"))) {
            const qint64 at = QDateTime::fromString(text(line, "at"), Qt::ISODate).toSecsSinceEpoch();
            // The event happened in the period (nothing was recorded late by `demo`).
            QVERIFY(at >= jstMidnight(start) && at < jstMidnight(date(statements.at(i), "closing_date").addDays(1)));
            const QString paymentId = text(line, "payment_id");
            if (text(line, "kind") == QLatin1String("sale")) {
                QVERIFY(!saleStatement.contains(paymentId));
                saleStatement.insert(paymentId, start);
            } else {
                QVERIFY2(saleStatement.contains(paymentId), qPrintable(paymentId));
                QCOMPARE(text(line, "type"), QStringLiteral("02"));
                if (saleStatement.value(paymentId) < start)
                    ++cancelsAfterSettlement;
            }
        }
    }
    QVERIFY2(cancelsAfterSettlement >= 3, qPrintable(QString::number(cancelsAfterSettlement)));
}

void TestGatewayStatements::anotherMerchantsStatementIsNotFoundAndAudited()
{
    const QString othersId = text(newestStatement(QStringLiteral("admin2")), "statement_id");
    QVERIFY(!othersId.isEmpty());
    GatewayClient::Response unknown = get(QStringLiteral("admin"), QStringLiteral("/v1/statements/999999999"));
    QCOMPARE(unknown.status, 404);
    const QStringList paths = {QStringLiteral("/v1/statements/") + othersId,
                               QStringLiteral("/v1/statements/") + othersId + QStringLiteral("/lines")};
    for (const QString &path : paths) {
        const GatewayClient::Response r = get(QStringLiteral("admin"), path);
        QCOMPARE(r.status, 404);
        QCOMPARE(r.errorCode(), QStringLiteral("not_found"));
        // Exactly the answer of an id that does not exist.
        QCOMPARE(r.json.value(QLatin1String("error")).toObject().value(QLatin1String("message")),
                 unknown.json.value(QLatin1String("error")).toObject().value(QLatin1String("message")));
        QVERIFY(!r.body.contains("sale_amount"));
        const QList<QStringList> rows = auditRows(r.requestId);
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first(), (QStringList{QStringLiteral("admin"), QStringLiteral("M0001"), QStringLiteral("statement_view"),
                                            QStringLiteral("statement:") + othersId, QStringLiteral("not_found")}));
    }
    // The owner sees it.
    QCOMPARE(get(QStringLiteral("admin2"), QStringLiteral("/v1/statements/") + othersId).status, 200);
    // Not a statement id at all: the plain unknown path.
    QCOMPARE(get(QStringLiteral("admin"), QStringLiteral("/v1/statements/abc")).status, 404);
}

void TestGatewayStatements::linesArePagedWithoutGapsOrRepeatsAndFilteredByType()
{
    // The statement with the most lines.
    QJsonObject biggest;
    for (const QJsonObject &statement : allStatements(QStringLiteral("admin"))) {
        if (integer(statement, "line_count") > integer(biggest, "line_count"))
            biggest = statement;
    }
    const QString id = text(biggest, "statement_id");
    QVERIFY(integer(biggest, "line_count") > 20);
    const QList<QJsonObject> all = allLines(QStringLiteral("admin"), id);
    QCOMPARE(all.size(), integer(biggest, "line_count"));
    // Lines come in the order they happened.
    for (qsizetype i = 1; i < all.size(); ++i)
        QVERIFY(text(all.at(i - 1), "at") <= text(all.at(i), "at"));
    for (int pageSize : {1, 3, 7}) {
        const QList<QJsonObject> paged = allLines(QStringLiteral("admin"), id, pageSize);
        QCOMPARE(paged, all);
    }
    const GatewayClient::Response first = get(QStringLiteral("admin"), QStringLiteral("/v1/statements/%1/lines?limit=5").arg(id));
    QCOMPARE(first.json.value(QLatin1String("items")).toArray().size(), 5);
    QVERIFY(first.json.value(QLatin1String("next_cursor")).isString());

    const GatewayClient::Response detail = get(QStringLiteral("admin"), QStringLiteral("/v1/statements/") + id);
    for (const QJsonValue &value : detail.json.value(QLatin1String("methods")).toArray()) {
        const QJsonObject method = value.toObject();
        const QString type = text(method, "type");
        const QList<QJsonObject> ofType = allLines(QStringLiteral("admin"), id, 2, type);
        QCOMPARE(ofType.size(), integer(method, "sale_count") + integer(method, "cancel_count"));
        QList<QJsonObject> expected;
        for (const QJsonObject &line : all) {
            if (text(line, "type") == type)
                expected.append(line);
        }
        QCOMPARE(ofType, expected);
    }
    QCOMPARE(allLines(QStringLiteral("admin"), id, 1000, QStringLiteral("02,03")).size(),
             std::count_if(all.cbegin(), all.cend(), [](const QJsonObject &line) {
                 return text(line, "type") == QLatin1String("02") || text(line, "type") == QLatin1String("03");
             }));

    // kind narrows the same walk: the sale lines and the cancel lines make up all lines.
    const auto ofKind = [&](const QString &kinds, const QString &types = QString()) {
        QList<QJsonObject> lines;
        QString cursor;
        do {
            QString path = QStringLiteral("/v1/statements/%1/lines?limit=3&kind=%2").arg(id, kinds);
            if (!types.isEmpty())
                path += QStringLiteral("&type=") + types;
            if (!cursor.isEmpty())
                path += QStringLiteral("&cursor=") + cursor;
            const GatewayClient::Response page = get(QStringLiteral("admin"), path);
            if (page.status != 200)
                return QList<QJsonObject>();
            for (const QJsonValue &line : page.json.value(QLatin1String("items")).toArray())
                lines.append(line.toObject());
            cursor = page.json.value(QLatin1String("next_cursor")).toString();
        } while (!cursor.isEmpty());
        return lines;
    };
    const QList<QJsonObject> sales = ofKind(QStringLiteral("sale"));
    const QList<QJsonObject> cancels = ofKind(QStringLiteral("cancel"));
    QVERIFY(!sales.isEmpty());
    QCOMPARE(sales.size() + cancels.size(), all.size());
    for (const QJsonObject &line : sales)
        QCOMPARE(text(line, "kind"), QStringLiteral("sale"));
    for (const QJsonObject &line : cancels)
        QCOMPARE(text(line, "kind"), QStringLiteral("cancel"));
    QCOMPARE(ofKind(QStringLiteral("sale,cancel")), all);
    QCOMPARE(ofKind(QStringLiteral("cancel"), QStringLiteral("02")), cancels);
}

void TestGatewayStatements::listIsPagedNewestFirstAndFilteredByPayoutDate()
{
    const QList<QJsonObject> all = allStatements(QStringLiteral("admin"));
    QVERIFY(all.size() >= 24);
    for (qsizetype i = 1; i < all.size(); ++i)
        QVERIFY(date(all.at(i - 1), "period_start") > date(all.at(i), "period_start"));
    QCOMPARE(allStatements(QStringLiteral("admin"), 1), all);
    QCOMPARE(allStatements(QStringLiteral("admin"), 5), all);

    const int year = date(all.first(), "payout_date").year();
    const GatewayClient::Response ofYear = get(QStringLiteral("admin"), QStringLiteral("/v1/statements?year=%1").arg(year));
    QCOMPARE(ofYear.status, 200);
    QList<QJsonObject> expected;
    for (const QJsonObject &statement : all) {
        if (date(statement, "payout_date").year() == year)
            expected.append(statement);
    }
    QList<QJsonObject> got;
    for (const QJsonValue &item : ofYear.json.value(QLatin1String("items")).toArray())
        got.append(item.toObject());
    QCOMPARE(got, expected);
    QVERIFY(!got.isEmpty());

    // payout_from ≤ payout_date < payout_to, plain dates.
    const QDate from = date(all.at(5), "payout_date");
    const QDate to = date(all.at(2), "payout_date");
    const GatewayClient::Response range = get(QStringLiteral("admin"),
                                              QStringLiteral("/v1/statements?payout_from=%1&payout_to=%2")
                                                  .arg(from.toString(Qt::ISODate), to.toString(Qt::ISODate)));
    QCOMPARE(range.status, 200);
    const QJsonArray items = range.json.value(QLatin1String("items")).toArray();
    QCOMPARE(items.size(), 3);
    QCOMPARE(items.first().toObject(), all.at(3));
    QCOMPARE(items.last().toObject(), all.at(5));
}

void TestGatewayStatements::badParametersAreRefused_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("limit 0") << QStringLiteral("/v1/statements?limit=0");
    QTest::newRow("limit 1001") << QStringLiteral("/v1/statements?limit=1001");
    QTest::newRow("limit word") << QStringLiteral("/v1/statements?limit=ten");
    QTest::newRow("limit twice") << QStringLiteral("/v1/statements?limit=1&limit=2");
    QTest::newRow("cursor garbage") << QStringLiteral("/v1/statements?cursor=%%%");
    QTest::newRow("line cursor in the list") << QStringLiteral("/v1/statements?cursor=bDo1");
    QTest::newRow("year short") << QStringLiteral("/v1/statements?year=26");
    QTest::newRow("impossible date") << QStringLiteral("/v1/statements?payout_from=2026-02-30");
    QTest::newRow("time instead of date") << QStringLiteral("/v1/statements?payout_to=2026-02-01T00:00:00Z");
    QTest::newRow("lines limit") << QStringLiteral("/v1/statements/1/lines?limit=0");
    QTest::newRow("lines type") << QStringLiteral("/v1/statements/1/lines?type=2");
    QTest::newRow("lines type list") << QStringLiteral("/v1/statements/1/lines?type=02,");
    QTest::newRow("lines kind") << QStringLiteral("/v1/statements/1/lines?kind=Sale");
    QTest::newRow("lines kind list") << QStringLiteral("/v1/statements/1/lines?kind=sale,");
    QTest::newRow("list cursor in the lines") << QStringLiteral("/v1/statements/1/lines?cursor=cDo1");
}

void TestGatewayStatements::badParametersAreRefused()
{
    QFETCH(QString, path);
    const GatewayClient::Response r = get(QStringLiteral("admin"), path);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.errorCode(), QStringLiteral("invalid_parameter"));
}

void TestGatewayStatements::captureCancelAndCaptureAcrossClosingDatesToTheYen()
{
    // P0, the open period: capture 5,000 of paygent02 (authorized 6,300), and change the amount
    // of another authorized card to 8,000 (a new authorization, no money yet).
    const QJsonArray cards = get(QStringLiteral("admin"), QStringLiteral("/v1/payments?type=02&status=20&limit=1000"))
                                 .json.value(QLatin1String("items")).toArray();
    QString sold;
    QString other;
    for (const QJsonValue &value : cards) {
        const QJsonObject payment = value.toObject();
        if (text(payment, "trading_id") == QLatin1String("paygent02"))
            sold = text(payment, "payment_id");
        else if (other.isEmpty())
            other = text(payment, "payment_id");
    }
    QVERIFY(!sold.isEmpty() && !other.isEmpty());
    const QDate p0First = [&] {
        const QDate today = jstToday(paymentClock());
        return QDate(today.year(), today.month(), today.day() <= 15 ? 1 : 16);
    }();
    const QJsonObject before = newestStatement(QStringLiteral("admin"));

    GatewayClient::Response r = act(QStringLiteral("capture"), sold, 5000);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json.value(QLatin1String("results")).toArray().first().toObject().value(QLatin1String("status")).toInt(), 40);
    r = client(QStringLiteral("admin")).post(QStringLiteral("/v1/payments/%1/amount").arg(other),
                                            compact(QJsonObject{{QStringLiteral("amount"), 8000}}),
                                            token(QStringLiteral("admin")),
                                            {{QByteArrayLiteral("Idempotency-Key"), "statements-amount"}});
    QCOMPARE(r.status, 200);
    const QString renewed = text(r.json, "payment_id");
    QVERIFY(!renewed.isEmpty());

    // Nothing closes while the period is open.
    QCOMPARE(newestStatement(QStringLiteral("admin")), before);

    // P1: P0 has closed. Its statement holds the capture at 5,000 (fee 162) among the demo's.
    advanceToNextPeriod();
    const QJsonObject p0 = newestStatement(QStringLiteral("admin"));
    QCOMPARE(date(p0, "period_start"), p0First);
    const QList<QJsonObject> p0Lines = allLines(QStringLiteral("admin"), text(p0, "statement_id"));
    verifyStatement(p0, p0Lines, M0001Rates);
    int captures = 0;
    for (const QJsonObject &line : p0Lines) {
        if (text(line, "payment_id") == sold) {
            ++captures;
            QCOMPARE(text(line, "kind"), QStringLiteral("sale"));
            QCOMPARE(text(line, "trading_id"), QStringLiteral("paygent02"));
            QCOMPARE(integer(line, "amount"), 5000);
            QCOMPARE(integer(line, "fee"), 162);
        }
        // The amount change moved no money.
        QVERIFY(text(line, "payment_id") != renewed);
    }
    QCOMPARE(captures, 1);
    QVERIFY(integer(p0, "carry_out") <= 250);
    m_firstDetail = p0;
    m_firstLines = p0Lines;

    // In P1 the sale paid out with P0 is cancelled: P1 holds that one negative line.
    r = act(QStringLiteral("cancel"), sold);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json.value(QLatin1String("results")).toArray().first().toObject().value(QLatin1String("status")).toInt(), 60);
    advanceToNextPeriod();
    const QJsonObject p1 = newestStatement(QStringLiteral("admin"));
    QCOMPARE(date(p1, "period_start"), date(p0, "closing_date").addDays(1));
    const QList<QJsonObject> p1Lines = allLines(QStringLiteral("admin"), text(p1, "statement_id"));
    verifyStatement(p1, p1Lines, M0001Rates);
    QCOMPARE(p1Lines.size(), 1);
    QCOMPARE(text(p1Lines.first(), "payment_id"), sold);
    QCOMPARE(text(p1Lines.first(), "kind"), QStringLiteral("cancel"));
    QCOMPARE(integer(p1Lines.first(), "amount"), -5000);
    QCOMPARE(integer(p1Lines.first(), "fee"), -162); // the rate part comes back
    const QJsonObject card = p1.value(QLatin1String("methods")).toArray().first().toObject();
    QCOMPARE(text(card, "type"), QStringLiteral("02"));
    QCOMPARE(integer(card, "sale_amount"), 0);
    QCOMPARE(integer(card, "cancel_count"), 1);
    QCOMPARE(integer(card, "cancel_amount"), 5000);
    QCOMPARE(integer(card, "fee"), -162);
    QCOMPARE(integer(card, "tax"), -16);
    QCOMPARE(integer(card, "net"), -4822);
    const qint64 carryIn = integer(p0, "carry_out");
    QCOMPARE(integer(p1, "carry_in"), carryIn);
    QCOMPARE(integer(p1, "net"), -4822);
    QCOMPARE(integer(p1, "payout"), 0);
    QCOMPARE(integer(p1, "transfer_fee"), 0);
    QCOMPARE(integer(p1, "carry_out"), carryIn - 4822);

    // P2: the renewed authorization is captured at 8,000: fee 260, tax 26, net 7,714, which pays
    // the debt carried in; the rest is paid out less the transfer fee.
    r = act(QStringLiteral("capture"), renewed);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json.value(QLatin1String("results")).toArray().first().toObject().value(QLatin1String("status")).toInt(), 40);
    advanceToNextPeriod();
    // Several first readers race to close P2: one statement comes out, all see the same list.
    QList<QNetworkReply *> racing;
    for (int i = 0; i < 6; ++i)
        racing.append(client(QStringLiteral("admin")).start("GET", QStringLiteral("/v1/statements?limit=3"), {}, token(QStringLiteral("admin"))));
    const QList<GatewayClient::Response> raced = GatewayClient::finish(racing);
    for (const GatewayClient::Response &answer : raced) {
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.json.value(QLatin1String("items")), raced.first().json.value(QLatin1String("items")));
    }
    const QJsonArray newest = raced.first().json.value(QLatin1String("items")).toArray();
    QCOMPARE(date(newest.at(0).toObject(), "period_start"), date(p1, "closing_date").addDays(1));
    QCOMPARE(text(newest.at(1).toObject(), "statement_id"), text(p1, "statement_id"));
    const QJsonObject p2 = newestStatement(QStringLiteral("admin"));
    QCOMPARE(date(p2, "period_start"), date(p1, "closing_date").addDays(1));
    const QList<QJsonObject> p2Lines = allLines(QStringLiteral("admin"), text(p2, "statement_id"));
    verifyStatement(p2, p2Lines, M0001Rates);
    QCOMPARE(p2Lines.size(), 1);
    QCOMPARE(integer(p2Lines.first(), "amount"), 8000);
    QCOMPARE(integer(p2Lines.first(), "fee"), 260);
    QCOMPARE(integer(p2, "tax"), 26);
    QCOMPARE(integer(p2, "net"), 7714);
    QCOMPARE(integer(p2, "carry_in"), carryIn - 4822);
    QCOMPARE(integer(p2, "transfer_fee"), 250);
    QCOMPARE(integer(p2, "payout"), 7714 + carryIn - 4822 - 250);
    QCOMPARE(integer(p2, "carry_out"), 0);

    // Reading again closes nothing new and changes nothing.
    QCOMPARE(newestStatement(QStringLiteral("admin")), p2);
}

void TestGatewayStatements::anEventRecordedLateEntersTheNextOpenPeriodAndClosedStatementsNeverChange()
{
    QVERIFY(!m_firstDetail.isEmpty());
    // A 消込 of 1,000 yen dated inside P0 but recorded only now, as a late notice (or a capture
    // whose transaction committed after the period closed) would be.
    const qint64 p0Start = jstMidnight(date(m_firstDetail, "period_start"));
    const QJsonArray banks = get(QStringLiteral("admin"), QStringLiteral("/v1/payments?type=05&limit=1"))
                                 .json.value(QLatin1String("items")).toArray();
    QCOMPARE(banks.size(), 1);
    const QString bank = text(banks.first().toObject(), "payment_id");
    {
        QSqlDatabase db = m_gateway.openDatabase(QStringLiteral("statements-late"));
        QVERIFY2(db.isOpen(), qPrintable(m_gateway.error()));
        QSqlQuery q(db);
        QVERIFY(q.prepare(QStringLiteral("INSERT INTO payment_events (payment_id, at, actor, from_status, to_status, amount)"
                                         " VALUES (?, ?, 'system', 10, 40, 1000)")));
        q.addBindValue(bank.toLongLong());
        q.addBindValue(p0Start + 3600);
        QVERIFY(q.exec());
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("statements-late"));

    const QJsonObject p2 = newestStatement(QStringLiteral("admin"));
    advanceToNextPeriod();

    // The scheduled command closes what is due on the sandbox clock, like a read would: P3 for
    // M0001; for M0002, whose statements nobody read since the clock moved, P0 to P3.
    QStringList args{QStringLiteral("close-statements"), QStringLiteral("--data"), m_gateway.dataDir()};
    if (!m_gateway.databaseUrl().isEmpty())
        args << QStringLiteral("--db") << m_gateway.databaseUrl();
    QByteArray output;
    QCOMPARE(GatewayFixture::runGateway(args, &output), 0);
    QVERIFY2(output.contains("M0001: 1 statements closed") && output.contains("M0002: 4 statements closed"), output.constData());
    QCOMPARE(GatewayFixture::runGateway(args, &output), 0);
    QVERIFY2(output.contains("M0001: 0 statements closed") && output.contains("M0002: 0 statements closed"), output.constData());

    const QJsonObject p3 = newestStatement(QStringLiteral("admin"));
    QCOMPARE(date(p3, "period_start"), date(p2, "closing_date").addDays(1));
    const QList<QJsonObject> p3Lines = allLines(QStringLiteral("admin"), text(p3, "statement_id"));
    verifyStatement(p3, p3Lines, M0001Rates);
    QCOMPARE(p3Lines.size(), 1);
    QCOMPARE(text(p3Lines.first(), "payment_id"), bank);
    QCOMPARE(QDateTime::fromString(text(p3Lines.first(), "at"), Qt::ISODate).toSecsSinceEpoch(), p0Start + 3600);
    QCOMPARE(integer(p3Lines.first(), "amount"), 1000);
    QCOMPARE(integer(p3Lines.first(), "fee"), 15); // 1.5 %
    QCOMPARE(integer(p3, "net"), 1000 - 15 - 1);

    // P0 is exactly as it was when it closed, lines included.
    const GatewayClient::Response p0 = get(QStringLiteral("admin"), QStringLiteral("/v1/statements/") + text(m_firstDetail, "statement_id"));
    QCOMPARE(p0.json, m_firstDetail);
    QCOMPARE(allLines(QStringLiteral("admin"), text(m_firstDetail, "statement_id")), m_firstLines);

    // The command runs on serve's clock, offset included: 31 days on, one or two more periods
    // have ended for each merchant (which the unshifted clock then finds closed).
    QCOMPARE(GatewayFixture::runGateway(args + QStringList{QStringLiteral("--clock-offset-days"), QStringLiteral("31")}, &output), 0);
    static const QRegularExpression closedCount(QStringLiteral("M0001: ([12]) statements closed"));
    QVERIFY2(closedCount.match(QString::fromUtf8(output)).hasMatch(), output.constData());
    QCOMPARE(GatewayFixture::runGateway(args, &output), 0);
    QVERIFY2(output.contains("M0001: 0 statements closed"), output.constData());
    QCOMPARE(GatewayFixture::runGateway(args + QStringList{QStringLiteral("--clock-offset-days"), QStringLiteral("x")}, &output), 2);
}

QTEST_GUILESS_MAIN(TestGatewayStatements)
#include "tst_gatewaystatements.moc"
