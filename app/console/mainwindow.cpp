#include "mainwindow.h"

#include "api/merchantclient.h"
#include "payments/paymentsmodel.h"
#include "search/searchpage.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QKeySequence>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>

#include "profile/profile.h"

namespace kessai {

MainWindow::MainWindow(MerchantClient *client, QWidget *parent)
    : QMainWindow(parent)
    , m_client(client)
    , m_pages(new QStackedWidget)
    , m_searchPage(new SearchPage(client))
    , m_userLabel(new QLabel)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Payment search"));
    m_pages->addWidget(m_searchPage);
    setCentralWidget(m_pages);

    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    QAction *logout = fileMenu->addAction(tr("&Log out"));
    logout->setObjectName(QStringLiteral("logoutAction"));
    connect(logout, &QAction::triggered, this, &MainWindow::logoutRequested);
    fileMenu->addSeparator();
    QAction *quit = fileMenu->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &MainWindow::close);

    QMenu *paymentsMenu = menuBar()->addMenu(tr("&Payments"));
    QAction *search = paymentsMenu->addAction(tr("&Search"));
    connect(search, &QAction::triggered, m_searchPage, &SearchPage::search);
    QAction *refresh = paymentsMenu->addAction(tr("&Refresh results"));
    refresh->setObjectName(QStringLiteral("refreshAction"));
    refresh->setShortcut(QKeySequence::Refresh);
    refresh->setToolTip(tr("Read the shown payments again, keeping checks, selection and scroll position"));
    connect(refresh, &QAction::triggered, m_searchPage->model(), &PaymentsModel::refresh);
    QAction *find = paymentsMenu->addAction(tr("Search &conditions"));
    find->setShortcut(QKeySequence::Find);
    connect(find, &QAction::triggered, m_searchPage, &SearchPage::focusFilters);

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    connect(helpMenu->addAction(tr("&About Kessai")), &QAction::triggered, this, [this] {
        QMessageBox::about(this, tr("About Kessai"),
                           tr("<b>Kessai</b> %1<br>Back-office console for merchants of the payment gateway.")
                               .arg(QApplication::applicationVersion()));
    });

    m_userLabel->setObjectName(QStringLiteral("userLabel"));
    statusBar()->addPermanentWidget(m_userLabel);
    connect(client, &MerchantClient::loggedIn, this, &MainWindow::updateUser);
    updateUser();

    m_searchPage->restoreState();
    QSettings *settings = sharedSettings();
    if (!restoreGeometry(settings->value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1280, 800);
}

MainWindow::~MainWindow() = default;

void MainWindow::updateUser()
{
    const UserInfo &user = m_client->user();
    const QString role = user.isAdmin() ? tr("Administrator") : tr("General user");
    m_userLabel->setText(tr("%1 (%2) — %3 %4 — %5")
                             .arg(user.name.isEmpty() ? user.loginId : user.name, role, user.merchantId,
                                  user.merchantName, m_client->baseUrl().toDisplayString()));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    sharedSettings()->setValue(QStringLiteral("window/geometry"), saveGeometry());
    m_searchPage->saveState();
    QMainWindow::closeEvent(event);
}

} // namespace kessai
