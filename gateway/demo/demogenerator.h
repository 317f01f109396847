#pragma once

#include "common/result.h"

#include <QString>

namespace kessai::gateway {

// Generates a merchant's payment history: card / コンビニ / ATM / 銀行ネット payments in their
// realistic states over the last 13 months, with events, plus PAYGENT's five brochure payments
// (paygent01 … paygent05). The same seed and day give the same data.
class DemoGenerator
{
public:
    static constexpr int BrochurePayments = 5;

    struct Options
    {
        QString merchantId;
        qint64 count = 2000; // including the five brochure payments; at least 5
        quint64 seed = 1;
        qint64 now = 0;      // UTC epoch seconds
    };

    // Loads the payments into the database in one transaction; returns how many were written.
    static Result<qint64> generate(class PaymentStore &store, const class Database &database, const Options &options);
};

} // namespace kessai::gateway
