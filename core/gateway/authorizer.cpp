// SPDX-License-Identifier: GPL-3.0-or-later
#include "authorizer.h"

#include "store/pairingstore.h"

Authorizer::Authorizer(PairingStore &pairing)
    : m_pairing(pairing)
{ }

void Authorizer::setAllowedUsers(const QString &platform, const QStringList &userIds)
{
    m_allowed.insert(platform, userIds);
}

Authorizer::Verdict Authorizer::check(const PlatformAdapter::Inbound &message) const
{
    if (message.fromBot || message.source.userId.isEmpty())
        return Verdict::Ignore;
    if (m_allowed.value(message.source.platform).contains(message.source.userId))
        return Verdict::Serve;
    // Read from the store each time: `baton pairing approve` in another process counts at once.
    if (m_pairing.isApproved(message.source.platform, message.source.userId))
        return Verdict::Serve;
    // Codes go only to direct chats: a group is no place to hand out access.
    return message.source.chatType == SessionSource::ChatType::Direct ? Verdict::OfferPairing : Verdict::Ignore;
}
