#include "gatewayfixture.h"

#include "db/database.h"
#include "db/rowcursor.h"
#include "domain/jsonwriter.h"
#include "payments/paymentcolumns.h"
#include "payments/paymentrows.h"
#include "payments/paymentstore.h"

#include <QRandomGenerator>
#include <QRegularExpression>
#include <QDir>
#include <QTest>

using namespace kessai;
using namespace kessai::gateway;

// The search and export answers are written from PaymentRows (SQLite's C API, UTF-8 as stored)
// instead of a Payment read through Qt SQL. Both are read here from the same varied rows — every
// type and status, NULL and present times, base ids, texts with quotes, backslashes, control
// characters, Japanese and 4-byte UTF-8 — and must give the same JSON, byte for byte. On SQLite
// and (tst_paymentrows_pg) PostgreSQL, where the rows come through libpq.
class TestPaymentRows : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_fixture.prepare(), qPrintable(m_fixture.error())); // an empty directory, or PostgreSQL database
        m_database.emplace(m_fixture.databaseUrl().isEmpty() ? QDir(m_fixture.dataDir()).filePath(QStringLiteral("gateway.db"))
                                                             : m_fixture.databaseUrl());
        auto migrated = m_database->migrate();
        QVERIFY2(migrated.ok(), qPrintable(migrated.ok() ? QString() : migrated.error()));
        auto db = m_database->connection();
        QVERIFY(db.ok());
        QVERIFY(runQuery(*db, QStringLiteral("INSERT INTO merchants (merchant_id, name, created_at) VALUES ('M1', 'm', 0)")).ok());

        const QStringList texts = {
            QStringLiteral(""), // institution is NOT NULL; the customer's empty texts are stored as NULL
            QStringLiteral("plain"),
            QStringLiteral("佐藤 花子"),
            QStringLiteral("サトウ ハナコ"),
            QStringLiteral("quote \" and backslash \\"),
            QStringLiteral("line\nbreak\r\ttab"),
            QStringLiteral("control \x01\x1f end"),
            QStringLiteral("=SUM(A1)"),
            QStringLiteral("emoji 😀 and 𠮷"),
            QStringLiteral("comma, separated"),
        };
        const QStringList types = {QStringLiteral("01"), QStringLiteral("02"), QStringLiteral("03"), QStringLiteral("05")};
        const QList<int> statuses = {10, 11, 12, 20, 21, 30, 40, 41, 42, 43, 50, 60};
        QRandomGenerator random(20261205);
        PaymentStore::BulkLoader loader(*m_database);
        const auto begun = loader.begin(1764900000);
        QVERIFY2(begun.ok(), qPrintable(begun.ok() ? QString() : begun.error()));
        for (int i = 0; i < Rows; ++i) {
            PaymentRecord p;
            p.paymentId = PaymentStore::FirstPaymentId + i;
            p.merchantId = QStringLiteral("M1");
            p.tradingId = QStringLiteral("T%1").arg(i, 8, 10, QLatin1Char('0'));
            p.type = types.at(i % types.size());
            p.status = statuses.at(random.bounded(int(statuses.size())));
            p.amount = i % 97 == 0 ? 0 : random.bounded(1, 10000000);
            p.institution = texts.at(random.bounded(int(texts.size())));
            p.tradeTime = 1700000000 + random.bounded(0, 40000000);
            p.dueTime = random.bounded(3) == 0 ? 0 : p.tradeTime + 86400 * random.bounded(1, 30);
            p.clearedTime = random.bounded(2) == 0 ? 0 : p.tradeTime + random.bounded(1, 86400 * 90);
            p.basePaymentId = i > 0 && i % 13 == 0 ? PaymentStore::FirstPaymentId + i - 1 : 0;
            if (p.type == QLatin1String("02") && i % 7 != 0) {
                p.card = {QStringLiteral("VISA"), QStringLiteral("411111"), QStringLiteral("%1").arg(i % 10000, 4, 10, QLatin1Char('0')),
                          QStringLiteral("12/29")};
            }
            if (i % 5 != 0) {
                p.customer = {texts.at(random.bounded(int(texts.size()))), texts.at(random.bounded(int(texts.size()))),
                              i % 3 == 0 ? QStringLiteral("a\"b@example.jp") : QString(),
                              i % 4 == 0 ? QStringLiteral("090-1234-5678") : QString()};
            }
            const auto added = loader.add(p);
            QVERIFY2(added.ok(), qPrintable(added.ok() ? QString() : added.error()));
        }
        QVERIFY(loader.finish().ok());
    }

    void writesWhatThePaymentWrote()
    {
        auto db = m_database->connection();
        QVERIFY(db.ok());
        const QString sql = QStringLiteral("SELECT ") + PaymentColumns::wireNames()
                            + QStringLiteral(" FROM payments ORDER BY payment_id");
        QList<QByteArray> expected;
        {
            auto query = runQuery(*db, sql);
            QVERIFY(query.ok());
            while (query.value().next()) {
                QByteArray json;
                JsonWriter w(&json);
                readPayment(query.value()).writeJson(w);
                expected.append(json);
            }
        }
        QCOMPARE(expected.size(), Rows);

        auto cursor = RowCursor::run(*db, sql);
        QVERIFY(cursor.ok());
        PaymentRows rows;
        while (cursor.value().next())
            rows.append(cursor.value());
        QVERIFY(!cursor->failed());
        QCOMPARE(rows.size(), Rows);
        int withAuthExpiry = 0;
        for (qsizetype i = 0; i < rows.size(); ++i) {
            QByteArray json;
            JsonWriter w(&json);
            rows.writeJson(i, w);
            QCOMPARE(json, expected.at(i));
            QByteArray again;
            JsonWriter w2(&again);
            rows.payment(i).writeJson(w2);
            QCOMPARE(again, expected.at(i));
            withAuthExpiry += rows.authExpires(i).has_value();
        }
        QVERIFY(withAuthExpiry > 0); // the rule ran on some rows, not none
    }

    void actionsAreWrittenLast()
    {
        auto db = m_database->connection();
        QVERIFY(db.ok());
        auto cursor = RowCursor::run(*db, QStringLiteral("SELECT ") + PaymentColumns::wireNames()
                                              + QStringLiteral(" FROM payments WHERE payment_id = ?"),
                                     {PaymentStore::FirstPaymentId + 1});
        QVERIFY(cursor.ok());
        PaymentRows rows;
        while (cursor.value().next())
            rows.append(cursor.value());
        QCOMPARE(rows.size(), 1);
        QByteArray json;
        JsonWriter w(&json);
        rows.writeJson(0, w, {QStringLiteral("capture"), QStringLiteral("cancel")});
        QVERIFY2(json.endsWith(",\"actions\":[\"capture\",\"cancel\"]}"), json.constData());
        QVERIFY2(json.startsWith("{\"payment_id\":\"100000000000000002\",\"trading_id\":\"T00000001\""), json.constData());
    }

    void aFailingStatementSaysSo()
    {
        auto db = m_database->connection();
        QVERIFY(db.ok());
        QVERIFY(!RowCursor::run(*db, QStringLiteral("SELECT nothing FROM nowhere")).ok());
        // Prepared fine, fails when run: an integer overflow (SQLite at its first step, PostgreSQL
        // at once).
        auto cursor = RowCursor::run(*db, QStringLiteral("SELECT abs(CAST(? AS BIGINT))"), {std::numeric_limits<qint64>::min()});
        if (cursor.ok()) {
            QVERIFY(!cursor.value().next());
            QVERIFY(cursor->failed());
        }
        const QString error = cursor.ok() ? cursor->error() : cursor.error();
        QVERIFY2(error.contains(QLatin1String("overflow")) || error.contains(QLatin1String("out of range")), qPrintable(error));
    }

    void bindsEveryKindOfValue()
    {
        auto db = m_database->connection();
        QVERIFY(db.ok());
        auto cursor = RowCursor::run(*db, QStringLiteral("SELECT ?, ?, ?, ?, ?"),
                                     {QVariant(), 42, qint64(1) << 40, QStringLiteral("佐藤"), QByteArray("raw")});
        QVERIFY(cursor.ok());
        QVERIFY(cursor.value().next());
        QVERIFY(cursor->isNull(0));
        QCOMPARE(cursor->integer(1), 42);
        QCOMPARE(cursor->integer(2), qint64(1) << 40);
        QCOMPARE(cursor->text(3).toByteArray(), QStringLiteral("佐藤").toUtf8());
        QCOMPARE(cursor->text(4).toByteArray(), QByteArray("raw"));
        QVERIFY(!cursor.value().next());
        QVERIFY(!cursor->failed());
    }

    // A statement is kept for the next run of its text (SQLite): two cursors of one text at
    // once each get their own; one left mid-way starts from the top the next time, its old
    // values unbound; and the connection closes cleanly, its kept statements finalized.
    // The planner's probes count a condition's rows once; the same search again, and its next
    // page, plan from those counts for a while (the rows are the same whatever the plan).
    void aSearchAgainPlansFromItsProbes()
    {
        PaymentStore store(*m_database);
        PaymentFilter filter;
        filter.statuses = {40, 41};
        filter.restrictTypes = true;
        filter.types = {QStringLiteral("02"), QStringLiteral("03")};
        filter.limit = 50;
        filter.count = false;
        const qint64 before = PaymentStore::probesRun();
        auto first = store.search(QStringLiteral("M1"), filter);
        QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : first.error()));
        const qint64 probed = PaymentStore::probesRun();
        QCOMPARE(probed - before, 2); // the status and the type conditions; the sort serves the rest
        QVERIFY(first->items.size() == 50 && first->next);

        auto again = store.search(QStringLiteral("M1"), filter);
        QVERIFY(again.ok());
        QCOMPARE(PaymentStore::probesRun(), probed);
        QCOMPARE(again->items.size(), first->items.size());
        for (qsizetype i = 0; i < first->items.size(); ++i)
            QCOMPARE(again->items.paymentId(i), first->items.paymentId(i));
        filter.after = first->next;
        auto next = store.search(QStringLiteral("M1"), filter);
        QVERIFY(next.ok() && !next->items.isEmpty());
        QCOMPARE(PaymentStore::probesRun(), probed);
        QVERIFY(next->items.paymentId(0) != first->items.paymentId(0));

        // Another condition is another probe.
        filter.after.reset();
        filter.amountMin = 1000;
        QVERIFY(store.search(QStringLiteral("M1"), filter).ok());
        QVERIFY(PaymentStore::probesRun() > probed);
    }

    void keptStatementsServeEachRunAfresh()
    {
        const QString sql = QStringLiteral("SELECT payment_id FROM payments WHERE payment_id >= ? ORDER BY payment_id LIMIT 3");
        {
            auto db = m_database->connection();
            QVERIFY(db.ok());
            auto first = RowCursor::run(*db, sql, {PaymentStore::FirstPaymentId});
            QVERIFY(first.ok() && first.value().next());
            auto second = RowCursor::run(*db, sql, {PaymentStore::FirstPaymentId + 10});
            QVERIFY(second.ok() && second.value().next());
            QCOMPARE(first->integer(0), PaymentStore::FirstPaymentId);
            QCOMPARE(second->integer(0), PaymentStore::FirstPaymentId + 10);
            QVERIFY(first.value().next());
            QCOMPARE(first->integer(0), PaymentStore::FirstPaymentId + 1);
        }
        for (int run = 0; run < 3; ++run) {
            auto db = m_database->connection();
            auto again = RowCursor::run(*db, sql, {PaymentStore::FirstPaymentId + run});
            QVERIFY(again.ok());
            int rows = 0;
            while (again.value().next()) {
                QCOMPARE(again->integer(0), PaymentStore::FirstPaymentId + run + rows);
                ++rows;
            }
            QCOMPARE(rows, 3);
        }
        // NULL bound where a value was bound before: nothing of the earlier binding stays.
        {
            auto db = m_database->connection();
            auto unbound = RowCursor::run(*db, sql, {QVariant()});
            QVERIFY(unbound.ok());
            QVERIFY(!unbound.value().next());
            QVERIFY(!unbound->failed());
        }
        QTest::failOnWarning(QRegularExpression(QStringLiteral("clos")));
        if (m_fixture.databaseUrl().isEmpty())
            QVERIFY(RowCursor::keptStatements() > 0);
        Database::releaseThreadConnections();
        QCOMPARE(RowCursor::keptStatements(), 0); // finalized before SQLite was asked to close
        auto reopened = m_database->connection();
        QVERIFY(reopened.ok());
        auto afterwards = RowCursor::run(*reopened, sql, {PaymentStore::FirstPaymentId});
        QVERIFY(afterwards.ok() && afterwards.value().next());
        QCOMPARE(afterwards->integer(0), PaymentStore::FirstPaymentId);
    }

    // runKept(): on PostgreSQL the text is prepared once per connection and run by name after
    // that; a name the server has lost (DEALLOCATE, a reset) is run unprepared and prepared again.
    void keptTextsArePreparedOncePerConnection()
    {
        const bool postgres = !m_fixture.databaseUrl().isEmpty();
        const QString sql = QStringLiteral("SELECT trading_id FROM payments WHERE payment_id = ?");
        Database::releaseThreadConnections();
        {
            auto db = m_database->connection();
            QVERIFY(db.ok());
            const auto prepared = [&]() -> qint64 {
                if (!postgres)
                    return RowCursor::keptStatements();
                auto counted = RowCursor::run(*db, QStringLiteral("SELECT COUNT(*) FROM pg_prepared_statements WHERE name LIKE 'kessai\\_kept\\_%'"));
                return counted.ok() && counted.value().next() ? counted->integer(0) : -1;
            };
            const auto lookUp = [&](int offset) {
                auto found = RowCursor::runKept(*db, sql, {PaymentStore::FirstPaymentId + offset});
                return found.ok() && found.value().next() ? found->string(0) : QStringLiteral("(failed)");
            };
            QCOMPARE(prepared(), 0);
            QCOMPARE(lookUp(0), QStringLiteral("T00000000"));
            QCOMPARE(lookUp(7), QStringLiteral("T00000007")); // the same statement, another value
            QCOMPARE(prepared(), 1);
            QCOMPARE(RowCursor::keptStatements(), 1);
            if (postgres) {
                // run() does not prepare on PostgreSQL: a search's plan is made for its values.
                auto searched = RowCursor::run(*db, QStringLiteral("SELECT payment_id FROM payments WHERE type = ? LIMIT 1"), {QStringLiteral("02")});
                QVERIFY(searched.ok() && searched.value().next());
                QCOMPARE(prepared(), 1);
                // The server forgets every prepared statement; the next run still answers.
                QVERIFY(runQuery(*db, QStringLiteral("DEALLOCATE ALL")).ok());
                QCOMPARE(prepared(), 0);
                QCOMPARE(lookUp(42), QStringLiteral("T00000042"));
                QCOMPARE(lookUp(43), QStringLiteral("T00000043")); // prepared again
                QCOMPARE(prepared(), 1);
            }
            // A search by an exact trading id is kept too (its index is the plan whatever the
            // id); a prefix search is not.
            PaymentStore store(*m_database);
            PaymentFilter filter;
            filter.tradingId = QStringLiteral("T00000321");
            filter.count = false;
            for (int run = 0; run < 2; ++run) {
                auto found = store.search(QStringLiteral("M1"), filter);
                QVERIFY(found.ok() && found->items.size() == 1);
                QCOMPARE(found->items.paymentId(0), PaymentStore::FirstPaymentId + 321);
            }
            if (postgres) // on SQLite every statement of RowCursor is kept
                QCOMPARE(prepared(), 2);
            filter.tradingId = QStringLiteral("T0000032");
            filter.tradingIdPrefix = true;
            auto prefixed = store.search(QStringLiteral("M1"), filter);
            QVERIFY(prefixed.ok() && prefixed->items.size() == 10);
            if (postgres)
                QCOMPARE(prepared(), 2);
        } // the connection is no longer held here
        Database::releaseThreadConnections();
        QCOMPARE(RowCursor::keptStatements(), 0);
    }

private:
    static constexpr int Rows = 3000;
    GatewayFixture m_fixture; // only its throwaway directory and database: no gateway runs
    std::optional<Database> m_database;
};

QTEST_GUILESS_MAIN(TestPaymentRows)
#include "tst_paymentrows.moc"
