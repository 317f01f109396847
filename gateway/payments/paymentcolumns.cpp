#include "paymentcolumns.h"

#include <QDateTime>
#include <QStringList>
#include <QVariant>

namespace kessai::gateway {

namespace {

QDateTime fromEpoch(const QVariant &value)
{
    if (value.isNull())
        return {};
    return QDateTime::fromSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

} // namespace

const QString PaymentColumns = QStringLiteral(
    "payment_id, trading_id, type, status, amount, institution, trade_time, due_time,"
    " cleared_time, base_payment_id, card_brand, card_bin, card_last4, card_expiry,"
    " customer_name, customer_kana, customer_email, customer_phone");

Payment readPayment(const QSqlQuery &q)
{
    Payment p;
    p.paymentId = QString::number(q.value(0).toLongLong());
    p.tradingId = q.value(1).toString();
    p.type = q.value(2).toString();
    p.status = q.value(3).toInt();
    p.amount = q.value(4).toLongLong();
    p.institution = q.value(5).toString();
    p.tradeTime = fromEpoch(q.value(6));
    p.dueTime = fromEpoch(q.value(7));
    p.clearedTime = fromEpoch(q.value(8));
    if (!q.value(9).isNull())
        p.basePaymentId = QString::number(q.value(9).toLongLong());
    p.card.brand = q.value(10).toString();
    p.card.bin = q.value(11).toString();
    p.card.last4 = q.value(12).toString();
    p.card.expiry = q.value(13).toString();
    p.customer.name = q.value(14).toString();
    p.customer.kana = q.value(15).toString();
    p.customer.email = q.value(16).toString();
    p.customer.phone = q.value(17).toString();
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
