#pragma once

#include "api/apierror.h"
#include "domain/money.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

class QJsonObject;

namespace kessai {

class ApiReply;
class MerchantClient;

// 決済新規登録 (POST /v1/payments): the form's values and the rules the console checks while
// typing. The gateway decides; these checks only say early what it would refuse.
namespace Registration {

enum class Type { Card, Convenience, Atm, BankNet };
QString typeCode(Type type); // "02", "03", "01", "05"
Yen amountLimit(Type type);

// Card numbers: digits only (spaces and hyphens dropped), the brand from the BIN as the gateway
// names it ("VISA", "Mastercard", "JCB", "AMEX", "Diners"; empty when unknown), the Luhn check,
// and the number grouped as people read it (4-4-4-4; AMEX 4-6-5; Diners 4-6-4).
QString digitsOf(const QString &text);
QString brandOf(const QString &digits);
bool luhnValid(const QString &digits);
QString grouped(const QString &digits);
int cvcLength(const QString &brand);
// "1234 56** **** 3456": the first 6 and last 4 only.
QString masked(const QString &digits);

// Full-width katakana as the gateway wants 氏名カナ: hiragana and half-width katakana become
// full-width katakana, spaces collapse to one ideographic-width ASCII space.
QString toKatakana(const QString &text);
bool isKatakana(const QString &text);

// MM/YY → valid month and year (two digits); "1230" and "12/30" are both accepted.
bool parseExpiry(const QString &text, int *month, int *year);

// One field's refusal in the gateway's answer: "card.number", "check_digit", its message.
struct FieldError
{
    QString field;
    QString reason;
    QString message;
};

// What became of a registration.
struct Result
{
    bool ok = false;
    ApiError error;
    QList<FieldError> fields;   // 400: every refused field
    QString declineCode;        // 402: PAYGENT's detail code ("1G12")
    // 201: the new payment
    QString paymentId;
    QString tradingId;
    int status = 0;
    Yen amount = 0;
    QString institution;
    QString receiptNumber; // コンビニ 受付番号
    QString paymentNumber; // ATM お客様番号
    QDateTime dueTime;     // UTC
    QString cardBrand, cardBin, cardLast4;

    static Result fromReply(const ApiReply &reply);
};

// What the form holds when the user confirms: one registration's fields, by type.
struct Form
{
    Type type = Type::Card;
    QString tradingId;
    Yen amount = 0;
    // Card (02) only.
    QString cardNumber; // digits
    QString cvc;
    QString expiry;
    QString holder;
    bool capture = false;
    QString paymentClass = QStringLiteral("10");
    int splitCount = 0; // with payment class 61
    // コンビニ (03), 銀行ネット (05); due days for 01/03/05.
    QString chain;
    QString bank;
    int dueDays = 7;
    QString name, kana, phone, email; // optional for a card
};
// The body of POST /v1/payments as JSON text, written into one buffer reserved up front (never
// reallocated, so wiping it leaves no copy behind); the form's card number and code are
// overwritten on the way.
QByteArray requestBody(Form &form);

// The decline code in words, with what to do (1G02, 1G12, 1G44, 1G83…).
QString declineText(const QString &code);
// A field error in words (the gateway's English message when the reason is not known here).
QString fieldErrorText(const FieldError &error);
// A card number in a free-text field ("customer.name", "customer.email"): the refusal in words,
// naming the field and never repeating the value. The console says it before sending; the
// gateway refuses such a field with the reason "card_number".
QString cardNumberRefusal(const QString &field);

} // namespace Registration

// The request body of one registration, built once when the user confirms and sent again
// byte for byte under the same Idempotency-Key after a lost answer. It is the only place besides
// the form that holds the card number and security code: wipe() overwrites them, and the
// destructor wipes too.
class RegistrationRequest
{
public:
    RegistrationRequest() = default;
    ~RegistrationRequest() { wipe(); }
    RegistrationRequest(const RegistrationRequest &) = delete;
    RegistrationRequest &operator=(const RegistrationRequest &) = delete;

    // The body as JSON text; the caller wipes its QString inputs itself.
    void setBody(QByteArray body, QByteArray key);
    bool isEmpty() const { return m_body.isEmpty(); }
    const QByteArray &key() const { return m_key; }
    ApiReply *send(MerchantClient *client) const;
    void wipe();

    // Overwrites a string's characters in place with '0' (QString shares data: a copy shared
    // with others is only let go), then empties it.
    static void wipe(QString &text);
    static void wipe(QByteArray &bytes);
    // The overwrite alone; false when the data was shared and only let go.
    static bool overwrite(QString &text);
    static bool overwrite(QByteArray &bytes);

private:
    QByteArray m_body;
    QByteArray m_key;
};

} // namespace kessai
