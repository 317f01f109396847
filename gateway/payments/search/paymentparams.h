#pragma once

#include "common/apierror.h"
#include "payments/paymentstore.h"

#include <QMultiMap>
#include <QString>
#include <QStringList>

namespace kessai::gateway {

// Turns the query of GET /v1/payments into a filter, applying the user's view:<type> rights.
// Unknown parameters are ignored so that older gateways accept newer consoles' extras.
ApiResult<PaymentFilter> parsePaymentQuery(const QMultiMap<QString, QString> &params,
                                           const QStringList &permissions);

} // namespace kessai::gateway
