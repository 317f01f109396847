#pragma once

#include <QString>

namespace kessai::gateway {

// Where a request came from: the client certificate on its connection and its address.
struct RequestOrigin
{
    QString certificateFingerprint;
    QString address;
    QString requestId;
};

} // namespace kessai::gateway
