// SPDX-License-Identifier: GPL-3.0-or-later
// MessageSplitter::split against its guarantees, for every platform's limit: no part is longer
// than the limit in UTF-16 units, no surrogate pair is cut, a reopened code fence line stays short,
// each part carries some of the text on (so the parts are few), and the parts give the text back
// modulo the fences the splitter adds and whitespace trimmed at part edges.
#include "fuzzcheck.h"
#include "gateway/messagesplitter.h"

#include <QSet>

#include <cstddef>
#include <cstdint>

using namespace Qt::StringLiterals;

namespace {
// Telegram, Slack, Discord (their adapters' maxMessageLength()).
constexpr int limits[] = { 4096, 4000, 2000 };
// A fence line the splitter adds to reopen a block: ``` and a language of at most ~64 characters.
constexpr qsizetype maxCarriedFence = 3 + 64 + 8;

bool isBlank(QChar c)
{
    return c.isSpace();
}

qsizetype skipBlank(const QString &text, qsizetype at)
{
    while (at < text.size() && isBlank(text.at(at)))
        ++at;
    return at;
}

// The length of the backtick run that ends @p piece on a line of its own (a closing fence the
// splitter may have added), or 0.
qsizetype closingTicks(QStringView piece)
{
    qsizetype ticks = 0;
    while (ticks < piece.size() && piece.at(piece.size() - 1 - ticks) == u'`')
        ++ticks;
    const bool ownLine = ticks == piece.size() || piece.at(piece.size() - 1 - ticks) == u'\n';
    return ticks >= 3 && ticks <= maxCarriedFence && ownLine ? ticks : 0;
}

// Whether parts[index...] rebuild text[at...]: each part is a piece of the text, perhaps behind an
// added fence line and before an added closing ```, with whitespace trimmed at its edges.
bool rebuilds(const QStringList &parts, qsizetype index, const QString &text, qsizetype at,
    QSet<QPair<qsizetype, qsizetype>> &failed, QString &tooLongFence)
{
    at = skipBlank(text, at);
    if (index == parts.size())
        return at == text.size();
    if (failed.contains({ index, at }))
        return false;
    const QString &part = parts.at(index);
    const bool last = index + 1 == parts.size();
    for (const bool addedOpening : { false, true }) {
        if (addedOpening && (index == 0 || !part.startsWith(u"```"_s)))
            continue;
        QStringView piece(part);
        if (addedOpening) {
            const qsizetype newline = piece.indexOf(u'\n');
            if (newline < 0)
                continue;
            if (newline > maxCarriedFence) {
                // Not a fence the splitter may add; if nothing else rebuilds the text, this is why.
                tooLongFence = u"part %1 starts with a fence line of %2 units"_s.arg(index).arg(newline);
                continue;
            }
            piece = piece.sliced(newline + 1);
        }
        for (const bool addedClosing : { false, true }) {
            // A closing fence is as long as the block's opening run (```` closes ````), on its own line.
            const qsizetype ticks = closingTicks(piece);
            if (addedClosing && (last || ticks == 0))
                continue;
            QStringView core = addedClosing ? piece.chopped(ticks) : piece;
            core = core.trimmed();
            if (core.isEmpty())
                continue; // a part must carry some of the text
            if (QStringView(text).sliced(at).startsWith(core)
                && rebuilds(parts, index + 1, text, at + core.size(), failed, tooLongFence))
                return true;
        }
    }
    failed.insert({ index, at });
    return false;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    const int limit = limits[data[0] % std::size(limits)];
    // The second byte repeats the text, so short inputs reach the limits too.
    const int copies = 1 << (data[1] % 5);
    const QString piece = QString::fromUtf8(reinterpret_cast<const char *>(data + 2), qsizetype(size - 2));
    const QString text = piece.repeated(copies);

    const QStringList parts = MessageSplitter::split(text, limit);

    for (qsizetype i = 0; i < parts.size(); ++i) {
        const QString &part = parts.at(i);
        FUZZ_CHECK(part.size() <= limit,
            u"part %1 of %2 has %3 units, over the limit of %4"_s.arg(i).arg(parts.size()).arg(part.size()).arg(limit));
        FUZZ_CHECK(!part.trimmed().isEmpty(), u"part %1 is blank"_s.arg(i));
        FUZZ_CHECK(!FuzzCheck::hasLoneSurrogate(part), u"part %1 cuts a surrogate pair"_s.arg(i));
    }
    // Every step moves on by a fair share of the limit (a reopened fence and a closing one take
    // at most maxCarriedFence + 8), so a text never becomes a flood of tiny parts.
    const qsizetype step = (limit - maxCarriedFence - 8) / 4;
    FUZZ_CHECK(parts.size() <= text.size() / step + 2,
        u"%1 parts for %2 units at a limit of %3"_s.arg(parts.size()).arg(text.size()).arg(limit));
    QSet<QPair<qsizetype, qsizetype>> failed;
    QString tooLongFence;
    FUZZ_CHECK(rebuilds(parts, 0, text, 0, failed, tooLongFence),
        u"the %1 parts do not give back the text of %2 units (limit %3)%4"_s.arg(parts.size())
            .arg(text.size())
            .arg(limit)
            .arg(tooLongFence.isEmpty() ? QString() : u"; "_s + tooLongFence));
    return 0;
}
