#include "security/passwordhasher.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>

using kessai::gateway::PasswordHasher;

class TestPasswordHasher : public QObject
{
    Q_OBJECT

private slots:
    void hashHasSelfDescribingFormat();
    void verifyAcceptsTheRightPasswordOnly();
    void saltMakesEqualPasswordsHashDifferently();
    void malformedHashesNeverVerify_data();
    void malformedHashesNeverVerify();
    void policy_data();
    void policy();
    void generatedPasswordsMeetThePolicyAndDiffer();
};

void TestPasswordHasher::hashHasSelfDescribingFormat()
{
    const auto hash = PasswordHasher::hash(QStringLiteral("kessai-admin-2026"));
    QVERIFY(hash.ok());
    const QStringList parts = hash.value().split(u'$');
    QCOMPARE(parts.size(), 4);
    QCOMPARE(parts.at(0), QStringLiteral("pbkdf2-sha256"));
    QCOMPARE(parts.at(1), QStringLiteral("600000"));
    QCOMPARE(QByteArray::fromBase64(parts.at(2).toLatin1()).size(), 16);
    QCOMPARE(QByteArray::fromBase64(parts.at(3).toLatin1()).size(), 32);
}

void TestPasswordHasher::verifyAcceptsTheRightPasswordOnly()
{
    // Fewer iterations keep the test fast; the stored count is honoured on verification.
    const auto hash = PasswordHasher::hash(QStringLiteral("correct horse 42"), 1000);
    QVERIFY(hash.ok());
    QVERIFY(PasswordHasher::verify(QStringLiteral("correct horse 42"), hash.value()));
    QVERIFY(!PasswordHasher::verify(QStringLiteral("correct horse 43"), hash.value()));
    QVERIFY(!PasswordHasher::verify(QString(), hash.value()));
    // Known answer: PBKDF2-HMAC-SHA256("password", "salt", 1) from RFC 7914's test vectors.
    const QString known = QStringLiteral("pbkdf2-sha256$1$") + QString::fromLatin1(QByteArray("salt").toBase64())
                          + u'$'
                          + QString::fromLatin1(QByteArray::fromHex("120fb6cffcf8b32c43e7225256c4f837a86548c9"
                                                                     "2ccc35480805987cb70be17b")
                                                    .toBase64());
    QVERIFY(PasswordHasher::verify(QStringLiteral("password"), known));
}

void TestPasswordHasher::saltMakesEqualPasswordsHashDifferently()
{
    const auto a = PasswordHasher::hash(QStringLiteral("same password 1"), 1000);
    const auto b = PasswordHasher::hash(QStringLiteral("same password 1"), 1000);
    QVERIFY(a.ok() && b.ok());
    QVERIFY(a.value() != b.value());
}

void TestPasswordHasher::malformedHashesNeverVerify_data()
{
    QTest::addColumn<QString>("stored");
    QTest::newRow("empty") << QString();
    QTest::newRow("other scheme") << QStringLiteral("bcrypt$10$abc$def");
    QTest::newRow("missing part") << QStringLiteral("pbkdf2-sha256$1000$c2FsdA==");
    QTest::newRow("zero iterations") << QStringLiteral("pbkdf2-sha256$0$c2FsdA==$AAAA");
    QTest::newRow("bad base64") << QStringLiteral("pbkdf2-sha256$1000$***$***");
    QTest::newRow("short hash") << QStringLiteral("pbkdf2-sha256$1000$c2FsdA==$AAAA");
}

void TestPasswordHasher::malformedHashesNeverVerify()
{
    QFETCH(QString, stored);
    QVERIFY(!PasswordHasher::verify(QStringLiteral("anything123456"), stored));
}

void TestPasswordHasher::policy_data()
{
    QTest::addColumn<QString>("password");
    QTest::addColumn<bool>("acceptable");
    QTest::newRow("demo admin") << QStringLiteral("kessai-admin-2026") << true;
    QTest::newRow("11 chars") << QStringLiteral("abcdefghij1") << false;
    QTest::newRow("letters only") << QStringLiteral("abcdefghijklmn") << false;
    QTest::newRow("digits only") << QStringLiteral("12345678901234") << false;
    QTest::newRow("japanese letters and digits") << QStringLiteral("けっさいパスワード2026") << true;
}

void TestPasswordHasher::policy()
{
    QFETCH(QString, password);
    QFETCH(bool, acceptable);
    QCOMPARE(PasswordHasher::policyViolation(password).isEmpty(), acceptable);
}

void TestPasswordHasher::generatedPasswordsMeetThePolicyAndDiffer()
{
    static const QRegularExpression shape(QStringLiteral("^([A-HJ-NP-Za-km-z2-9]{5}-){3}[A-HJ-NP-Za-km-z2-9]{5}\\z"));
    QSet<QString> seen;
    for (int i = 0; i < 500; ++i) {
        const QString password = PasswordHasher::generate();
        QVERIFY2(shape.match(password).hasMatch(), qPrintable(password));
        QVERIFY2(PasswordHasher::policyViolation(password).isEmpty(), qPrintable(password));
        seen.insert(password);
    }
    QCOMPARE(seen.size(), 500);
}

QTEST_GUILESS_MAIN(TestPasswordHasher)
#include "tst_passwordhasher.moc"
