#include "rowcursor.h"

#include "database.h"

#include <QSqlDriver>
#include <QSqlRecord>

#include <cstdint>

#include <sqlite3.h>

namespace kessai::gateway {

namespace {

sqlite3 *sqliteHandle(const QSqlDatabase &db)
{
    const QVariant handle = db.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
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

} // namespace

Result<RowCursor> RowCursor::run(const QSqlDatabase &db, const QString &sql, const QVariantList &values)
{
    RowCursor cursor;
    cursor.m_sql = sql;
    if (sqlite3 *handle = sqliteHandle(db)) {
        const QByteArray text = sql.toUtf8();
        if (sqlite3_prepare_v2(handle, text.constData(), int(text.size()), &cursor.m_statement, nullptr) != SQLITE_OK)
            return makeError(sqliteError(handle, "prepare", sql));
        for (qsizetype i = 0; i < values.size(); ++i) {
            if (bind(cursor.m_statement, int(i) + 1, values.at(i)) != SQLITE_OK)
                return makeError(sqliteError(handle, "bind", sql));
        }
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
    , m_query(std::move(other.m_query))
    , m_texts(std::move(other.m_texts))
    , m_converted(std::move(other.m_converted))
    , m_sql(std::move(other.m_sql))
    , m_error(std::move(other.m_error))
{}

RowCursor &RowCursor::operator=(RowCursor &&other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(m_statement);
        m_statement = std::exchange(other.m_statement, nullptr);
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
    sqlite3_finalize(m_statement); // a no-op on nullptr
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
    return m_query->isNull(column);
}

qint64 RowCursor::integer(int column) const
{
    if (m_statement)
        return sqlite3_column_int64(m_statement, column);
    return m_query->value(column).toLongLong();
}

QByteArrayView RowCursor::text(int column) const
{
    if (m_statement) {
        const auto *bytes = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
        return bytes ? QByteArrayView(bytes, sqlite3_column_bytes(m_statement, column)) : QByteArrayView();
    }
    const auto at = size_t(column);
    if (!m_converted[at]) {
        m_texts[at] = m_query->value(column).toString().toUtf8();
        m_converted[at] = true;
    }
    return m_texts[at];
}

} // namespace kessai::gateway
