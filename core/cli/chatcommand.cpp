// SPDX-License-Identifier: GPL-3.0-or-later
#include "chatcommand.h"
#include "text/plaintitle.h"

#include "agent/agent.h"
#include "agent/llmclient.h"
#include "config/secretstore.h"
#include "config/settings.h"
#include "interruptnotifier.h"
#include "lineinput.h"
#include "store/database.h"
#include "store/handoffstore.h"
#include "store/sessionlookup.h"
#include "store/sessionstore.h"
#include "terminaltext.h"

#include <QDir>
#include <QNetworkAccessManager>

using namespace Qt::StringLiterals;

ChatCommand::ChatCommand(const CliContext &context, QObject *parent)
    : QObject(parent)
    , m_ctx(context)
{ }

ChatCommand::~ChatCommand() = default;

QStringList ChatCommand::commandNames()
{
    return { u"help"_s, u"new"_s, u"sessions"_s, u"resume"_s, u"handoff"_s, u"model"_s, u"title"_s, u"quit"_s };
}

// Sentences carry titles, transcripts and platform errors: none may steer the terminal.
void ChatCommand::say(const QString &sentence)
{
    m_ctx.out << TerminalText::strip(sentence) << Qt::endl;
}

void ChatCommand::complain(const QString &sentence)
{
    m_ctx.out.flush();
    m_ctx.err << "baton: " << TerminalText::strip(sentence) << Qt::endl;
}

void ChatCommand::start(const QString &sessionOption, bool continueLast)
{
    if (!sessionOption.isEmpty() && continueLast)
        return quit(m_ctx.fail(ExitUsage, tr("use either --session or --continue, not both.")));
    m_settings = std::make_unique<Settings>(m_ctx.paths.configFile);
    if (!m_settings->errorString().isEmpty())
        return quit(m_ctx.fail(ExitConfig, m_settings->errorString()));
    m_db = std::make_unique<Database>();
    if (!m_db->open(m_ctx.paths.storeLocation()))
        return quit(m_ctx.fail(ExitFailure, m_db->errorString()));
    m_sessions = new SessionStore(*m_db, this);
    // A process killed mid-reply would otherwise leave its session refusing turns and handoffs.
    m_sessions->releaseAbandonedTurns();
    m_handoffs = new HandoffStore(*m_db, this);

    if (!sessionOption.isEmpty()) {
        const SessionLookup::Result found = SessionLookup::byId(*m_sessions, sessionOption);
        if (found.id.isEmpty())
            return quit(m_ctx.fail(found.storeFailed ? ExitFailure : ExitUsage, found.error));
        m_sessionId = found.id;
    } else if (continueLast) {
        const QList<Session> latest = m_sessions->sessions(1);
        if (latest.isEmpty())
            return quit(m_ctx.fail(ExitUsage, tr("there is no session to continue yet; start with `baton chat`.")));
        m_sessionId = latest.first().id;
    }

    auto *secrets = new SecretStore(this);
    connect(secrets, &SecretStore::readFinished, this, [this](const QString &, const QString &value, const QString &) {
        // No keychain is normal for a local model without a key; if the endpoint wants one,
        // its rejection says how to set it.
        begin(value);
    });
    secrets->read(u"llm.api_key"_s);
}

void ChatCommand::begin(const QString &apiKey)
{
    m_network = new QNetworkAccessManager(this);
    m_client = new LlmClient(m_network, this);
    m_agent = new Agent(*m_sessions, *m_client, this);
    m_agent->setConfig({ QUrl(m_settings->llmBaseUrl()), apiKey, m_settings->model(), m_settings->systemPrompt(),
        m_settings->llmTimeoutSeconds() * 1000, m_settings->llmIncludeUsage() });
    connect(m_agent, &Agent::reasoningReceived, this, [this] {
        // One dim line while the model reasons, gone when the answer starts: its reasoning is no
        // part of the answer (the window shows it; `baton sessions export` keeps only the answer).
        if (m_replyStarted || m_thinkingShown || !m_input->isTerminal())
            return;
        m_thinkingShown = true;
        m_ctx.out << u"\033[2m"_s << tr("thinking…") << u"\033[22m"_s;
        m_ctx.out.flush();
    });
    connect(m_agent, &Agent::deltaReceived, this, [this](const QString &, const QString &text) {
        clearThinking();
        m_replyStarted = true;
        m_ctx.out << m_replyCode.feed(m_replyText.filter(text));
        m_ctx.out.flush();
    });
    connect(m_agent, &Agent::turnFinished, this, &ChatCommand::onTurnFinished);

    m_input = new LineInput(QDir(m_ctx.paths.dataDir).filePath(u"chat_history"_s), this);
    connect(m_input, &LineInput::lineEntered, this, &ChatCommand::onLine);
    connect(m_input, &LineInput::endOfInput, this, &ChatCommand::onEndOfInput);
    m_interrupt = new InterruptNotifier(this);
    connect(m_interrupt, &InterruptNotifier::interrupted, this, &ChatCommand::onInterrupt);

    if (m_input->isTerminal()) {
        say(tr("Baton chat with %1 at %2. Type /help for commands, Ctrl-C to stop a reply.")
                .arg(currentModel(), m_settings->llmBaseUrl()));
        if (const auto session = m_sessionId.isEmpty() ? std::nullopt : m_sessions->session(m_sessionId))
            say(tr("Continuing '%1' (%2 messages).")
                    .arg(plainTitle(session->title), QString::number(session->messageCount)));
    }
    m_state = State::Idle;
    m_input->start(u"you> "_s);
}

void ChatCommand::onLine(const QString &line)
{
    m_interruptArmed = false;
    const QString text = line.trimmed();
    if (text.isEmpty())
        return;
    if (text.startsWith(u'/'))
        return runSlashCommand(text);
    send(line);
}

void ChatCommand::send(const QString &text)
{
    if (m_sessionId.isEmpty()) {
        m_sessionId = m_sessions->createSession({}, u"cli"_s);
        if (m_sessionId.isEmpty())
            return complain(m_sessions->errorString());
    }
    Message message;
    message.role = MessageRole::User;
    message.content = text;
    message.platform = u"cli"_s;
    m_lastTurnFailed = true; // until its reply arrives whole
    m_stoppedByUser = false;
    if (!m_agent->startTurn(m_sessionId, message))
        return complain(m_agent->errorString());
    m_state = State::Replying;
    m_replyStarted = false;
    m_replyText.reset();
    m_input->pause();
}

void ChatCommand::onTurnFinished(const QString &sessionId, qint64, MessageStatus status, const QString &error)
{
    if (sessionId != m_sessionId)
        return;
    clearThinking();
    if (m_replyStarted)
        m_ctx.out << m_replyCode.finish() << Qt::endl;
    m_lastTurnFailed = status != MessageStatus::Complete && !m_stoppedByUser;
    if (status == MessageStatus::Partial)
        say(u"["_s + (error.isEmpty() ? tr("The reply was cut short.") : error) + u"]"_s);
    else if (status == MessageStatus::Error)
        complain(error);
    becomeIdle();
}

void ChatCommand::clearThinking()
{
    if (!std::exchange(m_thinkingShown, false))
        return;
    m_ctx.out << u"\r\033[K"_s;
    m_ctx.out.flush();
}

void ChatCommand::becomeIdle()
{
    m_state = State::Idle;
    if (m_quitWhenIdle)
        return quit(endStatus());
    m_input->resume();
}

void ChatCommand::onInterrupt()
{
    switch (m_state) {
    case State::Replying:
        m_stoppedByUser = true;
        m_agent->cancel(m_sessionId);
        return;
    case State::HandingOff:
        m_waiter->abandon();
        return;
    case State::Starting:
        return quit(ExitFailure);
    case State::Idle:
        if (m_interruptArmed || !m_input->isTerminal())
            return quit(endStatus());
        m_interruptArmed = true;
        m_input->discardLine();
        m_input->pause();
        say(tr("(Press Ctrl-C again or type /quit to exit.)"));
        m_input->resume();
        return;
    }
}

void ChatCommand::onEndOfInput()
{
    if (m_state == State::Idle)
        return quit(endStatus());
    m_quitWhenIdle = true;
}

int ChatCommand::endStatus() const
{
    return m_lastTurnFailed && !m_input->isTerminal() ? ExitFailure : ExitOk;
}

void ChatCommand::quit(int status)
{
    if (m_finished)
        return;
    m_finished = true;
    if (m_waiter)
        m_waiter->abandon();
    // Leaving ends the conversation here, unless it just moved to a platform and lives on there.
    if (!m_sessionId.isEmpty() && !m_handedOff && m_sessions)
        m_sessions->endSession(m_sessionId, u"cli_exit"_s);
    if (m_input)
        m_input->stop();
    m_ctx.out.flush();
    Q_EMIT finished(status);
}
