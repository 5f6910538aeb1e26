// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "clicontext.h"
#include "codecolouring.h"
#include "handoff/handoffwaiter.h"
#include "store/storetypes.h"
#include "terminaltext.h"

#include <QObject>
#include <QStringList>

#include <memory>

class Agent;
class Database;
class HandoffStore;
class InterruptNotifier;
class LineInput;
class LlmClient;
class QNetworkAccessManager;
class SessionStore;
class Settings;

/**
 * @brief `baton chat`: a terminal conversation with streaming replies and the slash commands.
 *
 * Works the same on a terminal (libedit prompt and history) and on a pipe (one message per line).
 */
class ChatCommand : public QObject
{
    Q_OBJECT

public:
    ChatCommand(const CliContext &context, QObject *parent = nullptr);
    ~ChatCommand() override;

    /// @p sessionOption: --session ID; @p continueLast: --continue.
    void start(const QString &sessionOption, bool continueLast);

    /// The slash commands `baton chat` understands (/handoff is among them: docs/architecture.md, scenario 8).
    [[nodiscard]] static QStringList commandNames();

Q_SIGNALS:
    void finished(int status);

private:
    enum class State { Starting, Idle, Replying, HandingOff };

    void begin(const QString &apiKey);
    void onLine(const QString &line);
    void onInterrupt();
    void onEndOfInput();
    void send(const QString &text);
    void onTurnFinished(const QString &sessionId, qint64 messageId, MessageStatus status, const QString &error);
    void onHandoffFinished(HandoffWaiter::Outcome outcome, const QString &sentence);
    void becomeIdle();
    /// Takes the "thinking…" line away before the answer (or the end) is printed.
    void clearThinking();
    void quit(int status);
    /// ExitOk, or ExitFailure on a pipe whose last turn failed (scripts test the status).
    [[nodiscard]] int endStatus() const;

    // Slash commands (chatslashcommands.cpp).
    void runSlashCommand(const QString &line);
    void showHelp();
    void listSessions();
    void resumeSession(const QString &which);
    void startHandoff(const QString &platform);
    void setModel(const QString &model);
    void setTitle(const QString &title);
    [[nodiscard]] QString currentModel();

    void say(const QString &sentence);
    void complain(const QString &sentence);

    const CliContext &m_ctx;
    State m_state = State::Starting;
    QString m_sessionId;
    QStringList m_listedSessions;
    bool m_interruptArmed = false;
    bool m_quitWhenIdle = false;
    bool m_replyStarted = false;
    bool m_thinkingShown = false;
    TerminalText m_replyText; // a sequence may be split across deltas
    CodeColouring m_replyCode { CodeColouring::forStdout() }; // fenced code coloured on a terminal
    bool m_finished = false;
    bool m_handedOff = false;
    bool m_stoppedByUser = false; // Ctrl-C: a reply cut on purpose is no failure
    bool m_lastTurnFailed = false; // a pipe's exit status says whether its last message was answered

    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<Database> m_db;
    SessionStore *m_sessions = nullptr;
    HandoffStore *m_handoffs = nullptr;
    QNetworkAccessManager *m_network = nullptr;
    LlmClient *m_client = nullptr;
    Agent *m_agent = nullptr;
    LineInput *m_input = nullptr;
    InterruptNotifier *m_interrupt = nullptr;
    HandoffWaiter *m_waiter = nullptr;
};
