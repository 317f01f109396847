#pragma once

#include "common/result.h"

#include <QString>
#include <QStringList>

namespace kessai::gateway::Migrations {

// The schema's history as frozen SQL files in the resource :/kessai/gateway/migrations:
// NNNN_name.sql for a version both engines share, NNNN_name.sqlite.sql and
// NNNN_name.postgres.sql where they differ. Statements end with `;` at the end of a line (a
// trigger's with `END;`); lines of one statement are joined with one space; `--` lines are
// comments. Three placeholders stand for the words the engines spell differently: %BYTES%,
// %ID_KEY% and %SERIAL_KEY%.

// The statements of schema version `version` (1 = the first) for the engine, ready to run.
Result<QStringList> statements(int version, bool postgres);

// The statements of one file's text, placeholders substituted.
Result<QStringList> parse(const QString &text, bool postgres);

} // namespace kessai::gateway::Migrations
