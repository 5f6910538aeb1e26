// SPDX-License-Identifier: GPL-3.0-or-later
// SafeMarkdown::toHtml: Markdown written as the subset of HTML and CSS Qt's rich text engine lays
// out (its "Supported HTML Subset"), every style chosen here, none taken from the text.
#include "safemarkdown.h"

#include <QCoreApplication>
#include <QList>
#include <QRegularExpression>

#include <md4c.h>

using namespace Qt::StringLiterals;

namespace SafeMarkdown {

namespace {
QString attribute(const MD_ATTRIBUTE &a)
{
    return QString::fromUtf8(a.text, a.size);
}

// Permissive autolinks arrive without a scheme; with one, the link dialog can open them.
QString linkTarget(const QString &href)
{
    static const QRegularExpression address(u"^[^@\\s/:]+@[^@\\s/:]+\\.[^@\\s/:]+$"_s);
    if (href.startsWith("www."_L1, Qt::CaseInsensitive))
        return u"http://"_s + href;
    if (address.match(href).hasMatch())
        return u"mailto:"_s + href;
    return href;
}

// Theme colours may be translucent (a tint of the text colour reads on any bubble).
QString css(const QColor &color)
{
    return color.name(color.alpha() < 255 ? QColor::HexArgb : QColor::HexRgb);
}

struct HtmlWriter
{
    const ProseStyle &style;
    QString html;
    QList<QString> openSpans; // closing tags of the spans open now, innermost last
    int linksInLink = 0; // autolinks md4c finds inside a link's text: kept as text
    bool imageHasText = false;
    bool firstBlock = true;
    bool inTableHead = false;

    QString px(int value) const { return QString::number(value) + u"px"_s; }

    // Space above a block; none above the first, so the text starts at the top of its item.
    QString topMargin()
    {
        const int margin = firstBlock ? 0 : style.paragraphSpacing;
        firstBlock = false;
        return u"margin-top:%1; margin-bottom:0px;"_s.arg(px(margin));
    }

    // md4c 0.4.8 can enter a span it never leaves (an emphasis whose closer sits in a link
    // destination): whatever is still open closes with its block, so the tags always balance.
    void closeSpans()
    {
        while (!openSpans.isEmpty())
            html += openSpans.takeLast();
        linksInLink = 0;
    }

    void openSpan(const QString &open, const QString &close)
    {
        html += open;
        openSpans.append(close);
    }

    void cellOpen(const char *tag, const MD_BLOCK_TD_DETAIL *detail)
    {
        html += u"<%1"_s.arg(QLatin1StringView(tag));
        if (detail->align == MD_ALIGN_CENTER)
            html += u" align=\"center\""_s;
        else if (detail->align == MD_ALIGN_RIGHT)
            html += u" align=\"right\""_s;
        // The header row: bold (th) over a heavier rule. A background would be painted twice in
        // the cell (cell and block), showing a darker box around the words when translucent.
        if (inTableHead)
            html += u" style=\"border-bottom:2px solid %1;\""_s.arg(css(style.rule));
        html += u'>';
    }

    int enterBlock(MD_BLOCKTYPE type, void *detail)
    {
        switch (type) {
        case MD_BLOCK_P:
            html += u"<p style=\"%1\">"_s.arg(topMargin());
            break;
        case MD_BLOCK_H: {
            // A paragraph, not <h1>..<h6>: Qt gives those a size step of its own that outweighs
            // the size set here.
            const unsigned level = static_cast<MD_BLOCK_H_DETAIL *>(detail)->level;
            const double scale = level == 1 ? 1.3 : level == 2 ? 1.15 : 1.0;
            html += u"<p style=\"%1 font-size:%2; font-weight:bold;\">"_s.arg(
                topMargin(), px(int(style.fontPixelSize * scale + 0.5)));
            break;
        }
        case MD_BLOCK_QUOTE:
            // The rule is a narrow cell of its colour: Qt draws a cell's background reliably, a
            // border on one side of a cell without a table border not at all.
            html += u"<table cellspacing=\"0\" cellpadding=\"0\" style=\"%1\"><tr><td width=\"3\" bgcolor=\"%2\"></td>"
                    "<td style=\"padding-left:10px; color:%3;\">"_s.arg(
                        topMargin(), css(style.rule), css(style.quoteText));
            firstBlock = true;
            break;
        case MD_BLOCK_UL:
            html += u"<ul style=\"%1\">"_s.arg(topMargin());
            break;
        case MD_BLOCK_OL:
            html += u"<ol style=\"%1\">"_s.arg(topMargin());
            break;
        case MD_BLOCK_LI: {
            const auto *li = static_cast<MD_BLOCK_LI_DETAIL *>(detail);
            html += u"<li>"_s;
            firstBlock = true; // a loose item's first paragraph sits on its bullet's line
            if (li->is_task)
                html += li->task_mark == ' ' ? u"☐ "_s : u"☑ "_s;
            break;
        }
        case MD_BLOCK_HR:
            html += u"<hr style=\"%1\"/>"_s.arg(topMargin());
            break;
        case MD_BLOCK_CODE:
            // Fenced blocks have their own box (CodeBlock.qml); this is an indented one.
            html += u"<pre style=\"%1 background-color:%2; font-family:monospace;\">"_s.arg(
                topMargin(), css(style.codeBackground));
            break;
        case MD_BLOCK_TABLE:
            html += u"<table border=\"1\" cellspacing=\"0\" cellpadding=\"%1\" style=\"%2 border-collapse:collapse; "
                    "border-style:solid; border-color:%3;\">"_s.arg(
                        QString::number(style.paragraphSpacing / 2 + 2), topMargin(), css(style.rule));
            break;
        case MD_BLOCK_THEAD:
            inTableHead = true;
            break;
        case MD_BLOCK_TR:
            html += u"<tr>"_s;
            break;
        case MD_BLOCK_TH:
            cellOpen("th", static_cast<MD_BLOCK_TD_DETAIL *>(detail));
            break;
        case MD_BLOCK_TD:
            cellOpen("td", static_cast<MD_BLOCK_TD_DETAIL *>(detail));
            break;
        default: // MD_BLOCK_DOC, MD_BLOCK_TBODY; MD_BLOCK_HTML cannot occur with MD_FLAG_NOHTML
            break;
        }
        return 0;
    }

    int leaveBlock(MD_BLOCKTYPE type)
    {
        closeSpans();
        switch (type) {
        case MD_BLOCK_P:
            html += u"</p>"_s;
            break;
        case MD_BLOCK_H:
            html += u"</p>"_s;
            break;
        case MD_BLOCK_QUOTE:
            html += u"</td></tr></table>"_s;
            firstBlock = false;
            break;
        case MD_BLOCK_UL:
            html += u"</ul>"_s;
            break;
        case MD_BLOCK_OL:
            html += u"</ol>"_s;
            break;
        case MD_BLOCK_LI:
            html += u"</li>"_s;
            firstBlock = false;
            break;
        case MD_BLOCK_CODE:
            if (html.endsWith(u'\n'))
                html.chop(1);
            html += u"</pre>"_s;
            break;
        case MD_BLOCK_TABLE:
            html += u"</table>"_s;
            break;
        case MD_BLOCK_THEAD:
            inTableHead = false;
            break;
        case MD_BLOCK_TR:
            html += u"</tr>"_s;
            break;
        case MD_BLOCK_TH:
            html += u"</th>"_s;
            break;
        case MD_BLOCK_TD:
            html += u"</td>"_s;
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
            openSpan(u"<i>"_s, u"</i>"_s);
            break;
        case MD_SPAN_STRONG:
            openSpan(u"<b>"_s, u"</b>"_s);
            break;
        case MD_SPAN_DEL:
            openSpan(u"<s>"_s, u"</s>"_s);
            break;
        case MD_SPAN_CODE:
            openSpan(
                u"<code style=\"font-family:monospace; font-size:%1; background-color:%2; white-space:pre-wrap;\">"_s
                    .arg(px(int(style.fontPixelSize * 0.93 + 0.5)), css(style.codeBackground)),
                u"</code>"_s);
            break;
        case MD_SPAN_A:
        case MD_SPAN_IMG: {
            // No link in a link; an image is never loaded: it becomes a link to where it is.
            if (openSpans.contains(u"</a>"_s)) {
                ++linksInLink;
                return 0;
            }
            const MD_ATTRIBUTE &href = type == MD_SPAN_A ? static_cast<MD_SPAN_A_DETAIL *>(detail)->href
                                                         : static_cast<MD_SPAN_IMG_DETAIL *>(detail)->src;
            openSpan(u"<a href=\"%1\">"_s.arg(linkTarget(attribute(href)).toHtmlEscaped()), u"</a>"_s);
            imageHasText = type != MD_SPAN_IMG;
            break;
        }
        default:
            break;
        }
        return 0;
    }

    int leaveSpan(MD_SPANTYPE type)
    {
        if ((type == MD_SPAN_A || type == MD_SPAN_IMG) && linksInLink > 0) {
            --linksInLink;
            return 0;
        }
        if (type == MD_SPAN_IMG && !imageHasText)
            html += QCoreApplication::translate("SafeMarkdown", "image"); // an empty link would be invisible
        if (!openSpans.isEmpty())
            html += openSpans.takeLast();
        return 0;
    }

    int text(MD_TEXTTYPE type, const MD_CHAR *data, MD_SIZE size)
    {
        imageHasText = true;
        switch (type) {
        case MD_TEXT_NULLCHAR:
            html += QChar::ReplacementCharacter;
            break;
        case MD_TEXT_BR:
        case MD_TEXT_SOFTBR:
            // People and chat models mean their single newlines (the platforms keep them too).
            html += u"<br/>"_s;
            break;
        case MD_TEXT_ENTITY:
            // md4c passes only &name; &#123; &#x1F; forms: Qt decodes them into text, never markup.
            html += QString::fromUtf8(data, size);
            break;
        default:
            html += QString::fromUtf8(data, size).toHtmlEscaped();
            break;
        }
        return 0;
    }
};
} // namespace

QString toHtml(const QString &markdown, const ProseStyle &style)
{
    HtmlWriter writer { style, {}, {}, 0, false, true, false };
    MD_PARSER parser {};
    parser.abi_version = 0;
    // GitHub's dialect, as Qt's Markdown reader used it here; raw HTML is text (MD_FLAG_NOHTML).
    parser.flags = MD_DIALECT_GITHUB | MD_FLAG_NOHTML;
    parser.enter_block
        = [](MD_BLOCKTYPE t, void *d, void *u) { return static_cast<HtmlWriter *>(u)->enterBlock(t, d); };
    parser.leave_block = [](MD_BLOCKTYPE t, void *, void *u) { return static_cast<HtmlWriter *>(u)->leaveBlock(t); };
    parser.enter_span = [](MD_SPANTYPE t, void *d, void *u) { return static_cast<HtmlWriter *>(u)->enterSpan(t, d); };
    parser.leave_span = [](MD_SPANTYPE t, void *, void *u) { return static_cast<HtmlWriter *>(u)->leaveSpan(t); };
    parser.text = [](MD_TEXTTYPE t, const MD_CHAR *text, MD_SIZE size, void *u) {
        return static_cast<HtmlWriter *>(u)->text(t, text, size);
    };
    const QByteArray utf8 = toDisplay(markdown).toUtf8();
    if (md_parse(utf8.constData(), MD_SIZE(utf8.size()), &parser, &writer) != 0)
        return u"<p>%1</p>"_s.arg(markdown.toHtmlEscaped()); // md4c fails only on allocation
    writer.closeSpans();
    return writer.html;
}

} // namespace SafeMarkdown
