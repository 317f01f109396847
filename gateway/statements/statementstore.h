#pragma once

#include "common/result.h"
#include "db/database.h"
#include "statements/settlementrules.h"

#include <QDate>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace kessai::gateway {

// A merchant's fees: its own rows per payment type over SettlementRules' defaults.
struct FeeSchedule
{
    QMap<QString, SettlementRules::FeeRate> rates; // stored rows only
    qint64 transferFee = SettlementRules::DefaultTransferFee;

    SettlementRules::FeeRate rateFor(const QString &type) const
    {
        return rates.value(type, SettlementRules::defaultFeeRate(type));
    }
};

// A closed statement (支払明細) as stored; never changed after it was written.
struct StatementRecord
{
    qint64 statementId = 0;
    QString merchantId;
    SettlementRules::Period period;
    qint64 closedAt = 0;
    qint64 lineCount = 0;
    SettlementRules::StatementFigures figures; // methods only filled by find()
};

struct StatementLineRecord
{
    qint64 lineId = 0;
    qint64 paymentId = 0;
    QString tradingId;
    QString type;
    QString kind; // sale, cancel (later: chargeback, fee, adjustment…)
    qint64 at = 0; // when the event happened (capture, 消込, cancel)
    qint64 amount = 0; // signed
    qint64 fee = 0;    // signed
};

struct StatementListQuery
{
    std::optional<QDate> payoutFrom; // inclusive
    std::optional<QDate> payoutTo;   // exclusive
    std::optional<qint64> beforePeriodStart; // keyset: statements of earlier periods
    int limit = 100;
};

struct StatementPage
{
    QList<StatementRecord> items;
    bool more = false;
};

struct StatementLineQuery
{
    QStringList types; // empty = all
    std::optional<qint64> afterLineId;
    int limit = 100;
};

struct StatementLinePage
{
    QList<StatementLineRecord> items;
    bool more = false;
};

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
