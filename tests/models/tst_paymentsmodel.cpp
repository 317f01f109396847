#include "api/merchantclient.h"
#include "fakenetwork.h"
#include "gatewayfixture.h"
#include "payments/paymentsmodel.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

using namespace kessai;

namespace {

QByteArray pageJson(const QList<std::pair<qint64, QString>> &rows, const QString &next = QString(), qint64 total = -1)
{
    QJsonArray items;
    for (const auto &[id, trading] : rows) {
        items.append(QJsonObject{{QStringLiteral("payment_id"), QString::number(id)},
                                 {QStringLiteral("trading_id"), trading},
                                 {QStringLiteral("type"), QStringLiteral("02")},
                                 {QStringLiteral("status"), 20},
                                 {QStringLiteral("amount"), 1000},
                                 {QStringLiteral("institution"), QStringLiteral("VISA")},
                                 {QStringLiteral("trade_time"), QStringLiteral("2026-11-01T00:00:00Z")}});
    }
    QJsonObject page{{QStringLiteral("items"), items},
                     {QStringLiteral("next_cursor"), next.isEmpty() ? QJsonValue() : QJsonValue(next)}};
    if (total >= 0)
        page.insert(QStringLiteral("total"), total);
    return QJsonDocument(page).toJson(QJsonDocument::Compact);
}

} // namespace

class TestPaymentsModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_gateway.start(2000, 7), qPrintable(m_gateway.error()));
        const GatewayFixture::User admin = m_gateway.user(QStringLiteral("admin"));
        const auto loaded = ClientIdentity::load(admin.p12, admin.p12Passphrase);
        QVERIFY2(loaded.ok(), qPrintable(loaded.message));
        m_client.setBaseUrl(m_gateway.url());
        m_client.setIdentity(loaded.identity, loadCaCertificates(m_gateway.caPath()));
        const ApiResult login = waitFor(m_client.login(admin.loginId, admin.password));
        QVERIFY2(login.ok(), qPrintable(login.error.displayText()));
    }

    void pagesThroughEverythingUnderTheTester()
    {
        PaymentsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setClient(&m_client);
        model.setPageSize(300);
        QSignalSpy pages(&model, &PaymentsModel::pageLoaded);
        model.search({});
        QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading(), 20000);
        QCOMPARE(pages.at(0).at(0).toInt(), 300);
        // The tester itself calls fetchMore() after each insert, as a view would while scrolling.
        while (model.canFetchMore({})) {
            model.fetchMore({});
            QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading(), 20000);
        }
        QCOMPARE(model.rowCount(), 2000);
        QVERIFY(model.isExhausted());
        QTRY_COMPARE(model.total(), qint64(2000));

        QSet<QString> ids;
        qint64 previousTime = std::numeric_limits<qint64>::max();
        for (int row = 0; row < model.rowCount(); ++row) {
            ids.insert(model.paymentIdAt(row));
            const qint64 time = model.index(row, PaymentsModel::TradeTimeColumn).data(PaymentsModel::SortRole).toLongLong();
            QVERIFY2(time <= previousTime, "rows come newest first");
            previousTime = time;
        }
        QCOMPARE(ids.size(), 2000);
    }

    void filtersReachTheGateway()
    {
        PaymentsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setClient(&m_client);
        PaymentQuery query;
        query.tradingId = QStringLiteral("paygent02");
        model.search(query);
        QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading() && model.total() >= 0, 20000);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.total(), qint64(1));
        QCOMPARE(model.index(0, PaymentsModel::TradingIdColumn).data().toString(), QStringLiteral("paygent02"));
        QCOMPARE(model.index(0, PaymentsModel::AmountColumn).data(PaymentsModel::AmountRole).toLongLong(), qint64(6300));
        QCOMPARE(model.index(0, PaymentsModel::StatusColumn).data(PaymentsModel::StatusCodeRole).toInt(), 20);
        QCOMPARE(model.index(0, PaymentsModel::InstitutionColumn).data().toString(), QStringLiteral("VISA"));
        const auto alignment = model.index(0, PaymentsModel::AmountColumn).data(Qt::TextAlignmentRole).value<Qt::Alignment>();
        QVERIFY(alignment & Qt::AlignRight);

        query = {};
        query.types = {QStringLiteral("03")};
        query.statuses = {40};
        model.search(query);
        QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading() && model.total() >= 0, 20000);
        QVERIFY(model.rowCount() > 0);
        for (int row = 0; row < model.rowCount(); ++row) {
            QCOMPARE(model.index(row, 0).data(PaymentsModel::TypeCodeRole).toString(), QStringLiteral("03"));
            QCOMPARE(model.index(row, 0).data(PaymentsModel::StatusCodeRole).toInt(), 40);
        }
    }

    // The optional columns (customer, card last 4, オーソリ有効期限) and the search for
    // authorizations about to lapse, against the real gateway.
    void optionalColumnsAndAuthorizationsAboutToLapse()
    {
        PaymentsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setClient(&m_client);
        PaymentQuery query;
        query.tradingId = QStringLiteral("paygent02"); // a VISA authorization of 佐藤 花子
        model.search(query);
        QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading() && model.total() >= 0, 20000);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, PaymentsModel::CustomerColumn).data().toString(), QStringLiteral("佐藤 花子"));
        QCOMPARE(model.index(0, PaymentsModel::CardLast4Column).data().toString(), QStringLiteral("1111"));
        const qint64 traded = model.index(0, PaymentsModel::TradeTimeColumn).data(PaymentsModel::SortRole).toLongLong();
        QCOMPARE(model.index(0, PaymentsModel::AuthExpiresColumn).data(PaymentsModel::SortRole).toLongLong(),
                 traded + 60 * 86400);
        QVERIFY(!model.index(0, PaymentsModel::AuthExpiresColumn).data().toString().isEmpty());
        QVERIFY(!model.headerData(PaymentsModel::AuthExpiresColumn, Qt::Horizontal).toString().isEmpty());

        // Every authorization lapses within 60 days; none of them has a cleared payment's status.
        query = {};
        query.authExpiresWithinDays = 60;
        model.search(query);
        QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading() && model.total() >= 0, 20000);
        QVERIFY(model.total() > 0 && model.total() < 2000);
        bool foundPaygent02 = false;
        for (int row = 0; row < model.rowCount(); ++row) {
            QCOMPARE(model.index(row, 0).data(PaymentsModel::TypeCodeRole).toString(), QStringLiteral("02"));
            QCOMPARE(model.index(row, 0).data(PaymentsModel::StatusCodeRole).toInt(), 20);
            QVERIFY(model.index(row, PaymentsModel::AuthExpiresColumn).data(PaymentsModel::SortRole).toLongLong() > 0);
            foundPaygent02 = foundPaygent02 || model.index(row, PaymentsModel::TradingIdColumn).data().toString() == QLatin1String("paygent02");
        }
        QVERIFY(foundPaygent02 || model.canFetchMore({}));
        // A captured payment has no lapse to show.
        query = {};
        query.tradingId = QStringLiteral("paygent02");
        query.statuses = {40};
        query.authExpiresWithinDays = 60;
        model.search(query);
        QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading() && model.total() >= 0, 20000);
        QCOMPARE(model.total(), qint64(0));
    }

    void checkMarksFollowPaymentIdsAcrossPages()
    {
        PaymentsModel model; // no tester here: it would fetch every page on its own
        model.setClient(&m_client);
        model.setPageSize(50);
        model.search({});
        QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading(), 20000);
        const QString firstId = model.paymentIdAt(3);
        QSignalSpy checked(&model, &PaymentsModel::checkedCountChanged);
        QVERIFY(model.setData(model.index(3, PaymentsModel::CheckColumn), Qt::Checked, Qt::CheckStateRole));
        QCOMPARE(checked.count(), 1);
        model.fetchMore({});
        QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading(), 20000);
        QCOMPARE(model.rowCount(), 100);
        QCOMPARE(model.index(3, PaymentsModel::CheckColumn).data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Checked);
        QCOMPARE(model.index(60, PaymentsModel::CheckColumn).data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Unchecked);

        model.search({}); // the same rows again: the mark is by ID, not by row
        QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading(), 20000);
        QCOMPARE(model.rowOfPaymentId(firstId), 3);
        QVERIFY(model.isChecked(firstId));
        QCOMPARE(model.checkedPaymentIds(), QStringList{firstId});
        QCOMPARE(model.selection().paymentIds, QStringList{firstId});
        model.clearChecks();
        QCOMPARE(model.checkedCount(), 0);
    }

    void checkAllMeansEveryMatchingPaymentNotOnlyLoadedRows()
    {
        PaymentsModel model;
        model.setClient(&m_client);
        model.setPageSize(100);
        PaymentQuery cards;
        cards.types = {QStringLiteral("02")};
        model.search(cards);
        QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading() && model.total() > 100, 20000);
        const qint64 total = model.total();
        QSignalSpy counts(&model, &PaymentsModel::checkedCountChanged);
        model.checkAllMatching();
        QCOMPARE(model.checkedCount(), total);
        QCOMPARE(counts.last().at(0).toLongLong(), total);
        QCOMPARE(model.index(99, PaymentsModel::CheckColumn).data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Checked);

        model.fetchMore({}); // rows loaded later are checked too
        QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading(), 20000);
        QVERIFY(model.rowCount() > 100);
        QCOMPARE(model.index(150, PaymentsModel::CheckColumn).data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Checked);

        const QString excluded = model.paymentIdAt(5);
        model.setChecked(excluded, false);
        QCOMPARE(model.checkedCount(), total - 1);
        const PaymentsModel::Selection selection = model.selection();
        QVERIFY(selection.allMatching);
        QCOMPARE(selection.query, cards);
        QCOMPARE(selection.excludedIds, QStringList{excluded});
        QVERIFY(selection.paymentIds.isEmpty());

        model.search(cards); // a refresh of the same search keeps "all matching"
        QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading() && model.total() >= 0, 20000);
        QVERIFY(model.isAllMatchingChecked());
        QVERIFY(!model.isChecked(excluded));

        PaymentQuery other;
        other.types = {QStringLiteral("03")};
        model.search(other); // another search: "all matching" no longer means the same payments
        QVERIFY(!model.isAllMatchingChecked());
        QCOMPARE(model.checkedCount(), 0);
    }

    // The total line: the count is asked with the summed amount, and an earlier search's late
    // answer does not overwrite it.
    void theTotalLineCarriesTheSummedAmount()
    {
        MerchantClient client;
        QStringList sums;
        auto *fake = new FakeNetwork([&sums](const QNetworkRequest &request) {
            const QUrlQuery q(request.url());
            if (request.url().path().endsWith(QLatin1String("/count"))) {
                sums << q.queryItemValue(QStringLiteral("sum"));
                const bool old = q.queryItemValue(QStringLiteral("trading_id")) == QLatin1String("old");
                return FakeNetwork::Answer{200, old ? QByteArray(R"({"total":99,"amount":990000})")
                                                    : QByteArray(R"({"total":2,"amount":12600})"),
                                           old ? 300 : 10};
            }
            return FakeNetwork::Answer{200, pageJson({{1, QStringLiteral("a")}, {2, QStringLiteral("b")}}), 0};
        }, &client);
        fake->ignoreAbort = true;
        client.setNetworkAccessManager(fake);
        client.setBaseUrl(QUrl(QStringLiteral("https://fake.invalid")));
        PaymentsModel model;
        model.setClient(&client);
        QSignalSpy amounts(&model, &PaymentsModel::totalAmountChanged);
        PaymentQuery oldQuery;
        oldQuery.tradingId = QStringLiteral("old");
        model.search(oldQuery);
        QCOMPARE(model.totalAmount(), qint64(-1));
        model.search(PaymentQuery());
        QTRY_COMPARE(model.totalAmount(), qint64(12600));
        QTest::qWait(400); // the old count arrives now
        QCOMPARE(model.totalAmount(), qint64(12600));
        QCOMPARE(model.total(), qint64(2));
        QCOMPARE(sums, (QStringList{QStringLiteral("amount"), QStringLiteral("amount")}));
        QCOMPARE(amounts.size(), 1);
    }

    void aSlowOlderAnswerIsDropped()
    {
        MerchantClient client;
        auto *fake = new FakeNetwork([](const QNetworkRequest &request) {
            const QUrlQuery q(request.url());
            const bool countOnly = request.url().path().endsWith(QLatin1String("/count"));
            if (q.queryItemValue(QStringLiteral("trading_id")) == QLatin1String("old"))
                return FakeNetwork::Answer{200, countOnly ? pageJson({}, {}, 99) : pageJson({{1, QStringLiteral("old")}}), 400};
            return FakeNetwork::Answer{200, countOnly ? pageJson({}, {}, 1) : pageJson({{2, QStringLiteral("new")}}), 10};
        }, &client);
        fake->ignoreAbort = true;
        client.setNetworkAccessManager(fake);
        client.setBaseUrl(QUrl(QStringLiteral("https://fake.invalid")));

        PaymentsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setClient(&client);
        PaymentQuery oldQuery;
        oldQuery.tradingId = QStringLiteral("old");
        model.search(oldQuery);
        PaymentQuery newQuery;
        newQuery.tradingId = QStringLiteral("new");
        model.search(newQuery);
        QTRY_COMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, PaymentsModel::TradingIdColumn).data().toString(), QStringLiteral("new"));
        QTest::qWait(700); // the old answers arrive now, and must change nothing
        QCOMPARE(fake->requestCount, 4);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, PaymentsModel::TradingIdColumn).data().toString(), QStringLiteral("new"));
        QCOMPARE(model.total(), qint64(1));
    }

    void refreshMergesInPlaceKeepingSelectionAndChecks()
    {
        QList<qint64> ids{5, 4, 3, 2, 1}; // newest first, as the gateway pages them
        MerchantClient client;
        auto *fake = new FakeNetwork([&ids](const QNetworkRequest &request) {
            const QUrlQuery q(request.url());
            if (request.url().path().endsWith(QLatin1String("/count")))
                return FakeNetwork::Answer{200, pageJson({}, {}, ids.size()), 0};
            const int offset = q.queryItemValue(QStringLiteral("cursor")).toInt();
            const int limit = q.queryItemValue(QStringLiteral("limit")).toInt();
            QList<std::pair<qint64, QString>> rows;
            for (int i = offset; i < std::min<int>(int(ids.size()), offset + limit); ++i)
                rows.append({ids[i], QStringLiteral("t%1").arg(ids[i])});
            const QString next = offset + limit < ids.size() ? QString::number(offset + limit) : QString();
            return FakeNetwork::Answer{200, pageJson(rows, next), 0};
        }, &client);
        client.setNetworkAccessManager(fake);
        client.setBaseUrl(QUrl(QStringLiteral("https://fake.invalid")));

        PaymentsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setClient(&client);
        model.setPageSize(2);
        model.search({});
        QTRY_VERIFY(model.isExhausted()); // the tester pages to the end, as a scrolling view would
        QCOMPARE(model.rowCount(), 5);

        QItemSelectionModel selection(&model);
        selection.select(model.index(model.rowOfPaymentId(QStringLiteral("3")), 0),
                         QItemSelectionModel::Select | QItemSelectionModel::Rows);
        const QPersistentModelIndex current = model.index(model.rowOfPaymentId(QStringLiteral("4")), 1);
        model.setChecked(QStringLiteral("4"), true);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);

        ids = {7, 6, 5, 4, 3, 2, 1}; // two new payments arrived meanwhile
        model.refresh();
        QVERIFY(model.isLoading());
        QTRY_VERIFY(!model.isLoading());
        // As many rows as were loaded are read again; the rest comes with scrolling.
        while (model.canFetchMore({})) {
            model.fetchMore({});
            QTRY_VERIFY(!model.isLoading());
        }
        QCOMPARE(resets.count(), 0);
        QCOMPARE(model.rowCount(), 7);
        QCOMPARE(model.paymentIdAt(0), QStringLiteral("7"));
        const QModelIndexList selected = selection.selectedRows();
        QCOMPARE(selected.size(), 1);
        QCOMPARE(model.paymentIdAt(selected.first().row()), QStringLiteral("3"));
        QVERIFY(current.isValid());
        QCOMPARE(model.paymentIdAt(current.row()), QStringLiteral("4"));
        QVERIFY(model.isChecked(QStringLiteral("4")));
        QCOMPARE(model.index(model.rowOfPaymentId(QStringLiteral("4")), PaymentsModel::CheckColumn)
                     .data(Qt::CheckStateRole).value<Qt::CheckState>(),
                 Qt::Checked);

        ids = {7, 5, 4, 3, 2, 1}; // and one disappeared (no longer matches the filter)
        model.refresh();
        QTRY_VERIFY(!model.isLoading() && model.isExhausted());
        QCOMPARE(model.rowCount(), 6);
        QCOMPARE(model.rowOfPaymentId(QStringLiteral("6")), -1);
        QCOMPARE(model.paymentIdAt(selection.selectedRows().first().row()), QStringLiteral("3"));
        QCOMPARE(model.total(), qint64(6));
    }

    void aPlainHttpGatewayNeverSeesThePassword()
    {
        MerchantClient client;
        auto *fake = new FakeNetwork([](const QNetworkRequest &) { return FakeNetwork::Answer{200, "{}", 0}; }, &client);
        client.setNetworkAccessManager(fake);
        QVERIFY(!client.setBaseUrl(QUrl(QStringLiteral("http://gateway.example:8443"))));
        const ApiResult login = waitFor(client.login(QStringLiteral("admin"), QStringLiteral("secret-password-1")));
        QCOMPARE(login.error.code, QStringLiteral("insecure_url"));
        QVERIFY(!waitFor(client.searchPayments({}, {}, 10, false)).ok());
        QCOMPARE(fake->requestCount, 0);
        QVERIFY(client.setBaseUrl(QUrl(QStringLiteral("https://gateway.example:8443"))));
    }

    void anErrorStopsPagingAndIsReported()
    {
        MerchantClient client;
        auto *fake = new FakeNetwork([](const QNetworkRequest &) {
            return FakeNetwork::Answer{
                403, R"({"error":{"code":"forbidden","message":"no","request_id":"r-42"}})", 0};
        }, &client);
        client.setNetworkAccessManager(fake);
        client.setBaseUrl(QUrl(QStringLiteral("https://fake.invalid")));
        PaymentsModel model;
        model.setClient(&client);
        QSignalSpy errors(&model, &PaymentsModel::errorOccurred);
        model.search({});
        QTRY_COMPARE(errors.count(), 1);
        const auto error = errors.at(0).at(0).value<ApiError>();
        QCOMPARE(error.kind, ApiError::Kind::Permission);
        QCOMPARE(error.code, QStringLiteral("forbidden"));
        QCOMPARE(error.requestId, QStringLiteral("r-42"));
        QVERIFY(!model.canFetchMore({}));
        QCOMPARE(model.rowCount(), 0);
    }

    // A 200 whose body is no page (truncated on the way, a proxy's HTML) is an error the user
    // sees, not an empty result; the rows already loaded stay.
    void anUnreadablePageIsReportedNotShownAsEmpty()
    {
        MerchantClient client;
        auto *fake = new FakeNetwork([](const QNetworkRequest &request) {
            const QUrlQuery q(request.url());
            if (request.url().path().endsWith(QLatin1String("/count")))
                return FakeNetwork::Answer{200, pageJson({}, {}, 3), 0};
            if (q.hasQueryItem(QStringLiteral("cursor")))
                return FakeNetwork::Answer{200, pageJson({{1, QStringLiteral("A")}}).chopped(7), 0};
            return FakeNetwork::Answer{200, pageJson({{3, QStringLiteral("C")}, {2, QStringLiteral("B")}}, QStringLiteral("next")), 0};
        }, &client);
        client.setNetworkAccessManager(fake);
        client.setBaseUrl(QUrl(QStringLiteral("https://fake.invalid")));
        PaymentsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setClient(&client);
        QSignalSpy errors(&model, &PaymentsModel::errorOccurred);
        model.search({});
        QTRY_COMPARE(model.rowCount(), 2);
        if (model.canFetchMore({})) // the tester may have asked for the next page already
            model.fetchMore({});
        QTRY_COMPARE(errors.count(), 1);
        const auto error = errors.at(0).at(0).value<ApiError>();
        QCOMPARE(error.kind, ApiError::Kind::Server);
        QCOMPARE(error.code, QStringLiteral("malformed"));
        QCOMPARE(model.rowCount(), 2);
        QVERIFY(!model.canFetchMore({}));
    }

private:
    GatewayFixture m_gateway;
    MerchantClient m_client;
};

QTEST_MAIN(TestPaymentsModel)
#include "tst_paymentsmodel.moc"
