// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QUrl>
#include <QtQmlIntegration>

class ChatController;
class QTimer;
class SessionListModel;
class SessionStore;
class Settings;

/**
 * @brief What the sidebar's context menu does to one chat: rename it, delete it with a few seconds
 * to undo, export it as Markdown or JSON, and give it its own system prompt.
 *
 * A delete waits in this process until the undo time is over (or the window closes), and only
 * then reaches the store: a Baton killed meanwhile loses nothing, the chat is simply still there.
 * The store refuses the delete while a reply or a handoff runs in the chat (SessionStore::deleteSession).
 */
class SessionActions : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("made by the ChatController")
    /// The chat deleted a moment ago, still to be undone; "" when none is.
    Q_PROPERTY(QString pendingDeleteId READ pendingDeleteId NOTIFY pendingDeleteChanged)
    Q_PROPERTY(QString pendingDeleteTitle READ pendingDeleteTitle NOTIFY pendingDeleteChanged)
    /// What the last action did ("Exported to …"), or why it could not; "" after a new action.
    Q_PROPERTY(QString notice READ notice NOTIFY noticeChanged)
    Q_PROPERTY(bool noticeIsError READ noticeIsError NOTIFY noticeChanged)

public:
    SessionActions(ChatController &controller, SessionStore &store, SessionListModel &list, Settings &settings,
        QObject *parent = nullptr);
    /// A delete still waiting for its undo time happens now: closing the window is no undo.
    ~SessionActions() override;

    [[nodiscard]] QString pendingDeleteId() const { return m_pendingId; }
    [[nodiscard]] QString pendingDeleteTitle() const { return m_pendingTitle; }
    [[nodiscard]] QString notice() const { return m_notice; }
    [[nodiscard]] bool noticeIsError() const { return m_noticeIsError; }
    /// How long a delete can be undone (tests shorten it).
    void setUndoMs(int ms);

    /// The same title `/title` sets in the terminal.
    Q_INVOKABLE bool rename(const QString &sessionId, const QString &title);
    /// Hides the chat and deletes it when the undo time is over; false with notice() when it
    /// cannot be deleted now (a reply is being written, a handoff runs or it lives on a phone).
    Q_INVOKABLE bool remove(const QString &sessionId);
    Q_INVOKABLE void undoDelete();
    /// Deletes the chat waiting for its undo time now.
    Q_INVOKABLE void finishDelete();

    /// "Trip planning.md": a file name from the chat's title, without characters file systems refuse.
    Q_INVOKABLE QString exportFileName(const QString &sessionId, const QString &format);
    /// Where exports are offered first: the Documents folder, else the home folder.
    Q_INVOKABLE static QUrl exportFolder();
    /// Writes the chat to @p file as "md" (Markdown) or "json"; notice() says where, or why not.
    Q_INVOKABLE bool exportTo(const QString &sessionId, const QUrl &file, const QString &format);

    /// The chat's own system prompt, or "" when it uses the default.
    Q_INVOKABLE QString systemPrompt(const QString &sessionId);
    Q_INVOKABLE bool usesDefaultPrompt(const QString &sessionId);
    /// The default from Settings ([llm] system_prompt).
    Q_INVOKABLE QString defaultSystemPrompt() const;
    /// With @p useDefault the chat follows the default again; else @p text is its own (empty: none).
    Q_INVOKABLE bool setSystemPrompt(const QString &sessionId, bool useDefault, const QString &text);
    Q_INVOKABLE void clearNotice();

Q_SIGNALS:
    void pendingDeleteChanged();
    void noticeChanged();

private:
    bool fail(const QString &sentence);
    void say(const QString &sentence);
    void hide(const QString &sessionId);

    ChatController &m_controller;
    SessionStore &m_store;
    SessionListModel &m_list;
    Settings &m_settings;
    QTimer *m_undoTimer;
    QString m_pendingId;
    QString m_pendingTitle;
    bool m_pendingWasOpen = false; // an undo opens it again
    QString m_notice;
    bool m_noticeIsError = false;
};
