#include "paymentactiondialog.h"

#include "moneyedit.h"
#include "domain/paymentcatalog.h"

#include <algorithm>

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace kessai {

namespace {

QLabel *valueLabel(const QString &text, const QString &objectName)
{
    auto *label = new QLabel(text);
    label->setObjectName(objectName);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

PaymentActionDialog::PaymentActionDialog(Mode mode, const Payment &payment, Yen authorizedAmount, QWidget *parent)
    : QDialog(parent)
    , m_mode(mode)
    , m_payment(payment)
{
    const QLocale locale;
    auto *message = new QLabel;
    message->setObjectName(QStringLiteral("confirmMessage"));
    message->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("Trading ID"), valueLabel(payment.tradingId, QStringLiteral("confirmTradingId")));
    form->addRow(tr("Payment ID"), valueLabel(payment.paymentId, QStringLiteral("confirmPaymentId")));
    form->addRow(tr("Status"), valueLabel(PaymentCatalog::statusLabel(payment.status, payment.type),
                                          QStringLiteral("confirmStatus")));

    auto *buttons = new QDialogButtonBox;
    m_confirm = buttons->addButton(QString(), QDialogButtonBox::AcceptRole);
    m_confirm->setObjectName(QStringLiteral("confirmButton"));
    QPushButton *back = buttons->addButton(tr("&Back", "leave without doing the action"), QDialogButtonBox::RejectRole);
    back->setObjectName(QStringLiteral("backButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (m_confirm->isEnabled() && (!m_amount || m_amount->hasAcceptableValue()))
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    // The amount field with its unit beside it (a unit inside the field would be typed over).
    QWidget *amountRow = nullptr;
    const Yen typeMax = PaymentCatalog::maxAmount(payment.type) > 0 ? PaymentCatalog::maxAmount(payment.type)
                                                                     : PaymentCatalog::maxAmount(QStringLiteral("02"));
    if (mode != Mode::Cancel) {
        m_amount = new MoneyEdit;
        m_amount->setObjectName(QStringLiteral("amountInput"));
        amountRow = new QWidget;
        auto *row = new QHBoxLayout(amountRow);
        row->setContentsMargins(0, 0, 0, 0);
        const bool japanese = locale.language() == QLocale::Japanese;
        if (!japanese)
            row->addWidget(new QLabel(QStringLiteral("¥")));
        row->addWidget(m_amount, 1);
        if (japanese)
            row->addWidget(new QLabel(QStringLiteral("円")));
        m_hint = new QLabel;
        m_hint->setObjectName(QStringLiteral("amountHint"));
        m_hint->setWordWrap(true);
        connect(m_amount, &MoneyEdit::amountChanged, this, &PaymentActionDialog::validate);
        connect(m_amount, &QLineEdit::textEdited, this, &PaymentActionDialog::amountEdited);
        // Enter in an edited amount goes to the button that names it; it does not confirm. The
        // move waits until this key press is over, or the dialog would take it for the button.
        connect(m_amount, &QLineEdit::returnPressed, this, [this] {
            if (m_edited && m_confirm->isEnabled())
                QMetaObject::invokeMethod(m_confirm, qOverload<>(&QWidget::setFocus), Qt::QueuedConnection);
        });
    }

    switch (mode) {
    case Mode::Capture: {
        setObjectName(QStringLiteral("captureConfirmDialog"));
        setWindowTitle(tr("Capture", "売上確定, dialog title"));
        message->setText(tr("Capture this payment? The amount is charged to the card."));
        m_limit = std::min(authorizedAmount > 0 ? authorizedAmount : payment.amount, typeMax);
        form->addRow(tr("Authorized amount"), valueLabel(formatYen(m_limit, locale), QStringLiteral("confirmAuthorized")));
        m_amount->setRange(MinPaymentAmount, m_limit);
        m_amount->setValue(m_limit);
        form->addRow(tr("Capture &amount"), amountRow);
        form->addRow(QString(), m_hint);
        break;
    }
    case Mode::Cancel: {
        setObjectName(QStringLiteral("cancelConfirmDialog"));
        setWindowTitle(tr("Cancel payment", "取消, dialog title"));
        message->setText(payment.status == 40 ? tr("Cancel the sale of this payment? The charge to the card is withdrawn.")
                                              : tr("Cancel the authorization of this payment?"));
        form->addRow(tr("Amount"), valueLabel(formatYen(payment.amount, locale), QStringLiteral("confirmAmount")));
        auto *warning = new QLabel(tr("A cancellation cannot be undone."));
        warning->setObjectName(QStringLiteral("cancelWarning"));
        warning->setStyleSheet(QStringLiteral("color: #b01c1c; font-weight: bold;"));
        warning->setWordWrap(true);
        form->addRow(QString(), warning);
        // Enter alone must not do what cannot be undone.
        m_confirm->setAutoDefault(false);
        back->setDefault(true);
        break;
    }
    case Mode::ChangeAmount: {
        setObjectName(QStringLiteral("changeAmountDialog"));
        setWindowTitle(tr("Change amount", "金額変更, dialog title"));
        const int oldStatus = payment.status == 40 ? 60 : 32;
        message->setText(tr("The gateway issues a new payment ID for the new amount; this payment becomes "
                            "\"%1\".").arg(PaymentCatalog::statusLabel(oldStatus, payment.type)));
        form->addRow(tr("Current amount"), valueLabel(formatYen(payment.amount, locale), QStringLiteral("confirmAmount")));
        m_amount->setRange(MinPaymentAmount, typeMax);
        m_amount->setValue(payment.amount);
        form->addRow(tr("New &amount"), amountRow);
        form->addRow(QString(), m_hint);
        break;
    }
    }
    if (m_amount) {
        m_confirm->setDefault(true);
        m_amount->selectAll();
        m_amount->setFocus();
    }

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(message);
    layout->addLayout(form);
    layout->addWidget(buttons);
    setMinimumWidth(480);
    validate();
}

Yen PaymentActionDialog::amount() const
{
    if (!m_amount)
        return m_payment.amount;
    return m_amount->value().value_or(0);
}

void PaymentActionDialog::amountEdited()
{
    if (m_edited)
        return;
    // A typed amount is confirmed on purpose, by the button that names it, not by Enter.
    m_edited = true;
    m_confirm->setDefault(false);
}

void PaymentActionDialog::validate()
{
    if (!m_amount) {
        m_confirm->setText(tr("Cancel &payment", "confirm button: 取り消す"));
        return;
    }
    const QLocale locale;
    const std::optional<Yen> value = m_amount->value();
    QString hint;
    bool ok = value.has_value();
    if (!value) {
        hint = m_amount->problem();
    } else if (m_mode == Mode::Capture) {
        hint = *value == m_limit
                   ? tr("The whole authorized amount, %1, is captured.").arg(formatYen(*value, locale))
                   : tr("Of %1 authorized, %2 is captured and the remaining %3 of the authorization is released.")
                         .arg(formatYen(m_limit, locale), formatYen(*value, locale), formatYen(m_limit - *value, locale));
    } else if (*value == m_payment.amount) {
        ok = false;
        hint = tr("Enter an amount different from the current one (up to %1).").arg(formatYen(m_amount->maximum(), locale));
    } else {
        const Yen difference = *value - m_payment.amount;
        const QString signedDifference = (difference > 0 ? QStringLiteral("+") : QString()) + formatYen(difference, locale);
        hint = tr("From %1 to %2 (%3).").arg(formatYen(m_payment.amount, locale), formatYen(*value, locale), signedDifference);
    }
    m_hint->setText(hint);
    m_hint->setStyleSheet(value ? QString() : QStringLiteral("color: #b01c1c;"));
    m_confirm->setEnabled(ok);
    // The button says what happens, with the amount it will send.
    if (m_mode == Mode::Capture)
        m_confirm->setText(value ? tr("&Capture %1", "confirm button: 売上確定").arg(formatYen(*value, locale))
                                 : tr("&Capture", "confirm button: 売上確定"));
    else
        m_confirm->setText(ok ? tr("&Change to %1", "confirm button: 金額を変更").arg(formatYen(*value, locale))
                              : tr("&Change amount", "confirm button: 金額を変更"));
}

} // namespace kessai
