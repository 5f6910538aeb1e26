// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

/**
 * @brief The model's Markdown as Telegram's HTML parse mode: only the tags Telegram knows, always
 * balanced, everything else escaped, so a finished reply never fails with "can't parse entities".
 */
namespace TelegramHtml {

[[nodiscard]] QString fromMarkdown(const QString &markdown);
/// Escapes < > & (and " for attributes) the way Telegram expects.
[[nodiscard]] QString escape(QStringView text);

} // namespace TelegramHtml
