#pragma once

#include "domain/money.h"
#include "domain/payment.h"

#include <QDialog>

class QLabel;
class QPushButton;
class QSpinBox;

namespace kessai {

// The confirmation of one payment action (売上, 取消, 金額変更): what will happen to which
// payment and, for a capture or an amount change, the amount. Sends nothing itself: accepted()
// means "do it", with amount().
class PaymentActionDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PaymentActionDialog)

public:
    enum class Mode { Capture, Cancel, ChangeAmount };

    // authorizedAmount: the upper limit of a capture (the payment's amount when unknown).
    PaymentActionDialog(Mode mode, const Payment &payment, Yen authorizedAmount, QWidget *parent = nullptr);

    Mode mode() const { return m_mode; }
    // Capture: the amount to capture; change: the new amount; cancel: the payment's amount.
    Yen amount() const;

private:
    void validate();

    Mode m_mode;
    Payment m_payment;
    QSpinBox *m_amount = nullptr;
    QLabel *m_hint = nullptr;
    QPushButton *m_confirm = nullptr;
};

} // namespace kessai
