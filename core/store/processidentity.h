// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

/**
 * @brief Names this process in the rows it holds (a running turn, a claimed handoff), so that
 * another process can tell a holder that died from one still at work.
 *
 * An identity is "<host>/<boot id>/<pid>/<start time>": the boot id (from
 * /proc/sys/kernel/random/boot_id) and the process's start time in clock ticks since boot (from
 * /proc/<pid>/stat) tell a process from a later one that reuses its pid, whoever owns that one.
 */
namespace ProcessIdentity {

/// This process's identity, the same for its whole life.
[[nodiscard]] QString current();
/// The identity of process @p pid on this machine now; empty when there is no such process.
[[nodiscard]] QString of(qint64 pid);
/// True for an identity from this machine whose process is gone: not running, or its pid now
/// belongs to a process started later, or the machine rebooted since. Another machine's holder is
/// never declared dead: only its lease can tell.
[[nodiscard]] bool isDead(const QString &identity);

} // namespace ProcessIdentity
