#include "usersmodel.h"

#include "domain/japantime.h"

#include <QColor>
#include <QDateTime>

namespace kessai {

UsersModel::UsersModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void UsersModel::setUsers(const QList<ManagedUser> &users)
{
    beginResetModel();
    m_users = users;
    endResetModel();
}

void UsersModel::updateUser(const ManagedUser &user)
{
    const int row = rowOf(user.loginId);
    if (row >= 0) {
        m_users[row] = user;
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        return;
    }
    beginInsertRows(QModelIndex(), int(m_users.size()), int(m_users.size()));
    m_users.append(user);
    endInsertRows();
}

const ManagedUser *UsersModel::userAt(int row) const
{
    return row >= 0 && row < m_users.size() ? &m_users.at(row) : nullptr;
}

int UsersModel::rowOf(const QString &loginId) const
{
    for (int i = 0; i < m_users.size(); ++i) {
        if (m_users.at(i).loginId == loginId)
            return i;
    }
    return -1;
}

qint64 UsersModel::now() const
{
    return m_now > 0 ? m_now : QDateTime::currentSecsSinceEpoch();
}

QString UsersModel::roleLabel(const QString &role)
{
    if (role == QLatin1String("admin"))
        return tr("Administrator");
    if (role == QLatin1String("general"))
        return tr("General");
    return role;
}

QString UsersModel::stateText(const ManagedUser &user) const
{
    if (!user.enabled)
        return tr("Disabled");
    if (user.isLocked(now()))
        return tr("Locked until %1").arg(JapanTime::format(user.lockedUntil).left(16));
    if (!user.hasActiveCertificate())
        return tr("No certificate: cannot log in");
    if (user.mustChangePassword)
        return tr("Active; password reset, to be changed at next login");
    return tr("Active");
}

int UsersModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_users.size());
}

int UsersModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant UsersModel::data(const QModelIndex &index, int role) const
{
    const ManagedUser *user = userAt(index.row());
    if (!user)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case LoginIdColumn:
            return user->loginId;
        case NameColumn:
            return user->name;
        case RoleColumn:
            return roleLabel(user->role);
        case StateColumn:
            return stateText(*user);
        case LastLoginColumn:
            return user->lastLoginAt > 0 ? JapanTime::format(user->lastLoginAt) : tr("never");
        case CertificateColumn:
            if (!user->certificate)
                return tr("none");
            return user->certificate->revoked ? tr("%1… (revoked)").arg(user->certificate->fingerprint.left(16))
                                              : user->certificate->fingerprint.left(16) + u'…';
        case ExpiryColumn:
            return user->certificate ? JapanTime::format(user->certificate->notAfter, true) : QString();
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == CertificateColumn && user->certificate)
            return tr("SHA-256 fingerprint: %1").arg(user->certificate->fingerprint);
        return {};
    case Qt::ForegroundRole:
        if (index.column() == StateColumn && (!user->enabled || user->isLocked(now()) || !user->hasActiveCertificate()))
            return QColor(0xb0, 0x1c, 0x1c);
        if (index.column() == ExpiryColumn && user->hasActiveCertificate()
            && user->certificate->notAfter < now() + 30 * 86400)
            return QColor(0x8a, 0x5a, 0x00); // expires within 30 days
        return {};
    case LoginIdRole:
        return user->loginId;
    default:
        return {};
    }
}

QVariant UsersModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case LoginIdColumn:
        return tr("Login ID");
    case NameColumn:
        return tr("Name");
    case RoleColumn:
        return tr("Role");
    case StateColumn:
        return tr("State");
    case LastLoginColumn:
        return tr("Last login");
    case CertificateColumn:
        return tr("Certificate");
    case ExpiryColumn:
        return tr("Certificate expires");
    default:
        return {};
    }
}

} // namespace kessai
