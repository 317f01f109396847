#pragma once

#include "common/result.h"
#include "db/database.h"
#include "db/transaction.h"
#include "domain/payment.h"
#include "payments/paymentfilter.h"
#include "payments/paymentrecord.h"

#include <QList>
#include <QSqlQuery>
#include <QString>
#include <QStringList>

#include <optional>

namespace kessai::gateway {

class PaymentStore
{
public:
    static constexpr qint64 FirstPaymentId = 100000000000000001LL;

    explicit PaymentStore(const Database &database);

    Result<PaymentPage> search(const QString &merchantId, const PaymentFilter &filter);
    // The number of payments matching the filter; its cursor, limit and sort do not matter.
    Result<qint64> count(const QString &merchantId, const PaymentFilter &filter);
    // The count and the summed amount of the same payments (the result table's total line).
    Result<std::pair<qint64, qint64>> countAndSum(const QString &merchantId, const PaymentFilter &filter);
    // One payment of this merchant with its events; nullopt for an unknown id or another
    // merchant's payment.
    Result<std::optional<PaymentDetail>> find(const QString &merchantId, qint64 paymentId);
    Result<qint64> maxPaymentId();

    // The selectivity probes the search planner ran in this process (not those it took from its
    // cache of recent ones): for tests.
    static qint64 probesRun();

    // Fast bulk loading in one transaction with two prepared statements reused for every row
    // (SQLite) or for every BatchRows rows, each column bound as one array (PostgreSQL, where
    // every statement is a round trip). The search indexes are dropped first and built once at
    // the end.
    class BulkLoader
    {
    public:
        explicit BulkLoader(const Database &database);
        ~BulkLoader();
        BulkLoader(const BulkLoader &) = delete;
        BulkLoader &operator=(const BulkLoader &) = delete;

        Result<void> begin(qint64 now);
        Result<void> add(const PaymentRecord &payment);
        Result<void> addEvent(const PaymentEventRecord &event);
        Result<void> finish();

        static constexpr int BatchRows = 1000;

    private:
        Result<void> flush();

        const Database &m_database;
        QSqlDatabase m_db;
        std::optional<Transaction> m_transaction;
        std::optional<QSqlQuery> m_insertPayment;
        std::optional<QSqlQuery> m_insertEvent;
        qint64 m_now = 0;
        bool m_relaxedDurability = false;
        bool m_batched = false;       // PostgreSQL
        QVariantList m_pendingPayments; // batched rows' values, row after row
        QVariantList m_pendingEvents;
    };

private:
    const Database &m_database;
};

} // namespace kessai::gateway
