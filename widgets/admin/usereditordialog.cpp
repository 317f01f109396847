#include "usereditordialog.h"

#include "admin/usersmodel.h"
#include "domain/cardnumberscan.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

namespace kessai {

UserEditorDialog::UserEditorDialog(const std::optional<ManagedUser> &existing, const QString &granterRole,
                                   const QStringList &granterPermissions, const QString &selfLoginId, QWidget *parent)
    : QDialog(parent)
    , m_existing(existing)
    , m_granterRole(granterRole)
    , m_granterPermissions(granterPermissions)
    , m_selfLoginId(selfLoginId)
    , m_loginId(new QLineEdit)
    , m_name(new QLineEdit)
    , m_role(new QComboBox)
    , m_password(new QLineEdit)
    , m_problem(new QLabel)
    , m_ok(nullptr)
{
    setObjectName(QStringLiteral("userEditor"));
    setWindowTitle(existing ? tr("Edit user %1").arg(existing->loginId) : tr("New user"));
    m_loginId->setObjectName(QStringLiteral("loginId"));
    m_loginId->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[A-Za-z0-9_.-]{0,32}")), this));
    m_loginId->setPlaceholderText(tr("3–32 letters, digits, _ . -"));
    m_name->setObjectName(QStringLiteral("userName"));
    m_name->setMaxLength(64);
    m_role->setObjectName(QStringLiteral("role"));
    m_role->addItem(UsersModel::roleLabel(QStringLiteral("general")), QStringLiteral("general"));
    m_role->addItem(UsersModel::roleLabel(QStringLiteral("admin")), QStringLiteral("admin"));
    m_password->setObjectName(QStringLiteral("initialPassword"));
    m_problem->setObjectName(QStringLiteral("userProblem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #b01c1c;"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Login ID:"), m_loginId);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Role:"), m_role);
    if (!existing) {
        auto *generate = new QPushButton(tr("&Generate"));
        generate->setObjectName(QStringLiteral("generatePassword"));
        generate->setAutoDefault(false);
        auto *row = new QHBoxLayout;
        row->addWidget(m_password, 1);
        row->addWidget(generate);
        form->addRow(tr("Initial &password:"), row);
        m_password->setText(generateInitialPassword());
        m_password->setToolTip(tr("At least 12 characters with letters and digits. Shown once: hand it to the user "
                                  "yourself, separately from the certificate's passphrase."));
        connect(generate, &QPushButton::clicked, this, [this] { m_password->setText(generateInitialPassword()); });
    }

    // The permission matrix: each right with what it allows.
    auto *matrix = new QGroupBox(tr("Rights"));
    auto *grid = new QGridLayout(matrix);
    int row = 0;
    const bool granterIsAdmin = granterRole == QLatin1String("admin");
    for (const PermissionInfo &info : permissionCatalogue()) {
        auto *box = new QCheckBox(info.label);
        box->setObjectName(QStringLiteral("permission:") + info.name);
        auto *sentence = new QLabel(info.sentence);
        sentence->setWordWrap(true);
        sentence->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Minimum);
        sentence->setStyleSheet(QStringLiteral("color: palette(mid);"));
        if (!granterIsAdmin && !granterPermissions.contains(info.name)) {
            // A general user never hands out more than it holds; the gateway refuses it anyway.
            box->setEnabled(false);
            box->setToolTip(tr("You do not hold this right yourself, so you cannot give it."));
        }
        grid->addWidget(box, row, 0);
        grid->addWidget(sentence, row, 1);
        ++row;
        m_permissions.insert(info.name, box);
        connect(box, &QCheckBox::toggled, this, &UserEditorDialog::updateState);
    }
    grid->setColumnStretch(1, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    m_ok = buttons->addButton(existing ? tr("Save") : tr("Create user"), QDialogButtonBox::AcceptRole);
    m_ok->setObjectName(QStringLiteral("userSave"));
    m_ok->setDefault(true);

    setMinimumWidth(fontMetrics().horizontalAdvance(QLatin1Char('M')) * 56);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(matrix);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);

    if (existing) {
        m_loginId->setText(existing->loginId);
        m_loginId->setReadOnly(true);
        m_name->setText(existing->name);
        m_role->setCurrentIndex(std::max(0, m_role->findData(existing->role)));
        for (const QString &permission : existing->permissions) {
            if (QCheckBox *box = m_permissions.value(permission))
                box->setChecked(true);
        }
    }
    if (!granterIsAdmin) {
        // Only an admin makes admins.
        m_role->setEnabled(false);
        m_role->setToolTip(tr("Only an administrator can give the administrator role."));
    }
    connect(m_loginId, &QLineEdit::textChanged, this, &UserEditorDialog::updateState);
    connect(m_name, &QLineEdit::textChanged, this, &UserEditorDialog::updateState);
    connect(m_role, &QComboBox::currentIndexChanged, this, &UserEditorDialog::updateState);
    connect(m_password, &QLineEdit::textChanged, this, &UserEditorDialog::updateState);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateState();
}

UserEditorDialog::~UserEditorDialog() = default;

QString UserEditorDialog::loginId() const
{
    return m_loginId->text().trimmed();
}

QString UserEditorDialog::initialPassword() const
{
    return m_password->text();
}

void UserEditorDialog::setLoginId(const QString &loginId)
{
    m_loginId->setText(loginId);
}

void UserEditorDialog::setName(const QString &name)
{
    m_name->setText(name);
}

void UserEditorDialog::setRole(const QString &role)
{
    m_role->setCurrentIndex(std::max(0, m_role->findData(role)));
}

void UserEditorDialog::setPermission(const QString &permission, bool granted)
{
    if (QCheckBox *box = m_permissions.value(permission))
        box->setChecked(granted);
}

QStringList UserEditorDialog::permissions() const
{
    QStringList list;
    for (const PermissionInfo &info : permissionCatalogue()) {
        if (m_permissions.value(info.name)->isChecked())
            list.append(info.name);
    }
    return list;
}

UserChange UserEditorDialog::change() const
{
    UserChange change;
    const QString name = m_name->text().trimmed();
    const QString role = m_role->currentData().toString();
    const QStringList granted = permissions();
    if (!m_existing || name != m_existing->name)
        change.name = name;
    if (!m_existing || role != m_existing->role)
        change.role = role;
    // What the matrix shows is what the user will hold: sent when it differs, and whenever the
    // role becomes general (an admin's stored list may differ from the "everything" it showed).
    const bool becomesGeneral = change.role.has_value() && role == QLatin1String("general");
    if (!m_existing || granted != m_existing->permissions || becomesGeneral)
        change.permissions = granted;
    return change;
}

void UserEditorDialog::updateState()
{
    const bool admin = m_role->currentData().toString() == QLatin1String("admin");
    for (QCheckBox *box : std::as_const(m_permissions)) {
        // An administrator holds every right; the matrix shows it and waits for a general role.
        box->setEnabled(!admin && (m_granterRole == QLatin1String("admin") || m_granterPermissions.contains(box->objectName().mid(11))));
    }
    QString problem;
    static const QRegularExpression loginPattern(QStringLiteral("^[A-Za-z0-9_.-]{3,32}$"));
    if (!loginPattern.match(loginId()).hasMatch())
        problem = tr("The login ID needs 3–32 letters, digits, _ . or -.");
    else if (loginId().compare(QLatin1String("system"), Qt::CaseInsensitive) == 0)
        problem = tr("\"system\" is the gateway's own name and cannot be a user.");
    else if (m_name->text().trimmed().isEmpty())
        problem = tr("Enter the user's name.");
    else if (containsCardNumber(m_name->text()))
        problem = tr("The name must not hold a card number.");
    else if (!m_existing && !meetsPasswordPolicy(initialPassword()))
        problem = tr("The initial password needs at least 12 characters with letters and digits.");
    else if (m_existing && m_existing->loginId == m_selfLoginId && !admin
             && !m_permissions.value(QStringLiteral("manage_users"))->isChecked())
        problem = tr("You cannot take user management away from yourself: nobody could undo it.");
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    m_ok->setEnabled(problem.isEmpty());
}

} // namespace kessai
