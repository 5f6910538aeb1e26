// SPDX-License-Identifier: GPL-3.0-or-later
// ChatCommand's slash commands: /help /new /sessions /resume /handoff /model /title /quit.
#include "chatcommand.h"
#include "text/plaintitle.h"

#include "agent/agent.h"
#include "config/platformcatalog.h"
#include "config/settings.h"
#include "lineinput.h"
#include "store/handoffstore.h"
#include "store/sessionlookup.h"
#include "store/sessionstore.h"
#include "transcriptformat.h"

using namespace Qt::StringLiterals;

void ChatCommand::runSlashCommand(const QString &line)
{
    const QString command = line.section(u' ', 0, 0).mid(1).toLower();
    const QString argument = line.section(u' ', 1).trimmed();
    if (command == "help"_L1)
        showHelp();
    else if (command == "new"_L1) {
        m_sessionId.clear();
        say(tr("Started a new conversation."));
    } else if (command == "sessions"_L1)
        listSessions();
    else if (command == "resume"_L1)
        resumeSession(argument);
    else if (command == "handoff"_L1)
        startHandoff(argument);
    else if (command == "model"_L1)
        setModel(argument);
    else if (command == "title"_L1)
        setTitle(argument);
    else if (command == "quit"_L1 || command == "exit"_L1)
        quit(endStatus());
    else
        complain(tr("Unknown command /%1. Type /help for the list.").arg(command));
}

void ChatCommand::showHelp()
{
    say(tr("/help                 this list\n"
           "/new                  start a new conversation\n"
           "/sessions             list recent conversations\n"
           "/resume <n|id|title>  continue a conversation (n from /sessions)\n"
           "/handoff <platform>   continue this conversation on telegram, discord or slack\n"
           "/model [name]         show or set this conversation's model\n"
           "/title <text>         rename this conversation\n"
           "/quit                 leave (the conversation stays stored)\n"
           "Ctrl-C stops a reply; twice at the prompt exits.\n"
           "At a terminal a paste of several lines is one message; to type several lines, end each\n"
           "but the last with a backslash (\\)."));
}

void ChatCommand::listSessions()
{
    const QList<Session> sessions = m_sessions->sessions(20);
    if (sessions.isEmpty())
        return say(m_sessions->errorString().isEmpty() ? tr("No conversations yet.") : m_sessions->errorString());
    m_listedSessions.clear();
    int n = 0;
    for (const Session &s : sessions) {
        m_listedSessions << s.id;
        QString line = u"%1%2. %3  (%4, %5 messages, %6)"_s.arg(s.id == m_sessionId ? u"*"_s : u" "_s)
                           .arg(++n, 2)
                           .arg(s.title.isEmpty() ? tr("(untitled)") : plainTitle(s.title), s.id.left(8))
                           .arg(s.messageCount)
                           .arg(TranscriptFormat::localTime(s.updatedAt));
        if (s.handoff.state == HandoffState::Completed)
            line += u"  "_s + tr("live on %1").arg(PlatformCatalog::displayName(s.handoff.platform));
        say(line);
    }
}

void ChatCommand::resumeSession(const QString &which)
{
    if (which.isEmpty())
        return complain(tr("usage: /resume <n|id|title>; /sessions lists them."));
    QString id;
    bool isNumber = false;
    const int index = which.toInt(&isNumber);
    if (isNumber && index >= 1 && index <= m_listedSessions.size())
        id = m_listedSessions.at(index - 1);
    else {
        const SessionLookup::Result found = SessionLookup::byIdOrTitle(*m_sessions, which);
        if (found.id.isEmpty())
            return complain(found.error);
        id = found.id;
    }
    if (id == m_sessionId)
        return say(tr("Already on that session."));
    const std::optional<Session> session = m_sessions->session(id);
    if (!session)
        return complain(m_sessions->errorString());
    m_sessionId = id;
    say(tr("Resumed '%1' (%2 messages).").arg(plainTitle(session->title), QString::number(session->messageCount)));
    if (session->handoff.state == HandoffState::Completed)
        say(tr("It was handed off to %1; messages there and here continue the same conversation.")
                .arg(PlatformCatalog::displayName(session->handoff.platform)));
    const QList<Message> transcript = m_sessions->transcript(id, false);
    for (qsizetype i = std::max<qsizetype>(0, transcript.size() - 2); i < transcript.size(); ++i)
        say(u"  %1: %2"_s.arg(messageRoleName(transcript.at(i).role), transcript.at(i).content.left(300)));
}

void ChatCommand::startHandoff(const QString &platform)
{
    if (m_sessionId.isEmpty())
        return complain(tr("Nothing to hand off yet: say something first, or /resume a conversation."));
    if (!m_waiter) {
        m_waiter = new HandoffWaiter(*m_sessions, *m_handoffs, *m_settings, m_ctx.paths.dataDir,
            HandoffWaiter::Timeouts::fromEnvironment(), this);
        m_waiter->setRequester(u"cli"_s);
        connect(m_waiter, &HandoffWaiter::progress, this, &ChatCommand::say);
        connect(m_waiter, &HandoffWaiter::finished, this,
            [this](HandoffWaiter::Outcome outcome, const QString &sentence) { onHandoffFinished(outcome, sentence); });
    }
    m_state = State::HandingOff;
    m_input->pause();
    m_waiter->start(m_sessionId, platform);
}

void ChatCommand::onHandoffFinished(HandoffWaiter::Outcome outcome, const QString &sentence)
{
    if (outcome == HandoffWaiter::Outcome::Completed) {
        m_handedOff = true;
        say(sentence);
        // Leave like /quit; the session lives on on the platform.
        return quit(ExitOk);
    }
    complain(sentence);
    becomeIdle();
}

QString ChatCommand::currentModel()
{
    if (!m_sessionId.isEmpty()) {
        if (const auto session = m_sessions->session(m_sessionId); session && !session->model.isEmpty())
            return session->model;
    }
    return m_agent->config().model.isEmpty() ? tr("the server's default model") : m_agent->config().model;
}

void ChatCommand::setModel(const QString &model)
{
    if (model.isEmpty())
        return say(tr("Model: %1 at %2").arg(currentModel(), m_agent->config().baseUrl.toString()));
    Agent::Config config = m_agent->config();
    config.model = model;
    m_agent->setConfig(config);
    if (!m_sessionId.isEmpty() && !m_sessions->setModel(m_sessionId, model))
        return complain(m_sessions->errorString());
    say(tr("Model set to %1.").arg(model));
}

void ChatCommand::setTitle(const QString &title)
{
    if (title.isEmpty())
        return complain(tr("usage: /title <text>"));
    if (m_sessionId.isEmpty())
        return complain(tr("Nothing to title yet: say something first."));
    if (!m_sessions->setTitle(m_sessionId, title))
        return complain(m_sessions->errorString());
    say(tr("Renamed to '%1'.").arg(title));
}
