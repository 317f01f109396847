#pragma once

#include "money.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace kessai {

// A card as the gateway keeps it: never the full number, never the CVC.
struct CardInfo
{
    QString brand;  // "VISA"
    QString bin;    // first 6 digits
    QString last4;
    QString expiry; // "MM/YY"

    bool isEmpty() const { return brand.isEmpty() && last4.isEmpty(); }
    QString masked() const; // "411111******1111"
};

struct Customer
{
    QString name;
    QString kana;
    QString email;
    QString phone;
};

// One payment row as the Merchant API returns it (GET /v1/payments, GET /v1/payments/{id}).
struct Payment
{
    QString paymentId;   // 決済ID, up to 18 digits (kept as text: it is an identifier)
    QString tradingId;   // 取引ID
    QString type;        // 決済種別 code, "02"
    int status = 0;      // 決済ステータス code
    Yen amount = 0;      // 決済金額
    QString institution; // 支払機関名: card brand, CVS chain, bank
    QDateTime tradeTime; // 取引日時 (UTC)
    QDateTime dueTime;   // 支払期限日 (UTC), CVS/ATM/bank
    QDateTime clearedTime; // 消込日時 (UTC)
    QDateTime authExpiresTime; // オーソリ有効期限 (UTC): when a card authorization (02, 20) lapses; the gateway's rule
    QString basePaymentId;
    CardInfo card;
    Customer customer;
    QStringList actions; // what this user may do to this payment now (detail only)

    // The wire form. writeJson streams it (the gateway's pages); toJson is the same as an object.
    void writeJson(class JsonWriter &writer) const;
    QJsonObject toJson() const;
    static Payment fromJson(const QJsonObject &object);
};

// ISO 8601 with a 'Z', second precision: the only time format on the wire.
QString toWireTime(const QDateTime &time);
QDateTime fromWireTime(const QString &text);

} // namespace kessai
