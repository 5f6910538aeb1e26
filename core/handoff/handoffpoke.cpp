// SPDX-License-Identifier: GPL-3.0-or-later
#include "handoffpoke.h"

#include <QCryptographicHash>
#include <QDir>
#include <QLocalSocket>

using namespace Qt::StringLiterals;

namespace HandoffPoke {

QString serverName(const QString &dataDir)
{
    // One watcher per store: the name derives from the canonical data directory.
    const QByteArray path = QDir(dataDir).canonicalPath().toUtf8();
    return u"baton-handoff-"_s
        + QString::fromLatin1(QCryptographicHash::hash(path, QCryptographicHash::Sha256).toHex().left(16));
}

void send(const QString &dataDir, const QString &sessionId, QObject *parent)
{
    auto *socket = new QLocalSocket(parent);
    QObject::connect(socket, &QLocalSocket::connected, socket, [socket, sessionId] {
        socket->write(sessionId.toUtf8() + '\n');
        socket->disconnectFromServer();
    });
    QObject::connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
    QObject::connect(socket, &QLocalSocket::errorOccurred, socket, &QObject::deleteLater);
    socket->connectToServer(serverName(dataDir));
}

} // namespace HandoffPoke
