#include "gatewayclient.h"
#include "gatewayfixture.h"

#include <QDateTime>
#include <QJsonArray>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QTimeZone>
#include <QUrl>

#include <functional>

// The search page's API against a full scan of the demo data: every filter, every sort in both
// orders, the count endpoint and the payment detail with its events and actions.
namespace {

using Predicate = std::function<bool(const QJsonObject &)>;

qint64 epoch(const QJsonObject &payment, const char *field)
{
    const QString text = payment.value(QLatin1String(field)).toString();
    if (text.isEmpty())
        return -1; // the documented key of a missing time
    return QDateTime::fromString(text, Qt::ISODate).toSecsSinceEpoch();
}

QString wire(qint64 seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds).toUTC().toString(Qt::ISODate);
}

qint64 jstMidnight(const QDate &day)
{
    return QDateTime(day, QTime(0, 0), QTimeZone(9 * 3600)).toSecsSinceEpoch();
}

QString encoded(const QString &value)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(value));
}

} // namespace

class TestGatewaySearch : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void filtersMatchAFullScan_data();
    void filtersMatchAFullScan();
    void everySortPagesThroughEverythingOnceInOrder_data();
    void everySortPagesThroughEverythingOnceInOrder();
    void aCursorOfAnotherSortOrOrderIsRefused();
    void countEndpointEqualsTotal();
    void badSearchParametersAreRefused_data();
    void badSearchParametersAreRefused();
    void typeStatusPairsOutsideStatusAndTypeMatchNothing();
    void aChargeIsFoundByItsCaptureDate();
    void authorizationsExpiringByADate();
    void detailHasEventsNumbersAndAdminActions();
    void detailActionsFollowStatusAndPermissions();
    void detailOfInvisibleTypeOrUnknownIdIsNotFoundAndAudited();
    void anUpgradeAddingIndexesAnalysesThem();
    void customerWildcardsAreLiteral();
    void aLostDatabaseConnectionIsOpenedAgain();

private:
    QList<QJsonObject> fetchAll(GatewayClient &client, const QString &token, const QString &query, int limit,
                                qint64 *total = nullptr, bool *ok = nullptr);
    QJsonObject firstWhere(const Predicate &predicate) const;

    GatewayFixture m_gateway;
    std::optional<GatewayClient> m_admin;
    QString m_adminToken;
    std::optional<GatewayClient> m_staff;
    QString m_staffToken;
    QList<QJsonObject> m_all;
};

QList<QJsonObject> TestGatewaySearch::fetchAll(GatewayClient &client, const QString &token, const QString &query,
                                               int limit, qint64 *total, bool *ok)
{
    if (ok)
        *ok = false;
    QList<QJsonObject> rows;
    QString cursor;
    for (int page = 0; page < 10000; ++page) {
        QString path = QStringLiteral("/v1/payments?limit=%1").arg(limit);
        if (!query.isEmpty())
            path += u'&' + query;
        if (!cursor.isEmpty())
            path += QStringLiteral("&cursor=") + cursor;
        const GatewayClient::Response response = client.get(path, token);
        if (response.status != 200) {
            qWarning() << "page failed" << response.status << response.body;
            return {};
        }
        if (page == 0 && total)
            *total = response.json.value(QLatin1String("total")).toInteger(-1);
        const QJsonArray items = response.json.value(QLatin1String("items")).toArray();
        if (items.size() > limit) {
            qWarning() << "page larger than limit";
            return {};
        }
        for (const QJsonValue &item : items)
            rows.append(item.toObject());
        const QJsonValue next = response.json.value(QLatin1String("next_cursor"));
        if (next.isNull()) {
            if (ok)
                *ok = true;
            break;
        }
        cursor = next.toString();
    }
    return rows;
}

QJsonObject TestGatewaySearch::firstWhere(const Predicate &predicate) const
{
    for (const QJsonObject &payment : m_all) {
        if (predicate(payment))
            return payment;
    }
    return {};
}

void TestGatewaySearch::initTestCase()
{
    // A demo of 2,000 payments takes the "dense" search paths of a big merchant (bounded walks
    // of the sort index) when a condition with 40 rows counts as dense.
    qputenv("KESSAI_GATEWAY_SEARCH_PROBE_ROWS", "40");
    QVERIFY2(m_gateway.start(2000, 11), qPrintable(m_gateway.error()));
    const GatewayFixture::User admin = m_gateway.user(QStringLiteral("admin"));
    m_admin.emplace(m_gateway.url(), m_gateway.caPath());
    QVERIFY(m_admin->setIdentity(admin.p12, admin.p12Passphrase));
    m_adminToken = m_admin->login(admin.loginId, admin.password);
    QVERIFY(!m_adminToken.isEmpty());

    const GatewayFixture::User staff = m_gateway.user(QStringLiteral("staff"));
    m_staff.emplace(m_gateway.url(), m_gateway.caPath());
    QVERIFY(m_staff->setIdentity(staff.p12, staff.p12Passphrase));
    m_staffToken = m_staff->login(staff.loginId, staff.password);
    QVERIFY(!m_staffToken.isEmpty());

    bool ok = false;
    m_all = fetchAll(*m_admin, m_adminToken, QString(), 1000, nullptr, &ok);
    QVERIFY(ok);
    QCOMPARE(m_all.size(), 2000);
}

void TestGatewaySearch::filtersMatchAFullScan_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<Predicate>("matches");

    // Anchors taken from the data itself, so the ranges are neither empty nor everything.
    const qint64 tradeMid = epoch(m_all.at(600), "trade_time");
    const qint64 tradeLow = epoch(m_all.at(900), "trade_time");
    QTest::newRow("trade range, UTC times")
        << QStringLiteral("trade_from=%1&trade_to=%2").arg(wire(tradeLow), wire(tradeMid))
        << Predicate([=](const QJsonObject &p) {
               const qint64 t = epoch(p, "trade_time");
               return t >= tradeLow && t < tradeMid;
           });
    QTest::newRow("trade_to is exclusive") << QStringLiteral("trade_to=%1").arg(wire(tradeMid))
                                           << Predicate([=](const QJsonObject &p) { return epoch(p, "trade_time") < tradeMid; });

    const QDate day = QDateTime::fromSecsSinceEpoch(tradeMid, QTimeZone(9 * 3600)).date();
    const qint64 dayStart = jstMidnight(day.addDays(-10));
    const qint64 dayEnd = jstMidnight(day);
    QTest::newRow("trade range, JST dates")
        << QStringLiteral("trade_from=%1&trade_to=%2").arg(day.addDays(-10).toString(Qt::ISODate), day.toString(Qt::ISODate))
        << Predicate([=](const QJsonObject &p) {
               const qint64 t = epoch(p, "trade_time");
               return t >= dayStart && t < dayEnd;
           });

    const qint64 dueMid = epoch(firstWhere([](const QJsonObject &p) { return p.contains(QLatin1String("due_time")); }), "due_time");
    QTest::newRow("due_from only") << QStringLiteral("due_from=%1").arg(wire(dueMid))
                                   << Predicate([=](const QJsonObject &p) { return epoch(p, "due_time") >= dueMid; });
    QTest::newRow("due_to only skips payments without a due time")
        << QStringLiteral("due_to=%1").arg(wire(dueMid))
        << Predicate([=](const QJsonObject &p) {
               const qint64 t = epoch(p, "due_time");
               return t >= 0 && t < dueMid;
           });
    const qint64 clearedMid = epoch(m_all.at(500), "trade_time");
    QTest::newRow("cleared range")
        << QStringLiteral("cleared_from=%1&cleared_to=%2").arg(wire(clearedMid - 30 * 86400), wire(clearedMid))
        << Predicate([=](const QJsonObject &p) {
               const qint64 t = epoch(p, "cleared_time");
               return t >= clearedMid - 30 * 86400 && t < clearedMid;
           });
    QTest::newRow("amount range inclusive")
        << QStringLiteral("amount_min=1000&amount_max=5000") << Predicate([](const QJsonObject &p) {
               const qint64 a = p.value(QLatin1String("amount")).toInteger();
               return a >= 1000 && a <= 5000;
           });
    const qint64 someAmount = m_all.at(77).value(QLatin1String("amount")).toInteger();
    QTest::newRow("exact amount") << QStringLiteral("amount_min=%1&amount_max=%1").arg(someAmount)
                                  << Predicate([=](const QJsonObject &p) {
                                         return p.value(QLatin1String("amount")).toInteger() == someAmount;
                                     });
    const QString last4 = firstWhere([](const QJsonObject &p) { return p.contains(QLatin1String("card")); })
                              .value(QLatin1String("card"))
                              .toObject()
                              .value(QLatin1String("last4"))
                              .toString();
    QTest::newRow("card_last4") << QStringLiteral("card_last4=") + last4 << Predicate([=](const QJsonObject &p) {
        return p.value(QLatin1String("card")).toObject().value(QLatin1String("last4")).toString() == last4;
    });
    const auto customerField = [](const QJsonObject &p, const char *field) {
        return p.value(QLatin1String("customer")).toObject().value(QLatin1String(field)).toString();
    };
    QTest::newRow("customer kanji name part") << QStringLiteral("customer=") + encoded(QStringLiteral("山田"))
                                              << Predicate([=](const QJsonObject &p) {
                                                     return customerField(p, "name").contains(QStringLiteral("山田"))
                                                            || customerField(p, "kana").contains(QStringLiteral("山田"));
                                                 });
    QTest::newRow("customer kana") << QStringLiteral("customer=") + encoded(QStringLiteral("ハナコ"))
                                   << Predicate([=](const QJsonObject &p) {
                                          return customerField(p, "kana").contains(QStringLiteral("ハナコ"));
                                      });
    // A whole name is rare (a handful of 2,000): the trigram index finds it (SQLite).
    const QString fullName = customerField(m_all.at(77), "name");
    QTest::newRow("customer full name") << QStringLiteral("customer=") + encoded(fullName)
                                        << Predicate([=](const QJsonObject &p) {
                                               return customerField(p, "name").contains(fullName)
                                                      || customerField(p, "kana").contains(fullName);
                                           });
    const QString fullKana = customerField(m_all.at(78), "kana").toLower();
    QTest::newRow("customer full kana with an amount")
        << QStringLiteral("customer=") + encoded(fullKana) + QStringLiteral("&amount_min=3000")
        << Predicate([=](const QJsonObject &p) {
               return customerField(p, "kana").toLower().contains(fullKana) && p.value(QLatin1String("amount")).toInteger() >= 3000;
           });
    // What Japanese input varies is folded on both sides (issue 24): spaces, widths, hiragana.
    const auto withoutSpaces = [=](const QJsonObject &p, const char *field) {
        return customerField(p, field).remove(u' ').remove(QChar(0x3000));
    };
    QTest::newRow("customer folded: katakana without the space")
        << QStringLiteral("customer=") + encoded(QStringLiteral("サトウハナコ"))
        << Predicate([=](const QJsonObject &p) { return withoutSpaces(p, "kana").contains(QStringLiteral("サトウハナコ")); });
    QTest::newRow("customer folded: hiragana with a space")
        << QStringLiteral("customer=") + encoded(QStringLiteral("さとう はなこ"))
        << Predicate([=](const QJsonObject &p) { return withoutSpaces(p, "kana").contains(QStringLiteral("サトウハナコ")); });
    QTest::newRow("customer folded: half-width katakana")
        << QStringLiteral("customer=") + encoded(QStringLiteral("ｻﾄｳ"))
        << Predicate([=](const QJsonObject &p) { return withoutSpaces(p, "kana").contains(QStringLiteral("サトウ")); });
    QTest::newRow("customer folded: kanji with an ideographic space")
        << QStringLiteral("customer=") + encoded(QStringLiteral("佐藤\u3000花子"))
        << Predicate([=](const QJsonObject &p) { return withoutSpaces(p, "name").contains(QStringLiteral("佐藤花子")); });
    QTest::newRow("customer folded: two hiragana (no trigram)")
        << QStringLiteral("customer=") + encoded(QStringLiteral("はな"))
        << Predicate([=](const QJsonObject &p) { return withoutSpaces(p, "kana").contains(QStringLiteral("ハナ")); });
    QTest::newRow("customer folded: full-width phone digits")
        << QStringLiteral("customer=") + encoded(QStringLiteral("０８０－３３３３"))
        << Predicate([=](const QJsonObject &p) { return customerField(p, "phone").remove(u'-').contains(QStringLiteral("0803333")); });
    QString phone = customerField(m_all.at(321), "phone");
    const QString phoneDigits = phone.remove(u'-').mid(3, 6);
    QTest::newRow("customer phone digits") << QStringLiteral("customer=") + phoneDigits << Predicate([=](const QJsonObject &p) {
        return customerField(p, "phone").remove(u'-').contains(phoneDigits);
    });
    const QString hyphenated = customerField(m_all.at(321), "phone");
    QTest::newRow("customer phone as written") << QStringLiteral("customer=") + hyphenated << Predicate([=](const QJsonObject &p) {
        return customerField(p, "phone") == hyphenated;
    });
    QTest::newRow("combined: card, amount, trade range")
        << QStringLiteral("type=02&status=40&amount_min=2000&trade_from=%1").arg(wire(tradeLow))
        << Predicate([=](const QJsonObject &p) {
               return p.value(QLatin1String("type")).toString() == QLatin1String("02")
                      && p.value(QLatin1String("status")).toInt() == 40
                      && p.value(QLatin1String("amount")).toInteger() >= 2000 && epoch(p, "trade_time") >= tradeLow;
           });
    // With the probe bound lowered (initTestCase), these take the bounded walks of dense
    // conditions: one type walks its own (type, trade time) index, two statuses the time index.
    QTest::newRow("one type, dense amount (walks the type's time index)")
        << QStringLiteral("type=01&amount_min=3000") << Predicate([](const QJsonObject &p) {
               return p.value(QLatin1String("type")).toString() == QLatin1String("01")
                      && p.value(QLatin1String("amount")).toInteger() >= 3000;
           });
    QTest::newRow("one type, dense upper amount")
        << QStringLiteral("type=03&amount_max=5000") << Predicate([](const QJsonObject &p) {
               return p.value(QLatin1String("type")).toString() == QLatin1String("03")
                      && p.value(QLatin1String("amount")).toInteger() <= 5000;
           });
    // (type, status) pairs: 40 of cards is not 40 of the other types.
    const auto inPairs = [](const QList<std::pair<QString, int>> &pairs) {
        return Predicate([=](const QJsonObject &p) {
            return pairs.contains({p.value(QLatin1String("type")).toString(), p.value(QLatin1String("status")).toInt()});
        });
    };
    QTest::newRow("type_status: card 40 only")
        << QStringLiteral("type_status=02:40") << inPairs({{QStringLiteral("02"), 40}});
    QTest::newRow("type_status: card 40 and CVS 43, not CVS 40 nor card 43")
        << QStringLiteral("type_status=02:40,03:43") << inPairs({{QStringLiteral("02"), 40}, {QStringLiteral("03"), 43}});
    QTest::newRow("type_status: card 20 and ATM 40, with an amount")
        << QStringLiteral("type_status=02:20,01:40&amount_min=2500") << Predicate([=](const QJsonObject &p) {
               return inPairs({{QStringLiteral("02"), 20}, {QStringLiteral("01"), 40}})(p)
                      && p.value(QLatin1String("amount")).toInteger() >= 2500;
           });
    QTest::newRow("type_status narrowed by status and type")
        << QStringLiteral("type_status=02:40,02:20,03:40,01:10&status=40,10&type=02,01")
        << inPairs({{QStringLiteral("02"), 40}, {QStringLiteral("01"), 10}});
    QTest::newRow("two statuses, dense amount")
        << QStringLiteral("status=20,40&amount_min=1500") << Predicate([](const QJsonObject &p) {
               const int status = p.value(QLatin1String("status")).toInt();
               return (status == 20 || status == 40) && p.value(QLatin1String("amount")).toInteger() >= 1500;
           });
}

void TestGatewaySearch::filtersMatchAFullScan()
{
    QFETCH(QString, query);
    QFETCH(Predicate, matches);
    QSet<QString> expected;
    for (const QJsonObject &payment : std::as_const(m_all)) {
        if (matches(payment))
            expected.insert(payment.value(QLatin1String("payment_id")).toString());
    }
    QVERIFY2(!expected.isEmpty(), "the filter should match something in the demo data");
    QVERIFY2(expected.size() < m_all.size(), "the filter should not match everything");

    qint64 total = -1;
    bool ok = false;
    const QList<QJsonObject> rows = fetchAll(*m_admin, m_adminToken, query, 97, &total, &ok);
    QVERIFY(ok);
    QSet<QString> got;
    for (const QJsonObject &row : rows)
        got.insert(row.value(QLatin1String("payment_id")).toString());
    QCOMPARE(rows.size(), got.size());
    QCOMPARE(got, expected);
    QCOMPARE(total, expected.size());
    // Newest first, whichever index drove the query.
    for (qsizetype i = 1; i < rows.size(); ++i) {
        const auto key = [](const QJsonObject &p) {
            return std::pair(epoch(p, "trade_time"), p.value(QLatin1String("payment_id")).toString().toLongLong());
        };
        QVERIFY2(key(rows.at(i - 1)) > key(rows.at(i)), qPrintable(QStringLiteral("out of order at row %1").arg(i)));
    }

    const GatewayClient::Response counted = m_admin->get(QStringLiteral("/v1/payments/count?") + query, m_adminToken);
    QCOMPARE(counted.status, 200);
    QCOMPARE(counted.json.value(QLatin1String("total")).toInteger(-1), expected.size());
}

void TestGatewaySearch::everySortPagesThroughEverythingOnceInOrder_data()
{
    QTest::addColumn<QString>("sort");
    QTest::addColumn<bool>("ascending");
    for (const char *sort : {"trade_time", "amount", "due_time", "cleared_time", "trading_id"}) {
        QTest::addRow("%s desc", sort) << QString::fromLatin1(sort) << false;
        QTest::addRow("%s asc", sort) << QString::fromLatin1(sort) << true;
    }
}

void TestGatewaySearch::everySortPagesThroughEverythingOnceInOrder()
{
    QFETCH(QString, sort);
    QFETCH(bool, ascending);
    bool ok = false;
    const QString query = QStringLiteral("count=false&sort=") + sort + (ascending ? QStringLiteral("&order=asc") : QString());
    const QList<QJsonObject> rows = fetchAll(*m_admin, m_adminToken, query, 137, nullptr, &ok);
    QVERIFY(ok);
    QCOMPARE(rows.size(), m_all.size());

    // (key, payment id) must be strictly monotonic: that is "each once, in order, ties by id".
    const auto key = [&](const QJsonObject &p) -> QVariant {
        if (sort == QLatin1String("amount"))
            return p.value(QLatin1String("amount")).toInteger();
        if (sort == QLatin1String("trading_id"))
            return p.value(QLatin1String("trading_id")).toString();
        return epoch(p, sort == QLatin1String("trade_time") ? "trade_time"
                        : sort == QLatin1String("due_time") ? "due_time"
                                                             : "cleared_time");
    };
    const auto less = [&](const QJsonObject &a, const QJsonObject &b) {
        const QVariant ka = key(a);
        const QVariant kb = key(b);
        const int order = QVariant::compare(ka, kb) == QPartialOrdering::Less      ? -1
                          : QVariant::compare(ka, kb) == QPartialOrdering::Greater ? 1
                                                                                   : 0;
        if (order != 0)
            return order < 0;
        return a.value(QLatin1String("payment_id")).toString().toLongLong()
               < b.value(QLatin1String("payment_id")).toString().toLongLong();
    };
    QSet<QString> seen;
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const QString id = rows.at(i).value(QLatin1String("payment_id")).toString();
        QVERIFY2(!seen.contains(id), qPrintable(id));
        seen.insert(id);
        if (i > 0) {
            const bool inOrder = ascending ? less(rows.at(i - 1), rows.at(i)) : less(rows.at(i), rows.at(i - 1));
            QVERIFY2(inOrder, qPrintable(QStringLiteral("row %1 out of order").arg(i)));
        }
    }
    if (sort == QLatin1String("due_time") || sort == QLatin1String("cleared_time")) {
        // Missing times sort lowest: last when descending, first when ascending.
        const QJsonObject &lowest = ascending ? rows.first() : rows.last();
        QVERIFY(!lowest.contains(sort));
    }
}

void TestGatewaySearch::aCursorOfAnotherSortOrOrderIsRefused()
{
    const GatewayClient::Response first = m_admin->get(QStringLiteral("/v1/payments?limit=10&sort=amount"), m_adminToken);
    QCOMPARE(first.status, 200);
    const QString cursor = first.json.value(QLatin1String("next_cursor")).toString();
    QVERIFY(!cursor.isEmpty());
    const GatewayClient::Response same = m_admin->get(QStringLiteral("/v1/payments?limit=10&sort=amount&cursor=") + cursor, m_adminToken);
    QCOMPARE(same.status, 200);
    for (const QString &other : {QStringLiteral("sort=trade_time"), QStringLiteral("sort=amount&order=asc"), QString()}) {
        const GatewayClient::Response refused
            = m_admin->get(QStringLiteral("/v1/payments?limit=10&cursor=") + cursor + u'&' + other, m_adminToken);
        QCOMPARE(refused.status, 400);
        QCOMPARE(refused.errorCode(), QStringLiteral("invalid_parameter"));
    }
}

void TestGatewaySearch::countEndpointEqualsTotal()
{
    for (const QString &query : {QString(), QStringLiteral("status=20"), QStringLiteral("type=03&amount_max=3000")}) {
        const GatewayClient::Response page = m_admin->get(QStringLiteral("/v1/payments?limit=1&") + query, m_adminToken);
        const GatewayClient::Response counted = m_admin->get(QStringLiteral("/v1/payments/count?") + query, m_adminToken);
        QCOMPARE(page.status, 200);
        QCOMPARE(counted.status, 200);
        QCOMPARE(counted.json.keys(), QStringList{QStringLiteral("total")});
        QCOMPARE(counted.json.value(QLatin1String("total")).toInteger(-1), page.json.value(QLatin1String("total")).toInteger(-2));
    }
    QCOMPARE(m_admin->get(QStringLiteral("/v1/payments/count"), m_adminToken).json.value(QLatin1String("total")).toInteger(), 2000);
    // The staff user's count leaves out the types it may not view, like its search.
    const GatewayClient::Response atm = m_staff->get(QStringLiteral("/v1/payments/count?type=01"), m_staffToken);
    QCOMPARE(atm.status, 200);
    QCOMPARE(atm.json.value(QLatin1String("total")).toInteger(-1), 0);
    QCOMPARE(m_admin->get(QStringLiteral("/v1/payments/count?amount_min=x"), m_adminToken).status, 400);
    QCOMPARE(m_admin->get(QStringLiteral("/v1/payments/count")).status, 401);

    // sum=amount: the total line's summed amount, equal to a full scan's.
    const std::pair<const char *, Predicate> sums[] = {
        {"", [](const QJsonObject &) { return true; }},
        {"status=20", [](const QJsonObject &p) { return p.value(QLatin1String("status")).toInt() == 20; }},
        {"type=03&amount_max=3000", [](const QJsonObject &p) {
             return p.value(QLatin1String("type")).toString() == QLatin1String("03")
                 && p.value(QLatin1String("amount")).toInteger() <= 3000; }},
    };
    for (const auto &[query, pick] : sums) {
        qint64 count = 0;
        qint64 amount = 0;
        for (const QJsonObject &payment : std::as_const(m_all)) {
            if (pick(payment)) {
                ++count;
                amount += payment.value(QLatin1String("amount")).toInteger();
            }
        }
        const GatewayClient::Response summed = m_admin->get(
            QStringLiteral("/v1/payments/count?sum=amount&") + QString::fromLatin1(query), m_adminToken);
        QCOMPARE(summed.status, 200);
        QCOMPARE(summed.json.value(QLatin1String("total")).toInteger(-1), count);
        QCOMPARE(summed.json.value(QLatin1String("amount")).toInteger(-1), amount);
    }
    QCOMPARE(m_admin->get(QStringLiteral("/v1/payments/count?sum=status"), m_adminToken).status, 400);
}

void TestGatewaySearch::badSearchParametersAreRefused_data()
{
    QTest::addColumn<QString>("query");
    QTest::newRow("time without Z") << QStringLiteral("trade_from=2026-11-23T00:00:00");
    QTest::newRow("time with offset") << QStringLiteral("trade_from=2026-11-23T00:00:00%2B09:00");
    QTest::newRow("impossible date") << QStringLiteral("due_to=2026-02-30");
    QTest::newRow("not a date") << QStringLiteral("cleared_from=yesterday");
    QTest::newRow("before 1970") << QStringLiteral("trade_from=1969-12-31");
    QTest::newRow("negative amount") << QStringLiteral("amount_min=-1");
    QTest::newRow("decimal amount") << QStringLiteral("amount_max=10.5");
    QTest::newRow("last4 three digits") << QStringLiteral("card_last4=123");
    QTest::newRow("last4 letters") << QStringLiteral("card_last4=12a4");
    QTest::newRow("empty customer") << QStringLiteral("customer=%20");
    QTest::newRow("long customer") << QStringLiteral("customer=") + QString(65, u'a');
    QTest::newRow("unknown sort") << QStringLiteral("sort=status");
    QTest::newRow("unknown order") << QStringLiteral("order=up");
    QTest::newRow("sort twice") << QStringLiteral("sort=amount&sort=amount");
    QTest::newRow("amount_min twice") << QStringLiteral("amount_min=1&amount_min=2");
    QTest::newRow("type_status without a status") << QStringLiteral("type_status=02");
    QTest::newRow("type_status of an unknown type") << QStringLiteral("type_status=09:40");
    QTest::newRow("type_status a type does not have") << QStringLiteral("type_status=01:20");
    QTest::newRow("type_status one digit") << QStringLiteral("type_status=02:4");
    QTest::newRow("type_status twice") << QStringLiteral("type_status=02:40&type_status=02:20");
    QTest::newRow("charge_from not a date") << QStringLiteral("charge_from=last-week");
    QTest::newRow("auth_expires_to not a date") << QStringLiteral("auth_expires_to=soon");
    QTest::newRow("auth_expires_from twice") << QStringLiteral("auth_expires_from=2026-12-01&auth_expires_from=2026-12-02");
}

void TestGatewaySearch::badSearchParametersAreRefused()
{
    QFETCH(QString, query);
    for (const QString &path : {QStringLiteral("/v1/payments?"), QStringLiteral("/v1/payments/count?")}) {
        const GatewayClient::Response response = m_admin->get(path + query, m_adminToken);
        QCOMPARE(response.status, 400);
        QCOMPARE(response.errorCode(), QStringLiteral("invalid_parameter"));
    }
}

// "What is this charge?": a card payment captured days after its authorization is found by
// the capture date ± 3 days, which the authorization date alone missed (issue 24).
void TestGatewaySearch::aChargeIsFoundByItsCaptureDate()
{
    const auto day = [](qint64 seconds) { return QDateTime::fromSecsSinceEpoch(seconds, QTimeZone(9 * 3600)).date(); };
    const QJsonObject late = firstWhere([&](const QJsonObject &p) {
        return p.value(QLatin1String("type")).toString() == QLatin1String("02") && p.contains(QLatin1String("cleared_time"))
               && day(epoch(p, "trade_time")).daysTo(day(epoch(p, "cleared_time"))) > 4;
    });
    QVERIFY2(!late.isEmpty(), "the demo has a card payment captured more than 4 days after its authorization");
    const QString id = late.value(QLatin1String("payment_id")).toString();
    const QDate captured = day(epoch(late, "cleared_time"));
    const QString lookup = QStringLiteral("amount_min=%1&amount_max=%1&card_last4=%2")
                               .arg(late.value(QLatin1String("amount")).toInteger())
                               .arg(late.value(QLatin1String("card")).toObject().value(QLatin1String("last4")).toString());
    const QString window = QStringLiteral("_from=%1&%2_to=%3")
                               .arg(captured.addDays(-3).toString(Qt::ISODate), QStringLiteral("%1"),
                                    captured.addDays(4).toString(Qt::ISODate));
    const auto ids = [&](const QString &query) {
        QSet<QString> found;
        bool ok = false;
        for (const QJsonObject &row : fetchAll(*m_admin, m_adminToken, query, 50, nullptr, &ok))
            found.insert(row.value(QLatin1String("payment_id")).toString());
        return ok ? found : QSet<QString>{QStringLiteral("failed")};
    };
    // By the authorization date alone it is not found; by either date it is.
    QVERIFY(!ids(lookup + QStringLiteral("&trade") + window.arg(QStringLiteral("trade"))).contains(id));
    const QSet<QString> charged = ids(lookup + QStringLiteral("&charge") + window.arg(QStringLiteral("charge")));
    QVERIFY(charged.contains(id));
    QVERIFY(!charged.contains(QStringLiteral("failed")));
    // And the payments found are exactly those with either date in the window.
    const qint64 from = jstMidnight(captured.addDays(-3));
    const qint64 to = jstMidnight(captured.addDays(4));
    QSet<QString> expected;
    for (const QJsonObject &p : std::as_const(m_all)) {
        const qint64 trade = epoch(p, "trade_time");
        const qint64 cleared = epoch(p, "cleared_time");
        if ((trade >= from && trade < to) || (cleared >= from && cleared < to))
            expected.insert(p.value(QLatin1String("payment_id")).toString());
    }
    QVERIFY(expected.size() < m_all.size());
    QCOMPARE(ids(QStringLiteral("charge") + window.arg(QStringLiteral("charge"))), expected);
}

// オーソリ有効期限: a card authorization (02 in 20) says when it lapses (60 days after it was
// made), and auth_expires_from/_to find those that lapse in a range (issue 24), alone or with
// the other filters; with a status or type that is not an authorization they find nothing.
void TestGatewaySearch::authorizationsExpiringByADate()
{
    const QTimeZone japan(9 * 3600);
    QList<qint64> lapses;
    for (const QJsonObject &p : std::as_const(m_all)) {
        const bool authorized = p.value(QLatin1String("type")).toString() == QLatin1String("02")
                                && p.value(QLatin1String("status")).toInt() == 20;
        QCOMPARE(p.contains(QLatin1String("auth_expires_time")), authorized);
        if (authorized) {
            QCOMPARE(epoch(p, "auth_expires_time"), epoch(p, "trade_time") + 60 * 86400);
            lapses.append(epoch(p, "auth_expires_time"));
        }
    }
    QVERIFY2(lapses.size() >= 10, "the demo has card authorizations");
    std::sort(lapses.begin(), lapses.end());
    const QDate cut = QDateTime::fromSecsSinceEpoch(lapses.at(lapses.size() / 2), japan).date();
    const qint64 boundary = QDateTime(cut, QTime(0, 0), japan).toSecsSinceEpoch();
    const auto ids = [&](const std::function<bool(const QJsonObject &)> &wanted) {
        QSet<QString> found;
        for (const QJsonObject &p : std::as_const(m_all)) {
            if (p.contains(QLatin1String("auth_expires_time")) && wanted(p))
                found.insert(p.value(QLatin1String("payment_id")).toString());
        }
        return found;
    };
    const QSet<QString> before = ids([&](const QJsonObject &p) { return epoch(p, "auth_expires_time") < boundary; });
    const QSet<QString> after = ids([&](const QJsonObject &p) { return epoch(p, "auth_expires_time") >= boundary; });
    QVERIFY(!before.isEmpty() && !after.isEmpty());

    const auto search = [&](const QString &query) {
        bool ok = false;
        qint64 total = -1;
        QSet<QString> got;
        for (const QJsonObject &row : fetchAll(*m_admin, m_adminToken, query, 50, &total, &ok))
            got.insert(row.value(QLatin1String("payment_id")).toString());
        const GatewayClient::Response counted = m_admin->get(QStringLiteral("/v1/payments/count?") + query, m_adminToken);
        if (!ok || total != got.size() || counted.json.value(QLatin1String("total")).toInteger(-1) != got.size())
            qWarning() << "inconsistent search" << query << ok << total << got.size() << counted.body;
        return got;
    };
    const QString date = cut.toString(Qt::ISODate);
    QCOMPARE(search(QStringLiteral("auth_expires_to=") + date), before);
    QCOMPARE(search(QStringLiteral("auth_expires_from=") + date), after);
    QCOMPARE(search(QStringLiteral("status=20,40&type=02,03&auth_expires_to=") + date), before);
    // With another trade range, both must hold.
    const qint64 lastTrade = boundary - 60 * 86400 - 1;
    const QSet<QString> oldest = ids([&](const QJsonObject &p) { return epoch(p, "trade_time") <= lastTrade - 86400; });
    const QString earlyEnd = QDateTime::fromSecsSinceEpoch(lastTrade - 86400 + 1, Qt::UTC).toString(Qt::ISODate);
    QCOMPARE(search(QStringLiteral("trade_to=%1&auth_expires_to=%2").arg(earlyEnd, date)), oldest);
    QVERIFY(search(QStringLiteral("status=40&auth_expires_to=") + date).isEmpty());
    QVERIFY(search(QStringLiteral("type=03&auth_expires_to=") + date).isEmpty());
    QVERIFY(search(QStringLiteral("type_status=02:40&auth_expires_to=") + date).isEmpty());
}

void TestGatewaySearch::typeStatusPairsOutsideStatusAndTypeMatchNothing()
{
    for (const QString &query : {QStringLiteral("type_status=02:40&type=03"), QStringLiteral("type_status=02:40,01:10&status=20")}) {
        const GatewayClient::Response page = m_admin->get(QStringLiteral("/v1/payments?") + query, m_adminToken);
        QCOMPARE(page.status, 200);
        QCOMPARE(page.json.value(QLatin1String("items")).toArray().size(), 0);
        QCOMPARE(page.json.value(QLatin1String("total")).toInteger(-1), 0);
    }
    // The same pairs without the narrowing find payments (the demo has both kinds).
    const GatewayClient::Response wide = m_admin->get(QStringLiteral("/v1/payments/count?type_status=02:40,01:10"), m_adminToken);
    QCOMPARE(wide.status, 200);
    QVERIFY(wide.json.value(QLatin1String("total")).toInteger() > 0);
}

void TestGatewaySearch::detailHasEventsNumbersAndAdminActions()
{
    const QJsonObject brochureCard = m_admin->get(QStringLiteral("/v1/payments?trading_id=paygent02"), m_adminToken)
                                         .json.value(QLatin1String("items")).toArray().first().toObject();
    const QString id = brochureCard.value(QLatin1String("payment_id")).toString();
    const GatewayClient::Response response = m_admin->get(QStringLiteral("/v1/payments/") + id, m_adminToken);
    QCOMPARE(response.status, 200);
    const QJsonObject detail = response.json;
    QCOMPARE(detail.value(QLatin1String("payment_id")).toString(), id);
    QCOMPARE(detail.value(QLatin1String("status")).toInt(), 20);
    QCOMPARE(detail.value(QLatin1String("authorized_amount")).toInteger(), 6300);
    const QJsonObject card = detail.value(QLatin1String("card")).toObject();
    QCOMPARE(card.value(QLatin1String("brand")).toString(), QStringLiteral("VISA"));
    QCOMPARE(card.value(QLatin1String("bin")).toString(), QStringLiteral("411111"));
    QCOMPARE(card.value(QLatin1String("last4")).toString(), QStringLiteral("1111"));
    QCOMPARE(card.value(QLatin1String("expiry")).toString(), QStringLiteral("12/30"));
    QCOMPARE(detail.value(QLatin1String("customer")).toObject().value(QLatin1String("name")).toString(), QStringLiteral("佐藤 花子"));
    const QJsonArray events = detail.value(QLatin1String("events")).toArray();
    QCOMPARE(events.size(), 1);
    const QJsonObject created = events.first().toObject();
    QVERIFY(created.value(QLatin1String("from")).isNull());
    QCOMPARE(created.value(QLatin1String("to")).toInt(), 20);
    QCOMPARE(created.value(QLatin1String("amount")).toInteger(), 6300);
    QCOMPARE(created.value(QLatin1String("actor")).toString(), QStringLiteral("system"));
    QCOMPARE(created.value(QLatin1String("at")).toString(), detail.value(QLatin1String("trade_time")).toString());
    QCOMPARE(detail.value(QLatin1String("actions")).toArray(),
             QJsonArray({QStringLiteral("capture"), QStringLiteral("cancel"), QStringLiteral("change_amount")}));

    // A CVS payment: its receipt number, its history oldest first, and nothing to do.
    const QString cvsId = m_admin->get(QStringLiteral("/v1/payments?trading_id=paygent03"), m_adminToken)
                              .json.value(QLatin1String("items")).toArray().first().toObject()
                              .value(QLatin1String("payment_id")).toString();
    const QJsonObject cvs = m_admin->get(QStringLiteral("/v1/payments/") + cvsId, m_adminToken).json;
    QVERIFY(cvs.value(QLatin1String("receipt_number")).toString().size() >= 8);
    const QJsonArray cvsEvents = cvs.value(QLatin1String("events")).toArray();
    QCOMPARE(cvsEvents.size(), 3);
    QCOMPARE(cvsEvents.at(0).toObject().value(QLatin1String("to")).toInt(), 10);
    QCOMPARE(cvsEvents.at(1).toObject().value(QLatin1String("from")).toInt(), 10);
    QCOMPARE(cvsEvents.at(1).toObject().value(QLatin1String("to")).toInt(), 43);
    QCOMPARE(cvsEvents.at(2).toObject().value(QLatin1String("to")).toInt(), 40);
    QVERIFY(cvs.value(QLatin1String("actions")).toArray().isEmpty());

    const QString atmId = m_admin->get(QStringLiteral("/v1/payments?trading_id=paygent05"), m_adminToken)
                              .json.value(QLatin1String("items")).toArray().first().toObject()
                              .value(QLatin1String("payment_id")).toString();
    const QJsonObject atm = m_admin->get(QStringLiteral("/v1/payments/") + atmId, m_adminToken).json;
    QVERIFY(atm.value(QLatin1String("payment_number")).toString().size() >= 10);
}

void TestGatewaySearch::detailActionsFollowStatusAndPermissions()
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    struct Case
    {
        const char *name;
        Predicate pick;
        QStringList admin;
        QStringList staff;
    };
    const QStringList all = {QStringLiteral("capture"), QStringLiteral("cancel"), QStringLiteral("change_amount")};
    const QList<Case> cases = {
        {"card 20", [](const QJsonObject &p) { return p.value(QLatin1String("type")).toString() == QLatin1String("02")
                                                      && p.value(QLatin1String("status")).toInt() == 20; },
         all, {QStringLiteral("capture"), QStringLiteral("cancel")}},
        {"card 40 inside the cancel window",
         [=](const QJsonObject &p) { return p.value(QLatin1String("status")).toInt() == 40
                                            && p.value(QLatin1String("type")).toString() == QLatin1String("02")
                                            && epoch(p, "cleared_time") > now - 50 * 86400; },
         {QStringLiteral("cancel"), QStringLiteral("change_amount")}, {QStringLiteral("cancel")}},
        {"card 41", [](const QJsonObject &p) { return p.value(QLatin1String("status")).toInt() == 41; }, {}, {}},
        {"card 32", [](const QJsonObject &p) { return p.value(QLatin1String("status")).toInt() == 32; }, {}, {}},
        {"CVS 10", [](const QJsonObject &p) { return p.value(QLatin1String("type")).toString() == QLatin1String("03")
                                                     && p.value(QLatin1String("status")).toInt() == 10; }, {}, {}},
    };
    for (const Case &c : cases) {
        const QJsonObject payment = firstWhere(c.pick);
        QVERIFY2(!payment.isEmpty(), c.name);
        const QString path = QStringLiteral("/v1/payments/") + payment.value(QLatin1String("payment_id")).toString();
        const GatewayClient::Response asAdmin = m_admin->get(path, m_adminToken);
        const GatewayClient::Response asStaff = m_staff->get(path, m_staffToken);
        QCOMPARE(asAdmin.status, 200);
        QCOMPARE(asStaff.status, 200);
        QVERIFY2(asAdmin.json.value(QLatin1String("actions")).toArray() == QJsonArray::fromStringList(c.admin), c.name);
        QVERIFY2(asStaff.json.value(QLatin1String("actions")).toArray() == QJsonArray::fromStringList(c.staff), c.name);
        // A search row says the same (absent when empty), for each user.
        QVERIFY2(payment.value(QLatin1String("actions")).toArray() == QJsonArray::fromStringList(c.admin), c.name);
        QVERIFY2(!payment.contains(QLatin1String("actions")) || !c.admin.isEmpty(), c.name);
        const GatewayClient::Response row = m_staff->get(
            QStringLiteral("/v1/payments?payment_id=") + payment.value(QLatin1String("payment_id")).toString(), m_staffToken);
        QCOMPARE(row.status, 200);
        const QJsonArray rows = row.json.value(QLatin1String("items")).toArray();
        QCOMPARE(rows.size(), 1);
        QVERIFY2(rows.first().toObject().value(QLatin1String("actions")).toArray() == QJsonArray::fromStringList(c.staff),
                 c.name);
    }
}

void TestGatewaySearch::detailOfInvisibleTypeOrUnknownIdIsNotFoundAndAudited()
{
    const QJsonObject atm = firstWhere([](const QJsonObject &p) { return p.value(QLatin1String("type")).toString() == QLatin1String("01"); });
    const QString atmId = atm.value(QLatin1String("payment_id")).toString();
    QCOMPARE(m_admin->get(QStringLiteral("/v1/payments/") + atmId, m_adminToken).status, 200);
    const GatewayClient::Response refused = m_staff->get(QStringLiteral("/v1/payments/") + atmId, m_staffToken);
    QCOMPARE(refused.status, 404);
    QCOMPARE(refused.errorCode(), QStringLiteral("not_found"));
    const GatewayClient::Response unknown = m_staff->get(QStringLiteral("/v1/payments/999999999999999999"), m_staffToken);
    QCOMPARE(unknown.status, 404);
    QCOMPARE(unknown.errorCode(), QStringLiteral("not_found"));
    // Same answer either way: the body says nothing about whether the payment exists.
    QCOMPARE(refused.json.value(QLatin1String("error")).toObject().value(QLatin1String("message")),
             unknown.json.value(QLatin1String("error")).toObject().value(QLatin1String("message")));
    QCOMPARE(m_admin->get(QStringLiteral("/v1/payments/12ab"), m_adminToken).status, 404);
    QCOMPARE(m_admin->get(QStringLiteral("/v1/payments/") + atmId).status, 401);

    {
        QSqlDatabase db = m_gateway.openDatabase(QStringLiteral("audit-check"));
        QVERIFY2(db.isOpen(), qPrintable(m_gateway.error()));
        QSqlQuery q(db);
        QVERIFY(q.prepare(QStringLiteral("SELECT login_id, result, request_id FROM audit_log WHERE action = 'payment_view'"
                                         " AND target = ? ORDER BY audit_id")));
        q.addBindValue(QString(QStringLiteral("payment:") + atmId));
        QVERIFY(q.exec());
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("staff"));
        QCOMPARE(q.value(1).toString(), QStringLiteral("not_found"));
        QCOMPARE(q.value(2).toString(), QString::fromLatin1(refused.requestId));
        QVERIFY(!q.next());
    }
    QSqlDatabase::removeDatabase(QStringLiteral("audit-check"));
}

QTEST_GUILESS_MAIN(TestGatewaySearch)
// An analysed SQLite database (the demo's) that gains an index by an upgrade must be analysed
// again: SQLite takes an index without statistics for a very selective one, and a search that
// walked it through a million payments was a hundred times slower. The upgrade to schema 8 is
// replayed on a demo database with schema 8's column, indexes and statistics taken away (and
// schema 7's computed column back): the migrator must also fold the customer texts of the
// payments already there, which only C++ can (ICU).
void TestGatewaySearch::anUpgradeAddingIndexesAnalysesThem()
{
    GatewayFixture gateway;
    QVERIFY2(gateway.start(300, 5), qPrintable(gateway.error()));
    gateway.stop();
    const bool postgres = !gateway.databaseUrl().isEmpty();
    const QString connection = QStringLiteral("upgrade-check");
    const auto run = [](QSqlDatabase &db, const QString &sql) {
        QSqlQuery q(db);
        if (!q.exec(sql))
            qWarning() << sql << q.lastError().text();
        return q;
    };
    {
        QSqlDatabase db = gateway.openDatabase(connection);
        QVERIFY2(db.isOpen(), qPrintable(gateway.error()));
        // Schema 10 first, then 9, then 8.
        QStringList downgrade{QStringLiteral("DROP INDEX audit_log_merchant_target"),
                              QStringLiteral("ALTER TABLE users DROP COLUMN last_login_at"),
                              QStringLiteral("DELETE FROM schema_version WHERE version = 10"),
                              QStringLiteral("ALTER TABLE users DROP COLUMN must_change_password"),
                              QStringLiteral("ALTER TABLE audit_log DROP COLUMN detail"),
                              QStringLiteral("DELETE FROM schema_version WHERE version = 9")};
        if (postgres) {
            downgrade += {QStringLiteral("DROP INDEX payments_customer_fold_trigram")};
        } else {
            downgrade += {QStringLiteral("DROP TRIGGER payment_customer_folds_insert"),
                         QStringLiteral("DROP TRIGGER payment_customer_folds_update"),
                         QStringLiteral("DROP TRIGGER payment_customer_folds_delete"),
                         QStringLiteral("DROP TABLE payment_customer_folds"),
                         QStringLiteral("DROP INDEX payments_merchant_customer_fold"),
                         QStringLiteral("DELETE FROM sqlite_stat1 WHERE idx = 'payments_merchant_customer_fold'"),
                         QStringLiteral("ALTER TABLE payments ADD COLUMN customer_search TEXT GENERATED ALWAYS AS"
                                        " (LOWER(COALESCE(customer_name, ''))) VIRTUAL")};
        }
        downgrade += {QStringLiteral("ALTER TABLE payments DROP COLUMN customer_fold"),
                      QStringLiteral("DELETE FROM schema_version WHERE version = 8")};
        for (const QString &sql : std::as_const(downgrade))
            QVERIFY2(run(db, sql).isActive(), qPrintable(sql));
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);

    QVERIFY2(gateway.restart(), qPrintable(gateway.error()));
    QVERIFY(gateway.serverLog().contains("schema migrated to version 8"));
    QVERIFY2(gateway.serverLog().contains("folded the customer texts of"), gateway.serverLog().constData());
    QVERIFY2(gateway.serverLog().contains("statistics refreshed after the upgrade"), gateway.serverLog().constData());
    gateway.stop();
    {
        QSqlDatabase db = gateway.openDatabase(connection);
        QVERIFY2(db.isOpen(), qPrintable(gateway.error()));
        if (postgres) {
            QSqlQuery q = run(db, QStringLiteral("SELECT last_analyze IS NOT NULL OR last_autoanalyze IS NOT NULL"
                                                 " FROM pg_stat_user_tables WHERE relname = 'payments'"));
            QVERIFY(q.next());
            QVERIFY(q.value(0).toBool());
            q = run(db, QStringLiteral("SELECT COUNT(*) FROM pg_indexes WHERE indexname = 'payments_customer_fold_trigram'"));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toInt(), 1);
        } else {
            QSqlQuery q = run(db, QStringLiteral("SELECT stat FROM sqlite_stat1 WHERE idx = 'payments_merchant_customer_fold'"));
            QVERIFY(q.next());
            // "rows rows-per-merchant …": the statistics count this demo's payments.
            QVERIFY2(q.value(0).toString().section(u' ', 0, 0).toInt() >= 300, qPrintable(q.value(0).toString()));
        }
        // Every payment has its folded text; 佐藤 花子 of the brochure payments is found by it
        // (on SQLite through the trigram index the upgrade rebuilt).
        QSqlQuery q = run(db, QStringLiteral("SELECT COUNT(*) FROM payments WHERE customer_fold IS NULL"));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 0);
        q = run(db, QStringLiteral("SELECT customer_fold FROM payments WHERE customer_name = '佐藤 花子' AND customer_phone = '080-3333-4444'"));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("佐藤花子\u001fサトウハナコ\u001f08033334444"));
        q = run(db, postgres ? QStringLiteral("SELECT COUNT(*) FROM payments WHERE customer_fold LIKE '%トウハナコ%'")
                             : QStringLiteral("SELECT COUNT(*) FROM payment_customer_folds WHERE customer_fold LIKE '%トウハナコ%'"));
        QVERIFY(q.next());
        QVERIFY(q.value(0).toInt() >= 1);
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
}

// LIKE's wildcards in a customer search are literal text: no demo name contains them, so
// nothing matches, on the b-tree scan (short texts) and where the trigram index is skipped.
void TestGatewaySearch::customerWildcardsAreLiteral()
{
    const QString name = m_all.at(77).value(QLatin1String("customer")).toObject().value(QLatin1String("name")).toString();
    QVERIFY(name.size() >= 2);
    const QStringList texts = {QString(name.left(1) + u'%'), QString(name.left(2) + QStringLiteral("%_")), QStringLiteral("%%%"), QStringLiteral("___")};
    for (const QString &text : texts) {
        const GatewayClient::Response r = m_admin->get(QStringLiteral("/v1/payments/count?customer=") + encoded(text), m_adminToken);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QLatin1String("total")).toInteger(), qint64(0));
    }
    // The same texts without their wildcards do match.
    const GatewayClient::Response plain = m_admin->get(QStringLiteral("/v1/payments/count?customer=") + encoded(name.left(2)), m_adminToken);
    QVERIFY(plain.json.value(QLatin1String("total")).toInteger() > 0);
}

// PostgreSQL: a connection the server ended (a restart, an administrator) is opened again, so
// the gateway does not need a restart of its own. The sessions are ended with
// pg_terminate_backend, which only touches this test's database.
void TestGatewaySearch::aLostDatabaseConnectionIsOpenedAgain()
{
    if (m_gateway.databaseUrl().isEmpty())
        QSKIP("PostgreSQL only (SQLite has no server connection to lose)");
    const QString page = QStringLiteral("/v1/payments?limit=5&count=false");
    QCOMPARE(m_admin->get(page, m_adminToken).status, 200);
    const auto endSessions = [this] {
        const QString connection = QStringLiteral("terminate");
        int ended = 0;
        {
            QSqlDatabase db = m_gateway.openDatabase(connection);
            QSqlQuery q(db);
            if (q.exec(QStringLiteral("SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity"
                                      " WHERE datname = current_database() AND pid <> pg_backend_pid()"))
                && q.next())
                ended = q.value(0).toInt();
            db.close();
        }
        QSqlDatabase::removeDatabase(connection);
        return ended;
    };

    // In use when it dies: the request that finds it dead fails, the next ones work.
    QVERIFY(endSessions() > 0);
    QList<int> statuses;
    for (int i = 0; i < 6; ++i)
        statuses << m_admin->get(page, m_adminToken).status;
    QVERIFY2(statuses.count(200) >= 5 && statuses.mid(1) == QList<int>(5, 200), qPrintable(QDebug::toString(statuses)));

    // Idle when it dies: checked before it is used again, nothing fails.
    QVERIFY(endSessions() > 0);
    QTest::qWait(1200);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(m_admin->get(page, m_adminToken).status, 200);
}

#include "tst_gatewaysearch.moc"
