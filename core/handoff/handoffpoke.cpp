// SPDX-License-Identifier: GPL-3.0-or-later
#include "handoffpoke.h"

#include "ipc/localsockets.h"

#include <QLocalSocket>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcPoke, "baton.handoff.poke", QtInfoMsg)

namespace HandoffPoke {

QString serverName(const QString &dataDir)
{
    return LocalSockets::path(dataDir, u"handoff"_s);
}

void send(const QString &dataDir, const QString &sessionId, QObject *parent)
{
    auto *socket = new QLocalSocket(parent);
    QObject::connect(socket, &QLocalSocket::connected, socket, [socket, sessionId] {
        // A listener of another user would learn which conversation moves where: it hears nothing.
        if (!LocalSockets::peerIsUs(*socket)) {
            qCWarning(lcPoke).noquote() << "not poking" << socket->fullServerName()
                                        << "- it belongs to another user; the gateway's timer will find the handoff";
            socket->abort();
            return;
        }
        socket->write(sessionId.toUtf8() + '\n');
        socket->disconnectFromServer();
    });
    QObject::connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
    QObject::connect(socket, &QLocalSocket::errorOccurred, socket, &QObject::deleteLater);
    socket->connectToServer(serverName(dataDir));
}

} // namespace HandoffPoke
