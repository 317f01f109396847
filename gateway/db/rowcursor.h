#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>

#include <memory>
#include <vector>

struct sqlite3_stmt;
struct pg_result;

namespace kessai::gateway {

// The rows of a SELECT as the engine holds them, integers and UTF-8 text, for the hot reads
// (search pages, lookups, exports): no QVariant and no UTF-16 QString per cell. It runs through
// the engine's C API on this thread's connection, the one Qt SQL opened (so a transaction open
// there is the same one): SQLite's, or libpq's (the whole result in text form, as QPSQL reads
// it). Another driver goes through Qt SQL, each text converted once. Forward only. Writes stay on
// runQuery().
class RowCursor
{
public:
    // Prepares sql, binds values positionally (never concatenated), executes. On SQLite the
    // prepared statement is kept for the next run of the same text on this connection (up to
    // CachedStatements of them), so a hot read is parsed and planned once per connection.
    static Result<RowCursor> run(const QSqlDatabase &db, const QString &sql, const QVariantList &values = {});
    // The same for a fixed text that every request runs and whose best plan does not depend on
    // its values (a lookup by key): on PostgreSQL it is also prepared once per connection
    // (PQprepare, then PQexecPrepared), so the server neither parses nor plans it again. Search
    // texts stay on run(): there a plan made for one value could be wrong for the next.
    static Result<RowCursor> runKept(const QSqlDatabase &db, const QString &sql, const QVariantList &values = {});
    // Finalizes the statements kept for db's connection (forgets them on PostgreSQL): before it
    // is closed (the connection set of each thread does this).
    static void releaseStatements(const QSqlDatabase &db);
    // How many statements this thread keeps, SQLite's and PostgreSQL's (for tests).
    static int keptStatements();
    static constexpr int CachedStatements = 64;

    RowCursor(RowCursor &&other) noexcept;
    RowCursor &operator=(RowCursor &&other) noexcept;
    ~RowCursor();

    // The next row; false at the end and on an error (then failed() says so).
    bool next();
    bool failed() const { return !m_error.isEmpty(); }
    const QString &error() const { return m_error; }

    bool isNull(int column) const;
    qint64 integer(int column) const; // 0 for NULL
    // UTF-8, valid until the next call of next(); empty for NULL.
    QByteArrayView text(int column) const;
    // The same as a QString (a null QString for NULL), for the few texts a caller keeps.
    QString string(int column) const;

private:
    RowCursor() = default;
    void releaseStatement();
    static Result<RowCursor> run(const QSqlDatabase &db, const QString &sql, const QVariantList &values, bool keep);

    sqlite3_stmt *m_statement = nullptr; // SQLite
    bool m_cached = false;               // m_statement is kept: reset, not finalized, after use
    pg_result *m_result = nullptr;       // PostgreSQL
    int m_resultRows = 0;
    int m_row = -1;
    std::unique_ptr<QSqlQuery> m_query;  // another driver
    mutable std::vector<QByteArray> m_texts; // another driver: this row's texts, converted when asked
    mutable std::vector<bool> m_converted;
    QString m_sql;
    QString m_error;
};

} // namespace kessai::gateway
