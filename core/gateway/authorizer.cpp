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

bool Authorizer::isOwner(const QString &platform, const QString &userId) const
{
    return !userId.isEmpty() && m_allowed.value(platform).contains(userId);
}

Authorizer::Verdict Authorizer::check(const PlatformAdapter::Inbound &message, Role *role) const
{
    Role dummy = Role::None;
    Role &result = role ? *role : dummy;
    result = Role::None;
    if (message.fromBot || message.source.userId.isEmpty())
        return Verdict::Ignore;
    if (isOwner(message.source.platform, message.source.userId)) {
        result = Role::Owner;
        return Verdict::Serve;
    }
    // Read from the store each time: `baton pairing approve` or `revoke` in another process counts at once.
    if (m_pairing.isApproved(message.source.platform, message.source.userId)) {
        result = Role::Guest;
        return Verdict::Serve;
    }
    // Codes go only to direct chats: a group is no place to hand out access.
    return message.source.chatType == SessionSource::ChatType::Direct ? Verdict::OfferPairing : Verdict::Ignore;
}
