// SPDX-License-Identifier: GPL-3.0-or-later
// The Settings page's "Test connection" buttons: the model endpoint and each platform, one sentence
// each, in the words `baton doctor` uses too (LlmClient::listModels, ConnectionCheck).
#include "settingscontroller.h"

#include "agent/llmclient.h"
#include "config/connectioncheck.h"
#include "config/platformcatalog.h"
#include "config/secretstore.h"
#include "config/settings.h"

using namespace Qt::StringLiterals;

void SettingsController::setTest(const QString &what, const QString &state, const QString &text)
{
    m_tests.insert(what, QVariantMap { { u"state"_s, state }, { u"text"_s, text } });
    Q_EMIT testsChanged();
}

void SettingsController::finishTest(const QString &what, bool ok, const QString &sentence)
{
    setTest(what, ok ? u"ok"_s : u"failed"_s, sentence);
    Q_EMIT testFinished(what, ok, sentence);
}

void SettingsController::withSecret(
    const QString &typed, const QString &secretName, std::function<void(const QString &, const QString &)> use)
{
    if (!typed.trimmed().isEmpty())
        return use(typed.trimmed(), {});
    auto *store = new SecretStore(this);
    connect(store, &SecretStore::readFinished, this,
        [store, use = std::move(use)](const QString &, const QString &value, const QString &error) {
            store->deleteLater();
            use(value, error);
        });
    store->read(secretName);
}

void SettingsController::testModel(const QString &baseUrl, const QString &apiKey, const QString &model)
{
    const QString what = u"model"_s;
    if (m_tests.value(what).toMap().value(u"state"_s) == "running"_L1 || !m_settings)
        return;
    const QString base = baseUrl.trimmed().isEmpty() ? m_settings->llmBaseUrl() : baseUrl.trimmed();
    const QString wanted = baseUrl.trimmed().isEmpty() ? m_settings->model() : model.trimmed();
    m_testedModels.clear(); // the list of another address is not this one's
    setTest(what, u"running"_s, tr("Asking the model endpoint…"));
    withSecret(apiKey, u"llm.api_key"_s, [this, base, wanted](const QString &key, const QString &keyError) {
        m_modelTest = { wanted, keyError };
        m_llm->listModels(base, key);
    });
}

void SettingsController::finishModelTest(bool ok, const QString &sentence)
{
    // Why no key could be read explains a failure; a success needs no excuse.
    const QString keyError = m_modelTest.keyError;
    finishTest(u"model"_s, ok, ok || keyError.isEmpty() ? sentence : sentence + u' ' + keyError);
}

void SettingsController::testPlatform(const QString &name, const QString &token)
{
    if (!PlatformCatalog::isKnown(name) || !m_settings || m_tests.value(name).toMap().value(u"state"_s) == "running"_L1)
        return;
    setTest(name, u"running"_s, tr("Asking %1…").arg(PlatformCatalog::displayName(name)));
    const QString secretName = PlatformCatalog::secrets(name).constFirst();
    const QString apiBase = m_settings->platform(name).apiBase;
    withSecret(token, secretName, [this, name, secretName, apiBase](const QString &value, const QString &error) {
        if (!error.isEmpty())
            return finishTest(name, false, error);
        if (value.isEmpty())
            return finishTest(name, false,
                tr("No %1 is set yet: paste it above and save, or set %2.")
                    .arg(secretName, SecretStore::environmentVariable(secretName)));
        QStringList missing;
        for (const QString &other : PlatformCatalog::secrets(name).mid(1)) {
            if (m_secrets.value(other) == SecretState::Missing)
                missing << other;
        }
        m_check->checkPlatform(name, apiBase, value, missing);
    });
}
