// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QObject;

/**
 * @brief The nudge a requester sends the watcher so a handoff starts in milliseconds, not at the next poll.
 *
 * Best effort: without a listening gateway the poke goes nowhere and the watcher's timer (or the
 * requester's claim timeout) covers it.
 */
namespace HandoffPoke {

/// The socket path of the watcher for the store in @p dataDir.
[[nodiscard]] QString serverName(const QString &dataDir);
/// Tells that watcher, if any and if it runs as our user, that @p sessionId has a pending handoff.
void send(const QString &dataDir, const QString &sessionId, QObject *parent);

} // namespace HandoffPoke
