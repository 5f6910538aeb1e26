// SPDX-License-Identifier: GPL-3.0-or-later
#include "telegramplatform.h"

#include "config/connectioncheck.h"
#include "telegramadapter.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace {
using PlatformCatalog::ProbeAnswer;

// getMe: who the bot is. The token is part of the URL, so no sentence may quote the URL.
void probe(QNetworkAccessManager *network, const PlatformCatalog::ProbeRequest &request, QObject *context,
    std::function<void(const ProbeAnswer &)> done)
{
    QNetworkReply *reply
        = ConnectionCheck::send(network, request.apiBase + u"/bot"_s + request.token + u"/getMe"_s, {});
    QObject::connect(reply, &QNetworkReply::finished, context, [reply, done = std::move(done)] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QJsonObject envelope = QJsonDocument::fromJson(reply->readAll()).object();
        if (envelope.value("ok"_L1).toBool()) {
            const QJsonObject bot = envelope.value("result"_L1).toObject();
            const QString user = bot.value("username"_L1).toString();
            return done({ true, TelegramPlatform::tr("Connected as @%1.").arg(user), user,
                QString::number(bot.value("id"_L1).toInteger()) });
        }
        const int code = envelope.value("error_code"_L1).toInt(status);
        if (envelope.contains("ok"_L1) && (code == 401 || code == 404))
            return done(ProbeAnswer::failure(TelegramPlatform::tr(
                "Telegram rejected the bot token (%1). Set it with `baton secret set telegram.token`.")
                                                 .arg(code)));
        if (envelope.contains("ok"_L1))
            return done(ProbeAnswer::failure(TelegramPlatform::tr("Telegram answered %1: %2.")
                                                 .arg(code)
                                                 .arg(envelope.value("description"_L1).toString())));
        if (status > 0)
            return done(ProbeAnswer::failure(
                TelegramPlatform::tr("Telegram answered HTTP %1 without a Bot API answer. Check api_base in baton.ini.")
                    .arg(status)));
        done(ProbeAnswer::failure(
            TelegramPlatform::tr("Telegram could not be reached: %1.").arg(ConnectionCheck::networkTrouble(reply))));
    });
}

// getChat: the home chat is one the bot is in.
ProbeAnswer homeAnswer(int, const QJsonObject &body, const QString &homeChat)
{
    if (body.value("ok"_L1).toBool())
        return { true,
            TelegramPlatform::tr("The home chat %1 (%2) is there.")
                .arg(homeChat, body.value("result"_L1).toObject().value("title"_L1).toString()),
            {}, {} };
    return ProbeAnswer::failure(TelegramPlatform::tr("The home chat %1 is not one the bot can use (%2): add the bot "
                                                     "to it, or send /sethome where handoffs should go.")
                                    .arg(homeChat, body.value("description"_L1).toString()));
}
} // namespace

PlatformCatalog::Descriptor TelegramPlatform::descriptor()
{
    PlatformCatalog::Descriptor d;
    d.name = u"telegram"_s;
    d.displayName = u"Telegram"_s;
    d.defaultApiBase = u"https://api.telegram.org"_s;
    d.homeChatKey = u"home_chat"_s;
    d.secrets = { u"telegram.token"_s };
    d.fields = [] {
        return QList<PlatformCatalog::Field> {
            { u"token"_s, u"telegram.token"_s, tr("Bot token"),
                tr("From @BotFather. Kept in the system keychain as telegram.token.") },
            { u"home"_s, {}, tr("Home chat"),
                tr("Where handoffs go: a chat id such as -1001234567890. /sethome in a chat sets it too.") },
            { u"users"_s, {}, tr("Allowed users"),
                tr("Numeric user ids, comma-separated. Anyone else can ask for a pairing code.") },
        };
    };
    d.probe = probe;
    d.homeRequest = [](QNetworkAccessManager *network, const PlatformCatalog::ProbeRequest &request) {
        return ConnectionCheck::send(network,
            request.apiBase + u"/bot"_s + request.token + u"/getChat?chat_id="_s
                + QString::fromLatin1(QUrl::toPercentEncoding(request.homeChat)),
            {});
    };
    d.homeAnswer = homeAnswer;
    d.createAdapter = [](const Settings::Platform &config, const QHash<QString, QString> &secrets,
                          QNetworkAccessManager *network, QObject *parent) -> PlatformAdapter * {
        TelegramAdapter::Options options;
        options.apiBase = config.apiBase;
        options.token = secrets.value(u"telegram.token"_s);
        // Tests and demos shorten the long poll so that a stopping gateway is not kept waiting.
        if (const int timeout = qEnvironmentVariableIntValue("BATON_TELEGRAM_POLL_TIMEOUT_S"); timeout > 0)
            options.pollTimeoutS = timeout;
        return new TelegramAdapter(network, options, parent);
    };
    return d;
}
