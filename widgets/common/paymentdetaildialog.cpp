#include "paymentdetaildialog.h"

#include "api/apireply.h"
#include "api/merchantclient.h"
#include "domain/japantime.h"
#include "domain/money.h"
#include "domain/payment.h"
#include "domain/paymentcatalog.h"

#include <QClipboard>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace kessai {

namespace {

QString japanTime(const QDateTime &utc)
{
    return JapanTime::format(utc);
}

// Codes that mean "the gateway looked at this payment and said no": shown as their sentence.
bool isPaymentActionCode(const QString &code)
{
    return code == QLatin1String("status_not_allowed") || code == QLatin1String("expired")
        || code == QLatin1String("invalid_amount") || code == QLatin1String("amount_exceeds_authorized")
        || code == QLatin1String("idempotency_in_progress") || code == QLatin1String("idempotency_mismatch");
}

QString withRequestId(const QString &text, const QString &requestId)
{
    if (requestId.isEmpty())
        return text;
    return QCoreApplication::translate("kessai::ApiError", "%1 (request ID %2)").arg(text, requestId);
}

} // namespace

PaymentDetailDialog::PaymentDetailDialog(MerchantClient *client, const QString &paymentId, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_paymentId(paymentId)
    , m_form(new QFormLayout)
    , m_events(new QTreeWidget)
    , m_status(new QLabel(tr("Loading…")))
    , m_captureButton(new QPushButton(tr("Ca&pture…", "売上: opens the confirmation")))
    , m_cancelButton(new QPushButton(tr("Ca&ncel payment…", "取消: opens the confirmation")))
    , m_changeAmountButton(new QPushButton(tr("Change &amount…", "金額変更: opens the dialog")))
    , m_noActions(new QLabel(tr("No action is possible on this payment for you now.")))
    , m_busy(new QProgressBar)
    , m_result(new QLabel)
    , m_retryButton(new QPushButton(tr("&Retry", "send the same action again")))
    , m_discardButton(new QPushButton(tr("&Discard", "give up the action whose outcome is unknown, without retrying")))
    , m_openNewButton(new QPushButton(tr("&Show the new payment")))
    , m_closeButton(nullptr)
    , m_runner(new PaymentActionRunner(client, this))
{
    setObjectName(QStringLiteral("paymentDetailDialog"));
    setWindowTitle(tr("Payment %1").arg(paymentId));
    m_events->setObjectName(QStringLiteral("eventHistory"));
    m_events->setRootIsDecorated(false);
    m_events->setHeaderLabels({tr("Time"), tr("User"), tr("From"), tr("To"), tr("Amount")});
    m_events->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_status->setObjectName(QStringLiteral("detailStatus"));
    m_status->setWordWrap(true);

    m_captureButton->setObjectName(QStringLiteral("captureButton"));
    m_captureButton->setToolTip(tr("Capture the authorized amount or a part of it"));
    m_cancelButton->setObjectName(QStringLiteral("cancelButton"));
    m_cancelButton->setToolTip(tr("Cancel the authorization or the sale"));
    m_changeAmountButton->setObjectName(QStringLiteral("changeAmountButton"));
    m_changeAmountButton->setToolTip(tr("Change the amount; the gateway issues a new payment ID"));
    m_noActions->setObjectName(QStringLiteral("noActions"));
    m_noActions->setWordWrap(true);
    m_busy->setObjectName(QStringLiteral("actionBusy"));
    m_busy->setRange(0, 0); // busy, no percentage
    m_busy->setTextVisible(false);
    m_busy->setMaximumWidth(120);
    m_result->setObjectName(QStringLiteral("actionResult"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_retryButton->setObjectName(QStringLiteral("retryButton"));
    m_discardButton->setObjectName(QStringLiteral("discardButton"));
    m_discardButton->setToolTip(tr("Give up this action without knowing its outcome and reload the payment"));
    m_openNewButton->setObjectName(QStringLiteral("openNewPaymentButton"));
    for (QPushButton *button : {m_captureButton, m_cancelButton, m_changeAmountButton, m_retryButton, m_discardButton,
                                 m_openNewButton}) {
        button->setAutoDefault(false);
        button->hide();
    }
    m_noActions->hide();
    m_busy->hide();
    m_result->hide();

    connect(m_captureButton, &QPushButton::clicked, this, [this] { confirm(PaymentActionDialog::Mode::Capture); });
    connect(m_cancelButton, &QPushButton::clicked, this, [this] { confirm(PaymentActionDialog::Mode::Cancel); });
    connect(m_changeAmountButton, &QPushButton::clicked, this, [this] { confirm(PaymentActionDialog::Mode::ChangeAmount); });
    connect(m_retryButton, &QPushButton::clicked, this, [this] {
        if (m_runner->retry())
            showSending();
    });
    connect(m_runner, &PaymentActionRunner::stateChanged, this, &PaymentDetailDialog::updateButtons);
    connect(m_runner, &PaymentActionRunner::finished, this, &PaymentDetailDialog::onActionFinished);
    connect(m_discardButton, &QPushButton::clicked, this, &PaymentDetailDialog::discardPending);
    connect(m_openNewButton, &QPushButton::clicked, this, &PaymentDetailDialog::openNewPayment);

    auto *fields = new QGroupBox(tr("Payment"));
    fields->setLayout(m_form);
    auto *history = new QGroupBox(tr("History"));
    auto *historyLayout = new QVBoxLayout(history);
    historyLayout->addWidget(m_events);

    auto *actions = new QGroupBox(tr("Actions"));
    actions->setObjectName(QStringLiteral("actionsBox"));
    auto *actionRow = new QHBoxLayout;
    actionRow->addWidget(m_captureButton);
    actionRow->addWidget(m_cancelButton);
    actionRow->addWidget(m_changeAmountButton);
    actionRow->addWidget(m_noActions, 1);
    actionRow->addStretch();
    actionRow->addWidget(m_busy);
    auto *resultRow = new QHBoxLayout;
    resultRow->addWidget(m_result, 1);
    resultRow->addWidget(m_retryButton);
    resultRow->addWidget(m_discardButton);
    resultRow->addWidget(m_openNewButton);
    auto *actionsLayout = new QVBoxLayout(actions);
    actionsLayout->addLayout(actionRow);
    actionsLayout->addLayout(resultRow);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    m_closeButton = buttons->button(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(fields);
    layout->addWidget(history, 1);
    layout->addWidget(actions);
    layout->addWidget(buttons);
    resize(680, 700);
    load();
}

PaymentDetailDialog::~PaymentDetailDialog()
{
    if (m_reply)
        m_reply->abort();
    // An action request is left to finish: aborting would not undo it on the gateway.
}

void PaymentDetailDialog::reject()
{
    // While money moves the answer must be seen (and a lost one retried under the same key).
    if (isBusy())
        return;
    // Esc, the Close button and the window's close all come here.
    if (hasUnknownOutcome()) {
        if (!confirmForget(Forget::Close))
            return;
        Q_EMIT paymentChanged(m_payment.paymentId); // it may have changed: the table reloads it
    }
    QDialog::reject();
}

void PaymentDetailDialog::load()
{
    if (m_reply)
        m_reply->abort();
    ApiReply *reply = m_client->paymentDetail(m_paymentId);
    m_reply = reply;
    updateButtons();
    connect(reply, &ApiReply::finished, this, [this, reply] {
        if (m_reply != reply)
            return;
        m_reply = nullptr;
        if (!reply->ok()) {
            if (reply->error().kind != ApiError::Kind::Cancelled) {
                m_status->setStyleSheet(QStringLiteral("color: #b01c1c;"));
                m_status->setText(reply->error().displayText());
                m_status->show();
            }
            updateButtons();
            return;
        }
        showPayment(PaymentDetail::fromReply(*reply));
    });
}

void PaymentDetailDialog::addRow(const QString &label, const QString &value, const QString &objectName, bool copyable)
{
    if (value.isEmpty())
        return;
    auto *text = new QLabel(value);
    text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    if (!objectName.isEmpty())
        text->setObjectName(objectName);
    if (!copyable) {
        m_form->addRow(label, text);
        return;
    }
    auto *row = new QWidget;
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(text, 1);
    auto *copy = new QToolButton;
    copy->setText(tr("Copy"));
    copy->setToolTip(tr("Copy %1 to the clipboard").arg(label));
    copy->setObjectName(objectName + QStringLiteral("Copy"));
    connect(copy, &QToolButton::clicked, this, [value] { QGuiApplication::clipboard()->setText(value); });
    layout->addWidget(copy);
    m_form->addRow(label, row);
}

void PaymentDetailDialog::showPayment(const PaymentDetail &detail)
{
    const Payment &p = detail.payment;
    m_payment = p;
    m_authorizedAmount = detail.captureLimit();

    const QLocale locale;
    m_status->hide();
    while (m_form->rowCount() > 0)
        m_form->removeRow(0);
    m_events->clear();
    addRow(tr("Trading ID"), p.tradingId, QStringLiteral("detailTradingId"), true);
    addRow(tr("Payment ID"), p.paymentId, QStringLiteral("detailPaymentId"), true);
    addRow(tr("Payment type"), PaymentCatalog::typeLabel(p.type));
    addRow(tr("Institution"), p.institution);
    addRow(tr("Status"), QStringLiteral("%1 %2").arg(p.status).arg(PaymentCatalog::statusLabel(p.status, p.type)),
           QStringLiteral("detailStatusText"));
    addRow(tr("Amount"), formatYen(p.amount, locale), QStringLiteral("detailAmount"));
    if (detail.authorizedAmount && m_authorizedAmount != p.amount)
        addRow(tr("Authorized amount"), formatYen(m_authorizedAmount, locale), QStringLiteral("detailAuthorizedAmount"));
    addRow(tr("Trade time"), japanTime(p.tradeTime));
    addRow(tr("Due date"), JapanTime::format(p.dueTime, true));
    addRow(tr("Cleared"), japanTime(p.clearedTime));
    addRow(tr("Base payment ID"), p.basePaymentId, QStringLiteral("detailBasePaymentId"), true);
    if (!detail.replacedByPaymentId.isEmpty()) {
        auto *link = new QPushButton(tr("Replaced by payment ID %1 after an amount change").arg(detail.replacedByPaymentId));
        link->setObjectName(QStringLiteral("detailReplacedBy"));
        link->setFlat(true);
        link->setCursor(Qt::PointingHandCursor);
        link->setStyleSheet(QStringLiteral("text-decoration: underline; color: palette(link); text-align: left;"));
        link->setToolTip(tr("Open payment %1").arg(detail.replacedByPaymentId));
        connect(link, &QPushButton::clicked, this, [this, id = detail.replacedByPaymentId] {
            m_newPaymentId = id;
            openNewPayment();
        });
        m_form->addRow(tr("Replaced by"), link);
    }
    if (!p.card.isEmpty()) {
        addRow(tr("Card"), QStringLiteral("%1  %2").arg(p.card.brand, p.card.masked()), QStringLiteral("detailCard"));
        addRow(tr("Expiry"), p.card.expiry);
    }
    addRow(tr("Customer"), p.customer.name);
    addRow(tr("Customer (kana)"), p.customer.kana);
    addRow(tr("Phone"), p.customer.phone);
    addRow(tr("E-mail"), p.customer.email);

    for (const PaymentEvent &e : detail.events) {
        auto *item = new QTreeWidgetItem({japanTime(e.at), e.actor,
                                          e.from == 0 ? QString() : PaymentCatalog::statusLabel(e.from, p.type),
                                          PaymentCatalog::statusLabel(e.to, p.type), formatYen(e.amount, locale)});
        item->setTextAlignment(4, Qt::AlignRight | Qt::AlignVCenter);
        m_events->addTopLevelItem(item);
    }

    // Shown from what the gateway says this user may do now, never from a copy of its rules.
    m_captureButton->setVisible(p.actions.contains(QLatin1String("capture")));
    m_cancelButton->setVisible(p.actions.contains(QLatin1String("cancel")));
    m_changeAmountButton->setVisible(p.actions.contains(QLatin1String("change_amount")));
    m_noActions->setVisible(p.actions.isEmpty());
    m_loaded = true;
    updateButtons();
    Q_EMIT loaded();
}

void PaymentDetailDialog::confirm(PaymentActionDialog::Mode mode)
{
    if (!m_loaded || isBusy() || hasUnknownOutcome())
        return;
    auto *dialog = new PaymentActionDialog(mode, m_payment, m_authorizedAmount, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const QString id = m_payment.paymentId;
        switch (dialog->mode()) {
        case PaymentActionDialog::Mode::Capture:
            run(PaymentAction::capture({PaymentActionItem{id, dialog->amount()}}));
            break;
        case PaymentActionDialog::Mode::Cancel:
            // The amount guards against cancelling a payment that changed since it was shown.
            run(PaymentAction::cancel({PaymentActionItem{id, dialog->amount()}}));
            break;
        case PaymentActionDialog::Mode::ChangeAmount:
            run(PaymentAction::changeAmount(id, dialog->amount()));
            break;
        }
    });
    dialog->open();
}

void PaymentDetailDialog::run(const PaymentAction &action)
{
    // A new confirmation: a new key. A retry keeps the pending one's.
    m_newPaymentId.clear();
    m_openNewButton->hide();
    if (m_runner->start(action))
        showSending();
}

void PaymentDetailDialog::showSending()
{
    switch (m_runner->pending().kind()) {
    case PaymentAction::Kind::Capture:
        showResult(tr("Capturing…"), true);
        break;
    case PaymentAction::Kind::Cancel:
        showResult(tr("Cancelling…"), true);
        break;
    case PaymentAction::Kind::ChangeAmount:
        showResult(tr("Changing the amount…"), true);
        break;
    }
}

void PaymentDetailDialog::onActionFinished(const PaymentActionOutcome &outcome)
{
    const QLocale locale;
    const bool ok = outcome.allDone();
    switch (outcome.result) {
    case PaymentActionOutcome::Result::Unknown:
        // The gateway may or may not have done it: only the same key may find out safely.
        showResult(tr("%1\nIt is not known whether the gateway did it. Retry sends the same request "
                      "again; the gateway carries it out only once. Discard gives up and shows the "
                      "payment as the gateway has it.")
                       .arg(outcome.error.displayText()),
                   false);
        m_retryButton->setFocus();
        Q_EMIT actionFinished(false);
        return;
    case PaymentActionOutcome::Result::Refused:
        showResult(isPaymentActionCode(outcome.error.code)
                       ? withRequestId(paymentActionErrorText(outcome.error.code, outcome.error.message),
                                       outcome.error.requestId)
                       : outcome.error.displayText(),
                   false);
        break;
    case PaymentActionOutcome::Result::Answered:
        if (outcome.action.kind() == PaymentAction::Kind::ChangeAmount) {
            const AmountChangeResult &result = outcome.amountChange;
            m_newPaymentId = result.paymentId;
            showResult(tr("The amount was changed to %1. New payment ID: %2. This payment is now \"%3\".")
                           .arg(formatYen(result.amount, locale), result.paymentId,
                                PaymentCatalog::statusLabel(result.baseStatus, m_payment.type)),
                       true);
            m_openNewButton->setVisible(ok);
            break;
        }
        const PaymentActionResult result = outcome.items.value(0);
        const bool capture = outcome.action.kind() == PaymentAction::Kind::Capture;
        if (result.ok) {
            showResult(capture ? tr("Captured %1.").arg(formatYen(result.amount, locale))
                               : tr("Cancelled. The payment is now \"%1\".")
                                     .arg(PaymentCatalog::statusLabel(result.status, m_payment.type)),
                       true);
        } else {
            const QString reason = withRequestId(result.errorText(), outcome.requestId);
            showResult(capture ? tr("Not captured: %1").arg(reason) : tr("Not cancelled: %1").arg(reason), false);
        }
        break;
    }
    // Whatever the answer, show the payment as the gateway has it now.
    load();
    if (ok)
        Q_EMIT paymentChanged(m_payment.paymentId);
    Q_EMIT actionFinished(ok);
}

void PaymentDetailDialog::discardPending()
{
    if (!hasUnknownOutcome() || !confirmForget(Forget::Discard))
        return;
    m_runner->discard();
    showResult(tr("Discarded without knowing whether the gateway did it. Check the payment, reloaded "
                  "from the gateway, before you act again."),
               true);
    // Only the payment as the gateway has it now tells whether the action happened; the result
    // table reloads its row too.
    load();
    Q_EMIT paymentChanged(m_payment.paymentId);
}

bool PaymentDetailDialog::confirmForget(Forget how)
{
    QMessageBox box(this);
    box.setObjectName(QStringLiteral("unknownOutcomeConfirmation"));
    box.setIcon(QMessageBox::Warning);
    box.setWindowTitle(tr("Outcome unknown", "message box title: the answer to an action was lost"));
    switch (m_runner->pending().kind()) {
    case PaymentAction::Kind::Capture:
        box.setText(tr("The gateway may already have captured this payment."));
        break;
    case PaymentAction::Kind::Cancel:
        box.setText(tr("The gateway may already have cancelled this payment."));
        break;
    case PaymentAction::Kind::ChangeAmount:
        box.setText(tr("The gateway may already have changed the amount of this payment."));
        break;
    }
    box.setStandardButtons(QMessageBox::Yes | QMessageBox::No);
    box.setDefaultButton(QMessageBox::No);
    if (how == Forget::Discard) {
        box.setInformativeText(tr("Discard the action instead of retrying it? The payment is then reloaded "
                                  "to show its current state; check it before you act again."));
        box.button(QMessageBox::Yes)->setText(
            tr("&Discard", "give up the action whose outcome is unknown, without retrying"));
    } else {
        box.setInformativeText(tr("Close without retrying? The action can then no longer be retried. Open "
                                  "the payment again to see its current state before you act again."));
        box.button(QMessageBox::Yes)->setText(tr("&Close without retrying"));
    }
    box.button(QMessageBox::No)->setText(tr("&Back", "keep the action whose outcome is unknown, to retry it"));
    return box.exec() == QMessageBox::Yes;
}

void PaymentDetailDialog::showResult(const QString &text, bool ok)
{
    m_result->setStyleSheet(ok ? QString() : QStringLiteral("color: #b01c1c;"));
    m_result->setText(text);
    m_result->setVisible(!text.isEmpty());
}

void PaymentDetailDialog::updateButtons()
{
    // No action under a new key while the last one may have been done: retry it or discard it.
    const bool unknown = hasUnknownOutcome();
    const bool idle = !isBusy() && !m_reply && m_loaded && !unknown;
    for (QPushButton *button : {m_captureButton, m_cancelButton, m_changeAmountButton, m_openNewButton})
        button->setEnabled(idle);
    m_retryButton->setVisible(unknown);
    m_discardButton->setVisible(unknown);
    m_busy->setVisible(isBusy() || (m_reply && m_loaded));
    if (m_closeButton)
        m_closeButton->setEnabled(!isBusy());
}

void PaymentDetailDialog::openNewPayment()
{
    if (m_newPaymentId.isEmpty() || isBusy())
        return;
    m_paymentId = m_newPaymentId;
    m_newPaymentId.clear();
    m_openNewButton->hide();
    showResult(QString(), true);
    setWindowTitle(tr("Payment %1").arg(m_paymentId));
    load();
}

} // namespace kessai
