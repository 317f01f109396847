#pragma once

#include "bulk/bulkplan.h"

#include <QDialog>

class QPushButton;
class QTreeWidget;

namespace kessai {

// The confirmation of a bulk capture or cancel (一括処理): how many payments, the total amount,
// the breakdown by payment type and status, and how many are left out because the gateway does
// not allow the action on them now. The button says what happens ("3,000件を売上確定する"); Back
// is the default, so Enter alone never moves money. Sends nothing itself.
class BulkConfirmDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BulkConfirmDialog)

public:
    BulkConfirmDialog(const BulkPlan &plan, QWidget *parent = nullptr);

    QPushButton *confirmButton() const { return m_confirm; }
    QTreeWidget *breakdown() const { return m_breakdown; }
    // "3,000件を売上確定する" — also the text of the confirm button (without its accelerator).
    static QString confirmText(PaymentAction::Kind kind, int count);

private:
    QPushButton *m_confirm;
    QTreeWidget *m_breakdown;
};

} // namespace kessai
