#pragma once

#include <QString>
#include <QStringList>

namespace kessai::gateway {

// Permissions are data: view:<type> per payment type of the catalogue, then the action rights.
namespace Permissions {

QString view(const QString &typeCode); // "view:02"
QStringList all();                     // what an admin has
bool isKnown(const QString &permission);
// Admins hold every permission whatever is stored for them.
QStringList effective(const QString &role, const QStringList &stored);

} // namespace Permissions

} // namespace kessai::gateway
