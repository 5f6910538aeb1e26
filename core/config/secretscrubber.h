// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

/**
 * @brief Blanks secrets out of text before it reaches a log, the store, the window or a chat.
 *
 * Two nets: the values of the secrets this process has read (a server may echo the key it was
 * sent), and anything shaped like a credential (bearer tokens, `sk-` keys, Telegram bot tokens,
 * Slack `xox?-`/`xapp-` tokens, Discord bot tokens), which also catches secrets we never read.
 */
namespace SecretScrubber {

/// What stands where a secret was.
inline constexpr QStringView mask = u"…";

/// Remembers @p value (a secret read from the keychain or the environment) for scrub(); values
/// shorter than 4 characters are ignored, as blanking them would blank ordinary words.
void remember(const QString &value);
/// @p text with every remembered secret, @p extra (if at least 4 characters) and every
/// credential-shaped word replaced by mask.
[[nodiscard]] QString scrub(const QString &text, const QString &extra = {});
/// Passes every log line of this process through scrub() before Qt's own handler writes it.
void installLogFilter();

} // namespace SecretScrubber
