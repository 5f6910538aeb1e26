// SPDX-License-Identifier: GPL-3.0-or-later
#include "messagesplitter.h"

using namespace Qt::StringLiterals;

namespace MessageSplitter {

namespace {
// The fence line (```lang) opening the code block still open at the end of @p text, if any.
QString openFence(QStringView text)
{
    QString fence;
    for (const QStringView line : text.split(u'\n')) {
        if (!line.trimmed().startsWith(u"```"))
            continue;
        fence = fence.isEmpty() ? line.trimmed().toString() : QString();
    }
    return fence;
}

// Where to end a part of at most @p room units of @p text: the last good boundary.
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
    // No boundary: cut hard, but never between the halves of a surrogate pair.
    return window.last(1).front().isHighSurrogate() ? room - 1 : room;
}
} // namespace

QStringList split(const QString &text, int limit)
{
    QStringList parts;
    QString carriedFence; // the fence to reopen the next part with
    QStringView rest(text);
    while (!rest.isEmpty()) {
        const QString prefix = carriedFence.isEmpty() ? QString() : carriedFence + u'\n';
        // Room for the prefix and for a closing fence this part may need.
        const qsizetype room = limit - prefix.size() - 4;
        const qsizetype cut
            = prefix.size() + rest.size() <= limit ? rest.size() : cutPoint(rest, std::max<qsizetype>(room, 1));
        QString part = prefix + rest.first(cut).toString();
        rest = rest.sliced(cut);
        carriedFence = openFence(part);
        if (!carriedFence.isEmpty() && !rest.isEmpty()) {
            if (!part.endsWith(u'\n'))
                part += u'\n';
            part += u"```"_s;
        }
        if (const QString trimmed = part.trimmed(); !trimmed.isEmpty())
            parts << trimmed;
    }
    return parts;
}

} // namespace MessageSplitter
