// Card numbers: the scan that keeps them out of free text (domain/cardnumberscan, on the
// console and the gateway) and the registration form's digits, brand, check digit and expiry
// (core/register). Whatever the text, no crash, and time linear in its length; a number the
// form would take (14 to 19 digits passing Luhn), typed alone with spaces or hyphens, is one the
// scan finds.

#include "fuzzcheck.h"

#include "domain/cardnumberscan.h"
#include "register/registration.h"

#include <cstdint>

using namespace kessai;
using namespace kessai::Registration;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const bool found = containsCardNumber(text);

    const QString digits = digitsOf(text);
    KESSAI_FUZZ_CHECK(digits.size() <= text.size());
    for (const QChar c : digits)
        KESSAI_FUZZ_CHECK(c >= u'0' && c <= u'9');
    const bool valid = luhnValid(digits);
    const QString brand = brandOf(digits);
    if (!brand.isEmpty())
        KESSAI_FUZZ_CHECK(cvcLength(brand) == 3 || cvcLength(brand) == 4);
    if (valid) {
        KESSAI_FUZZ_CHECK(digits.size() >= 14 && digits.size() <= 19);
        KESSAI_FUZZ_CHECK(digitsOf(grouped(digits)) == digits);
        const QString shown = masked(digits);
        KESSAI_FUZZ_CHECK(!shown.contains(digits));
        bool plain = true;
        for (const QChar c : text)
            plain = plain && ((c >= u'0' && c <= u'9') || (c.unicode() >= 0xFF10 && c.unicode() <= 0xFF19) || c == u' '
                              || c == u'-');
        if (plain)
            KESSAI_FUZZ_CHECK(found);
    }

    int month = 0;
    int year = 0;
    if (parseExpiry(text, &month, &year)) {
        KESSAI_FUZZ_CHECK(month >= 1 && month <= 12);
        KESSAI_FUZZ_CHECK(year >= 0 && year <= 99);
    }
    return 0;
}
