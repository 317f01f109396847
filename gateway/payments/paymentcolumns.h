#pragma once

#include "domain/payment.h"

#include <QLatin1StringView>
#include <QList>
#include <QSqlQuery>
#include <QString>

namespace kessai::gateway {

// The columns of the payments table, named once. Every SELECT and INSERT of payments lists the
// columns it needs from here, and reads them back by the same names.
enum class PaymentColumn {
    PaymentId,
    MerchantId,
    TradingId,
    Type,
    Status,
    Amount,
    AuthorizedAmount,
    Institution,
    TradeTime,
    DueTime,
    ClearedTime,
    BasePaymentId,
    CardBrand,
    CardBin,
    CardLast4,
    CardExpiry,
    CustomerName,
    CustomerKana,
    CustomerEmail,
    CustomerPhone,
    ReceiptNumber,
    PaymentNumber,
    CreatedAt,
    UpdatedAt,
    DeadlineAt,
    PaymentClass,
    SplitCount,
    FoldedCustomer, // the customer search's folded text (CustomerFold::searchText), never on the wire
};

namespace PaymentColumns {

QLatin1StringView name(PaymentColumn column);
// The PostgreSQL type a column is bound as in an array (bigint, integer or text).
QLatin1StringView postgresType(PaymentColumn column);
// "a, b, c"
QString names(const QList<PaymentColumn> &columns);
// "INSERT INTO payments (a, b, c) VALUES (?,?,?)"
QString insert(const QList<PaymentColumn> &columns);

// What a Payment (the wire record) is read from, in this order; a query may select more
// columns after them (a sort key, the detail's extras).
const QList<PaymentColumn> &wire();
// names(wire())
const QString &wireNames();

} // namespace PaymentColumns

// The position of column in columns (the order a query selected them in).
int columnIndex(const QList<PaymentColumn> &columns, PaymentColumn column);

// The Payment of the current row of a query that selected PaymentColumns::wire() first.
Payment readPayment(const QSqlQuery &q);

// n positional placeholders: ?,?,?
QString placeholders(qsizetype count);

} // namespace kessai::gateway
