#include "registrationrules.h"

#include "domain/cardnumberscan.h"
#include "domain/paymentcatalog.h"
#include "registration/cardrules.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>
#include <QMessageAuthenticationCode>
#include <QRegularExpression>

#include <cmath>
#include <optional>

namespace kessai::gateway::RegistrationRules {

namespace {

constexpr qint64 Day = 86400;
constexpr qint64 JstOffsetSeconds = 9 * 3600;
constexpr int MaxEmailLength = 128;

const QString Atm = QStringLiteral("01");
const QString Card = QStringLiteral("02");
const QString Cvs = QStringLiteral("03");
const QString Bank = QStringLiteral("05");

const QString Missing = QStringLiteral("missing");
const QString Invalid = QStringLiteral("invalid");
const QString OutOfRange = QStringLiteral("out_of_range");
const QString NotAllowed = QStringLiteral("not_allowed");
const QString CardNumber = QStringLiteral("card_number");

// Collects the errors of one body in the order its fields are checked.
class Checker
{
public:
    explicit Checker(QList<FieldError> *errors)
        : m_errors(errors)
    {}

    void fail(const QString &field, const QString &reason, const QString &message)
    {
        m_errors->append({field, reason, message});
    }

    // A required string: the value, or nullopt after recording missing/invalid.
    std::optional<QString> string(const QJsonObject &object, const QString &prefix, const QString &name, bool required = true)
    {
        const QJsonValue value = object.value(name);
        if (value.isUndefined() || value.isNull()) {
            if (required)
                fail(prefix + name, Missing, prefix + name + QStringLiteral(" is required."));
            return std::nullopt;
        }
        if (!value.isString()) {
            fail(prefix + name, Invalid, prefix + name + QStringLiteral(" must be a string."));
            return std::nullopt;
        }
        return value.toString();
    }

    // A whole number within qint64 (JSON numbers are doubles; 1.5 and 1e300 are not).
    std::optional<qint64> integer(const QJsonObject &object, const QString &name, bool required = true)
    {
        const QJsonValue value = object.value(name);
        if (value.isUndefined() || value.isNull()) {
            if (required)
                fail(name, Missing, name + QStringLiteral(" is required."));
            return std::nullopt;
        }
        const double number = value.toDouble();
        if (!value.isDouble() || !std::isfinite(number) || std::floor(number) != number || std::fabs(number) > 9.0e15) {
            fail(name, Invalid, name + QStringLiteral(" must be a whole number."));
            return std::nullopt;
        }
        return static_cast<qint64>(number);
    }

    // Fields of another payment type, and fields nobody knows, are refused by name.
    void notAllowed(const QJsonObject &object, const QString &prefix, const QStringList &names, const QString &type)
    {
        for (const QString &name : names) {
            if (object.contains(name))
                fail(prefix + name, NotAllowed, prefix + name + QStringLiteral(" is not allowed for type %1.").arg(type));
        }
    }

    void unknown(const QJsonObject &object, const QString &prefix, const QStringList &known)
    {
        // Only names that look like names are echoed: a key could be anything, a card number too.
        static const QRegularExpression plainName(QStringLiteral("^[a-z_]{1,32}\\z"));
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            if (known.contains(it.key()))
                continue;
            const QString name = plainName.match(it.key()).hasMatch() ? prefix + it.key() : prefix + QStringLiteral("?");
            fail(name, QStringLiteral("unknown_field"), name + QStringLiteral(" is not a field of this request."));
        }
    }

private:
    QList<FieldError> *m_errors;
};

std::optional<QString> choiceName(const QList<Choice> &choices, const QString &code)
{
    for (const Choice &choice : choices) {
        if (choice.code == code)
            return choice.name;
    }
    return std::nullopt;
}

QString codesOf(const QList<Choice> &choices)
{
    QStringList codes;
    for (const Choice &choice : choices)
        codes.append(choice.code);
    return codes.join(QStringLiteral(", "));
}

bool isKana(const QString &text)
{
    // Full-width katakana (including ー and ・), separated by ASCII or ideographic spaces.
    static const QRegularExpression kana(QStringLiteral("^[\\x{30A1}-\\x{30FA}\\x{30FC}\\x{30FB}]+([ \\x{3000}][\\x{30A1}-\\x{30FA}\\x{30FC}\\x{30FB}]+)*\\z"));
    return kana.match(text).hasMatch();
}

// A free-text field must never carry a card number into the database; the message names the
// field, never the value.
void refuseCardNumber(Checker &check, const QString &field)
{
    check.fail(field, CardNumber, field + QStringLiteral(" must not hold a card number; card numbers go in card.number only."));
}

bool hasControl(const QString &text)
{
    for (QChar c : text) {
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
            return true;
    }
    return false;
}

void checkCustomer(Checker &check, const QJsonObject &body, const QString &type, bool required, bool phoneRequired,
                   Customer *customer)
{
    const QJsonValue value = body.value(QLatin1String("customer"));
    if (value.isUndefined() || value.isNull()) {
        if (required)
            check.fail(QStringLiteral("customer"), Missing, QStringLiteral("customer is required for type %1.").arg(type));
        return;
    }
    if (!value.isObject()) {
        check.fail(QStringLiteral("customer"), Invalid, QStringLiteral("customer must be an object."));
        return;
    }
    const QJsonObject object = value.toObject();
    const QString prefix = QStringLiteral("customer.");
    check.unknown(object, prefix, {QStringLiteral("name"), QStringLiteral("kana"), QStringLiteral("phone"), QStringLiteral("email")});
    if (const auto name = check.string(object, prefix, QStringLiteral("name"), required)) {
        const QString trimmed = name->simplified();
        if (containsCardNumber(*name))
            refuseCardNumber(check, QStringLiteral("customer.name"));
        else if (trimmed.isEmpty() || trimmed.size() > MaxNameLength || hasControl(*name))
            check.fail(QStringLiteral("customer.name"), Invalid,
                       QStringLiteral("customer.name must be 1-%1 characters.").arg(MaxNameLength));
        else
            customer->name = trimmed;
    }
    if (const auto kana = check.string(object, prefix, QStringLiteral("kana"), required)) {
        const QString trimmed = kana->trimmed();
        if (trimmed.size() > MaxNameLength || !isKana(trimmed))
            check.fail(QStringLiteral("customer.kana"), Invalid,
                       QStringLiteral("customer.kana must be 1-%1 full-width katakana (spaces between words).").arg(MaxNameLength));
        else
            customer->kana = trimmed;
    }
    if (const auto phone = check.string(object, prefix, QStringLiteral("phone"), phoneRequired)) {
        static const QRegularExpression pattern(QStringLiteral("^[0-9]+(-[0-9]+)*\\z"));
        QString digits = *phone;
        digits.remove(u'-');
        if (!pattern.match(*phone).hasMatch() || digits.size() < 10 || digits.size() > 11 || !digits.startsWith(u'0'))
            check.fail(QStringLiteral("customer.phone"), Invalid,
                       QStringLiteral("customer.phone must be a Japanese phone number of 10-11 digits (hyphens allowed)."));
        else
            customer->phone = digits;
    }
    if (const auto email = check.string(object, prefix, QStringLiteral("email"), false)) {
        static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+\\z"));
        if (containsCardNumber(*email))
            refuseCardNumber(check, QStringLiteral("customer.email"));
        else if (email->size() > MaxEmailLength || !pattern.match(*email).hasMatch())
            check.fail(QStringLiteral("customer.email"), Invalid,
                       QStringLiteral("customer.email must be an e-mail address of at most %1 characters.").arg(MaxEmailLength));
        else
            customer->email = *email;
    }
}

void checkCard(Checker &check, const QJsonObject &body, qint64 now, Registration *r)
{
    const QJsonValue value = body.value(QLatin1String("card"));
    if (value.isUndefined() || value.isNull()) {
        check.fail(QStringLiteral("card"), Missing, QStringLiteral("card is required for type 02."));
    } else if (!value.isObject()) {
        check.fail(QStringLiteral("card"), Invalid, QStringLiteral("card must be an object."));
    } else {
        const QJsonObject card = value.toObject();
        const QString prefix = QStringLiteral("card.");
        check.unknown(card, prefix, {QStringLiteral("number"), QStringLiteral("expiry"), QStringLiteral("cvc"), QStringLiteral("holder")});
        if (const auto number = check.string(card, prefix, QStringLiteral("number"))) {
            const auto digits = CardRules::normalizedNumber(*number);
            if (!digits || digits->size() < CardRules::MinNumberLength || digits->size() > CardRules::MaxNumberLength) {
                check.fail(QStringLiteral("card.number"), Invalid,
                           QStringLiteral("card.number must be %1-%2 digits (spaces and hyphens are ignored).")
                               .arg(CardRules::MinNumberLength)
                               .arg(CardRules::MaxNumberLength));
            } else if (!CardRules::luhnValid(*digits)) {
                check.fail(QStringLiteral("card.number"), QStringLiteral("check_digit"),
                           QStringLiteral("card.number is not a valid card number (check digit)."));
            } else if (const QString brand = CardRules::brandFromNumber(*digits); brand.isEmpty()) {
                check.fail(QStringLiteral("card.number"), QStringLiteral("unknown_brand"),
                           QStringLiteral("card.number belongs to no accepted brand (VISA, Mastercard, JCB, AMEX, Diners)."));
            } else {
                r->cardNumber = *digits;
                r->card.brand = brand;
                r->card.bin = digits->left(6);
                r->card.last4 = digits->right(4);
                r->institution = brand;
            }
        }
        if (const auto expiry = check.string(card, prefix, QStringLiteral("expiry"))) {
            const auto parsed = CardRules::parseExpiry(*expiry);
            if (!parsed)
                check.fail(QStringLiteral("card.expiry"), Invalid, QStringLiteral("card.expiry must be MM/YY."));
            else if (!CardRules::expiryNotPast(*parsed, now))
                check.fail(QStringLiteral("card.expiry"), QStringLiteral("expired"), QStringLiteral("card.expiry is in the past."));
            else
                r->card.expiry = parsed->text();
        }
        if (const auto cvc = check.string(card, prefix, QStringLiteral("cvc"))) {
            // With an unknown brand either length is taken; the number's own error is reported.
            const bool valid = r->card.brand.isEmpty()
                                   ? (CardRules::cvcValid(*cvc, QString()) || CardRules::cvcValid(*cvc, QStringLiteral("AMEX")))
                                   : CardRules::cvcValid(*cvc, r->card.brand);
            if (!valid)
                check.fail(QStringLiteral("card.cvc"), Invalid,
                           QStringLiteral("card.cvc must be %1 digits for this card.")
                               .arg(r->card.brand.isEmpty() ? QStringLiteral("3 or 4") : QString::number(CardRules::cvcLength(r->card.brand))));
            else
                r->cvc = *cvc;
        }
        if (const auto holder = check.string(card, prefix, QStringLiteral("holder"))) {
            const auto normalized = CardRules::normalizedHolder(*holder);
            if (!normalized)
                check.fail(QStringLiteral("card.holder"), Invalid,
                           QStringLiteral("card.holder must be 1-%1 ASCII letters and spaces, as on the card.")
                               .arg(CardRules::MaxHolderLength));
            else
                r->holder = *normalized;
        }
    }

    const QJsonValue capture = body.value(QLatin1String("capture"));
    if (!capture.isUndefined() && !capture.isNull() && !capture.isBool())
        check.fail(QStringLiteral("capture"), Invalid, QStringLiteral("capture must be true or false."));
    r->capture = capture.toBool(false);

    r->paymentClass = LumpSum;
    if (const auto paymentClass = check.string(body, QString(), QStringLiteral("payment_class"), false)) {
        if (*paymentClass != LumpSum && *paymentClass != Installments && *paymentClass != Bonus && *paymentClass != Revolving)
            check.fail(QStringLiteral("payment_class"), Invalid, QStringLiteral("payment_class must be 10, 61, 23 or 80."));
        else
            r->paymentClass = *paymentClass;
    }
    const bool installments = r->paymentClass == Installments;
    if (installments || !body.contains(QLatin1String("split_count"))) {
        if (const auto count = check.integer(body, QStringLiteral("split_count"), installments)) {
            if (!splitCounts().contains(*count)) {
                QStringList allowed;
                for (int n : splitCounts())
                    allowed.append(QString::number(n));
                check.fail(QStringLiteral("split_count"), Invalid,
                           QStringLiteral("split_count must be one of %1.").arg(allowed.join(QStringLiteral(", "))));
            } else {
                r->splitCount = static_cast<int>(*count);
            }
        }
    } else {
        check.fail(QStringLiteral("split_count"), NotAllowed, QStringLiteral("split_count is only allowed with payment_class 61."));
    }
    checkCustomer(check, body, Card, false, false, &r->customer);
    check.notAllowed(body, QString(), {QStringLiteral("chain"), QStringLiteral("bank"), QStringLiteral("due_days")}, Card);
}

void checkDeferred(Checker &check, const QJsonObject &body, const QString &type, Registration *r)
{
    check.notAllowed(body, QString(),
                     {QStringLiteral("card"), QStringLiteral("capture"), QStringLiteral("payment_class"), QStringLiteral("split_count")},
                     type);
    if (type == Cvs) {
        if (const auto chain = check.string(body, QString(), QStringLiteral("chain"))) {
            if (const auto name = choiceName(cvsChains(), *chain))
                r->institution = *name;
            else
                check.fail(QStringLiteral("chain"), Invalid, QStringLiteral("chain must be one of %1.").arg(codesOf(cvsChains())));
        }
    } else {
        check.notAllowed(body, QString(), {QStringLiteral("chain")}, type);
    }
    if (type == Bank) {
        if (const auto bank = check.string(body, QString(), QStringLiteral("bank"))) {
            if (const auto name = choiceName(banks(), *bank))
                r->institution = *name;
            else
                check.fail(QStringLiteral("bank"), Invalid, QStringLiteral("bank must be one of %1.").arg(codesOf(banks())));
        }
    } else {
        check.notAllowed(body, QString(), {QStringLiteral("bank")}, type);
    }
    if (type == Atm)
        r->institution = atmInstitution();
    checkCustomer(check, body, type, true, type == Cvs, &r->customer);
    if (const auto days = check.integer(body, QStringLiteral("due_days"))) {
        if (*days < MinDueDays || *days > MaxDueDays)
            check.fail(QStringLiteral("due_days"), OutOfRange,
                       QStringLiteral("due_days must be from %1 to %2.").arg(MinDueDays).arg(MaxDueDays));
        else
            r->dueDays = static_cast<int>(*days);
    }
}

} // namespace

const QList<Choice> &cvsChains()
{
    static const QList<Choice> chains = {
        {QStringLiteral("seven-eleven"), QStringLiteral("セブン-イレブン")},
        {QStringLiteral("lawson"), QStringLiteral("ローソン")},
        {QStringLiteral("familymart"), QStringLiteral("ファミリーマート")},
        {QStringLiteral("ministop"), QStringLiteral("ミニストップ")},
        {QStringLiteral("dailyyamazaki"), QStringLiteral("デイリーヤマザキ")},
        {QStringLiteral("seicomart"), QStringLiteral("セイコーマート")},
    };
    return chains;
}

const QList<Choice> &banks()
{
    static const QList<Choice> list = {
        {QStringLiteral("mufg"), QStringLiteral("三菱UFJ銀行")},
        {QStringLiteral("smbc"), QStringLiteral("三井住友銀行")},
        {QStringLiteral("mizuho"), QStringLiteral("みずほ銀行")},
        {QStringLiteral("rakuten"), QStringLiteral("楽天銀行")},
        {QStringLiteral("yucho"), QStringLiteral("ゆうちょ銀行")},
    };
    return list;
}

const QList<int> &splitCounts()
{
    static const QList<int> counts = {3, 5, 6, 10, 12, 15, 18, 20, 24};
    return counts;
}

qint64 maxAmount(const QString &type)
{
    return PaymentCatalog::maxAmount(type);
}

QString atmInstitution()
{
    return QStringLiteral("ペイジー");
}

std::variant<Registration, QList<FieldError>> parse(const QJsonObject &body, qint64 now)
{
    QList<FieldError> errors;
    Checker check(&errors);
    Registration r;
    check.unknown(body, QString(),
                  {QStringLiteral("type"), QStringLiteral("trading_id"), QStringLiteral("amount"), QStringLiteral("card"),
                   QStringLiteral("capture"), QStringLiteral("payment_class"), QStringLiteral("split_count"),
                   QStringLiteral("customer"), QStringLiteral("chain"), QStringLiteral("bank"), QStringLiteral("due_days")});

    const auto type = check.string(body, QString(), QStringLiteral("type"));
    if (type && maxAmount(*type) == 0)
        check.fail(QStringLiteral("type"), Invalid, QStringLiteral("type must be 01, 02, 03 or 05."));
    else if (type)
        r.type = *type;

    if (const auto tradingId = check.string(body, QString(), QStringLiteral("trading_id"))) {
        static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9_]{1,25}\\z"));
        if (!pattern.match(*tradingId).hasMatch())
            check.fail(QStringLiteral("trading_id"), Invalid, QStringLiteral("trading_id must be 1-25 characters of A-Z a-z 0-9 _."));
        else
            r.tradingId = *tradingId;
    }

    const qint64 limit = r.type.isEmpty() ? PaymentCatalog::maxAmount(Card) : maxAmount(r.type);
    if (const auto amount = check.integer(body, QStringLiteral("amount"))) {
        if (*amount < 1 || *amount > limit)
            check.fail(QStringLiteral("amount"), OutOfRange, QStringLiteral("amount must be from 1 to %1 yen for this type.").arg(limit));
        else
            r.amount = *amount;
    }

    // Without a valid type nothing else can be checked against its rules.
    if (r.type == Card)
        checkCard(check, body, now, &r);
    else if (!r.type.isEmpty())
        checkDeferred(check, body, r.type, &r);

    if (!errors.isEmpty())
        return errors;
    return r;
}

bool anyMissing(const QList<FieldError> &errors)
{
    for (const FieldError &error : errors) {
        if (error.reason == Missing)
            return true;
    }
    return false;
}

qint64 dueTime(qint64 now, int dueDays)
{
    const qint64 jstNow = now + JstOffsetSeconds;
    const qint64 jstMidnight = jstNow - ((jstNow % Day) + Day) % Day;
    return jstMidnight + (dueDays + 1) * Day - 1 - JstOffsetSeconds;
}

QJsonObject digestedForHash(const QJsonObject &body, const QByteArray &key)
{
    const QJsonValue cardValue = body.value(QLatin1String("card"));
    if (!cardValue.isObject())
        return body;
    QJsonObject card = cardValue.toObject();
    // The security code may be kept in no form after the authorization (PCI DSS), not even a
    // keyed digest: the hash only records that there was one.
    if (card.contains(QLatin1String("cvc")))
        card.insert(QStringLiteral("cvc"), QStringLiteral("present"));
    for (const QString &secret : {QStringLiteral("number")}) {
        const QJsonValue value = card.value(secret);
        if (value.isUndefined())
            continue;
        // The JSON text of the value, so a number and a string stay different requests.
        const QByteArray text = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
        const QByteArray mac = QMessageAuthenticationCode::hash(secret.toUtf8() + '\n' + text, key, QCryptographicHash::Sha256);
        card.insert(secret, QString::fromLatin1(mac.toHex()));
    }
    QJsonObject digested = body;
    digested.insert(QStringLiteral("card"), card);
    return digested;
}

} // namespace kessai::gateway::RegistrationRules
