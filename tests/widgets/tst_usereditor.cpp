#include "admin/usereditordialog.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>

using namespace kessai;

// The user editor refuses a card number typed as a user's name before anything is sent, and
// says which field, not what was typed.
class TestUserEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aCardNumberIsNoName()
    {
        ManagedUser clerk;
        clerk.loginId = QStringLiteral("clerk");
        clerk.name = QStringLiteral("受付 一郎");
        clerk.role = QStringLiteral("general");
        UserEditorDialog dialog(clerk, QStringLiteral("admin"), {}, QStringLiteral("admin"));
        dialog.show();
        auto *save = dialog.findChild<QPushButton *>(QStringLiteral("userSave"));
        auto *problem = dialog.findChild<QLabel *>(QStringLiteral("userProblem"));
        auto *name = dialog.findChild<QLineEdit *>(QStringLiteral("userName"));
        QVERIFY(save && problem && name);
        QVERIFY(save->isEnabled());

        name->clear();
        QTest::keyClicks(name, QStringLiteral("Uketsuke 4111-1111-1111-1111"));
        QVERIFY(!save->isEnabled());
        QCOMPARE(problem->text(), QStringLiteral("The name must not hold a card number."));

        dialog.setName(QStringLiteral("受付 ４１１１１１１１１１１１１１１１"));
        QVERIFY(!save->isEnabled());

        dialog.setName(QStringLiteral("受付 二郎"));
        QVERIFY(save->isEnabled());
        QVERIFY(problem->isHidden());
    }
};

QTEST_MAIN(TestUserEditor)
#include "tst_usereditor.moc"
