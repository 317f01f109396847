#pragma once

#include <QDate>
#include <QList>
#include <QString>

class QCommandLineParser;

namespace kessai::ctl {

// kessaictl's statement commands, for an accountant's scheduled jobs:
//   statements list [--year Y] [--json]
//   statement export --id ID [--lines] [--format csv|xlsx|pdf] [--encoding utf8-bom|utf8|cp932] --out F
//                                       (pdf: the statement as the console prints it, not its lines)
//   reconcile --ledger F (--statement ID | --from DATE --to DATE) --out F
//                                       (exit 0: everything matched, 1: not)
// The CSV is UTF-8 with a BOM unless said otherwise; the format follows --out's extension when
// --format is not given.
struct StatementOptions
{
    QString profile;
    int year = 0;
    bool json = false;
    QString statementId;
    bool lines = false;
    QString format;   // "csv", "xlsx", "pdf"; empty: from the extension
    bool pdf = false; // the statement document (支払明細書) rather than a table
    QString encoding; // "utf8-bom" (default), "utf8", "cp932"
    QString out;
    bool englishHeader = false; // --english-header: column names in English whatever the language
    QList<int> columnOrder;     // --columns: the file's columns in this order; empty: all
    QString ledger; // reconcile --ledger F
    QDate from, to; // reconcile --from --to: payments cleared in the range instead of a statement
};

// Checks the options of `statements list` / `statement export` (command holds the words);
// Done, or Usage after saying what is wrong.
int parseStatementOptions(const QCommandLineParser &parser, const QStringList &command, StatementOptions *options);
int runStatementCommand(const QStringList &command, const StatementOptions &options);

} // namespace kessai::ctl
