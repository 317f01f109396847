#include "payment.h"

#include "jsonwriter.h"

#include <QJsonArray>
#include <QJsonDocument>

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
    QByteArray text;
    appendWireTime(&text, time.toSecsSinceEpoch());
    return QString::fromLatin1(text);
}

QDateTime fromWireTime(const QString &text)
{
    qint64 seconds = 0;
    if (text.isEmpty() || !parseWireSeconds(text, &seconds))
        return {};
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC);
}

void Payment::writeJson(JsonWriter &w) const
{
    w.beginObject();
    w.key(QLatin1StringView("payment_id")).value(paymentId);
    w.key(QLatin1StringView("trading_id")).value(tradingId);
    w.key(QLatin1StringView("type")).value(type);
    w.key(QLatin1StringView("status")).value(status);
    w.key(QLatin1StringView("amount")).value(amount);
    w.key(QLatin1StringView("institution")).value(institution);
    w.key(QLatin1StringView("trade_time"));
    if (tradeTime.isValid())
        w.wireTime(tradeTime.toSecsSinceEpoch());
    else
        w.value(QStringView());
    if (dueTime.isValid())
        w.key(QLatin1StringView("due_time")).wireTime(dueTime.toSecsSinceEpoch());
    if (clearedTime.isValid())
        w.key(QLatin1StringView("cleared_time")).wireTime(clearedTime.toSecsSinceEpoch());
    if (authExpiresTime.isValid())
        w.key(QLatin1StringView("auth_expires_time")).wireTime(authExpiresTime.toSecsSinceEpoch());
    w.optional(QLatin1StringView("base_payment_id"), basePaymentId);
    if (!card.isEmpty()) {
        w.key(QLatin1StringView("card")).beginObject();
        w.key(QLatin1StringView("brand")).value(card.brand);
        w.key(QLatin1StringView("bin")).value(card.bin);
        w.key(QLatin1StringView("last4")).value(card.last4);
        w.key(QLatin1StringView("expiry")).value(card.expiry);
        w.endObject();
    }
    if (!customer.name.isEmpty() || !customer.phone.isEmpty() || !customer.email.isEmpty()) {
        w.key(QLatin1StringView("customer")).beginObject();
        w.key(QLatin1StringView("name")).value(customer.name);
        w.key(QLatin1StringView("kana")).value(customer.kana);
        w.key(QLatin1StringView("email")).value(customer.email);
        w.key(QLatin1StringView("phone")).value(customer.phone);
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

QJsonObject Payment::toJson() const
{
    QByteArray buffer;
    JsonWriter writer(&buffer);
    writeJson(writer);
    return QJsonDocument::fromJson(buffer).object();
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
    p.authExpiresTime = fromWireTime(object.value(QLatin1String("auth_expires_time")).toString());
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
