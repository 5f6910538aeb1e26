// SPDX-License-Identifier: GPL-3.0-or-later
#include "singleinstance.h"

#include "ipc/locallistener.h"
#include "ipc/localsockets.h"

#include <QLocalSocket>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcInstance, "baton.desktop.instance", QtInfoMsg)

SingleInstance::SingleInstance(const QString &dataDir, QObject *parent)
    : QObject(parent)
    , m_path(LocalSockets::path(dataDir, u"window"_s))
{ }

bool SingleInstance::raiseRunning()
{
    QLocalSocket socket;
    socket.connectToServer(m_path);
    if (!socket.waitForConnected(500))
        return false;
    // Someone else's socket in our place must not keep Baton from opening.
    if (!LocalSockets::peerIsUs(socket)) {
        const std::optional<uint> uid = LocalSockets::peerUid(socket);
        qCWarning(lcInstance).noquote() << "ignoring" << m_path << "- it belongs to user id"
                                        << (uid ? QString::number(*uid) : u"?"_s) << ", not to us";
        socket.abort();
        return false;
    }
    socket.write("raise\n");
    socket.waitForBytesWritten(500);
    socket.disconnectFromServer();
    return true;
}

bool SingleInstance::listen()
{
    m_listener = new LocalListener(this);
    if (!m_listener->listen(m_path)) {
        qCWarning(lcInstance).noquote() << "a second `baton` will open another window: cannot listen on" << m_path
                                        << ":" << m_listener->errorString();
        return false;
    }
    connect(m_listener, &LocalListener::received, this, [this](const QByteArray &data) {
        if (data.startsWith("raise"))
            Q_EMIT raiseRequested();
    });
    return true;
}
