// SPDX-License-Identifier: GPL-3.0-or-later
#include "locallistener.h"

#include "localsockets.h"

#include <QLocalServer>
#include <QLocalSocket>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcLocal, "baton.local", QtInfoMsg)

LocalListener::LocalListener(QObject *parent)
    : QObject(parent)
{ }

bool LocalListener::listen(const QString &path)
{
    close();
    m_server = new QLocalServer(this);
    // The socket file itself is 0700 too: nobody else may even connect.
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    // Callers listen only when nobody of ours answered: whatever is there is stale or foreign.
    QLocalServer::removeServer(path);
    if (!m_server->listen(path)) {
        m_error = m_server->errorString();
        return false;
    }
    m_error.clear();
    connect(m_server, &QLocalServer::newConnection, this, &LocalListener::accept);
    return true;
}

void LocalListener::close()
{
    delete m_server;
    m_server = nullptr;
}

void LocalListener::accept()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        if (!LocalSockets::peerIsUs(*socket)) {
            const std::optional<uint> peer = LocalSockets::peerUid(*socket);
            const qint64 uid = peer ? qint64(*peer) : -1;
            qCWarning(lcLocal).noquote() << "refused a connection to" << m_server->fullServerName() << "from user id"
                                         << uid << "- only this user may talk to Baton";
            socket->abort();
            socket->deleteLater();
            Q_EMIT peerRefused(uid);
            continue;
        }
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] { Q_EMIT received(socket->readAll()); });
    }
}
