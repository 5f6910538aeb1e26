// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

/**
 * @brief Names this process in the rows it holds (a running turn, a claimed handoff), so that
 * another process can tell a holder that died from one still at work.
 */
namespace ProcessIdentity {

/// "<host>/<pid>/<random>", the same for the whole life of this process.
[[nodiscard]] QString current();
/// True for an identity from current() on this machine whose process is gone. Another machine's
/// holder is never declared dead: only its lease can tell.
[[nodiscard]] bool isDead(const QString &identity);

} // namespace ProcessIdentity
