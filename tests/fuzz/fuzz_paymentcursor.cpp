// The keyset cursor of GET /v1/payments (gateway/payments, PaymentCursor): opaque to clients,
// so whatever a client sends back must decode to nothing or to a cursor that encodes to text
// which decodes to the same cursor.

#include "fuzzcheck.h"

#include "payments/paymentfilter.h"

#include <cstdint>

using namespace kessai::gateway;

namespace {

bool same(const PaymentCursor &a, const PaymentCursor &b)
{
    return a.sort == b.sort && a.ascending == b.ascending && a.key == b.key && a.tradingKey == b.tradingKey
           && a.paymentId == b.paymentId;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    // A query value arrives as UTF-8, percent-decoded.
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const std::optional<PaymentCursor> cursor = PaymentCursor::decode(text);
    if (!cursor)
        return 0;
    KESSAI_FUZZ_CHECK(cursor->paymentId > 0);
    const QString encoded = cursor->encode();
    KESSAI_FUZZ_CHECK(encoded.size() <= 128);
    const std::optional<PaymentCursor> again = PaymentCursor::decode(encoded);
    KESSAI_FUZZ_CHECK(again.has_value());
    KESSAI_FUZZ_CHECK(same(*again, *cursor));
    KESSAI_FUZZ_CHECK(again->encode() == encoded);
    return 0;
}
