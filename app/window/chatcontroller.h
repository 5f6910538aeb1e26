// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/apppaths.h"
#include "gatewayhosts.h"
#include "handoff/handoffwaiter.h"
#include "handoffpresenter.h"
#include "messagelistmodel.h"
#include "registeredsingleton.h"
#include "replyprogress.h"
#include "sessionactions.h"
#include "sessionlistmodel.h"
#include "store/storetypes.h"

#include <QJSEngine>
#include <QObject>
#include <QPointer>
#include <QtQmlIntegration>

#include <memory>

class Agent;
class DesktopContext;
class HandoffStore;
class SessionMarks;
class QQmlEngine;
class SessionStore;
class Settings;

/**
 * @brief What the window does, for QML: the sessions, the open conversation, sending and stopping,
 * and the handoff through the same requester and state machine as `/handoff`.
 *
 * The store, the settings and the model client belong to the DesktopContext it is made on.
 */
class ChatController : public QObject, public RegisteredSingleton<ChatController>
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(SessionListModel *sessions READ sessions CONSTANT)
    Q_PROPERTY(MessageListModel *messages READ messages CONSTANT)
    /// Rename, delete with undo, export and the system prompt of a chat (the sidebar's context menu).
    Q_PROPERTY(SessionActions *actions READ actions CONSTANT)
    Q_PROPERTY(QString sessionId READ sessionId NOTIFY sessionChanged)
    Q_PROPERTY(QString title READ title NOTIFY sessionChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString model READ model WRITE setModel NOTIFY modelChanged)
    Q_PROPERTY(QStringList models READ models NOTIFY modelsChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY errorTextChanged)
    Q_PROPERTY(QStringList handoffPlatforms READ handoffPlatforms NOTIFY settingsChanged)
    Q_PROPERTY(QString handoffState READ handoffState NOTIFY handoffChanged)
    Q_PROPERTY(QString handoffText READ handoffText NOTIFY handoffChanged)
    Q_PROPERTY(QString livePlatform READ livePlatform NOTIFY handoffChanged)
    Q_PROPERTY(QString awayNote READ awayNote NOTIFY awayNoteChanged)
    Q_PROPERTY(HandoffPresenter *handoff READ handoff CONSTANT)
    /// Which machine's gateway answers each platform on a shared store (`[store] url`).
    Q_PROPERTY(GatewayHosts *gatewayHosts READ gatewayHosts CONSTANT)
    Q_PROPERTY(ReplyProgress *progress READ progress CONSTANT)
    Q_PROPERTY(bool editing READ editing NOTIFY editingChanged)

public:
    /// @p context outlives the controller.
    explicit ChatController(DesktopContext &context, QObject *parent = nullptr);
    /// A controller on a context of its own (a window part tested alone).
    explicit ChatController(const AppPaths &paths, QObject *parent = nullptr);
    ~ChatController() override;

    /// Opens the context (if it is not yet) and starts the agent; false with errorText() when the
    /// store or the settings cannot be used.
    [[nodiscard]] bool open();

    [[nodiscard]] SessionListModel *sessions() const { return m_sessionModel; }
    [[nodiscard]] MessageListModel *messages() const { return m_messageModel; }
    /// The handoff in the window's words (menu, failure, the question before taking back).
    [[nodiscard]] HandoffPresenter *handoff() const { return m_presenter; }
    [[nodiscard]] GatewayHosts *gatewayHosts() const { return m_hosts; }
    [[nodiscard]] SessionActions *actions() const { return m_actions; }
    [[nodiscard]] QString sessionId() const { return m_sessionId; }
    [[nodiscard]] QString title() const;
    [[nodiscard]] bool busy() const;
    [[nodiscard]] QString model() const;
    /// Uses @p model from now on, here and in baton.ini.
    void setModel(const QString &model);
    [[nodiscard]] QStringList models() const { return m_models; }
    /// Asks the endpoint which models it offers (LlmClient::listModels); models() follows, or
    /// errorText() says why they could not be listed.
    Q_INVOKABLE void refreshModels();
    [[nodiscard]] QString errorText() const { return m_error; }
    [[nodiscard]] QStringList handoffPlatforms() const;
    [[nodiscard]] QString handoffState() const { return m_handoffState; }
    [[nodiscard]] QString handoffText() const { return m_handoffText; }
    [[nodiscard]] QString livePlatform() const;
    /// The platform @p sessionId lives on after a handoff not taken back here, or "".
    [[nodiscard]] QString livePlatformOf(const QString &sessionId) const;

    /// What happened on the phone while the person was away ("3 messages on Telegram"), for the banner.
    [[nodiscard]] QString awayNote() const { return m_awayNote; }
    void setAwayNote(const QString &note);
    /// The open session if it has a reply in flight or was used in the last @p minutes; else empty.
    [[nodiscard]] QString activeSession(int minutes) const;
    /// Sessions handed off, not taken back here, and active on their platform in the last day.
    [[nodiscard]] QList<Session> liveSessions();
    /// Messages people wrote on a platform into @p sessionId since @p sinceMs (ms since the epoch).
    [[nodiscard]] int phoneMessagesSince(const QString &sessionId, qint64 sinceMs);

    Q_INVOKABLE void newChat();
    Q_INVOKABLE void openSession(const QString &sessionId);
    Q_INVOKABLE void send(const QString &text);
    Q_INVOKABLE void stop();
    /// Asks again for the last reply: a failed one is replaced (retry()), an answer is kept as an
    /// earlier variant (chatvariants.cpp, docs/variants.md).
    Q_INVOKABLE void regenerate();
    /// Asks again in place of the failed reply @p messageId, the last one.
    Q_INVOKABLE void retry(qint64 messageId);
    /// Shows the variant @p messageId of its place in the conversation, and keeps that choice.
    Q_INVOKABLE void chooseVariant(qint64 messageId);
    /// Edits the user message @p messageId in the composer: the next send() resends it edited,
    /// keeping it and every later turn as an earlier variant.
    Q_INVOKABLE void beginEdit(qint64 messageId);
    Q_INVOKABLE void cancelEdit();
    /// The user message being edited (beginEdit()), 0 for none.
    [[nodiscard]] qint64 editingId() const { return m_editingId; }
    [[nodiscard]] bool editing() const { return m_editingId != 0; }
    [[nodiscard]] ReplyProgress *progress() const { return m_progress; }
    /// Hands the open session off to @p platform; while a reply is being written, it waits for it.
    Q_INVOKABLE void handOff(const QString &platform);
    /// Continues a handed-off session here.
    Q_INVOKABLE void takeBack();
    /// Reads baton.ini again (the Settings page saved it): the model, the platforms on offer.
    Q_INVOKABLE void reloadSettings();
    Q_INVOKABLE static QString displayName(const QString &platform);
    /// Puts @p text (a message's Markdown) on the clipboard.
    Q_INVOKABLE static void copyText(const QString &text);

Q_SIGNALS:
    void sessionChanged();
    void busyChanged();
    void modelChanged();
    void errorTextChanged();
    void handoffChanged();
    void settingsChanged();
    void modelsChanged();
    void awayNoteChanged();
    void editingChanged();
    /// The composer takes @p text, the message being edited.
    void editStarted(const QString &text);
    /// A handed-off session continues here now (Take back, or writing in it).
    void takenBack(const QString &sessionId);
    /// A reply the window's agent wrote in @p sessionId ended (whichever session is open).
    void replyFinished(const QString &sessionId, const QString &error);

private:
    void readApiKey();
    void setError(const QString &sentence);
    void setHandoff(const QString &state, const QString &text);
    void startHandoff(const QString &platform);
    /// After a turn started here: the window shows it running and the session as used.
    void turnStartedHere();
    /// send() while a message is being edited.
    void resendEdited(const QString &text);
    void onTurnFinished(const QString &sessionId, qint64 replyId, MessageStatus status, const QString &error);
    void onModelsListed(const QStringList &ids);
    void onHandoffFinished(HandoffWaiter::Outcome outcome, const QString &sentence, const HandoffStatus &status);
    /// Whether @p status, a completed handoff, no longer holds: taken back since, nothing newer.
    [[nodiscard]] bool isTakenBack(const QString &sessionId, const HandoffStatus &status) const;

    std::unique_ptr<DesktopContext> m_ownContext; // only when made without one
    DesktopContext &m_context;
    SessionStore *m_store = nullptr; // the context's
    HandoffStore *m_handoffs = nullptr; // the context's
    Settings *m_settings = nullptr; // the context's
    Agent *m_agent = nullptr;
    SessionListModel *m_sessionModel = nullptr;
    MessageListModel *m_messageModel = nullptr;
    ReplyProgress *m_progress = nullptr;
    qint64 m_editingId = 0;
    SessionActions *m_actions = nullptr;
    HandoffWaiter *m_waiter = nullptr;
    SessionMarks *m_marks = nullptr;
    HandoffPresenter *m_presenter = nullptr;
    GatewayHosts *m_hosts = nullptr;
    QString m_sessionId;
    QString m_error;
    QString m_handoffState;
    QString m_handoffText;
    QString m_queuedHandoff; // asked for mid-reply: starts when the reply ends
    QString m_lastHandoffPlatform;
    QStringList m_models;
    QString m_awayNote;
    qint64 m_lastUsedMs = 0; // the open session's last send or reply end
};
