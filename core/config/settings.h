// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSettings>
#include <QStringList>

/**
 * @brief baton.ini (README, "Configuration") with its defaults: the model endpoint, the gateway and each platform.
 *
 * Secrets never live here; see SecretStore.
 */
class Settings
{
public:
    explicit Settings(const QString &file);

    /// Empty when the file is usable (or absent: defaults apply); otherwise one sentence naming the
    /// file and the line (ConfigCheck). Unknown keys do not stop Baton; doctor names them.
    [[nodiscard]] QString errorString() const;
    [[nodiscard]] QString fileName() const { return m_settings.fileName(); }

    [[nodiscard]] QString llmBaseUrl() const;
    /// [store] url: a postgresql:// url, or empty for state.db (docs/several-machines.md).
    [[nodiscard]] QString storeUrl() const;
    [[nodiscard]] QString model() const;
    [[nodiscard]] int llmTimeoutSeconds() const;
    [[nodiscard]] QString systemPrompt() const;
    /// stream_options.include_usage: on unless turned off; a server that refuses it with a 400
    /// naming it is asked again without it (ChatStream), so a refusal costs one request, not the reply.
    [[nodiscard]] bool llmIncludeUsage() const;
    [[nodiscard]] bool gatewayEnabled() const;
    /// [gateway] show_thinking: replies on the platforms carry the model's reasoning, quoted.
    [[nodiscard]] bool gatewayShowThinking() const;

    struct Platform
    {
        QString name;
        bool enabled = false;
        QString apiBase;
        QString gatewayUrl;
        QString homeChat;
        QString homeThread;
        QStringList allowedUsers;
        /// The most of one reply posted there; the rest stays in the store with a note saying so.
        int maxReplyChars = defaultMaxReplyChars;
    };
    static constexpr int defaultMaxReplyChars = 32'000;
    [[nodiscard]] Platform platform(const QString &name) const;

    /// What happens when the person leaves the desk (README "Away from the desk"): [away] in baton.ini.
    struct Away
    {
        enum class OnLock { Ask, HandOff, Nothing };
        OnLock onLock = OnLock::Ask;
        QString platform; // empty: the first one ready for handoffs
        int activeMinutes = 15; // the open conversation counts as active for this long after its last use
        bool keepAwake = false; // a block inhibitor while a conversation is on the phone
        bool notify = true; // replies and phone messages in conversations the window is not showing
    };
    [[nodiscard]] Away away() const;
    void setAway(const Away &away);

    void setModel(const QString &model);
    void setGatewayShowThinking(bool show);
    void setHome(const QString &platform, const QString &chat, const QString &thread);
    void setLlmBaseUrl(const QString &url);
    /// The default system prompt of every chat without its own; empty removes the key.
    void setSystemPrompt(const QString &prompt);
    void setPlatformEnabled(const QString &platform, bool enabled);
    /// Written as "1, 2" (the form people type); an empty list removes the key.
    void setAllowedUsers(const QString &platform, const QStringList &userIds);
    /// Writes the changes to the file now; empty on success, otherwise one sentence.
    [[nodiscard]] QString save();
    /// Writes the changes now and keeps the file readable by its owner only.
    void sync();

private:
    mutable QSettings m_settings;
};
