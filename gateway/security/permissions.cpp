#include "permissions.h"

#include "domain/paymentcatalog.h"

namespace kessai::gateway::Permissions {

QString view(const QString &typeCode)
{
    return QStringLiteral("view:") + typeCode;
}

QStringList all()
{
    QStringList permissions;
    for (const PaymentTypeInfo &type : PaymentCatalog::types())
        permissions.append(view(type.code));
    permissions << QStringLiteral("capture") << QStringLiteral("cancel")
                << QStringLiteral("change_amount") << QStringLiteral("register")
                << QStringLiteral("export") << QStringLiteral("statements")
                << QStringLiteral("manage_users");
    return permissions;
}

bool isKnown(const QString &permission)
{
    return all().contains(permission);
}

QStringList effective(const QString &role, const QStringList &stored)
{
    if (role == QLatin1String("admin"))
        return all();
    // Catalogue order, unknown leftovers dropped: the answer is stable for clients and tests.
    QStringList permissions;
    for (const QString &permission : all()) {
        if (stored.contains(permission))
            permissions.append(permission);
    }
    return permissions;
}

} // namespace kessai::gateway::Permissions
