// SPDX-License-Identifier: GPL-3.0-or-later
// renderMarkdown, the walk every platform's dialect shares, with a dialect whose every marker is
// its own private-use character, quotes written either around or before each line: each opened
// marker is closed in order, nothing is opened inside code, a link never holds a link, and no
// letter is invented or (when the Markdown hides none) lost. Discord takes the model's Markdown
// as it is, so this walk is what the Discord dialect of the issue comes down to.
#include "fuzzcheck.h"
#include "markdown/markdowndialect.h"
#include "markdowninput.h"

#include <QList>

using namespace Qt::StringLiterals;

namespace {
// Markers: opening ones at even offsets, each closed by the next character.
enum : char16_t {
    Bold = 0xE100,
    Italic = 0xE102,
    Strike = 0xE104,
    Code = 0xE106,
    Heading = 0xE108,
    Link = 0xE10A,
    Pre = 0xE10C,
    Quote = 0xE10E,
    QuoteLine = 0xE110,
    Last = 0xE111,
};

bool isMarker(QChar c)
{
    return c.unicode() >= Bold && c.unicode() <= Last;
}

MarkdownDialect sentinelDialect(bool quoteLinePrefix)
{
    const auto pair = [](char16_t open) {
        return MarkdownDialect::Pair { QString(QChar(open)), QString(QChar(open + 1)) };
    };
    MarkdownDialect dialect;
    // Markers typed in the Markdown must not pass for the renderer's own.
    dialect.escape = [](QStringView text) {
        QString out = text.toString();
        for (QChar &c : out) {
            if (isMarker(c))
                c = QChar::ReplacementCharacter;
        }
        return out;
    };
    dialect.bold = pair(Bold);
    dialect.italic = pair(Italic);
    dialect.strike = pair(Strike);
    dialect.code = pair(Code);
    dialect.heading = pair(Heading);
    dialect.linkOpen = [](const QString &) { return QString(QChar(Link)); };
    dialect.linkClose = QChar(Link + 1);
    dialect.preOpen = [](const QString &) { return QString(QChar(Pre)); };
    dialect.preClose = [](const QString &) { return QString(QChar(Pre + 1)); };
    if (quoteLinePrefix)
        dialect.quoteLinePrefix = QChar(QuoteLine);
    else
        dialect.quote = pair(Quote);
    return dialect;
}

QString checkedVisibleText(const QString &out)
{
    QList<char16_t> open;
    QString visible;
    for (const QChar c : out) {
        if (!isMarker(c)) {
            visible += c;
            continue;
        }
        const char16_t u = c.unicode();
        if (u == QuoteLine)
            continue;
        if ((u - Bold) % 2 == 0) {
            FUZZ_CHECK(open.isEmpty() || (open.last() != Code && open.last() != Pre),
                u"a marker opened inside code: %1"_s.arg(int(u), 0, 16));
            FUZZ_CHECK(u != Link || !open.contains(Link), u"a link inside a link"_s);
            open.append(u);
        } else {
            FUZZ_CHECK(!open.isEmpty() && open.last() + 1 == u,
                u"closing %1 while %2 is open"_s.arg(int(u), 0, 16).arg(open.isEmpty() ? 0 : int(open.last()), 0, 16));
            open.removeLast();
        }
    }
    FUZZ_CHECK(open.isEmpty(), u"%1 markers never closed"_s.arg(open.size()));
    return visible;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const MarkdownInput input = MarkdownInput::from(data, size);
    for (const bool quoteLinePrefix : { false, true }) {
        const QString out = renderMarkdown(input.markdown, sentinelDialect(quoteLinePrefix));
        MarkdownOracle::checkLetters(input, out, checkedVisibleText(out));
    }
    return 0;
}
