#pragma once

#include "api/merchantclient.h"
#include "api/paymentactionrunner.h"
#include "api/paymentdetail.h"
#include "domain/payment.h"
#include "paymentactiondialog.h"

#include <QDialog>
#include <QPointer>

class QFormLayout;
class QLabel;
class QProgressBar;
class QPushButton;
class QTreeWidget;

namespace kessai {

class ApiReply;

// One payment in full (GET /v1/payments/{id}): every field, the card masked as first 6 / last 4,
// the customer, the event history, and buttons for the actions the gateway allows this user now
// (売上, 取消, 金額変更), each run only after a confirmation.
class PaymentDetailDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PaymentDetailDialog)

public:
    PaymentDetailDialog(MerchantClient *client, const QString &paymentId, QWidget *parent = nullptr);
    ~PaymentDetailDialog() override;

    bool isLoaded() const { return m_loaded; }
    QString paymentId() const { return m_paymentId; }
    // An action request is on its way (buttons disabled, the dialog stays open).
    bool isBusy() const { return m_runner->state() == PaymentActionRunner::State::Sending; }
    // The confirmed action whose answer was lost, kept with its Idempotency-Key for a retry.
    const PaymentAction &pendingAction() const { return m_runner->pending(); }
    // The pending action's answer was lost: until it is retried or discarded no other action
    // may start, and closing asks first.
    bool hasUnknownOutcome() const { return m_runner->state() == PaymentActionRunner::State::Unknown; }

    void reject() override;

Q_SIGNALS:
    // The detail arrived (again, after every action).
    void loaded();
    // An action succeeded on the gateway: rows showing this payment are out of date.
    void paymentChanged(const QString &paymentId);
    // An action request ended: ok when the gateway did it.
    void actionFinished(bool ok);

private:
    void load();
    void showPayment(const PaymentDetail &detail);
    void addRow(const QString &label, const QString &value, const QString &objectName = QString(),
                bool copyable = false);
    void confirm(PaymentActionDialog::Mode mode);
    void run(const PaymentAction &action);
    void showSending();
    void onActionFinished(const PaymentActionOutcome &outcome);
    void discardPending();
    enum class Forget { Discard, Close };
    bool confirmForget(Forget how);
    void showResult(const QString &text, bool ok);
    void updateButtons();
    void openNewPayment();

    MerchantClient *m_client;
    QString m_paymentId;
    Payment m_payment;
    Yen m_authorizedAmount = 0;
    QFormLayout *m_form;
    QTreeWidget *m_events;
    QLabel *m_status;
    QPushButton *m_captureButton;
    QPushButton *m_cancelButton;
    QPushButton *m_changeAmountButton;
    QLabel *m_noActions;
    QProgressBar *m_busy;
    QLabel *m_result;
    QPushButton *m_retryButton;
    QPushButton *m_discardButton;
    QPushButton *m_openNewButton;
    QPushButton *m_closeButton;
    QPointer<ApiReply> m_reply;
    PaymentActionRunner *m_runner;
    QString m_newPaymentId;
    bool m_loaded = false;
};

} // namespace kessai
