#pragma once

#include "common/result.h"

#include <QSqlDatabase>
#include <QString>

namespace kessai::gateway {

// The customer search's text: what Japanese input varies is folded away, the same way on the
// text stored (payments.customer_fold, written with the payment) and on what is searched for.
namespace CustomerFold {

// ICU's NFKC_Casefold (full and half width, compatibility forms, case), then hiragana as
// katakana, without any space (ASCII, U+3000 and the rest): さとう　はなこ, ｻﾄｳ ﾊﾅｺ and
// サトウハナコ all become サトウハナコ.
QString fold(const QString &text);

// The stored text of one payment's customer: the folded name and kana and the phone's digits,
// separated by U+001F (which no folded search text contains).
QString searchText(const QString &name, const QString &kana, const QString &phone);

// Fills customer_fold of every payment that has none: schema 8 added the column, and only C++
// (ICU) can compute it. Run by the migrator in the transaction of schema 8.
Result<void> fillMissing(const QSqlDatabase &db);

} // namespace CustomerFold

} // namespace kessai::gateway
