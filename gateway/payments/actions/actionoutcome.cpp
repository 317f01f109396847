#include "actionoutcome.h"

namespace kessai::gateway {

ApiError conflictFor(const ActionOutcome &outcome)
{
    if (outcome.errorCode == QLatin1String("not_found"))
        return ApiError::notFound(outcome.message);
    if (outcome.errorCode == QLatin1String("invalid_amount"))
        return {ErrorKind::BadRequest, outcome.errorCode, outcome.message};
    return {ErrorKind::Conflict, outcome.errorCode, outcome.message};
}

} // namespace kessai::gateway
