// SPDX-License-Identifier: GPL-3.0-or-later
// TelegramHtml::fromMarkdown against what Telegram's HTML parse mode accepts
// (https://core.telegram.org/bots/api#html-style): only its tags and attributes, balanced; only
// &lt; &gt; &amp; &quot; and numeric entities; no bare < > &; nothing inside code or pre but
// pre's one code child; no link in a link, no quote in a quote. And the letters: none invented,
// none lost when the Markdown has nothing that hides text.
#include "fuzzcheck.h"
#include "markdowninput.h"
#include "telegram/telegramhtml.h"

#include <QList>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace {
struct Tag
{
    QString name;
    bool closing = false;
    QString attributes;
};

// The visible text of @p html (tags dropped, the four named entities decoded, numeric ones left as
// typed), after checking that Telegram would parse it.
QString checkedVisibleText(const QString &html)
{
    static const QRegularExpression tagPattern(u"<(/?)([a-z-]+)((?: [a-z]+=\"[^\"<>]*\")*)>"_s);
    static const QRegularExpression entityPattern(u"&(?:lt|gt|amp|quot|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});"_s);
    static const QStringList plain { u"b"_s, u"strong"_s, u"i"_s, u"em"_s, u"u"_s, u"ins"_s, u"s"_s, u"strike"_s,
        u"del"_s, u"tg-spoiler"_s, u"blockquote"_s, u"pre"_s, u"code"_s };
    QList<Tag> open;
    QString visible;
    qsizetype at = 0;
    while (at < html.size()) {
        const QChar c = html.at(at);
        if (c == u'<') {
            const auto match = tagPattern.match(
                html, at, QRegularExpression::NormalMatch, QRegularExpression::AnchorAtOffsetMatchOption);
            FUZZ_CHECK(match.hasMatch(), u"a bare or malformed tag at %1: %2"_s.arg(at).arg(html.mid(at, 40)));
            Tag tag { match.captured(2), !match.captured(1).isEmpty(), match.captured(3) };
            const QString inside = open.isEmpty() ? QString() : open.last().name;
            if (tag.closing) {
                FUZZ_CHECK(tag.attributes.isEmpty(), u"a closing tag with attributes: "_s + match.captured(0));
                FUZZ_CHECK(!open.isEmpty() && open.last().name == tag.name,
                    u"</%1> closes <%2> at %3"_s.arg(tag.name, inside).arg(at));
                open.removeLast();
            } else {
                static const QRegularExpression href(u"\\A href=\"[^\"]*\"\\z"_s);
                static const QRegularExpression languageClass(u"\\A class=\"language-[^\"]*\"\\z"_s);
                const bool link = tag.name == u"a"_s && href.match(tag.attributes).hasMatch();
                const bool spoiler = tag.name == u"span"_s && tag.attributes == u" class=\"tg-spoiler\""_s;
                const bool language
                    = tag.name == u"code"_s && inside == u"pre"_s && languageClass.match(tag.attributes).hasMatch();
                FUZZ_CHECK(link || spoiler || language || (plain.contains(tag.name) && tag.attributes.isEmpty()),
                    u"a tag Telegram does not take: "_s + match.captured(0));
                FUZZ_CHECK(inside != u"code"_s && (inside != u"pre"_s || language),
                    u"<%1> inside <%2>"_s.arg(tag.name, inside));
                for (const Tag &outer : std::as_const(open)) {
                    FUZZ_CHECK(!(tag.name == u"a"_s && outer.name == u"a"_s), u"a link inside a link"_s);
                    FUZZ_CHECK(
                        !(tag.name == u"blockquote"_s && outer.name == u"blockquote"_s), u"a quote inside a quote"_s);
                }
                open.append(tag);
            }
            at += match.capturedLength(0);
        } else if (c == u'&') {
            const auto match = entityPattern.match(
                html, at, QRegularExpression::NormalMatch, QRegularExpression::AnchorAtOffsetMatchOption);
            FUZZ_CHECK(match.hasMatch(), u"a bare & at %1: %2"_s.arg(at).arg(html.mid(at, 20)));
            const QString entity = match.captured(0);
            static const QHash<QString, QString> named { { u"&lt;"_s, u"<"_s }, { u"&gt;"_s, u">"_s },
                { u"&amp;"_s, u"&"_s }, { u"&quot;"_s, u"\""_s } };
            visible += named.value(entity, entity);
            at += entity.size();
        } else {
            FUZZ_CHECK(c != u'>', u"a bare > at %1"_s.arg(at));
            visible += c;
            ++at;
        }
    }
    FUZZ_CHECK(open.isEmpty(), u"<%1> is never closed"_s.arg(open.isEmpty() ? QString() : open.last().name));
    return visible;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const MarkdownInput input = MarkdownInput::from(data, size);
    const QString html = TelegramHtml::fromMarkdown(input.markdown);
    MarkdownOracle::checkLetters(input, html, checkedVisibleText(html));
    return 0;
}
