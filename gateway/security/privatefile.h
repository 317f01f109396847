#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QString>

namespace kessai::gateway {

// Files and folders only their owner may read, made so from their first moment: a key is never
// on disk, not even empty, with a mode that lets another local user open it (a user who opened
// it while it was 0644 could read it after a later chmod too).
namespace PrivateFile {

// Creates path with open(2) O_CREAT | O_EXCL | O_NOFOLLOW and mode 0600, writes data and syncs
// it. An existing file or symbolic link is refused, never overwritten; a file this call created
// is removed again when writing it fails.
Result<void> create(const QString &path, const QByteArray &data);
// The same with mode 0644, for what is public but must not replace anything (a certificate).
Result<void> createReadable(const QString &path, const QByteArray &data);

// A folder of mode 0700: made with mkdir(2) and that mode (its parents as usual) when it does
// not exist; an existing one that others may enter is tightened to 0700 before anything is put
// in it. A symbolic link, a file, or a folder of another user in its place is refused.
Result<void> makeDirectory(const QString &path);

} // namespace PrivateFile

} // namespace kessai::gateway
