#include "paymentlistpage.h"

#include "apireply.h"

#include <QJsonObject>

#include "domain/jsonwriter.h"
#include "jsondom.h"

#include <utility>

namespace kessai {

using namespace jsondom;

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

quint8 actionBit(std::string_view text)
{
    if (text == "capture")
        return PaymentListItem::Capture;
    if (text == "cancel")
        return PaymentListItem::Cancel;
    if (text == "change_amount")
        return PaymentListItem::ChangeAmount;
    return PaymentListItem::NoAction; // an action of a later gateway
}

// "card": only its last 4 digits are kept for the list.
bool readCard(element value, PaymentListItem *item)
{
    object card;
    if (value.get_object().get(card))
        return false;
    for (const auto member : card) {
        if (member.key != "last4")
            continue;
        std::string_view text;
        if (!readUtf8(member.value, &text))
            return false;
        bool digits = text.size() == 4;
        for (char c : text)
            digits = digits && c >= '0' && c <= '9';
        item->cardLast4 = digits ? quint16(viewOf(text).toInt()) : PaymentListItem::NoCard;
    }
    return true;
}

// "customer": only the name is kept for the list.
bool readCustomer(element value, PaymentListItem *item)
{
    object customer;
    if (value.get_object().get(customer))
        return false;
    for (const auto member : customer) {
        if (member.key == "name" && !readString(member.value, &item->customerName))
            return false;
    }
    return true;
}

// texts may be null: each short text is then a string of its own.
bool readItem(element value, TextCache *texts, PaymentListItem *item)
{
    object payment;
    if (value.get_object().get(payment))
        return false;
    const auto shared = [texts](std::string_view text) {
        return texts ? texts->get(viewOf(text)) : QString::fromUtf8(viewOf(text));
    };
    for (const auto member : payment) {
        const std::string_view key = member.key;
        const element field = member.value;
        std::string_view text;
        bool ok = true;
        if (key == "payment_id") {
            bool number = false;
            ok = readUtf8(field, &text);
            item->paymentId = ok ? viewOf(text).toLongLong(&number) : 0;
            ok = ok && number && item->paymentId > 0;
        } else if (key == "trading_id") {
            ok = readString(field, &item->tradingId);
        } else if (key == "type") {
            ok = readUtf8(field, &text);
            if (ok)
                item->type = shared(text);
        } else if (key == "status") {
            qint64 status = 0;
            ok = readInteger(field, &status);
            item->status = int(status);
        } else if (key == "amount") {
            ok = readInteger(field, &item->amount);
        } else if (key == "institution") {
            ok = readUtf8(field, &text);
            if (ok)
                item->institution = shared(text);
        } else if (key == "trade_time") {
            ok = readTimeOrNull(field, &item->tradeTime);
        } else if (key == "due_time") {
            ok = readTimeOrNull(field, &item->dueTime);
        } else if (key == "cleared_time") {
            ok = readTimeOrNull(field, &item->clearedTime);
        } else if (key == "auth_expires_time") {
            ok = readTimeOrNull(field, &item->authExpiresTime);
        } else if (key == "card") {
            ok = readCard(field, item);
        } else if (key == "customer") {
            ok = readCustomer(field, item);
        } else if (key == "actions") {
            array actions;
            ok = !field.get_array().get(actions);
            if (ok) {
                for (const element action : actions) {
                    if (!readUtf8(action, &text))
                        return false;
                    item->actions |= actionBit(text);
                }
            }
        }
        // Any other member (one a later gateway adds) is left alone; it was validated anyway.
        if (!ok)
            return false;
    }
    return item->paymentId > 0;
}

} // namespace

QString PaymentListItem::cardLast4Text() const
{
    return cardLast4 == NoCard ? QString() : QStringLiteral("%1").arg(cardLast4, 4, 10, QLatin1Char('0'));
}

std::optional<PaymentListPage> readPaymentListPage(QByteArrayView json, QString *error)
{
    const auto failed = [&](const QString &why) -> std::optional<PaymentListPage> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    element document;
    object root;
    if (const auto code = parse(json, &document); code)
        return failed(errorText(code));
    if (const auto code = document.get_object().get(root); code)
        return failed(errorText(code));
    PaymentListPage page;
    TextCache texts;
    for (const auto member : root) {
        bool ok = true;
        if (member.key == "items") {
            array items;
            ok = !member.value.get_array().get(items);
            if (!ok)
                return failed(QStringLiteral("items is not a list"));
            page.items.reserve(qsizetype(items.size()));
            for (const element entry : items) {
                PaymentListItem item;
                ok = readItem(entry, &texts, &item);
                if (!ok)
                    break;
                page.items.append(std::move(item));
            }
        } else if (member.key == "next_cursor") {
            ok = member.value.is_null() || readString(member.value, &page.nextCursor);
        } else if (member.key == "total") {
            ok = member.value.is_null() || readInteger(member.value, &page.total);
        }
        if (!ok)
            return failed(QStringLiteral("a payment without a valid payment_id, or a time that is no time"));
    }
    return page;
}

bool readPaymentListItem(QByteArrayView json, PaymentListItem *item, QString *error)
{
    *item = PaymentListItem();
    const auto failed = [&](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    element document;
    if (const auto code = parse(json, &document); code)
        return failed(errorText(code));
    if (!document.is_object())
        return failed(QStringLiteral("not a payment object"));
    if (!readItem(document, nullptr, item))
        return failed(QStringLiteral("not a payment with a valid payment_id and times"));
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
