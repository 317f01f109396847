#pragma once

#include "common/result.h"
#include "db/database.h"

#include <QString>

namespace kessai::gateway::CommandSupport {

// What the commands share: their output, where their database is, and opening one that
// `init` made.

// One line to stdout, flushed: tooling and tests read it as it comes.
void print(const QString &line);
// --db as given, or DIR/gateway.db.
QString databaseLocation(const QString &dataDir, const QString &database);
// Refuses a database `init` has not made, else brings its schema up to date.
Result<void> requireGatewaySchema(const QString &dataDir, const Database &database);
// text as one word of a POSIX shell command line, quoted only when it has to be.
QString shellWord(const QString &text);

} // namespace kessai::gateway::CommandSupport
