// SPDX-License-Identifier: GPL-3.0-or-later
#include "setupcontroller.h"

#include "config/connectioncheck.h"
#include "config/platformcatalog.h"
#include "config/secretstore.h"
#include "config/settings.h"
#include "config/setuplinks.h"
#include "qrimage.h"
#include "settingscontroller.h"
#include "store/homechats.h"
#include "store/setupcodestore.h"
#include "store/storewatcher.h"

#include <QUuid>

using namespace Qt::StringLiterals;

SetupController::SetupController(SettingsController &settings, Database &database, QNetworkAccessManager *network,
    StoreWatcher *watcher, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_db(database)
    , m_codes(std::make_unique<SetupCodeStore>(database))
    , m_check(new ConnectionCheck(network, this))
{
    connect(m_check, &ConnectionCheck::identified, this,
        [this](const QString &platform, const QString &userName, const QString &userId) {
            if (platform != m_platform)
                return;
            m_botName = userName;
            m_botId = userId;
        });
    connect(m_check, &ConnectionCheck::finished, this, &SetupController::onChecked);
    connect(&m_settings, &SettingsController::saved, this, &SetupController::onSaved);
    if (watcher)
        connect(watcher, &StoreWatcher::changedElsewhere, this, &SetupController::onStoreChanged);
    m_expiry.setSingleShot(true);
    connect(&m_expiry, &QTimer::timeout, this, [this] {
        if (m_step == "pairing"_L1)
            setStep(u"expired"_s, tr("The code expired unused after ten minutes. Make a new one."), true);
    });
}

SetupController::~SetupController() = default;

QString SetupController::createUrl() const
{
    return SetupLinks::createBotUrl(m_platform);
}

QString SetupController::manifest() const
{
    return m_platform == "slack"_L1 ? SetupLinks::slackManifest() : QString();
}

void SetupController::setStep(const QString &step, const QString &sentence, bool failed)
{
    m_step = step;
    m_sentence = sentence;
    m_failed = failed;
    Q_EMIT changed();
}

void SetupController::begin(const QString &platform)
{
    if (!PlatformCatalog::isKnown(platform))
        return;
    m_platform = platform;
    m_botName.clear();
    m_botId.clear();
    m_code.clear();
    m_link.clear();
    m_qrImage.clear();
    m_inviteUrl.clear();
    m_pairedName.clear();
    m_homes.clear();
    m_session.clear();
    m_saving = false;
    m_expiry.stop();
    setStep(u"token"_s);
}

void SetupController::submitToken(const QString &token, const QString &appToken)
{
    if (m_platform.isEmpty() || m_step == "checking"_L1)
        return;
    m_token = token.trimmed();
    m_appToken = appToken.trimmed();
    setStep(u"checking"_s, tr("Asking %1 who the bot is…").arg(PlatformCatalog::displayName(m_platform)));
    const QString secretName = PlatformCatalog::secrets(m_platform).constFirst();
    const QString apiBase = info().value(u"apiBase"_s).toString();
    const auto check = [this, apiBase](const QString &value) {
        // The second secret (Slack's app token) counts when typed now or saved before.
        QStringList missing;
        const QVariantList secrets = info().value(u"secrets"_s).toList();
        for (qsizetype i = 1; i < secrets.size(); ++i) {
            const QVariantMap secret = secrets.at(i).toMap();
            if (!secret.value(u"set"_s).toBool() && !(i == 1 && !m_appToken.isEmpty()))
                missing << secret.value(u"name"_s).toString();
        }
        m_check->checkPlatform(m_platform, apiBase, value, missing);
    };
    if (!m_token.isEmpty())
        return check(m_token);
    auto *store = new SecretStore(this);
    connect(store, &SecretStore::readFinished, this,
        [this, store, check, secretName](const QString &, const QString &value, const QString &error) {
            store->deleteLater();
            if (!error.isEmpty() || value.isEmpty())
                return setStep(u"token"_s,
                    error.isEmpty() ? tr("Paste the bot's token first (%1 is not set).").arg(secretName) : error, true);
            check(value);
        });
    store->read(secretName);
}

void SetupController::onChecked(const QString &what, bool ok, const QString &sentence)
{
    if (what != m_platform || m_step != "checking"_L1)
        return;
    if (!ok)
        return setStep(u"token"_s, sentence, true);
    // Saved with the platform switched on: the gateway (re)starts with it and can take the code.
    m_settings.reload();
    m_saving = true;
    m_sentence = sentence;
    m_settings.savePlatform(
        m_platform, true, info().value(u"homeChat"_s).toString(), allowedUsersText(), m_token, m_appToken);
    m_token.clear();
    m_appToken.clear();
}

void SetupController::onSaved(const QString &what, const QString &error)
{
    if (what != m_platform || !m_saving)
        return;
    m_saving = false;
    if (!error.isEmpty()) {
        m_pendingHome.clear();
        return setStep(m_step == "checking"_L1 ? u"token"_s : m_step, error, true);
    }
    if (!m_pendingHome.isEmpty()) {
        const QString chat = std::exchange(m_pendingHome, {});
        refreshHomes();
        QString label = chat;
        for (const QVariant &home : std::as_const(m_homes)) {
            if (home.toMap().value(u"chat"_s) == chat)
                label = home.toMap().value(u"label"_s).toString();
        }
        return setStep(u"done"_s,
            tr("The home for handoffs to %1 is set: %2. Try it with Hand off to phone in any conversation.")
                .arg(PlatformCatalog::displayName(m_platform), label));
    }
    newCode();
}

void SetupController::newCode()
{
    if (m_platform.isEmpty())
        return;
    m_session = u"window-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
    const auto code = m_codes->mint(m_platform, m_session);
    if (!code)
        return setStep(u"token"_s, m_codes->errorString(), true);
    m_code = code->code;
    m_link.clear();
    m_qrImage.clear();
    m_inviteUrl.clear();
    if (m_platform == "telegram"_L1) {
        m_link = SetupLinks::telegramDeepLink(m_botName, m_code);
        m_qrImage = QrImage::dataUrl(m_link);
    } else if (m_platform == "discord"_L1) {
        m_inviteUrl = SetupLinks::discordInviteUrl(m_botId);
    }
    m_expiry.start(int(SetupCodeStore::codeLifetimeMs));
    // The code is redeemed by a gateway: one in `baton --no-gui` reads the new token only when it starts.
    if (!m_settings.gatewayRunsHere())
        m_sentence = tr("The gateway does not run in this window: restart `baton --no-gui` so that it answers "
                        "with the new settings, then send the code.");
    setStep(u"pairing"_s, m_sentence);
}

void SetupController::onStoreChanged()
{
    if (m_step == "paired"_L1 || m_step == "done"_L1) {
        refreshHomes();
        return Q_EMIT changed();
    }
    if (m_step != "pairing"_L1 || m_session.isEmpty())
        return;
    const auto latest = m_codes->latest(m_session);
    if (!latest || !latest->usedAt)
        return;
    m_expiry.stop();
    m_pairedName = latest->userName.isEmpty() ? latest->userId : latest->userName;
    m_settings.reload(); // the gateway wrote the new owner to baton.ini
    refreshHomes();
    setStep(u"paired"_s,
        tr("You are paired as %1: Baton answers you on %2 now.")
            .arg(m_pairedName, PlatformCatalog::displayName(m_platform)));
}

QVariantMap SetupController::info() const
{
    return m_settings.platforms().value(m_settings.platformNames().indexOf(m_platform)).toMap();
}

QStringList SetupController::owners() const
{
    return info().value(u"allowedUsers"_s).toString().split(u',', Qt::SkipEmptyParts);
}

QString SetupController::allowedUsersText() const
{
    QStringList trimmed;
    for (const QString &owner : owners())
        trimmed << owner.trimmed();
    return trimmed.join(u", "_s);
}

void SetupController::refreshHomes()
{
    QStringList people;
    for (const QString &owner : owners())
        people << owner.trimmed();
    HomeChats chats(m_db);
    const QString current = info().value(u"homeChat"_s).toString();
    m_homes.clear();
    for (const HomeChats::Chat &chat : chats.candidates(m_platform, people)) {
        QString label = !chat.ownerName.isEmpty() ? tr("Your direct chat with the bot (%1)").arg(chat.ownerName)
            : chat.threads                 ? tr("Forum group \u201c%1\u201d: a topic per conversation").arg(chat.title)
            : !chat.title.isEmpty()        ? tr("Group \u201c%1\u201d").arg(chat.title)
            : chat.chatId.startsWith(u'-') ? tr("Group %1").arg(chat.chatId)
                                           : tr("Chat %1").arg(chat.chatId);
        m_homes << QVariantMap { { u"chat"_s, chat.chatId }, { u"label"_s, label },
            { u"current"_s, chat.chatId == current } };
    }
    if (!chats.errorString().isEmpty())
        m_sentence = chats.errorString();
}

void SetupController::chooseHome(const QString &chat)
{
    if (m_platform.isEmpty() || chat.isEmpty() || m_saving)
        return;
    m_settings.reload();
    m_saving = true;
    m_pendingHome = chat;
    m_settings.savePlatform(m_platform, true, chat, allowedUsersText(), {}, {});
}
