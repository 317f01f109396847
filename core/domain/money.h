#pragma once

#include <QString>
#include <QtGlobal>

class QLocale;

namespace kessai {

// Yen amounts are whole numbers: qint64, never double.
using Yen = qint64;

// "1,200円" in Japanese, "¥1,200" otherwise; negative amounts keep their sign in front.
QString formatYen(Yen amount, const QLocale &locale);

// Parses "1,200", "¥1,200", "1200円", full-width digits; false on anything else or overflow.
bool parseYen(const QString &text, Yen *amount);

} // namespace kessai
