#pragma once

#include "domain/payment.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <variant>

namespace kessai::gateway {

// POST /v1/payments (新規マニュアル登録) before anything is stored: the body's fields checked
// one by one against docs/api.md, with one error per offending field. Pure: the caller passes
// the payment clock's now (card expiry, due dates).
namespace RegistrationRules {

constexpr int MinDueDays = 1;
constexpr int MaxDueDays = 60;
constexpr int MaxNameLength = 40;

// PAYGENT's payment classes (支払区分) for cards.
const QString LumpSum = QStringLiteral("10");     // 一括
const QString Installments = QStringLiteral("61"); // 分割
const QString Bonus = QStringLiteral("23");        // ボーナス一括
const QString Revolving = QStringLiteral("80");    // リボ

struct FieldError
{
    QString field;   // "card.number", "customer.kana", "amount"
    QString reason;  // missing, invalid, out_of_range, check_digit, unknown_brand, expired, not_allowed, unknown_field
    QString message; // English; never contains the value
};

// A code the client sends and the institution name the gateway stores (CVS chains, banks).
struct Choice
{
    QString code;
    QString name;
};

const QList<Choice> &cvsChains();
const QList<Choice> &banks();
const QList<int> &splitCounts();
// The payment types that can be registered and their amount limit; 0 for others.
qint64 maxAmount(const QString &type);
// Pay-easy (ATM) payments carry this institution name.
QString atmInstitution();

// A valid registration. cardNumber and cvc live only in memory, for the issuer.
struct Registration
{
    QString type;
    QString tradingId;
    qint64 amount = 0;
    QString institution; // card brand, CVS chain, bank; ATM: Pay-easy
    // 02
    QString cardNumber; // digits only
    QString cvc;
    QString holder;
    CardInfo card; // brand, first 6, last 4, expiry "MM/YY": what is stored
    QString paymentClass;
    int splitCount = 0; // 61 only
    bool capture = false;
    // 01, 03, 05 (optional on 02)
    Customer customer; // phone: digits only
    int dueDays = 0;
};

std::variant<Registration, QList<FieldError>> parse(const QJsonObject &body, qint64 now);

// True when some required field is missing (the answer is then bad_request, else
// invalid_parameter).
bool anyMissing(const QList<FieldError> &errors);

// The payment deadline of a payment registered at `now` with `dueDays`: the last second of
// that day, Japan time (JST), counted from today in Japan.
qint64 dueTime(qint64 now, int dueDays);

// The body as the idempotency hash sees it: card.number and card.cvc replaced by keyed
// HMAC-SHA256 digests, so the stored request hash cannot be reversed to the card number by
// trying every number that fits its stored first 6 / last 4.
QJsonObject digestedForHash(const QJsonObject &body, const QByteArray &key);

} // namespace RegistrationRules

} // namespace kessai::gateway
