#include "cardrules.h"

#include "domain/japantime.h"

#include <QDate>
#include <QDateTime>
#include <QRegularExpression>

namespace kessai::gateway::CardRules {

namespace {

bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

int prefix(const QString &digits, int length)
{
    return digits.size() >= length ? digits.left(length).toInt() : -1;
}

} // namespace

std::optional<QString> normalizedNumber(const QString &typed)
{
    QString digits;
    digits.reserve(typed.size());
    for (QChar c : typed) {
        if (isAsciiDigit(c))
            digits.append(c);
        else if (c != u' ' && c != u'-')
            return std::nullopt;
    }
    return digits;
}

bool luhnValid(const QString &digits)
{
    if (digits.isEmpty())
        return false;
    int sum = 0;
    bool doubled = false;
    for (qsizetype i = digits.size() - 1; i >= 0; --i) {
        const QChar c = digits.at(i);
        if (!isAsciiDigit(c))
            return false;
        int digit = c.unicode() - u'0';
        if (doubled) {
            digit *= 2;
            if (digit > 9)
                digit -= 9;
        }
        sum += digit;
        doubled = !doubled;
    }
    return sum % 10 == 0;
}

QString brandFromNumber(const QString &digits)
{
    const int one = prefix(digits, 1);
    const int two = prefix(digits, 2);
    const int three = prefix(digits, 3);
    const int four = prefix(digits, 4);
    if (two == 34 || two == 37)
        return QStringLiteral("AMEX");
    if (four >= 3528 && four <= 3589)
        return QStringLiteral("JCB");
    if (two == 36 || two == 38 || (three >= 300 && three <= 305))
        return QStringLiteral("Diners");
    if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720))
        return QStringLiteral("Mastercard");
    if (one == 4)
        return QStringLiteral("VISA");
    return {};
}

QString Expiry::text() const
{
    return QStringLiteral("%1/%2").arg(month, 2, 10, QLatin1Char('0')).arg(year % 100, 2, 10, QLatin1Char('0'));
}

std::optional<Expiry> parseExpiry(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^([0-9]{2})/?([0-9]{2})\\z"));
    const auto match = pattern.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    Expiry expiry;
    expiry.month = match.captured(1).toInt();
    expiry.year = 2000 + match.captured(2).toInt();
    if (expiry.month < 1 || expiry.month > 12)
        return std::nullopt;
    return expiry;
}

bool expiryNotPast(const Expiry &expiry, qint64 nowUtcSeconds)
{
    const QDate today = QDateTime::fromSecsSinceEpoch(nowUtcSeconds + JapanTime::OffsetSeconds, Qt::UTC).date();
    return today.year() < expiry.year || (today.year() == expiry.year && today.month() <= expiry.month);
}

int cvcLength(const QString &brand)
{
    return brand == QLatin1String("AMEX") ? 4 : 3;
}

bool cvcValid(const QString &cvc, const QString &brand)
{
    if (cvc.size() != cvcLength(brand))
        return false;
    for (QChar c : cvc) {
        if (!isAsciiDigit(c))
            return false;
    }
    return true;
}

std::optional<QString> normalizedHolder(const QString &typed)
{
    static const QRegularExpression allowed(QStringLiteral("^[A-Za-z.'\\-]+( [A-Za-z.'\\-]+)*\\z"));
    const QString holder = typed.simplified().toUpper();
    if (holder.isEmpty() || holder.size() > MaxHolderLength || !allowed.match(holder).hasMatch())
        return std::nullopt;
    return holder;
}

} // namespace kessai::gateway::CardRules
