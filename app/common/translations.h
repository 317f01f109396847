#pragma once

#include <QString>

class QCoreApplication;

namespace kessai {

// Japanese on a Japanese system (or with --lang ja / KESSAI_LANG=ja), English otherwise. Sets the
// default QLocale to match, so dates and yen are written the way the text is.
QString installTranslations(QCoreApplication &app, const QString &requested = QString());

} // namespace kessai
