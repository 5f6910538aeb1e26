// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "platformadapter.h"

#include <QHash>
#include <QStringList>

class PairingStore;

/**
 * @brief Who the gateway answers, and in which role: default deny. People in a platform's
 * allowed_users are owners; people whose pairing code was approved are guests; a stranger in a
 * direct chat may be offered a pairing code; everyone else, and every bot (ourselves included), is
 * ignored.
 */
class Authorizer
{
public:
    enum class Verdict { Serve, OfferPairing, Ignore };
    /// Owners have Baton's every power; guests talk to it in their own chats only.
    enum class Role { None, Owner, Guest };

    explicit Authorizer(PairingStore &pairing);

    void setAllowedUsers(const QString &platform, const QStringList &userIds);
    /// @p role (if given) is set for a message that is served.
    [[nodiscard]] Verdict check(const PlatformAdapter::Inbound &message, Role *role = nullptr) const;
    [[nodiscard]] bool isOwner(const QString &platform, const QString &userId) const;

private:
    PairingStore &m_pairing;
    QHash<QString, QStringList> m_allowed;
};
