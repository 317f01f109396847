#pragma once

#include "common/result.h"
#include "statements/settlementrules.h"

#include <QDate>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace kessai::gateway {

// Statements, their lines and fee schedules as stored, and the queries and pages that read them.

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
    QStringList kinds; // "sale", "cancel"; empty = all
    std::optional<qint64> afterLineId;
    int limit = 100;
};

struct StatementLinePage
{
    QList<StatementLineRecord> items;
    bool more = false;
};

} // namespace kessai::gateway
