// SPDX-License-Identifier: GPL-3.0-or-later
#include "handoffprocessor.h"

#include "config/platformcatalog.h"
#include "config/settings.h"
#include "gateway/gateway.h"
#include "store/handoffstore.h"
#include "store/sessionkeystore.h"
#include "store/sessionstore.h"

#include <QDateTime>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;

Q_DECLARE_LOGGING_CATEGORY(lcWatcher)

HandoffProcessor::HandoffProcessor(
    Gateway &gateway, SessionStore &sessions, SessionKeyStore &keys, Settings &settings, QObject *parent)
    : HandoffExecutor(parent)
    , m_gateway(gateway)
    , m_sessions(sessions)
    , m_keys(keys)
    , m_settings(settings)
{
    connect(&m_gateway, &Gateway::turnDelivered, this, &HandoffProcessor::onTurnDelivered);
}

QString HandoffProcessor::syntheticTurnText(const QString &from, const QString &title)
{
    const QString surface = from == "cli"_L1 ? tr("the terminal")
        : from == "desktop"_L1               ? tr("the desktop window")
                                             : PlatformCatalog::displayName(from);
    return tr("[This conversation was just handed off from %1 ('%2'). The full history is above. Briefly confirm "
              "you are here and summarize where we were so the user can continue from this device.]")
        .arg(surface, title);
}

void HandoffProcessor::execute(const QString &sessionId, const QString &platform)
{
    const QString name = PlatformCatalog::displayName(platform);
    // Step 1: the home channel, as the config says now (/sethome may have changed it).
    m_settings.sync();
    const Settings::Platform config = m_settings.platform(platform);
    if (config.homeChat.isEmpty())
        return finish(
            sessionId, {}, tr("%1 has no home channel. Set one with /sethome in the destination chat.").arg(name));
    PlatformAdapter *adapter = m_gateway.adapter(platform);
    if (!adapter)
        return finish(sessionId, {},
            tr("%1 is not running in this gateway; enable it and set its token, then restart the gateway.").arg(name));
    if (adapter->state() == PlatformAdapter::State::Offline)
        return finish(sessionId, {}, tr("%1 is offline: %2").arg(name, adapter->stateReason()));
    const auto session = m_sessions.session(sessionId);
    if (!session)
        return finish(sessionId, {}, m_sessions.errorString());

    // Step 2: a fresh thread named after the conversation.
    Job job { platform, config.homeChat, config.homeThread, u"handoff-%1"_s.arg(++m_nextTag), {}, false };
    m_jobs.insert(sessionId, job);
    connect(adapter, &PlatformAdapter::threadCreated, this, &HandoffProcessor::onThreadCreated, Qt::UniqueConnection);
    const QString title = session->title.isEmpty() ? session->id.left(8) : session->title;
    adapter->createHandoffThread(job.tag, job.homeChat, u"Baton — %1"_s.arg(title));
}

QStringList HandoffProcessor::destinationKeys(const SessionSource &destination, const QStringList &owners)
{
    // In a group without threads each person has their own session (SessionSource::sessionKey()):
    // the handoff is the owners' conversation, so it continues under each owner's key there.
    if (destination.chatType == SessionSource::ChatType::Direct || !destination.threadId.isEmpty() || owners.isEmpty())
        return { destination.sessionKey() };
    QStringList keys;
    for (const QString &owner : owners) {
        SessionSource writer = destination;
        writer.userId = owner;
        keys << writer.sessionKey();
    }
    return keys;
}

void HandoffProcessor::onThreadCreated(const QString &tag, const QString &threadId, const QString &threadError)
{
    auto job = std::find_if(m_jobs.begin(), m_jobs.end(), [&tag](const Job &j) { return j.tag == tag; });
    if (job == m_jobs.end())
        return;
    const QString sessionId = job.key();
    PlatformAdapter *adapter = m_gateway.adapter(job->platform);
    if (!adapter)
        return finish(sessionId, {}, tr("the platform went away during the handoff"));
    // Only the platform's own "no threads here" sends the conversation to the home chat itself.
    if (!threadError.isEmpty())
        return finish(sessionId, {}, tr("%1; try the handoff again").arg(threadError));

    // Step 3: bind the destination with the adapter's own inbound key function, so the user's
    // next message there lands in this session.
    const bool freshThread = !threadId.isEmpty();
    const SessionSource destination = adapter->destination(job->homeChat, freshThread ? threadId : job->homeThread);
    const QStringList keys = destinationKeys(destination, m_settings.platform(job->platform).allowedUsers);
    if (!freshThread) {
        for (const QString &key : keys) {
            const auto bound = m_keys.binding(key);
            const auto other
                = bound && bound->sessionId != sessionId ? m_sessions.session(bound->sessionId) : std::nullopt;
            // A session /new just opened has said nothing yet: it frees the home chat.
            if (other && other->messageCount > 0
                && QDateTime::currentMSecsSinceEpoch() - other->updatedAt < homeInUseMs)
                return finish(sessionId, {},
                    tr("the home chat is in use by another conversation ('%1'); make the home a forum group "
                       "(or enable topics) so each handoff gets its own thread, or send /new there first")
                        .arg(other->title));
        }
    }
    for (const QString &key : keys) {
        if (!m_keys.bind(key, sessionId))
            return finish(sessionId, {}, m_keys.errorString());
    }
    job->destinationKey = keys.constFirst();
    qCInfo(lcWatcher).noquote() << "handoff of" << sessionId << "goes to" << keys.join(u", "_s);

    // Step 4: the synthetic turn against the full transcript, its reply delivered there.
    const auto session = m_sessions.session(sessionId);
    // The window may hand off a conversation the terminal began: the model hears where it was asked.
    const QString asked = m_handoffs ? m_handoffs->requestedFrom(sessionId) : QString();
    const QString text = syntheticTurnText(!asked.isEmpty() ? asked
            : session                                       ? session->origin
                                                            : QString(),
        session && !session->title.isEmpty() ? session->title : sessionId.left(8));
    QString error;
    if (!m_gateway.runInternalTurn(sessionId, destination, text, &error))
        return finish(sessionId, {}, error);
    job->turnRunning = true;
}

void HandoffProcessor::onTurnDelivered(const QString &sessionId, const QString &error)
{
    const auto job = m_jobs.constFind(sessionId);
    if (job == m_jobs.constEnd() || !job->turnRunning)
        return;
    // Step 5. An empty reply is still a handoff; an undeliverable one is not.
    finish(sessionId, job->destinationKey, error);
}

void HandoffProcessor::finish(QString sessionId, QString destination, QString error)
{
    // By value: the arguments may live in the job this removes.
    m_jobs.remove(sessionId);
    Q_EMIT executed(sessionId, destination, error);
}
