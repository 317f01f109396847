#include "registrationpage.h"

#include "api/apireply.h"
#include "api/merchantclient.h"
#include "api/paymentlistpage.h"
#include "api/paymentaction.h"
#include "common/moneyedit.h"
#include "common/paymentdetaildialog.h"
#include "register/registrationresultview.h"
#include "domain/cardnumberscan.h"
#include "domain/japantime.h"
#include "domain/paymentcatalog.h"

#include <QAction>
#include <QApplication>
#include <QButtonGroup>
#include <QClipboard>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpressionValidator>
#include <QScrollArea>
#include <QSpinBox>
#include <QTimer>
#include <QVBoxLayout>

namespace kessai {

namespace {

using Registration::Type;

const QList<std::pair<QString, const char *>> Chains = {
    {QStringLiteral("seven-eleven"), QT_TRANSLATE_NOOP("kessai::RegistrationPage", "7-Eleven")},
    {QStringLiteral("lawson"), QT_TRANSLATE_NOOP("kessai::RegistrationPage", "Lawson")},
    {QStringLiteral("familymart"), QT_TRANSLATE_NOOP("kessai::RegistrationPage", "FamilyMart")},
    {QStringLiteral("ministop"), QT_TRANSLATE_NOOP("kessai::RegistrationPage", "Ministop")},
    {QStringLiteral("dailyyamazaki"), QT_TRANSLATE_NOOP("kessai::RegistrationPage", "Daily Yamazaki")},
    {QStringLiteral("seicomart"), QT_TRANSLATE_NOOP("kessai::RegistrationPage", "Seicomart")},
};
const QList<std::pair<QString, const char *>> Banks = {
    {QStringLiteral("mufg"), QT_TRANSLATE_NOOP("kessai::RegistrationPage", "MUFG Bank")},
    {QStringLiteral("smbc"), QT_TRANSLATE_NOOP("kessai::RegistrationPage", "SMBC")},
    {QStringLiteral("mizuho"), QT_TRANSLATE_NOOP("kessai::RegistrationPage", "Mizuho Bank")},
    {QStringLiteral("rakuten"), QT_TRANSLATE_NOOP("kessai::RegistrationPage", "Rakuten Bank")},
    {QStringLiteral("yucho"), QT_TRANSLATE_NOOP("kessai::RegistrationPage", "Japan Post Bank")},
};

// Overwrites what a line edit shows (and with it the undo history) before clearing it.
void overwrite(QLineEdit *edit)
{
    edit->setText(QString(edit->text().size(), u'0'));
    edit->clear();
}

} // namespace

RegistrationPage::RegistrationPage(MerchantClient *client, QWidget *parent)
    : Page(parent)
    , m_client(client)
    , m_types(new QButtonGroup(this))
    , m_tradingId(new QLineEdit)
    , m_tradingNote(new QLabel)
    , m_amount(new MoneyEdit)
    , m_cardBox(new QGroupBox(tr("Card")))
    , m_cardNumber(new QLineEdit)
    , m_brand(new QLabel)
    , m_expiry(new QLineEdit)
    , m_cvc(new QLineEdit)
    , m_holder(new QLineEdit)
    , m_authorizeOnly(new QRadioButton(tr("&Authorize only (仮売上)")))
    , m_captureNow(new QRadioButton(tr("Authorize and &capture (即時売上)")))
    , m_paymentClass(new QComboBox)
    , m_splitCount(new QComboBox)
    , m_laterBox(new QGroupBox(tr("Where and until when")))
    , m_chain(new QComboBox)
    , m_bank(new QComboBox)
    , m_dueDays(new QSpinBox)
    , m_customerBox(new QGroupBox(tr("Customer")))
    , m_name(new QLineEdit)
    , m_kana(new QLineEdit)
    , m_phone(new QLineEdit)
    , m_email(new QLineEdit)
    , m_message(new QLabel)
    , m_confirmButton(new QPushButton(tr("&Check and register…")))
    , m_resendButton(new QPushButton(tr("&Send again")))
    , m_resultBox(new RegistrationResultView)
    , m_tradingLookup(new QTimer(this))
{
    setObjectName(QStringLiteral("registrationPage"));

    // The type first: only those this user may register and view.
    auto *typeRow = new QHBoxLayout;
    const std::pair<Type, QString> types[] = {{Type::Card, tr("Credit card")}, {Type::Convenience, tr("Convenience store")},
                                              {Type::Atm, tr("ATM (Pay-easy)")}, {Type::BankNet, tr("Online banking")}};
    for (const auto &[type, label] : types) {
        auto *button = new QRadioButton(label);
        button->setObjectName(QStringLiteral("type_") + Registration::typeCode(type));
        m_types->addButton(button, int(type));
        m_typeButtons.insert(int(type), button);
        typeRow->addWidget(button);
        button->setVisible(!client || client->user().can(QStringLiteral("view:") + Registration::typeCode(type)));
    }
    typeRow->addStretch();

    m_tradingId->setObjectName(QStringLiteral("tradingId"));
    m_tradingId->setMaxLength(25);
    m_tradingId->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[A-Za-z0-9_]{0,25}")), this));
    m_tradingId->setPlaceholderText(tr("1–25 letters, digits or _"));
    m_tradingNote->setObjectName(QStringLiteral("tradingNote"));
    m_tradingNote->setStyleSheet(QStringLiteral("color: #8a5a00"));
    m_tradingNote->hide();
    m_amount->setObjectName(QStringLiteral("amount"));

    // The card: grouped as typed, brand and check digit while typing, never copied out.
    m_cardNumber->setObjectName(QStringLiteral("cardNumber"));
    m_cardNumber->setPlaceholderText(tr("Card number"));
    m_cardNumber->setMaxLength(23);
    m_cardNumber->setContextMenuPolicy(Qt::NoContextMenu);
    m_cardNumber->setDragEnabled(false);
    m_cardNumber->setInputMethodHints(Qt::ImhDigitsOnly | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);
    m_cardNumber->installEventFilter(this);
    m_brand->setObjectName(QStringLiteral("cardBrand"));
    m_brand->setMinimumWidth(m_brand->fontMetrics().horizontalAdvance(QStringLiteral("Mastercard ✓ 0000 00** **** 0000")));
    m_expiry->setObjectName(QStringLiteral("cardExpiry"));
    m_expiry->setPlaceholderText(tr("MM/YY"));
    m_expiry->setMaxLength(5);
    m_cvc->setObjectName(QStringLiteral("cardCvc"));
    m_cvc->setEchoMode(QLineEdit::Password);
    m_cvc->setMaxLength(4);
    m_cvc->setContextMenuPolicy(Qt::NoContextMenu);
    m_cvc->setInputMethodHints(Qt::ImhDigitsOnly | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);
    m_holder->setObjectName(QStringLiteral("cardHolder"));
    m_holder->setPlaceholderText(tr("As printed on the card"));
    m_authorizeOnly->setObjectName(QStringLiteral("authorizeOnly"));
    m_captureNow->setObjectName(QStringLiteral("captureNow"));
    m_authorizeOnly->setChecked(true);
    m_paymentClass->setObjectName(QStringLiteral("paymentClass"));
    m_paymentClass->addItem(tr("Lump sum (一括)"), QStringLiteral("10"));
    m_paymentClass->addItem(tr("Installments (分割)"), QStringLiteral("61"));
    m_paymentClass->addItem(tr("Bonus lump sum (ボーナス一括)"), QStringLiteral("23"));
    m_paymentClass->addItem(tr("Revolving (リボ)"), QStringLiteral("80"));
    m_splitCount->setObjectName(QStringLiteral("splitCount"));
    for (const int n : {3, 5, 6, 10, 12, 15, 18, 20, 24})
        m_splitCount->addItem(tr("%n time(s)", nullptr, n), n);
    auto *cardNumberRow = new QHBoxLayout;
    cardNumberRow->addWidget(m_cardNumber, 1);
    cardNumberRow->addWidget(m_brand);
    auto *cardNumberWidget = new QWidget;
    cardNumberWidget->setLayout(cardNumberRow);
    cardNumberRow->setContentsMargins(0, 0, 0, 0);
    auto *captureRow = new QHBoxLayout;
    captureRow->addWidget(m_authorizeOnly);
    captureRow->addWidget(m_captureNow);
    captureRow->addStretch();
    auto *captureWidget = new QWidget;
    captureWidget->setLayout(captureRow);
    captureRow->setContentsMargins(0, 0, 0, 0);
    auto *classRow = new QHBoxLayout;
    classRow->addWidget(m_paymentClass);
    classRow->addWidget(m_splitCount);
    classRow->addStretch();
    auto *classWidget = new QWidget;
    classWidget->setLayout(classRow);
    classRow->setContentsMargins(0, 0, 0, 0);
    auto *cardForm = new QFormLayout(m_cardBox);
    cardForm->addRow(tr("Card number"), row(cardNumberWidget, QStringLiteral("card.number")));
    cardForm->addRow(tr("Expiry"), row(m_expiry, QStringLiteral("card.expiry")));
    cardForm->addRow(tr("Security code"), row(m_cvc, QStringLiteral("card.cvc")));
    cardForm->addRow(tr("Card holder"), row(m_holder, QStringLiteral("card.holder")));
    cardForm->addRow(tr("Sale"), captureWidget);
    cardForm->addRow(tr("Payment class"), row(classWidget, QStringLiteral("payment_class")));

    m_chain->setObjectName(QStringLiteral("chain"));
    for (const auto &[code, name] : Chains)
        m_chain->addItem(tr(name), code);
    m_bank->setObjectName(QStringLiteral("bank"));
    for (const auto &[code, name] : Banks)
        m_bank->addItem(tr(name), code);
    m_dueDays->setObjectName(QStringLiteral("dueDays"));
    m_dueDays->setRange(1, 60);
    m_dueDays->setValue(7);
    m_dueDays->setSuffix(tr(" days"));
    auto *laterForm = new QFormLayout(m_laterBox);
    laterForm->addRow(tr("Store"), row(m_chain, QStringLiteral("chain")));
    laterForm->addRow(tr("Bank"), row(m_bank, QStringLiteral("bank")));
    laterForm->addRow(tr("Pay within"), row(m_dueDays, QStringLiteral("due_days")));

    m_name->setObjectName(QStringLiteral("customerName"));
    m_kana->setObjectName(QStringLiteral("customerKana"));
    m_kana->setPlaceholderText(tr("Full-width katakana (converted as you type)"));
    m_phone->setObjectName(QStringLiteral("customerPhone"));
    m_email->setObjectName(QStringLiteral("customerEmail"));
    auto *customerForm = new QFormLayout(m_customerBox);
    customerForm->addRow(tr("Name"), row(m_name, QStringLiteral("customer.name")));
    customerForm->addRow(tr("Name (kana)"), row(m_kana, QStringLiteral("customer.kana")));
    customerForm->addRow(tr("Phone"), row(m_phone, QStringLiteral("customer.phone")));
    customerForm->addRow(tr("E-mail"), row(m_email, QStringLiteral("customer.email")));

    auto *common = new QFormLayout;
    common->addRow(tr("Payment type"), typeRow);
    auto *tradingWidget = new QWidget;
    auto *tradingLayout = new QVBoxLayout(tradingWidget);
    tradingLayout->setContentsMargins(0, 0, 0, 0);
    tradingLayout->setSpacing(2);
    tradingLayout->addWidget(row(m_tradingId, QStringLiteral("trading_id")));
    tradingLayout->addWidget(m_tradingNote);
    common->addRow(tr("Trading ID (取引ID)"), tradingWidget);
    common->addRow(tr("Amount"), row(m_amount, QStringLiteral("amount")));

    m_message->setObjectName(QStringLiteral("message"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();
    m_confirmButton->setObjectName(QStringLiteral("confirmButton"));
    m_confirmButton->setDefault(true);
    m_resendButton->setObjectName(QStringLiteral("resendButton"));
    m_resendButton->setToolTip(tr("Send the same registration again under the same key: it is registered once"));
    m_resendButton->hide();
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_message, 1);
    buttons->addStretch();
    buttons->addWidget(m_resendButton);
    buttons->addWidget(m_confirmButton);

    m_resultBox->hide();

    auto *form = new QWidget;
    form->setMaximumWidth(form->fontMetrics().horizontalAdvance(u'0') * 110); // a form, not a banner
    auto *formLayout = new QVBoxLayout(form);
    formLayout->addLayout(common);
    formLayout->addWidget(m_cardBox);
    formLayout->addWidget(m_laterBox);
    formLayout->addWidget(m_customerBox);
    formLayout->addStretch();
    auto *scroll = new QScrollArea;
    scroll->setWidget(form);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_resultBox);
    layout->addWidget(scroll, 1);
    layout->addLayout(buttons);

    connect(m_types, &QButtonGroup::idClicked, this, &RegistrationPage::updateType);
    connect(m_cardNumber, &QLineEdit::textEdited, this, &RegistrationPage::cardNumberEdited);
    connect(m_paymentClass, &QComboBox::currentIndexChanged, this, &RegistrationPage::updateCardHints);
    // Kana as typed: committed hiragana and half-width katakana become full-width katakana.
    connect(m_kana, &QLineEdit::textEdited, this, [this](const QString &text) {
        QString converted = Registration::toKatakana(text);
        if (text.endsWith(u' ') && !converted.isEmpty())
            converted.append(u' '); // the space between family and given name, still being typed
        if (converted != text) {
            const int fromEnd = int(text.size()) - m_kana->cursorPosition();
            m_kana->setText(converted);
            m_kana->setCursorPosition(std::max(0, int(converted.size()) - fromEnd));
        }
    });
    connect(m_confirmButton, &QPushButton::clicked, this, &RegistrationPage::confirm);
    connect(m_resendButton, &QPushButton::clicked, this, &RegistrationPage::send);
    connect(m_resultBox, &RegistrationResultView::newRequested, this, &RegistrationPage::startOver);
    connect(m_resultBox, &RegistrationResultView::openRequested, this, [this](const QString &paymentId) {
        auto *dialog = new PaymentDetailDialog(m_client, paymentId, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    // A 取引ID the merchant already used is said while typing (the gateway refuses it anyway).
    m_tradingLookup->setSingleShot(true);
    m_tradingLookup->setInterval(400);
    connect(m_tradingId, &QLineEdit::textEdited, m_tradingLookup, qOverload<>(&QTimer::start));
    connect(m_tradingLookup, &QTimer::timeout, this, &RegistrationPage::lookUpTradingId);
    for (QLineEdit *edit : findChildren<QLineEdit *>())
        connect(edit, &QLineEdit::returnPressed, this, &RegistrationPage::confirm);

    auto *confirmAction = new QAction(tr("&Check and register…"), this);
    confirmAction->setObjectName(QStringLiteral("registerAction"));
    confirmAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    connect(confirmAction, &QAction::triggered, this, &RegistrationPage::confirm);
    auto *newAction = new QAction(tr("&New registration"), this);
    newAction->setObjectName(QStringLiteral("newRegistrationAction"));
    newAction->setShortcut(QKeySequence::New);
    connect(newAction, &QAction::triggered, this, &RegistrationPage::startOver);
    m_actions = {confirmAction, newAction};
    for (QAction *action : std::as_const(m_actions)) {
        action->setShortcutContext(Qt::WindowShortcut);
        addAction(action);
    }

    // The first type this user may register.
    for (const auto &[type, label] : types) {
        if (m_typeButtons.value(int(type))->isVisibleTo(this) || !client) {
            m_typeButtons.value(int(type))->setChecked(true);
            break;
        }
    }
    updateType();
}

RegistrationPage::~RegistrationPage()
{
    wipeCard();
}

QWidget *RegistrationPage::row(QWidget *field, const QString &name)
{
    auto *box = new QWidget;
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(field);
    auto *error = new QLabel;
    error->setObjectName(QStringLiteral("error_") + name);
    error->setStyleSheet(QStringLiteral("color: #b00020"));
    error->setWordWrap(true);
    error->hide();
    layout->addWidget(error);
    m_errors.insert(name, error);
    m_fields.insert(name, field);
    return box;
}

void RegistrationPage::pageShown(bool firstTime)
{
    Q_UNUSED(firstTime)
    if (m_resultBox->isVisible())
        m_resultBox->newButton()->setFocus();
    else
        m_tradingId->setFocus();
}

QList<QAction *> RegistrationPage::menuActions() const
{
    return m_actions;
}

void RegistrationPage::setType(Registration::Type type)
{
    if (QRadioButton *button = m_typeButtons.value(int(type)))
        button->setChecked(true);
    updateType();
}

Registration::Type RegistrationPage::type() const
{
    return Type(std::max(0, m_types->checkedId()));
}

void RegistrationPage::updateType()
{
    const Type t = type();
    m_cardBox->setVisible(t == Type::Card);
    m_laterBox->setVisible(t != Type::Card);
    m_chain->parentWidget()->setVisible(t == Type::Convenience);
    m_bank->parentWidget()->setVisible(t == Type::BankNet);
    if (auto *form = qobject_cast<QFormLayout *>(m_laterBox->layout())) {
        form->setRowVisible(0, t == Type::Convenience);
        form->setRowVisible(1, t == Type::BankNet);
    }
    m_customerBox->setTitle(t == Type::Card ? tr("Customer (optional)") : tr("Customer"));
    m_amount->setRange(1, Registration::amountLimit(t));
    updateCardHints();
    clearErrors();
}

void RegistrationPage::cardNumberEdited(const QString &text)
{
    // Grouped as typed, the cursor kept after the same digit.
    const int digitsBefore = int(Registration::digitsOf(text.left(m_cardNumber->cursorPosition())).size());
    const QString digits = Registration::digitsOf(text).left(19);
    const QString shown = Registration::grouped(digits);
    if (shown != text) {
        m_cardNumber->setText(shown);
        int position = 0;
        for (int seen = 0; position < shown.size() && seen < digitsBefore; ++position)
            seen += shown.at(position).isDigit() ? 1 : 0;
        m_cardNumber->setCursorPosition(position);
    }
    updateCardHints();
}

void RegistrationPage::updateCardHints()
{
    const QString digits = Registration::digitsOf(m_cardNumber->text());
    const QString brand = Registration::brandOf(digits);
    if (digits.isEmpty())
        m_brand->clear();
    else if (brand.isEmpty())
        m_brand->setText(tr("Unknown brand"));
    else if (digits.size() >= 14 && Registration::luhnValid(digits))
        m_brand->setText(tr("%1 ✓").arg(brand));
    else
        m_brand->setText(brand);
    m_cvc->setMaxLength(Registration::cvcLength(brand.isEmpty() ? QStringLiteral("VISA") : brand));
    m_cvc->setPlaceholderText(tr("%n digit(s)", nullptr, Registration::cvcLength(brand)));
    m_splitCount->setVisible(m_paymentClass->currentData().toString() == QLatin1String("61"));
}

bool RegistrationPage::eventFilter(QObject *watched, QEvent *event)
{
    // The card number is never copied out (no clipboard history holds it).
    if (watched == m_cardNumber && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->matches(QKeySequence::Copy) || key->matches(QKeySequence::Cut))
            return true;
    }
    return Page::eventFilter(watched, event);
}

void RegistrationPage::setFieldError(const QString &field, const QString &text)
{
    QLabel *label = m_errors.value(field);
    if (!label) {
        m_message->setText(m_message->text().isEmpty() ? text : m_message->text() + u'\n' + text);
        m_message->show();
        return;
    }
    label->setText(text);
    label->setVisible(!text.isEmpty());
}

void RegistrationPage::clearErrors()
{
    for (QLabel *label : std::as_const(m_errors)) {
        label->clear();
        label->hide();
    }
    m_message->clear();
    m_message->setStyleSheet(QString());
    m_message->hide();
}

QString RegistrationPage::fieldError(const QString &field) const
{
    const QLabel *label = m_errors.value(field);
    return label && !label->isHidden() ? label->text() : QString();
}

bool RegistrationPage::checkLocally()
{
    clearErrors();
    const Type t = type();
    bool ok = true;
    const auto refuse = [&](const QString &field, const QString &text) {
        setFieldError(field, text);
        if (ok && m_fields.value(field))
            m_fields.value(field)->setFocus();
        ok = false;
    };
    const QString trading = m_tradingId->text();
    if (trading.isEmpty())
        refuse(QStringLiteral("trading_id"), tr("Required: 1 to 25 letters, digits or _."));
    if (!m_amount->hasAcceptableValue())
        refuse(QStringLiteral("amount"), m_amount->problem().isEmpty() ? tr("Required.") : m_amount->problem());
    if (t == Type::Card) {
        const QString digits = Registration::digitsOf(m_cardNumber->text());
        if (digits.size() < 14)
            refuse(QStringLiteral("card.number"), tr("A card number has 14 to 19 digits."));
        else if (Registration::brandOf(digits).isEmpty())
            refuse(QStringLiteral("card.number"), tr("The gateway does not take this card brand."));
        else if (!Registration::luhnValid(digits))
            refuse(QStringLiteral("card.number"), tr("This is not a valid card number (check digit). Check it with the customer."));
        int month = 0, year = 0;
        if (!Registration::parseExpiry(m_expiry->text(), &month, &year))
            refuse(QStringLiteral("card.expiry"), tr("Month and year as MM/YY."));
        const int cvc = Registration::cvcLength(Registration::brandOf(digits));
        if (Registration::digitsOf(m_cvc->text()).size() != cvc)
            refuse(QStringLiteral("card.cvc"), tr("%n digit(s), on the back of the card.", nullptr, cvc));
        if (m_holder->text().trimmed().isEmpty())
            refuse(QStringLiteral("card.holder"), tr("The name on the card in Latin letters, as printed."));
    } else {
        if (m_name->text().trimmed().isEmpty())
            refuse(QStringLiteral("customer.name"), tr("Required."));
        const QString kana = Registration::toKatakana(m_kana->text());
        if (!Registration::isKatakana(kana))
            refuse(QStringLiteral("customer.kana"), tr("Full-width katakana."));
        if (t == Type::Convenience && Registration::digitsOf(m_phone->text()).isEmpty())
            refuse(QStringLiteral("customer.phone"), tr("Required: the store asks for it."));
    }
    // Free text never carries a card number to the gateway (which would refuse it too).
    for (const auto &[field, edit] :
         {std::pair{QStringLiteral("customer.name"), m_name}, std::pair{QStringLiteral("customer.email"), m_email}}) {
        if (containsCardNumber(edit->text()))
            refuse(field, Registration::cardNumberRefusal(field));
    }
    return ok;
}

QByteArray RegistrationPage::body() const
{
    const Type t = type();
    Registration::Form form;
    form.type = t;
    form.tradingId = m_tradingId->text();
    form.amount = m_amount->value().value_or(0);
    if (t == Type::Card) {
        form.cardNumber = Registration::digitsOf(m_cardNumber->text());
        form.cvc = Registration::digitsOf(m_cvc->text());
        form.expiry = m_expiry->text().trimmed();
        form.holder = m_holder->text().trimmed();
        form.capture = m_captureNow->isChecked();
        form.paymentClass = m_paymentClass->currentData().toString();
        form.splitCount = m_splitCount->currentData().toInt();
    }
    form.chain = m_chain->currentData().toString();
    form.bank = m_bank->currentData().toString();
    form.dueDays = m_dueDays->value();
    form.name = m_name->text().trimmed();
    form.kana = Registration::toKatakana(m_kana->text());
    form.phone = m_phone->text().trimmed();
    form.email = m_email->text().trimmed();
    return Registration::requestBody(form); // wipes the form's card number and code
}

void RegistrationPage::confirm()
{
    if (m_reply || m_resultBox->isVisible() || !checkLocally())
        return;
    const Type t = type();
    const QLocale locale;
    QStringList lines;
    lines << tr("Payment type: %1").arg(PaymentCatalog::typeLabel(Registration::typeCode(t)));
    lines << tr("Trading ID: %1").arg(m_tradingId->text());
    lines << tr("Amount: %1").arg(formatYen(m_amount->value().value_or(0), locale));
    QString action;
    if (t == Type::Card) {
        const QString digits = Registration::digitsOf(m_cardNumber->text());
        lines << tr("Card: %1 %2, expiry %3").arg(Registration::brandOf(digits), Registration::masked(digits), m_expiry->text());
        lines << tr("Payment class: %1").arg(m_paymentClass->currentText()
                                                + (m_splitCount->isVisibleTo(this) ? u' ' + m_splitCount->currentText() : QString()));
        action = m_captureNow->isChecked() ? tr("Authorize and capture with these details") : tr("Authorize with these details");
    } else {
        if (t == Type::Convenience)
            lines << tr("Store: %1").arg(m_chain->currentText());
        if (t == Type::BankNet)
            lines << tr("Bank: %1").arg(m_bank->currentText());
        lines << tr("Pay by: %1").arg(QLocale().toString(JapanTime::today().addDays(m_dueDays->value()), QLocale::LongFormat));
        lines << tr("Customer: %1 (%2)").arg(m_name->text().trimmed(), Registration::toKatakana(m_kana->text()));
        action = tr("Register with these details");
    }
    auto *box = new QMessageBox(QMessageBox::Question, tr("Confirm the registration"), lines.join(u'\n'),
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("registrationConfirm"));
    QPushButton *yes = box->addButton(action, QMessageBox::AcceptRole);
    yes->setObjectName(QStringLiteral("confirmRegistration"));
    QPushButton *back = box->addButton(tr("&Back", "leave without doing the action"), QMessageBox::RejectRole);
    box->setDefaultButton(back);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(yes, &QPushButton::clicked, this, [this] {
        m_request.setBody(body(), MerchantClient::newIdempotencyKey());
        send();
    });
    box->open();
}

void RegistrationPage::send()
{
    if (m_request.isEmpty() || m_reply)
        return;
    m_resendButton->hide();
    m_confirmButton->setEnabled(false);
    m_message->setText(tr("Sending…"));
    m_message->setStyleSheet(QString());
    m_message->show();
    m_reply = m_request.send(m_client);
    connect(m_reply, &ApiReply::finished, this, [this, reply = m_reply.data()] { onAnswer(reply); });
}

void RegistrationPage::onAnswer(ApiReply *reply)
{
    m_reply = nullptr;
    m_confirmButton->setEnabled(true);
    if (!reply->ok() && PaymentAction::isRetryable(reply->error())) {
        // Maybe registered, maybe not: only the same request under the same key may ask again.
        m_message->setText(tr("No answer from the gateway (%1). Send it again: under the same key it is registered "
                              "once, however often it is sent.")
                               .arg(reply->error().displayText()));
        m_message->setStyleSheet(QStringLiteral("color: #b00020"));
        m_resendButton->show();
        m_confirmButton->setEnabled(false);
        return;
    }
    m_result = Registration::Result::fromReply(*reply);
    // Sent and answered: the card number and code go, whatever the answer.
    const QString digits = Registration::digitsOf(m_cardNumber->text());
    m_maskedCard = digits.isEmpty() ? QString() : Registration::brandOf(digits) + u' ' + Registration::masked(digits);
    m_request.wipe();
    wipeCard();
    clearErrors();
    if (m_result.ok) {
        showResult();
    } else if (!m_result.fields.isEmpty()) {
        for (const Registration::FieldError &field : std::as_const(m_result.fields))
            setFieldError(field.field, Registration::fieldErrorText(field));
        m_message->setText(tr("The gateway refused some fields; they are marked. The card number and security code "
                              "were cleared: type them again."));
        m_message->setStyleSheet(QStringLiteral("color: #b00020"));
        m_message->show();
    } else if (!m_result.declineCode.isEmpty()) {
        m_message->setText(Registration::declineText(m_result.declineCode));
        m_message->setStyleSheet(QStringLiteral("color: #b00020"));
        m_message->show();
    } else if (m_result.error.code == QLatin1String("duplicate_trading_id")) {
        setFieldError(QStringLiteral("trading_id"), tr("This trading ID is already used; choose another."));
        lookUpTradingId();
    } else {
        m_message->setText(m_result.error.displayText());
        m_message->setStyleSheet(QStringLiteral("color: #b00020"));
        m_message->show();
    }
    Q_EMIT answered();
}

void RegistrationPage::wipeCard()
{
    overwrite(m_cardNumber);
    overwrite(m_cvc);
    m_brand->setText(m_maskedCard);
}

void RegistrationPage::showResult()
{
    m_resultBox->showResult(m_result, type());
    m_confirmButton->setEnabled(false);
}

void RegistrationPage::startOver()
{
    if (m_reply || !m_resendButton->isHidden())
        return; // an answer is still owed to the registration on its way
    m_resultBox->hide();
    m_confirmButton->setEnabled(true);
    m_maskedCard.clear();
    wipeCard();
    for (QLineEdit *edit : {m_tradingId, m_expiry, m_holder, m_name, m_kana, m_phone, m_email})
        edit->clear();
    m_amount->setValue(0);
    m_amount->clear();
    m_tradingNote->hide();
    clearErrors();
    m_tradingId->setFocus();
}

void RegistrationPage::lookUpTradingId()
{
    const QString trading = m_tradingId->text();
    if (!m_client || trading.isEmpty()) {
        m_tradingNote->hide();
        return;
    }
    if (m_lookupReply)
        m_lookupReply->abort();
    PaymentQuery query;
    query.tradingId = trading;
    m_lookupReply = m_client->paymentPage(query, QString(), 5);
    connect(m_lookupReply, &ApiReply::finished, this, [this, trading, reply = m_lookupReply.data()] {
        if (!reply->ok() || trading != m_tradingId->text())
            return;
        const auto page = readPaymentListPage(reply->body());
        QStringList ids;
        for (const PaymentListItem &item : page ? page->items : QList<PaymentListItem>())
            ids << QString::number(item.paymentId);
        m_tradingNote->setText(tr("Already used by payment %1.").arg(ids.join(QStringLiteral(", "))));
        m_tradingNote->setVisible(!ids.isEmpty());
    });
}

} // namespace kessai
