#pragma once

#include <QString>
#include <QStringList>
#include <QUrl>

class QSettings;

namespace kessai {

// A saved connection: which gateway, which CA, which certificate file, which login ID. Shared by
// the console and kessaictl (--profile NAME). Never holds a secret: the passphrase lives in the
// OS keychain, and only if the user asked for it.
struct Profile
{
    QString name;
    QUrl gatewayUrl;
    QString caPath;
    QString p12Path;
    QString loginId;
    bool rememberPassphrase = false;

    bool isComplete() const { return !name.isEmpty() && gatewayUrl.isValid() && !p12Path.isEmpty(); }
    bool operator==(const Profile &other) const = default;

    static QStringList names();
    static bool exists(const QString &name);
    static Profile load(const QString &name);
    void save() const;
    static void remove(const QString &name);

    // The profile the console opens with: the last one used.
    static QString lastUsed();
    static void setLastUsed(const QString &name);

    // Key under which the passphrase is kept in the keychain.
    QString secretKey() const { return QStringLiteral("p12-passphrase/") + name; }
};

// The settings store both programs share.
QSettings *sharedSettings();

// What a user keeps (last search, saved searches, column layout, last page) belongs to that user,
// not to the PC: it lives under users/<merchant>/<login ID>/ in the shared settings, so the next
// person signing in on the same computer never sees it. Set at sign-in; empty keeps plain keys.
void setSettingsUser(const QString &merchantId, const QString &loginId);
// key under the signed-in user's group ("users/M0001/staff/search/last").
QString userSettingsKey(const QString &key);

} // namespace kessai
