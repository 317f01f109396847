#include "money.h"

#include <QLocale>

#include <limits>

namespace kessai {

QString formatYen(Yen amount, const QLocale &locale)
{
    // Grouping follows the locale's group separator but digits stay ASCII: accounting
    // staff copy these into spreadsheets.
    const bool negative = amount < 0;
    const quint64 magnitude = negative ? quint64(0) - quint64(amount) : quint64(amount);
    QString digits = QString::number(magnitude);
    const QString sep = locale.language() == QLocale::Japanese || locale.groupSeparator().isEmpty()
                            ? QStringLiteral(",")
                            : locale.groupSeparator();
    for (qsizetype i = digits.size() - 3; i > 0; i -= 3)
        digits.insert(i, sep);
    const QString sign = negative ? QStringLiteral("-") : QString();
    if (locale.language() == QLocale::Japanese)
        return sign + digits + QStringLiteral("円");
    return sign + QStringLiteral("¥") + digits;
}

bool parseYen(const QString &text, Yen *amount)
{
    QString digits;
    digits.reserve(text.size());
    bool negative = false;
    bool seenDigit = false;
    for (const QChar ch : text.trimmed()) {
        const char16_t u = ch.unicode();
        if (u >= u'0' && u <= u'9') {
            digits.append(ch);
            seenDigit = true;
        } else if (u >= u'０' && u <= u'９') {
            digits.append(QChar(u'0' + (u - u'０')));
            seenDigit = true;
        } else if (u == u',' || u == u'，' || u == u'¥' || u == u'￥' || u == u'円' || u == u' ') {
            continue;
        } else if ((u == u'-' || u == u'−') && !seenDigit && !negative) {
            negative = true;
        } else {
            return false;
        }
    }
    if (digits.isEmpty() || digits.size() > 18)
        return false;
    bool ok = false;
    const qint64 value = digits.toLongLong(&ok);
    if (!ok)
        return false;
    *amount = negative ? -value : value;
    return true;
}

} // namespace kessai
