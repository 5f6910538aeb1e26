// SPDX-License-Identifier: GPL-3.0-or-later
#include "handoffwatcher.h"

#include "handoffexecutor.h"
#include "handoffpoke.h"
#include "ipc/locallistener.h"
#include "store/database.h"
#include "store/handoffstore.h"
#include "store/processidentity.h"
#include "store/storewatcher.h"

#include <QDateTime>
#include <QDir>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcWatcher, "baton.handoff", QtInfoMsg)

HandoffWatcher::HandoffWatcher(
    const AppPaths &paths, const QString &gatewayId, HandoffExecutor *executor, const Options &options, QObject *parent)
    : QObject(parent)
    , m_dataDir(paths.dataDir)
    , m_storeLocation(paths.storeLocation())
    , m_gatewayId(gatewayId)
    , m_executor(executor)
    , m_options(options)
    , m_pollTimer(new QTimer(this))
    , m_leaseTimer(new QTimer(this))
    , m_wakeTimer(new QTimer(this))
{
    m_pollTimer->setInterval(m_options.pollMs);
    m_wakeTimer->setSingleShot(true);
    m_wakeTimer->setInterval(0);
    connect(m_wakeTimer, &QTimer::timeout, this, &HandoffWatcher::wake);
    m_leaseTimer->setInterval(m_options.leaseRefreshMs);
    connect(m_pollTimer, &QTimer::timeout, this, &HandoffWatcher::poll);
    connect(m_leaseTimer, &QTimer::timeout, this, &HandoffWatcher::refreshLeases);
    // Queued: the executor may live on another thread, and its answer must never re-enter poll().
    connect(executor, &HandoffExecutor::executed, this, &HandoffWatcher::onExecuted, Qt::QueuedConnection);
}

HandoffWatcher::~HandoffWatcher()
{
    stop();
    delete m_storeWatcher; // it listens on m_db's connection, which goes first otherwise
}

void HandoffWatcher::start()
{
    m_db = std::make_unique<Database>();
    if (!m_db->open(m_storeLocation)) {
        m_error = m_db->errorString();
        Q_EMIT started(false, m_error);
        return;
    }
    m_store = std::make_unique<HandoffStore>(*m_db);

    QStringList deadClaimers = m_store->runningClaimers();
    deadClaimers.removeIf(
        [this](const QString &claimer) { return claimer == m_gatewayId || !ProcessIdentity::isDead(claimer); });
    const QStringList stranded = m_store->reclaimExpired(QDateTime::currentMSecsSinceEpoch(), deadClaimers);
    if (!stranded.isEmpty()) {
        qCInfo(lcWatcher) << "failed" << stranded.size() << "handoff(s) left running by a stopped gateway";
        Q_EMIT reclaimed(stranded);
    }
    listenForPokes();
    watchStore();
    m_pollTimer->start(); // the lease timer runs only while there is work: an idle gateway sleeps
    Q_EMIT started(true, {});
    poll();
}

void HandoffWatcher::listenForPokes()
{
    m_pokeServer = new LocalListener(this);
    // A socket file left by a crashed gateway would block the name; one gateway per data dir is
    // guaranteed by the gateway's lock, so whatever is there is stale.
    if (!m_pokeServer->listen(HandoffPoke::serverName(m_dataDir))) {
        qCWarning(lcWatcher).noquote() << "handoff requests will wait for the" << m_options.pollMs
                                       << "ms timer: cannot listen for pokes:" << m_pokeServer->errorString();
        return;
    }
    // What the poke says does not matter: every pending row is looked at.
    connect(m_pokeServer, &LocalListener::received, this, &HandoffWatcher::wake);
}

void HandoffWatcher::watchStore()
{
    if (m_db->dialect() != SqlDialect::Postgres)
        return; // SQLite: every requester is on this machine and pokes
    m_storeWatcher = new StoreWatcher(*m_db, m_options.pollMs, this);
    if (!m_storeWatcher->isListening()) {
        qCWarning(lcWatcher).noquote() << "handoff requests from other machines will wait for the" << m_options.pollMs
                                       << "ms timer: the store does not take LISTEN";
        return;
    }
    // Any committed change of another connection: a handoff request or an outbox row among them
    // is then found within milliseconds, from whichever machine it came.
    connect(m_storeWatcher, &StoreWatcher::changedElsewhere, m_wakeTimer, qOverload<>(&QTimer::start));
}

void HandoffWatcher::wake()
{
    if (!m_pollTimer->isActive())
        return; // stopped or paused: resume() looks again
    Q_EMIT poked();
    poll();
}

void HandoffWatcher::stop()
{
    m_pollTimer->stop();
    m_leaseTimer->stop();
    m_wakeTimer->stop();
    if (m_pokeServer) {
        delete m_pokeServer;
        m_pokeServer = nullptr;
    }
}

void HandoffWatcher::resume()
{
    if (!m_store || m_pollTimer->isActive())
        return;
    listenForPokes();
    m_pollTimer->start();
    poll();
}

void HandoffWatcher::poll()
{
    if (!m_store)
        return;
    const QList<HandoffStore::PendingHandoff> pending = m_store->listPendingHandoffs();
    if (!m_store->errorString().isEmpty()) {
        qCWarning(lcWatcher).noquote() << m_store->errorString();
        return;
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const HandoffStore::PendingHandoff &row : pending) {
        if (m_inFlight.contains(row.sessionId) || m_orphaned.contains(row.sessionId))
            continue;
        if (m_onlyLed && !m_led.contains(row.platform))
            continue; // the platform's leader claims it, or fails it once nobody waits
        if (now - row.requestedAt > m_options.claimWaitMs) {
            failAbandoned(row, now);
            continue;
        }
        // Another gateway may win the claim: only the winner goes on.
        if (!m_store->claimHandoff(row.sessionId, m_gatewayId, m_options.leaseMs))
            continue;
        m_inFlight.insert(row.sessionId);
        if (!m_leaseTimer->isActive())
            m_leaseTimer->start();
        qCInfo(lcWatcher).noquote() << "claimed handoff of" << row.sessionId << "to" << row.platform;
        Q_EMIT handoffClaimed(row.sessionId, row.platform);
        QMetaObject::invokeMethod(
            m_executor, "execute", Qt::QueuedConnection, Q_ARG(QString, row.sessionId), Q_ARG(QString, row.platform));
    }
}

void HandoffWatcher::setLedPlatforms(const QStringList &platforms)
{
    m_onlyLed = true;
    const QSet<QString> led(platforms.cbegin(), platforms.cend());
    const bool more = !(led - m_led).isEmpty();
    m_led = led;
    // A handoff may be waiting for the platform this gateway just took over.
    if (more && m_pollTimer->isActive())
        poll();
}

void HandoffWatcher::failAbandoned(const HandoffStore::PendingHandoff &row, qint64 now)
{
    // Its requester gave up (or was killed) long ago: carried out now, it would move a conversation
    // nobody is waiting to see move.
    const QString error = tr("this handoff was requested %1 s ago and nobody waits for it any more (a requester "
                             "waits %2 s); run the handoff again")
                              .arg((now - row.requestedAt) / 1000)
                              .arg(m_options.claimWaitMs / 1000);
    if (!m_store->failHandoff(row.sessionId, error, { HandoffState::Pending }))
        return; // claimed or failed meanwhile
    qCInfo(lcWatcher).noquote() << "failed the abandoned handoff request of" << row.sessionId;
    Q_EMIT handoffFinished(row.sessionId, false, error);
}

void HandoffWatcher::onExecuted(const QString &sessionId, const QString &destination, const QString &error)
{
    if (m_orphaned.remove(sessionId) || !m_inFlight.remove(sessionId))
        return;
    const bool done = error.isEmpty() ? m_store->completeHandoff(sessionId, m_gatewayId, destination)
                                      : m_store->failOwnedHandoff(sessionId, m_gatewayId, error);
    if (!done) {
        // The lease ran out and the row was failed or taken over meanwhile: it is not ours to write.
        qCWarning(lcWatcher).noquote() << "handoff of" << sessionId << "was no longer ours when it finished";
        Q_EMIT handoffLost(sessionId);
        return;
    }
    qCInfo(lcWatcher).noquote() << "handoff of" << sessionId << (error.isEmpty() ? "completed" : "failed");
    Q_EMIT handoffFinished(sessionId, error.isEmpty(), error.isEmpty() ? destination : error);
}

void HandoffWatcher::refreshLeases()
{
    if (m_inFlight.isEmpty() && m_orphaned.isEmpty()) {
        m_leaseTimer->stop();
        return;
    }
    const QSet<QString> inFlight = m_inFlight;
    for (const QString &sessionId : inFlight) {
        if (m_store->refreshLease(sessionId, m_gatewayId, m_options.leaseMs))
            continue;
        m_inFlight.remove(sessionId);
        m_orphaned.insert(sessionId);
        qCWarning(lcWatcher).noquote() << "lost the lease on the handoff of" << sessionId;
        Q_EMIT handoffLost(sessionId);
    }
}
