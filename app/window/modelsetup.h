// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPointer>
#include <QVariantList>
#include <QtQmlIntegration>

class LlmClient;
class QNetworkAccessManager;
class Settings;

/**
 * @brief Whether the window has a model that works, for the "Connect a model" card: none is set
 * in baton.ini, or the one set does not answer (LlmClient::listModels).
 *
 * The card tests and saves through SettingsController, as the Settings page does; this says only
 * when it is needed and why, and which servers people usually run (presets()).
 */
class ModelSetup : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("SettingsController makes it")
    /// True while no model is set, or the one set did not answer the last check.
    Q_PROPERTY(bool needed READ needed NOTIFY neededChanged)
    /// Why the set model does not work, in a sentence; "" when none is set (or it works).
    Q_PROPERTY(QString reason READ reason NOTIFY neededChanged)
    /// [{name, label, url, key}]: the local servers and "any OpenAI-compatible server" (url "", key true).
    Q_PROPERTY(QVariantList presets READ presets CONSTANT)

public:
    /// @p network is not owned; it must outlive this.
    explicit ModelSetup(QNetworkAccessManager *network, QObject *parent = nullptr);

    /// The settings to check; null until the context is open.
    void setSettings(Settings *settings) { m_settings = settings; }

    [[nodiscard]] bool needed() const { return m_needed; }
    [[nodiscard]] QString reason() const { return m_reason; }
    [[nodiscard]] static QVariantList presets();

    /// Asks the model set in baton.ini (with the saved API key) whether it answers; needed() follows.
    Q_INVOKABLE void check();

Q_SIGNALS:
    void neededChanged();

private:
    void setNeeded(bool needed, const QString &reason);

    QNetworkAccessManager *m_network;
    Settings *m_settings = nullptr;
    QPointer<LlmClient> m_probe; // the check under way; a newer one replaces it
    bool m_needed = false;
    QString m_reason;
};
