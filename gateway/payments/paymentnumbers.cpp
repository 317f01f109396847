#include "paymentnumbers.h"

namespace kessai::gateway::PaymentNumbers {

namespace {

// Unsigned: the product wraps by design (signed overflow would be undefined).
qint64 scrambled(qint64 paymentId)
{
    return qint64((quint64(paymentId) * 2654435761ULL) % 100000000000ULL);
}

} // namespace

QString receiptNumber(qint64 paymentId)
{
    return QStringLiteral("%1").arg(scrambled(paymentId), 11, 10, QLatin1Char('0'));
}

QString atmPaymentNumber(qint64 paymentId)
{
    return QStringLiteral("%1").arg(scrambled(paymentId) % 10000000000LL, 10, 10, QLatin1Char('0')) + QStringLiteral("58191");
}

} // namespace kessai::gateway::PaymentNumbers
