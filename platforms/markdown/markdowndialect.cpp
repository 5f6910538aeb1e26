// SPDX-License-Identifier: GPL-3.0-or-later
#include "markdowndialect.h"

#include <QList>
#include <QRegularExpression>

#include <md4c.h>

using namespace Qt::StringLiterals;

namespace {
QString attribute(const MD_ATTRIBUTE &a)
{
    return QString::fromUtf8(a.text, a.size);
}

// The language a code fence names, when it looks like one (`cpp`, `c++`, `objective-c`). Any other
// info string, such as a line of 5,000 characters a model repeated, names none: it is shown as the
// block's first line instead, so that no text the reply holds vanishes into an attribute.
QString codeLanguage(const MD_BLOCK_CODE_DETAIL *detail)
{
    const QString language = attribute(detail->lang);
    if (language.size() > 32)
        return {};
    for (const QChar c : language) {
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && !u"+#._-"_s.contains(c))
            return {};
    }
    return language;
}

// A word joiner after each '@' that starts a name: it reads the same but mentions no one.
QString defused(QString text)
{
    for (qsizetype i = text.size() - 2; i >= 0; --i) {
        const QChar next = text.at(i + 1);
        if (text.at(i) == u'@' && (next.isLetterOrNumber() || next == u'_'))
            text.insert(i + 1, QChar(0x2060));
    }
    return text;
}

// Whether @p entity (&#64;, &#x40;, &commat;) spells '@'.
bool isAtSign(const QString &entity)
{
    if (entity == "&commat;"_L1)
        return true;
    if (!entity.startsWith("&#"_L1) || !entity.endsWith(u';'))
        return false;
    const bool hex = entity.size() > 3 && (entity.at(2) == u'x' || entity.at(2) == u'X');
    bool ok = false;
    const uint code = entity.mid(hex ? 3 : 2).chopped(1).toUInt(&ok, hex ? 16 : 10);
    return ok && code == '@';
}

// Writes the dialect while md4c walks the document.
struct Renderer
{
    const MarkdownDialect &dialect;
    QString html;
    QList<qsizetype> quoteStarts;
    struct List
    {
        bool ordered = false;
        unsigned next = 1;
    };
    QList<List> lists;
    QList<MD_SPANTYPE> spans; // open spans that wrote a marker, innermost last
    int linksInLink = 0; // autolinks md4c finds inside a link's text: written as plain text
    int quoteDepth = 0;

    // md4c 0.4.8 can enter a span it never leaves (an emphasis whose closer sits in a link
    // destination, as in "*a[b](c*)"): whatever is still open is closed at the end of its block,
    // so the markers always balance.
    void closeSpans(qsizetype keep = 0)
    {
        if (keep == 0)
            linksInLink = 0;
        while (spans.size() > keep)
            writeClose(spans.takeLast());
    }

    void writeClose(MD_SPANTYPE type)
    {
        switch (type) {
        case MD_SPAN_EM:
            html += dialect.italic.close;
            break;
        case MD_SPAN_STRONG:
            html += dialect.bold.close;
            break;
        case MD_SPAN_CODE:
            html += dialect.code.close;
            break;
        case MD_SPAN_DEL:
            html += dialect.strike.close;
            break;
        case MD_SPAN_A:
            html += dialect.linkClose;
            break;
        default:
            break;
        }
    }

    void blockBreak()
    {
        if (html.isEmpty() || (!dialect.quote.open.isEmpty() && html.endsWith(dialect.quote.open)))
            return;
        while (html.endsWith(u'\n'))
            html.chop(1);
        html += lists.isEmpty() ? u"\n\n"_s : u"\n"_s;
    }

    int enterBlock(MD_BLOCKTYPE type, void *detail)
    {
        switch (type) {
        case MD_BLOCK_QUOTE:
            blockBreak();
            if (quoteDepth == 0 || dialect.quotesNest)
                html += dialect.quote.open;
            quoteStarts.append(html.size());
            ++quoteDepth;
            break;
        case MD_BLOCK_UL:
        case MD_BLOCK_OL:
            if (lists.isEmpty())
                blockBreak();
            lists.append(
                { type == MD_BLOCK_OL, type == MD_BLOCK_OL ? static_cast<MD_BLOCK_OL_DETAIL *>(detail)->start : 1 });
            break;
        case MD_BLOCK_LI: {
            if (!html.isEmpty() && !html.endsWith(u'\n'))
                html += u'\n';
            html += QString(2 * (lists.size() - 1), u' ');
            List &list = lists.last();
            html += list.ordered ? u"%1. "_s.arg(list.next++) : u"• "_s;
            break;
        }
        case MD_BLOCK_HR:
            blockBreak();
            html += u"———"_s;
            break;
        case MD_BLOCK_H:
            blockBreak();
            html += dialect.heading.open;
            break;
        case MD_BLOCK_CODE:
            blockBreak();
            {
                const auto *code = static_cast<MD_BLOCK_CODE_DETAIL *>(detail);
                const QString language = codeLanguage(code);
                html += dialect.preOpen(language);
                if (language.isEmpty() && code->info.size > 0)
                    html += dialect.escape(attribute(code->info)) + u'\n';
                break;
            }
        case MD_BLOCK_P:
        case MD_BLOCK_TABLE:
        case MD_BLOCK_HTML:
            if (!lists.isEmpty() && html.endsWith(u' '))
                break; // the first paragraph of a list item continues its marker line
            blockBreak();
            break;
        case MD_BLOCK_TR:
            if (!html.isEmpty() && !html.endsWith(u'\n'))
                html += u'\n';
            break;
        case MD_BLOCK_TH:
        case MD_BLOCK_TD:
            if (!html.endsWith(u'\n') && !html.isEmpty())
                html += u" | "_s;
            break;
        default:
            break;
        }
        return 0;
    }

    int leaveBlock(MD_BLOCKTYPE type, void *detail)
    {
        closeSpans();
        switch (type) {
        case MD_BLOCK_QUOTE: {
            while (html.endsWith(u'\n'))
                html.chop(1);
            const qsizetype start = quoteStarts.takeLast();
            if (!dialect.quoteLinePrefix.isEmpty() && start <= html.size()) {
                QString quoted = html.mid(start);
                quoted.replace(u'\n', u'\n' + dialect.quoteLinePrefix);
                html = html.left(start) + dialect.quoteLinePrefix + quoted;
            }
            if (quoteDepth == 1 || dialect.quotesNest)
                html += dialect.quote.close;
            --quoteDepth;
            break;
        }
        case MD_BLOCK_UL:
        case MD_BLOCK_OL:
            lists.removeLast();
            break;
        case MD_BLOCK_H:
            html += dialect.heading.close;
            break;
        case MD_BLOCK_CODE:
            if (html.endsWith(u'\n'))
                html.chop(1);
            html += dialect.preClose(codeLanguage(static_cast<MD_BLOCK_CODE_DETAIL *>(detail)));
            break;
        default:
            break;
        }
        return 0;
    }

    int enterSpan(MD_SPANTYPE type, void *detail)
    {
        switch (type) {
        case MD_SPAN_EM:
            html += dialect.italic.open;
            break;
        case MD_SPAN_STRONG:
            html += dialect.bold.open;
            break;
        case MD_SPAN_CODE:
            html += dialect.code.open;
            break;
        case MD_SPAN_DEL:
            html += dialect.strike.open;
            break;
        case MD_SPAN_A: {
            // "[see www.x.org](y)": md4c links the www inside the link; no platform takes a link
            // inside a link, so the inner one stays text.
            if (spans.contains(MD_SPAN_A)) {
                ++linksInLink;
                return 0;
            }
            // A target that is not http(s) or mailto leaves the link's text alone.
            const QString target = safeLinkTarget(attribute(static_cast<MD_SPAN_A_DETAIL *>(detail)->href));
            if (target.isEmpty())
                return 0;
            html += dialect.linkOpen(target);
            break;
        }
        default:
            return 0; // images show their alt text
        }
        spans.append(type);
        return 0;
    }

    int leaveSpan(MD_SPANTYPE type)
    {
        if (type == MD_SPAN_A && linksInLink > 0) {
            --linksInLink;
            return 0;
        }
        // Spans close in order; one left without its closing (see closeSpans) is closed here too.
        if (const qsizetype at = spans.lastIndexOf(type); at >= 0)
            closeSpans(at);
        return 0;
    }

    int text(MD_TEXTTYPE type, const MD_CHAR *data, MD_SIZE size)
    {
        const QString chunk = QString::fromUtf8(data, size);
        switch (type) {
        case MD_TEXT_NULLCHAR:
            html += QChar::ReplacementCharacter;
            break;
        case MD_TEXT_BR:
        case MD_TEXT_SOFTBR:
            // Chat models mean their single newlines; inside a link's text a line break would end
            // up before a quote's line prefix (a Slack "> " closes <url|text>), so it is a space.
            html += spans.contains(MD_SPAN_A) ? u' ' : u'\n';
            break;
        case MD_TEXT_ENTITY:
            if (dialect.defuseMentions && isAtSign(chunk))
                html += u"@\u2060"_s; // &#64;name would become a mention once the platform decodes it
            else if (dialect.keptEntities.contains(chunk) || (dialect.keepNumericEntities && chunk.startsWith("&#"_L1)))
                html += chunk;
            else
                html += dialect.escape(chunk);
            break;
        case MD_TEXT_NORMAL:
            html += dialect.defuseMentions ? defused(dialect.escape(chunk)) : dialect.escape(chunk);
            break;
        default:
            html += dialect.escape(chunk);
        }
        return 0;
    }
};

} // namespace

QString safeLinkTarget(const QString &href)
{
    static const QRegularExpression scheme(u"^([A-Za-z][A-Za-z0-9+.-]*):"_s);
    const QString trimmed = href.trimmed();
    const QRegularExpressionMatch match = scheme.match(trimmed);
    if (!match.hasMatch()) {
        // Permissive autolinks arrive without a scheme.
        if (trimmed.startsWith("www."_L1, Qt::CaseInsensitive))
            return u"http://"_s + trimmed;
        static const QRegularExpression address(u"^[^@\\s/:]+@[^@\\s/:]+\\.[^@\\s/:]+$"_s);
        if (address.match(trimmed).hasMatch())
            return u"mailto:"_s + trimmed;
        return {};
    }
    const QString name = match.captured(1).toLower();
    return name == "http"_L1 || name == "https"_L1 || name == "mailto"_L1 ? trimmed : QString();
}

QString renderMarkdown(const QString &markdown, const MarkdownDialect &dialect)
{
    Renderer renderer { dialect, {}, {}, {}, {}, 0, 0 };
    MD_PARSER parser {};
    parser.abi_version = 0;
    // Raw HTML from a model is text to show, never markup to trust. No MD_FLAG_UNDERLINE: models
    // write _text_ for italics.
    parser.flags = MD_FLAG_STRIKETHROUGH | MD_FLAG_TABLES | MD_FLAG_PERMISSIVEAUTOLINKS | MD_FLAG_NOHTML;
    parser.enter_block = [](MD_BLOCKTYPE t, void *d, void *u) { return static_cast<Renderer *>(u)->enterBlock(t, d); };
    parser.leave_block = [](MD_BLOCKTYPE t, void *d, void *u) { return static_cast<Renderer *>(u)->leaveBlock(t, d); };
    parser.enter_span = [](MD_SPANTYPE t, void *d, void *u) { return static_cast<Renderer *>(u)->enterSpan(t, d); };
    parser.leave_span = [](MD_SPANTYPE t, void *, void *u) { return static_cast<Renderer *>(u)->leaveSpan(t); };
    parser.text = [](MD_TEXTTYPE t, const MD_CHAR *text, MD_SIZE size, void *u) {
        return static_cast<Renderer *>(u)->text(t, text, size);
    };
    const QByteArray utf8 = markdown.toUtf8();
    if (md_parse(utf8.constData(), MD_SIZE(utf8.size()), &parser, &renderer) != 0)
        return dialect.escape(markdown); // md4c only fails on allocation; plain text is still right
    renderer.closeSpans();
    return renderer.html.trimmed();
}
