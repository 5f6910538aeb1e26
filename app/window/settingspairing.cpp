// SPDX-License-Identifier: GPL-3.0-or-later
// The Settings page of pairing: requests waiting for a yes or no, and who may talk to Baton (owners
// from allowed_users, guests approved here), with a way to end a guest's access.
#include "settingscontroller.h"

#include "config/platformcatalog.h"
#include "config/settings.h"
#include "store/pairingstore.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace {
QString describe(const PairingStore::Request &request)
{
    const QString where = PlatformCatalog::displayName(request.platform) + u' ' + request.userId;
    return request.userName.isEmpty() ? where : u"%1 (%2)"_s.arg(request.userName, where);
}
} // namespace

void SettingsController::refreshPairing()
{
    if (!m_pairing)
        return;
    QVariantList list;
    for (const PairingStore::Request &r : m_pairing->pendingRequests()) {
        list << QVariantMap { { u"code"_s, r.code }, { u"platform"_s, r.platform },
            { u"displayName"_s, PlatformCatalog::displayName(r.platform) }, { u"userName"_s, r.userName },
            { u"userId"_s, r.userId }, { u"requestedAt"_s, QDateTime::fromMSecsSinceEpoch(r.requestedAt) } };
    }
    QVariantList people;
    for (const QString &platform : PlatformCatalog::names()) {
        for (const QString &owner : m_settings ? m_settings->platform(platform).allowedUsers : QStringList())
            people << QVariantMap { { u"platform"_s, platform },
                { u"displayName"_s, PlatformCatalog::displayName(platform) }, { u"userId"_s, owner },
                { u"userName"_s, QString() }, { u"role"_s, u"owner"_s }, { u"roleText"_s, tr("Owner") } };
    }
    for (const PairingStore::Request &r : m_pairing->approvedPeople()) {
        people << QVariantMap { { u"platform"_s, r.platform },
            { u"displayName"_s, PlatformCatalog::displayName(r.platform) }, { u"userId"_s, r.userId },
            { u"userName"_s, r.userName }, { u"role"_s, r.role }, { u"roleText"_s, tr("Guest") } };
    }
    if (!m_pairing->errorString().isEmpty())
        m_pairingNote = m_pairing->errorString();
    if (list == m_pairingRequests && people == m_people && m_pairing->errorString().isEmpty())
        return;
    m_pairingRequests = list;
    m_people = people;
    Q_EMIT pairingRequestsChanged();
}

void SettingsController::approve(const QString &code)
{
    decide(code, true);
}

void SettingsController::deny(const QString &code)
{
    decide(code, false);
}

void SettingsController::decide(const QString &code, bool approve)
{
    if (!m_pairing)
        return;
    const auto request = approve ? m_pairing->approve(code) : m_pairing->deny(code);
    if (!request) {
        m_pairingNote = !m_pairing->errorString().isEmpty()
            ? m_pairing->errorString()
            : tr("No waiting pairing request has the code %1 any more.").arg(code.trimmed().toUpper());
    } else {
        m_pairingNote = approve ? tr("Approved %1 as a guest: they can talk to Baton now.").arg(describe(*request))
                                : tr("Denied %1.").arg(describe(*request));
    }
    m_pairingRequests.clear(); // refreshPairing announces the change even if the list looks the same
    refreshPairing();
}

void SettingsController::revoke(const QString &platform, const QString &userId)
{
    if (!m_pairing)
        return;
    const auto request = m_pairing->revoke(platform, userId);
    if (!request) {
        m_pairingNote = !m_pairing->errorString().isEmpty()
            ? m_pairing->errorString()
            : tr("%1 is not a guest any more.").arg(PlatformCatalog::displayName(platform) + u' ' + userId);
    } else
        m_pairingNote = tr("Revoked %1: Baton no longer answers them.").arg(describe(*request));
    m_pairingRequests.clear();
    refreshPairing();
}
