// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

/**
 * @brief A reply with the model's reasoning above it, as a block quote headed "Thinking", for
 * `[gateway] show_thinking=true`. Without that key the reasoning never leaves the machine.
 */
namespace ThinkingQuote {
/// @p answer with @p reasoning quoted before it; @p answer alone when there is no reasoning.
[[nodiscard]] QString prepend(const QString &reasoning, const QString &answer);
} // namespace ThinkingQuote
