#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>

namespace kessai::JapanTime {

// Kessai shows every time in Japan Standard Time, whatever the machine's zone: the merchant's
// business day, the gateway's date filters (a plain date is 00:00 JST), statements and payouts
// all run on it. Japan has had no daylight saving time since 1951, so JST is UTC+9, always.
constexpr int OffsetSeconds = 9 * 3600;

// The calendar date in Japan of an instant (seconds since the epoch, UTC).
QDate dateOf(qint64 utcSeconds);
// Today in Japan.
QDate today();
// An instant as a QDateTime at UTC+9 (for widgets that want a QDateTime).
QDateTime toJapan(const QDateTime &instant);
// "yyyy/MM/dd HH:mm:ss", or "yyyy/MM/dd" with dateOnly, in JST, digits written by hand (this is
// called three times a row when a million rows are exported). Empty for 0 ("not set").
QString format(qint64 utcSeconds, bool dateOnly = false);
// The same for a QDateTime; empty for an invalid one.
QString format(const QDateTime &instant, bool dateOnly = false);

// A date as people in Japan type it: 2026/11/01, 2026-11-1, 2026.11.01, 20261101, 2026年11月1日,
// 令和8年11月1日 or R8/11/1, and 11/01 or 11月1日 (in thisYear); full-width digits and slashes
// too. An invalid date for anything else, or for a day that does not exist.
QDate parseDate(const QString &text, int thisYear);

} // namespace kessai::JapanTime
