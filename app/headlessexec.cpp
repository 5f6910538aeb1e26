// SPDX-License-Identifier: GPL-3.0-or-later
#include "headlessexec.h"

#include <QCoreApplication>

#include <cerrno>
#include <cstring>

#include <unistd.h>

namespace {
// /proc/self/exe, not argv[0]: `baton` started through PATH or a symlink still finds its sibling.
std::string ownDirectory()
{
    char path[4096];
    const ssize_t length = ::readlink("/proc/self/exe", path, sizeof path - 1);
    if (length <= 0)
        return {};
    const std::string exe(path, size_t(length));
    const size_t slash = exe.rfind('/');
    return slash == std::string::npos ? std::string() : exe.substr(0, slash + 1);
}
} // namespace

namespace HeadlessExec {

Failure exec(char *argv[])
{
    Failure failure { ownDirectory(), ENOENT };
    if (!failure.directory.empty()) {
        const std::string beside = failure.directory + binaryName;
        ::execv(beside.c_str(), argv);
        failure.error = errno;
    }
    ::execvp(binaryName, argv);
    // One that exists beside us but would not start says more than "not on PATH".
    if (failure.error == ENOENT)
        failure.error = errno;
    return failure;
}

QString describe(const Failure &failure)
{
    return QCoreApplication::translate("HeadlessExec", "cannot start %1 (looked in %2 and on PATH): %3")
        .arg(QString::fromLatin1(binaryName), QString::fromLocal8Bit(failure.directory.c_str()),
            QString::fromLocal8Bit(std::strerror(failure.error)));
}

} // namespace HeadlessExec
