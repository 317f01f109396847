// The body of POST /v1/payments (新規マニュアル登録) as the gateway reads it: QJsonDocument, then
// gateway/registration's RegistrationRules::parse. Whatever the bytes, no crash; a body is refused
// field by field, with messages that never repeat a card number or a CVC, or gives a
// registration inside the documented rules (docs/api.md).

#include "fuzzcheck.h"

#include "registration/registrationrules.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>
#include <cstdint>

using namespace kessai::gateway;
using namespace kessai::gateway::RegistrationRules;

namespace {

// 2026-11-23T00:00:00Z: a fixed payment clock, so that a replay gives what the fuzzer saw.
constexpr qint64 Now = 1795392000;

QString cardText(const QJsonObject &body, const char *name)
{
    return body.value(QLatin1String("card")).toObject().value(QLatin1String(name)).toString();
}

bool allDigits(const QString &text)
{
    return std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c >= u'0' && c <= u'9'; });
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return 0;
    const QJsonObject body = document.object();

    const auto parsed = parse(body, Now);
    if (const auto *errors = std::get_if<QList<FieldError>>(&parsed)) {
        KESSAI_FUZZ_CHECK(!errors->isEmpty());
        const QString number = cardText(body, "number");
        const QString cvc = cardText(body, "cvc");
        for (const FieldError &fieldError : *errors) {
            KESSAI_FUZZ_CHECK(!fieldError.field.isEmpty() && !fieldError.reason.isEmpty() && !fieldError.message.isEmpty());
            // The card's own messages never repeat its number or CVC (long enough and digits
            // enough not to be a word of the message by chance).
            if (!fieldError.field.startsWith(QLatin1String("card")))
                continue;
            if (number.size() >= 8)
                KESSAI_FUZZ_CHECK(!fieldError.message.contains(number));
            if (cvc.size() >= 3 && allDigits(cvc))
                KESSAI_FUZZ_CHECK(!fieldError.message.contains(cvc));
        }
        (void)anyMissing(*errors);
        return 0;
    }

    const Registration &r = std::get<Registration>(parsed);
    static const QRegularExpression tradingId(QStringLiteral("^[A-Za-z0-9_]{1,25}\\z"));
    KESSAI_FUZZ_CHECK(maxAmount(r.type) > 0);
    KESSAI_FUZZ_CHECK(tradingId.match(r.tradingId).hasMatch());
    KESSAI_FUZZ_CHECK(r.amount >= 1 && r.amount <= maxAmount(r.type));
    if (r.type == QLatin1String("02")) {
        static const QRegularExpression digits(QStringLiteral("^[0-9]{13,19}\\z"));
        KESSAI_FUZZ_CHECK(digits.match(r.cardNumber).hasMatch());
        KESSAI_FUZZ_CHECK(r.card.last4 == r.cardNumber.right(4) && r.card.bin == r.cardNumber.left(6));
        KESSAI_FUZZ_CHECK(!r.institution.isEmpty());
        KESSAI_FUZZ_CHECK(r.cvc.size() == 3 || r.cvc.size() == 4);
    } else {
        KESSAI_FUZZ_CHECK(r.dueDays >= MinDueDays && r.dueDays <= MaxDueDays);
        KESSAI_FUZZ_CHECK(dueTime(Now, r.dueDays) > Now);
    }
    return 0;
}
