#pragma once

#include "domain/payment.h"

#include <QSqlQuery>
#include <QString>

namespace kessai::gateway {

// The columns a Payment is read from, in readPayment's order: every SELECT of payments for
// the wire uses this list, so a new column is added in one place.
extern const QString PaymentColumns;
// How many columns PaymentColumns names; a query may select more after them (a sort key).
constexpr int PaymentColumnCount = 18;

// The Payment of the current row of a query that selected PaymentColumns first.
Payment readPayment(const QSqlQuery &q);

// n positional placeholders: ?,?,?
QString placeholders(qsizetype count);

} // namespace kessai::gateway
