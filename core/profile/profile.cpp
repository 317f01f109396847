#include "profile.h"

#include <QUrl>

#include <QSettings>

namespace kessai {

QSettings *sharedSettings()
{
    // Explicit names, so kessaictl reads what the console wrote whatever its own app name is.
    thread_local QSettings settings(QSettings::NativeFormat, QSettings::UserScope,
                                    QStringLiteral("Kessai"), QStringLiteral("kessai"));
    return &settings;
}

namespace {

QString groupOf(const QString &name)
{
    // Profile names are free text; keep them out of QSettings' key syntax.
    return QStringLiteral("profiles/") + QString::fromLatin1(name.toUtf8().toBase64(QByteArray::Base64UrlEncoding));
}

} // namespace

QStringList Profile::names()
{
    QSettings *s = sharedSettings();
    s->beginGroup(QStringLiteral("profiles"));
    const QStringList groups = s->childGroups();
    s->endGroup();
    QStringList names;
    for (const QString &group : groups)
        names.append(QString::fromUtf8(QByteArray::fromBase64(group.toLatin1(), QByteArray::Base64UrlEncoding)));
    names.sort();
    return names;
}

bool Profile::exists(const QString &name)
{
    return !name.isEmpty() && names().contains(name);
}

Profile Profile::load(const QString &name)
{
    QSettings *s = sharedSettings();
    s->beginGroup(groupOf(name));
    Profile p;
    if (s->contains(QStringLiteral("url"))) {
        p.name = name;
        p.gatewayUrl = QUrl(s->value(QStringLiteral("url")).toString());
        p.caPath = s->value(QStringLiteral("ca")).toString();
        p.p12Path = s->value(QStringLiteral("p12")).toString();
        p.loginId = s->value(QStringLiteral("login_id")).toString();
        p.rememberPassphrase = s->value(QStringLiteral("remember_passphrase"), false).toBool();
    }
    s->endGroup();
    return p;
}

void Profile::save() const
{
    QSettings *s = sharedSettings();
    s->beginGroup(groupOf(name));
    s->setValue(QStringLiteral("url"), gatewayUrl.toString());
    s->setValue(QStringLiteral("ca"), caPath);
    s->setValue(QStringLiteral("p12"), p12Path);
    s->setValue(QStringLiteral("login_id"), loginId);
    s->setValue(QStringLiteral("remember_passphrase"), rememberPassphrase);
    s->endGroup();
    s->sync();
}

void Profile::remove(const QString &name)
{
    QSettings *s = sharedSettings();
    s->remove(groupOf(name));
    s->sync();
}

QString Profile::lastUsed()
{
    return sharedSettings()->value(QStringLiteral("last_profile")).toString();
}

void Profile::setLastUsed(const QString &name)
{
    QSettings *s = sharedSettings();
    s->setValue(QStringLiteral("last_profile"), name);
    s->sync();
}

namespace {

QString &settingsUser()
{
    static QString scope;
    return scope;
}

// A key part that cannot climb out of its group or split it.
QString keyPart(const QString &text)
{
    QString part = text;
    part.replace(u'/', u'_').replace(u'\\', u'_');
    return QString::fromLatin1(QUrl::toPercentEncoding(part));
}

} // namespace

void setSettingsUser(const QString &merchantId, const QString &loginId)
{
    settingsUser() = loginId.isEmpty() ? QString()
                                       : QStringLiteral("users/") + keyPart(merchantId) + u'/' + keyPart(loginId) + u'/';
}

QString userSettingsKey(const QString &key)
{
    return settingsUser() + key;
}

} // namespace kessai
