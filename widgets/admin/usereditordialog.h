#pragma once

#include "api/useradmin.h"

#include <QDialog>
#include <QHash>

#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace kessai {

// A user's account as an admin edits it: login ID (new users only), name, role, the permission
// matrix with a sentence per right, and for a new user the initial password (generated, shown
// once). What the signed-in user may not hand out is shown but not offered, with the reason.
class UserEditorDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UserEditorDialog)

public:
    // existing: nullopt for a new user. granter: the signed-in user's role and permissions.
    UserEditorDialog(const std::optional<ManagedUser> &existing, const QString &granterRole,
                     const QStringList &granterPermissions, const QString &selfLoginId, QWidget *parent = nullptr);
    ~UserEditorDialog() override;

    QString loginId() const;
    QString initialPassword() const;
    // What to send: every field for a new user, only what changed for an existing one.
    UserChange change() const;

    void setLoginId(const QString &loginId);
    void setName(const QString &name);
    void setRole(const QString &role);
    void setPermission(const QString &permission, bool granted);
    QStringList permissions() const;

private:
    void updateState();

    std::optional<ManagedUser> m_existing;
    QString m_granterRole;
    QStringList m_granterPermissions;
    QString m_selfLoginId;
    QLineEdit *m_loginId;
    QLineEdit *m_name;
    QComboBox *m_role;
    QLineEdit *m_password;
    QHash<QString, QCheckBox *> m_permissions;
    QLabel *m_problem;
    QPushButton *m_ok;
};

} // namespace kessai
