#include "pagelist.h"

#include "api/merchantclient.h"
#include "bulk/bulkpage.h"
#include "payments/searchpage.h"
#include "register/registrationpage.h"
#include "admin/auditpage.h"
#include "admin/userspage.h"
#include "reconcile/reconcilepage.h"
#include "statements/statementspage.h"

#include <QCoreApplication>

namespace kessai {

namespace {

bool viewsAnyPayments(const UserInfo &user)
{
    return std::any_of(user.permissions.cbegin(), user.permissions.cend(),
                       [](const QString &permission) { return permission.startsWith(QLatin1String("view:")); });
}

} // namespace

const QList<PageEntry> &PageList::all()
{
    static const QList<PageEntry> pages = {
        {QStringLiteral("payments/search"), PageEntry::Group::Payments,
         QT_TRANSLATE_NOOP("kessai::PageList", "Payment search"), QStringLiteral("edit-find"), viewsAnyPayments,
         [](const PageContext &c) -> Page * { return new SearchPage(c.client, c.bulk); }},
        {QStringLiteral("payments/bulk"), PageEntry::Group::Payments,
         QT_TRANSLATE_NOOP("kessai::PageList", "Bulk processing"), QStringLiteral("view-list-details"),
         [](const UserInfo &user) { return user.can(QStringLiteral("capture")) || user.can(QStringLiteral("cancel")); },
         [](const PageContext &c) -> Page * { return new BulkPage(c.bulk); }},
        {QStringLiteral("payments/register"), PageEntry::Group::Payments,
         QT_TRANSLATE_NOOP("kessai::PageList", "New payment"), QStringLiteral("document-new"),
         [](const UserInfo &user) { return user.can(QStringLiteral("register")); },
         [](const PageContext &c) -> Page * { return new RegistrationPage(c.client); }},
        {QStringLiteral("settlement/statements"), PageEntry::Group::Settlement,
         QT_TRANSLATE_NOOP("kessai::PageList", "Statements"), QStringLiteral("x-office-spreadsheet"),
         [](const UserInfo &user) { return user.can(QStringLiteral("statements")); },
         [](const PageContext &c) -> Page * { return new StatementsPage(c.client); }},
        {QStringLiteral("settlement/reconcile"), PageEntry::Group::Settlement,
         QT_TRANSLATE_NOOP("kessai::PageList", "Reconciliation"), QStringLiteral("view-task"),
         [](const UserInfo &user) { return user.can(QStringLiteral("statements")); },
         [](const PageContext &c) -> Page * { return new ReconcilePage(c.client); }},
        {QStringLiteral("admin/users"), PageEntry::Group::Administration,
         QT_TRANSLATE_NOOP("kessai::PageList", "Users"), QStringLiteral("system-users"),
         [](const UserInfo &user) { return user.can(QStringLiteral("manage_users")); },
         [](const PageContext &c) -> Page * { return new UsersPage(c.client); }},
        {QStringLiteral("admin/audit"), PageEntry::Group::Administration,
         QT_TRANSLATE_NOOP("kessai::PageList", "Audit log"), QStringLiteral("document-open-recent"),
         [](const UserInfo &user) { return user.can(QStringLiteral("manage_users")); },
         [](const PageContext &c) -> Page * { return new AuditPage(c.client); }},
    };
    return pages;
}

QList<const PageEntry *> PageList::allowedFor(const UserInfo &user)
{
    QList<const PageEntry *> entries;
    for (const PageEntry &entry : all()) {
        if (!entry.allowed || entry.allowed(user))
            entries.append(&entry);
    }
    return entries;
}

QString PageList::title(const PageEntry &entry)
{
    return QCoreApplication::translate("kessai::PageList", entry.title);
}

QString PageList::groupTitle(PageEntry::Group group)
{
    switch (group) {
    case PageEntry::Group::Payments:
        return QCoreApplication::translate("kessai::PageList", "Payments", "page group: 決済");
    case PageEntry::Group::Settlement:
        return QCoreApplication::translate("kessai::PageList", "Settlement", "page group: 精算");
    case PageEntry::Group::Administration:
        return QCoreApplication::translate("kessai::PageList", "Administration", "page group: 管理");
    }
    return QString();
}

} // namespace kessai
