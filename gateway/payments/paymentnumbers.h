#pragma once

#include <QString>

namespace kessai::gateway {

// The numbers a customer pays with, derived from the payment id: the demo data and manual
// registration issue them the same way, so a seed gives the same data as gateway 0.1.
namespace PaymentNumbers {

QString receiptNumber(qint64 paymentId); // コンビニ 受付番号: 11 digits
QString atmPaymentNumber(qint64 paymentId); // ATM (Pay-easy) お客様番号: 15 digits

} // namespace PaymentNumbers

} // namespace kessai::gateway
