#pragma once

#include <QMainWindow>

class QLabel;
class QStackedWidget;

namespace kessai {

class MerchantClient;
class SearchPage;

// The console's window after login: pages in a stack (決済情報照会 first), the signed-in user,
// merchant and gateway in the status bar.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(MerchantClient *client, QWidget *parent = nullptr);
    ~MainWindow() override;

    SearchPage *searchPage() const { return m_searchPage; }

Q_SIGNALS:
    void logoutRequested();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void updateUser();

    MerchantClient *m_client;
    QStackedWidget *m_pages;
    SearchPage *m_searchPage;
    QLabel *m_userLabel;
};

} // namespace kessai
