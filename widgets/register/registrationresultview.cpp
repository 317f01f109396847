#include "registrationresultview.h"

#include "domain/japantime.h"
#include "domain/money.h"
#include "domain/paymentcatalog.h"

#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace kessai {

RegistrationResultView::RegistrationResultView(QWidget *parent)
    : QGroupBox(tr("Registered"), parent)
    , m_title(new QLabel)
    , m_id(new QLabel)
    , m_number(new QLabel)
    , m_detail(new QLabel)
    , m_copy(new QPushButton(tr("Cop&y")))
    , m_open(new QPushButton(tr("&Open the payment")))
    , m_newButton(new QPushButton(tr("&New registration")))
{
    setObjectName(QStringLiteral("resultBox"));
    m_id->setObjectName(QStringLiteral("resultId"));
    m_number->setObjectName(QStringLiteral("resultNumber"));
    m_detail->setObjectName(QStringLiteral("resultDetail"));
    for (QLabel *label : {m_id, m_number})
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont big = m_number->font();
    big.setPointSizeF(big.pointSizeF() * 1.8);
    big.setBold(true);
    m_number->setFont(big);
    m_copy->setObjectName(QStringLiteral("copyNumber"));
    m_open->setObjectName(QStringLiteral("openDetail"));
    m_newButton->setObjectName(QStringLiteral("newButton"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    auto *numberRow = new QHBoxLayout;
    numberRow->addWidget(m_number);
    numberRow->addWidget(m_copy);
    numberRow->addStretch();
    layout->addLayout(numberRow);
    layout->addWidget(m_id);
    layout->addWidget(m_detail);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_open);
    buttons->addWidget(m_newButton);
    buttons->addStretch();
    layout->addLayout(buttons);
    connect(m_copy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(number()); });
    connect(m_open, &QPushButton::clicked, this, [this] { Q_EMIT openRequested(m_paymentId); });
    connect(m_newButton, &QPushButton::clicked, this, &RegistrationResultView::newRequested);
}

QString RegistrationResultView::number() const
{
    return m_number->text().remove(u' ');
}

void RegistrationResultView::showResult(const Registration::Result &result, Registration::Type type)
{
    const QLocale locale;
    const QString code = Registration::typeCode(type);
    m_paymentId = result.paymentId;
    m_title->setText(tr("%1, %2: %3").arg(PaymentCatalog::typeLabel(code), formatYen(result.amount, locale),
                                          PaymentCatalog::statusLabel(result.status, code)));
    m_id->setText(tr("Payment ID: %1   Trading ID: %2").arg(result.paymentId, result.tradingId));
    QString number = result.paymentId;
    QString detail;
    if (!result.receiptNumber.isEmpty()) {
        number = result.receiptNumber;
        detail = tr("Receipt number (受付番号) at %1, to pay by %2.").arg(result.institution, JapanTime::format(result.dueTime));
    } else if (!result.paymentNumber.isEmpty()) {
        number = result.paymentNumber;
        detail = tr("Customer number (お客様番号) for Pay-easy, to pay by %1.").arg(JapanTime::format(result.dueTime));
    } else if (result.dueTime.isValid()) {
        detail = tr("%1, to pay by %2.").arg(result.institution, JapanTime::format(result.dueTime));
    } else if (!result.cardLast4.isEmpty()) {
        detail = tr("Card %1 %2…%3").arg(result.cardBrand, result.cardBin, result.cardLast4);
    }
    // Grouped by four to read out on the phone.
    QString spaced;
    for (qsizetype i = 0; i < number.size(); i += 4)
        spaced += (spaced.isEmpty() ? QString() : QStringLiteral(" ")) + number.mid(i, 4);
    m_number->setText(spaced);
    m_detail->setText(detail);
    show();
    m_newButton->setFocus();
}

} // namespace kessai
