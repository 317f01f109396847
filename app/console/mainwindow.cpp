#include "mainwindow.h"

#include "api/merchantclient.h"
#include "common/page.h"
#include "pagelist.h"
#include "connection/certificatedialog.h"
#include "login/changepassworddialog.h"
#include "domain/japantime.h"
#include "tls/certificateexpiry.h"
#include "bulk/bulkservice.h"
#include "profile/profile.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QHeaderView>
#include <QIcon>
#include <QKeySequence>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QRegularExpression>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
#include <QTreeWidget>

#include <algorithm>
#include <optional>

namespace kessai {

namespace {

constexpr int PageIdRole = Qt::UserRole + 1;

const QString LastPageKey = QStringLiteral("shell/lastPage");
const QString SplitterKey = QStringLiteral("window/pageListSplitter");

// A menu text without its mnemonic: "終了(&Q)" and "&Quit" read 終了 and Quit.
QString plainText(QString text)
{
    static const QRegularExpression japaneseMnemonic(QStringLiteral("\\(&.\\)"));
    return text.remove(japaneseMnemonic).remove(u'&');
}

} // namespace

int MainWindow::navWidth() const
{
    // Wide enough for the longest title, icon and indentation included, in either language.
    int widest = 0;
    for (const PageEntry *entry : m_entries)
        widest = std::max(widest, m_nav->fontMetrics().horizontalAdvance(PageList::title(*entry)));
    return widest + m_nav->iconSize().width() + 32;
}

namespace {

} // namespace

MainWindow::MainWindow(MerchantClient *client, BulkService *bulk, QWidget *parent)
    : QMainWindow(parent)
    , m_client(client)
    , m_bulk(bulk)
    , m_splitter(new QSplitter(Qt::Horizontal))
    , m_nav(new QTreeWidget)
    , m_stack(new QStackedWidget)
    , m_userLabel(new QLabel)
    , m_certificateLabel(new QLabel)
{
    setObjectName(QStringLiteral("mainWindow"));
    // What pages keep (last search, layout, saved searches) is this user's, not the PC's.
    setSettingsUser(client->user().merchantId, client->user().loginId);
    m_entries = PageList::allowedFor(client->user());

    m_nav->setObjectName(QStringLiteral("pageList"));
    m_nav->setHeaderHidden(true);
    m_nav->setRootIsDecorated(false);
    m_nav->setItemsExpandable(false);
    m_nav->setIndentation(0);
    m_nav->setUniformRowHeights(true);
    m_nav->setFrameShape(QFrame::NoFrame);
    m_nav->setAccessibleName(tr("Pages"));
    m_stack->setObjectName(QStringLiteral("pageStack"));
    m_splitter->addWidget(m_nav);
    m_splitter->addWidget(m_stack);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setCollapsible(1, false);
    setCentralWidget(m_splitter);

    buildPageList();
    buildMenus();
    // A batch just confirmed is followed where it runs.
    if (m_bulk)
        connect(m_bulk, &BulkService::batchCreated, this, [this] { showPage(QStringLiteral("payments/bulk")); });

    m_userLabel->setObjectName(QStringLiteral("userLabel"));
    m_certificateLabel->setObjectName(QStringLiteral("certificateWarning"));
    m_certificateLabel->setStyleSheet(QStringLiteral("color: #b01c1c; font-weight: bold;"));
    m_certificateLabel->hide();
    statusBar()->addPermanentWidget(m_certificateLabel);
    statusBar()->addPermanentWidget(m_userLabel);
    // At start, then every hour: a day that turns is a day to warn again.
    QTimer::singleShot(0, this, [this] { checkCertificate(); });
    auto *certificateTimer = new QTimer(this);
    certificateTimer->setInterval(std::chrono::hours(1));
    connect(certificateTimer, &QTimer::timeout, this, [this] { checkCertificate(); });
    certificateTimer->start();
    connect(client, &MerchantClient::loggedIn, this, &MainWindow::updateUser);
    updateUser();

    QSettings *settings = sharedSettings();
    if (!restoreGeometry(settings->value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1280, 800);
    if (!m_splitter->restoreState(settings->value(SplitterKey).toByteArray()))
        m_splitter->setSizes({navWidth(), width() - navWidth()});

    // The last page used, or the first one allowed.
    const QString last = settings->value(userSettingsKey(LastPageKey)).toString();
    if (!showPage(last) && !m_entries.isEmpty())
        showPage(m_entries.first()->id);
    if (m_entries.isEmpty())
        setWindowTitle(tr("No page"));
}

MainWindow::~MainWindow() = default;

void MainWindow::buildPageList()
{
    // One flat list: group names are disabled rows, so the arrow keys pass over them (a tree
    // would disable the pages under a disabled group too).
    std::optional<PageEntry::Group> group;
    QFont groupFont = m_nav->font();
    groupFont.setBold(true);
    for (const PageEntry *entry : m_entries) {
        if (group != entry->group) {
            group = entry->group;
            auto *groupItem = new QTreeWidgetItem(m_nav, {PageList::groupTitle(entry->group)});
            groupItem->setFlags(Qt::NoItemFlags);
            groupItem->setFont(0, groupFont);
        }
        auto *item = new QTreeWidgetItem(m_nav, {PageList::title(*entry)});
        item->setData(0, PageIdRole, entry->id);
        const QIcon icon = QIcon::fromTheme(entry->iconName);
        if (!icon.isNull())
            item->setIcon(0, icon);
        m_items.insert(entry->id, item);
    }
    m_nav->setMinimumWidth(navWidth());
    connect(m_nav, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *current) {
        if (current && current->data(0, PageIdRole).isValid())
            showPage(current->data(0, PageIdRole).toString());
    });
}

void MainWindow::buildMenus()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    QAction *logout = fileMenu->addAction(tr("&Log out"));
    logout->setObjectName(QStringLiteral("logoutAction"));
    connect(logout, &QAction::triggered, this, &MainWindow::logoutRequested);
    QAction *certificate = fileMenu->addAction(tr("&Certificate details…"));
    certificate->setObjectName(QStringLiteral("certificateAction"));
    connect(certificate, &QAction::triggered, this, [this] {
        auto *dialog = new CertificateDialog(m_client->identity(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    QAction *password = fileMenu->addAction(tr("Change &password…"));
    password->setObjectName(QStringLiteral("changePasswordAction"));
    connect(password, &QAction::triggered, this, [this] {
        auto *dialog = new ChangePasswordDialog(m_client, ChangePasswordDialog::Mode::Voluntary, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QDialog::accepted, this, [this] {
            statusBar()->showMessage(tr("Your password has been changed; your other sessions have ended."), 10000);
        });
        dialog->open();
    });
    QAction *change = fileMenu->addAction(tr("Change ce&rtificate…"));
    change->setObjectName(QStringLiteral("changeCertificateAction"));
    connect(change, &QAction::triggered, this, &MainWindow::changeCertificateRequested);
    fileMenu->addSeparator();
    QAction *quit = fileMenu->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &MainWindow::close);

    // Every page by its number: Ctrl+1 … Ctrl+9 in list order.
    QMenu *goMenu = menuBar()->addMenu(tr("&Go", "menu of pages"));
    goMenu->setObjectName(QStringLiteral("goMenu"));
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        const PageEntry *entry = m_entries.at(i);
        QAction *go = goMenu->addAction(PageList::title(*entry));
        go->setObjectName(QStringLiteral("goAction_") + entry->id);
        if (i < 9)
            go->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        const QString id = entry->id;
        connect(go, &QAction::triggered, this, [this, id] { showPage(id); });
    }
    goMenu->addSeparator();
    QAction *toList = goMenu->addAction(tr("Page &list"));
    toList->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    connect(toList, &QAction::triggered, m_nav, qOverload<>(&QWidget::setFocus));

    // The current page's own actions, filled in when the page changes.
    m_pageMenu = menuBar()->addMenu(QString());
    m_pageMenu->setObjectName(QStringLiteral("pageMenu"));

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    QAction *keys = helpMenu->addAction(tr("&Keyboard shortcuts"));
    keys->setObjectName(QStringLiteral("keyboardHelpAction"));
    keys->setShortcut(QKeySequence::HelpContents);
    connect(keys, &QAction::triggered, this, &MainWindow::showKeyboardHelp);
    connect(helpMenu->addAction(tr("&About Kessai")), &QAction::triggered, this, [this] {
        QMessageBox::about(this, tr("About Kessai"),
                           tr("<b>Kessai</b> %1<br>Back-office console for merchants of the payment gateway.")
                               .arg(QApplication::applicationVersion()));
    });
}

const PageEntry *MainWindow::entry(const QString &id) const
{
    for (const PageEntry *candidate : m_entries) {
        if (candidate->id == id)
            return candidate;
    }
    return nullptr;
}

QStringList MainWindow::pageIds() const
{
    QStringList ids;
    for (const PageEntry *candidate : m_entries)
        ids.append(candidate->id);
    return ids;
}

Page *MainWindow::currentPage() const
{
    return m_pages.value(m_currentId);
}

bool MainWindow::showPage(const QString &id)
{
    const PageEntry *target = entry(id);
    if (!target)
        return false;
    if (id == m_currentId)
        return true;
    Page *page = m_pages.value(id);
    const bool firstTime = !page;
    if (firstTime) {
        page = target->create(PageContext{m_client, m_bulk});
        page->setObjectName(page->objectName().isEmpty() ? id : page->objectName());
        m_pages.insert(id, page);
        m_created.append(page);
        m_stack->addWidget(page);
        page->restoreState();
    }
    m_currentId = id;
    m_stack->setCurrentWidget(page);
    if (QTreeWidgetItem *item = m_items.value(id); item && m_nav->currentItem() != item)
        m_nav->setCurrentItem(item);
    setWindowTitle(PageList::title(*target));
    fillPageMenu();
    sharedSettings()->setValue(userSettingsKey(LastPageKey), id);
    page->pageShown(firstTime);
    Q_EMIT currentPageChanged(id);
    return true;
}

void MainWindow::fillPageMenu()
{
    m_pageMenu->clear();
    Page *page = currentPage();
    const QList<QAction *> actions = page ? page->menuActions() : QList<QAction *>();
    m_pageMenu->menuAction()->setVisible(!actions.isEmpty());
    if (const PageEntry *current = entry(m_currentId))
        m_pageMenu->setTitle(PageList::title(*current));
    m_pageMenu->addActions(actions);
}

QList<QPair<QString, QString>> MainWindow::keyboardHelp() const
{
    QList<QPair<QString, QString>> keys;
    const auto shortcutText = [](const QAction *action) { return action->shortcut().toString(QKeySequence::NativeText); };
    for (const QMenu *menu : menuBar()->findChildren<QMenu *>()) {
        for (const QAction *action : menu->actions()) {
            if (!action->shortcut().isEmpty() && action->isVisible())
                keys.append({shortcutText(action), plainText(action->text())});
        }
    }
    if (const Page *page = currentPage())
        keys += page->keyboardHelp();
    return keys;
}

void MainWindow::showKeyboardHelp()
{
    QString rows;
    for (const auto &[key, what] : keyboardHelp())
        rows += QStringLiteral("<tr><td><b>%1</b></td><td>&nbsp;&nbsp;%2</td></tr>").arg(key.toHtmlEscaped(), what.toHtmlEscaped());
    QMessageBox box(this);
    box.setObjectName(QStringLiteral("keyboardHelp"));
    box.setWindowTitle(tr("Keyboard shortcuts"));
    box.setTextFormat(Qt::RichText);
    box.setText(QStringLiteral("<table>%1</table>").arg(rows));
    box.exec();
}

void MainWindow::updateUser()
{
    const UserInfo &user = m_client->user();
    const QString role = user.isAdmin() ? tr("Administrator") : tr("General user");
    m_userLabel->setText(tr("%1 (%2) — %3 %4 — %5")
                             .arg(user.name.isEmpty() ? user.loginId : user.name, role, user.merchantId,
                                  user.merchantName, m_client->baseUrl().toDisplayString()));
}

void MainWindow::checkCertificate(const QDateTime &now)
{
    const ClientIdentity &identity = m_client->identity();
    if (identity.isNull())
        return;
    const CertificateExpiry expiry = CertificateExpiry::of(identity.notAfter(), now);
    const QString text = expiry.text(identity.notAfter());
    m_certificateLabel->setText(text);
    m_certificateLabel->setVisible(expiry.needsWarning());
    if (!expiry.needsWarning())
        return;
    // Once a day (Japan's day) per certificate, whoever uses this PC.
    const QString key = QStringLiteral("certificate/warned/") + QString(identity.sha256Fingerprint()).remove(u':');
    const QString today = JapanTime::format(now, true);
    QSettings *settings = sharedSettings();
    if (settings->value(key).toString() == today)
        return;
    settings->setValue(key, today);
    auto *box = new QMessageBox(expiry.level == CertificateExpiry::Level::Soon ? QMessageBox::Information
                                                                               : QMessageBox::Warning,
                                tr("Certificate"), text, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("certificateExpiryBox"));
    box->setInformativeText(tr("Without a valid certificate you cannot sign in. An administrator issues a new one "
                               "under Administration → Users; File → Change certificate switches to it."));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings *settings = sharedSettings();
    settings->setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings->setValue(SplitterKey, m_splitter->saveState());
    for (const Page *page : std::as_const(m_created))
        page->saveState();
    QMainWindow::closeEvent(event);
}

} // namespace kessai
