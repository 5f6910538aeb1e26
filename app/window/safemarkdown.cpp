// SPDX-License-Identifier: GPL-3.0-or-later
#include "safemarkdown.h"

#include <QCoreApplication>
#include <QStringList>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace SafeMarkdown {

namespace {
qsizetype runLength(const QString &line, qsizetype from, QChar c)
{
    qsizetype end = from;
    while (end < line.size() && line.at(end) == c)
        ++end;
    return end - from;
}

// Where the code span opened by @p length backticks at @p from closes, or -1. A span is trusted
// only on one line: across lines a block (heading, blank line) can end it for the Markdown parser,
// which would then read a tag this took for code as raw HTML. Nor with a `|`: GitHub's tables split
// cells before code spans (Qt's md4c does not today); the cost is a visible backslash at most.
qsizetype codeSpanEnd(const QString &line, qsizetype from, qsizetype length)
{
    for (qsizetype i = from + length; i < line.size();) {
        if (line.at(i) == u'|')
            return -1;
        if (line.at(i) != u'`') {
            ++i;
            continue;
        }
        const qsizetype run = runLength(line, i, u'`');
        if (run == length)
            return i + run;
        i += run;
    }
    return -1;
}

QString escapeLine(const QString &line)
{
    QString out;
    out.reserve(line.size() + 8);
    for (qsizetype i = 0; i < line.size();) {
        const QChar c = line.at(i);
        if (c == u'\\' && i + 1 < line.size()) {
            out += line.mid(i, 2); // already escaped: stays as it is
            i += 2;
        } else if (c == u'`') {
            const qsizetype run = runLength(line, i, c);
            const qsizetype end = codeSpanEnd(line, i, run);
            const qsizetype next = end < 0 ? i + run : end;
            out += line.mid(i, next - i);
            i = next;
        } else if (c == u'<') {
            out += u"\\<"_s;
            ++i;
        } else if (c == u'!' && line.mid(i + 1, 1) == u"["_s) {
            out += u"\\!["_s;
            i += 2;
            // An image without words would become an invisible link.
            if (line.mid(i, 1) == u"]"_s)
                out += QCoreApplication::translate("SafeMarkdown", "image");
        } else {
            out += c;
            ++i;
        }
    }
    return out;
}

// The run of ``` or ~~~ on @p line; empty when there is none.
QString fenceRun(const QString &line)
{
    if (!line.startsWith(u"```"_s) && !line.startsWith(u"~~~"_s))
        return {};
    return line.left(runLength(line, 0, line.at(0)));
}

// The fence that opens a code block on @p line, or empty. Only one at the start of the line counts:
// an indented fence may belong to a list item that a later line ends, and the lines after it with it.
QString openingFence(const QString &line)
{
    const QString run = fenceRun(line);
    if (run.startsWith(u'`') && line.indexOf(u'`', run.size()) >= 0)
        return {}; // "```a`b" is inline code, not a fence
    return run;
}
} // namespace

QString toDisplay(const QString &markdown)
{
    QStringList lines = markdown.split(u'\n');
    QString fence;
    for (QString &line : lines) {
        if (fence.isEmpty()) {
            fence = openingFence(line);
            if (fence.isEmpty())
                line = escapeLine(line);
            continue;
        }
        // Any bare run of the fence's kind, at least as long, closes it, indented or not: ending the
        // block early only shows a backslash too many; ending it late could let HTML through.
        const QString trimmed = line.trimmed();
        const QString run = fenceRun(trimmed);
        if (run.size() >= fence.size() && run.at(0) == fence.at(0) && trimmed == run)
            fence.clear();
    }
    return lines.join(u'\n');
}

bool isOpenableLink(const QUrl &url)
{
    if (!url.isValid())
        return false;
    const QString scheme = url.scheme().toLower();
    if (scheme == "mailto"_L1)
        return !url.path().isEmpty();
    return (scheme == "http"_L1 || scheme == "https"_L1) && !url.host().isEmpty();
}

} // namespace SafeMarkdown
