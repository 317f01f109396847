#include "japaneseui.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>

namespace kessai::test {

namespace {
QString consoleTranslation()
{
    return QStringLiteral(KESSAI_QM_DIR "/kessai_ja.qm");
}
} // namespace

JapaneseUi::JapaneseUi()
{
    m_loaded = m_console.load(consoleTranslation());
    if (m_loaded)
        QCoreApplication::installTranslator(&m_console);
    QLocale::setDefault(QLocale(QLocale::Japanese, QLocale::Japan));
    m_qtLoaded = m_qt.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    if (m_qtLoaded)
        QCoreApplication::installTranslator(&m_qt);
}

JapaneseUi::~JapaneseUi()
{
    if (m_qtLoaded)
        QCoreApplication::removeTranslator(&m_qt);
    if (m_loaded)
        QCoreApplication::removeTranslator(&m_console);
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

QString JapaneseUi::error() const
{
    return m_loaded ? QString() : QStringLiteral("cannot load ") + consoleTranslation();
}

QString screenshotDirectory()
{
    QString dir = qEnvironmentVariable("KESSAI_SCREENSHOT_DIR");
    if (dir.isEmpty())
        dir = QDir::temp().filePath(QStringLiteral("kessai-screenshots"));
    return QDir().mkpath(dir) ? dir : QString();
}

} // namespace kessai::test
