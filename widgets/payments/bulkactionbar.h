#pragma once

#include <QPointer>
#include <QWidget>

class QPushButton;

namespace kessai {

class BulkService;
class MerchantClient;
class PaymentsModel;

// 売上 / 取消 for the checked payments of the search (一括処理 from a selection): shown only to
// users who hold the permission, enabled while something is checked and the journal is open.
// A click plans, confirms and starts a batch (BulkSelectionFlow); when a batch ends the table
// reads its rows again in place.
class BulkActionBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BulkActionBar)

public:
    BulkActionBar(PaymentsModel *model, MerchantClient *client, BulkService *service, QWidget *parent = nullptr);
    ~BulkActionBar() override;

    QPushButton *captureButton() const { return m_capture; }
    QPushButton *cancelButton() const { return m_cancel; }

Q_SIGNALS:
    void batchStarted(qint64 batchId);

private:
    void update();
    void run(bool capture);

    PaymentsModel *m_model;
    QPointer<MerchantClient> m_client;
    QPointer<BulkService> m_service;
    QPushButton *m_capture;
    QPushButton *m_cancel;
    bool m_flowOpen = false;
};

} // namespace kessai
