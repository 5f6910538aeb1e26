// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/settings.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

class PlatformAdapter;
class QNetworkAccessManager;
class QNetworkReply;
class QObject;

/**
 * @brief The messaging platforms this build has, by the names used in config sections and commands.
 *
 * Each platform describes itself where its adapter lives (platforms/<name>/) and is registered once
 * (platforms/platforms.cpp); everything that asks "which platforms are there" (the gateway, its
 * secrets, the connection tests, Settings, doctor) reads this catalogue and names none itself.
 */
namespace PlatformCatalog {

/// One field a person fills in for the platform on the Settings page.
struct Field
{
    QString key; // token, app (a second secret), home, users
    QString secret; // the keychain name for a secret field, else empty
    QString label;
    QString hint; // what the platform calls it and where to find it
};

/// What a connection probe needs: where the platform's API is and the token to show it.
struct ProbeRequest
{
    QString apiBase; // without a trailing slash
    QString token;
    QStringList missingSecrets; // the platform's other secrets that are not set
    QString homeChat; // for the home chat check: the configured home chat or channel
};

/// A probe's answer: one sentence without the token, and who the bot is on success.
struct ProbeAnswer
{
    bool ok = false;
    QString sentence;
    QString userName; // the bot's handle (Telegram's for the t.me link)
    QString userId; // its id (Discord's application id for the invite link)

    [[nodiscard]] static ProbeAnswer failure(const QString &sentence) { return { false, sentence, {}, {} }; }
};

using Probe = std::function<void(QNetworkAccessManager *network, const ProbeRequest &request, QObject *context,
    std::function<void(const ProbeAnswer &)> done)>;
/// The home chat check's request (ProbeRequest::homeChat), and what its answer (HTTP status, JSON
/// body) means; HomeChatCheck says network trouble itself.
using HomeRequest = std::function<QNetworkReply *(QNetworkAccessManager *network, const ProbeRequest &request)>;
using HomeAnswer = std::function<ProbeAnswer(int status, const QJsonObject &body, const QString &homeChat)>;
using AdapterFactory = std::function<PlatformAdapter *(const Settings::Platform &config,
    const QHash<QString, QString> &secrets, QNetworkAccessManager *network, QObject *parent)>;

struct Descriptor
{
    QString name; // telegram: the config section, the command argument, the keychain prefix
    QString displayName; // Telegram: the name people read
    QString defaultApiBase; // unless [<name>] api_base says otherwise
    QString homeChatKey; // the baton.ini key of its home chat
    QStringList secrets; // keychain names; the first is the bot token
    bool numericUserIds = true; // allowed_users are numbers (a name would never match anyone)
    /// The Settings page's fields; made on demand, so they are in the language of the moment.
    std::function<QList<Field>()> fields;
    /// Asks the platform who the bot is (the Settings page's "Test connection", doctor, pairing).
    Probe probe;
    /// Whether the home chat exists and the bot may post there (`baton doctor`).
    HomeRequest homeRequest;
    HomeAnswer homeAnswer;
    /// The adapter, configured from its section and its secrets.
    AdapterFactory createAdapter;
};

/// Adds @p platform (platforms/platforms.cpp does, once per platform); a second one by a name is ignored.
void add(const Descriptor &platform);
/// The platform called @p name, or nullptr.
[[nodiscard]] const Descriptor *find(const QString &name);
[[nodiscard]] QList<Descriptor> all();

[[nodiscard]] QStringList names();
[[nodiscard]] bool isKnown(const QString &name);
/// "Telegram" for "telegram": the name people read.
[[nodiscard]] QString displayName(const QString &name);
/// Where the platform's API lives unless [<name>] api_base says otherwise.
[[nodiscard]] QString defaultApiBase(const QString &name);
/// The baton.ini key of the platform's home chat: home_chat on Telegram, home_channel elsewhere.
[[nodiscard]] QString homeChatKey(const QString &name);
/// The keychain names of @p name's secrets (`telegram.token`; `slack.bot_token`, `slack.app_token`).
[[nodiscard]] QStringList secrets(const QString &name);

} // namespace PlatformCatalog
