#include "api/merchantclient.h"
#include "common/page.h"
#include "fakenetwork.h"
#include "mainwindow.h"
#include "pagelist.h"
#include "payments/searchpage.h"

#include <QApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <memory>

using namespace kessai;

namespace {

// A gateway that logs in a user with the given permissions and answers every search with no rows.
struct FakeGateway
{
    QStringList permissions;
    FakeNetwork network{[this](const QNetworkRequest &request) -> FakeNetwork::Answer {
        const QString path = request.url().path();
        if (path == QLatin1String("/v1/session")) {
            const QJsonObject user{{QStringLiteral("login_id"), QStringLiteral("staff")},
                                   {QStringLiteral("role"), QStringLiteral("general")},
                                   {QStringLiteral("permissions"), QJsonArray::fromStringList(permissions)}};
            return {200, QJsonDocument(QJsonObject{{QStringLiteral("token"), QStringLiteral("t")}, {QStringLiteral("user"), user}}).toJson(), 0};
        }
        if (path.endsWith(QLatin1String("/count")))
            return {200, R"({"total":0})", 0};
        return {200, R"({"items":[],"next_cursor":null})", 0};
    }};
    MerchantClient client;

    explicit FakeGateway(QStringList granted)
        : permissions(std::move(granted))
    {
        client.setNetworkAccessManager(&network);
        client.setBaseUrl(QUrl(QStringLiteral("https://gateway.test")));
        waitFor(client.login(QStringLiteral("staff"), QStringLiteral("password-12345")));
    }
};

QStringList pageTitlesInList(const MainWindow &window)
{
    QStringList titles;
    auto *nav = window.findChild<QTreeWidget *>(QStringLiteral("pageList"));
    for (int i = 0; i < nav->topLevelItemCount(); ++i) {
        if (nav->topLevelItem(i)->flags() & Qt::ItemIsSelectable)
            titles.append(nav->topLevelItem(i)->text(0));
    }
    return titles;
}

} // namespace

// The main window's shell: one page list, only the pages the user may open, keyboard switching,
// the page's own menu and shortcuts, the last page back after a restart.
class TestPageShell : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_config.isValid());
        qputenv("XDG_CONFIG_HOME", m_config.path().toUtf8());
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void everyPageEntryIsComplete()
    {
        QStringList ids;
        for (const PageEntry &entry : PageList::all()) {
            QVERIFY2(!entry.id.isEmpty() && entry.title && entry.create, qPrintable(entry.id));
            QVERIFY2(!ids.contains(entry.id), qPrintable(entry.id));
            ids.append(entry.id);
        }
        QVERIFY(ids.contains(QStringLiteral("payments/search")));
    }

    void onlyThePagesTheUserMayOpenAreListed()
    {
        FakeGateway viewer({QStringLiteral("view:02")});
        QVERIFY(viewer.client.isLoggedIn());
        MainWindow window(&viewer.client);
        QCOMPARE(window.pageIds(), QStringList{QStringLiteral("payments/search")});
        QCOMPARE(pageTitlesInList(window), QStringList{QStringLiteral("Payment search")});

        // Capture without a view right: bulk processing (of a file, of earlier batches), no search.
        FakeGateway capturer({QStringLiteral("capture")});
        MainWindow bulkOnly(&capturer.client);
        QCOMPARE(bulkOnly.pageIds(), QStringList{QStringLiteral("payments/bulk")});

        // Without a view or an action right there is no page to show.
        FakeGateway blind({QStringLiteral("export")});
        MainWindow empty(&blind.client);
        QVERIFY(empty.pageIds().isEmpty());
        QVERIFY(pageTitlesInList(empty).isEmpty());
        QVERIFY(!empty.currentPage());
        QVERIFY(!empty.showPage(QStringLiteral("payments/search")));
        QCOMPARE(empty.windowTitle(), QStringLiteral("No page"));
    }

    void thePageIsCreatedOnceAndNamedInTheTitle()
    {
        FakeGateway staff({QStringLiteral("view:02"), QStringLiteral("view:03")});
        MainWindow window(&staff.client);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.currentPageId(), QStringLiteral("payments/search"));
        auto *search = window.page<SearchPage>();
        QVERIFY(search);
        QCOMPARE(window.currentPage(), search);
        QCOMPARE(window.windowTitle(), QStringLiteral("Payment search"));
        QVERIFY(window.showPage(QStringLiteral("payments/search")));
        QCOMPARE(window.findChildren<SearchPage *>().size(), 1);
        QVERIFY(!window.showPage(QStringLiteral("no/such-page")));

        // The page's menu is the page's own actions, under its title.
        auto *pageMenu = window.findChild<QMenu *>(QStringLiteral("pageMenu"));
        QCOMPARE(pageMenu->title(), QStringLiteral("Payment search"));
        QCOMPARE(pageMenu->actions(), search->menuActions());
        // Ctrl+1 is the first page.
        auto *go = window.findChild<QAction *>(QStringLiteral("goAction_payments/search"));
        QVERIFY(go);
        QCOMPARE(go->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_1));
    }

    // Ctrl+F was bound twice (menu and page: "ambiguous shortcut") and did nothing.
    void ctrlFReachesTheFiltersFromAnywhereInTheWindow()
    {
        FakeGateway staff({QStringLiteral("view:02")});
        MainWindow window(&staff.client);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QApplication::setActiveWindow(&window);
        QTRY_VERIFY(window.isActiveWindow());
        auto *tradingId = window.findChild<QLineEdit *>(QStringLiteral("tradingIdFilter"));
        auto *table = window.findChild<QTableView *>(QStringLiteral("resultTable"));
        auto *nav = window.findChild<QTreeWidget *>(QStringLiteral("pageList"));
        for (QWidget *from : {static_cast<QWidget *>(table), static_cast<QWidget *>(nav)}) {
            from->setFocus();
            QTRY_VERIFY(from->hasFocus());
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_F, Qt::ControlModifier);
            QTRY_VERIFY2(tradingId->hasFocus(), qPrintable(from->objectName()));
        }
        // Ctrl+0 goes to the page list, and Enter-free arrow keys stay on pages.
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_0, Qt::ControlModifier);
        QTRY_VERIFY(nav->hasFocus());
        QTest::keyClick(nav, Qt::Key_Up);
        QVERIFY(nav->currentItem()->flags() & Qt::ItemIsSelectable);
        QCOMPARE(window.currentPageId(), QStringLiteral("payments/search"));
    }

    void theLastPageComesBack()
    {
        {
            FakeGateway staff({QStringLiteral("view:02")});
            MainWindow window(&staff.client);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            QVERIFY(window.showPage(QStringLiteral("payments/search")));
            window.close();
        }
        FakeGateway staff({QStringLiteral("view:02")});
        MainWindow again(&staff.client);
        QCOMPARE(again.currentPageId(), QStringLiteral("payments/search"));
    }

private:
    QTemporaryDir m_config;
};

QTEST_MAIN(TestPageShell)
#include "tst_pageshell.moc"
