// SPDX-License-Identifier: GPL-3.0-or-later
#include "awayfromdesk.h"

#include "awaysettings.h"
#include "chatcontroller.h"
#include "gateway/gateway.h"
#include "gateway/sessionsource.h"
#include "screenlockwatcher.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QTimer>
#include <QWindow>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcAway, "baton.away", QtInfoMsg)

namespace {
const QString askTag = u"ask:"_s;
const QString backTag = u"back:"_s;
const QString handOffKey = u"handoff"_s;
const QString takeBackKey = u"take-back"_s;
} // namespace

AwayFromDesk::AwayFromDesk(ChatController &controller, AwaySettings &settings, QObject *parent)
    : QObject(parent)
    , m_controller(controller)
    , m_settings(settings)
    , m_lock(new ScreenLockWatcher(this))
    , m_notifier(new DesktopNotifier(this))
    , m_inhibitor(new SleepInhibitor(this))
    , m_sleepGrace(new QTimer(this))
{
    m_sleepGrace->setSingleShot(true);
    m_sleepGrace->setInterval(sleepGraceMs);
    connect(m_sleepGrace, &QTimer::timeout, m_inhibitor, &SleepInhibitor::releaseForSleep);
    connect(m_lock, &ScreenLockWatcher::lockedChanged, this, &AwayFromDesk::onLockedChanged);
    connect(m_lock, &ScreenLockWatcher::available, &m_settings, [this] { m_settings.setLockUnavailable({}); });
    connect(m_lock, &ScreenLockWatcher::unavailable, &m_settings, &AwaySettings::setLockUnavailable);
    connect(
        m_notifier, &DesktopNotifier::available, &m_settings, [this] { m_settings.setNotificationsUnavailable({}); });
    connect(m_notifier, &DesktopNotifier::unavailable, &m_settings, &AwaySettings::setNotificationsUnavailable);
    connect(m_notifier, &DesktopNotifier::actionInvoked, this, &AwayFromDesk::onAction);
    connect(m_inhibitor, &SleepInhibitor::unavailable, &m_settings, &AwaySettings::setSleepUnavailable);
    connect(m_inhibitor, &SleepInhibitor::heldChanged, &m_settings, [this] {
        if (m_inhibitor->held() != SleepInhibitor::Mode::None)
            m_settings.setSleepUnavailable({});
    });
    connect(m_inhibitor, &SleepInhibitor::aboutToSleep, this, &AwayFromDesk::onAboutToSleep);
    connect(m_inhibitor, &SleepInhibitor::woke, this, &AwayFromDesk::onWoke);
    // Whether a conversation lives on a platform changes with handoffs, Take back and the settings.
    connect(&m_controller, &ChatController::handoffChanged, this, &AwayFromDesk::updateInhibitor);
    connect(&m_controller, &ChatController::takenBack, this, &AwayFromDesk::updateInhibitor);
    connect(&m_controller, &ChatController::replyFinished, this, &AwayFromDesk::onReplyFinished);
    connect(&m_settings, &AwaySettings::changed, this, &AwayFromDesk::updateInhibitor);
}

void AwayFromDesk::start()
{
    m_lock->start();
    m_notifier->start();
    m_inhibitor->start();
    updateInhibitor();
}

void AwayFromDesk::setGateway(Gateway *gateway)
{
    if (m_gateway)
        disconnect(m_gateway, nullptr, this, nullptr);
    m_gateway = gateway;
    if (gateway) {
        connect(gateway, &Gateway::messageStored, this, &AwayFromDesk::onPhoneMessage);
        connect(gateway, &Gateway::turnDelivered, this, &AwayFromDesk::onPhoneReply);
    }
    updateInhibitor();
}

QString AwayFromDesk::platformForHandoff() const
{
    const QStringList ready = m_controller.handoffPlatforms();
    const QString chosen = m_settings.platform();
    if (!chosen.isEmpty())
        return ready.contains(chosen) ? chosen : QString();
    return ready.value(0);
}

void AwayFromDesk::onLockedChanged(bool locked)
{
    if (!locked)
        return offerTakeBack();
    m_lockedAtMs = QDateTime::currentMSecsSinceEpoch();
    const Settings::Away away = m_settings.values();
    if (away.onLock == Settings::Away::OnLock::Nothing)
        return;
    const QString sessionId = m_controller.activeSession(away.activeMinutes);
    if (sessionId.isEmpty() || !m_controller.livePlatform().isEmpty())
        return; // nothing in use, or it is on the phone already
    const QString platform = platformForHandoff();
    if (platform.isEmpty()) {
        qCInfo(lcAway) << "the screen locked, but no platform is ready for handoffs";
        return;
    }
    if (away.onLock == Settings::Away::OnLock::HandOff) {
        qCInfo(lcAway).noquote() << "the screen locked: handing off" << sessionId << "to" << platform;
        return handOff(sessionId, platform);
    }
    m_notifier->notify(askTag + sessionId + u':' + platform, tr("Continue on your phone?"),
        tr("“%1” can go on in %2 while you are away.").arg(m_controller.title(), ChatController::displayName(platform)),
        { { handOffKey, tr("Hand off to phone") } });
}

void AwayFromDesk::handOff(const QString &sessionId, const QString &platform)
{
    // The window's own path: a reply in flight is handed off when it ends.
    m_controller.openSession(sessionId);
    m_controller.handOff(platform);
}

void AwayFromDesk::offerTakeBack()
{
    if (m_lockedAtMs == 0)
        return;
    const qint64 since = std::exchange(m_lockedAtMs, 0);
    QString bestId;
    QString bestLine;
    int best = 0;
    for (const Session &session : m_controller.liveSessions()) {
        const int count = m_controller.phoneMessagesSince(session.id, since);
        if (count == 0)
            continue;
        // No English plural forms are compiled in: the two cases are two sentences.
        const QString platform = ChatController::displayName(session.handoff.platform);
        const QString line = count == 1 ? tr("1 message on %1").arg(platform)
                                        : tr("%1 messages on %2").arg(QString::number(count), platform);
        qCInfo(lcAway).noquote() << "while the screen was locked:" << line << "in" << session.id;
        // The open conversation first, then the busiest.
        if (bestId.isEmpty() || session.id == m_controller.sessionId()
            || (bestId != m_controller.sessionId() && count > best)) {
            bestId = session.id;
            bestLine = line;
            best = count;
        }
    }
    if (bestId.isEmpty())
        return;
    // The banner belongs to the open conversation: show the one the phone wrote in, unless the
    // window is busy with another.
    if (bestId != m_controller.sessionId() && !m_controller.busy())
        m_controller.openSession(bestId);
    if (bestId == m_controller.sessionId())
        m_controller.setAwayNote(bestLine);
    m_notifier->notify(backTag + bestId, tr("Take back “%1”?").arg(m_controller.title()), bestLine,
        { { takeBackKey, tr("Take back") } });
}

void AwayFromDesk::onAction(const QString &tag, const QString &key)
{
    if (tag.startsWith(askTag) && key == handOffKey) {
        const QStringList parts = tag.sliced(askTag.size()).split(u':');
        return handOff(parts.value(0), parts.value(1));
    }
    if (tag.startsWith(backTag) && key == takeBackKey) {
        m_controller.openSession(tag.sliced(backTag.size()));
        m_controller.takeBack();
    }
}

bool AwayFromDesk::isLive(const QString &sessionId) const
{
    const QList<Session> live = m_controller.liveSessions();
    return std::any_of(live.cbegin(), live.cend(), [&](const Session &s) { return s.id == sessionId; });
}

void AwayFromDesk::updateInhibitor()
{
    SleepInhibitor::Mode mode = SleepInhibitor::Mode::None;
    if (m_gateway && !m_controller.liveSessions().isEmpty())
        mode = m_settings.keepAwake() ? SleepInhibitor::Mode::Block : SleepInhibitor::Mode::Delay;
    m_inhibitor->setMode(mode);
}

void AwayFromDesk::onAboutToSleep()
{
    if (!m_gateway)
        return m_inhibitor->releaseForSleep();
    for (const Session &session : m_controller.liveSessions()) {
        if (const auto place = SessionSource::fromSessionKey(session.handoff.destination))
            m_gateway->postNotice(*place, session.id,
                tr("The computer that runs Baton is going to sleep; answers resume when it wakes."));
    }
    // Replies checkpoint as they stream; those that end within the grace end before the sleep.
    if (!m_gateway->isBusy())
        return m_inhibitor->releaseForSleep();
    connect(m_gateway, &Gateway::idle, m_inhibitor, &SleepInhibitor::releaseForSleep, Qt::SingleShotConnection);
    m_sleepGrace->start();
}

void AwayFromDesk::onWoke()
{
    m_sleepGrace->stop();
    if (m_gateway) {
        qCInfo(lcAway) << "awake again: every platform connects at once";
        m_gateway->reconnectAll();
    }
}

bool AwayFromDesk::showing(const QString &sessionId) const
{
    return m_window && m_window->isVisible() && m_window->isActive() && m_controller.sessionId() == sessionId
        && !m_lock->isLocked();
}

void AwayFromDesk::onPhoneMessage(const QString &sessionId, const QString &platform, const QString &text)
{
    if (!m_settings.notify() || showing(sessionId) || !isLive(sessionId))
        return;
    m_notifier->notify(backTag + sessionId, tr("New message on %1").arg(ChatController::displayName(platform)),
        text.left(200), { { takeBackKey, tr("Take back") } });
}

void AwayFromDesk::onPhoneReply(const QString &sessionId, const QString &error)
{
    if (!m_settings.notify() || !error.isEmpty() || showing(sessionId) || !isLive(sessionId))
        return;
    m_notifier->notify(backTag + sessionId, tr("Baton answered on your phone"),
        tr("The conversation goes on there; Take back continues it here."), { { takeBackKey, tr("Take back") } });
}

void AwayFromDesk::onReplyFinished(const QString &sessionId, const QString &error)
{
    if (!m_settings.notify() || showing(sessionId))
        return;
    m_notifier->notify(u"reply:"_s + sessionId, error.isEmpty() ? tr("The reply is ready") : tr("The reply failed"),
        !error.isEmpty()                            ? error
            : sessionId == m_controller.sessionId() ? m_controller.title()
                                                    : QString());
}
