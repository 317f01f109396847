#pragma once

#include "api/useradmin.h"

#include <QAbstractTableModel>

namespace kessai {

// The merchant's users for ユーザー管理: login ID, name, role, state (enabled, locked until), last
// login, certificate (fingerprint, expiry, revoked). The list is small (a merchant's staff): read whole.
class UsersModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UsersModel)

public:
    enum Column { LoginIdColumn, NameColumn, RoleColumn, StateColumn, LastLoginColumn, CertificateColumn, ExpiryColumn, ColumnCount };
    enum Role { LoginIdRole = Qt::UserRole + 1 };

    explicit UsersModel(QObject *parent = nullptr);

    void setUsers(const QList<ManagedUser> &users);
    // Replaces one user in place (after a change), or appends a new one.
    void updateUser(const ManagedUser &user);
    const QList<ManagedUser> &users() const { return m_users; }
    const ManagedUser *userAt(int row) const;
    int rowOf(const QString &loginId) const;
    // The clock the lock state is read against (tests pin it).
    void setNow(qint64 seconds) { m_now = seconds; }

    static QString roleLabel(const QString &role);
    QString stateText(const ManagedUser &user) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    qint64 now() const;

    QList<ManagedUser> m_users;
    qint64 m_now = 0;
};

} // namespace kessai
