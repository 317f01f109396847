#include "api/apireply.h"
#include "api/keysetpager.h"
#include "api/merchantclient.h"
#include "fakenetwork.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

using namespace kessai;

namespace {

// A list of 10 numbered rows served by cursor ("after" the last number seen); the total is 10.
// Answers for a cursor of "slow" arrive late, to let a newer walk overtake them.
FakeNetwork::Answer listAnswer(const QNetworkRequest &request)
{
    const QUrlQuery query(request.url());
    if (request.url().path().endsWith(QLatin1String("/count")))
        return {200, R"({"total":10})", 30};
    if (query.queryItemValue(QStringLiteral("cursor")) == QLatin1String("broken"))
        return {200, "not json", 0};
    if (query.queryItemValue(QStringLiteral("cursor")) == QLatin1String("refused"))
        return {403, R"({"error":{"code":"forbidden","message":"no","request_id":"r"}})", 0};
    const int after = query.queryItemValue(QStringLiteral("cursor")).toInt();
    const int limit = query.queryItemValue(QStringLiteral("limit")).toInt();
    QJsonArray items;
    for (int n = after + 1; n <= std::min(10, after + limit); ++n)
        items.append(n);
    const int last = after + int(items.size());
    QJsonObject page{{QStringLiteral("items"), items},
                     {QStringLiteral("next_cursor"), last < 10 ? QString::number(last) : QString()}};
    const int delay = query.queryItemValue(QStringLiteral("delay")).toInt();
    return {200, QJsonDocument(page).toJson(), delay};
}

} // namespace

// The one cursor walk under every table, export and listing.
class TestKeysetPager : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_client.setNetworkAccessManager(&m_network);
        QVERIFY(m_client.setBaseUrl(QUrl(QStringLiteral("https://gateway.test"))));
        m_rows.clear();
        m_delay = 0;
        m_pager = std::make_unique<KeysetPager>();
        m_pager->setRequests(
            [this](const QString &cursor, int limit) {
                QUrlQuery q;
                q.addQueryItem(QStringLiteral("cursor"), cursor);
                q.addQueryItem(QStringLiteral("limit"), QString::number(limit));
                q.addQueryItem(QStringLiteral("delay"), QString::number(m_delay));
                return m_client.get(QStringLiteral("/v1/list"), q);
            },
            [this](ApiReply &reply) -> std::optional<QString> {
                const QJsonObject page = reply.json().object();
                if (!page.contains(QLatin1String("items"))) {
                    reply.setMalformed(QStringLiteral("no items"));
                    return std::nullopt;
                }
                for (const QJsonValue &v : page.value(QLatin1String("items")).toArray())
                    m_rows.append(v.toInt());
                return page.value(QLatin1String("next_cursor")).toString();
            },
            [this] { return m_client.get(QStringLiteral("/v1/list/count")); });
    }

    void walksEveryPageOnceAndCountsBesideTheRows()
    {
        QSignalSpy total(m_pager.get(), &KeysetPager::totalChanged);
        QSignalSpy read(m_pager.get(), &KeysetPager::pageRead);
        m_pager->restart(true);
        QVERIFY(m_pager->fetch(4));
        QVERIFY(m_pager->isLoading());
        QVERIFY(!m_pager->fetch(4)); // one page in flight at a time
        QVERIFY(read.wait());
        QCOMPARE(m_rows, (QList<int>{1, 2, 3, 4}));
        QCOMPARE(m_pager->total(), -1); // the rows did not wait for the count
        while (!m_pager->isExhausted()) {
            QVERIFY(m_pager->fetch(4));
            QVERIFY(read.wait());
        }
        QCOMPARE(m_rows, (QList<int>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}));
        QCOMPARE(m_pager->pagesRead(), 3);
        QVERIFY(!m_pager->fetch(4));
        QTRY_COMPARE(m_pager->total(), 10);
        QCOMPARE(total.last().at(0).toLongLong(), 10);
    }

    void aNewerWalkDropsTheAnswersOfAnOlderOne()
    {
        m_delay = 200;
        m_pager->restart(false);
        QVERIFY(m_pager->fetch(5));
        m_delay = 0;
        m_pager->restart(false); // e.g. a new search while the old page is on its way
        QSignalSpy read(m_pager.get(), &KeysetPager::pageRead);
        QVERIFY(m_pager->fetch(3));
        QVERIFY(read.wait());
        QTest::qWait(300);
        QCOMPARE(read.size(), 1);
        QCOMPARE(m_rows, (QList<int>{1, 2, 3}));
    }

    void resumesFromAnotherWalksCursor()
    {
        m_pager->resumeAt(QStringLiteral("7"));
        QVERIFY(!m_pager->readAll(2).isError());
        QCOMPARE(m_rows, (QList<int>{8, 9, 10}));
        m_pager->resumeAt(QString()); // the other walk read the last page
        QVERIFY(m_pager->isExhausted());
        QVERIFY(!m_pager->fetch(2));
    }

    void readAllStopsAtTheRowsAskedFor()
    {
        m_pager->restart(false);
        const ApiError error = m_pager->readAll(3, [this] { return qint64(m_rows.size()); }, 5);
        QVERIFY(!error.isError());
        QCOMPARE(m_rows, (QList<int>{1, 2, 3, 4, 5}));
    }

    void aFailedOrUnreadablePageEndsTheWalk_data()
    {
        QTest::addColumn<QString>("cursor");
        QTest::addColumn<int>("kind");
        QTest::newRow("refused") << QStringLiteral("refused") << int(ApiError::Kind::Permission);
        QTest::newRow("unreadable") << QStringLiteral("broken") << int(ApiError::Kind::Server);
    }

    void aFailedOrUnreadablePageEndsTheWalk()
    {
        QFETCH(QString, cursor);
        QFETCH(int, kind);
        m_pager->resumeAt(cursor);
        QSignalSpy failed(m_pager.get(), &KeysetPager::failed);
        QVERIFY(m_pager->fetch(3));
        QVERIFY(failed.wait());
        QCOMPARE(int(failed.at(0).at(0).value<ApiError>().kind), kind);
        QVERIFY(m_pager->hasFailed() && m_pager->isExhausted());
        QVERIFY(!m_pager->fetch(3));
    }

private:
    FakeNetwork m_network{&listAnswer};
    MerchantClient m_client;
    std::unique_ptr<KeysetPager> m_pager;
    QList<int> m_rows;
    int m_delay = 0;
};

QTEST_MAIN(TestKeysetPager)
#include "tst_keysetpager.moc"
