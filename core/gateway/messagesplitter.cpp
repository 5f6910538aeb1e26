// SPDX-License-Identifier: GPL-3.0-or-later
#include "messagesplitter.h"

#include <QTextBoundaryFinder>

using namespace Qt::StringLiterals;

namespace MessageSplitter {

namespace {
/// The code block open at some point of the text: its backtick run and its language.
struct Fence
{
    qsizetype ticks = 0; // 0: not inside a code block
    QString language;
};

/// The fence state after @p text, given the state before it. Each line is looked at once.
Fence fenceAfter(QStringView text, Fence state)
{
    qsizetype from = 0;
    while (from <= text.size()) {
        qsizetype end = text.indexOf(u'\n', from);
        if (end < 0)
            end = text.size();
        const QStringView line = text.sliced(from, end - from).trimmed();
        from = end + 1;
        qsizetype run = 0;
        while (run < line.size() && line.at(run) == u'`')
            ++run;
        if (run < 3)
            continue;
        const QStringView info = line.sliced(run).trimmed();
        if (state.ticks == 0) {
            // Only the first word names the language; the rest of a long info string is dropped.
            const qsizetype space = info.indexOf(u' ');
            state = { run, (space < 0 ? info : info.first(space)).toString() };
        } else if (run >= state.ticks && info.isEmpty()) {
            state = {};
        }
    }
    return state;
}

/// The line that reopens @p fence in the next part, empty when it cannot be carried briefly.
QString reopening(const Fence &fence)
{
    if (fence.ticks == 0 || fence.ticks > maxCarriedFence)
        return {};
    const QString ticks(fence.ticks, u'`');
    const QString withLanguage = ticks + fence.language;
    return (withLanguage.size() <= maxCarriedFence ? withLanguage : ticks) + u'\n';
}

/// The last place at or before @p room where @p text can be cut without splitting a character.
qsizetype hardCut(QStringView text, qsizetype room)
{
    // Graphemes are judged on a window: a boundary depends only on the characters around it.
    const QStringView window = text.first(std::min(text.size(), room + 16));
    QTextBoundaryFinder graphemes(QTextBoundaryFinder::Grapheme, window.data(), window.size());
    graphemes.setPosition(room);
    const qsizetype grapheme = graphemes.isAtBoundary() ? room : graphemes.toPreviousBoundary();
    if (grapheme > 0)
        return grapheme;
    // One grapheme longer than a part (combining marks without end): cut between code points.
    return text.at(room - 1).isHighSurrogate() ? room - 1 : room;
}

/// Where to end a part of at most @p room units (room >= 2) of @p text: the last good boundary.
qsizetype cutPoint(QStringView text, qsizetype room)
{
    if (text.size() <= room)
        return text.size();
    const QStringView window = text.first(room);
    for (const QStringView boundary : { u"\n\n", u"\n", u" " }) {
        const qsizetype at = window.lastIndexOf(boundary);
        if (at > room / 4) // a boundary too early would leave a tiny part
            return at + boundary.size();
    }
    return hardCut(text, room);
}
} // namespace

QStringList split(const QString &text, int limit)
{
    limit = std::max(limit, minimumLimit);
    QStringList parts;
    Fence fence; // the code block open where the rest begins
    QStringView rest(text);
    while (!rest.isEmpty()) {
        // The fences a part adds take at most half of it, so every part carries at least
        // limit / 2 >= 4 units of the reply and the loop always advances.
        QString prefix = reopening(fence);
        if (prefix.size() > limit / 4)
            prefix.clear();
        const qsizetype closingRoom = std::min<qsizetype>(limit / 4, std::max<qsizetype>(fence.ticks, 3) + 1);
        const qsizetype cut
            = prefix.size() + rest.size() <= limit ? rest.size() : cutPoint(rest, limit - prefix.size() - closingRoom);
        const QStringView piece = rest.first(cut);
        rest = rest.sliced(cut);
        if (piece.trimmed().isEmpty())
            continue; // blank space between two cuts: no part, and the block state is unchanged

        QString part = prefix + piece;
        fence = fenceAfter(piece, prefix.isEmpty() ? Fence {} : fence);
        if (fence.ticks > 0 && !rest.isEmpty()) {
            const QString closing = (part.endsWith(u'\n') ? QString() : u"\n"_s) + QString(fence.ticks, u'`');
            if (fence.ticks <= maxCarriedFence && part.size() + closing.size() <= limit)
                part += closing;
            else
                fence = {}; // a block that cannot be closed here is not reopened either
        }
        if (const QString trimmed = part.trimmed(); !trimmed.isEmpty())
            parts << trimmed;
    }
    return parts;
}

} // namespace MessageSplitter
