// The gateway's search parameters: a request target as it comes off the wire (http/
// requesttarget: path and query decoding) into GET /v1/payments's filter (payments/search/
// paymentparams). Whatever the bytes, no crash; a query is refused with a message or gives a
// filter inside the documented bounds (docs/api.md) and the user's view:<type> rights.

#include "fuzzcheck.h"

#include "domain/paymentcatalog.h"
#include "http/requesttarget.h"
#include "payments/search/paymentparams.h"
#include "security/permissions.h"

#include <QRegularExpression>

#include <cstdint>
#include <string_view>

using namespace kessai;
using namespace kessai::gateway;

namespace {

void checkFilter(const PaymentFilter &filter, const QStringList &permissions)
{
    static const QRegularExpression tradingId(QStringLiteral("^[A-Za-z0-9_]{1,25}\\z"));
    KESSAI_FUZZ_CHECK(filter.limit >= 1 && filter.limit <= 1000);
    KESSAI_FUZZ_CHECK(filter.tradingId.isEmpty() || tradingId.match(filter.tradingId).hasMatch());
    KESSAI_FUZZ_CHECK(!filter.paymentId || (*filter.paymentId >= 0));
    for (const int status : filter.statuses)
        KESSAI_FUZZ_CHECK(PaymentCatalog::isKnownStatus(status));
    for (const auto &[type, status] : filter.typeStatuses) {
        KESSAI_FUZZ_CHECK(PaymentCatalog::isKnownType(type));
        KESSAI_FUZZ_CHECK(filter.statuses.contains(status));
    }
    for (const QString &type : filter.types) {
        KESSAI_FUZZ_CHECK(PaymentCatalog::isKnownType(type));
        KESSAI_FUZZ_CHECK(permissions.contains(Permissions::view(type)));
    }
    if (!filter.restrictTypes)
        KESSAI_FUZZ_CHECK(filter.types.size() == PaymentCatalog::types().size());
    for (const TimeRange *range : {&filter.trade, &filter.due, &filter.cleared, &filter.charged}) {
        KESSAI_FUZZ_CHECK(!range->from || *range->from >= 0);
        KESSAI_FUZZ_CHECK(!range->to || *range->to >= 0);
    }
    KESSAI_FUZZ_CHECK(!filter.amountMin || (*filter.amountMin >= 0 && *filter.amountMin < 1'000'000'000'000));
    KESSAI_FUZZ_CHECK(!filter.amountMax || (*filter.amountMax >= 0 && *filter.amountMax < 1'000'000'000'000));
    KESSAI_FUZZ_CHECK(filter.cardLast4.isEmpty() || filter.cardLast4.size() == 4);
    KESSAI_FUZZ_CHECK(filter.customer.size() <= 64);
    if (filter.after) {
        KESSAI_FUZZ_CHECK(filter.after->sort == filter.sort && filter.after->ascending == filter.ascending);
        KESSAI_FUZZ_CHECK(filter.after->paymentId > 0);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    // The first byte picks the user: an admin, or a user who may view card payments (02) only.
    static const QStringList admin = Permissions::all();
    static const QStringList cardsOnly = {Permissions::view(QStringLiteral("02"))};
    const QStringList &permissions = data[0] & 1 ? cardsOnly : admin;
    const std::string_view target(reinterpret_cast<const char *>(data) + 1, size - 1);

    KESSAI_FUZZ_CHECK(decodedPath(target).size() <= qsizetype(target.size()));
    // The request log's path: nothing that could break or reorder a log line.
    for (const QChar c : loggedPath(target)) {
        const QChar::Category category = c.category();
        KESSAI_FUZZ_CHECK(category != QChar::Other_Control && category != QChar::Other_Format
                          && category != QChar::Separator_Line && category != QChar::Separator_Paragraph);
    }

    QMultiMap<QString, QString> params;
    for (const auto &[name, value] : targetQueryItems(target))
        params.insert(name, value);
    const ApiResult<PaymentFilter> filter = parsePaymentQuery(params, permissions);
    if (filter.ok())
        checkFilter(filter.value(), permissions);
    else
        KESSAI_FUZZ_CHECK(filter.error().kind == ErrorKind::BadRequest && !filter.error().message.isEmpty());
    return 0;
}
