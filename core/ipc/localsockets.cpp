// SPDX-License-Identifier: GPL-3.0-or-later
#include "localsockets.h"

#include "config/privatefiles.h"

#include <QCryptographicHash>
#include <QDir>
#include <QLocalSocket>

#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace LocalSockets {

QString path(const QString &dataDir, const QString &kind)
{
    const QString runtimeDir = qEnvironmentVariable("XDG_RUNTIME_DIR");
    if (!runtimeDir.isEmpty() && PrivateFiles::isPrivateDirectory(runtimeDir)) {
        // One runtime folder serves every data dir: the name carries which store it belongs to.
        QString canonical = QDir(dataDir).canonicalPath();
        if (canonical.isEmpty())
            canonical = QDir(dataDir).absolutePath();
        const QByteArray hash = QCryptographicHash::hash(canonical.toUtf8(), QCryptographicHash::Sha256).toHex();
        return QDir(runtimeDir).filePath(u"baton-%1-%2"_s.arg(kind, QString::fromLatin1(hash.left(16))));
    }
    const QString runDir = QDir(dataDir).filePath(u"run"_s);
    // Made here, or left by an earlier run: either way only we may enter it.
    if (!PrivateFiles::makeDirectory(runDir) || !PrivateFiles::isPrivateDirectory(runDir))
        QFile::setPermissions(runDir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    return QDir(runDir).filePath(kind);
}

std::optional<uint> peerUid(const QLocalSocket &socket)
{
    const qintptr fd = socket.socketDescriptor();
    if (fd < 0)
        return std::nullopt;
    struct ucred credentials
    {
    };
    socklen_t size = sizeof(credentials);
    if (::getsockopt(int(fd), SOL_SOCKET, SO_PEERCRED, &credentials, &size) != 0 || size != sizeof(credentials))
        return std::nullopt;
    return uint(credentials.uid);
}

bool peerIsUs(const QLocalSocket &socket)
{
    const std::optional<uint> uid = peerUid(socket);
    return uid && *uid == uint(::geteuid());
}

} // namespace LocalSockets
