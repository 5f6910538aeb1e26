// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

/**
 * @brief Baton's files hold conversations and pairing codes: only their owner may read them.
 *
 * The process umask (077, set in main) covers what Baton creates; these cover files and folders
 * older versions left readable by others, and code paths that must not depend on the umask.
 */
namespace PrivateFiles {

/// Creates @p path and its parents if needed; a folder made here is 0700. False when it cannot be made.
[[nodiscard]] bool makeDirectory(const QString &path);
/// Sets @p file to 0600 when it exists and group or others may use it; true when it changed.
bool tighten(const QString &file);
/// True when @p path is a folder of this user that nobody else may enter.
[[nodiscard]] bool isPrivateDirectory(const QString &path);

} // namespace PrivateFiles
