// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QUrl;

/**
 * @brief Model and platform Markdown made safe for Qt's Markdown renderer, which would otherwise
 * honour raw HTML and fetch images by itself.
 *
 * Every `<` outside code becomes `\<`, so no HTML tag or block exists and `Vec<String>` shows as
 * written; `![alt](url)` becomes `!` and a link `[alt](url)`, so no image is ever loaded. Code spans
 * and fenced blocks are left alone, as Markdown shows them literally anyway.
 */
namespace SafeMarkdown {

[[nodiscard]] QString toDisplay(const QString &markdown);
/// http, https (with a host) and mailto: the only links Baton hands to another program.
[[nodiscard]] bool isOpenableLink(const QUrl &url);

} // namespace SafeMarkdown
