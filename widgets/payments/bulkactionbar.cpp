#include "bulkactionbar.h"

#include "api/merchantclient.h"
#include "bulk/bulkselectionflow.h"
#include "bulk/bulkservice.h"
#include "payments/paymentsmodel.h"

#include <QHBoxLayout>
#include <QPushButton>

namespace kessai {

BulkActionBar::BulkActionBar(PaymentsModel *model, MerchantClient *client, BulkService *service, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_client(client)
    , m_service(service)
    , m_capture(new QPushButton(tr("Ca&pture checked…", "bulk 売上")))
    , m_cancel(new QPushButton(tr("Cance&l checked…", "bulk 取消")))
{
    m_capture->setObjectName(QStringLiteral("bulkCaptureButton"));
    m_cancel->setObjectName(QStringLiteral("bulkCancelButton"));
    m_capture->setToolTip(tr("Capture the checked payments in one batch (売上)"));
    m_cancel->setToolTip(tr("Cancel the checked payments in one batch (取消)"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_capture);
    layout->addWidget(m_cancel);
    connect(m_capture, &QPushButton::clicked, this, [this] { run(true); });
    connect(m_cancel, &QPushButton::clicked, this, [this] { run(false); });
    connect(m_model, &PaymentsModel::checkedCountChanged, this, &BulkActionBar::update);
    if (m_client)
        connect(m_client, &MerchantClient::loggedIn, this, &BulkActionBar::update);
    if (m_service) {
        // What a batch changed shows in the table, rows kept in place.
        connect(m_service, &BulkService::batchFinished, m_model, &PaymentsModel::refresh);
    }
    update();
}

BulkActionBar::~BulkActionBar() = default;

void BulkActionBar::update()
{
    const auto can = [this](const QString &permission) { return m_client && m_client->user().can(permission); };
    m_capture->setVisible(can(QStringLiteral("capture")));
    m_cancel->setVisible(can(QStringLiteral("cancel")));
    const bool checked = m_model->isAllMatchingChecked() || m_model->checkedCount() > 0;
    const bool ready = checked && m_service && !m_flowOpen;
    m_capture->setEnabled(ready);
    m_cancel->setEnabled(ready);
    if (!m_service) {
        const QString why = tr("The bulk journal could not be opened; see the bulk page");
        m_capture->setToolTip(why);
        m_cancel->setToolTip(why);
    }
}

void BulkActionBar::run(bool capture)
{
    if (m_flowOpen || !m_service)
        return;
    auto *flow = new BulkSelectionFlow(m_service, capture ? PaymentAction::Kind::Capture : PaymentAction::Kind::Cancel,
                                       window());
    flow->setObjectName(QStringLiteral("bulkSelectionFlow"));
    m_flowOpen = true;
    update();
    connect(flow, &BulkSelectionFlow::batchStarted, this, &BulkActionBar::batchStarted);
    connect(flow, &BulkSelectionFlow::ended, this, [this] {
        m_flowOpen = false;
        update();
    });
    flow->start(m_model->selection(), m_model);
}

} // namespace kessai
