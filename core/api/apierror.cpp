#include "apierror.h"

#include <QCoreApplication>

namespace kessai {

QString ApiError::displayText() const
{
    if (requestId.isEmpty())
        return message;
    return QCoreApplication::translate("kessai::ApiError", "%1 (request ID %2)").arg(message, requestId);
}

ApiError ApiError::cancelled()
{
    ApiError e;
    e.kind = Kind::Cancelled;
    e.code = QStringLiteral("cancelled");
    e.message = QCoreApplication::translate("kessai::ApiError", "Cancelled.");
    return e;
}

} // namespace kessai
