// SPDX-License-Identifier: GPL-3.0-or-later
// The commands people send the gateway from a platform chat: /help /new /resume /status /sethome /stop.
#include "gateway.h"
#include "text/plaintitle.h"

#include "agent/agent.h"
#include "config/platformcatalog.h"
#include "config/settings.h"
#include "store/sessionkeystore.h"
#include "store/sessionlookup.h"
#include "store/sessionowners.h"
#include "store/sessionstore.h"

#include <QLoggingCategory>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

Q_DECLARE_LOGGING_CATEGORY(lcGateway)

namespace {
// How far back a guest's /resume looks among the sessions they began.
constexpr int guestResumeLimit = 200;

QString shortId(const QString &id)
{
    return id.left(8);
}

QString describe(const Session &session)
{
    return session.title.isEmpty() ? shortId(session.id) : u"'%1'"_s.arg(plainTitle(session.title));
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

void Gateway::runCommand(PlatformAdapter *adapter, const PlatformAdapter::Inbound &message, Authorizer::Role role,
    const QString &command, const QString &argument)
{
    SessionSource to = message.source;
    to.userId.clear();
    const QString key = message.source.sessionKey();
    const QString person = SessionOwners::person(message.source.platform, message.source.userId);
    const bool owner = role == Authorizer::Role::Owner;
    auto binding = m_stores.keys.binding(key);
    // A guest acts only on a session they began: a chat bound elsewhere counts as unbound for them.
    if (binding && !owner && m_stores.owners.startedBy(binding->sessionId) != person)
        binding.reset();
    qCInfo(lcGateway).noquote() << "command" << u"/"_s + command << "from" << key << (owner ? "(owner)" : "(guest)");

    if (command == "help"_L1 || command == "start"_L1) {
        return reply(to,
            tr("I am Baton, your assistant. Just write to me. Commands:\n"
               "/new: start a new conversation\n"
               "/resume [id or title]: continue an earlier conversation\n"
               "/status: what I am doing\n")
                + (owner ? tr("/sethome: make this chat the home for handoffs from the desktop\n") : QString())
                + tr("/stop: stop the reply I am writing\n"
                     "/help: this list"));
    }
    if (command == "new"_L1) {
        const QString id = m_stores.sessions.createSession({}, adapter->name());
        if (id.isEmpty() || !m_stores.owners.setStartedBy(id, person) || !m_stores.keys.bind(key, id)) {
            qCWarning(lcGateway).noquote()
                << "could not start a session for" << key << ":" << m_stores.sessions.errorString()
                << m_stores.owners.errorString() << m_stores.keys.errorString();
            return reply(to, somethingWentWrong());
        }
        m_untitled.insert(id); // named after the first thing said in it
        return reply(to, tr("Started a new conversation."), id);
    }
    if (command == "resume"_L1)
        return resume(message.source, role, argument);
    if (command == "status"_L1)
        return reply(to, statusText(message.source, role));
    if (command == "sethome"_L1) {
        // The home receives private sessions from the desktop: only an owner may choose it.
        if (!owner)
            return reply(to, tr("Sorry, only my owner can choose where handoffs go."));
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
        if (const auto work = m_work.find(binding->sessionId); work != m_work.end())
            work->stopped = true;
        m_agent.cancel(binding->sessionId);
        return;
    }
    reply(to, tr("I do not know /%1. Send /help for the commands.").arg(command));
}

QList<Session> Gateway::resumable(const SessionSource &source, Authorizer::Role role, int limit)
{
    if (role == Authorizer::Role::Owner)
        return m_stores.sessions.sessions(limit);
    QList<Session> own;
    const QStringList ids
        = m_stores.owners.sessionsStartedBy(SessionOwners::person(source.platform, source.userId), limit);
    for (const QString &id : ids) {
        if (const auto session = m_stores.sessions.session(id))
            own << *session;
    }
    return own;
}

void Gateway::resume(const SessionSource &source, Authorizer::Role role, const QString &argument)
{
    SessionSource to = source;
    to.userId.clear();
    if (argument.isEmpty())
        return reply(to, recentSessionsText(resumable(source, role, 5)));
    QString id;
    if (role == Authorizer::Role::Owner) {
        const SessionLookup::Result found = SessionLookup::byIdOrTitle(m_stores.sessions, argument);
        if (found.id.isEmpty())
            return reply(to, found.error);
        id = found.id;
    } else {
        // Only among the guest's own: the answer never tells whether anyone else's exists.
        QStringList byId, exact, partial;
        for (const Session &session : resumable(source, role, guestResumeLimit)) {
            if (argument.size() >= SessionLookup::minimumPrefix && session.id.startsWith(argument, Qt::CaseInsensitive))
                byId << session.id;
            if (session.title.compare(argument, Qt::CaseInsensitive) == 0)
                exact << session.id;
            else if (session.title.contains(argument, Qt::CaseInsensitive))
                partial << session.id;
        }
        id = byId.size() == 1     ? byId.first()
            : !exact.isEmpty()    ? exact.first()
            : partial.size() == 1 ? partial.first()
                                  : QString();
        if (id.isEmpty())
            return reply(to,
                tr("I found no single conversation of yours matching '%1'. Send /resume to see them.").arg(argument));
    }
    const QString key = source.sessionKey();
    const auto binding = m_stores.keys.binding(key);
    if (binding && binding->sessionId == id)
        return reply(to, tr("Already on that conversation."), id);
    if (!m_stores.keys.bind(key, id)) {
        qCWarning(lcGateway).noquote() << "could not switch" << key << ":" << m_stores.keys.errorString();
        return reply(to, somethingWentWrong());
    }
    const auto session = m_stores.sessions.session(id);
    reply(to,
        tr("Continuing %1 (%n message(s)).", nullptr, session ? session->messageCount : 0)
            .arg(session ? describe(*session) : shortId(id)),
        id);
}

QString Gateway::statusText(const SessionSource &source, Authorizer::Role role)
{
    QStringList lines;
    const auto binding = m_stores.keys.binding(source.sessionKey());
    auto session = binding ? m_stores.sessions.session(binding->sessionId) : std::nullopt;
    const bool owner = role == Authorizer::Role::Owner;
    if (session && !owner
        && m_stores.owners.startedBy(session->id) != SessionOwners::person(source.platform, source.userId))
        session.reset();
    if (session) {
        lines << tr("Conversation %1 (%2), %n message(s).", nullptr, session->messageCount)
                     .arg(describe(*session), shortId(session->id));
        lines << (m_agent.isRunning(session->id) || session->turnRunning ? tr("I am writing a reply.")
                                                                         : tr("I am waiting for you."));
    } else
        lines << tr("No conversation here yet: write to start one.");
    // The model and the connections (their failure reasons name endpoints) are the owner's business.
    if (!owner)
        return lines.join(u'\n');
    lines << tr("Model: %1.").arg(session && !session->model.isEmpty() ? session->model : m_agent.config().model);
    for (PlatformAdapter *platform : adapters()) {
        const QString state = QVariant::fromValue(platform->state()).toString().toLower();
        lines << u"%1: %2%3"_s.arg(PlatformCatalog::displayName(platform->name()), state,
            platform->stateReason().isEmpty() ? QString() : u" (%1)"_s.arg(platform->stateReason()));
    }
    return lines.join(u'\n');
}

QString Gateway::recentSessionsText(const QList<Session> &recent)
{
    if (recent.isEmpty())
        return tr("There are no conversations yet.");
    QStringList lines { tr("Recent conversations (send /resume and an id or title):") };
    for (const Session &session : recent)
        lines << u"%1  %2 (%3)"_s.arg(
            shortId(session.id), session.title.isEmpty() ? tr("untitled") : plainTitle(session.title), session.origin);
    return lines.join(u'\n');
}
