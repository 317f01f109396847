#pragma once

#include <QDateTime>
#include <QHash>
#include <QMainWindow>
#include <QPair>

class QLabel;
class QMenu;
class QSplitter;
class QStackedWidget;
class QTreeWidget;
class QTreeWidgetItem;

namespace kessai {

class BulkService;
class MerchantClient;
class Page;
struct PageEntry;

// The console's window after login: the page list at the side (grouped 決済 / 精算 / 管理, only
// the pages the signed-in user may open), the current page beside it, the user, merchant and
// gateway in the status bar. Pages come from PageList alone and are created when first shown.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    // bulk: the journal of bulk captures and cancels the pages share (null when it could not open).
    explicit MainWindow(MerchantClient *client, BulkService *bulk = nullptr, QWidget *parent = nullptr);
    ~MainWindow() override;

    // The ids of the pages this user may open, in list order (Ctrl+1 is the first).
    QStringList pageIds() const;
    QString currentPageId() const { return m_currentId; }
    Page *currentPage() const;
    // Brings the page to the front, creating it the first time; false if the user may not open it.
    bool showPage(const QString &id);
    // Every key the window and its current page answer to: (key, what it does), translated.
    QList<QPair<QString, QString>> keyboardHelp() const;
    // Warns (once a day) when the certificate has 30 days or fewer left; the status bar says so
    // all along. Called at start and every hour; `now` for tests.
    void checkCertificate(const QDateTime &now = QDateTime::currentDateTimeUtc());
    // The first created page of that class (tests, the session), or null.
    template<class P>
    P *page() const
    {
        for (Page *candidate : m_created) {
            if (auto *p = qobject_cast<P *>(candidate))
                return p;
        }
        return nullptr;
    }

Q_SIGNALS:
    void logoutRequested();
    // File → Change certificate: sign out and pick another certificate, without a restart.
    void changeCertificateRequested();
    void currentPageChanged(const QString &id);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildPageList();
    void buildMenus();
    void updateUser();
    void showKeyboardHelp();
    void fillPageMenu();
    const PageEntry *entry(const QString &id) const;
    int navWidth() const;

    MerchantClient *m_client;
    BulkService *m_bulk;
    QSplitter *m_splitter;
    QTreeWidget *m_nav;
    QStackedWidget *m_stack;
    QLabel *m_userLabel;
    QLabel *m_certificateLabel;
    QMenu *m_pageMenu = nullptr;
    QList<const PageEntry *> m_entries;
    QHash<QString, QTreeWidgetItem *> m_items;
    QHash<QString, Page *> m_pages;
    QList<Page *> m_created;
    QString m_currentId;
};

} // namespace kessai
