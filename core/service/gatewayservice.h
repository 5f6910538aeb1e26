// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/apppaths.h"
#include "config/settings.h"

#include <QHash>
#include <QObject>

#include <functional>
#include <memory>

class Agent;
class Database;
class Gateway;
class HandoffProcessor;
class HandoffWatcher;
class LlmClient;
class OutboxSender;
class CommandLedger;
class OutboxStore;
class PairingStore;
class SessionOwners;
class PlatformAdapter;
class PlatformLeadership;
class PlatformLeases;
class QLockFile;
class QNetworkAccessManager;
class QThread;
class QTimer;
class SessionKeyStore;
class SessionStore;
class HomeChats;
class SetupCodeStore;

/**
 * @brief The whole gateway of one data dir, assembled and run: the store, the agent, the enabled
 * platforms' adapters, the outbox, and the handoff watcher on a thread of its own.
 *
 * One per data dir (a lock file says which process holds it). `baton --no-gui` runs one; the
 * window will run one inside. stop() finishes in-flight replies within a bound, then stops.
 * Several may share one store named in [store] url (each with its own data dir): then each
 * platform is connected by one of them at a time, its leader, and the others stand by.
 */
class GatewayService : public QObject
{
    Q_OBJECT

public:
    /// Makes the adapter for @p platform from its config section and its secrets (by name, as
    /// PlatformCatalog::secrets() lists them), or nullptr when this build has none for it.
    using AdapterFactory = std::function<PlatformAdapter *(const QString &platform, const Settings::Platform &config,
        const QHash<QString, QString> &secrets, QNetworkAccessManager *network, QObject *parent)>;

    GatewayService(const AppPaths &paths, AdapterFactory factory, QObject *parent = nullptr);
    ~GatewayService() override;

    /// Takes the lock, opens the store, reads the secrets, starts everything; started() follows.
    void start();
    /// Stops taking messages, lets running replies finish (at most @p graceMs), then stops
    /// everything; stopped() follows.
    void stop(int graceMs = 10'000);

    /// Stops as stop() does, then starts again with the config and secrets as they are now (the
    /// window's Settings page saved a platform); started() follows instead of stopped().
    void restart(int graceMs = 10'000);

    /// Stops taking messages and handoffs, sends what is still queued; resume() picks up again.
    void pause();
    void resume();
    [[nodiscard]] bool isPaused() const { return m_paused; }
    [[nodiscard]] PairingStore *pairing() const { return m_pairing.get(); }

    [[nodiscard]] QString gatewayId() const { return m_gatewayId; }
    [[nodiscard]] Gateway *gateway() const { return m_gateway; }

Q_SIGNALS:
    void started(bool ok, const QString &error);
    void pausedChanged(bool paused);
    void stopped();
    /// An outgoing message on @p platform will never arrive; @p sentence says why.
    void deliveryFailed(const QString &platform, const QString &sentence);

private:
    void readSecrets();
    void assemble();
    void shutDown();
    /// Ends the handoff watcher's thread and waits for it.
    void stopWatcher();
    /// Deletes everything start() made, in the order the stores need; the lock is already gone.
    void tearDown();
    /// On a store named in [store] url, which several gateways may share: each platform's adapter
    /// runs only while this gateway leads it (PlatformLeadership).
    void leadPlatforms();
    void onLeadAcquired(const QString &platform, const QString &previousHolder);
    void onLeadLost(const QString &platform, const QString &reason);
    void tellWatcherWhatIsLed();
    /// The adapters that may connect now: all of them, or on a shared store the ones led.
    [[nodiscard]] QList<PlatformAdapter *> connectable() const;
    [[nodiscard]] PlatformAdapter *adapterFor(const QString &platform) const;

    AppPaths m_paths;
    AdapterFactory m_factory;
    Settings m_settings;
    std::unique_ptr<QLockFile> m_lock;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<SessionStore> m_sessions;
    std::unique_ptr<SessionKeyStore> m_keys;
    std::unique_ptr<PairingStore> m_pairing;
    std::unique_ptr<SessionOwners> m_owners;
    std::unique_ptr<OutboxStore> m_outboxStore;
    std::unique_ptr<CommandLedger> m_commands;
    std::unique_ptr<SetupCodeStore> m_setupCodes;
    std::unique_ptr<HomeChats> m_homeChats;
    std::unique_ptr<PlatformLeases> m_leases;
    QHash<QString, QString> m_secrets;
    QStringList m_platforms; // enabled in the config
    QString m_gatewayId;
    QNetworkAccessManager *m_network = nullptr;
    LlmClient *m_llm = nullptr;
    Agent *m_agent = nullptr;
    OutboxSender *m_outbox = nullptr;
    Gateway *m_gateway = nullptr;
    HandoffProcessor *m_processor = nullptr;
    HandoffWatcher *m_watcher = nullptr;
    QThread *m_watcherThread = nullptr;
    QList<PlatformAdapter *> m_adapters;
    PlatformLeadership *m_leadership = nullptr; // only on a store that may be shared
    QTimer *m_grace = nullptr;
    bool m_stopping = false;
    bool m_down = false;
    bool m_paused = false;
    bool m_restartWhenDown = false;
};
