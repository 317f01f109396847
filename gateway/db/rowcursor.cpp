#include "rowcursor.h"

#include "database.h"

#include <QSqlDriver>
#include <QSqlRecord>

#include <cstdint>

#include <libpq-fe.h>
#include <sqlite3.h>

#include <atomic>
#include <charconv>
#include <optional>

namespace kessai::gateway {

namespace {

sqlite3 *sqliteHandle(const QSqlDatabase &db)
{
    const QVariant handle = db.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

PGconn *postgresHandle(const QSqlDatabase &db)
{
    const QVariant handle = db.driver()->handle();
    // QPSQL names the type by libpq's struct (pg_conn*); PGconn* is its typedef.
    if (!handle.isValid() || (qstrcmp(handle.typeName(), "pg_conn*") != 0 && qstrcmp(handle.typeName(), "PGconn*") != 0))
        return nullptr;
    return *static_cast<PGconn *const *>(handle.constData());
}

// ? placeholders as libpq's $1, $2, …; none is inside a quoted literal or identifier of ours, but
// those are skipped all the same.
QByteArray numberedPlaceholders(const QString &sql)
{
    const QByteArray in = sql.toUtf8();
    QByteArray out;
    out.reserve(in.size() + 16);
    int number = 0;
    char quote = 0;
    for (const char c : in) {
        if (quote) {
            if (c == quote)
                quote = 0;
        } else if (c == '\'' || c == '"') {
            quote = c;
        } else if (c == '?') {
            out += '$' + QByteArray::number(++number);
            continue;
        }
        out += c;
    }
    return out;
}

// A value as libpq's text parameter form; nullopt for NULL.
std::optional<QByteArray> postgresText(const QVariant &value)
{
    if (value.isNull())
        return std::nullopt;
    switch (value.typeId()) {
    case QMetaType::Bool:
        return value.toBool() ? QByteArray("true") : QByteArray("false");
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::Long:
    case QMetaType::LongLong:
    case QMetaType::Short:
        return QByteArray::number(value.toLongLong());
    default:
        return value.toString().toUtf8();
    }
}

// The statement's error as the log and the storage check want it, as runQuery() reports.
QString sqliteError(sqlite3 *db, const char *what, const QString &sql)
{
    const QString message = QString::fromUtf8(sqlite3_errmsg(db));
    qCWarning(lcGatewayDb).noquote() << what << "failed:" << message << "in" << sql;
    noteStorageFailure(QSqlError(message, QString(), QSqlError::StatementError, QString::number(sqlite3_errcode(db))));
    return QLatin1StringView(what) + QStringLiteral(" failed: ") + message;
}

// Transient (SQLite copies the bytes), without the header's C-style cast.
const auto Transient = reinterpret_cast<sqlite3_destructor_type>(std::intptr_t(-1));

int bind(sqlite3_stmt *statement, int at, const QVariant &value)
{
    if (value.isNull())
        return sqlite3_bind_null(statement, at);
    switch (value.typeId()) {
    case QMetaType::Bool:
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::Long:
    case QMetaType::LongLong:
    case QMetaType::Short:
        return sqlite3_bind_int64(statement, at, value.toLongLong());
    case QMetaType::Double:
        return sqlite3_bind_double(statement, at, value.toDouble());
    case QMetaType::QByteArray: {
        const QByteArray bytes = value.toByteArray();
        return sqlite3_bind_blob64(statement, at, bytes.constData(), sqlite3_uint64(bytes.size()), Transient);
    }
    default: {
        const QByteArray utf8 = value.toString().toUtf8();
        return sqlite3_bind_text64(statement, at, utf8.constData(), sqlite3_uint64(utf8.size()), Transient,
                                   SQLITE_UTF8);
    }
    }
}

// The SQLite statements kept on this thread, per connection: few (the hot reads' texts), looked up
// by their text. The pointer is trivially destructible, so it stays valid while the thread's
// connections are closed at its end; the set is deleted when its last statement is released.
struct CachedStatement
{
    sqlite3 *connection = nullptr;
    QByteArray sql;
    sqlite3_stmt *statement = nullptr;
    bool inUse = false;
};
thread_local std::vector<CachedStatement> *t_statements = nullptr;

// A kept statement for sql on connection, marked in use; nullptr if there is none free (a
// statement is then prepared for this run only).
sqlite3_stmt *takeCached(sqlite3 *connection, const QByteArray &sql, bool *cached)
{
    *cached = false;
    if (t_statements) {
        for (CachedStatement &entry : *t_statements) {
            if (entry.connection == connection && !entry.inUse && entry.sql == sql) {
                entry.inUse = true;
                *cached = true;
                return entry.statement;
            }
        }
    }
    sqlite3_stmt *statement = nullptr;
    const bool keep = !t_statements || int(t_statements->size()) < RowCursor::CachedStatements;
    const int flags = keep ? SQLITE_PREPARE_PERSISTENT : 0;
    if (sqlite3_prepare_v3(connection, sql.constData(), int(sql.size()), unsigned(flags), &statement, nullptr) != SQLITE_OK) {
        sqlite3_finalize(statement);
        return nullptr;
    }
    if (keep && statement) {
        if (!t_statements)
            t_statements = new std::vector<CachedStatement>;
        t_statements->push_back({connection, sql, statement, true});
        *cached = true;
    }
    return statement;
}

// The statement is free again, its bindings and its step undone.
void giveBack(sqlite3_stmt *statement)
{
    sqlite3_reset(statement);
    sqlite3_clear_bindings(statement);
    if (!t_statements)
        return;
    for (CachedStatement &entry : *t_statements) {
        if (entry.statement == statement) {
            entry.inUse = false;
            return;
        }
    }
}

// The PostgreSQL statements prepared on this thread's connections, by their text. A name is
// unique in the process, so one kept for a connection that has since been closed and whose
// address was reused can only be missing, never another statement (run() then prepares again).
struct PreparedStatement
{
    PGconn *connection = nullptr;
    QByteArray sql;
    QByteArray name;
};
thread_local std::vector<PreparedStatement> t_prepared;
std::atomic<quint64> s_preparedCounter{0};

// The name of a statement prepared for sql on connection, preparing it now if it is not yet;
// empty when it cannot be kept (the thread keeps CachedStatements already) or PQprepare failed
// (then *failure holds the result, for the caller's error).
QByteArray preparedName(PGconn *connection, const QByteArray &sql, int parameters, PGresult **failure)
{
    for (const PreparedStatement &entry : t_prepared) {
        if (entry.connection == connection && entry.sql == sql)
            return entry.name;
    }
    if (int(t_prepared.size()) >= RowCursor::CachedStatements)
        return QByteArray();
    const QByteArray name = "kessai_kept_" + QByteArray::number(++s_preparedCounter);
    PGresult *prepared = PQprepare(connection, name.constData(), sql.constData(), parameters, nullptr);
    if (PQresultStatus(prepared) != PGRES_COMMAND_OK) {
        *failure = prepared;
        return QByteArray();
    }
    PQclear(prepared);
    t_prepared.push_back({connection, sql, name});
    return name;
}

void forgetPrepared(PGconn *connection, const QByteArray &sql)
{
    std::erase_if(t_prepared, [&](const PreparedStatement &entry) { return entry.connection == connection && entry.sql == sql; });
}

} // namespace

void RowCursor::releaseStatements(const QSqlDatabase &db)
{
    if (PGconn *pg = postgresHandle(db)) {
        std::erase_if(t_prepared, [pg](const PreparedStatement &entry) { return entry.connection == pg; });
        return;
    }
    sqlite3 *connection = sqliteHandle(db);
    if (!connection || !t_statements)
        return;
    std::erase_if(*t_statements, [connection](const CachedStatement &entry) {
        // One still in use (a cursor outliving its connection, which no caller does) is left:
        // finalizing it would leave that cursor a dangling statement.
        if (entry.connection != connection || entry.inUse)
            return false;
        sqlite3_finalize(entry.statement);
        return true;
    });
    if (t_statements->empty()) {
        delete t_statements;
        t_statements = nullptr;
    }
}

int RowCursor::keptStatements()
{
    return (t_statements ? int(t_statements->size()) : 0) + int(t_prepared.size());
}

Result<RowCursor> RowCursor::run(const QSqlDatabase &db, const QString &sql, const QVariantList &values)
{
    return run(db, sql, values, false);
}

Result<RowCursor> RowCursor::runKept(const QSqlDatabase &db, const QString &sql, const QVariantList &values)
{
    return run(db, sql, values, true);
}

Result<RowCursor> RowCursor::run(const QSqlDatabase &db, const QString &sql, const QVariantList &values, bool keep)
{
    RowCursor cursor;
    cursor.m_sql = sql;
    if (sqlite3 *handle = sqliteHandle(db)) {
        cursor.m_statement = takeCached(handle, sql.toUtf8(), &cursor.m_cached);
        if (!cursor.m_statement)
            return makeError(sqliteError(handle, "prepare", sql));
        for (qsizetype i = 0; i < values.size(); ++i) {
            if (bind(cursor.m_statement, int(i) + 1, values.at(i)) != SQLITE_OK)
                return makeError(sqliteError(handle, "bind", sql));
        }
        return cursor;
    }
    if (PGconn *connection = postgresHandle(db)) {
        std::vector<std::optional<QByteArray>> texts;
        texts.reserve(size_t(values.size()));
        std::vector<const char *> pointers;
        for (const QVariant &value : values) {
            texts.push_back(postgresText(value));
            pointers.push_back(texts.back() ? texts.back()->constData() : nullptr);
        }
        const QByteArray text = numberedPlaceholders(sql);
        QByteArray name;
        if (keep)
            name = preparedName(connection, text, int(pointers.size()), &cursor.m_result);
        if (!name.isEmpty()) {
            cursor.m_result = PQexecPrepared(connection, name.constData(), int(pointers.size()), pointers.data(), nullptr, nullptr, 0);
            // 26000: the server does not know the name (a connection at a reused address, or
            // one reset underneath): prepared again on the next run, run unprepared now.
            if (PQresultStatus(cursor.m_result) != PGRES_TUPLES_OK
                && qstrcmp(PQresultErrorField(cursor.m_result, PG_DIAG_SQLSTATE), "26000") == 0) {
                forgetPrepared(connection, text);
                PQclear(std::exchange(cursor.m_result, nullptr));
            }
        }
        if (!cursor.m_result)
            cursor.m_result = PQexecParams(connection, text.constData(), int(pointers.size()), nullptr, pointers.data(),
                                           nullptr, nullptr, 0);
        if (PQresultStatus(cursor.m_result) != PGRES_TUPLES_OK) {
            const QString message = QString::fromUtf8(cursor.m_result ? PQresultErrorMessage(cursor.m_result)
                                                                      : PQerrorMessage(connection))
                                        .trimmed();
            const QSqlError error(message, QString(), QSqlError::StatementError,
                                  QString::fromLatin1(cursor.m_result ? PQresultErrorField(cursor.m_result, PG_DIAG_SQLSTATE) : nullptr));
            qCWarning(lcGatewayDb).noquote() << "query failed:" << message << "in" << sql;
            noteConnectionFailure(db, error);
            noteStorageFailure(error);
            return makeError(QStringLiteral("query failed: ") + message);
        }
        cursor.m_resultRows = PQntuples(cursor.m_result);
        return cursor;
    }
    auto query = runQuery(db, sql, values);
    if (!query)
        return makeError(query.error());
    cursor.m_query = std::make_unique<QSqlQuery>(std::move(query.value()));
    return cursor;
}

RowCursor::RowCursor(RowCursor &&other) noexcept
    : m_statement(std::exchange(other.m_statement, nullptr))
    , m_cached(other.m_cached)
    , m_result(std::exchange(other.m_result, nullptr))
    , m_resultRows(other.m_resultRows)
    , m_row(other.m_row)
    , m_query(std::move(other.m_query))
    , m_texts(std::move(other.m_texts))
    , m_converted(std::move(other.m_converted))
    , m_sql(std::move(other.m_sql))
    , m_error(std::move(other.m_error))
{}

RowCursor &RowCursor::operator=(RowCursor &&other) noexcept
{
    if (this != &other) {
        releaseStatement();
        PQclear(m_result);
        m_statement = std::exchange(other.m_statement, nullptr);
        m_cached = other.m_cached;
        m_result = std::exchange(other.m_result, nullptr);
        m_resultRows = other.m_resultRows;
        m_row = other.m_row;
        m_query = std::move(other.m_query);
        m_texts = std::move(other.m_texts);
        m_converted = std::move(other.m_converted);
        m_sql = std::move(other.m_sql);
        m_error = std::move(other.m_error);
    }
    return *this;
}

RowCursor::~RowCursor()
{
    releaseStatement();
    PQclear(m_result); // a no-op on nullptr
}

void RowCursor::releaseStatement()
{
    if (!m_statement)
        return;
    if (m_cached)
        giveBack(m_statement);
    else
        sqlite3_finalize(m_statement);
    m_statement = nullptr;
}

bool RowCursor::next()
{
    if (m_statement) {
        const int step = sqlite3_step(m_statement);
        if (step == SQLITE_ROW)
            return true;
        if (step != SQLITE_DONE)
            m_error = sqliteError(sqlite3_db_handle(m_statement), "query", m_sql);
        return false;
    }
    if (m_result)
        return ++m_row < m_resultRows;
    if (!m_query || !m_query->next())
        return false;
    const int columns = m_query->record().count();
    m_texts.assign(size_t(columns), QByteArray());
    m_converted.assign(size_t(columns), false);
    return true;
}

bool RowCursor::isNull(int column) const
{
    if (m_statement)
        return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
    if (m_result)
        return PQgetisnull(m_result, m_row, column) != 0;
    return m_query->isNull(column);
}

qint64 RowCursor::integer(int column) const
{
    if (m_statement)
        return sqlite3_column_int64(m_statement, column);
    if (m_result) {
        const char *text = PQgetvalue(m_result, m_row, column);
        qint64 value = 0;
        std::from_chars(text, text + PQgetlength(m_result, m_row, column), value);
        return value;
    }
    return m_query->value(column).toLongLong();
}

QString RowCursor::string(int column) const
{
    return isNull(column) ? QString() : QString::fromUtf8(text(column));
}

QByteArrayView RowCursor::text(int column) const
{
    if (m_statement) {
        const auto *bytes = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
        return bytes ? QByteArrayView(bytes, sqlite3_column_bytes(m_statement, column)) : QByteArrayView();
    }
    if (m_result)
        return QByteArrayView(PQgetvalue(m_result, m_row, column), PQgetlength(m_result, m_row, column));
    const auto at = size_t(column);
    if (!m_converted[at]) {
        m_texts[at] = m_query->value(column).toString().toUtf8();
        m_converted[at] = true;
    }
    return m_texts[at];
}

} // namespace kessai::gateway
