#pragma once

#include "domain/money.h"
#include "domain/payment.h"

#include <QDialog>

class QLabel;
class QPushButton;

namespace kessai {

class MoneyEdit;

// The confirmation of one payment action (売上, 取消, 金額変更): what will happen to which
// payment and, for a capture or an amount change, the amount. Sends nothing itself: accepted()
// means "do it", with amount(). An amount that is not valid cannot be confirmed, and once the
// user has typed one, Enter no longer confirms: it moves to the button, which says the amount.
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
    // 0 while the typed amount is not valid (the dialog cannot be accepted then).
    Yen amount() const;

private:
    void validate();
    void amountEdited();

    Mode m_mode;
    Payment m_payment;
    Yen m_limit = 0; // capture: the authorized amount
    bool m_edited = false;
    MoneyEdit *m_amount = nullptr;
    QLabel *m_hint = nullptr;
    QPushButton *m_confirm = nullptr;
};

} // namespace kessai
