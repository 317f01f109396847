#include "wire.h"

#include "domain/japantime.h"
#include "domain/payment.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QTimeZone>

namespace kessai::gateway {

QString wireTime(qint64 utcSeconds)
{
    return toWireTime(QDateTime::fromSecsSinceEpoch(utcSeconds, Qt::UTC));
}

QJsonValue wireTimeOrNull(qint64 utcSeconds)
{
    if (utcSeconds <= 0)
        return QJsonValue(QJsonValue::Null);
    return wireTime(utcSeconds);
}

std::optional<qint64> parseQueryTime(const QString &text)
{
    static const QRegularExpression utc(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z\\z"));
    static const QRegularExpression date(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}\\z"));
    QDateTime time;
    if (utc.match(text).hasMatch()) {
        time = QDateTime::fromString(text, Qt::ISODate);
    } else if (date.match(text).hasMatch()) {
        const QDate day = QDate::fromString(text, Qt::ISODate);
        if (day.isValid())
            time = QDateTime(day, QTime(0, 0), QTimeZone(JapanTime::OffsetSeconds));
    }
    if (!time.isValid())
        return std::nullopt;
    const qint64 seconds = time.toSecsSinceEpoch();
    if (seconds < 0)
        return std::nullopt;
    return seconds;
}

} // namespace kessai::gateway
