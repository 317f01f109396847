// The keyset cursors of GET /v1/statements and of a statement's lines (gateway/statements,
// StatementCursor): whatever a client sends back decodes to nothing or to a key whose cursor
// decodes to the same key, and only in the list it was made for.

#include "fuzzcheck.h"

#include "statements/statementcursor.h"

#include <cstdint>

using namespace kessai::gateway;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    for (const StatementCursor::Kind kind : {StatementCursor::Kind::Statements, StatementCursor::Kind::Lines}) {
        const StatementCursor::Kind other = kind == StatementCursor::Kind::Statements ? StatementCursor::Kind::Lines
                                                                                      : StatementCursor::Kind::Statements;
        const std::optional<qint64> key = StatementCursor::decode(kind, text);
        if (!key)
            continue;
        // Base64 leaves slack in the last character's low bits, so the text need not be the one
        // encode() writes; the key must survive the round trip, and the other list refuses it.
        const QString encoded = StatementCursor::encode(kind, *key);
        KESSAI_FUZZ_CHECK(encoded.size() <= 30);
        KESSAI_FUZZ_CHECK(StatementCursor::decode(kind, encoded) == key);
        KESSAI_FUZZ_CHECK(!StatementCursor::decode(other, text));
    }
    return 0;
}
