#include "paymentlistpage.h"

#include "apireply.h"

#include <QJsonObject>

#include "domain/jsonreader.h"
#include "domain/jsonwriter.h"

#include <utility>

namespace kessai {

namespace {

// The few distinct short texts of a page (payment types, institutions), one QString each.
class TextCache
{
public:
    QString get(QByteArrayView utf8)
    {
        for (const auto &[bytes, text] : std::as_const(m_entries)) {
            if (bytes == utf8)
                return text;
        }
        QString text = QString::fromUtf8(utf8);
        if (m_entries.size() < 64)
            m_entries.append({QByteArray(utf8.data(), utf8.size()), text});
        return text;
    }

private:
    QList<std::pair<QByteArray, QString>> m_entries;
};

// A wire time or null; 0 for null.
bool readTime(JsonReader &reader, qint64 *seconds)
{
    *seconds = 0;
    if (reader.skipNull())
        return true;
    QByteArrayView text;
    return reader.readUtf8(&text) && parseWireSeconds(text, seconds);
}

// "card": only its last 4 digits are kept for the list.
bool readCard(JsonReader &reader, PaymentListItem *item)
{
    if (!reader.beginObject())
        return false;
    QByteArrayView key;
    QByteArrayView text;
    while (reader.nextKey(&key)) {
        if (key != "last4") {
            if (!reader.skipValue())
                return false;
            continue;
        }
        if (!reader.readUtf8(&text))
            return false;
        bool digits = text.size() == 4;
        for (char c : text)
            digits = digits && c >= '0' && c <= '9';
        item->cardLast4 = digits ? quint16(text.toInt()) : PaymentListItem::NoCard;
    }
    return !reader.hasError();
}

// "customer": only the name is kept for the list.
bool readCustomer(JsonReader &reader, PaymentListItem *item)
{
    if (!reader.beginObject())
        return false;
    QByteArrayView key;
    while (reader.nextKey(&key)) {
        const bool ok = key == "name" ? reader.readString(&item->customerName) : reader.skipValue();
        if (!ok)
            return false;
    }
    return !reader.hasError();
}

// texts may be null: each short text is then a string of its own.
bool readItem(JsonReader &reader, TextCache *texts, PaymentListItem *item)
{
    if (!reader.beginObject())
        return false;
    QByteArrayView key;
    QByteArrayView text;
    while (reader.nextKey(&key)) {
        bool ok = true;
        if (key == "payment_id") {
            bool number = false;
            ok = reader.readUtf8(&text);
            item->paymentId = ok ? text.toLongLong(&number) : 0;
            ok = ok && number && item->paymentId > 0;
        } else if (key == "trading_id") {
            ok = reader.readString(&item->tradingId);
        } else if (key == "type") {
            ok = reader.readUtf8(&text);
            if (ok)
                item->type = texts ? texts->get(text) : QString::fromUtf8(text);
        } else if (key == "status") {
            qint64 status = 0;
            ok = reader.readInteger(&status);
            item->status = int(status);
        } else if (key == "amount") {
            ok = reader.readInteger(&item->amount);
        } else if (key == "institution") {
            ok = reader.readUtf8(&text);
            if (ok)
                item->institution = texts ? texts->get(text) : QString::fromUtf8(text);
        } else if (key == "trade_time") {
            ok = readTime(reader, &item->tradeTime);
        } else if (key == "due_time") {
            ok = readTime(reader, &item->dueTime);
        } else if (key == "cleared_time") {
            ok = readTime(reader, &item->clearedTime);
        } else if (key == "auth_expires_time") {
            ok = readTime(reader, &item->authExpiresTime);
        } else if (key == "card") {
            ok = readCard(reader, item);
        } else if (key == "customer") {
            ok = readCustomer(reader, item);
        } else if (key == "actions") {
            ok = reader.beginArray();
            while (ok && reader.nextElement()) {
                ok = reader.readUtf8(&text);
                if (!ok)
                    break;
                if (text == "capture")
                    item->actions |= PaymentListItem::Capture;
                else if (text == "cancel")
                    item->actions |= PaymentListItem::Cancel;
                else if (text == "change_amount")
                    item->actions |= PaymentListItem::ChangeAmount;
            }
        } else {
            ok = reader.skipValue();
        }
        if (!ok)
            return false;
    }
    return !reader.hasError() && item->paymentId > 0;
}

} // namespace

QString PaymentListItem::cardLast4Text() const
{
    return cardLast4 == NoCard ? QString() : QStringLiteral("%1").arg(cardLast4, 4, 10, QLatin1Char('0'));
}

std::optional<PaymentListPage> readPaymentListPage(QByteArrayView json, QString *error)
{
    JsonReader reader(json);
    PaymentListPage page;
    TextCache texts;
    const auto failed = [&](const QString &why) -> std::optional<PaymentListPage> {
        if (error)
            *error = reader.hasError() ? reader.errorString() : why;
        return std::nullopt;
    };
    if (!reader.beginObject())
        return failed(QString());
    QByteArrayView key;
    while (reader.nextKey(&key)) {
        bool ok = true;
        if (key == "items") {
            ok = reader.beginArray();
            while (ok && reader.nextElement()) {
                PaymentListItem item;
                ok = readItem(reader, &texts, &item);
                if (ok)
                    page.items.append(std::move(item));
            }
        } else if (key == "next_cursor") {
            ok = reader.skipNull() || reader.readString(&page.nextCursor);
        } else if (key == "total") {
            ok = reader.skipNull() || reader.readInteger(&page.total);
        } else {
            ok = reader.skipValue();
        }
        if (!ok)
            return failed(QStringLiteral("a payment without a valid payment_id, or a time that is no time"));
    }
    if (!reader.atEnd())
        return failed(QStringLiteral("text after the page"));
    return page;
}

bool readPaymentListItem(QByteArrayView json, PaymentListItem *item, QString *error)
{
    JsonReader reader(json);
    *item = PaymentListItem();
    const auto failed = [&](const QString &why) {
        if (error)
            *error = reader.hasError() ? reader.errorString() : why;
        return false;
    };
    if (!readItem(reader, nullptr, item))
        return failed(QStringLiteral("not a payment with a valid payment_id and times"));
    if (!reader.atEnd())
        return failed(QStringLiteral("text after the payment"));
    return true;
}

std::optional<qint64> readTotal(const ApiReply &reply)
{
    if (!reply.ok())
        return std::nullopt;
    const QJsonValue total = reply.json().object().value(QLatin1String("total"));
    if (!total.isDouble())
        return std::nullopt;
    return total.toInteger();
}

std::optional<qint64> readTotalAmount(const ApiReply &reply)
{
    if (!reply.ok())
        return std::nullopt;
    const QJsonValue amount = reply.json().object().value(QLatin1String("amount"));
    if (!amount.isDouble())
        return std::nullopt;
    return amount.toInteger();
}

} // namespace kessai
