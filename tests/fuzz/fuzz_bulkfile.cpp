// Bulk capture / cancel files (core/bulk/bulkfile): whatever the bytes, no crash; a file is clean
// or says why; every line it keeps names a payment by a valid 決済ID or 取引ID, with an amount of 0
// or 1 to 9,999,999, once. The first byte picks the action the caller fixes (none, capture,
// cancel), the rest is the file.

#include "fuzzcheck.h"

#include "bulk/bulkfile.h"

#include <QRegularExpression>
#include <QSet>

#include <cstdint>

using namespace kessai;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    std::optional<PaymentAction::Kind> fixedKind;
    if (data[0] % 3 == 1)
        fixedKind = PaymentAction::Kind::Capture;
    else if (data[0] % 3 == 2)
        fixedKind = PaymentAction::Kind::Cancel;
    const QByteArray bytes(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));

    BulkFile file = BulkFile::parse(bytes, QStringLiteral("fuzz.csv"), fixedKind);
    KESSAI_FUZZ_CHECK(file.sha256().size() == 64);
    KESSAI_FUZZ_CHECK(file.isClean() || !file.errors().isEmpty());
    KESSAI_FUZZ_CHECK(!file.lines().isEmpty() || !file.errors().isEmpty());
    for (const BulkFileError &error : file.errors()) {
        KESSAI_FUZZ_CHECK(error.line >= 0);
        KESSAI_FUZZ_CHECK(!error.message.isEmpty());
    }

    // \z, not $: the patterns the parser uses would let a trailing line break through.
    static const QRegularExpression paymentId(QStringLiteral("^[0-9]{1,18}\\z"));
    static const QRegularExpression tradingId(QStringLiteral("^[A-Za-z0-9_]{1,25}\\z"));
    QSet<QString> payments;
    QSet<QString> tradings;
    int lastLine = 0;
    for (const BulkFileLine &line : file.lines()) {
        KESSAI_FUZZ_CHECK(line.line > lastLine);
        lastLine = line.line;
        KESSAI_FUZZ_CHECK(!line.paymentId.isEmpty() || !line.tradingId.isEmpty());
        if (!line.paymentId.isEmpty()) {
            KESSAI_FUZZ_CHECK(paymentId.match(line.paymentId).hasMatch());
            KESSAI_FUZZ_CHECK(!payments.contains(line.paymentId));
            payments.insert(line.paymentId);
        } else {
            KESSAI_FUZZ_CHECK(!tradings.contains(line.tradingId));
            tradings.insert(line.tradingId);
        }
        if (!line.tradingId.isEmpty())
            KESSAI_FUZZ_CHECK(tradingId.match(line.tradingId).hasMatch());
        KESSAI_FUZZ_CHECK(line.amount == 0 || (line.amount >= 1 && line.amount <= 9'999'999));
        if (fixedKind)
            KESSAI_FUZZ_CHECK(line.kind == *fixedKind);
    }
    KESSAI_FUZZ_CHECK(file.count(PaymentAction::Kind::Capture) + file.count(PaymentAction::Kind::Cancel)
                      == file.lines().size());
    file.checkDuplicatePayments();
    return 0;
}
