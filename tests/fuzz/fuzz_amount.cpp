// Amounts in yen as people type them (domain/money parseYen) and as bulk files give them
// (BulkFile::parseAmount): whatever the text, no crash; an amount that parses, formatted in
// Japanese and in English, parses back to itself; a bulk amount is within 1 to 9,999,999 and
// reads back from the way the console writes it.

#include "fuzzcheck.h"

#include "bulk/bulkfile.h"
#include "domain/money.h"

#include <QLocale>

#include <cstdint>

using namespace kessai;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));

    Yen amount = 0;
    if (parseYen(text, &amount)) {
        KESSAI_FUZZ_CHECK(amount > -1'000'000'000'000'000'000 && amount < 1'000'000'000'000'000'000);
        static const QLocale japanese(QLocale::Japanese, QLocale::Japan);
        static const QLocale english(QLocale::English, QLocale::UnitedStates);
        for (const QLocale *locale : {&japanese, &english}) {
            Yen again = -1;
            KESSAI_FUZZ_CHECK(parseYen(formatYen(amount, *locale), &again));
            KESSAI_FUZZ_CHECK(again == amount);
        }
    }

    if (const std::optional<Yen> bulk = BulkFile::parseAmount(text)) {
        KESSAI_FUZZ_CHECK(*bulk >= 1 && *bulk <= 9'999'999);
        // What the console shows for it is read as the same amount.
        static const QLocale japanese(QLocale::Japanese, QLocale::Japan);
        KESSAI_FUZZ_CHECK(BulkFile::parseAmount(formatYen(*bulk, japanese)) == bulk);
        KESSAI_FUZZ_CHECK(BulkFile::parseAmount(QString::number(*bulk)) == bulk);
    }
    return 0;
}
