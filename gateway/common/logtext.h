#pragma once

#include <QString>
#include <QStringView>

namespace kessai::gateway {

// Text a client chose (a path, a login ID, a target) as it may enter a log line or the audit
// trail: control characters become visible escapes (\n \r \t, \xHH for the other C0 and C1
// controls and DEL), so do line and paragraph separators and invisible format characters such as
// bidi overrides (\u{202E}), and a backslash is doubled. No input can start a line of its own,
// hide text or turn it around, and every escape in the output was an escape in the input.
QString escapedText(QStringView text);

} // namespace kessai::gateway
