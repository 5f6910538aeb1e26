// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

/**
 * @brief Cuts a long Markdown reply into messages a platform accepts.
 *
 * Prefers paragraph breaks, then line breaks, then spaces; never cuts a surrogate pair; a code
 * block cut in two is closed at the end of one part and reopened (with its language) in the next,
 * so every part renders on its own. Lengths count UTF-16 units, as Telegram and Discord do.
 */
namespace MessageSplitter {

[[nodiscard]] QStringList split(const QString &text, int limit);

} // namespace MessageSplitter
