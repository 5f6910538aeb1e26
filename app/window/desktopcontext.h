// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/apppaths.h"

#include <QObject>

#include <memory>

class Database;
class HandoffStore;
class LlmClient;
class PairingStore;
class QNetworkAccessManager;
class SessionStore;
class Settings;
class StoreWatcher;

/**
 * @brief What the window's parts share: baton.ini, one connection to state.db with its stores and
 * the watcher that notices other processes' writes, one network manager and the model client.
 *
 * The chat and the Settings page work on the same objects, so a saved setting or a write is seen
 * by both at once. It outlives every controller made on it.
 */
class DesktopContext : public QObject
{
    Q_OBJECT

public:
    explicit DesktopContext(const AppPaths &paths, QObject *parent = nullptr);
    ~DesktopContext() override;

    /// Reads baton.ini and opens state.db; false with errorText() when either cannot be used.
    /// Opening again after a success does nothing.
    [[nodiscard]] bool open();
    [[nodiscard]] bool isOpen() const { return m_sessions != nullptr; }
    [[nodiscard]] QString errorText() const { return m_error; }

    [[nodiscard]] const AppPaths &paths() const { return m_paths; }
    // The rest is there once open() succeeded.
    [[nodiscard]] Settings &settings() const { return *m_settings; }
    [[nodiscard]] Database &database() const { return *m_db; }
    [[nodiscard]] SessionStore &sessions() const { return *m_sessions; }
    [[nodiscard]] HandoffStore &handoffs() const { return *m_handoffs; }
    [[nodiscard]] PairingStore &pairing() const { return *m_pairing; }
    /// changedElsewhere(): the gateway, a terminal chat or `baton --no-gui` wrote through their own connection.
    [[nodiscard]] StoreWatcher *watcher() const { return m_watcher; }
    [[nodiscard]] QNetworkAccessManager *network() const { return m_network; }
    /// The model endpoint's client: the window's agent streams through it, the header lists models.
    [[nodiscard]] LlmClient *llm() const { return m_llm; }

private:
    AppPaths m_paths;
    QString m_error;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<SessionStore> m_sessions;
    std::unique_ptr<HandoffStore> m_handoffs;
    std::unique_ptr<PairingStore> m_pairing;
    StoreWatcher *m_watcher = nullptr;
    QNetworkAccessManager *m_network = nullptr;
    LlmClient *m_llm = nullptr;
};
