// SPDX-License-Identifier: GPL-3.0-or-later
#include "settingscontroller.h"

#include "agent/llmclient.h"
#include "config/connectioncheck.h"
#include "config/platformcatalog.h"
#include "config/secretstore.h"
#include "config/settings.h"
#include "desktopcontext.h"
#include "setupcontroller.h"
#include "store/pairingstore.h"
#include "store/storewatcher.h"

#include <QDateTime>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

SettingsController::SettingsController(const AppPaths &paths, QObject *parent)
    : SettingsController(*new DesktopContext(paths), parent)
{
    m_ownContext.reset(&m_context);
}

SettingsController::SettingsController(DesktopContext &context, QObject *parent)
    : QObject(parent)
    , m_context(context)
    // Its own client: a test's answer must not reach the window's model picker.
    , m_check(new ConnectionCheck(context.network(), this))
    , m_llm(new LlmClient(context.network(), this))
    , m_away(new AwaySettings(context.paths().configFile, this))
    , m_modelSetup(new ModelSetup(context.network(), this))
{
    for (const QString &name : SecretStore::names())
        m_secrets.insert(name, SecretState::Unknown);
    connect(m_check, &ConnectionCheck::finished, this, &SettingsController::finishTest);
    connect(m_llm, &LlmClient::modelsListed, this, [this](const QStringList &ids) {
        m_testedModels = ids;
        finishModelTest(true, LlmClient::listedSentence(ids, m_modelTest.wanted));
    });
    connect(
        m_llm, &LlmClient::modelsFailed, this, [this](const QString &sentence) { finishModelTest(false, sentence); });
}

SettingsController::~SettingsController()
{
    // The setup works through the context's store: it goes first.
    delete m_setup;
}

bool SettingsController::open()
{
    if (!m_context.open()) {
        setError(m_context.errorText());
        return false;
    }
    m_settings = &m_context.settings();
    m_pairing = &m_context.pairing();
    // The gateway records requests through its own connection, often in another process.
    connect(m_context.watcher(), &StoreWatcher::changedElsewhere, this, &SettingsController::refreshPairing);
    m_setup = new SetupController(*this, m_context.database(), m_context.network(), m_context.watcher(), this);
    Q_EMIT setupChanged();
    refreshPairing();
    checkSecrets();
    // A saved model (here or on the first-run card) is asked at once whether it answers.
    m_modelSetup->setSettings(m_settings);
    connect(this, &SettingsController::saved, m_modelSetup, [this](const QString &what, const QString &error) {
        if (what == "model"_L1 && error.isEmpty())
            m_modelSetup->check();
    });
    m_modelSetup->check();
    return true;
}

void SettingsController::reload()
{
    if (!m_settings)
        return;
    m_settings->sync(); // reads the file again if another process wrote it
    m_away->reload();
    // Outcomes belong to the visit they were shown in; a test still running keeps its line.
    for (auto it = m_tests.begin(); it != m_tests.end();) {
        if (it.value().toMap().value(u"state"_s) == "running"_L1)
            ++it;
        else
            it = m_tests.erase(it);
    }
    if (!m_tests.contains(u"model"_s))
        m_testedModels.clear();
    m_saves.clear();
    m_pairingNote.clear();
    m_pairingRequests.clear(); // refreshPairing announces the note's end
    Q_EMIT testsChanged();
    Q_EMIT savesChanged();
    Q_EMIT settingsChanged();
    Q_EMIT platformsChanged();
    refreshPairing();
    checkSecrets();
}

void SettingsController::setError(const QString &sentence)
{
    if (sentence == m_error)
        return;
    m_error = sentence;
    Q_EMIT errorTextChanged();
}

QString SettingsController::baseUrl() const
{
    return m_settings ? m_settings->llmBaseUrl() : QString();
}

QString SettingsController::model() const
{
    return m_settings ? m_settings->model() : QString();
}

QString SettingsController::systemPrompt() const
{
    return m_settings ? m_settings->systemPrompt() : QString();
}

bool SettingsController::apiKeySet() const
{
    const SecretState state = m_secrets.value(u"llm.api_key"_s);
    return state == SecretState::Keychain || state == SecretState::Environment;
}

QString SettingsController::apiKeyVariable() const
{
    return m_secrets.value(u"llm.api_key"_s) == SecretState::Environment
        ? SecretStore::environmentVariable(u"llm.api_key"_s)
        : QString();
}

QStringList SettingsController::platformNames() const
{
    return PlatformCatalog::names();
}

QVariantList SettingsController::platforms() const
{
    QVariantList list;
    if (!m_settings)
        return list;
    for (const PlatformCatalog::Descriptor &platform : PlatformCatalog::all()) {
        const QString &name = platform.name;
        const Settings::Platform p = m_settings->platform(name);
        QVariantList secrets;
        bool allSet = true;
        for (const QString &secret : PlatformCatalog::secrets(name)) {
            const SecretState state = m_secrets.value(secret);
            const bool set = state == SecretState::Keychain || state == SecretState::Environment;
            allSet = allSet && set;
            secrets << QVariantMap { { u"name"_s, secret }, { u"set"_s, set },
                { u"variable"_s,
                    state == SecretState::Environment ? SecretStore::environmentVariable(secret) : QString() } };
        }
        QVariantList fields;
        for (const PlatformCatalog::Field &field :
            platform.fields ? platform.fields() : QList<PlatformCatalog::Field> {})
            fields << QVariantMap { { u"key"_s, field.key }, { u"secret"_s, field.secret }, { u"label"_s, field.label },
                { u"hint"_s, field.hint } };
        list << QVariantMap { { u"name"_s, name }, { u"displayName"_s, platform.displayName }, { u"fields"_s, fields },
            { u"enabled"_s, p.enabled }, { u"homeChat"_s, p.homeChat },
            { u"homeChatKey"_s, PlatformCatalog::homeChatKey(name) }, { u"apiBase"_s, p.apiBase },
            { u"allowedUsers"_s, p.allowedUsers.join(u", "_s) }, { u"tokenSet"_s, allSet }, { u"secrets"_s, secrets } };
    }
    return list;
}

QString SettingsController::errorText() const
{
    return m_error.isEmpty() ? m_secretsError : m_error;
}

void SettingsController::checkSecrets()
{
    const int generation = ++m_secretsGeneration;
    auto *store = new SecretStore(this);
    auto pending = std::make_shared<int>(0);
    auto firstError = std::make_shared<QString>();
    for (const QString &name : SecretStore::names()) {
        if (!qEnvironmentVariable(SecretStore::environmentVariable(name).toLatin1().constData()).isEmpty()) {
            m_secrets.insert(name, SecretState::Environment);
            continue;
        }
        ++*pending;
        store->read(name);
    }
    const auto done = [this, store, generation, firstError] {
        store->deleteLater();
        if (generation != m_secretsGeneration)
            return;
        m_secretsError = *firstError;
        Q_EMIT errorTextChanged();
        Q_EMIT secretsChanged();
        Q_EMIT platformsChanged();
    };
    if (*pending == 0)
        return done();
    connect(store, &SecretStore::readFinished, this,
        [this, generation, pending, firstError, done](const QString &name, const QString &value, const QString &error) {
            if (generation == m_secretsGeneration) {
                if (!error.isEmpty() && firstError->isEmpty())
                    *firstError = error;
                m_secrets.insert(name,
                    !error.isEmpty()      ? SecretState::Unknown
                        : value.isEmpty() ? SecretState::Missing
                                          : SecretState::Keychain);
            }
            if (--*pending == 0)
                done();
        });
}

void SettingsController::saveModel(
    const QString &baseUrl, const QString &model, const QString &apiKey, const QVariant &systemPrompt)
{
    const QString url = baseUrl.trimmed();
    const QUrl parsed(url);
    if (!parsed.isValid() || parsed.host().isEmpty() || (parsed.scheme() != "http"_L1 && parsed.scheme() != "https"_L1))
        return finishSave(u"model"_s,
            tr("The model endpoint must be an http:// or https:// address, like http://127.0.0.1:11434/v1."), {});
    m_settings->setLlmBaseUrl(url);
    m_settings->setModel(model.trimmed());
    if (systemPrompt.typeId() == QMetaType::QString)
        m_settings->setSystemPrompt(systemPrompt.toString());
    const QString iniError = m_settings->save();
    Q_EMIT settingsChanged();
    finishSave(u"model"_s, iniError, { { u"llm.api_key"_s, apiKey.trimmed() } });
}

void SettingsController::savePlatform(const QString &name, bool enabled, const QString &homeChat,
    const QString &allowedUsers, const QString &token, const QString &appToken)
{
    const PlatformCatalog::Descriptor *platform = PlatformCatalog::find(name);
    if (!platform)
        return;
    const QString display = platform->displayName;
    QStringList users;
    for (const QString &user : allowedUsers.split(QRegularExpression(u"[,\\s]+"_s), Qt::SkipEmptyParts)) {
        // Where people are known by number (Telegram, Discord), a name would never match anyone.
        static const QRegularExpression numeric(u"^\\d+$"_s);
        if (platform->numericUserIds && !numeric.match(user).hasMatch())
            return finishSave(
                name, tr("%1 knows people by their numeric user id; '%2' is not one.").arg(display, user.left(40)), {});
        users << user;
    }
    const QString chat = homeChat.trimmed();
    m_settings->setPlatformEnabled(name, enabled);
    // A thread belongs to its chat: a new home chat starts without one.
    if (chat != m_settings->platform(name).homeChat)
        m_settings->setHome(name, chat, {});
    m_settings->setAllowedUsers(name, users);
    const QString iniError = m_settings->save();
    Q_EMIT platformsChanged();

    QHash<QString, QString> secrets;
    const QStringList names = PlatformCatalog::secrets(name);
    secrets.insert(names.at(0), token.trimmed());
    if (names.size() > 1)
        secrets.insert(names.at(1), appToken.trimmed());
    finishSave(name, iniError, secrets);
}

void SettingsController::finishSave(
    const QString &what, const QString &iniError, const QHash<QString, QString> &secrets)
{
    const auto done = [this, what](const QString &error) {
        QString text = error;
        if (text.isEmpty()) {
            text = tr("Saved.");
            if (PlatformCatalog::isKnown(what)) {
                const QVariantMap platform = platforms().value(platformNames().indexOf(what)).toMap();
                text = platform.value(u"enabled"_s).toBool() && !platform.value(u"tokenSet"_s).toBool()
                    ? tr("Saved. %1 stays off until its token is set.").arg(PlatformCatalog::displayName(what))
                    : m_gatewayHere ? tr("Saved. The gateway restarts with it now.")
                                    : tr("Saved. The gateway running elsewhere uses this from its next start.");
            }
        }
        m_saves.insert(
            what, QVariantMap { { u"state"_s, error.isEmpty() ? u"ok"_s : u"failed"_s }, { u"text"_s, text } });
        Q_EMIT savesChanged();
        Q_EMIT saved(what, error);
    };

    QHash<QString, QString> toWrite;
    for (auto it = secrets.cbegin(); it != secrets.cend(); ++it) {
        if (!it.value().isEmpty())
            toWrite.insert(it.key(), it.value());
    }
    if (toWrite.isEmpty())
        return done(iniError);

    m_saves.insert(what, QVariantMap { { u"state"_s, u"saving"_s }, { u"text"_s, tr("Saving…") } });
    Q_EMIT savesChanged();
    auto *store = new SecretStore(this);
    auto pending = std::make_shared<int>(int(toWrite.size()));
    auto firstError = std::make_shared<QString>(iniError);
    connect(store, &SecretStore::writeFinished, this,
        [this, store, pending, firstError, done](const QString &name, const QString &error) {
            if (error.isEmpty() && m_secrets.value(name) != SecretState::Environment)
                m_secrets.insert(name, SecretState::Keychain);
            if (firstError->isEmpty())
                *firstError = error;
            if (--*pending > 0)
                return;
            store->deleteLater();
            Q_EMIT secretsChanged();
            Q_EMIT platformsChanged();
            done(*firstError);
        });
    for (auto it = toWrite.cbegin(); it != toWrite.cend(); ++it)
        store->write(it.key(), it.value());
}

void SettingsController::removeSecret(const QString &name)
{
    if (!SecretStore::names().contains(name))
        return;
    auto *store = new SecretStore(this);
    connect(
        store, &SecretStore::removeFinished, this, [this, store](const QString &removed, bool, const QString &error) {
            store->deleteLater();
            if (error.isEmpty() && m_secrets.value(removed) != SecretState::Environment)
                m_secrets.insert(removed, SecretState::Missing);
            Q_EMIT secretsChanged();
            Q_EMIT platformsChanged();
            Q_EMIT secretRemoved(removed, error);
        });
    store->remove(name);
}
