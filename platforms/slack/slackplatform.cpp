// SPDX-License-Identifier: GPL-3.0-or-later
#include "slackplatform.h"

#include "config/connectioncheck.h"
#include "slackadapter.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace {
using PlatformCatalog::ProbeAnswer;

// A function, not a global: the catalogue may be filled while other globals are still being made.
QString appTokenName()
{
    return u"slack.app_token"_s;
}

// auth.test: which workspace and which bot; Socket Mode also needs the app token.
void probe(QNetworkAccessManager *network, const PlatformCatalog::ProbeRequest &request, QObject *context,
    std::function<void(const ProbeAnswer &)> done)
{
    QNetworkReply *reply
        = ConnectionCheck::send(network, request.apiBase + u"/auth.test"_s, "Bearer " + request.token.toUtf8(), true);
    const bool appTokenMissing = request.missingSecrets.contains(appTokenName());
    QObject::connect(reply, &QNetworkReply::finished, context, [reply, appTokenMissing, done = std::move(done)] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QJsonObject body = QJsonDocument::fromJson(reply->readAll()).object();
        const QString error = body.value("error"_L1).toString();
        if (body.value("ok"_L1).toBool()) {
            const QString team = body.value("team"_L1).toString();
            const QString user = body.value("user"_L1).toString();
            const QString userId = body.value("user_id"_L1).toString();
            if (appTokenMissing)
                return done({ true,
                    SlackPlatform::tr("Connected to %1 as @%2, but no app token is set: Socket Mode needs one.")
                        .arg(team, user),
                    user, userId });
            return done({ true, SlackPlatform::tr("Connected to %1 as @%2.").arg(team, user), user, userId });
        }
        if (error == "invalid_auth"_L1 || error == "not_authed"_L1 || error == "account_inactive"_L1)
            return done(ProbeAnswer::failure(
                SlackPlatform::tr("Slack rejected the bot token (%1). Set it with `baton secret set slack.bot_token`.")
                    .arg(error)));
        if (!error.isEmpty())
            return done(ProbeAnswer::failure(SlackPlatform::tr("Slack answered: %1.").arg(error)));
        if (status > 0)
            return done(ProbeAnswer::failure(
                SlackPlatform::tr("Slack answered HTTP %1 without a Web API answer. Check api_base in baton.ini.")
                    .arg(status)));
        done(ProbeAnswer::failure(
            SlackPlatform::tr("Slack could not be reached: %1.").arg(ConnectionCheck::networkTrouble(reply))));
    });
}

// conversations.info: the home channel exists and the bot is in it (else it takes no posts).
ProbeAnswer homeAnswer(int, const QJsonObject &body, const QString &homeChat)
{
    const QJsonObject channel = body.value("channel"_L1).toObject();
    const bool isMember = channel.value("is_member"_L1).toBool() || channel.value("is_im"_L1).toBool();
    if (body.value("ok"_L1).toBool() && isMember)
        return { true, SlackPlatform::tr("The home channel %1 is there and the bot is in it.").arg(homeChat), {}, {} };
    if (body.value("ok"_L1).toBool())
        return ProbeAnswer::failure(
            SlackPlatform::tr("The bot is not in the home channel %1: invite it there (/invite @yourbot).")
                .arg(homeChat));
    return ProbeAnswer::failure(
        SlackPlatform::tr("The home channel %1 cannot be used (%2): set home_channel to a channel id.")
            .arg(homeChat, body.value("error"_L1).toString()));
}
} // namespace

PlatformCatalog::Descriptor SlackPlatform::descriptor()
{
    PlatformCatalog::Descriptor d;
    d.name = u"slack"_s;
    d.displayName = u"Slack"_s;
    d.defaultApiBase = u"https://slack.com/api"_s;
    d.homeChatKey = u"home_channel"_s;
    d.secrets = { u"slack.bot_token"_s, appTokenName() }; // the Web API, and Socket Mode
    d.numericUserIds = false; // member ids such as U0123ABCD
    d.fields = [] {
        return QList<PlatformCatalog::Field> {
            { u"token"_s, u"slack.bot_token"_s, tr("Bot token"),
                tr("xoxb-…, from OAuth & Permissions. Kept in the system keychain as slack.bot_token.") },
            { u"app"_s, appTokenName(), tr("App token"),
                tr("xapp-… with connections:write, for Socket Mode. Kept in the keychain as slack.app_token.") },
            { u"home"_s, {}, tr("Home channel"), tr("Where handoffs go: a channel id such as C0123456789.") },
            { u"users"_s, {}, tr("Allowed users"),
                tr("Member ids such as U0123ABCD, comma-separated. Anyone else can ask for a pairing code.") },
        };
    };
    d.probe = probe;
    d.homeRequest = [](QNetworkAccessManager *network, const PlatformCatalog::ProbeRequest &request) {
        return ConnectionCheck::send(network,
            request.apiBase + u"/conversations.info?channel="_s
                + QString::fromLatin1(QUrl::toPercentEncoding(request.homeChat)),
            "Bearer " + request.token.toUtf8());
    };
    d.homeAnswer = homeAnswer;
    d.createAdapter = [](const Settings::Platform &config, const QHash<QString, QString> &secrets,
                          QNetworkAccessManager *network, QObject *parent) -> PlatformAdapter * {
        SlackAdapter::Options options;
        options.apiBase = config.apiBase;
        options.botToken = secrets.value(u"slack.bot_token"_s);
        options.appToken = secrets.value(appTokenName());
        return new SlackAdapter(network, options, parent);
    };
    return d;
}
