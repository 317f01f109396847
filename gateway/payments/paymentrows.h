#pragma once

#include "domain/payment.h"
#include "payments/paymentstatemachine.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringList>

#include <array>
#include <optional>
#include <vector>

namespace kessai {
class JsonWriter;
}

namespace kessai::gateway {

class RowCursor;

// A page of payments as the database handed them over: the wire record's integers, and its
// texts as UTF-8 in one buffer. A search answer or an export batch is written from here
// without a QVariant or a UTF-16 QString per cell; writeJson() writes the same bytes as
// Payment::writeJson() of payment(i).
class PaymentRows
{
public:
    enum class Text {
        TradingId,
        Type,
        Institution,
        CardBrand,
        CardBin,
        CardLast4,
        CardExpiry,
        CustomerName,
        CustomerKana,
        CustomerEmail,
        CustomerPhone,
    };

    // Reads PaymentColumns::wire() from the current row of row (selected first, in that order).
    void append(const RowCursor &row);
    void clear();
    qsizetype size() const { return qsizetype(m_rows.size()); }
    bool isEmpty() const { return m_rows.empty(); }

    qint64 paymentId(qsizetype i) const { return m_rows[size_t(i)].paymentId; }
    int status(qsizetype i) const { return m_rows[size_t(i)].status; }
    qint64 amount(qsizetype i) const { return m_rows[size_t(i)].amount; }
    // Seconds since the epoch; nullopt where the column is NULL.
    std::optional<qint64> tradeTime(qsizetype i) const;
    std::optional<qint64> dueTime(qsizetype i) const;
    std::optional<qint64> clearedTime(qsizetype i) const;
    std::optional<qint64> basePaymentId(qsizetype i) const;
    QByteArrayView text(qsizetype i, Text field) const;
    QString type(qsizetype i) const;
    PaymentStateMachine::Times times(qsizetype i) const;
    // オーソリ有効期限: when a card authorization lapses, by the state machine's rule.
    std::optional<qint64> authExpires(qsizetype i) const;

    // The row as the list shows it (actions: what this user may do to it now; none written if empty).
    void writeJson(qsizetype i, JsonWriter &w, const QStringList &actions = {}) const;
    // The same row as a Payment (auth_expires_time included, actions empty).
    Payment payment(qsizetype i) const;

private:
    static constexpr size_t TextCount = size_t(Text::CustomerPhone) + 1;
    enum Present : quint8 { HasTradeTime = 1, HasDueTime = 2, HasClearedTime = 4, HasBase = 8 };
    struct Row
    {
        qint64 paymentId = 0;
        qint64 amount = 0;
        qint64 tradeTime = 0;
        qint64 dueTime = 0;
        qint64 clearedTime = 0;
        qint64 basePaymentId = 0;
        int status = 0;
        quint8 present = 0;
        std::array<quint32, TextCount + 1> textAt{}; // offsets into m_texts; text k is [k, k+1)
    };

    std::vector<Row> m_rows;
    QByteArray m_texts;
};

} // namespace kessai::gateway
