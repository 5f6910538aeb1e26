// SPDX-License-Identifier: GPL-3.0-or-later
// Who gets what from the gateway: pairing codes for strangers, each person's sessions, and the
// sentence a chat hears when something fails (details stay in the log and the window).
#include "gateway.h"

#include "agent/agent.h"
#include "store/pairingstore.h"
#include "store/sessionkeystore.h"
#include "store/sessionowners.h"
#include "store/sessionstore.h"

#include <QLoggingCategory>

using namespace Qt::StringLiterals;

Q_DECLARE_LOGGING_CATEGORY(lcGateway)

void Gateway::offerPairing(PlatformAdapter *adapter, const PlatformAdapter::Inbound &message)
{
    const auto code
        = m_stores.pairing.requestCode(adapter->name(), message.source.userId, message.userName, message.source.chatId);
    if (!code) {
        qCWarning(lcGateway).noquote() << "pairing:" << m_stores.pairing.errorString();
        return;
    }
    if (code->code.isEmpty()) {
        qCInfo(lcGateway).noquote() << "not offering pairing to" << adapter->name() << "user" << message.source.userId
                                    << ": they had a code within the hour";
        return;
    }
    if (!code->isNew)
        return; // one code per stranger, sent once
    qCInfo(lcGateway).noquote() << "pairing code issued to" << adapter->name() << "user" << message.source.userId;
    SessionSource to = message.source;
    to.userId.clear();
    reply(to,
        tr("Hi! I only talk to people my owner knows. Your pairing code is %1; ask them to run "
           "`baton pairing approve %1`.")
            .arg(code->code));
}

QString Gateway::sessionFor(const SessionSource &source, const QString &firstText, Authorizer::Role role)
{
    const QString key = source.sessionKey();
    const QString person = SessionOwners::person(source.platform, source.userId);
    if (const auto binding = m_stores.keys.binding(key)) {
        // A guest continues only what they began: a chat bound elsewhere (by an older version, or
        // a handoff thread they can read) does not feed them someone else's transcript.
        if (role == Authorizer::Role::Guest && m_stores.owners.startedBy(binding->sessionId) != person)
            return notYours;
        return binding->sessionId;
    }
    const QString id = m_stores.sessions.createSession(Agent::titleFrom(firstText), source.platform);
    if (id.isEmpty() || !m_stores.owners.setStartedBy(id, person) || !m_stores.keys.bind(key, id))
        return {};
    qCInfo(lcGateway).noquote() << "new session" << id << "for" << key;
    return id;
}

QString Gateway::somethingWentWrong()
{
    return tr("Sorry, something went wrong on my side; the owner can see why in Baton.");
}
