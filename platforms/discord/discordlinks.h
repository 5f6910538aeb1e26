// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

/**
 * @brief Discord reads Markdown itself, so a model's text is sent as it is, with one exception:
 * a masked link [label](target) keeps its target only if it is http(s) or mailto.
 */
namespace DiscordLinks {

/// @p text with every other masked link replaced by its label; code blocks are left alone.
[[nodiscard]] QString restrict(const QString &text);

} // namespace DiscordLinks
