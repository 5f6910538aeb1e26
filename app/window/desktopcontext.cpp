// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktopcontext.h"

#include "agent/llmclient.h"
#include "config/settings.h"
#include "store/database.h"
#include "store/handoffstore.h"
#include "store/pairingstore.h"
#include "store/sessionstore.h"
#include "store/storewatcher.h"

#include <QNetworkAccessManager>

DesktopContext::DesktopContext(const AppPaths &paths, QObject *parent)
    : QObject(parent)
    , m_paths(paths)
    , m_network(new QNetworkAccessManager(this))
    , m_llm(new LlmClient(m_network, this))
{ }

DesktopContext::~DesktopContext()
{
    // The watcher and the stores work through the connection: they go first.
    delete m_watcher;
    m_pairing.reset();
    m_handoffs.reset();
    m_sessions.reset();
    m_db.reset();
}

bool DesktopContext::open()
{
    if (isOpen())
        return true;
    auto settings = std::make_unique<Settings>(m_paths.configFile);
    if (!settings->errorString().isEmpty()) {
        m_error = settings->errorString();
        return false;
    }
    auto db = std::make_unique<Database>();
    if (!db->open(m_paths.storeLocation())) {
        m_error = db->errorString();
        return false;
    }
    m_settings = std::move(settings);
    m_db = std::move(db);
    m_handoffs = std::make_unique<HandoffStore>(*m_db);
    m_pairing = std::make_unique<PairingStore>(*m_db);
    m_watcher = new StoreWatcher(*m_db, 500);
    m_sessions = std::make_unique<SessionStore>(*m_db);
    m_error.clear();
    return true;
}
