#include "clock.h"

#include <QDateTime>

namespace kessai::gateway {

qint64 SystemClock::now() const
{
    return QDateTime::currentSecsSinceEpoch() + m_offsetSeconds;
}

} // namespace kessai::gateway
