// SPDX-License-Identifier: GPL-3.0-or-later
// The commands people send the gateway from a platform chat: /help /new /resume /status /sethome /stop.
#include "gateway.h"

#include "agent/agent.h"
#include "cli/sessionlookup.h"
#include "config/platformcatalog.h"
#include "config/settings.h"
#include "store/sessionkeystore.h"
#include "store/sessionstore.h"

#include <QLoggingCategory>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

Q_DECLARE_LOGGING_CATEGORY(lcGateway)

namespace {
QString shortId(const QString &id)
{
    return id.left(8);
}

QString describe(const Session &session)
{
    return session.title.isEmpty() ? shortId(session.id) : u"'%1'"_s.arg(session.title);
}
} // namespace

bool Gateway::isCommandForUs(PlatformAdapter *adapter, const QString &text, QString *command, QString *argument) const
{
    if (!text.startsWith(u'/'))
        return false;
    const qsizetype end = text.indexOf(QRegularExpression(u"\\s"_s));
    QString name = text.mid(1, end < 0 ? -1 : end - 1);
    const qsizetype at = name.indexOf(u'@');
    if (at >= 0) {
        const QString addressee = name.mid(at + 1);
        name.truncate(at);
        // `/help@otherbot` in a group is for another bot.
        if (!adapter->botUserName().isEmpty() && addressee.compare(adapter->botUserName(), Qt::CaseInsensitive) != 0)
            name.clear();
    }
    *command = name.toLower();
    *argument = end < 0 ? QString() : text.mid(end).trimmed();
    return true;
}

void Gateway::runCommand(
    PlatformAdapter *adapter, const PlatformAdapter::Inbound &message, const QString &command, const QString &argument)
{
    SessionSource to = message.source;
    to.userId.clear();
    const QString key = message.source.sessionKey();
    const auto binding = m_stores.keys.binding(key);
    qCInfo(lcGateway).noquote() << "command" << u"/"_s + command << "from" << key;

    if (command == "help"_L1 || command == "start"_L1) {
        return reply(to,
            tr("I am Baton, your assistant. Just write to me. Commands:\n"
               "/new: start a new conversation\n"
               "/resume [id or title]: continue an earlier conversation\n"
               "/status: what I am doing\n"
               "/sethome: make this chat the home for handoffs from the desktop\n"
               "/stop: stop the reply I am writing\n"
               "/help: this list"));
    }
    if (command == "new"_L1) {
        const QString id = m_stores.sessions.createSession({}, adapter->name());
        if (id.isEmpty() || !m_stores.keys.bind(key, id))
            return reply(to, tr("Sorry, I could not start a conversation: %1").arg(m_stores.sessions.errorString()));
        m_untitled.insert(id); // named after the first thing said in it
        return reply(to, tr("Started a new conversation."), id);
    }
    if (command == "resume"_L1) {
        if (argument.isEmpty())
            return reply(to, recentSessionsText());
        const SessionLookup::Result found = SessionLookup::byIdOrTitle(m_stores.sessions, argument);
        if (found.id.isEmpty())
            return reply(to, found.error);
        if (binding && binding->sessionId == found.id)
            return reply(to, tr("Already on that conversation."), found.id);
        if (!m_stores.keys.bind(key, found.id))
            return reply(to, tr("Sorry, I could not switch: %1").arg(m_stores.keys.errorString()));
        const auto session = m_stores.sessions.session(found.id);
        return reply(to,
            tr("Continuing %1 (%n message(s)).", nullptr, session ? session->messageCount : 0)
                .arg(session ? describe(*session) : shortId(found.id)),
            found.id);
    }
    if (command == "status"_L1)
        return reply(to, statusText(message.source));
    if (command == "sethome"_L1) {
        m_settings.setHome(adapter->name(), message.source.chatId, message.source.threadId);
        m_settings.sync();
        const QString name = PlatformCatalog::displayName(adapter->name());
        return reply(to,
            message.source.threadId.isEmpty() ? tr("This chat is now the home for handoffs to %1.").arg(name)
                                              : tr("This topic is now the home for handoffs to %1.").arg(name));
    }
    if (command == "stop"_L1) {
        if (!binding || !m_agent.isRunning(binding->sessionId))
            return reply(to, tr("I am not writing anything right now."));
        m_agent.cancel(binding->sessionId);
        return;
    }
    reply(to, tr("I do not know /%1. Send /help for the commands.").arg(command));
}

QString Gateway::statusText(const SessionSource &source)
{
    QStringList lines;
    const auto binding = m_stores.keys.binding(source.sessionKey());
    const auto session = binding ? m_stores.sessions.session(binding->sessionId) : std::nullopt;
    if (session) {
        lines << tr("Conversation %1 (%2), %n message(s).", nullptr, session->messageCount)
                     .arg(describe(*session), shortId(session->id));
        lines << (m_agent.isRunning(session->id) || session->turnRunning ? tr("I am writing a reply.")
                                                                         : tr("I am waiting for you."));
    } else
        lines << tr("No conversation here yet: write to start one.");
    lines << tr("Model: %1.").arg(session && !session->model.isEmpty() ? session->model : m_agent.config().model);
    for (PlatformAdapter *platform : adapters()) {
        const QString state = QVariant::fromValue(platform->state()).toString().toLower();
        lines << u"%1: %2%3"_s.arg(PlatformCatalog::displayName(platform->name()), state,
            platform->stateReason().isEmpty() ? QString() : u" (%1)"_s.arg(platform->stateReason()));
    }
    return lines.join(u'\n');
}

QString Gateway::recentSessionsText()
{
    const QList<Session> recent = m_stores.sessions.sessions(5);
    if (recent.isEmpty())
        return tr("There are no conversations yet.");
    QStringList lines { tr("Recent conversations (send /resume and an id or title):") };
    for (const Session &session : recent)
        lines << u"%1  %2 (%3)"_s.arg(
            shortId(session.id), session.title.isEmpty() ? tr("untitled") : session.title, session.origin);
    return lines.join(u'\n');
}
