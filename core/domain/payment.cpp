#include "payment.h"

#include <QJsonArray>

namespace kessai {

QString CardInfo::masked() const
{
    if (bin.isEmpty() && last4.isEmpty())
        return {};
    return bin + QString(6, u'*') + last4;
}

QString toWireTime(const QDateTime &time)
{
    if (!time.isValid())
        return {};
    return time.toUTC().toString(Qt::ISODate);
}

QDateTime fromWireTime(const QString &text)
{
    if (text.isEmpty())
        return {};
    QDateTime time = QDateTime::fromString(text, Qt::ISODate);
    return time.isValid() ? time.toUTC() : QDateTime();
}

namespace {

void putIfSet(QJsonObject &object, const QString &key, const QString &value)
{
    if (!value.isEmpty())
        object.insert(key, value);
}

} // namespace

QJsonObject Payment::toJson() const
{
    QJsonObject object{
        {QStringLiteral("payment_id"), paymentId},
        {QStringLiteral("trading_id"), tradingId},
        {QStringLiteral("type"), type},
        {QStringLiteral("status"), status},
        {QStringLiteral("amount"), amount},
        {QStringLiteral("institution"), institution},
        {QStringLiteral("trade_time"), toWireTime(tradeTime)},
    };
    putIfSet(object, QStringLiteral("due_time"), toWireTime(dueTime));
    putIfSet(object, QStringLiteral("cleared_time"), toWireTime(clearedTime));
    putIfSet(object, QStringLiteral("base_payment_id"), basePaymentId);
    if (!card.isEmpty()) {
        object.insert(QStringLiteral("card"),
                      QJsonObject{{QStringLiteral("brand"), card.brand},
                                  {QStringLiteral("bin"), card.bin},
                                  {QStringLiteral("last4"), card.last4},
                                  {QStringLiteral("expiry"), card.expiry}});
    }
    if (!customer.name.isEmpty() || !customer.phone.isEmpty() || !customer.email.isEmpty()) {
        object.insert(QStringLiteral("customer"),
                      QJsonObject{{QStringLiteral("name"), customer.name},
                                  {QStringLiteral("kana"), customer.kana},
                                  {QStringLiteral("email"), customer.email},
                                  {QStringLiteral("phone"), customer.phone}});
    }
    if (!actions.isEmpty())
        object.insert(QStringLiteral("actions"), QJsonArray::fromStringList(actions));
    return object;
}

Payment Payment::fromJson(const QJsonObject &object)
{
    Payment p;
    p.paymentId = object.value(QLatin1String("payment_id")).toString();
    p.tradingId = object.value(QLatin1String("trading_id")).toString();
    p.type = object.value(QLatin1String("type")).toString();
    p.status = object.value(QLatin1String("status")).toInt();
    p.amount = object.value(QLatin1String("amount")).toInteger();
    p.institution = object.value(QLatin1String("institution")).toString();
    p.tradeTime = fromWireTime(object.value(QLatin1String("trade_time")).toString());
    p.dueTime = fromWireTime(object.value(QLatin1String("due_time")).toString());
    p.clearedTime = fromWireTime(object.value(QLatin1String("cleared_time")).toString());
    p.basePaymentId = object.value(QLatin1String("base_payment_id")).toString();
    const QJsonObject card = object.value(QLatin1String("card")).toObject();
    p.card.brand = card.value(QLatin1String("brand")).toString();
    p.card.bin = card.value(QLatin1String("bin")).toString();
    p.card.last4 = card.value(QLatin1String("last4")).toString();
    p.card.expiry = card.value(QLatin1String("expiry")).toString();
    const QJsonObject customer = object.value(QLatin1String("customer")).toObject();
    p.customer.name = customer.value(QLatin1String("name")).toString();
    p.customer.kana = customer.value(QLatin1String("kana")).toString();
    p.customer.email = customer.value(QLatin1String("email")).toString();
    p.customer.phone = customer.value(QLatin1String("phone")).toString();
    for (const QJsonValue &action : object.value(QLatin1String("actions")).toArray())
        p.actions.append(action.toString());
    return p;
}

} // namespace kessai
