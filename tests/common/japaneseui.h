#pragma once

#include <QString>
#include <QTranslator>

namespace kessai::test {

// The console in Japanese for as long as this object lives, as a Japanese system shows it: the
// console's own translation, Qt's (the standard buttons' 閉じる, キャンセル) when installed, and
// Japan's locale for numbers and dates. Afterwards English in the United States again, as every
// test starts. Check loaded() (QVERIFY2(ja.loaded(), qPrintable(ja.error()))).
class JapaneseUi
{
public:
    JapaneseUi();
    ~JapaneseUi();
    JapaneseUi(const JapaneseUi &) = delete;
    JapaneseUi &operator=(const JapaneseUi &) = delete;

    bool loaded() const { return m_loaded; }
    QString error() const;

private:
    QTranslator m_console;
    QTranslator m_qt;
    bool m_loaded = false;
    bool m_qtLoaded = false;
};

// Where screenshots go: $KESSAI_SCREENSHOT_DIR, or kessai-screenshots in the temporary folder;
// made if missing. Empty if it cannot be made.
QString screenshotDirectory();

} // namespace kessai::test
