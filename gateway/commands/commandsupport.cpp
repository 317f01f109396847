#include "commandsupport.h"

#include <QRegularExpression>

#include <cstdio>

namespace kessai::gateway::CommandSupport {

void print(const QString &line)
{
    const QByteArray bytes = line.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stdout);
    std::fflush(stdout);
}

QString databaseLocation(const QString &dataDir, const QString &database)
{
    return database.isEmpty() ? Database::defaultPath(dataDir) : database;
}

Result<void> requireGatewaySchema(const QString &dataDir, const Database &database)
{
    auto initialised = database.isInitialised();
    if (!initialised)
        return makeError(initialised.error());
    if (!initialised.value()) {
        if (!database.isPostgres())
            return makeError(QStringLiteral("%1 has no gateway.db; run kessai-gateway init first").arg(dataDir));
        return makeError(QStringLiteral("%1 has no gateway schema; run kessai-gateway init --db first").arg(database.displayName()));
    }
    return database.migrate();
}

QString shellWord(const QString &text)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9_./:@%+=,-]+\\z"));
    if (plain.match(text).hasMatch())
        return text;
    QString quoted = text;
    quoted.replace(u'\'', QStringLiteral("'\\''"));
    return u'\'' + quoted + u'\'';
}

} // namespace kessai::gateway::CommandSupport
