// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessionlistmodel.h"
#include "text/plaintitle.h"

#include "store/sessionstore.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace {
constexpr int listed = 500; // sessions in the sidebar
}

SessionListModel::SessionListModel(SessionStore &store, SessionMarks *marks, QObject *parent)
    : QAbstractListModel(parent)
    , m_store(store)
    , m_marks(marks)
{
    m_sessions = load();
    if (m_marks)
        m_rowMarks = m_marks->recent(listed);
    connect(&m_store, &SessionStore::sessionCreated, this, &SessionListModel::refresh);
    connect(&m_store, &SessionStore::sessionUpdated, this, &SessionListModel::refresh);
    connect(&m_store, &SessionStore::sessionDeleted, this, &SessionListModel::refresh);
}

int SessionListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_sessions.size());
}

QVariant SessionListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Session &s = m_sessions.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole:
        return s.title.isEmpty() ? tr("New chat") : plainTitle(s.title);
    case IdRole:
        return s.id;
    case OriginRole:
        return s.origin;
    case UpdatedAtRole:
        return QDateTime::fromMSecsSinceEpoch(s.updatedAt);
    case HandoffStateRole:
        return handoffStateName(s.handoff.state);
    case HandoffPlatformRole:
        return s.handoff.platform;
    case MessageCountRole:
        return s.messageCount;
    case PlaceRole:
        return SessionMarks::livesOnPlatform(s.handoff, m_rowMarks.value(s.id)) ? s.handoff.platform : s.origin;
    case UnreadRole:
        return m_rowMarks.value(s.id).unread;
    default:
        return {};
    }
}

QHash<int, QByteArray> SessionListModel::roleNames() const
{
    return { { IdRole, "sessionId" }, { TitleRole, "title" }, { OriginRole, "origin" }, { UpdatedAtRole, "updatedAt" },
        { HandoffStateRole, "handoffState" }, { HandoffPlatformRole, "handoffPlatform" },
        { MessageCountRole, "messageCount" }, { PlaceRole, "place" }, { UnreadRole, "unread" } };
}

void SessionListModel::setFilter(const QString &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    Q_EMIT filterChanged();
    refresh();
}

QList<Session> SessionListModel::load() const
{
    QList<Session> all = m_store.sessions(listed);
    all.removeIf([&](const Session &s) { return m_hidden.contains(s.id); });
    const QString text = m_filter.trimmed();
    if (text.isEmpty())
        return all;
    // Titles match as shown; message text through the full-text index.
    QSet<QString> matching;
    for (const SearchHit &hit : m_store.search(text, 200))
        matching.insert(hit.sessionId);
    all.removeIf([&](const Session &s) {
        return !matching.contains(s.id) && !plainTitle(s.title).contains(text, Qt::CaseInsensitive);
    });
    return all;
}

void SessionListModel::refresh()
{
    const QList<Session> fresh = load();
    if (m_marks)
        m_rowMarks = m_marks->recent(listed);
    // Same rows in the same order: only their data changed (the common case, a new message).
    bool sameRows = fresh.size() == m_sessions.size();
    for (qsizetype i = 0; sameRows && i < fresh.size(); ++i)
        sameRows = fresh.at(i).id == m_sessions.at(i).id;
    if (sameRows) {
        m_sessions = fresh;
        if (!m_sessions.isEmpty())
            Q_EMIT dataChanged(index(0), index(int(m_sessions.size()) - 1));
        return;
    }
    beginResetModel();
    m_sessions = fresh;
    endResetModel();
}

void SessionListModel::setHidden(const QStringList &sessionIds)
{
    if (sessionIds == m_hidden)
        return;
    m_hidden = sessionIds;
    refresh();
}

int SessionListModel::rowOf(const QString &sessionId) const
{
    for (qsizetype i = 0; i < m_sessions.size(); ++i) {
        if (m_sessions.at(i).id == sessionId)
            return int(i);
    }
    return -1;
}
