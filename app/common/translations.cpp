#include "translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace kessai {

QString installTranslations(QCoreApplication &app, const QString &requested)
{
    QString language = requested.isEmpty() ? qEnvironmentVariable("KESSAI_LANG") : requested;
    if (language.isEmpty())
        language = QLocale::system().language() == QLocale::Japanese ? QStringLiteral("ja") : QStringLiteral("en");
    language = language.left(2).toLower();
    if (language != QLatin1String("ja"))
        language = QStringLiteral("en");

    if (language == QLatin1String("ja"))
        QLocale::setDefault(QLocale(QLocale::Japanese, QLocale::Japan));
    else
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));

    auto *ours = new QTranslator(&app);
    if (ours->load(QStringLiteral(":/i18n/kessai_") + language + QStringLiteral(".qm")))
        QCoreApplication::installTranslator(ours);
    auto *qt = new QTranslator(&app);
    if (qt->load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    return language;
}

} // namespace kessai
