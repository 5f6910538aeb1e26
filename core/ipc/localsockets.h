// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

class QLocalSocket;

/**
 * @brief Where Baton's local sockets live and who may talk on them.
 *
 * A socket in /tmp could be created first by another local user, who would then answer for Baton.
 * So sockets live in $XDG_RUNTIME_DIR when that is a private folder of ours, else in a 0700 folder
 * under the data directory, and both ends check that the other runs as the same user.
 */
namespace LocalSockets {

/// The full path of the socket @p kind ("window", "handoff") for the store in @p dataDir.
[[nodiscard]] QString path(const QString &dataDir, const QString &kind);
/// The user id of the process at the other end of the connected @p socket; nullopt when unknown.
[[nodiscard]] std::optional<uint> peerUid(const QLocalSocket &socket);
/// True when the other end of @p socket runs as the user this process runs as.
[[nodiscard]] bool peerIsUs(const QLocalSocket &socket);

} // namespace LocalSockets
