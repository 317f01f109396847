#include "registration.h"

#include "api/apireply.h"
#include "api/merchantclient.h"
#include "domain/jsonwriter.h"
#include "domain/payment.h"

#include <QJsonArray>
#include <QJsonObject>

namespace kessai {

namespace Registration {

QString typeCode(Type type)
{
    switch (type) {
    case Type::Card:
        return QStringLiteral("02");
    case Type::Convenience:
        return QStringLiteral("03");
    case Type::Atm:
        return QStringLiteral("01");
    case Type::BankNet:
        return QStringLiteral("05");
    }
    return {};
}

Yen amountLimit(Type type)
{
    switch (type) {
    case Type::Card:
        return 9999999;
    case Type::Convenience:
        return 299999; // stores take less than 300,000円
    case Type::Atm:
    case Type::BankNet:
        return 500000;
    }
    return 0;
}

QString digitsOf(const QString &text)
{
    QString digits;
    digits.reserve(text.size());
    for (const QChar c : text) {
        if (c >= u'0' && c <= u'9')
            digits.append(c);
        else if (c.unicode() >= 0xFF10 && c.unicode() <= 0xFF19) // full-width, as an IME types them
            digits.append(QChar(u'0' + (c.unicode() - 0xFF10)));
    }
    return digits;
}

QString brandOf(const QString &digits)
{
    const auto prefix = [&](int n) { return digits.left(n).toInt(); };
    if (digits.startsWith(u'4'))
        return QStringLiteral("VISA");
    if (digits.size() >= 2 && prefix(2) >= 51 && prefix(2) <= 55)
        return QStringLiteral("Mastercard");
    if (digits.size() >= 4 && prefix(4) >= 2221 && prefix(4) <= 2720)
        return QStringLiteral("Mastercard");
    if (digits.size() >= 4 && prefix(4) >= 3528 && prefix(4) <= 3589)
        return QStringLiteral("JCB");
    if (digits.startsWith(QLatin1String("34")) || digits.startsWith(QLatin1String("37")))
        return QStringLiteral("AMEX");
    if (digits.startsWith(QLatin1String("36")) || digits.startsWith(QLatin1String("38"))
        || (digits.size() >= 3 && prefix(3) >= 300 && prefix(3) <= 305))
        return QStringLiteral("Diners");
    return {};
}

bool luhnValid(const QString &digits)
{
    if (digits.size() < 14 || digits.size() > 19)
        return false;
    int sum = 0;
    bool twice = false;
    for (qsizetype i = digits.size() - 1; i >= 0; --i) {
        int d = digits.at(i).unicode() - u'0';
        if (twice) {
            d *= 2;
            if (d > 9)
                d -= 9;
        }
        sum += d;
        twice = !twice;
    }
    return sum % 10 == 0;
}

QString grouped(const QString &digits)
{
    const QString brand = brandOf(digits);
    QList<int> groups = {4, 4, 4, 4, 3};
    if (brand == QLatin1String("AMEX"))
        groups = {4, 6, 5};
    else if (brand == QLatin1String("Diners") && digits.size() <= 14)
        groups = {4, 6, 4};
    QString out;
    qsizetype at = 0;
    for (const int size : std::as_const(groups)) {
        if (at >= digits.size())
            break;
        if (!out.isEmpty())
            out.append(u' ');
        out.append(digits.mid(at, size));
        at += size;
    }
    if (at < digits.size())
        out.append(digits.mid(at));
    return out;
}

int cvcLength(const QString &brand)
{
    return brand == QLatin1String("AMEX") ? 4 : 3;
}

QString masked(const QString &digits)
{
    if (digits.size() < 10)
        return QString(digits.size(), u'*');
    QString hidden = digits.left(6) + QString(digits.size() - 10, u'*') + digits.right(4);
    return grouped(hidden);
}

QString toKatakana(const QString &text)
{
    // NFKC turns half-width katakana (and their voicing marks) into full-width; hiragana are
    // then moved to the katakana block.
    QString out = text.normalized(QString::NormalizationForm_KC);
    for (QChar &c : out) {
        const char16_t u = c.unicode();
        if (u >= 0x3041 && u <= 0x3096)
            c = QChar(char16_t(u + 0x60));
        else if (u == 0x3000)
            c = u' ';
    }
    return out.simplified();
}

bool isKatakana(const QString &text)
{
    if (text.trimmed().isEmpty())
        return false;
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (!((u >= 0x30A1 && u <= 0x30FA) || u == 0x30FC || u == 0x30FB || u == u' '))
            return false;
    }
    return true;
}

bool parseExpiry(const QString &text, int *month, int *year)
{
    const QString digits = digitsOf(text);
    if (digits.size() != 4)
        return false;
    const int m = digits.left(2).toInt();
    if (m < 1 || m > 12)
        return false;
    *month = m;
    *year = digits.right(2).toInt();
    return true;
}

Result Result::fromReply(const ApiReply &reply)
{
    Result r;
    const QJsonObject body = reply.json().object();
    if (reply.ok()) {
        r.ok = true;
        r.paymentId = body.value(QLatin1String("payment_id")).toString();
        r.tradingId = body.value(QLatin1String("trading_id")).toString();
        r.status = body.value(QLatin1String("status")).toInt();
        r.amount = body.value(QLatin1String("amount")).toInteger();
        r.institution = body.value(QLatin1String("institution")).toString();
        r.receiptNumber = body.value(QLatin1String("receipt_number")).toString();
        r.paymentNumber = body.value(QLatin1String("payment_number")).toString();
        r.dueTime = fromWireTime(body.value(QLatin1String("due_time")).toString());
        const QJsonObject card = body.value(QLatin1String("card")).toObject();
        r.cardBrand = card.value(QLatin1String("brand")).toString();
        r.cardBin = card.value(QLatin1String("bin")).toString();
        r.cardLast4 = card.value(QLatin1String("last4")).toString();
        return r;
    }
    r.error = reply.error();
    const QJsonObject error = body.value(QLatin1String("error")).toObject();
    for (const QJsonValue &value : error.value(QLatin1String("fields")).toArray()) {
        const QJsonObject field = value.toObject();
        r.fields.append({field.value(QLatin1String("field")).toString(), field.value(QLatin1String("reason")).toString(),
                         field.value(QLatin1String("message")).toString()});
    }
    r.declineCode = error.value(QLatin1String("detail_code")).toString();
    return r;
}

QByteArray requestBody(Form &form)
{
    QByteArray out;
    out.reserve(4096);
    JsonWriter w(&out);
    w.beginObject();
    w.key(QLatin1StringView("type")).value(typeCode(form.type));
    w.key(QLatin1StringView("trading_id")).value(form.tradingId);
    w.key(QLatin1StringView("amount")).value(form.amount);
    if (form.type == Type::Card) {
        w.key(QLatin1StringView("card")).beginObject();
        w.key(QLatin1StringView("number")).value(form.cardNumber);
        w.key(QLatin1StringView("expiry")).value(form.expiry);
        w.key(QLatin1StringView("cvc")).value(form.cvc);
        w.key(QLatin1StringView("holder")).value(form.holder);
        w.endObject();
        w.key(QLatin1StringView("capture")).value(form.capture);
        w.key(QLatin1StringView("payment_class")).value(form.paymentClass);
        if (form.paymentClass == QLatin1String("61"))
            w.key(QLatin1StringView("split_count")).value(qint64(form.splitCount));
    } else {
        if (form.type == Type::Convenience)
            w.key(QLatin1StringView("chain")).value(form.chain);
        if (form.type == Type::BankNet)
            w.key(QLatin1StringView("bank")).value(form.bank);
        w.key(QLatin1StringView("due_days")).value(qint64(form.dueDays));
    }
    RegistrationRequest::wipe(form.cardNumber);
    RegistrationRequest::wipe(form.cvc);
    const std::pair<QLatin1StringView, const QString *> customer[] = {{QLatin1StringView("name"), &form.name},
                                                                      {QLatin1StringView("kana"), &form.kana},
                                                                      {QLatin1StringView("phone"), &form.phone},
                                                                      {QLatin1StringView("email"), &form.email}};
    if (std::any_of(std::begin(customer), std::end(customer), [](const auto &c) { return !c.second->isEmpty(); })) {
        w.key(QLatin1StringView("customer")).beginObject();
        for (const auto &[key, value] : customer) {
            if (!value->isEmpty())
                w.key(key).value(*value);
        }
        w.endObject();
    }
    w.endObject();
    return out;
}

QString declineText(const QString &code)
{
    const auto tr = [](const char *text) { return QCoreApplication::translate("kessai::Registration", text); };
    if (code == QLatin1String("1G02"))
        return tr("The card's balance or credit limit is not enough (1G02). Ask the customer for another card or a "
                  "smaller amount.");
    if (code == QLatin1String("1G12"))
        return tr("The card cannot be used (1G12). Ask the customer to contact the card company, or to use another "
                  "card.");
    if (code == QLatin1String("1G44"))
        return tr("The security code is wrong (1G44). Ask the customer for the code on the back of the card and try "
                  "again.");
    if (code == QLatin1String("1G83"))
        return tr("The card company says the card has expired (1G83). Check the expiry date with the customer.");
    return QCoreApplication::translate("kessai::Registration", "The card was declined (%1). Ask the customer to "
                                                               "contact the card company, or to use another card.")
        .arg(code);
}

QString fieldErrorText(const FieldError &error)
{
    const auto tr = [](const char *text) { return QCoreApplication::translate("kessai::Registration", text); };
    if (error.reason == QLatin1String("missing"))
        return tr("Required.");
    if (error.reason == QLatin1String("card_number"))
        return cardNumberRefusal(error.field);
    if (error.field == QLatin1String("card.number")) {
        if (error.reason == QLatin1String("check_digit"))
            return tr("This is not a valid card number (check digit). Check it with the customer.");
        if (error.reason == QLatin1String("unknown_brand"))
            return tr("The gateway does not take this card brand.");
        return tr("A card number has 14 to 19 digits.");
    }
    if (error.field == QLatin1String("card.expiry"))
        return error.reason == QLatin1String("expired") ? tr("This card has expired.") : tr("Month and year as MM/YY.");
    if (error.field == QLatin1String("card.cvc"))
        return tr("3 digits (4 for AMEX), on the back of the card.");
    if (error.field == QLatin1String("card.holder"))
        return tr("The name on the card in Latin letters, as printed.");
    if (error.field == QLatin1String("trading_id"))
        return tr("1 to 25 letters, digits or _.");
    if (error.field == QLatin1String("amount"))
        return tr("Out of range for this payment type.");
    if (error.field == QLatin1String("customer.kana"))
        return tr("Full-width katakana.");
    if (error.field == QLatin1String("customer.phone"))
        return tr("A Japanese phone number: 10 or 11 digits starting with 0.");
    if (error.field == QLatin1String("customer.email"))
        return tr("An e-mail address.");
    if (error.field == QLatin1String("due_days"))
        return tr("1 to 60 days.");
    return error.message;
}

QString cardNumberRefusal(const QString &field)
{
    QString name = field;
    if (field == QLatin1String("customer.name"))
        name = QCoreApplication::translate("kessai::Registration", "The customer's name");
    else if (field == QLatin1String("customer.email"))
        name = QCoreApplication::translate("kessai::Registration", "The e-mail address");
    return QCoreApplication::translate("kessai::Registration",
                                       "%1 must not hold a card number. Card numbers go in the card number field only.")
        .arg(name);
}

} // namespace Registration

void RegistrationRequest::setBody(QByteArray body, QByteArray key)
{
    wipe();
    m_body = std::move(body);
    m_key = std::move(key);
}

ApiReply *RegistrationRequest::send(MerchantClient *client) const
{
    return client->postBytes(QStringLiteral("/v1/payments"), m_body, m_key);
}

void RegistrationRequest::wipe()
{
    wipe(m_body);
    m_body.clear();
    m_key.clear();
}

bool RegistrationRequest::overwrite(QString &text)
{
    // detach() would copy the characters first: only a string that owns its data is overwritten.
    if (!text.isDetached()) {
        text = QString();
        return false;
    }
    std::fill(text.data(), text.data() + text.size(), QChar(u'0'));
    return true;
}

bool RegistrationRequest::overwrite(QByteArray &bytes)
{
    if (!bytes.isDetached()) {
        bytes = QByteArray();
        return false;
    }
    std::fill(bytes.data(), bytes.data() + bytes.size(), '0');
    return true;
}

void RegistrationRequest::wipe(QString &text)
{
    if (!text.isEmpty())
        overwrite(text);
    text = QString();
}

void RegistrationRequest::wipe(QByteArray &bytes)
{
    if (!bytes.isEmpty())
        overwrite(bytes);
    bytes = QByteArray();
}

} // namespace kessai
