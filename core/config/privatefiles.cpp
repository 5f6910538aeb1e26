// SPDX-License-Identifier: GPL-3.0-or-later
#include "privatefiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <sys/stat.h>
#include <unistd.h>

namespace PrivateFiles {

bool makeDirectory(const QString &path)
{
    const QString clean = QDir::cleanPath(path);
    if (QFileInfo(clean).isDir())
        return true;
    if (!QDir().mkpath(clean))
        return false;
    return QFile::setPermissions(clean, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
}

bool tighten(const QString &file)
{
    struct stat st
    {
    };
    if (::lstat(QFile::encodeName(file).constData(), &st) != 0 || !S_ISREG(st.st_mode))
        return false;
    if ((st.st_mode & 077) == 0)
        return false;
    return QFile::setPermissions(file, QFile::ReadOwner | QFile::WriteOwner);
}

bool isPrivateDirectory(const QString &path)
{
    struct stat st
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return false;
    return S_ISDIR(st.st_mode) && st.st_uid == ::geteuid() && (st.st_mode & 077) == 0;
}

} // namespace PrivateFiles
