// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fuzzcheck.h"

#include <QString>

#include <cstddef>
#include <cstdint>

/**
 * @brief Markdown for the renderer fuzzers: either the input's bytes as they are, or (first byte
 * odd) a document assembled from Markdown pieces whose every letter must stay visible.
 */
struct MarkdownInput
{
    QString markdown;
    bool lettersAllVisible = false; // no construct that hides text (link targets, fence languages)

    static MarkdownInput from(const uint8_t *data, size_t size)
    {
        MarkdownInput input;
        if (size == 0)
            return input;
        if (data[0] % 2 == 0) {
            input.markdown = QString::fromUtf8(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
            return input;
        }
        // Syntax without letters, so every letter of the document is a word of text.
        static const char16_t *const pieces[] = { u"**", u"*", u"_", u"__", u"`", u"``", u"~~", u"~", u"\n", u"\n\n",
            u"> ", u">", u"- ", u"* ", u"1. ", u"2) ", u"\n```\n", u"\n~~~\n", u"    ", u"# ", u"### ", u"\n---\n",
            u"\n===\n", u"[", u"]", u"](#)", u"](<#>)", u"![", u"| ", u" |", u"  \n", u"\\", u"<", u">", u"&", u"\"",
            u"www.", u".", u"@", u"()", u" ", u"\t", u"😀", u"\u00e9" };
        input.lettersAllVisible = true;
        for (size_t i = 1; i < size; ++i) {
            const uint8_t byte = data[i];
            if (byte < 128) {
                input.markdown += QChar(u'a' + byte % 26);
                if (byte % 3 == 0)
                    input.markdown += QChar(u'A' + byte % 26);
            } else {
                const QString piece = QString::fromUtf16(pieces[(byte - 128) % std::size(pieces)]);
                // Three ` or ~ in a row would open a fence whose language (letters) is not text.
                if ((piece.startsWith(u'`') || piece.startsWith(u'~')) && input.markdown.endsWith(piece.front()))
                    input.markdown += u' ';
                input.markdown += piece;
            }
        }
        // No ';' (so no entity), no ':' (so no link reference definition) and no table delimiter
        // row: all three hide letters (a table row drops cells past its header's, as GFM says).
        return input;
    }
};

namespace MarkdownOracle {
/// The letters of @p text, in order.
[[nodiscard]] inline QString letters(QStringView text)
{
    QString out;
    for (const QChar c : text) {
        if (c.isLetter())
            out += c;
    }
    return out;
}

/// Whether @p needle's characters appear in @p haystack in the same order.
[[nodiscard]] inline bool isSubsequence(QStringView needle, QStringView haystack)
{
    qsizetype at = 0;
    for (const QChar c : needle) {
        while (at < haystack.size() && haystack.at(at) != c)
            ++at;
        if (at == haystack.size())
            return false;
        ++at;
    }
    return true;
}

/// The three Markdown renderers' shared oracle: @p rendered (whose visible text is @p visible)
/// holds no lone surrogate, invents no letter, and loses none where @p input hides none.
inline void checkLetters(const MarkdownInput &input, const QString &rendered, const QString &visible)
{
    using namespace Qt::StringLiterals;
    FUZZ_CHECK(!FuzzCheck::hasLoneSurrogate(rendered), u"a lone surrogate in the output"_s);
    const QString before = letters(input.markdown);
    const QString after = letters(visible);
    FUZZ_CHECK(isSubsequence(after, before), u"letters that were not in the Markdown: "_s + after);
    if (input.lettersAllVisible)
        FUZZ_CHECK(after == before, u"letters lost: %1 became %2"_s.arg(before, after));
}
} // namespace MarkdownOracle
