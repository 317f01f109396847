#pragma once

#include <QList>
#include <QString>

#include <functional>

namespace kessai {

class BulkService;
class MerchantClient;
class Page;
struct UserInfo;

// What a page is built with: the signed-in client, and the services pages share (the bulk
// journal: a batch started on the search page runs and shows on 一括処理).
struct PageContext
{
    MerchantClient *client = nullptr;
    BulkService *bulk = nullptr; // null when the journal could not be opened
};

// The console's pages, declared once: the shell builds its side list, its shortcuts (Ctrl+1…9)
// and its window title from this list and from nothing else. Adding a page is one entry here.
struct PageEntry
{
    enum class Group { Payments, Settlement, Administration };

    QString id;          // stable key for settings ("payments/search")
    Group group;         // 決済 / 精算 / 管理, PAYGENT online's menu groups
    const char *title;   // untranslated (QT_TRANSLATE_NOOP "kessai::PageList")
    QString iconName;    // freedesktop icon name; the list shows text alone where the theme has none
    // Whether the signed-in user may open the page; the gateway refuses what it does not allow
    // anyway, the list only hides what would be refused.
    std::function<bool(const UserInfo &)> allowed;
    std::function<Page *(const PageContext &context)> create;
};

namespace PageList {

const QList<PageEntry> &all();
// The entries this user may open, in list order.
QList<const PageEntry *> allowedFor(const UserInfo &user);
QString title(const PageEntry &entry);
QString groupTitle(PageEntry::Group group);

} // namespace PageList

} // namespace kessai
