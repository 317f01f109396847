#include "savedsearches.h"

#include "profile.h"

#include <QSettings>

namespace kessai {

namespace {

const QString Group = QStringLiteral("saved_searches");

// Names are free text; keep them out of QSettings' key syntax.
QString keyOf(const QString &name)
{
    return QString::fromLatin1(name.toUtf8().toBase64(QByteArray::Base64UrlEncoding));
}

} // namespace

QStringList SavedSearches::names()
{
    QSettings *s = sharedSettings();
    s->beginGroup(userSettingsKey(Group));
    const QStringList keys = s->childKeys();
    s->endGroup();
    QStringList names;
    for (const QString &key : keys)
        names.append(QString::fromUtf8(QByteArray::fromBase64(key.toLatin1(), QByteArray::Base64UrlEncoding)));
    names.sort(Qt::CaseInsensitive);
    return names;
}

std::optional<PaymentQuery> SavedSearches::load(const QString &name)
{
    const QVariant value = sharedSettings()->value(userSettingsKey(Group) + u'/' + keyOf(name));
    if (!value.isValid())
        return std::nullopt;
    return PaymentQuery::fromQueryString(value.toString());
}

void SavedSearches::save(const QString &name, const PaymentQuery &query)
{
    sharedSettings()->setValue(userSettingsKey(Group) + u'/' + keyOf(name), query.withoutPersonalData().toQueryString());
    sharedSettings()->sync();
}

void SavedSearches::remove(const QString &name)
{
    sharedSettings()->remove(userSettingsKey(Group) + u'/' + keyOf(name));
    sharedSettings()->sync();
}

} // namespace kessai
