#pragma once

#include <QString>
#include <QStringList>

namespace kessai::gateway {

// Who a request acts for once the session check has passed: what every feature needs to know
// of the signed-in user, without depending on how sessions are kept.
struct Caller
{
    QString loginId;
    QString merchantId;
    QString merchantName;
    QString name;
    QString role;            // admin | general
    QStringList permissions; // effective: an admin has all
    QString sessionId;       // what logout ends
    bool mustChangePassword = false; // an admin reset the password; see RouteKit
};

} // namespace kessai::gateway
