#pragma once

#include "common/result.h"
#include "db/database.h"
#include "statements/settlementrules.h"
#include "statements/statementrecord.h"

#include <QDate>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace kessai::gateway {

// Settlement statements of a merchant: fee settings, closing the periods that have ended, and
// reading closed statements. Closing takes the money events of payment_events (to 40: a sale
// at its capture or 消込 time; 40 → 60: a cancel at its time) that no statement holds yet and
// happened before the period's end, so an event recorded late lands in the next open period
// and a closed statement never changes.
class StatementStore
{
public:
    explicit StatementStore(const Database &database);

    Result<FeeSchedule> feeSchedule(const QString &merchantId);
    Result<void> setFeeRate(const QString &merchantId, const QString &type, const SettlementRules::FeeRate &rate);
    Result<void> setTransferFee(const QString &merchantId, qint64 transferFee);

    // Writes the statements of every period of the merchant that has ended by `now`, oldest
    // first, in one transaction; returns how many. Idempotent and safe against a concurrent
    // call (the loser finds the statements written). Statements start with the period of the
    // merchant's first payment; a period without sales gets a statement too (no gaps).
    Result<int> closeDue(const QString &merchantId, qint64 now);
    Result<QStringList> merchantIds();

    Result<StatementPage> list(const QString &merchantId, const StatementListQuery &query);
    // With its per-method rows; nullopt when the merchant has no such statement.
    Result<std::optional<StatementRecord>> find(const QString &merchantId, qint64 statementId);
    // Lines in the order they entered the statement (event time, then event order).
    Result<StatementLinePage> lines(qint64 statementId, const StatementLineQuery &query);

private:
    Result<int> closeDueOnce(const QString &merchantId, qint64 now);

    const Database &m_database;
};

} // namespace kessai::gateway
