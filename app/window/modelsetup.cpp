// SPDX-License-Identifier: GPL-3.0-or-later
#include "modelsetup.h"

#include "agent/llmclient.h"
#include "config/secretstore.h"
#include "config/settings.h"

using namespace Qt::StringLiterals;

ModelSetup::ModelSetup(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network)
{ }

QVariantList ModelSetup::presets()
{
    // The addresses each server listens on when started without options (README "First run").
    const auto preset = [](const QString &name, const QString &label, const QString &url, bool key) {
        return QVariantMap { { u"name"_s, name }, { u"label"_s, label }, { u"url"_s, url }, { u"key"_s, key } };
    };
    return { preset(u"ollama"_s, tr("Ollama"), u"http://127.0.0.1:11434/v1"_s, false),
        preset(u"lmstudio"_s, tr("LM Studio"), u"http://127.0.0.1:1234/v1"_s, false),
        preset(u"llamacpp"_s, tr("llama.cpp server"), u"http://127.0.0.1:8080/v1"_s, false),
        preset(u"other"_s, tr("Other server"), QString(), true) };
}

void ModelSetup::setNeeded(bool needed, const QString &reason)
{
    if (needed == m_needed && reason == m_reason)
        return;
    m_needed = needed;
    m_reason = reason;
    Q_EMIT neededChanged();
}

void ModelSetup::check()
{
    if (!m_settings)
        return;
    delete m_probe; // its answer would be about settings that changed since
    if (m_settings->model().isEmpty())
        return setNeeded(true, {});
    const QString model = m_settings->model();
    const QString base = m_settings->llmBaseUrl();
    auto *probe = new LlmClient(m_network, this);
    m_probe = probe;
    connect(probe, &LlmClient::modelsListed, this, [this, probe](const QStringList &) {
        probe->deleteLater();
        setNeeded(false, {});
    });
    connect(probe, &LlmClient::modelsFailed, this, [this, probe, model](const QString &sentence) {
        probe->deleteLater();
        setNeeded(true, tr("Baton is set up for %1, but it does not answer. %2").arg(model, sentence));
    });
    // The key the chat would send: the environment's, else the keychain's.
    auto *secrets = new SecretStore(probe);
    connect(secrets, &SecretStore::readFinished, probe,
        [probe, base](const QString &, const QString &key) { probe->listModels(base, key); });
    secrets->read(u"llm.api_key"_s);
}
