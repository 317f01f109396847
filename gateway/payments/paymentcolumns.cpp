#include "paymentcolumns.h"
#include "paymentstatemachine.h"

#include <QDateTime>
#include <QStringList>
#include <QVariant>

#include <array>

namespace kessai::gateway {

namespace {

constexpr size_t ColumnCount = static_cast<size_t>(PaymentColumn::FoldedCustomer) + 1;

QDateTime fromEpoch(const QVariant &value)
{
    if (value.isNull())
        return {};
    return QDateTime::fromSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

} // namespace

QLatin1StringView PaymentColumns::name(PaymentColumn column)
{
    switch (column) {
    case PaymentColumn::PaymentId:
        return QLatin1StringView("payment_id");
    case PaymentColumn::MerchantId:
        return QLatin1StringView("merchant_id");
    case PaymentColumn::TradingId:
        return QLatin1StringView("trading_id");
    case PaymentColumn::Type:
        return QLatin1StringView("type");
    case PaymentColumn::Status:
        return QLatin1StringView("status");
    case PaymentColumn::Amount:
        return QLatin1StringView("amount");
    case PaymentColumn::AuthorizedAmount:
        return QLatin1StringView("authorized_amount");
    case PaymentColumn::Institution:
        return QLatin1StringView("institution");
    case PaymentColumn::TradeTime:
        return QLatin1StringView("trade_time");
    case PaymentColumn::DueTime:
        return QLatin1StringView("due_time");
    case PaymentColumn::ClearedTime:
        return QLatin1StringView("cleared_time");
    case PaymentColumn::BasePaymentId:
        return QLatin1StringView("base_payment_id");
    case PaymentColumn::CardBrand:
        return QLatin1StringView("card_brand");
    case PaymentColumn::CardBin:
        return QLatin1StringView("card_bin");
    case PaymentColumn::CardLast4:
        return QLatin1StringView("card_last4");
    case PaymentColumn::CardExpiry:
        return QLatin1StringView("card_expiry");
    case PaymentColumn::CustomerName:
        return QLatin1StringView("customer_name");
    case PaymentColumn::CustomerKana:
        return QLatin1StringView("customer_kana");
    case PaymentColumn::CustomerEmail:
        return QLatin1StringView("customer_email");
    case PaymentColumn::CustomerPhone:
        return QLatin1StringView("customer_phone");
    case PaymentColumn::ReceiptNumber:
        return QLatin1StringView("receipt_number");
    case PaymentColumn::PaymentNumber:
        return QLatin1StringView("payment_number");
    case PaymentColumn::CreatedAt:
        return QLatin1StringView("created_at");
    case PaymentColumn::UpdatedAt:
        return QLatin1StringView("updated_at");
    case PaymentColumn::DeadlineAt:
        return QLatin1StringView("deadline_at");
    case PaymentColumn::PaymentClass:
        return QLatin1StringView("payment_class");
    case PaymentColumn::SplitCount:
        return QLatin1StringView("split_count");
    case PaymentColumn::FoldedCustomer:
        return QLatin1StringView("customer_fold");
    }
    return {};
}

QLatin1StringView PaymentColumns::postgresType(PaymentColumn column)
{
    switch (column) {
    case PaymentColumn::Status:
    case PaymentColumn::SplitCount:
        return QLatin1StringView("integer");
    case PaymentColumn::PaymentId:
    case PaymentColumn::Amount:
    case PaymentColumn::AuthorizedAmount:
    case PaymentColumn::TradeTime:
    case PaymentColumn::DueTime:
    case PaymentColumn::ClearedTime:
    case PaymentColumn::BasePaymentId:
    case PaymentColumn::CreatedAt:
    case PaymentColumn::UpdatedAt:
    case PaymentColumn::DeadlineAt:
        return QLatin1StringView("bigint");
    case PaymentColumn::MerchantId:
    case PaymentColumn::TradingId:
    case PaymentColumn::Type:
    case PaymentColumn::Institution:
    case PaymentColumn::CardBrand:
    case PaymentColumn::CardBin:
    case PaymentColumn::CardLast4:
    case PaymentColumn::CardExpiry:
    case PaymentColumn::CustomerName:
    case PaymentColumn::CustomerKana:
    case PaymentColumn::CustomerEmail:
    case PaymentColumn::CustomerPhone:
    case PaymentColumn::ReceiptNumber:
    case PaymentColumn::PaymentNumber:
    case PaymentColumn::PaymentClass:
    case PaymentColumn::FoldedCustomer:
        break;
    }
    return QLatin1StringView("text");
}

QString PaymentColumns::names(const QList<PaymentColumn> &columns)
{
    QString joined;
    for (const PaymentColumn column : columns) {
        if (!joined.isEmpty())
            joined += QStringLiteral(", ");
        joined += name(column);
    }
    return joined;
}

QString PaymentColumns::insert(const QList<PaymentColumn> &columns)
{
    return QStringLiteral("INSERT INTO payments (") + names(columns) + QStringLiteral(") VALUES (")
           + placeholders(columns.size()) + u')';
}

const QList<PaymentColumn> &PaymentColumns::wire()
{
    using enum PaymentColumn;
    static const QList<PaymentColumn> columns = {
        PaymentId, TradingId,     Type,      Status,    Amount,     Institution,  TradeTime,    DueTime,       ClearedTime,
        BasePaymentId, CardBrand, CardBin,   CardLast4, CardExpiry, CustomerName, CustomerKana, CustomerEmail, CustomerPhone,
    };
    return columns;
}

const QString &PaymentColumns::wireNames()
{
    static const QString joined = names(wire());
    return joined;
}

int columnIndex(const QList<PaymentColumn> &columns, PaymentColumn column)
{
    return static_cast<int>(columns.indexOf(column));
}

Payment readPayment(const QSqlQuery &q)
{
    using enum PaymentColumn;
    // A page reads up to 1,000 rows: the positions are looked up once.
    static const std::array<int, ColumnCount> positions = [] {
        std::array<int, ColumnCount> found{};
        found.fill(-1);
        const QList<PaymentColumn> &columns = PaymentColumns::wire();
        for (qsizetype i = 0; i < columns.size(); ++i)
            found[static_cast<size_t>(columns.at(i))] = static_cast<int>(i);
        return found;
    }();
    const auto value = [&](PaymentColumn column) { return q.value(positions[static_cast<size_t>(column)]); };
    Payment p;
    p.paymentId = QString::number(value(PaymentId).toLongLong());
    p.tradingId = value(TradingId).toString();
    p.type = value(Type).toString();
    p.status = value(Status).toInt();
    p.amount = value(Amount).toLongLong();
    p.institution = value(Institution).toString();
    p.tradeTime = fromEpoch(value(TradeTime));
    p.dueTime = fromEpoch(value(DueTime));
    p.clearedTime = fromEpoch(value(ClearedTime));
    if (const QVariant base = value(BasePaymentId); !base.isNull())
        p.basePaymentId = QString::number(base.toLongLong());
    p.card.brand = value(CardBrand).toString();
    p.card.bin = value(CardBin).toString();
    p.card.last4 = value(CardLast4).toString();
    p.card.expiry = value(CardExpiry).toString();
    p.customer.name = value(CustomerName).toString();
    p.customer.kana = value(CustomerKana).toString();
    p.customer.email = value(CustomerEmail).toString();
    p.customer.phone = value(CustomerPhone).toString();
    // A card authorization says when it lapses (オーソリ有効期限), by the state machine's rule.
    if (p.type == QLatin1String("02") && p.status == PaymentStateMachine::initialStatus(p.type)) {
        const PaymentStateMachine::Times times{p.tradeTime.isValid() ? p.tradeTime.toSecsSinceEpoch() : 0, 0, 0};
        if (const auto lapses = PaymentStateMachine::deadline(p.type, p.status, times))
            p.authExpiresTime = QDateTime::fromSecsSinceEpoch(*lapses, Qt::UTC);
    }
    return p;
}

QString placeholders(qsizetype count)
{
    QStringList marks;
    marks.reserve(count);
    for (qsizetype i = 0; i < count; ++i)
        marks.append(QStringLiteral("?"));
    return marks.join(u',');
}

} // namespace kessai::gateway
