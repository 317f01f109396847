#include "bulkselectionflow.h"

#include "bulk/bulkplan.h"
#include "bulk/bulkservice.h"
#include "bulkconfirmdialog.h"

#include <QLocale>
#include <QMessageBox>
#include <QProgressDialog>

namespace kessai {

BulkSelectionFlow::BulkSelectionFlow(BulkService *service, PaymentAction::Kind kind, QWidget *parent)
    : QObject(parent)
    , m_service(service)
    , m_kind(kind)
    , m_parent(parent)
{
}

BulkSelectionFlow::~BulkSelectionFlow()
{
    delete m_progress;
    delete m_confirm;
}

void BulkSelectionFlow::start(const PaymentsModel::Selection &selection, const PaymentsModel *model)
{
    if (!m_service) {
        fail(tr("The bulk journal could not be opened, so nothing can be sent in bulk."));
        return;
    }
    if (!selection.allMatching) {
        BulkPlan plan(m_kind);
        for (const QString &id : selection.paymentIds) {
            if (const auto item = model->itemOf(id))
                plan.add(*item);
            else
                plan.addUnknown(id);
        }
        confirm(plan);
        return;
    }
    // Every matching payment, read page by page (never into the table), less the unchecked ones.
    m_planner = new BulkPlanner(m_service->client(), m_kind, this);
    m_progress = new QProgressDialog(m_parent);
    m_progress->setObjectName(QStringLiteral("bulkPlanProgress"));
    m_progress->setWindowTitle(tr("Checking payments"));
    m_progress->setLabelText(tr("Reading the checked payments…"));
    m_progress->setCancelButtonText(tr("Stop", "stop reading the checked payments"));
    m_progress->setMinimumDuration(300);
    m_progress->setRange(0, 0);
    m_progress->setAutoClose(false);
    m_progress->setAutoReset(false);
    connect(m_progress, &QProgressDialog::canceled, this, [this] {
        m_planner->cancel();
        end();
    });
    connect(m_planner, &BulkPlanner::progress, this, [this](qint64 read, qint64 total) {
        if (!m_progress)
            return;
        const QLocale locale;
        if (total > 0) {
            m_progress->setRange(0, int(std::min<qint64>(total, INT_MAX)));
            m_progress->setValue(int(std::min(read, total)));
            m_progress->setLabelText(tr("Reading the checked payments… %1 / %2")
                                         .arg(locale.toString(read), locale.toString(total)));
        } else {
            m_progress->setLabelText(tr("Reading the checked payments… %1").arg(locale.toString(read)));
        }
    });
    connect(m_planner, &BulkPlanner::finished, this, [this] {
        if (m_progress)
            m_progress->hide();
        confirm(m_planner->plan());
    });
    connect(m_planner, &BulkPlanner::failed, this, [this](const ApiError &error, bool tooMany) {
        if (m_progress)
            m_progress->hide();
        if (tooMany)
            fail(tr("A bulk action takes at most %1 payments at a time. Narrow the search, or uncheck some.")
                     .arg(QLocale().toString(BulkPlan::MaxItems)));
        else
            fail(tr("The checked payments could not be read: %1").arg(error.displayText()));
    });
    m_planner->start(selection.query, selection.excludedIds);
}

void BulkSelectionFlow::confirm(const BulkPlan &plan)
{
    m_confirm = new BulkConfirmDialog(plan, m_parent);
    m_confirm->setAttribute(Qt::WA_DeleteOnClose);
    // The plan is copied for the moment the user says yes (the planner may go first).
    const auto kept = std::make_shared<BulkPlan>(plan);
    connect(m_confirm, &QDialog::accepted, this, [this, kept] {
        if (!m_service) {
            end();
            return;
        }
        const auto id = m_service->start(*kept, QStringLiteral("selection"));
        if (!id) {
            fail(tr("Nothing was sent: the bulk journal could not be written (%1).").arg(m_service->lastError()));
            return;
        }
        Q_EMIT batchStarted(*id);
        end();
    });
    connect(m_confirm, &QDialog::rejected, this, &BulkSelectionFlow::end);
    m_confirm->open();
}

void BulkSelectionFlow::fail(const QString &message)
{
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Bulk action"), message, QMessageBox::Ok, m_parent);
    box->setObjectName(QStringLiteral("bulkFlowError"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    end();
}

void BulkSelectionFlow::end()
{
    Q_EMIT ended();
    deleteLater();
}

} // namespace kessai
