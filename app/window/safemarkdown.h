// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
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

/// The colours and sizes toHtml() writes into its styles, from the window's theme.
struct ProseStyle
{
    QColor codeBackground; // behind inline code and indented code blocks
    QColor rule; // table borders and a quote's left rule
    QColor quoteText;
    int fontPixelSize = 14; // the body text's, for headings and code
    int paragraphSpacing = 10; // between blocks, in pixels
};
/**
 * @p markdown, made safe as toDisplay() does, as the HTML subset Qt's rich text shows: paragraphs
 * spaced, inline code on a background, tables with single thin rules (the header row over a
 * heavier one), quotes with a rule on the left. Every character of the text is escaped, raw HTML
 * shows as text (md4c's MD_FLAG_NOHTML), no `<img>` is ever written (an image becomes a link to
 * it), and no style comes from the text.
 */
[[nodiscard]] QString toHtml(const QString &markdown, const ProseStyle &style);
/// http, https (with a host) and mailto: the only links Baton hands to another program.
[[nodiscard]] bool isOpenableLink(const QUrl &url);

} // namespace SafeMarkdown
