// SPDX-License-Identifier: GPL-3.0-or-later
#include "chatcontroller.h"
#include "text/plaintitle.h"

#include "agent/agent.h"
#include "agent/llmclient.h"
#include "config/platformcatalog.h"
#include "config/secretstore.h"
#include "config/settings.h"
#include "desktopcontext.h"
#include "gateway/sessionsource.h"
#include "handoff/handoffpoke.h"
#include "handoff/handoffvalidation.h"
#include "messagelistmodel.h"
#include "sessionactions.h"
#include "sessionlistmodel.h"
#include "store/handoffstore.h"
#include "store/outboxstore.h"
#include "store/sessionmarks.h"
#include "store/sessionstore.h"
#include "store/storewatcher.h"

#include <QClipboard>
#include <QDateTime>
#include <QGuiApplication>

using namespace Qt::StringLiterals;

ChatController::ChatController(DesktopContext &context, QObject *parent)
    : QObject(parent)
    , m_context(context)
{ }

ChatController::ChatController(const AppPaths &paths, QObject *parent)
    : QObject(parent)
    , m_ownContext(std::make_unique<DesktopContext>(paths))
    , m_context(*m_ownContext)
{ }

ChatController::~ChatController()
{
    // Everything that writes through the store goes before the context.
    delete m_actions; // a delete waiting for its undo time happens now, through the store
    delete m_waiter;
    delete m_progress;
    delete m_agent;
    delete m_sessionModel;
    delete m_messageModel;
}

bool ChatController::open()
{
    if (!m_context.open()) {
        setError(m_context.errorText());
        return false;
    }
    m_store = &m_context.sessions();
    m_handoffs = &m_context.handoffs();
    m_settings = &m_context.settings();
    m_store->releaseAbandonedTurns();
    m_marks = new SessionMarks(m_context.database(), this);
    m_sessionModel = new SessionListModel(*m_store, m_marks);
    m_messageModel = new MessageListModel(*m_store);
    m_actions = new SessionActions(*this, *m_store, *m_sessionModel, *m_settings);
    // The gateway, a terminal chat or `baton --no-gui` write through their own connections.
    connect(m_context.watcher(), &StoreWatcher::changedElsewhere, this, [this] {
        // What arrives in the open conversation is seen, unless Baton is in the background.
        if (!m_sessionId.isEmpty() && QGuiApplication::applicationState() == Qt::ApplicationActive)
            m_marks->markSeen(m_sessionId);
        m_sessionModel->refresh();
        m_messageModel->refresh();
        Q_EMIT sessionChanged();
        Q_EMIT busyChanged();
        Q_EMIT handoffChanged();
    });

    if (qGuiApp) {
        // Coming back to the window shows the open conversation: what arrived meanwhile is seen.
        connect(qGuiApp, &QGuiApplication::applicationStateChanged, this, [this](Qt::ApplicationState state) {
            if (state == Qt::ApplicationActive && !m_sessionId.isEmpty() && m_marks->markSeen(m_sessionId))
                m_sessionModel->refresh();
        });
    }

    m_agent = new Agent(*m_store, *m_context.llm());
    m_agent->setConfig({ QUrl(m_settings->llmBaseUrl()), {}, m_settings->model(), m_settings->systemPrompt(),
        m_settings->llmTimeoutSeconds() * 1000, m_settings->llmIncludeUsage() });
    connect(m_agent, &Agent::deltaReceived, this, [this](const QString &sessionId, const QString &text) {
        if (sessionId == m_sessionId)
            m_messageModel->appendDelta(m_agent->replyId(sessionId), text);
    });
    connect(m_agent, &Agent::reasoningReceived, this, [this](const QString &sessionId, const QString &text) {
        if (sessionId == m_sessionId)
            m_messageModel->appendReasoning(m_agent->replyId(sessionId), text);
    });
    connect(m_agent, &Agent::turnFinished, this, &ChatController::onTurnFinished);
    m_progress = new ReplyProgress(*m_agent);
    connect(this, &ChatController::sessionChanged, m_progress, [this] { m_progress->setSession(m_sessionId); });
    readApiKey();

    m_waiter = new HandoffWaiter(
        *m_store, *m_handoffs, *m_settings, m_context.paths().dataDir, HandoffWaiter::Timeouts::fromEnvironment());
    m_waiter->setRequester(u"desktop"_s);
    m_presenter = new HandoffPresenter(*this, *m_settings, this);
    m_hosts = new GatewayHosts(
        m_context.database(), m_context.watcher(), *m_settings, !m_context.paths().storeUrl.isEmpty(), this);
    connect(this, &ChatController::settingsChanged, m_hosts, &GatewayHosts::settingsChanged);
    m_presenter->setHosts(m_hosts);
    connect(m_waiter, &HandoffWaiter::progress, this, [this](const QString &sentence) {
        // The row says where it is: pending until a gateway claims it, then running.
        const auto status = m_handoffs->handoffState(m_sessionId);
        setHandoff(status && status->state == HandoffState::Running ? u"running"_s : u"pending"_s, sentence);
    });
    connect(m_waiter, &HandoffWaiter::finished, this, &ChatController::onHandoffFinished);
    connect(m_context.llm(), &LlmClient::modelsListed, this, &ChatController::onModelsListed);
    connect(m_context.llm(), &LlmClient::modelsFailed, this, &ChatController::setError);
    return true;
}

void ChatController::readApiKey()
{
    auto *secrets = new SecretStore(this);
    connect(secrets, &SecretStore::readFinished, this, [this, secrets](const QString &, const QString &key) {
        Agent::Config config = m_agent->config();
        config.apiKey = key;
        m_agent->setConfig(config);
        secrets->deleteLater();
    });
    secrets->read(u"llm.api_key"_s);
}

void ChatController::setError(const QString &sentence)
{
    if (sentence == m_error)
        return;
    m_error = sentence;
    Q_EMIT errorTextChanged();
}

void ChatController::setHandoff(const QString &state, const QString &text)
{
    m_handoffState = state;
    m_handoffText = text;
    Q_EMIT handoffChanged();
}

QString ChatController::title() const
{
    const auto session = m_sessionId.isEmpty() ? std::nullopt : m_store->session(m_sessionId);
    return session && !session->title.isEmpty() ? plainTitle(session->title) : tr("New chat");
}

bool ChatController::busy() const
{
    return !m_sessionId.isEmpty() && m_agent && m_agent->isRunning(m_sessionId);
}

QString ChatController::model() const
{
    return m_agent ? m_agent->config().model : QString();
}

QString ChatController::displayName(const QString &platform)
{
    return PlatformCatalog::displayName(platform);
}

void ChatController::copyText(const QString &text)
{
    QGuiApplication::clipboard()->setText(text);
}

QStringList ChatController::handoffPlatforms() const
{
    QStringList ready;
    for (const QString &platform : PlatformCatalog::names()) {
        if (HandoffValidation::check(*m_settings, platform).ok)
            ready << platform;
    }
    return ready;
}

QString ChatController::livePlatform() const
{
    return livePlatformOf(m_sessionId);
}

QString ChatController::livePlatformOf(const QString &sessionId) const
{
    if (sessionId.isEmpty())
        return {};
    const auto status = m_handoffs->handoffState(sessionId);
    return status && status->state == HandoffState::Completed && !isTakenBack(sessionId, *status) ? status->platform
                                                                                                  : QString();
}

bool ChatController::isTakenBack(const QString &sessionId, const HandoffStatus &status) const
{
    return !SessionMarks::livesOnPlatform(status, m_marks->marks(sessionId));
}

void ChatController::setAwayNote(const QString &note)
{
    if (note == m_awayNote)
        return;
    m_awayNote = note;
    Q_EMIT awayNoteChanged();
}

QString ChatController::activeSession(int minutes) const
{
    if (m_sessionId.isEmpty())
        return {};
    if (busy() || QDateTime::currentMSecsSinceEpoch() - m_lastUsedMs <= qint64(minutes) * 60'000)
        return m_sessionId;
    return {};
}

QList<Session> ChatController::liveSessions()
{
    // A handoff from weeks ago is not "on the phone" any more: only threads used in the last day count.
    const qint64 since = QDateTime::currentMSecsSinceEpoch() - 24 * 3600 * 1000LL;
    QList<Session> live;
    // Newest first: those past the few hundred most recent were not active in the last day anyway.
    for (const Session &session : m_store->sessions(200)) {
        if (session.handoff.state == HandoffState::Completed && !isTakenBack(session.id, session.handoff)
            && std::max(session.updatedAt, session.handoff.finishedAt) >= since)
            live << session;
    }
    return live;
}

int ChatController::phoneMessagesSince(const QString &sessionId, qint64 sinceMs)
{
    int count = 0;
    for (const Message &m : m_store->transcript(sessionId, false)) {
        if (m.role == MessageRole::User && !m.platform.isEmpty() && m.createdAt >= sinceMs)
            ++count;
    }
    return count;
}

void ChatController::newChat()
{
    cancelEdit();
    m_sessionId.clear();
    m_messageModel->setSession({});
    setHandoff({}, {});
    m_presenter->showSession({}, {});
    setError({});
    Q_EMIT sessionChanged();
    Q_EMIT busyChanged();
}

void ChatController::openSession(const QString &sessionId)
{
    if (sessionId == m_sessionId)
        return;
    cancelEdit();
    m_sessionId = sessionId;
    m_lastUsedMs = 0;
    setAwayNote({});
    m_messageModel->setSession(sessionId);
    setHandoff({}, {});
    m_presenter->showSession(sessionId, m_handoffs->handoffState(sessionId).value_or(HandoffStatus {}));
    if (m_marks->markSeen(sessionId))
        m_sessionModel->refresh(); // its unread mark goes
    setError({});
    Q_EMIT sessionChanged();
    Q_EMIT busyChanged();
}

void ChatController::send(const QString &text)
{
    const QString message = text.trimmed();
    if (message.isEmpty())
        return;
    if (!livePlatform().isEmpty())
        return m_presenter->ask(message); // it lives on a platform: asked before taking it back
    setError({});
    if (m_editingId != 0)
        return resendEdited(message);
    if (m_sessionId.isEmpty()) {
        m_sessionId = m_store->createSession({}, u"desktop"_s);
        if (m_sessionId.isEmpty())
            return setError(m_store->errorString());
        m_messageModel->setSession(m_sessionId);
        Q_EMIT sessionChanged();
    }
    Message user;
    user.content = message;
    if (!m_agent->startTurn(m_sessionId, user))
        return setError(m_agent->errorString());
    m_lastUsedMs = QDateTime::currentMSecsSinceEpoch();
    setAwayNote({});
    Q_EMIT busyChanged();
    Q_EMIT sessionChanged();
    Q_EMIT handoffChanged();
}

void ChatController::stop()
{
    if (!m_sessionId.isEmpty())
        m_agent->cancel(m_sessionId);
}

void ChatController::onTurnFinished(const QString &sessionId, qint64, MessageStatus status, const QString &error)
{
    Q_EMIT replyFinished(sessionId, status == MessageStatus::Error ? error : QString());
    if (sessionId != m_sessionId)
        return;
    m_lastUsedMs = QDateTime::currentMSecsSinceEpoch();
    Q_EMIT busyChanged();
    // A failed reply shows its sentence in its own bubble, with Retry: never a second time here.
    if (status == MessageStatus::Complete && !error.isEmpty()) // the reply came, but could not be stored
        setError(error);
    if (!m_queuedHandoff.isEmpty())
        startHandoff(std::exchange(m_queuedHandoff, {}));
}

void ChatController::handOff(const QString &platform)
{
    if (m_sessionId.isEmpty())
        return setError(tr("Nothing to hand off yet: say something first."));
    if (m_waiter->isWaiting())
        return;
    if (busy()) {
        // The reference refuses mid-reply; the window waits for the reply instead.
        m_queuedHandoff = platform;
        return setHandoff(u"queued"_s, tr("Handing off to %1 when this reply is finished…").arg(displayName(platform)));
    }
    startHandoff(platform);
}

void ChatController::startHandoff(const QString &platform)
{
    setHandoff(u"pending"_s, tr("Waiting for the gateway…"));
    m_presenter->showSession(m_sessionId, {}); // an earlier failure no longer holds
    m_lastHandoffPlatform = platform;
    m_waiter->start(m_sessionId, platform);
}

void ChatController::onHandoffFinished(
    HandoffWaiter::Outcome outcome, const QString &sentence, const HandoffStatus &status)
{
    const bool completed = outcome == HandoffWaiter::Outcome::Completed;
    const QString platform = status.platform.isEmpty() ? m_lastHandoffPlatform : status.platform;
    setHandoff(completed ? u"completed"_s : u"failed"_s, m_presenter->finished(platform, outcome, sentence, status));
    m_sessionModel->refresh();
}

void ChatController::setModel(const QString &model)
{
    const QString name = model.trimmed();
    if (name.isEmpty() || name == m_agent->config().model)
        return;
    Agent::Config config = m_agent->config();
    config.model = name;
    m_agent->setConfig(config);
    m_settings->setModel(name);
    m_settings->sync();
    Q_EMIT modelChanged();
}

void ChatController::refreshModels()
{
    m_context.llm()->listModels(m_agent->config().baseUrl.toString(), m_agent->config().apiKey);
}

void ChatController::onModelsListed(const QStringList &ids)
{
    QStringList names = ids;
    if (!names.contains(model()))
        names.prepend(model()); // the one in use stays on offer, whatever the server lists
    names.removeAll(QString());
    if (names != m_models) {
        m_models = names;
        Q_EMIT modelsChanged();
    }
}

void ChatController::reloadSettings()
{
    m_settings->sync();
    Agent::Config config = m_agent->config();
    config.baseUrl = QUrl(m_settings->llmBaseUrl());
    config.model = m_settings->model();
    config.systemPrompt = m_settings->systemPrompt();
    config.timeoutMs = m_settings->llmTimeoutSeconds() * 1000;
    m_agent->setConfig(config);
    readApiKey(); // a new one may be in the keychain now (the environment still wins)
    setError({}); // what failed was about the settings before
    Q_EMIT modelChanged();
    Q_EMIT settingsChanged();
}

void ChatController::takeBack()
{
    if (m_sessionId.isEmpty())
        return;
    const auto status = m_handoffs->handoffState(m_sessionId);
    if (!m_marks->markTakenBack(m_sessionId))
        setError(m_marks->errorString());
    m_sessionModel->refresh(); // the sidebar no longer names the platform
    m_presenter->showSession(m_sessionId, {});
    m_lastUsedMs = QDateTime::currentMSecsSinceEpoch();
    setHandoff({}, {});
    setAwayNote({});
    Q_EMIT takenBack(m_sessionId);
    if (!status || status->state != HandoffState::Completed)
        return;
    // A word in the thread, so the phone knows where the conversation went. The gateway sends it
    // through its outbox; the poke wakes it (in this process or in `baton --no-gui`).
    const auto place = SessionSource::fromSessionKey(status->destination);
    if (!place)
        return;
    OutboxStore::Item note;
    note.sessionId = m_sessionId;
    note.platform = place->platform;
    note.chat = place->chatId;
    note.thread = place->threadId;
    note.content = tr("Continuing on the desktop. Write here to pick the conversation up again.");
    OutboxStore outbox(m_context.database());
    if (outbox.enqueue(note) == 0)
        return setError(outbox.errorString());
    HandoffPoke::send(m_context.paths().dataDir, m_sessionId, this);
}
