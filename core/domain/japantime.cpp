#include "japantime.h"

#include <QRegularExpression>

#include <cstdio>

namespace kessai::JapanTime {

namespace {

qint64 floorDiv(qint64 a, qint64 b)
{
    return a >= 0 ? a / b : (a - b + 1) / b;
}

} // namespace

QDate dateOf(qint64 utcSeconds)
{
    return QDate(1970, 1, 1).addDays(floorDiv(utcSeconds + OffsetSeconds, 86400));
}

QDate today()
{
    return dateOf(QDateTime::currentSecsSinceEpoch());
}

QDateTime toJapan(const QDateTime &instant)
{
    return instant.isValid() ? instant.toOffsetFromUtc(OffsetSeconds) : QDateTime();
}

QString format(qint64 utcSeconds, bool dateOnly)
{
    if (utcSeconds == 0)
        return {};
    const qint64 local = utcSeconds + OffsetSeconds;
    const qint64 days = floorDiv(local, 86400);
    const qint64 secondOfDay = local - days * 86400;
    const QDate date = QDate(1970, 1, 1).addDays(days);
    char buffer[40];
    const int length = std::snprintf(buffer, sizeof buffer, "%04d/%02d/%02d %02d:%02d:%02d", date.year(), date.month(),
                                     date.day(), int(secondOfDay / 3600), int(secondOfDay / 60 % 60),
                                     int(secondOfDay % 60));
    return QString::fromLatin1(buffer, dateOnly ? 10 : length);
}

QString format(const QDateTime &instant, bool dateOnly)
{
    return instant.isValid() ? format(instant.toSecsSinceEpoch(), dateOnly) : QString();
}

QDate parseDate(const QString &text, int thisYear)
{
    // Full-width digits and punctuation become ASCII; spaces do not matter.
    QString t = text.normalized(QString::NormalizationForm_KC);
    t.remove(u' ');
    if (t.isEmpty())
        return {};
    static const QRegularExpression full(QStringLiteral(R"(^(\d{4})[/.\-](\d{1,2})[/.\-](\d{1,2})$)"));
    static const QRegularExpression compact(QStringLiteral(R"(^(\d{4})(\d{2})(\d{2})$)"));
    static const QRegularExpression kanji(QStringLiteral(R"(^(\d{4})年(\d{1,2})月(\d{1,2})日?$)"));
    static const QRegularExpression reiwa(QStringLiteral(R"(^(?:令和|[Rr])(\d{1,2}|元)[年/.\-](\d{1,2})[月/.\-](\d{1,2})日?$)"));
    static const QRegularExpression monthDay(QStringLiteral(R"(^(\d{1,2})(?:/|月)(\d{1,2})日?$)"));
    for (const QRegularExpression *form : {&full, &compact, &kanji}) {
        const QRegularExpressionMatch m = form->match(t);
        if (m.hasMatch())
            return QDate(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    }
    if (const QRegularExpressionMatch m = reiwa.match(t); m.hasMatch()) {
        const int year = m.captured(1) == QStringLiteral("元") ? 1 : m.captured(1).toInt();
        if (year < 1)
            return {};
        return QDate(2018 + year, m.captured(2).toInt(), m.captured(3).toInt()); // 令和元年 = 2019
    }
    if (const QRegularExpressionMatch m = monthDay.match(t); m.hasMatch())
        return QDate(thisYear, m.captured(1).toInt(), m.captured(2).toInt());
    return {};
}

} // namespace kessai::JapanTime
