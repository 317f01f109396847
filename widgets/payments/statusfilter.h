#pragma once

#include <QList>
#include <QToolButton>

namespace kessai {

// 決済ステータス as a multi-select: a menu of check boxes grouped by payment type, with each
// type's own labels (40 is 売上済 for cards, 消込済 otherwise). The same code is one choice.
class StatusFilter final : public QToolButton
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatusFilter)

public:
    explicit StatusFilter(QWidget *parent = nullptr);
    ~StatusFilter() override;

    QList<int> statuses() const;
    void setStatuses(const QList<int> &codes);

Q_SIGNALS:
    void changed();

private:
    void updateText();
    QList<QAction *> m_actions;
};

} // namespace kessai
