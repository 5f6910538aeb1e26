// SPDX-License-Identifier: GPL-3.0-or-later
#include "gatewayservice.h"

#include "agent/agent.h"
#include "agent/llmclient.h"
#include "config/platformcatalog.h"
#include "config/secretstore.h"
#include "gateway/gateway.h"
#include "gateway/outboxsender.h"
#include "gateway/platformadapter.h"
#include "gateway/platformleadership.h"
#include "handoff/handoffprocessor.h"
#include "handoff/handoffwaiter.h"
#include "handoff/handoffwatcher.h"
#include "store/commandledger.h"
#include "store/database.h"
#include "store/handoffstore.h"
#include "store/homechats.h"
#include "store/outboxstore.h"
#include "store/pairingstore.h"
#include "store/platformleases.h"
#include "store/processidentity.h"
#include "store/sessionkeystore.h"
#include "store/sessionowners.h"
#include "store/sessionstore.h"
#include "store/setupcodestore.h"

#include <QDir>
#include <QLockFile>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QThread>
#include <QTimer>

using namespace Qt::StringLiterals;

Q_DECLARE_LOGGING_CATEGORY(lcGateway)

GatewayService::GatewayService(const AppPaths &paths, AdapterFactory factory, QObject *parent)
    : QObject(parent)
    , m_paths(paths)
    , m_factory(std::move(factory))
    , m_settings(paths.configFile)
{ }

GatewayService::~GatewayService()
{
    tearDown();
}

void GatewayService::stopWatcher()
{
    if (!m_watcherThread)
        return;
    m_watcherThread->quit();
    m_watcherThread->wait();
    delete std::exchange(m_watcherThread, nullptr);
    m_watcher = nullptr; // deleted when its thread finished
}

void GatewayService::tearDown()
{
    stopWatcher();
    // Everything that writes through the stores goes before them.
    delete std::exchange(m_processor, nullptr);
    delete std::exchange(m_leadership, nullptr);
    delete std::exchange(m_gateway, nullptr);
    qDeleteAll(std::exchange(m_adapters, {}));
    delete std::exchange(m_outbox, nullptr);
    delete std::exchange(m_agent, nullptr);
    delete std::exchange(m_llm, nullptr);
    delete std::exchange(m_network, nullptr);
    delete std::exchange(m_grace, nullptr);
    m_leases.reset();
    m_setupCodes.reset();
    m_homeChats.reset();
    m_commands.reset();
    m_outboxStore.reset();
    m_pairing.reset();
    m_owners.reset();
    m_keys.reset();
    m_sessions.reset();
    m_db.reset();
    m_secrets.clear();
    m_platforms.clear();
}

void GatewayService::restart(int graceMs)
{
    if (m_stopping)
        return; // already on its way down, for good or to come back
    m_restartWhenDown = true;
    qCInfo(lcGateway) << "restarting with the saved settings";
    stop(graceMs);
}

void GatewayService::start()
{
    if (!m_settings.errorString().isEmpty())
        return Q_EMIT started(false, m_settings.errorString());
    if (!QDir().mkpath(m_paths.dataDir))
        return Q_EMIT started(false, tr("cannot create the data directory %1").arg(m_paths.dataDir));

    // One gateway per data dir: two would answer every message twice.
    m_lock = std::make_unique<QLockFile>(QDir(m_paths.dataDir).filePath(u"gateway.lock"_s));
    m_lock->setStaleLockTime(0); // stale only when its process is gone, however long it has run
    if (!m_lock->tryLock(0)) {
        qint64 pid = 0;
        QString host, app;
        if (m_lock->error() == QLockFile::LockFailedError && m_lock->getLockInfo(&pid, &host, &app))
            return Q_EMIT started(false,
                tr("another gateway (process %1 on %2) already runs for %3; stop it first.")
                    .arg(pid)
                    .arg(host, m_paths.dataDir));
        return Q_EMIT started(false, tr("cannot take the gateway lock in %1.").arg(m_paths.dataDir));
    }

    m_db = std::make_unique<Database>();
    if (!m_db->open(m_paths.storeLocation()))
        return Q_EMIT started(false, m_db->errorString());
    m_sessions = std::make_unique<SessionStore>(*m_db);
    // A process killed mid-reply would otherwise leave its session refusing turns and handoffs.
    m_sessions->releaseAbandonedTurns();
    m_keys = std::make_unique<SessionKeyStore>(*m_db);
    m_pairing = std::make_unique<PairingStore>(*m_db);
    m_owners = std::make_unique<SessionOwners>(*m_db);
    m_outboxStore = std::make_unique<OutboxStore>(*m_db);
    m_commands = std::make_unique<CommandLedger>(*m_db);
    m_setupCodes = std::make_unique<SetupCodeStore>(*m_db);
    m_homeChats = std::make_unique<HomeChats>(*m_db);
    m_commands->forgetOlderThan(30LL * 24 * 3'600'000); // far longer than any platform replays

    if (!m_settings.gatewayEnabled())
        qCInfo(lcGateway) << "the gateway is disabled in the config ([gateway] enabled=false): handoffs only";
    for (const QString &platform : PlatformCatalog::names()) {
        if (m_settings.gatewayEnabled() && m_settings.platform(platform).enabled)
            m_platforms << platform;
    }
    if (m_platforms.isEmpty())
        qCWarning(lcGateway).noquote() << "no platform is enabled in" << m_settings.fileName()
                                       << "(set enabled=true under [telegram], say)";
    readSecrets();
}

void GatewayService::readSecrets()
{
    QStringList wanted { u"llm.api_key"_s };
    for (const QString &platform : std::as_const(m_platforms))
        wanted << PlatformCatalog::secrets(platform);
    auto *secrets = new SecretStore(this);
    auto remaining = std::make_shared<qsizetype>(wanted.size());
    connect(secrets, &SecretStore::readFinished, this,
        [this, secrets, remaining](const QString &name, const QString &value, const QString &error) {
            if (!error.isEmpty() && name != "llm.api_key"_L1)
                qCWarning(lcGateway).noquote() << name << ":" << error;
            m_secrets.insert(name, value);
            if (--*remaining == 0) {
                secrets->deleteLater();
                assemble();
            }
        });
    for (const QString &name : std::as_const(wanted))
        secrets->read(name);
}

void GatewayService::assemble()
{
    m_network = new QNetworkAccessManager(this);
    m_llm = new LlmClient(m_network, this);
    m_agent = new Agent(*m_sessions, *m_llm, this);
    m_agent->setConfig({ QUrl(m_settings.llmBaseUrl()), m_secrets.value(u"llm.api_key"_s), m_settings.model(),
        m_settings.systemPrompt(), m_settings.llmTimeoutSeconds() * 1000, m_settings.llmIncludeUsage() });
    m_outbox = new OutboxSender(*m_outboxStore, this);
    connect(m_outbox, &OutboxSender::undelivered, this, &GatewayService::deliveryFailed);
    m_gateway = new Gateway(
        { *m_sessions, *m_keys, *m_owners, *m_pairing, *m_outboxStore, *m_commands, *m_setupCodes, *m_homeChats },
        *m_outbox, *m_agent, m_settings);

    for (const QString &platform : std::as_const(m_platforms)) {
        const QString name = PlatformCatalog::displayName(platform);
        QHash<QString, QString> secrets;
        QString missing;
        for (const QString &secret : PlatformCatalog::secrets(platform)) {
            secrets.insert(secret, m_secrets.value(secret));
            if (missing.isEmpty() && m_secrets.value(secret).isEmpty())
                missing = secret;
        }
        if (!missing.isEmpty()) {
            qCWarning(lcGateway).noquote()
                << tr("%1 is enabled but has no %2: set it with `baton secret set %2` or %3.")
                       .arg(name, missing, SecretStore::environmentVariable(missing));
            continue;
        }
        PlatformAdapter *adapter = m_factory(platform, m_settings.platform(platform), secrets, m_network, nullptr);
        if (!adapter) {
            qCWarning(lcGateway).noquote() << tr("%1 is not available in this build yet.").arg(name);
            continue;
        }
        m_adapters << adapter;
        m_outbox->addAdapter(adapter);
        m_gateway->addAdapter(adapter);
    }

    // The watcher works on its own thread and connection: store work there never stalls the
    // event loop that keeps the platform connections alive.
    m_gatewayId = ProcessIdentity::current();
    m_processor = new HandoffProcessor(*m_gateway, *m_sessions, *m_keys, m_settings, this);
    m_processor->setHandoffs(new HandoffStore(*m_db, m_processor));
    HandoffWatcher::Options watching;
    watching.claimWaitMs = HandoffWaiter::Timeouts::fromEnvironment().claimMs;
    m_watcher = new HandoffWatcher(m_paths, m_gatewayId, m_processor, watching);
    m_watcherThread = new QThread(this);
    m_watcherThread->setObjectName(u"handoff-watcher"_s);
    m_watcher->moveToThread(m_watcherThread);
    // A store of its own (state.db in the data dir, the default) has one gateway, the holder of the
    // data dir's lock (start()). A store named in [store] url (PostgreSQL, or a state.db elsewhere) may be shared by
    // the gateways of several data dirs, on several machines: they take turns per platform.
    if (!m_paths.storeUrl.isEmpty()) {
        // Queued before start(): it claims nothing for a platform it does not lead.
        QMetaObject::invokeMethod(
            m_watcher, [watcher = m_watcher] { watcher->setLedPlatforms({}); }, Qt::QueuedConnection);
        leadPlatforms();
    } else {
        for (PlatformAdapter *adapter : std::as_const(m_adapters))
            adapter->start();
        m_gateway->answerInterrupted();
    }
    connect(m_watcherThread, &QThread::finished, m_watcher, &QObject::deleteLater);
    // A poke may also mean "I queued a message for a platform" (the window's Take back note).
    connect(m_watcher, &HandoffWatcher::poked, m_outbox, qOverload<>(&OutboxSender::pickUpPending));
    connect(m_watcher, &HandoffWatcher::started, this, [this](bool ok, const QString &error) {
        if (!ok)
            return Q_EMIT started(false, error);
        qCInfo(lcGateway).noquote() << "gateway" << m_gatewayId << "running for" << m_paths.dataDir;
        Q_EMIT started(true, {});
    });
    m_watcherThread->start();
    QMetaObject::invokeMethod(m_watcher, &HandoffWatcher::start, Qt::QueuedConnection);
}

void GatewayService::leadPlatforms()
{
    QStringList platforms;
    for (PlatformAdapter *adapter : std::as_const(m_adapters))
        platforms << adapter->name();
    m_leases = std::make_unique<PlatformLeases>(*m_db);
    m_leadership = new PlatformLeadership(
        *m_leases, m_gatewayId, platforms, PlatformLeadership::Options::fromEnvironment(), this);
    connect(m_leadership, &PlatformLeadership::acquired, this, &GatewayService::onLeadAcquired);
    connect(m_leadership, &PlatformLeadership::lost, this, &GatewayService::onLeadLost);
    m_leadership->start();
}

PlatformAdapter *GatewayService::adapterFor(const QString &platform) const
{
    for (PlatformAdapter *adapter : m_adapters) {
        if (adapter->name() == platform)
            return adapter;
    }
    return nullptr;
}

QList<PlatformAdapter *> GatewayService::connectable() const
{
    if (!m_leadership)
        return m_adapters;
    QList<PlatformAdapter *> led;
    for (PlatformAdapter *adapter : m_adapters) {
        if (m_leadership->leads(adapter->name()))
            led << adapter;
    }
    return led;
}

void GatewayService::onLeadAcquired(const QString &platform, const QString &previousHolder)
{
    PlatformAdapter *adapter = adapterFor(platform);
    if (!adapter || !m_gateway || m_stopping)
        return; // on its way down: the lease is given up with the others
    // The leader before us lost its lease, and with it the turns it was writing: their questions
    // are answered here, before the adapter is online, so that nothing of the cut drafts is sent.
    if (!previousHolder.isEmpty()) {
        const QStringList released = m_sessions->releaseTurnsOf(previousHolder);
        if (!m_sessions->errorString().isEmpty())
            qCWarning(lcGateway).noquote() << m_sessions->errorString();
        else if (!released.isEmpty())
            qCInfo(lcGateway).noquote() << "took over" << released.size() << "turn(s) from" << previousHolder;
    }
    m_sessions->releaseAbandonedTurns(); // and those of processes that died here meanwhile
    if (!m_sessions->errorString().isEmpty())
        qCWarning(lcGateway).noquote() << m_sessions->errorString();
    m_gateway->answerInterrupted(platform);
    if (!m_paused)
        adapter->start();
    tellWatcherWhatIsLed();
}

void GatewayService::tellWatcherWhatIsLed()
{
    if (m_watcher)
        QMetaObject::invokeMethod(
            m_watcher, [watcher = m_watcher, led = m_leadership->led()] { watcher->setLedPlatforms(led); },
            Qt::QueuedConnection);
}

void GatewayService::onLeadLost(const QString &platform, const QString &reason)
{
    qCWarning(lcGateway).noquote() << platform << "stops here:" << reason;
    if (PlatformAdapter *adapter = adapterFor(platform))
        adapter->stop();
    tellWatcherWhatIsLed();
}

void GatewayService::pause()
{
    if (m_paused || !m_gateway)
        return;
    m_paused = true;
    for (PlatformAdapter *adapter : std::as_const(m_adapters))
        adapter->stopReceiving();
    if (m_watcher)
        QMetaObject::invokeMethod(m_watcher, &HandoffWatcher::stop, Qt::QueuedConnection);
    qCInfo(lcGateway) << "gateway paused";
    Q_EMIT pausedChanged(true);
}

void GatewayService::resume()
{
    if (!m_paused || m_stopping)
        return;
    m_paused = false;
    for (PlatformAdapter *adapter : connectable())
        adapter->start();
    if (m_watcher)
        QMetaObject::invokeMethod(m_watcher, &HandoffWatcher::resume, Qt::QueuedConnection);
    qCInfo(lcGateway) << "gateway resumed";
    Q_EMIT pausedChanged(false);
}

void GatewayService::stop(int graceMs)
{
    if (m_stopping)
        return;
    m_stopping = true;
    if (!m_gateway) {
        // Not (fully) started: nothing is in flight.
        QTimer::singleShot(0, this, &GatewayService::shutDown);
        return;
    }
    for (PlatformAdapter *adapter : std::as_const(m_adapters))
        adapter->stopReceiving();
    if (m_watcher)
        QMetaObject::invokeMethod(m_watcher, &HandoffWatcher::stop, Qt::QueuedConnection);
    if (!m_gateway->isBusy()) {
        QTimer::singleShot(0, this, &GatewayService::shutDown);
        return;
    }
    qCInfo(lcGateway) << "finishing replies in flight (at most" << graceMs / 1000 << "s)";
    connect(m_gateway, &Gateway::idle, this, &GatewayService::shutDown, Qt::SingleShotConnection);
    m_grace = new QTimer(this);
    m_grace->setSingleShot(true);
    connect(m_grace, &QTimer::timeout, this, [this] {
        qCWarning(lcGateway) << "stopping with replies still in flight; they are answered again at the next start";
        m_agent->abandonAll();
        shutDown();
    });
    m_grace->start(graceMs);
}

void GatewayService::shutDown()
{
    if (m_down)
        return;
    m_down = true;
    if (m_grace)
        m_grace->stop();
    if (m_gateway)
        disconnect(m_gateway, &Gateway::idle, this, nullptr);
    for (PlatformAdapter *adapter : std::as_const(m_adapters))
        adapter->stop();
    // Given up only once nothing connects any more: a standby takes over at its next look.
    if (m_leadership)
        m_leadership->stop();
    stopWatcher();
    m_lock.reset();
    if (std::exchange(m_restartWhenDown, false)) {
        // Deleted from the event loop, not from inside a signal one of them may be emitting.
        QTimer::singleShot(0, this, [this] {
            tearDown();
            m_stopping = m_down = false;
            if (std::exchange(m_paused, false))
                Q_EMIT pausedChanged(false); // a new gateway starts taking messages
            m_settings.sync(); // what the Settings page wrote
            start();
        });
        return;
    }
    qCInfo(lcGateway) << "gateway stopped";
    Q_EMIT stopped();
}
