// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "platformadapter.h"

#include <QHash>
#include <QStringList>

class PairingStore;

/**
 * @brief Who the gateway answers: default deny. People in a platform's allowed_users and people
 * whose pairing code was approved are served; a stranger in a direct chat may be offered a
 * pairing code; everyone else, and every bot (ourselves included), is ignored.
 */
class Authorizer
{
public:
    enum class Verdict { Serve, OfferPairing, Ignore };

    explicit Authorizer(PairingStore &pairing);

    void setAllowedUsers(const QString &platform, const QStringList &userIds);
    [[nodiscard]] Verdict check(const PlatformAdapter::Inbound &message) const;

private:
    PairingStore &m_pairing;
    QHash<QString, QStringList> m_allowed;
};
