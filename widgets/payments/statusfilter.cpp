#include "statusfilter.h"

#include "domain/paymentcatalog.h"

#include <QMenu>

namespace kessai {

StatusFilter::StatusFilter(QWidget *parent)
    : QToolButton(parent)
{
    setPopupMode(QToolButton::InstantPopup);
    setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto *menu = new QMenu(this);
    for (const PaymentTypeInfo &type : PaymentCatalog::types()) {
        menu->addSection(PaymentCatalog::typeLabel(type.code));
        for (int code : type.statuses) {
            QAction *action = menu->addAction(QStringLiteral("%1 %2").arg(code).arg(PaymentCatalog::statusLabel(code, type.code)));
            action->setCheckable(true);
            action->setData(QStringList{type.code, QString::number(code)});
            action->setObjectName(QStringLiteral("status_%1_%2").arg(type.code).arg(code));
            connect(action, &QAction::toggled, this, [this] {
                updateText();
                Q_EMIT changed();
            });
            m_actions.append(action);
        }
    }
    menu->addSeparator();
    connect(menu->addAction(tr("All statuses")), &QAction::triggered, this, [this] {
        setPairs({});
        Q_EMIT changed();
    });
    setMenu(menu);
    updateText();
}

StatusFilter::~StatusFilter() = default;

TypeStatus StatusFilter::pairOf(const QAction *action)
{
    const QStringList data = action->data().toStringList();
    return {data.value(0), data.value(1).toInt()};
}

QList<TypeStatus> StatusFilter::pairs() const
{
    QList<TypeStatus> chosen;
    for (QAction *action : m_actions) {
        if (action->isChecked())
            chosen.append(pairOf(action));
    }
    return chosen;
}

void StatusFilter::setPairs(const QList<TypeStatus> &pairs)
{
    for (QAction *action : std::as_const(m_actions)) {
        const QSignalBlocker blocker(action);
        action->setChecked(pairs.contains(pairOf(action)));
    }
    updateText();
}

void StatusFilter::setStatuses(const QList<int> &codes)
{
    QList<TypeStatus> chosen;
    for (QAction *action : std::as_const(m_actions)) {
        if (codes.contains(pairOf(action).status))
            chosen.append(pairOf(action));
    }
    setPairs(chosen);
}

void StatusFilter::updateText()
{
    const QList<TypeStatus> chosen = pairs();
    if (chosen.isEmpty()) {
        setText(tr("All statuses"));
    } else if (chosen.size() == 1) {
        const TypeStatus &only = chosen.constFirst();
        //: One chosen status: payment type, status code, status label ("Card: 40 Captured")
        setText(tr("%1: %2 %3").arg(PaymentCatalog::typeLabel(only.type)).arg(only.status).arg(PaymentCatalog::statusLabel(only.status, only.type)));
    } else {
        setText(tr("%n statuses", nullptr, int(chosen.size())));
    }
}

} // namespace kessai
