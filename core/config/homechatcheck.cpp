// SPDX-License-Identifier: GPL-3.0-or-later
#include "homechatcheck.h"

#include "connectioncheck.h"
#include "platformcatalog.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>

using namespace Qt::StringLiterals;

HomeChatCheck::HomeChatCheck(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network)
{ }

void HomeChatCheck::check(
    const QString &platform, const QString &apiBase, const QString &token, const QString &homeChat)
{
    const PlatformCatalog::Descriptor *descriptor = PlatformCatalog::find(platform);
    if (!descriptor || !descriptor->homeRequest || !descriptor->homeAnswer) {
        const QString sentence
            = tr("The home chat %1 could not be checked: this build has no %2.").arg(homeChat, platform);
        QMetaObject::invokeMethod(
            this, [this, platform, sentence] { Q_EMIT finished(platform, false, sentence); }, Qt::QueuedConnection);
        return;
    }
    QNetworkReply *reply
        = descriptor->homeRequest(m_network, { ConnectionCheck::withoutSlash(apiBase), token, {}, homeChat });
    const PlatformCatalog::HomeAnswer answer = descriptor->homeAnswer;
    connect(reply, &QNetworkReply::finished, this, [this, reply, answer, platform, homeChat, token] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status == 0)
            return finish(platform, false,
                tr("The home chat %1 could not be checked: %2.").arg(homeChat, ConnectionCheck::networkTrouble(reply)),
                token);
        const PlatformCatalog::ProbeAnswer said
            = answer(status, QJsonDocument::fromJson(reply->readAll()).object(), homeChat);
        finish(platform, said.ok, said.sentence, token);
    });
}

void HomeChatCheck::finish(const QString &platform, bool ok, QString sentence, const QString &token)
{
    if (token.size() >= 4)
        sentence.replace(token, u"…"_s);
    Q_EMIT finished(platform, ok, sentence);
}
