// SPDX-License-Identifier: GPL-3.0-or-later
#include "slackmrkdwn.h"

#include "markdown/markdowndialect.h"

using namespace Qt::StringLiterals;

namespace SlackMrkdwn {

QString escape(QStringView text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (c == u'&')
            out += u"&amp;"_s;
        else if (c == u'<')
            out += u"&lt;"_s;
        else if (c == u'>')
            out += u"&gt;"_s;
        else
            out += c;
    }
    return out;
}

namespace {
const MarkdownDialect &dialect()
{
    static const MarkdownDialect mrkdwn {
        .escape = escape,
        .keptEntities = { u"&lt;"_s, u"&gt;"_s, u"&amp;"_s },
        .keepNumericEntities = false,
        .bold = { u"*"_s, u"*"_s },
        .italic = { u"_"_s, u"_"_s },
        .strike = { u"~"_s, u"~"_s },
        .code = { u"`"_s, u"`"_s },
        .heading = { u"*"_s, u"*"_s },
        // A link's label is written inside: <url|label>. The target is http(s) or mailto (the
        // renderer's rule), so it cannot be <!channel> or <@U…>; escaping '<' and '>' and dropping
        // '|' keep it from closing the sequence early.
        .linkOpen =
            [](const QString &href) {
                QString url = href;
                url.remove(u'|');
                return QString(u"<"_s + escape(url) + u"|"_s);
            },
        .linkClose = u">"_s,
        .preOpen = [](const QString &) { return u"```\n"_s; },
        .preClose = [](const QString &) { return u"\n```"_s; },
        .quote = {},
        .quoteLinePrefix = u"> "_s,
        .defuseMentions = true,
    };
    return mrkdwn;
}
} // namespace

QString fromMarkdown(const QString &markdown)
{
    return renderMarkdown(markdown, dialect());
}

} // namespace SlackMrkdwn
