// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/replystats.h"
#include "store/sessionstore.h"
#include "store/storetypes.h"

#include <QAbstractListModel>
#include <QTimer>
#include <QtQmlIntegration>

class SessionStore;

/**
 * @brief One session's visible transcript for the chat view, with the reply being written growing
 * in place: a delta touches only its own row, so streaming into a 10,000-message session costs
 * the same as into an empty one.
 */
class MessageListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("made by the ChatController")

public:
    /// The most of one message the window lays out; past it a note says where the rest is.
    static constexpr qsizetype maxDisplayedChars = 20'000;
    enum Role {
        IdRole = Qt::UserRole + 1,
        RoleNameRole,
        ContentRole,
        StatusRole,
        PlatformRole,
        CreatedAtRole,
        StreamingRole,
        SegmentsRole,
        VariantIndexRole, // 1-based among the message's variants; 0 when it has none
        VariantCountRole,
        PreviousVariantRole, // the id of the variant before it, 0 for none
        NextVariantRole,
        ReasoningRole,
        StatsRole
    };

    explicit MessageListModel(SessionStore &store, QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    /// Shows @p sessionId (empty: nothing).
    void setSession(const QString &sessionId);
    [[nodiscard]] QString sessionId() const { return m_sessionId; }
    /// Adds @p text to the reply @p messageId being written. Deltas are gathered and shown at
    /// most every flushIntervalMs: a model sending a hundred a second never costs a hundred layouts.
    void appendDelta(qint64 messageId, const QString &text);
    static constexpr int flushIntervalMs = 33;
    /// Adds @p text to the reasoning of the reply @p messageId being written, shown the same way.
    void appendReasoning(qint64 messageId, const QString &text);
    /// Reads rows written by others (another surface, the gateway) since the last look.
    void refresh();

private:
    void onAppended(const QString &sessionId, qint64 messageId);
    void onUpdated(const QString &sessionId, qint64 messageId);
    /// Reads which shown messages have variants again, and repaints those whose place changed.
    void readVariants();
    [[nodiscard]] int rowOf(qint64 messageId) const;
    /// Makes @p messageId the reply being written; false when it is not in the view.
    bool startStreaming(qint64 messageId);
    void flushDeltas();
    /// The message as prose (made safe to render, see SafeMarkdown) and fenced code blocks, in
    /// order: [{code, text, language}].
    [[nodiscard]] static QVariantList segments(const QString &markdown);
    /// @p content as the window shows it: cut at maxDisplayedChars with that note.
    [[nodiscard]] static QString displayed(const QString &content);

    SessionStore &m_store;
    QString m_sessionId;
    QList<Message> m_messages;
    QHash<qint64, SessionStore::VariantPosition> m_variants;
    qint64 m_streamingId = 0;
    QString m_pendingText; // arrived, not shown yet
    QString m_pendingReasoning;
    QHash<qint64, ReplyStats> m_stats; // the replies' reasoning and token counts, by message id
    QTimer m_flush;
};
