#include "privatefile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace kessai::gateway::PrivateFile {

namespace {

QString systemError(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

Result<void> createWithMode(const QString &path, const QByteArray &data, mode_t mode)
{
    const QByteArray name = QFile::encodeName(path);
    const int fd = ::open(name.constData(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
    if (fd < 0) {
        const int error = errno;
        if (error == EEXIST)
            return makeError(QStringLiteral("%1 exists; refusing to overwrite it").arg(path));
        return makeError(QStringLiteral("cannot create %1: %2").arg(path, systemError(error)));
    }
    qsizetype written = 0;
    int error = 0;
    while (written < data.size()) {
        const ssize_t n = ::write(fd, data.constData() + written, size_t(data.size() - written));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            error = errno;
            break;
        }
        written += n;
    }
    if (error == 0 && ::fsync(fd) != 0)
        error = errno;
    if (::close(fd) != 0 && error == 0)
        error = errno;
    if (error != 0) {
        ::unlink(name.constData());
        return makeError(QStringLiteral("cannot write %1: %2").arg(path, systemError(error)));
    }
    return {};
}

} // namespace

Result<void> create(const QString &path, const QByteArray &data)
{
    return createWithMode(path, data, S_IRUSR | S_IWUSR);
}

Result<void> createReadable(const QString &path, const QByteArray &data)
{
    return createWithMode(path, data, S_IRUSR | S_IWUSR | S_IRGRP | S_IROTH);
}

Result<void> makeDirectory(const QString &path)
{
    const QByteArray name = QFile::encodeName(path);
    struct stat status = {};
    if (::lstat(name.constData(), &status) != 0) {
        if (errno != ENOENT)
            return makeError(QStringLiteral("cannot use %1: %2").arg(path, systemError(errno)));
        const QString parent = QFileInfo(path).absolutePath();
        if (!QDir().mkpath(parent))
            return makeError(QStringLiteral("cannot create %1").arg(parent));
        if (::mkdir(name.constData(), S_IRWXU) != 0 && errno != EEXIST)
            return makeError(QStringLiteral("cannot create %1: %2").arg(path, systemError(errno)));
        if (::lstat(name.constData(), &status) != 0)
            return makeError(QStringLiteral("cannot use %1: %2").arg(path, systemError(errno)));
    }
    if (!S_ISDIR(status.st_mode))
        return makeError(QStringLiteral("%1 is not a folder").arg(path));
    if (status.st_uid != ::geteuid())
        return makeError(QStringLiteral("%1 belongs to another user").arg(path));
    if ((status.st_mode & (S_IRWXG | S_IRWXO)) != 0 && ::chmod(name.constData(), S_IRWXU) != 0)
        return makeError(QStringLiteral("cannot make %1 private (mode 0700): %2").arg(path, systemError(errno)));
    return {};
}

} // namespace kessai::gateway::PrivateFile
