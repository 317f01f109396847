#pragma once

#include "api/paymentquery.h"

#include <QList>
#include <QToolButton>

namespace kessai {

// 決済ステータス as a multi-select: a menu of check boxes grouped by payment type, with each
// type's own labels (40 is 売上済 for cards, 消込済 otherwise). A choice is a (type, status) pair:
// 40 売上済 of cards is not 40 消込済 of ATM.
class StatusFilter final : public QToolButton
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatusFilter)

public:
    explicit StatusFilter(QWidget *parent = nullptr);
    ~StatusFilter() override;

    QList<TypeStatus> pairs() const;
    void setPairs(const QList<TypeStatus> &pairs);
    // A search saved before pairs: each code chosen under every type that has it.
    void setStatuses(const QList<int> &codes);

Q_SIGNALS:
    void changed();

private:
    static TypeStatus pairOf(const QAction *action);
    void updateText();
    QList<QAction *> m_actions;
};

} // namespace kessai
