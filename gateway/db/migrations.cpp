#include "migrations.h"

#include <QDir>
#include <QFile>

namespace kessai::gateway::Migrations {

namespace {

const QString ResourceDir = QStringLiteral(":/kessai/gateway/migrations");

QString substitute(QString sql, bool postgres)
{
    // Text that is sorted or range-compared (trading id prefixes, keyset cursors) compares by
    // bytes on every engine, whatever collation the PostgreSQL database was created with.
    sql.replace(QStringLiteral("%BYTES%"), postgres ? QStringLiteral(" COLLATE \"C\"") : QString());
    // SQLite's INTEGER PRIMARY KEY is the 64-bit rowid itself: the payments table needs no
    // second index for its key.
    sql.replace(QStringLiteral("%ID_KEY%"), postgres ? QStringLiteral("BIGINT PRIMARY KEY") : QStringLiteral("INTEGER PRIMARY KEY"));
    sql.replace(QStringLiteral("%SERIAL_KEY%"),
                postgres ? QStringLiteral("BIGSERIAL PRIMARY KEY") : QStringLiteral("INTEGER PRIMARY KEY AUTOINCREMENT"));
    return sql;
}

} // namespace

Result<QStringList> parse(const QString &text, bool postgres)
{
    QStringList statements;
    QStringList lines;
    for (const QString &line : text.split(u'\n')) {
        const QString trimmed = line.trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith(QLatin1String("--")))
            continue;
        lines.append(trimmed);
        const QString statement = lines.join(u' ');
        // A trigger's body holds statements of its own; only END; ends the trigger.
        const bool trigger = statement.startsWith(QLatin1String("CREATE TRIGGER"));
        if (statement.endsWith(u';') && (!trigger || statement.endsWith(QLatin1String("END;")))) {
            statements.append(substitute(statement.chopped(1), postgres));
            lines.clear();
        }
    }
    if (!lines.isEmpty())
        return makeError(QStringLiteral("a statement does not end with ;: ") + lines.join(u' '));
    return statements;
}

Result<QStringList> statements(int version, bool postgres)
{
    const QString prefix = QStringLiteral("%1_").arg(version, 4, 10, QLatin1Char('0'));
    const QString otherEngine = postgres ? QStringLiteral(".sqlite.sql") : QStringLiteral(".postgres.sql");
    QStringList found;
    for (const QString &name : QDir(ResourceDir).entryList({prefix + QStringLiteral("*.sql")}, QDir::Files, QDir::Name)) {
        if (!name.endsWith(otherEngine))
            found.append(name);
    }
    if (found.size() != 1)
        return makeError(QStringLiteral("migration %1: expected one file %2*.sql for this engine, found %3")
                             .arg(version)
                             .arg(prefix)
                             .arg(found.size()));
    QFile file(QDir(ResourceDir).filePath(found.constFirst()));
    if (!file.open(QIODevice::ReadOnly))
        return makeError(QStringLiteral("migration %1: cannot read %2").arg(version).arg(file.fileName()));
    auto parsed = parse(QString::fromUtf8(file.readAll()), postgres);
    if (!parsed)
        return makeError(QStringLiteral("migration %1 (%2): %3").arg(version).arg(found.constFirst(), parsed.error()));
    return parsed;
}

} // namespace kessai::gateway::Migrations
