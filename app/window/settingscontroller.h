// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "awaysettings.h"
#include "config/apppaths.h"
#include "modelsetup.h"
#include "registeredsingleton.h"
#include "setupcontroller.h"

#include <QHash>
#include <QJSEngine>
#include <QObject>
#include <QPointer>
#include <QVariantList>
#include <QVariantMap>
#include <QtQmlIntegration>

#include <functional>
#include <memory>

class ConnectionCheck;
class DesktopContext;
class LlmClient;
class PairingStore;
class QQmlEngine;
class Settings;

/**
 * @brief The Settings page, for QML: the model endpoint, each platform's switch, tokens, home chat
 * and allowed users, pairing approvals, and a connection test for each.
 *
 * baton.ini is written through Settings, tokens through SecretStore. Secret values are read only to
 * test a connection and never leave this class: not in a property, a sentence or a log line.
 */
class SetupController;

class SettingsController : public QObject, public RegisteredSingleton<SettingsController>
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(QString baseUrl READ baseUrl NOTIFY settingsChanged)
    Q_PROPERTY(QString model READ model NOTIFY settingsChanged)
    /// The default system prompt: chats without their own send it first.
    Q_PROPERTY(QString systemPrompt READ systemPrompt NOTIFY settingsChanged)
    Q_PROPERTY(bool apiKeySet READ apiKeySet NOTIFY secretsChanged)
    /// The environment variable that sets the API key, when it is set (it wins over the keychain).
    Q_PROPERTY(QString apiKeyVariable READ apiKeyVariable NOTIFY secretsChanged)
    /// telegram, discord, slack: the order of platforms.
    Q_PROPERTY(QStringList platformNames READ platformNames CONSTANT)
    /// [{name, displayName, enabled, homeChat, homeChatKey, allowedUsers, tokenSet, secrets: [{name, set,
    /// variable}], fields: [{key, secret, label, hint}]}] in the order of platformNames; variable is the
    /// environment variable when it is set; fields are the platform's own (PlatformCatalog::Field).
    Q_PROPERTY(QVariantList platforms READ platforms NOTIFY platformsChanged)
    /// [{code, platform, displayName, userName, userId, requestedAt}], oldest first.
    Q_PROPERTY(QVariantList pairingRequests READ pairingRequests NOTIFY pairingRequestsChanged)
    /// "model" or a platform -> {state: "running" | "ok" | "failed", text}.
    Q_PROPERTY(QVariantMap tests READ tests NOTIFY testsChanged)
    /// The models the last model test listed, in the server's order (to pick one from).
    Q_PROPERTY(QStringList testedModels READ testedModels NOTIFY testsChanged)
    /// Whether the window needs the "Connect a model" card, and why.
    Q_PROPERTY(ModelSetup *modelSetup READ modelSetup CONSTANT)
    /// "model" or a platform -> {state: "saving" | "ok" | "failed", text}.
    Q_PROPERTY(QVariantMap saves READ saves NOTIFY savesChanged)
    /// Who may talk to Baton: [{platform, displayName, userId, userName, role: "owner" | "guest",
    /// roleText}], owners (allowed_users) first.
    Q_PROPERTY(QVariantList people READ people NOTIFY pairingRequestsChanged)
    /// What the last approve, deny or revoke did, in one sentence.
    Q_PROPERTY(QString pairingNote READ pairingNote NOTIFY pairingRequestsChanged)
    /// The guided setup of a platform (token, phone pairing, home); null until open() succeeded.
    Q_PROPERTY(SetupController *setup READ setup NOTIFY setupChanged)
    /// The page "Away from the desk".
    Q_PROPERTY(AwaySettings *away READ away CONSTANT)
    /// Why something cannot be shown: an unreadable config, the store, or the keychain.
    Q_PROPERTY(QString errorText READ errorText NOTIFY errorTextChanged)
    /// Where the gateway runs when not in this process, for the window to say; "" while it runs here.
    Q_PROPERTY(QString gatewayNote READ gatewayNote NOTIFY gatewayNoteChanged)

public:
    /// @p context outlives the controller.
    explicit SettingsController(DesktopContext &context, QObject *parent = nullptr);
    /// A controller on a context of its own (a window part tested alone).
    explicit SettingsController(const AppPaths &paths, QObject *parent = nullptr);
    ~SettingsController() override;

    /// Opens the context (if it is not yet) for the settings and the pairing requests and checks
    /// which secrets are set; false with errorText() when the config or the store cannot be used.
    [[nodiscard]] bool open();

    [[nodiscard]] AwaySettings *away() const { return m_away; }
    [[nodiscard]] QString baseUrl() const;
    [[nodiscard]] QString model() const;
    [[nodiscard]] QString systemPrompt() const;
    [[nodiscard]] bool apiKeySet() const;
    [[nodiscard]] QString apiKeyVariable() const;
    [[nodiscard]] QStringList platformNames() const;
    [[nodiscard]] QVariantList platforms() const;
    [[nodiscard]] QVariantList pairingRequests() const { return m_pairingRequests; }
    [[nodiscard]] QVariantList people() const { return m_people; }
    [[nodiscard]] QVariantMap tests() const { return m_tests; }
    [[nodiscard]] QVariantMap saves() const { return m_saves; }
    [[nodiscard]] QStringList testedModels() const { return m_testedModels; }
    [[nodiscard]] ModelSetup *modelSetup() const { return m_modelSetup; }
    [[nodiscard]] QString pairingNote() const { return m_pairingNote; }
    [[nodiscard]] QString errorText() const;
    [[nodiscard]] SetupController *setup() const { return m_setup; }
    /// Whether this process runs the gateway, which then restarts on a save; otherwise the one
    /// running elsewhere (`baton --no-gui`) picks the settings up at its next start.
    void setGatewayRunsHere(bool here) { m_gatewayHere = here; }
    [[nodiscard]] bool gatewayRunsHere() const { return m_gatewayHere; }
    [[nodiscard]] QString gatewayNote() const { return m_gatewayNote; }
    void setGatewayNote(const QString &note)
    {
        if (note != m_gatewayNote) {
            m_gatewayNote = note;
            Q_EMIT gatewayNoteChanged();
        }
    }

    /// Reads baton.ini, the keychain and the pairing requests again (another process may have changed them).
    Q_INVOKABLE void reload();
    /// An empty @p apiKey keeps the one that is set; @p systemPrompt, when given (a string), is the
    /// new default system prompt.
    Q_INVOKABLE void saveModel(
        const QString &baseUrl, const QString &model, const QString &apiKey, const QVariant &systemPrompt = {});
    /// @p allowedUsers is comma-separated; an empty @p token or @p appToken keeps the one that is set.
    Q_INVOKABLE void savePlatform(const QString &name, bool enabled, const QString &homeChat,
        const QString &allowedUsers, const QString &token, const QString &appToken);
    /// Removes llm.api_key, telegram.token, … from the keychain.
    Q_INVOKABLE void removeSecret(const QString &name);
    Q_INVOKABLE void approve(const QString &code);
    Q_INVOKABLE void deny(const QString &code);
    /// Ends a guest's access.
    Q_INVOKABLE void revoke(const QString &platform, const QString &userId);
    /// GET {base_url}/models. An empty @p baseUrl tests what is saved, an empty @p apiKey the saved key;
    /// @p model, when given with @p baseUrl, is looked for in the list.
    Q_INVOKABLE void testModel(const QString &baseUrl = {}, const QString &apiKey = {}, const QString &model = {});
    /// Asks the platform who the bot is. An empty @p token tests the one that is saved.
    Q_INVOKABLE void testPlatform(const QString &name, const QString &token = {});

Q_SIGNALS:
    void gatewayNoteChanged();
    void settingsChanged();
    void secretsChanged();
    void platformsChanged();
    void pairingRequestsChanged();
    void testsChanged();
    void savesChanged();
    void errorTextChanged();
    void setupChanged();
    /// @p what is "model" or a platform name; @p sentence never contains a secret.
    void testFinished(const QString &what, bool ok, const QString &sentence);
    /// @p error is empty on success.
    void saved(const QString &what, const QString &error);
    /// A secret was removed (@p error empty) or could not be.
    void secretRemoved(const QString &name, const QString &error);

private:
    enum class SecretState { Unknown, Missing, Keychain, Environment };

    void setError(const QString &sentence);
    void checkSecrets();
    void refreshPairing();
    void decide(const QString &code, bool approve);
    /// Writes the secrets that are not empty, then answers saved(@p what, …) with the first error.
    void finishSave(const QString &what, const QString &iniError, const QHash<QString, QString> &secrets);
    void setTest(const QString &what, const QString &state, const QString &text);
    void finishTest(const QString &what, bool ok, const QString &sentence);
    void finishModelTest(bool ok, const QString &sentence);
    /// @p token, or the saved secret @p secretName; answers @p use with the token or the sentence why not.
    void withSecret(const QString &token, const QString &secretName,
        std::function<void(const QString &token, const QString &error)> use);

    std::unique_ptr<DesktopContext> m_ownContext; // only when made without one
    DesktopContext &m_context;
    Settings *m_settings = nullptr; // the context's, once open
    PairingStore *m_pairing = nullptr; // the context's, once open
    SetupController *m_setup = nullptr;
    ConnectionCheck *m_check = nullptr;
    LlmClient *m_llm = nullptr;
    struct ModelTest
    {
        QString wanted; // the model the page names, looked for in the list
        QString keyError; // why the saved key could not be read
    } m_modelTest;
    QHash<QString, SecretState> m_secrets;
    QString m_secretsError;
    int m_secretsGeneration = 0;
    QVariantList m_pairingRequests;
    QVariantList m_people;
    QVariantMap m_tests;
    QStringList m_testedModels;
    QVariantMap m_saves;
    bool m_gatewayHere = false;
    QString m_gatewayNote;
    QString m_pairingNote;
    QString m_error;
    AwaySettings *m_away = nullptr;
    ModelSetup *m_modelSetup = nullptr;
};
