#include "paymentrows.h"

#include "db/rowcursor.h"
#include "domain/jsonwriter.h"
#include "payments/paymentcolumns.h"

#include <QDateTime>

namespace kessai::gateway {

namespace {

using enum PaymentColumn;

// Where each column of PaymentColumns::wire() is in a row, looked up once.
int at(PaymentColumn column)
{
    static const std::array<int, size_t(FoldedCustomer) + 1> positions = [] {
        std::array<int, size_t(FoldedCustomer) + 1> found{};
        found.fill(-1);
        const QList<PaymentColumn> &columns = PaymentColumns::wire();
        for (qsizetype i = 0; i < columns.size(); ++i)
            found[size_t(columns.at(i))] = int(i);
        return found;
    }();
    return positions[size_t(column)];
}

constexpr std::array<PaymentColumn, 11> TextColumns = {TradingId,  Type,         Institution,  CardBrand,
                                                       CardBin,    CardLast4,    CardExpiry,   CustomerName,
                                                       CustomerKana, CustomerEmail, CustomerPhone};

QString qstring(QByteArrayView utf8)
{
    return QString::fromUtf8(utf8);
}

QDateTime utc(std::optional<qint64> seconds)
{
    return seconds ? QDateTime::fromSecsSinceEpoch(*seconds, Qt::UTC) : QDateTime();
}

} // namespace

void PaymentRows::append(const RowCursor &row)
{
    Row r;
    r.paymentId = row.integer(at(PaymentId));
    r.status = int(row.integer(at(Status)));
    r.amount = row.integer(at(Amount));
    const auto time = [&](PaymentColumn column, qint64 &into, Present flag) {
        if (!row.isNull(at(column))) {
            into = row.integer(at(column));
            r.present |= flag;
        }
    };
    time(TradeTime, r.tradeTime, HasTradeTime);
    time(DueTime, r.dueTime, HasDueTime);
    time(ClearedTime, r.clearedTime, HasClearedTime);
    time(BasePaymentId, r.basePaymentId, HasBase);
    for (size_t k = 0; k < TextCount; ++k) {
        r.textAt[k] = quint32(m_texts.size());
        m_texts.append(row.text(at(TextColumns[k])));
    }
    r.textAt[TextCount] = quint32(m_texts.size());
    m_rows.push_back(r);
}

void PaymentRows::clear()
{
    m_rows.clear();
    m_texts.clear();
}

std::optional<qint64> PaymentRows::tradeTime(qsizetype i) const
{
    const Row &r = m_rows[size_t(i)];
    return (r.present & HasTradeTime) ? std::optional<qint64>(r.tradeTime) : std::nullopt;
}

std::optional<qint64> PaymentRows::dueTime(qsizetype i) const
{
    const Row &r = m_rows[size_t(i)];
    return (r.present & HasDueTime) ? std::optional<qint64>(r.dueTime) : std::nullopt;
}

std::optional<qint64> PaymentRows::clearedTime(qsizetype i) const
{
    const Row &r = m_rows[size_t(i)];
    return (r.present & HasClearedTime) ? std::optional<qint64>(r.clearedTime) : std::nullopt;
}

std::optional<qint64> PaymentRows::basePaymentId(qsizetype i) const
{
    const Row &r = m_rows[size_t(i)];
    return (r.present & HasBase) ? std::optional<qint64>(r.basePaymentId) : std::nullopt;
}

QByteArrayView PaymentRows::text(qsizetype i, Text field) const
{
    const Row &r = m_rows[size_t(i)];
    const auto k = size_t(field);
    return QByteArrayView(m_texts.constData() + r.textAt[k], qsizetype(r.textAt[k + 1] - r.textAt[k]));
}

QString PaymentRows::type(qsizetype i) const
{
    return QString::fromLatin1(text(i, Text::Type));
}

PaymentStateMachine::Times PaymentRows::times(qsizetype i) const
{
    return {tradeTime(i).value_or(0), clearedTime(i).value_or(0), dueTime(i).value_or(0)};
}

std::optional<qint64> PaymentRows::authExpires(qsizetype i) const
{
    if (text(i, Text::Type) != QByteArrayView("02"))
        return std::nullopt;
    const QString card = QStringLiteral("02");
    if (status(i) != PaymentStateMachine::initialStatus(card))
        return std::nullopt;
    return PaymentStateMachine::deadline(card, status(i), {tradeTime(i).value_or(0), 0, 0});
}

void PaymentRows::writeJson(qsizetype i, JsonWriter &w, const QStringList &actions) const
{
    w.beginObject();
    w.key(QLatin1StringView("payment_id")).numberText(paymentId(i));
    w.key(QLatin1StringView("trading_id")).utf8Value(text(i, Text::TradingId));
    w.key(QLatin1StringView("type")).utf8Value(text(i, Text::Type));
    w.key(QLatin1StringView("status")).value(status(i));
    w.key(QLatin1StringView("amount")).value(amount(i));
    w.key(QLatin1StringView("institution")).utf8Value(text(i, Text::Institution));
    w.key(QLatin1StringView("trade_time"));
    if (const auto trade = tradeTime(i))
        w.wireTime(*trade);
    else
        w.utf8Value({});
    if (const auto due = dueTime(i))
        w.key(QLatin1StringView("due_time")).wireTime(*due);
    if (const auto cleared = clearedTime(i))
        w.key(QLatin1StringView("cleared_time")).wireTime(*cleared);
    if (const auto lapses = authExpires(i))
        w.key(QLatin1StringView("auth_expires_time")).wireTime(*lapses);
    if (const auto base = basePaymentId(i))
        w.key(QLatin1StringView("base_payment_id")).numberText(*base);
    if (!text(i, Text::CardBrand).isEmpty() || !text(i, Text::CardLast4).isEmpty()) {
        w.key(QLatin1StringView("card")).beginObject();
        w.key(QLatin1StringView("brand")).utf8Value(text(i, Text::CardBrand));
        w.key(QLatin1StringView("bin")).utf8Value(text(i, Text::CardBin));
        w.key(QLatin1StringView("last4")).utf8Value(text(i, Text::CardLast4));
        w.key(QLatin1StringView("expiry")).utf8Value(text(i, Text::CardExpiry));
        w.endObject();
    }
    if (!text(i, Text::CustomerName).isEmpty() || !text(i, Text::CustomerPhone).isEmpty()
        || !text(i, Text::CustomerEmail).isEmpty()) {
        w.key(QLatin1StringView("customer")).beginObject();
        w.key(QLatin1StringView("name")).utf8Value(text(i, Text::CustomerName));
        w.key(QLatin1StringView("kana")).utf8Value(text(i, Text::CustomerKana));
        w.key(QLatin1StringView("email")).utf8Value(text(i, Text::CustomerEmail));
        w.key(QLatin1StringView("phone")).utf8Value(text(i, Text::CustomerPhone));
        w.endObject();
    }
    if (!actions.isEmpty()) {
        w.key(QLatin1StringView("actions")).beginArray();
        for (const QString &action : actions)
            w.value(action);
        w.endArray();
    }
    w.endObject();
}

Payment PaymentRows::payment(qsizetype i) const
{
    Payment p;
    p.paymentId = QString::number(paymentId(i));
    p.tradingId = qstring(text(i, Text::TradingId));
    p.type = type(i);
    p.status = status(i);
    p.amount = amount(i);
    p.institution = qstring(text(i, Text::Institution));
    p.tradeTime = utc(tradeTime(i));
    p.dueTime = utc(dueTime(i));
    p.clearedTime = utc(clearedTime(i));
    p.authExpiresTime = utc(authExpires(i));
    if (const auto base = basePaymentId(i))
        p.basePaymentId = QString::number(*base);
    p.card.brand = qstring(text(i, Text::CardBrand));
    p.card.bin = qstring(text(i, Text::CardBin));
    p.card.last4 = qstring(text(i, Text::CardLast4));
    p.card.expiry = qstring(text(i, Text::CardExpiry));
    p.customer.name = qstring(text(i, Text::CustomerName));
    p.customer.kana = qstring(text(i, Text::CustomerKana));
    p.customer.email = qstring(text(i, Text::CustomerEmail));
    p.customer.phone = qstring(text(i, Text::CustomerPhone));
    return p;
}

} // namespace kessai::gateway
