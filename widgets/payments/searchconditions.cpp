#include "searchconditions.h"

#include "daterangefilter.h"
#include "domain/money.h"
#include "domain/paymentcatalog.h"
#include "statusfilter.h"

#include <QCheckBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QToolButton>

namespace kessai {

namespace {

// Digits as the gateway reads them, whatever width they were typed in.
QString halfWidth(const QString &text)
{
    return text.normalized(QString::NormalizationForm_KC).trimmed();
}

std::optional<Yen> amountIn(const QLineEdit *edit)
{
    Yen value = 0;
    if (edit->text().trimmed().isEmpty() || !parseYen(edit->text(), &value))
        return std::nullopt;
    return value;
}

} // namespace

SearchConditions::SearchConditions(QWidget *parent)
    : QGroupBox(tr("Search conditions"), parent)
    , m_tradingId(new QLineEdit)
    , m_paymentId(new QLineEdit)
    , m_status(new StatusFilter)
    , m_tradeRange(new DateRangeFilter)
    , m_dueRange(new DateRangeFilter)
    , m_clearedRange(new DateRangeFilter)
    , m_amountMin(new QLineEdit)
    , m_amountMax(new QLineEdit)
    , m_cardLast4(new QLineEdit)
    , m_customer(new QLineEdit)
    , m_authExpiresDays(new QLineEdit)
    , m_lookupButton(new QPushButton(tr("What is this charge?…")))
    , m_chargeNote(new QLabel)
    , m_backButton(new QPushButton(tr("Back to my search")))
    , m_savedButton(new QToolButton)
    , m_searchButton(new QPushButton(tr("Search")))
    , m_clearButton(new QPushButton(tr("Clear")))
{
    setObjectName(QStringLiteral("filters"));
    m_tradingId->setObjectName(QStringLiteral("tradingIdFilter"));
    m_tradingId->setPlaceholderText(tr("exact, or prefix*"));
    m_tradingId->setClearButtonEnabled(true);
    m_tradingId->setValidator(new QRegularExpressionValidator(
        QRegularExpression(QStringLiteral("[A-Za-z0-9_]{0,25}\\*?")), m_tradingId));
    m_paymentId->setObjectName(QStringLiteral("paymentIdFilter"));
    m_paymentId->setClearButtonEnabled(true);
    m_paymentId->setPlaceholderText(tr("the whole ID (exact match)"));
    m_paymentId->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9０-９]{0,18}")), m_paymentId));
    m_status->setObjectName(QStringLiteral("statusFilter"));
    m_status->setMinimumWidth(m_status->sizeHint().width() + m_status->fontMetrics().horizontalAdvance(QStringLiteral("MM")));
    m_tradeRange->setObjectName(QStringLiteral("tradeRange"));
    m_dueRange->setObjectName(QStringLiteral("dueRange"));
    m_clearedRange->setObjectName(QStringLiteral("clearedRange"));
    // Japanese input methods type full-width digits: they are read as the same numbers.
    auto *amountValidator = new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9０-９,，]{0,11}")), this);
    for (QLineEdit *amount : {m_amountMin, m_amountMax}) {
        amount->setValidator(amountValidator);
        amount->setAlignment(Qt::AlignRight);
        amount->setClearButtonEnabled(true);
    }
    m_amountMin->setObjectName(QStringLiteral("amountMin"));
    m_amountMax->setObjectName(QStringLiteral("amountMax"));
    m_cardLast4->setObjectName(QStringLiteral("cardLast4"));
    m_cardLast4->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9０-９]{0,4}")), m_cardLast4));
    m_cardLast4->setMaximumWidth(m_cardLast4->fontMetrics().horizontalAdvance(QStringLiteral("00000")) + 24);
    m_cardLast4->setPlaceholderText(QStringLiteral("1234"));
    m_customer->setObjectName(QStringLiteral("customerFilter"));
    m_customer->setPlaceholderText(tr("name, kana or phone"));
    m_customer->setClearButtonEnabled(true);
    m_authExpiresDays->setObjectName(QStringLiteral("authExpiresDays"));
    m_authExpiresDays->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9０-９]{0,2}")), m_authExpiresDays));
    m_authExpiresDays->setMaximumWidth(m_authExpiresDays->fontMetrics().horizontalAdvance(QStringLiteral("0000")) + 24);
    m_authExpiresDays->setToolTip(tr("Card authorizations that lapse within this many days (0 = today): capture them before "
                                     "they expire. Empty: no such condition."));
    m_chargeNote->setObjectName(QStringLiteral("chargeNote"));
    m_chargeNote->hide();
    m_backButton->setObjectName(QStringLiteral("backToSearchButton"));
    m_backButton->setToolTip(tr("The conditions you had before “What is this charge?”, searched again"));
    m_backButton->hide();
    m_lookupButton->setObjectName(QStringLiteral("supportLookupButton"));
    m_lookupButton->setToolTip(tr("Find a payment from its date, amount and the card's last 4 digits"));
    m_searchButton->setObjectName(QStringLiteral("searchButton"));
    m_searchButton->setDefault(true);
    m_searchButton->setToolTip(tr("Search (Enter)"));
    m_clearButton->setObjectName(QStringLiteral("clearButton"));

    auto *grid = new QGridLayout(this);
    grid->addWidget(new QLabel(tr("Trading ID:")), 0, 0);
    grid->addWidget(m_tradingId, 0, 1);
    grid->addWidget(new QLabel(tr("Payment ID:")), 0, 2);
    grid->addWidget(m_paymentId, 0, 3);
    grid->addWidget(new QLabel(tr("Status:")), 0, 4);
    grid->addWidget(m_status, 0, 5);
    grid->addWidget(new QLabel(tr("Payment type:")), 1, 0);
    auto *types = new QHBoxLayout;
    for (const PaymentTypeInfo &info : PaymentCatalog::types()) {
        auto *box = new QCheckBox(PaymentCatalog::typeLabel(info.code));
        box->setObjectName(QStringLiteral("type_") + info.code);
        box->setProperty("typeCode", info.code);
        m_typeBoxes.append(box);
        types->addWidget(box);
    }
    types->addStretch();
    grid->addLayout(types, 1, 1, 1, 3);
    grid->addWidget(new QLabel(tr("Card last 4:")), 1, 4);
    grid->addWidget(m_cardLast4, 1, 5, Qt::AlignLeft);
    // Two date ranges a row, the buttons on a row of their own: the conditions fit a 1280-pixel
    // window in Japanese and in English.
    grid->addWidget(new QLabel(tr("Trade date:")), 2, 0);
    grid->addWidget(m_tradeRange, 2, 1);
    grid->addWidget(new QLabel(tr("Due date:")), 2, 2);
    grid->addWidget(m_dueRange, 2, 3);
    grid->addWidget(new QLabel(tr("Customer:")), 2, 4);
    grid->addWidget(m_customer, 2, 5);
    grid->addWidget(new QLabel(tr("Amount:")), 3, 0);
    auto *amounts = new QHBoxLayout;
    amounts->addWidget(m_amountMin, 1);
    amounts->addWidget(new QLabel(QStringLiteral("〜")));
    amounts->addWidget(m_amountMax, 1);
    amounts->addWidget(new QLabel(tr("yen")));
    grid->addLayout(amounts, 3, 1);
    grid->addWidget(new QLabel(tr("Cleared date:")), 3, 2);
    grid->addWidget(m_clearedRange, 3, 3);
    auto *authLabel = new QLabel(tr("Authorization expires:"));
    authLabel->setObjectName(QStringLiteral("authExpiresLabel"));
    authLabel->setBuddy(m_authExpiresDays);
    grid->addWidget(authLabel, 3, 4);
    auto *authDays = new QHBoxLayout;
    authDays->addWidget(m_authExpiresDays);
    authDays->addWidget(new QLabel(tr("days or sooner", "after 'Authorization expires: [N]'")));
    authDays->addStretch(1);
    grid->addLayout(authDays, 3, 5);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_lookupButton);
    buttons->addWidget(m_savedButton);
    buttons->addWidget(m_chargeNote);
    buttons->addWidget(m_backButton);
    buttons->addStretch();
    buttons->addWidget(m_clearButton);
    buttons->addWidget(m_searchButton);
    grid->addLayout(buttons, 4, 0, 1, 6);
    grid->setColumnStretch(1, 2);
    grid->setColumnStretch(3, 2);
    grid->setColumnStretch(5, 2);

    m_savedButton->setObjectName(QStringLiteral("savedSearchesButton"));
    m_savedButton->setText(tr("Saved searches"));
    m_savedButton->setPopupMode(QToolButton::InstantPopup);
    m_savedButton->setMenu(new QMenu(m_savedButton));

    // Every field and box takes Enter (search), Down (to the results) and Esc.
    for (QLineEdit *edit : findChildren<QLineEdit *>()) {
        edit->installEventFilter(this);
        connect(edit, &QLineEdit::textChanged, this, &SearchConditions::changed);
    }
    for (QCheckBox *box : std::as_const(m_typeBoxes)) {
        box->installEventFilter(this);
        connect(box, &QCheckBox::toggled, this, &SearchConditions::changed);
    }
    for (DateRangeFilter *range : {m_tradeRange, m_dueRange, m_clearedRange})
        connect(range, &DateRangeFilter::changed, this, &SearchConditions::changed);
    connect(m_status, &StatusFilter::changed, this, &SearchConditions::changed);
    connect(m_searchButton, &QPushButton::clicked, this, &SearchConditions::searchClicked);
    connect(m_clearButton, &QPushButton::clicked, this, &SearchConditions::clearClicked);
    connect(m_lookupButton, &QPushButton::clicked, this, &SearchConditions::lookupClicked);
    connect(m_backButton, &QPushButton::clicked, this, &SearchConditions::backClicked);
}

void SearchConditions::setBackOffered(bool offered)
{
    m_backButton->setVisible(offered);
}

SearchConditions::~SearchConditions() = default;

QMenu *SearchConditions::savedSearchesMenu() const
{
    return m_savedButton->menu();
}

void SearchConditions::setTypeAllowed(const QString &typeCode, bool allowed)
{
    for (QCheckBox *box : std::as_const(m_typeBoxes)) {
        if (box->property("typeCode").toString() == typeCode)
            box->setVisible(allowed);
    }
}

void SearchConditions::focusFirst()
{
    m_tradingId->setFocus();
    m_tradingId->selectAll();
}

PaymentQuery SearchConditions::query(const PaymentQuery &base) const
{
    PaymentQuery query;
    query.sort = base.sort;
    query.descending = base.descending;
    query.tradingId = m_tradingId->text().trimmed();
    query.paymentId = halfWidth(m_paymentId->text());
    query.typeStatuses = m_status->pairs();
    for (QCheckBox *box : m_typeBoxes) {
        if (box->isChecked() && !box->isHidden())
            query.types.append(box->property("typeCode").toString());
    }
    query.tradeFrom = m_tradeRange->from();
    query.tradeTo = m_tradeRange->to();
    query.dueFrom = m_dueRange->from();
    query.dueTo = m_dueRange->to();
    query.clearedFrom = m_clearedRange->from();
    query.clearedTo = m_clearedRange->to();
    query.chargeFrom = m_chargeFrom;
    query.chargeTo = m_chargeTo;
    query.amountMin = amountIn(m_amountMin);
    query.amountMax = amountIn(m_amountMax);
    query.cardLast4 = halfWidth(m_cardLast4->text());
    query.customer = m_customer->text().trimmed();
    bool ok = false;
    if (const int days = halfWidth(m_authExpiresDays->text()).toInt(&ok); ok)
        query.authExpiresWithinDays = days;
    return query;
}

void SearchConditions::setQuery(const PaymentQuery &query)
{
    m_tradingId->setText(query.tradingId);
    m_paymentId->setText(query.paymentId);
    if (query.typeStatuses.isEmpty())
        m_status->setStatuses(query.statuses); // a search saved before pairs
    else
        m_status->setPairs(query.typeStatuses);
    for (QCheckBox *box : m_typeBoxes)
        box->setChecked(query.types.contains(box->property("typeCode").toString()));
    m_tradeRange->setRange(query.tradeFrom, query.tradeTo);
    m_dueRange->setRange(query.dueFrom, query.dueTo);
    m_clearedRange->setRange(query.clearedFrom, query.clearedTo);
    m_chargeFrom = query.chargeFrom;
    m_chargeTo = query.chargeTo;
    m_chargeNote->setVisible(m_chargeFrom.isValid() || m_chargeTo.isValid());
    m_chargeNote->setText(tr("Authorized or captured %1 – %2")
                              .arg(m_chargeFrom.toString(QStringLiteral("yyyy/MM/dd")), m_chargeTo.toString(QStringLiteral("yyyy/MM/dd"))));
    m_amountMin->setText(query.amountMin ? QString::number(*query.amountMin) : QString());
    m_amountMax->setText(query.amountMax ? QString::number(*query.amountMax) : QString());
    m_cardLast4->setText(query.cardLast4);
    m_customer->setText(query.customer);
    m_authExpiresDays->setText(query.authExpiresWithinDays ? QString::number(*query.authExpiresWithinDays) : QString());
}

QString SearchConditions::check()
{
    for (const DateRangeFilter *range : {m_tradeRange, m_dueRange, m_clearedRange}) {
        if (!range->problem().isEmpty()) {
            range->problemField()->setFocus();
            return range->problem();
        }
    }
    const PaymentQuery q = query({});
    if (q.amountMin && q.amountMax && *q.amountMin > *q.amountMax) {
        m_amountMin->setFocus();
        return tr("The amount range is reversed: the first amount must not be larger than the second.");
    }
    if (!q.cardLast4.isEmpty() && q.cardLast4.size() != 4) {
        m_cardLast4->setFocus();
        return tr("Enter all 4 last digits of the card.");
    }
    return {};
}

bool SearchConditions::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::KeyPress)
        return QGroupBox::eventFilter(watched, event);
    const auto *key = static_cast<QKeyEvent *>(event);
    switch (key->key()) {
    case Qt::Key_Escape:
        // Esc clears the field it is pressed in (and only that field).
        if (auto *edit = qobject_cast<QLineEdit *>(watched); edit && !edit->text().isEmpty()) {
            edit->clear();
            return true;
        }
        break;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        Q_EMIT enterPressed();
        return true;
    case Qt::Key_Down:
        if (key->modifiers() & Qt::AltModifier)
            break; // a date field's calendar
        Q_EMIT downPressed();
        return true;
    default:
        break;
    }
    return QGroupBox::eventFilter(watched, event);
}

} // namespace kessai
