// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

/**
 * @brief Cuts a long Markdown reply into messages a platform accepts.
 *
 * Guarantees, for any text and any limit of at least minimumLimit UTF-16 units (the unit Telegram
 * and Slack count in; Discord counts code points, which are never more):
 * - no part is longer than the limit;
 * - every step consumes at least one whole character: never half a surrogate pair, never inside a
 *   grapheme unless a single grapheme is longer than a part can hold;
 * - joined, the parts give the text back, but for whitespace at the cuts and the code fences the
 *   splitter adds.
 * It prefers paragraph breaks, then line breaks, then spaces. A code block cut in two is closed at
 * the end of one part and reopened with its language in the next, so every part renders on its
 * own; the fence it carries is short (at most maxCarriedFence units), whatever the reply's fence
 * line was.
 */
namespace MessageSplitter {

constexpr int minimumLimit = 8;
constexpr int maxCarriedFence = 64;

/// @p limit below minimumLimit is taken as minimumLimit.
[[nodiscard]] QStringList split(const QString &text, int limit);

} // namespace MessageSplitter
