// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWebSocket>

/**
 * @brief A platform's WebSocket with a cap on what one frame or message may hold.
 *
 * Qt accepts messages of up to 256 MiB by default; no Discord or Slack event comes near a few
 * hundred KiB, so a larger one is a broken or hostile server and the socket drops it (Qt closes
 * with 1009, "message too big") instead of buffering it.
 */
namespace BoundedSocket {

constexpr quint64 maxMessageBytes = 8 * 1024 * 1024;

[[nodiscard]] inline QWebSocket *create(QObject *parent)
{
    auto *socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, parent);
    socket->setMaxAllowedIncomingMessageSize(maxMessageBytes);
    socket->setMaxAllowedIncomingFrameSize(maxMessageBytes);
    return socket;
}

} // namespace BoundedSocket
