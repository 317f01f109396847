#include "bulkconfirmdialog.h"

#include "domain/money.h"
#include "domain/paymentcatalog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace kessai {

QString BulkConfirmDialog::confirmText(PaymentAction::Kind kind, int count)
{
    const QString n = QLocale().toString(count);
    if (kind == PaymentAction::Kind::Cancel)
        return tr("Cancel %1 payments", "bulk cancel button: 3,000件を取消する").arg(n);
    return tr("Capture %1 payments", "bulk capture button: 3,000件を売上確定する").arg(n);
}

BulkConfirmDialog::BulkConfirmDialog(const BulkPlan &plan, QWidget *parent)
    : QDialog(parent)
    , m_confirm(nullptr)
    , m_breakdown(new QTreeWidget)
{
    const QLocale locale;
    const bool capture = plan.kind == PaymentAction::Kind::Capture;
    setWindowTitle(capture ? tr("Confirm bulk capture") : tr("Confirm bulk cancel"));
    const int count = int(plan.items.size());

    auto *headline = new QLabel;
    headline->setObjectName(QStringLiteral("headline"));
    headline->setWordWrap(true);
    QFont bold = headline->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.15);
    headline->setFont(bold);
    if (count == 0)
        headline->setText(capture ? tr("None of these payments can be captured now.")
                                  : tr("None of these payments can be cancelled now."));
    else
        headline->setText((capture ? tr("%1 payments will be captured, %2 in total.")
                                   : tr("%1 payments will be cancelled, %2 in total."))
                              .arg(locale.toString(count), formatYen(plan.total, locale)));

    auto *details = new QLabel;
    details->setObjectName(QStringLiteral("details"));
    details->setWordWrap(true);
    QStringList lines;
    if (!plan.skipped.isEmpty())
        lines << (capture ? tr("%1 checked payments will be left out: the gateway does not allow a capture in their "
                               "status (already captured, cancelled, expired…).")
                          : tr("%1 checked payments will be left out: the gateway does not allow a cancel in their "
                               "status (already cancelled, paid, expired…)."))
                     .arg(locale.toString(plan.skipped.size()));
    if (plan.unknown > 0)
        lines << tr("%1 payments are not loaded in the table; the gateway decides them when they are sent.")
                     .arg(locale.toString(plan.unknown));
    if (count > 0)
        lines << (capture ? tr("Each payment is captured for its whole authorized amount. Every item is written to "
                               "the journal before it is sent, so nothing is captured twice, even after a crash.")
                          : tr("Every item is written to the journal before it is sent, so nothing is cancelled "
                               "twice, even after a crash."));
    details->setText(lines.join(QStringLiteral("\n")));

    m_breakdown->setObjectName(QStringLiteral("breakdown"));
    m_breakdown->setRootIsDecorated(false);
    m_breakdown->setUniformRowHeights(true);
    m_breakdown->setHeaderLabels({tr("Payment type"), tr("Status"), tr("Payments"), tr("Amount"), tr("Left out")});
    for (const BulkPlan::Group &group : plan.groups) {
        auto *row = new QTreeWidgetItem(m_breakdown);
        row->setText(0, PaymentCatalog::typeLabel(group.type));
        row->setText(1, PaymentCatalog::statusLabel(group.status, group.type));
        row->setText(2, locale.toString(group.count));
        row->setText(3, formatYen(group.amount, locale));
        row->setText(4, group.skipped > 0 ? locale.toString(group.skipped) : QString());
        for (int column = 2; column <= 4; ++column)
            row->setTextAlignment(column, Qt::AlignRight | Qt::AlignVCenter);
        if (group.count == 0)
            for (int column = 0; column < 5; ++column)
                row->setForeground(column, palette().brush(QPalette::Disabled, QPalette::Text));
    }
    if (plan.unknown > 0) {
        auto *row = new QTreeWidgetItem(m_breakdown);
        row->setText(0, tr("Not loaded"));
        row->setText(2, locale.toString(plan.unknown));
        row->setTextAlignment(2, Qt::AlignRight | Qt::AlignVCenter);
    }
    m_breakdown->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_breakdown->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_breakdown->header()->setStretchLastSection(false);
    m_breakdown->setVisible(m_breakdown->topLevelItemCount() > 0);

    auto *buttons = new QDialogButtonBox;
    m_confirm = buttons->addButton(count > 0 ? confirmText(plan.kind, count) : (capture ? tr("Capture") : tr("Cancel payments")),
                                   QDialogButtonBox::AcceptRole);
    m_confirm->setObjectName(QStringLiteral("confirmButton"));
    m_confirm->setEnabled(count > 0);
    m_confirm->setAutoDefault(false);
    QPushButton *back = buttons->addButton(tr("&Back", "leave without doing the action"), QDialogButtonBox::RejectRole);
    back->setObjectName(QStringLiteral("backButton"));
    back->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(headline);
    layout->addWidget(details);
    layout->addWidget(m_breakdown, 1);
    layout->addWidget(buttons);
    resize(640, 420);
}

} // namespace kessai
