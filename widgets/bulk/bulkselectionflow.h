#pragma once

#include "api/paymentaction.h"
#include "bulk/bulkconfirmdialog.h"
#include "payments/paymentsmodel.h"

#include <QObject>
#include <QPointer>

class QProgressDialog;
class QWidget;

namespace kessai {

class BulkConfirmDialog;
class BulkPlanner;
class BulkService;
struct BulkPlan;

// What happens between 売上 / 取消 on the search page and a started batch: the plan (checked
// rows from the table; "all N matching" read page by page under a progress dialog that can be
// cancelled), the confirmation, then the journal. One flow per click; it deletes itself.
class BulkSelectionFlow final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BulkSelectionFlow)

public:
    BulkSelectionFlow(BulkService *service, PaymentAction::Kind kind, QWidget *parent);
    ~BulkSelectionFlow() override;

    void start(const PaymentsModel::Selection &selection, const PaymentsModel *model);
    BulkConfirmDialog *confirmDialog() const { return m_confirm; }

Q_SIGNALS:
    // The batch is in the journal and queued to run.
    void batchStarted(qint64 batchId);
    // The flow ended (started, refused or given up); it is deleted later.
    void ended();

private:
    void confirm(const BulkPlan &plan);
    void end();
    void fail(const QString &message);

    QPointer<BulkService> m_service;
    PaymentAction::Kind m_kind;
    QWidget *m_parent;
    BulkPlanner *m_planner = nullptr;
    QPointer<QProgressDialog> m_progress;
    QPointer<BulkConfirmDialog> m_confirm;
};

} // namespace kessai
