#include "japantime.h"

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

} // namespace kessai::JapanTime
