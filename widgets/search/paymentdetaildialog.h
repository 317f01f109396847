#pragma once

#include <QDialog>
#include <QPointer>

class QFormLayout;
class QLabel;
class QJsonArray;
class QTreeWidget;

namespace kessai {

class ApiReply;
class MerchantClient;
struct Payment;

// One payment in full (GET /v1/payments/{id}): every field, the card masked as first 6 / last 4,
// the customer, the event history and what the gateway allows this user to do with it now.
class PaymentDetailDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PaymentDetailDialog)

public:
    PaymentDetailDialog(MerchantClient *client, const QString &paymentId, QWidget *parent = nullptr);
    ~PaymentDetailDialog() override;

    bool isLoaded() const { return m_loaded; }

Q_SIGNALS:
    void loaded();

private:
    void load();
    void showPayment(const Payment &payment, const QJsonArray &events);
    void addRow(const QString &label, const QString &value, const QString &objectName = QString(),
                bool copyable = false);

    MerchantClient *m_client;
    QString m_paymentId;
    QFormLayout *m_form;
    QTreeWidget *m_events;
    QLabel *m_actions;
    QLabel *m_status;
    QPointer<ApiReply> m_reply;
    bool m_loaded = false;
};

} // namespace kessai
