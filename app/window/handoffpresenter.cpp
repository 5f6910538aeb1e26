// SPDX-License-Identifier: GPL-3.0-or-later
#include "handoffpresenter.h"

#include "chatcontroller.h"
#include "config/platformcatalog.h"
#include "config/settings.h"
#include "gateway/gateway.h"
#include "gateway/platformadapter.h"
#include "gatewayhosts.h"

#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

HandoffPresenter::HandoffPresenter(ChatController &controller, const Settings &settings, QObject *parent)
    : QObject(parent)
    , m_controller(controller)
    , m_settings(settings)
{
    connect(&m_controller, &ChatController::settingsChanged, this, &HandoffPresenter::platformsChanged);
}

void HandoffPresenter::setGateway(Gateway *gateway)
{
    m_gateway = gateway;
    if (gateway) {
        for (PlatformAdapter *adapter : gateway->adapters())
            connect(adapter, &PlatformAdapter::stateChanged, this, &HandoffPresenter::platformsChanged,
                Qt::UniqueConnection);
    }
    Q_EMIT platformsChanged();
}

void HandoffPresenter::setHosts(GatewayHosts *hosts)
{
    m_hosts = hosts;
    if (hosts)
        connect(hosts, &GatewayHosts::changed, this, &HandoffPresenter::platformsChanged, Qt::UniqueConnection);
    Q_EMIT platformsChanged();
}

bool HandoffPresenter::canTake(const QString &platform, QString *why) const
{
    const auto refuse = [why](const QString &reason) {
        if (why)
            *why = reason;
        return false;
    };
    const Settings::Platform config = m_settings.platform(platform);
    if (!config.enabled)
        return refuse(tr("not set up"));
    if (config.homeChat.isEmpty())
        return refuse(tr("no home chat"));
    // On a shared store the lease says which gateway answers: this process's one may only stand by.
    const GatewayHosts::Leader leader = m_hosts ? m_hosts->leader(platform) : GatewayHosts::Leader {};
    if (leader.where == GatewayHosts::Where::Elsewhere) {
        if (why)
            *why = tr("answered by the gateway on %1").arg(GatewayHosts::machine(leader));
        return true;
    }
    if (leader.where == GatewayHosts::Where::Nobody && !m_gateway)
        return refuse(tr("no gateway runs it"));
    if (!m_gateway)
        return true; // another process runs the gateway: only it knows, and says so if it fails
    const PlatformAdapter *adapter = m_gateway->adapter(platform);
    if (!adapter)
        return refuse(tr("not connected"));
    switch (adapter->state()) {
    case PlatformAdapter::State::Offline:
        return refuse(adapter->stateReason().isEmpty() ? tr("offline")
                                                       : tr("offline: %1").arg(desktopReason(adapter->stateReason())));
    case PlatformAdapter::State::Connecting:
        return refuse(tr("connecting…"));
    case PlatformAdapter::State::Online:
    case PlatformAdapter::State::Degraded:
        break;
    }
    return true;
}

QVariantList HandoffPresenter::platforms() const
{
    QVariantList all;
    for (const QString &platform : PlatformCatalog::names()) {
        QString why;
        const bool available = canTake(platform, &why);
        all << QVariantMap { { u"name"_s, platform }, { u"label"_s, PlatformCatalog::displayName(platform) },
            { u"available"_s, available }, { u"reason"_s, why } };
    }
    return all;
}

bool HandoffPresenter::anyConfigured() const
{
    const QStringList names = PlatformCatalog::names();
    return std::any_of(names.begin(), names.end(), [this](const QString &p) { return m_settings.platform(p).enabled; });
}

QString HandoffPresenter::fixLabel() const
{
    return m_fixPage.isEmpty() ? QString() : tr("Open %1 settings").arg(PlatformCatalog::displayName(m_fixPage));
}

QString HandoffPresenter::desktopReason(const QString &reason)
{
    // Sentences that tell a terminal what to run (`baton …`, /sethome, /resume) go; the window's
    // own button leads to the page that fixes it.
    static const QRegularExpression sentenceEnd(u"(?<=[.!?])\\s+"_s);
    QStringList kept;
    for (QString sentence : reason.split(sentenceEnd, Qt::SkipEmptyParts)) {
        if (sentence.contains(u'`') || sentence.contains(u"/sethome"_s) || sentence.contains(u"/resume"_s))
            continue;
        sentence = sentence.trimmed();
        while (sentence.endsWith(u'.'))
            sentence.chop(1); // the caller ends the sentence: no doubled full stop
        if (!sentence.isEmpty())
            kept << sentence;
    }
    if (kept.isEmpty())
        return QString(reason).remove(u'`').trimmed();
    return kept.join(u". "_s);
}

QString HandoffPresenter::failureText(const QString &platform, const QString &reason) const
{
    const QString name = PlatformCatalog::displayName(platform);
    if (reason.isEmpty())
        return tr("Could not hand off to %1. The conversation stays here.").arg(name);
    QString why = reason;
    why[0] = why.at(0).toUpper();
    return tr("Could not hand off to %1. %2. The conversation stays here.").arg(name, why);
}

void HandoffPresenter::setFailure(const QString &text, const QString &page)
{
    if (text == m_failure && page == m_fixPage)
        return;
    m_failure = text;
    m_fixPage = PlatformCatalog::isKnown(page) ? page : QString();
    Q_EMIT failureChanged();
}

QString HandoffPresenter::finished(
    const QString &platform, HandoffWaiter::Outcome outcome, const QString &sentence, const HandoffStatus &status)
{
    const QString name = PlatformCatalog::displayName(platform);
    m_failureKey = m_sessionId + u'/' + QString::number(status.finishedAt);
    switch (outcome) {
    case HandoffWaiter::Outcome::Completed:
        setFailure({}, {});
        return tr("Handed off to %1. The conversation continues there.").arg(name);
    case HandoffWaiter::Outcome::Failed:
        setFailure(failureText(platform, desktopReason(status.error.isEmpty() ? sentence : status.error)), platform);
        return m_failure;
    case HandoffWaiter::Outcome::NoGateway:
        // Nothing in Settings fixes a stopped gateway: no button.
        setFailure(failureText(platform,
                       tr("No gateway took it in time: the gateway is paused (see the tray menu) or not running")),
            {});
        return m_failure;
    case HandoffWaiter::Outcome::Refused: {
        QString why;
        setFailure(failureText(platform, canTake(platform, &why) ? desktopReason(sentence) : why), platform);
        return m_failure;
    }
    case HandoffWaiter::Outcome::TooSlow:
    case HandoffWaiter::Outcome::Abandoned:
    case HandoffWaiter::Outcome::Detached:
        break;
    }
    return desktopReason(sentence) + u'.';
}

void HandoffPresenter::showSession(const QString &sessionId, const HandoffStatus &status)
{
    m_sessionId = sessionId;
    m_failureKey = sessionId + u'/' + QString::number(status.finishedAt);
    if (sessionId.isEmpty() || status.state != HandoffState::Failed || m_dismissed.contains(m_failureKey))
        return setFailure({}, {});
    setFailure(failureText(status.platform, desktopReason(status.error)), status.platform);
}

void HandoffPresenter::dismissFailure()
{
    m_dismissed.insert(m_failureKey);
    setFailure({}, {});
}

void HandoffPresenter::ask(const QString &message)
{
    m_pending = message;
    Q_EMIT pendingMessageChanged();
    Q_EMIT takeBackAsked(message);
}

void HandoffPresenter::confirmTakeBack()
{
    const QString message = std::exchange(m_pending, {});
    Q_EMIT pendingMessageChanged();
    m_controller.takeBack();
    if (!message.isEmpty())
        m_controller.send(message);
}

void HandoffPresenter::cancelTakeBack()
{
    const QString message = std::exchange(m_pending, {});
    Q_EMIT pendingMessageChanged();
    Q_EMIT draftReturned(message);
}
