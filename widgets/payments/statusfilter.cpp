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
            action->setData(code);
            action->setObjectName(QStringLiteral("status_%1_%2").arg(type.code).arg(code));
            connect(action, &QAction::toggled, this, [this, code](bool on) {
                for (QAction *same : std::as_const(m_actions)) {
                    if (same->data().toInt() == code && same->isChecked() != on) {
                        const QSignalBlocker blocker(same);
                        same->setChecked(on);
                    }
                }
                updateText();
                Q_EMIT changed();
            });
            m_actions.append(action);
        }
    }
    menu->addSeparator();
    connect(menu->addAction(tr("All statuses")), &QAction::triggered, this, [this] {
        setStatuses({});
        Q_EMIT changed();
    });
    setMenu(menu);
    updateText();
}

StatusFilter::~StatusFilter() = default;

QList<int> StatusFilter::statuses() const
{
    QList<int> codes;
    for (QAction *action : m_actions) {
        if (action->isChecked() && !codes.contains(action->data().toInt()))
            codes.append(action->data().toInt());
    }
    std::sort(codes.begin(), codes.end());
    return codes;
}

void StatusFilter::setStatuses(const QList<int> &codes)
{
    for (QAction *action : std::as_const(m_actions)) {
        const QSignalBlocker blocker(action);
        action->setChecked(codes.contains(action->data().toInt()));
    }
    updateText();
}

void StatusFilter::updateText()
{
    const QList<int> codes = statuses();
    if (codes.isEmpty())
        setText(tr("All statuses"));
    else if (codes.size() == 1)
        setText(QStringLiteral("%1 %2").arg(codes.constFirst()).arg(PaymentCatalog::statusLabel(codes.constFirst())));
    else
        setText(tr("%n statuses", nullptr, int(codes.size())));
}

} // namespace kessai
