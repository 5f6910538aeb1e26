// SPDX-License-Identifier: GPL-3.0-or-later
// SlackMrkdwn::fromMarkdown against Slack's rules for mrkdwn text
// (https://api.slack.com/reference/surfaces/formatting#escaping): & < > appear only as &amp; &lt;
// &gt;, as a link <url|label> whose url has none of | < > and whose label has no link, or as the
// "> " that starts a quoted line. And the letters: none invented, none lost when the Markdown has
// nothing that hides text.
#include "fuzzcheck.h"
#include "markdowninput.h"
#include "slack/slackmrkdwn.h"

using namespace Qt::StringLiterals;

namespace {
// The visible text of @p mrkdwn (link urls dropped, entities decoded), after checking it.
QString checkedVisibleText(const QString &mrkdwn)
{
    QString visible;
    bool inLink = false;
    bool lineStart = true; // only "> " quote markers so far on this line
    qsizetype at = 0;
    while (at < mrkdwn.size()) {
        const QChar c = mrkdwn.at(at);
        if (c == u'>' && lineStart) {
            ++at; // a quote marker
            continue;
        }
        if (c != u' ')
            lineStart = false;
        if (c == u'\n')
            lineStart = true;
        if (c == u'<') {
            FUZZ_CHECK(!inLink, u"a link inside a link at %1: %2"_s.arg(at).arg(mrkdwn.mid(at, 40)));
            const qsizetype bar = mrkdwn.indexOf(u'|', at);
            FUZZ_CHECK(bar > at, u"a < that opens no link at %1: %2"_s.arg(at).arg(mrkdwn.mid(at, 40)));
            const QStringView url = QStringView(mrkdwn).sliced(at + 1, bar - at - 1);
            FUZZ_CHECK(!url.contains(u'<') && !url.contains(u'>') && !url.contains(u'\n'),
                u"a link url with < > or a line break: "_s + url.toString());
            inLink = true;
            at = bar + 1;
        } else if (c == u'>') {
            FUZZ_CHECK(inLink, u"a bare > at %1: %2"_s.arg(at).arg(mrkdwn.mid(at - 20, 40)));
            inLink = false;
            ++at;
        } else if (c == u'&') {
            const QStringView rest = QStringView(mrkdwn).sliced(at);
            const QString entity = rest.startsWith(u"&amp;") ? u"&amp;"_s
                : rest.startsWith(u"&lt;")                   ? u"&lt;"_s
                : rest.startsWith(u"&gt;")                   ? u"&gt;"_s
                                                             : QString();
            FUZZ_CHECK(!entity.isEmpty(), u"a bare & at %1: %2"_s.arg(at).arg(mrkdwn.mid(at, 20)));
            visible += entity == u"&amp;"_s ? u'&' : entity == u"&lt;"_s ? u'<' : u'>';
            at += entity.size();
        } else {
            visible += c;
            ++at;
        }
    }
    FUZZ_CHECK(!inLink, u"a link is never closed"_s);
    return visible;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const MarkdownInput input = MarkdownInput::from(data, size);
    const QString mrkdwn = SlackMrkdwn::fromMarkdown(input.markdown);
    MarkdownOracle::checkLetters(input, mrkdwn, checkedVisibleText(mrkdwn));
    return 0;
}
