#include "gatewayclient.h"
#include "gatewayfixture.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

#include <memory>

// Fault injection on the gateway's own storage: the disk under its SQLite database fills up in
// the middle of a day's captures (RLIMIT_FSIZE: a write past the size fails as on a full disk).
// Each capture is either done and answered, or refused with a clear error and not done at all;
// the database stays whole; once there is room again the refused ones go through under their
// keys, each payment captured exactly once.
class TestGatewayFaults : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void aFullDiskRefusesWritesCleanlyAndLosesNothing();

private:
    QString logIn();
    GatewayClient::Response capture(const QString &paymentId);
    QList<QVariantList> sql(const QString &statement);

    GatewayFixture m_gateway;
    std::unique_ptr<GatewayClient> m_client;
    QString m_token;
};

void TestGatewayFaults::initTestCase()
{
    if (GatewayFixture::postgresRequested())
        QSKIP("the full disk is under the SQLite database file");
    QVERIFY2(m_gateway.start(400, 3), qPrintable(m_gateway.error()));
    const GatewayFixture::User admin = m_gateway.user(QStringLiteral("admin"));
    m_client = std::make_unique<GatewayClient>(m_gateway.url(), m_gateway.caPath());
    QVERIFY(m_client->setIdentity(admin.p12, admin.p12Passphrase));
}

QString TestGatewayFaults::logIn()
{
    const GatewayFixture::User admin = m_gateway.user(QStringLiteral("admin"));
    m_client = std::make_unique<GatewayClient>(m_gateway.url(), m_gateway.caPath());
    if (!m_client->setIdentity(admin.p12, admin.p12Passphrase))
        return {};
    return m_client->login(admin.loginId, admin.password);
}

GatewayClient::Response TestGatewayFaults::capture(const QString &paymentId)
{
    const QByteArray body = R"({"items":[{"payment_id":")" + paymentId.toLatin1() + R"("}]})";
    return m_client->post(QStringLiteral("/v1/payments/capture"), body, m_token,
                          {{"Idempotency-Key", "full-disk-" + paymentId.toLatin1()}});
}

QList<QVariantList> TestGatewayFaults::sql(const QString &statement)
{
    QList<QVariantList> rows;
    const QString name = QStringLiteral("faults-sql");
    {
        QSqlDatabase db = m_gateway.openDatabase(name);
        QSqlQuery q(db);
        if (db.isOpen() && q.exec(statement)) {
            while (q.next()) {
                QVariantList row;
                for (int i = 0; i < q.record().count(); ++i)
                    row.append(q.value(i));
                rows.append(row);
            }
        } else {
            qWarning("%s failed", qPrintable(statement));
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return rows;
}

void TestGatewayFaults::aFullDiskRefusesWritesCleanlyAndLosesNothing()
{
    m_token = logIn();
    QVERIFY(!m_token.isEmpty());
    // A day's authorizations, more than the room left will take.
    const QStringList ids = m_gateway.seedAuthorizations(QStringLiteral("FULL"), 2000, 3000);
    QCOMPARE(ids.size(), 2000);

    // The disk fills a little above what the database holds now.
    m_gateway.stop();
    const QDir data(m_gateway.dataDir());
    qint64 largest = 0;
    for (const QFileInfo &file : data.entryInfoList(QDir::Files))
        largest = std::max(largest, file.size());
    m_gateway.setFileSizeLimit(largest + 48 * 1024);
    QVERIFY2(m_gateway.restart(), qPrintable(m_gateway.error()));
    m_token = logIn();
    QVERIFY(!m_token.isEmpty());

    QStringList done;
    QStringList refused;
    for (const QString &id : std::as_const(ids)) {
        const GatewayClient::Response answer = capture(id);
        if (answer.status == 200) {
            QVERIFY2(answer.json.value(QLatin1String("succeeded")).toInt() == 1, answer.body.constData());
            done.append(id);
            continue;
        }
        // Refused whole, saying the gateway cannot write, with a request id: never an internal
        // error, never a dropped connection.
        QVERIFY2(answer.status == 503 && answer.errorCode() == QLatin1String("storage_unavailable"),
                 qPrintable(QStringLiteral("%1 %2").arg(answer.status).arg(QString::fromUtf8(answer.body))));
        QVERIFY(!answer.requestId.isEmpty());
        QCOMPARE(answer.header("Retry-After"), QByteArray("60"));
        if (refused.isEmpty())
            qInfo("the first refusal, after %d captures: %d %s", int(done.size()), answer.status, answer.body.constData());
        refused.append(id);
        if (refused.size() >= 5)
            break;
    }
    QVERIFY2(!refused.isEmpty(), "the disk never filled: nothing was refused");
    // Asked again at once under its key, a refused capture is refused again for the disk (or
    // done): never "still running", though releasing its key was a write the disk refused too.
    {
        const GatewayClient::Response again = capture(refused.first());
        qInfo("asked again at once: %d %s", again.status, again.body.constData());
        QVERIFY2(again.errorCode() != QLatin1String("idempotency_in_progress"), again.body.constData());
        QVERIFY2((again.status == 503 && again.errorCode() == QLatin1String("storage_unavailable"))
                     || (again.status == 200 && again.json.value(QLatin1String("succeeded")).toInt() == 1),
                 again.body.constData());
        if (again.status == 200) {
            done.append(refused.takeFirst());
            QVERIFY2(!refused.isEmpty(), "the disk had room again: nothing stayed refused");
        }
    }
    // Reading goes on while nothing can be written.
    QCOMPARE(m_client->get(QStringLiteral("/v1/payments/") + refused.first(), m_token).status, 200);
    QVERIFY2(m_gateway.serverLog().contains("full") || m_gateway.serverLog().contains("disk"), "the gateway's log does not say why");

    // Room again: nothing is damaged, the done ones are done once, the refused ones not at all.
    m_gateway.stop();
    m_gateway.setFileSizeLimit(0);
    QVERIFY2(m_gateway.restart(), qPrintable(m_gateway.error()));
    QCOMPARE(sql(QStringLiteral("PRAGMA integrity_check")).value(0).value(0).toString(), QStringLiteral("ok"));
    const auto captures = [this](const QString &id) {
        return sql(QStringLiteral("SELECT COUNT(*) FROM payment_events WHERE to_status = 40 AND payment_id = %1").arg(id)).value(0).value(0).toInt();
    };
    for (const QString &id : std::as_const(done))
        QCOMPARE(captures(id), 1);
    for (const QString &id : std::as_const(refused))
        QCOMPARE(captures(id), 0);

    // The refused ones again, under the same keys: done now, once.
    m_token = logIn();
    QVERIFY(!m_token.isEmpty());
    for (const QString &id : std::as_const(refused)) {
        GatewayClient::Response answer = capture(id);
        if (answer.errorCode() == QLatin1String("idempotency_in_progress")) {
            // Releasing the key was a write too, and failed: the key stays running, as when the
            // gateway dies mid-request, and is taken over after 5 minutes (docs/api.md,
            // Idempotency). Those minutes pass here in the database.
            sql(QStringLiteral("UPDATE idempotency_keys SET updated_at = updated_at - 301 WHERE idempotency_key = 'full-disk-%1'").arg(id));
            answer = capture(id);
        }
        QVERIFY2(answer.status == 200 && answer.json.value(QLatin1String("succeeded")).toInt() == 1, answer.body.constData());
        QCOMPARE(captures(id), 1);
    }
    // And a done one asked again is answered from its key, not captured twice.
    const GatewayClient::Response repeated = capture(done.value(0, refused.first()));
    QCOMPARE(repeated.status, 200);
    QCOMPARE(captures(done.value(0, refused.first())), 1);
}

QTEST_GUILESS_MAIN(TestGatewayFaults)
#include "tst_gatewayfaults.moc"
