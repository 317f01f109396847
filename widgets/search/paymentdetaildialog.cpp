#include "paymentdetaildialog.h"

#include "api/apireply.h"
#include "api/merchantclient.h"
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
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace kessai {

namespace {

QString localTime(const QDateTime &utc)
{
    return utc.isValid() ? utc.toLocalTime().toString(QStringLiteral("yyyy/MM/dd HH:mm:ss")) : QString();
}

QString actionLabel(const QString &action)
{
    if (action == QLatin1String("capture"))
        return PaymentDetailDialog::tr("Capture");
    if (action == QLatin1String("cancel"))
        return PaymentDetailDialog::tr("Cancel");
    if (action == QLatin1String("change_amount"))
        return PaymentDetailDialog::tr("Change amount");
    return action;
}

} // namespace

PaymentDetailDialog::PaymentDetailDialog(MerchantClient *client, const QString &paymentId, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_paymentId(paymentId)
    , m_form(new QFormLayout)
    , m_events(new QTreeWidget)
    , m_actions(new QLabel)
    , m_status(new QLabel(tr("Loading…")))
{
    setObjectName(QStringLiteral("paymentDetailDialog"));
    setWindowTitle(tr("Payment %1").arg(paymentId));
    m_events->setObjectName(QStringLiteral("eventHistory"));
    m_events->setRootIsDecorated(false);
    m_events->setHeaderLabels({tr("Time"), tr("User"), tr("From"), tr("To"), tr("Amount")});
    m_events->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_actions->setObjectName(QStringLiteral("allowedActions"));
    m_actions->setWordWrap(true);
    m_status->setObjectName(QStringLiteral("detailStatus"));
    m_status->setWordWrap(true);

    auto *fields = new QGroupBox(tr("Payment"));
    fields->setLayout(m_form);
    auto *history = new QGroupBox(tr("History"));
    auto *historyLayout = new QVBoxLayout(history);
    historyLayout->addWidget(m_events);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(fields);
    layout->addWidget(history, 1);
    layout->addWidget(m_actions);
    layout->addWidget(buttons);
    resize(640, 640);
    load();
}

PaymentDetailDialog::~PaymentDetailDialog()
{
    if (m_reply)
        m_reply->abort();
}

void PaymentDetailDialog::load()
{
    ApiReply *reply = m_client->paymentDetail(m_paymentId);
    m_reply = reply;
    connect(reply, &ApiReply::finished, this, [this, reply] {
        m_reply = nullptr;
        if (!reply->ok()) {
            if (reply->error().kind != ApiError::Kind::Cancelled) {
                m_status->setStyleSheet(QStringLiteral("color: #b01c1c;"));
                m_status->setText(reply->error().displayText());
            }
            return;
        }
        const QJsonObject object = reply->json().object();
        showPayment(Payment::fromJson(object), object.value(QLatin1String("events")).toArray());
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

void PaymentDetailDialog::showPayment(const Payment &p, const QJsonArray &events)
{
    const QLocale locale;
    m_status->hide();
    addRow(tr("Trading ID"), p.tradingId, QStringLiteral("detailTradingId"), true);
    addRow(tr("Payment ID"), p.paymentId, QStringLiteral("detailPaymentId"), true);
    addRow(tr("Payment type"), PaymentCatalog::typeLabel(p.type));
    addRow(tr("Institution"), p.institution);
    addRow(tr("Status"), QStringLiteral("%1 %2").arg(p.status).arg(PaymentCatalog::statusLabel(p.status, p.type)),
           QStringLiteral("detailStatusText"));
    addRow(tr("Amount"), formatYen(p.amount, locale), QStringLiteral("detailAmount"));
    addRow(tr("Trade time"), localTime(p.tradeTime));
    addRow(tr("Due date"), p.dueTime.isValid() ? p.dueTime.toLocalTime().toString(QStringLiteral("yyyy/MM/dd")) : QString());
    addRow(tr("Cleared"), localTime(p.clearedTime));
    addRow(tr("Base payment ID"), p.basePaymentId, QStringLiteral("detailBasePaymentId"), true);
    if (!p.card.isEmpty()) {
        addRow(tr("Card"), QStringLiteral("%1  %2").arg(p.card.brand, p.card.masked()), QStringLiteral("detailCard"));
        addRow(tr("Expiry"), p.card.expiry);
    }
    addRow(tr("Customer"), p.customer.name);
    addRow(tr("Customer (kana)"), p.customer.kana);
    addRow(tr("Phone"), p.customer.phone);
    addRow(tr("E-mail"), p.customer.email);

    for (const QJsonValue &value : events) {
        const QJsonObject e = value.toObject();
        const int from = e.value(QLatin1String("from")).toInt();
        const int to = e.value(QLatin1String("to")).toInt();
        auto *item = new QTreeWidgetItem(
            {localTime(fromWireTime(e.value(QLatin1String("at")).toString())), e.value(QLatin1String("actor")).toString(),
             from == 0 ? QString() : PaymentCatalog::statusLabel(from, p.type), PaymentCatalog::statusLabel(to, p.type),
             formatYen(e.value(QLatin1String("amount")).toInteger(), locale)});
        item->setTextAlignment(4, Qt::AlignRight | Qt::AlignVCenter);
        m_events->addTopLevelItem(item);
    }

    QStringList allowed;
    for (const QString &action : p.actions)
        allowed.append(actionLabel(action));
    m_actions->setText(allowed.isEmpty() ? tr("No action is possible on this payment for you now.")
                                         : tr("You may: %1").arg(allowed.join(QStringLiteral(", "))));
    m_loaded = true;
    Q_EMIT loaded();
}

} // namespace kessai
