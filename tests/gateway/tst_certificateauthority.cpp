#include "ca/certificateauthority.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDateTime>
#include <QSslCertificate>
#include <QSslCertificateExtension>
#include <QSslKey>
#include <QTemporaryDir>
#include <QTest>

using kessai::gateway::CertificateAuthority;

class TestCertificateAuthority : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void refusesToOverwriteAnExistingCa();
    void serverCertificateCoversLocalhostAndLoopback();
    void clientPkcs12ImportsWithQt();
    void clientPkcs12RefusesWrongPassphrase();
    void everyCertificateGetsItsOwnPassphraseAndSerial();

private:
    QTemporaryDir m_dir;
    std::optional<CertificateAuthority> m_ca;
};

void TestCertificateAuthority::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const auto created = CertificateAuthority::create(m_dir.path(), QDateTime::currentSecsSinceEpoch());
    QVERIFY2(created.ok(), qPrintable(created.error()));
    auto loaded = CertificateAuthority::load(m_dir.path());
    QVERIFY2(loaded.ok(), qPrintable(loaded.error()));
    m_ca.emplace(std::move(loaded).value());
}

void TestCertificateAuthority::refusesToOverwriteAnExistingCa()
{
    QVERIFY(!CertificateAuthority::create(m_dir.path(), QDateTime::currentSecsSinceEpoch()).ok());
}

void TestCertificateAuthority::serverCertificateCoversLocalhostAndLoopback()
{
    const auto certificates = QSslCertificate::fromPath(CertificateAuthority::serverCertificatePath(m_dir.path()));
    QCOMPARE(certificates.size(), 1);
    const auto names = certificates.first().subjectAlternativeNames();
    QVERIFY(names.values(QSsl::DnsEntry).contains(QStringLiteral("localhost")));
    QVERIFY(names.values(QSsl::IpAddressEntry).contains(QStringLiteral("127.0.0.1")));
    const auto ca = QSslCertificate::fromPath(CertificateAuthority::caCertificatePath(m_dir.path()));
    QCOMPARE(ca.size(), 1);
    QCOMPARE(certificates.first().issuerDisplayName(), ca.first().subjectDisplayName());
}

void TestCertificateAuthority::clientPkcs12ImportsWithQt()
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const auto issued = m_ca->issueClientCertificate(QStringLiteral("staff"), QStringLiteral("M0001"), now);
    QVERIFY2(issued.ok(), qPrintable(issued.error()));

    QBuffer buffer;
    buffer.setData(issued->pkcs12);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    QSslKey key;
    QSslCertificate certificate;
    QList<QSslCertificate> chain;
    QVERIFY(QSslCertificate::importPkcs12(&buffer, &key, &certificate, &chain, issued->passphrase.toUtf8()));
    QVERIFY(!key.isNull());
    QCOMPARE(certificate.subjectInfo(QSslCertificate::CommonName), QStringList{QStringLiteral("staff")});
    QCOMPARE(certificate.subjectInfo(QSslCertificate::Organization), QStringList{QStringLiteral("M0001")});
    QCOMPARE(QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex()), issued->fingerprint);
    QVERIFY(certificate.expiryDate().toSecsSinceEpoch() == issued->notAfter);
    QVERIFY(certificate.effectiveDate() <= QDateTime::currentDateTimeUtc());
    QCOMPARE(chain.size(), 1);
    QCOMPARE(chain.first(), QSslCertificate::fromPath(CertificateAuthority::caCertificatePath(m_dir.path())).first());

    bool clientAuth = false;
    for (const QSslCertificateExtension &extension : certificate.extensions()) {
        if (extension.name() == QLatin1String("extendedKeyUsage"))
            clientAuth = extension.value().toString().contains(QLatin1String("Client Authentication"))
                         || extension.value().toList().contains(QStringLiteral("TLS Web Client Authentication"));
    }
    QVERIFY(clientAuth);
}

void TestCertificateAuthority::clientPkcs12RefusesWrongPassphrase()
{
    const auto issued = m_ca->issueClientCertificate(QStringLiteral("admin"),
                                                     QStringLiteral("M0001"),
                                                     QDateTime::currentSecsSinceEpoch());
    QVERIFY(issued.ok());
    QBuffer buffer;
    buffer.setData(issued->pkcs12);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    QSslKey key;
    QSslCertificate certificate;
    QVERIFY(!QSslCertificate::importPkcs12(&buffer, &key, &certificate, nullptr, "not the passphrase"));
}

void TestCertificateAuthority::everyCertificateGetsItsOwnPassphraseAndSerial()
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const auto a = m_ca->issueClientCertificate(QStringLiteral("a"), QStringLiteral("M0001"), now);
    const auto b = m_ca->issueClientCertificate(QStringLiteral("a"), QStringLiteral("M0001"), now);
    QVERIFY(a.ok() && b.ok());
    QVERIFY(a->passphrase != b->passphrase);
    QVERIFY(a->passphrase.size() >= 24);
    QVERIFY(a->serial != b->serial);
    QVERIFY(a->fingerprint != b->fingerprint);
    QCOMPARE(a->fingerprint.size(), 64);
}

QTEST_GUILESS_MAIN(TestCertificateAuthority)
#include "tst_certificateauthority.moc"
