#include "paymentactiondialog.h"

#include "domain/paymentcatalog.h"

#include <algorithm>

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace kessai {

namespace {

constexpr Yen maxAmount = 9'999'999; // per payment, docs/api.md

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
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    const bool withAmount = mode != Mode::Cancel;
    if (withAmount) {
        m_amount = new QSpinBox;
        m_amount->setObjectName(QStringLiteral("amountInput"));
        m_amount->setGroupSeparatorShown(true);
        m_amount->setAccelerated(true);
        if (locale.language() == QLocale::Japanese)
            m_amount->setSuffix(QStringLiteral("円"));
        else
            m_amount->setPrefix(QStringLiteral("¥"));
        m_hint = new QLabel;
        m_hint->setObjectName(QStringLiteral("amountHint"));
    }

    switch (mode) {
    case Mode::Capture: {
        setObjectName(QStringLiteral("captureConfirmDialog"));
        setWindowTitle(tr("Capture", "売上確定, dialog title"));
        message->setText(tr("Capture this payment? The amount is charged to the card."));
        const Yen limit = authorizedAmount > 0 ? authorizedAmount : payment.amount;
        form->addRow(tr("Authorized amount"), valueLabel(formatYen(limit, locale), QStringLiteral("confirmAuthorized")));
        m_amount->setRange(1, int(std::min(limit, maxAmount)));
        m_amount->setValue(int(std::min(limit, maxAmount)));
        form->addRow(tr("Capture &amount"), m_amount);
        m_hint->setText(tr("From %1 to %2.\nLess than the authorized amount is a partial capture.")
                            .arg(formatYen(1, locale), formatYen(limit, locale)));
        form->addRow(QString(), m_hint);
        m_confirm->setText(tr("&Capture", "confirm button: 売上確定"));
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
        m_confirm->setText(tr("Cancel &payment", "confirm button: 取り消す"));
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
        m_amount->setRange(1, int(maxAmount));
        m_amount->setValue(int(std::clamp<Yen>(payment.amount, 1, maxAmount)));
        form->addRow(tr("New &amount"), m_amount);
        form->addRow(QString(), m_hint);
        m_confirm->setText(tr("&Change amount", "confirm button: 金額を変更"));
        connect(m_amount, &QSpinBox::valueChanged, this, &PaymentActionDialog::validate);
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
    return m_amount ? Yen(m_amount->value()) : m_payment.amount;
}

void PaymentActionDialog::validate()
{
    if (m_mode != Mode::ChangeAmount)
        return;
    const bool same = amount() == m_payment.amount;
    m_confirm->setEnabled(!same);
    m_hint->setText(same ? tr("Enter an amount different from the current one\n(1 to %1).").arg(formatYen(maxAmount, QLocale()))
                         : tr("From %1 to %2.").arg(formatYen(1, QLocale()), formatYen(maxAmount, QLocale())));
}

} // namespace kessai
