// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessionlookup.h"

#include "sessionstore.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace SessionLookup {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("SessionLookup", text);
}

QString ambiguous(const QString &text, const QStringList &candidates)
{
    return tr("'%1' is ambiguous: it matches %2. Give more characters.").arg(text, candidates.join(u", "_s));
}
} // namespace

Result byId(SessionStore &store, const QString &text)
{
    if (store.session(text))
        return { text, {}, false };
    if (text.size() < minimumPrefix)
        return { {},
            tr("no session with id '%1' (a prefix needs at least %2 characters).").arg(text).arg(minimumPrefix),
            false };
    const QStringList matches = store.idsWithPrefix(text, 5);
    if (!store.errorString().isEmpty())
        return { {}, store.errorString(), true };
    if (matches.size() == 1)
        return { matches.first(), {}, false };
    if (matches.isEmpty())
        return { {}, tr("no session with id '%1'. Run `baton sessions list` to see them.").arg(text), false };
    QStringList shortIds;
    for (const QString &id : matches)
        shortIds << id.left(8);
    return { {}, ambiguous(text, shortIds), false };
}

Result byIdOrTitle(SessionStore &store, const QString &text)
{
    const Result asId = byId(store, text);
    if (!asId.id.isEmpty() || asId.storeFailed)
        return asId;
    const QList<Session> sessions = store.sessions();
    if (!store.errorString().isEmpty())
        return { {}, store.errorString(), true };
    QStringList exact, partial, partialTitles;
    for (const Session &s : sessions) {
        if (s.title.compare(text, Qt::CaseInsensitive) == 0)
            exact << s.id;
        else if (s.title.contains(text, Qt::CaseInsensitive)) {
            partial << s.id;
            partialTitles << u"'%1'"_s.arg(s.title);
        }
    }
    // The most recent exact title wins: titles repeat, and sessions() is newest first.
    if (!exact.isEmpty())
        return { exact.first(), {}, false };
    if (partial.size() == 1)
        return { partial.first(), {}, false };
    if (partial.size() > 1)
        return { {}, ambiguous(text, partialTitles.mid(0, 5)), false };
    return { {}, tr("no session with the id or title '%1'.").arg(text), false };
}

} // namespace SessionLookup
