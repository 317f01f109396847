// The keyset cursor of GET /v1/audit (gateway/audit, AuditCursor): whatever a client sends back
// decodes to nothing or to a position of non-negative numbers whose cursor decodes to the same.

#include "fuzzcheck.h"

#include "audit/auditcursor.h"

#include <cstdint>

using namespace kessai::gateway;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto position = AuditCursor::decode(text);
    if (!position)
        return 0;
    KESSAI_FUZZ_CHECK(position->first >= 0 && position->second >= 0);
    const QString encoded = AuditCursor::encode(position->first, position->second);
    KESSAI_FUZZ_CHECK(encoded.size() <= 52);
    const auto again = AuditCursor::decode(encoded);
    KESSAI_FUZZ_CHECK(again && *again == *position);
    KESSAI_FUZZ_CHECK(AuditCursor::encode(again->first, again->second) == encoded);
    return 0;
}
