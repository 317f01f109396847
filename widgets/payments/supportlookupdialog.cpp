#include "supportlookupdialog.h"

#include "domain/japantime.h"

#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QSpinBox>
#include <QVBoxLayout>

namespace kessai {

SupportLookupDialog::SupportLookupDialog(QWidget *parent)
    : QDialog(parent)
    , m_date(new QDateEdit(JapanTime::today()))
    , m_days(new QSpinBox)
    , m_amount(new QLineEdit)
    , m_last4(new QLineEdit)
    , m_error(new QLabel)
{
    setObjectName(QStringLiteral("supportLookupDialog"));
    setWindowTitle(tr("What is this charge?"));
    m_date->setObjectName(QStringLiteral("lookupDate"));
    m_date->setCalendarPopup(true);
    m_date->setDisplayFormat(QStringLiteral("yyyy/MM/dd"));
    m_days->setObjectName(QStringLiteral("lookupDays"));
    m_days->setRange(0, 31);
    m_days->setValue(3);
    m_days->setPrefix(QStringLiteral("± "));
    m_days->setSuffix(tr(" days"));
    m_amount->setObjectName(QStringLiteral("lookupAmount"));
    m_amount->setAlignment(Qt::AlignRight);
    m_amount->setPlaceholderText(QStringLiteral("6,300"));
    m_last4->setObjectName(QStringLiteral("lookupLast4"));
    m_last4->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("\\d{0,4}")), m_last4));
    m_last4->setPlaceholderText(QStringLiteral("1234"));
    m_error->setObjectName(QStringLiteral("lookupError"));
    m_error->setStyleSheet(QStringLiteral("color: #b01c1c;"));
    m_error->setWordWrap(true);
    m_error->hide();

    auto *intro = new QLabel(tr("Enter what the customer sees on the card statement."));
    intro->setWordWrap(true);
    auto *dateRow = new QHBoxLayout;
    dateRow->addWidget(m_date, 1);
    dateRow->addWidget(m_days);
    auto *form = new QFormLayout;
    form->addRow(tr("Date:"), dateRow);
    form->addRow(tr("Amount (yen):"), m_amount);
    form->addRow(tr("Card last 4:"), m_last4);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Find"));
    buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("lookupFind"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &SupportLookupDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SupportLookupDialog::reject);
    m_amount->setFocus();
}

SupportLookupDialog::~SupportLookupDialog() = default;

QDate SupportLookupDialog::date() const
{
    return m_date->date();
}

int SupportLookupDialog::plusMinusDays() const
{
    return m_days->value();
}

QString SupportLookupDialog::cardLast4() const
{
    return m_last4->text().trimmed();
}

void SupportLookupDialog::accept()
{
    if (!parseYen(m_amount->text(), &m_amountValue) || m_amountValue <= 0) {
        m_error->setText(tr("Enter the amount in yen, for example 6,300."));
        m_error->show();
        m_amount->setFocus();
        return;
    }
    if (cardLast4().size() != 4) {
        m_error->setText(tr("Enter the last 4 digits of the card."));
        m_error->show();
        m_last4->setFocus();
        return;
    }
    QDialog::accept();
}

} // namespace kessai
