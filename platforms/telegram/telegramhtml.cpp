// SPDX-License-Identifier: GPL-3.0-or-later
#include "telegramhtml.h"

#include "markdown/markdowndialect.h"

using namespace Qt::StringLiterals;

namespace TelegramHtml {

QString escape(QStringView text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        switch (c.unicode()) {
        case '<':
            out += u"&lt;"_s;
            break;
        case '>':
            out += u"&gt;"_s;
            break;
        case '&':
            out += u"&amp;"_s;
            break;
        case '"':
            out += u"&quot;"_s;
            break;
        default:
            out += c;
        }
    }
    return out;
}

namespace {
const MarkdownDialect &dialect()
{
    static const MarkdownDialect html {
        .escape = escape,
        // Telegram knows four named entities and every numeric one.
        .keptEntities = { u"&lt;"_s, u"&gt;"_s, u"&amp;"_s, u"&quot;"_s },
        .keepNumericEntities = true,
        .bold = { u"<b>"_s, u"</b>"_s },
        .italic = { u"<i>"_s, u"</i>"_s },
        .strike = { u"<s>"_s, u"</s>"_s },
        .code = { u"<code>"_s, u"</code>"_s },
        .heading = { u"<b>"_s, u"</b>"_s },
        .linkOpen = [](const QString &href) { return u"<a href=\"%1\">"_s.arg(escape(href)); },
        .linkClose = u"</a>"_s,
        .preOpen =
            [](const QString &language) {
                return language.isEmpty() ? u"<pre>"_s : u"<pre><code class=\"language-%1\">"_s.arg(escape(language));
            },
        .preClose = [](const QString &language) { return language.isEmpty() ? u"</pre>"_s : u"</code></pre>"_s; },
        .quote = { u"<blockquote>"_s, u"</blockquote>"_s },
        .quoteLinePrefix = {},
        // @username in a bot's text notifies that person; tg://user links are refused by the renderer.
        .defuseMentions = true,
        // Telegram takes no blockquote inside another.
        .quotesNest = false,
    };
    return html;
}
} // namespace

QString fromMarkdown(const QString &markdown)
{
    return renderMarkdown(markdown, dialect());
}

} // namespace TelegramHtml
