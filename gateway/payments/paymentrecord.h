#pragma once

#include "common/result.h"
#include "domain/payment.h"

#include <QList>
#include <QSqlQuery>
#include <QString>
#include <QStringList>

#include <optional>

namespace kessai::gateway {

// Payments as stored: the detail with its event history, and the rows a bulk load writes.

struct PaymentEvent
{
    qint64 at = 0;
    QString actor;
    int fromStatus = 0; // 0 = created
    int toStatus = 0;
    qint64 amount = 0;  // 0 = not recorded
};

// Everything GET /v1/payments/{id} shows about one payment.
struct PaymentDetail
{
    Payment payment;
    qint64 authorizedAmount = 0; // 0 = none
    QString receiptNumber;       // CVS 受付番号
    QString paymentNumber;       // ATM お客様番号 (Pay-easy)
    QString paymentClass;        // card 支払区分 (10, 61, 23, 80) when registered by hand
    int splitCount = 0;          // 0 = none
    qint64 replacedBy = 0;       // the payment an amount change replaced this one with; 0 = none
    QList<PaymentEvent> events;  // oldest first
};

// One payment row as stored; used by the demo generator and (later) registration.
struct PaymentRecord
{
    qint64 paymentId = 0;
    QString merchantId;
    QString tradingId;
    QString type;
    int status = 0;
    qint64 amount = 0;
    qint64 authorizedAmount = 0; // 0 = none (not a card)
    QString institution;
    qint64 tradeTime = 0;
    qint64 dueTime = 0;     // 0 = none
    qint64 clearedTime = 0; // 0 = none
    qint64 basePaymentId = 0;
    CardInfo card;
    Customer customer;
    QString receiptNumber; // CVS only
    QString paymentNumber; // ATM only
};

struct PaymentEventRecord
{
    qint64 paymentId = 0;
    qint64 at = 0;
    QString actor;
    int fromStatus = 0; // 0 = created
    int toStatus = 0;
    qint64 amount = 0;
};

} // namespace kessai::gateway
