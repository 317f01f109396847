#pragma once

#include <QList>
#include <QPair>
#include <QString>
#include <QWidget>

class QAction;

namespace kessai {

// One page of the console (決済情報照会, 一括処理, 支払明細…) as the main window's shell sees it:
// a widget in its stack that keeps its own state and says where the keyboard goes. A page knows
// nothing of the shell or of other pages; the shell knows pages only through this contract.
class Page : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Page)

public:
    explicit Page(QWidget *parent = nullptr);
    ~Page() override;

    // What the page keeps across restarts (column layout, last conditions), under the signed-in
    // user's settings group; called once after creation and before the window closes.
    virtual void restoreState() {}
    virtual void saveState() const {}

    // The page was brought to the front: the first time (load what it shows) and on every return.
    virtual void pageShown(bool firstTime);

    // Actions the shell puts in its menu for this page while it is shown (with their shortcuts).
    virtual QList<QAction *> menuActions() const { return {}; }
    // Keys the page handles itself (not menu actions), translated: (key, what it does), for Help.
    virtual QList<QPair<QString, QString>> keyboardHelp() const { return {}; }
};

} // namespace kessai
