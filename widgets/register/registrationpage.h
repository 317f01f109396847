#pragma once

#include "common/page.h"
#include "register/registration.h"

#include <QHash>
#include <QPointer>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QTimer;

namespace kessai {

class MerchantClient;
class MoneyEdit;
class RegistrationResultView;

// 決済新規登録: a payment keyed in by merchant staff (phone and mail orders, a new コンビニ slip).
// The type first, then only its fields, checked while typing with the rule in words; the
// gateway's field errors shown at their fields, declines in words with what to do. Confirmed,
// the request goes once under an Idempotency-Key (再送信 after a lost answer uses the same key).
// The card number and security code live only in their fields and that one request: both are
// overwritten when it has been sent, whatever the answer, and the form then shows only the
// brand and first 6 / last 4.
class RegistrationPage final : public Page
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RegistrationPage)

public:
    explicit RegistrationPage(MerchantClient *client, QWidget *parent = nullptr);
    ~RegistrationPage() override;

    void pageShown(bool firstTime) override;
    QList<QAction *> menuActions() const override;

    void setType(Registration::Type type);
    Registration::Type type() const;
    // Checks, then asks for confirmation (the button, Enter in the form).
    void confirm();
    // The shown error of a field ("card.number"), empty when none: for tests and screenshots.
    QString fieldError(const QString &field) const;
    const Registration::Result &lastResult() const { return m_result; }

Q_SIGNALS:
    // The answer to a registration arrived (success or refusal) and the form shows it.
    void answered();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *row(QWidget *field, const QString &name);
    void updateType();
    void cardNumberEdited(const QString &text);
    void updateCardHints();
    bool checkLocally();
    void setFieldError(const QString &field, const QString &text);
    void clearErrors();
    QByteArray body() const;
    void send();
    void onAnswer(ApiReply *reply);
    void wipeCard();
    void showResult();
    void startOver();
    void lookUpTradingId();

    MerchantClient *m_client;
    QButtonGroup *m_types;
    QHash<int, QRadioButton *> m_typeButtons;
    QLineEdit *m_tradingId;
    QLabel *m_tradingNote;
    MoneyEdit *m_amount;
    QGroupBox *m_cardBox;
    QLineEdit *m_cardNumber;
    QLabel *m_brand;
    QLineEdit *m_expiry;
    QLineEdit *m_cvc;
    QLineEdit *m_holder;
    QRadioButton *m_authorizeOnly;
    QRadioButton *m_captureNow;
    QComboBox *m_paymentClass;
    QComboBox *m_splitCount;
    QGroupBox *m_laterBox;
    QComboBox *m_chain;
    QComboBox *m_bank;
    QSpinBox *m_dueDays;
    QGroupBox *m_customerBox;
    QLineEdit *m_name;
    QLineEdit *m_kana;
    QLineEdit *m_phone;
    QLineEdit *m_email;
    QLabel *m_message;
    QPushButton *m_confirmButton;
    QPushButton *m_resendButton;
    RegistrationResultView *m_resultBox;
    QHash<QString, QLabel *> m_errors; // by the gateway's field name
    QHash<QString, QWidget *> m_fields;
    QTimer *m_tradingLookup;
    QPointer<ApiReply> m_lookupReply;
    QPointer<ApiReply> m_reply;
    RegistrationRequest m_request;
    Registration::Result m_result;
    QString m_maskedCard;
    QList<QAction *> m_actions;
};

} // namespace kessai
