#pragma once

#include <QString>

#include <optional>

namespace kessai::gateway {

// The card checks of a manual registration that need nothing but the input: number format,
// Luhn check digit, brand from the BIN, expiry, security code length, holder name. The full
// number passes through here in memory only; nothing in this unit stores or logs it.
namespace CardRules {

constexpr int MinNumberLength = 14;
constexpr int MaxNumberLength = 19;
constexpr int MaxHolderLength = 45;

// The digits of a typed card number with spaces and hyphens removed; nullopt when anything
// else is in it. The length is not checked here.
std::optional<QString> normalizedNumber(const QString &typed);
// True when the digits pass the Luhn (mod 10) check.
bool luhnValid(const QString &digits);
// VISA, Mastercard, JCB, AMEX, Diners (the names the gateway stores); empty for an unknown BIN.
QString brandFromNumber(const QString &digits);

struct Expiry
{
    int month = 0; // 1-12
    int year = 0;  // four digits
    QString text() const; // "MM/YY"
};
// "MM/YY" (also "MMYY"); nullopt for any other form or a month outside 1-12.
std::optional<Expiry> parseExpiry(const QString &text);
// A card is valid through the last second of its expiry month, Japan time (JST, UTC+9).
bool expiryNotPast(const Expiry &expiry, qint64 nowUtcSeconds);

// The security code's length for a brand: 4 for AMEX, 3 otherwise.
int cvcLength(const QString &brand);
bool cvcValid(const QString &cvc, const QString &brand);

// The holder as it is embossed: ASCII letters and single spaces, upper-cased, trimmed; also
// accepts '.', '-' and '\''. nullopt when empty, too long or anything else is in it.
std::optional<QString> normalizedHolder(const QString &typed);

} // namespace CardRules

} // namespace kessai::gateway
