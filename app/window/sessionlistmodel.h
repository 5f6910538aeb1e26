// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/sessionmarks.h"
#include "store/storetypes.h"

#include <QAbstractListModel>
#include <QtQmlIntegration>

class SessionStore;

/**
 * @brief The sidebar: sessions, most recently active first, narrowed by a search over titles and
 * full-text over messages. Each row says where the conversation lives now and how many phone
 * messages in it the window has not shown yet.
 */
class SessionListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("made by the ChatController")
    Q_PROPERTY(QString filter READ filter WRITE setFilter NOTIFY filterChanged)

public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        TitleRole,
        OriginRole,
        UpdatedAtRole,
        HandoffStateRole,
        HandoffPlatformRole,
        MessageCountRole,
        PlaceRole,
        UnreadRole
    };

    /// @p marks (optional) says what the window has seen and taken back; it outlives the model.
    explicit SessionListModel(SessionStore &store, SessionMarks *marks = nullptr, QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] QString filter() const { return m_filter; }
    void setFilter(const QString &filter);
    /// Reads the list again, keeping rows that did not change (the view keeps its place).
    Q_INVOKABLE void refresh();
    [[nodiscard]] Q_INVOKABLE int rowOf(const QString &sessionId) const;
    /// Leaves these sessions out of the list (a delete that can still be undone).
    void setHidden(const QStringList &sessionIds);

Q_SIGNALS:
    void filterChanged();

private:
    [[nodiscard]] QList<Session> load() const;

    SessionStore &m_store;
    SessionMarks *m_marks = nullptr;
    QList<Session> m_sessions;
    QHash<QString, SessionMarks::Marks> m_rowMarks; // by session id
    QString m_filter;
    QStringList m_hidden;
};
