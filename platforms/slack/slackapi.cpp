// SPDX-License-Identifier: GPL-3.0-or-later
#include "slackapi.h"

#include "net/serverwait.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

SlackApi::SlackApi(QNetworkAccessManager *network, const QString &apiBase, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_apiBase(apiBase.endsWith(u'/') ? apiBase.chopped(1) : apiBase)
{ }

void SlackApi::call(const QString &method, const QString &token, const QJsonObject &params, QObject *context,
    Callback done, int attempt)
{
    QNetworkRequest request(QUrl(m_apiBase + u'/' + method));
    request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    request.setTransferTimeout(30'000);
    QByteArray body;
    if (method.startsWith("conversations."_L1)) {
        // Slack's read methods take a form; a JSON body is ignored there.
        QUrlQuery form;
        for (auto it = params.constBegin(); it != params.constEnd(); ++it)
            form.addQueryItem(it.key(), it.value().toVariant().toString());
        request.setHeader(QNetworkRequest::ContentTypeHeader, "application/x-www-form-urlencoded"_ba);
        body = form.toString(QUrl::FullyEncoded).toUtf8();
    } else {
        request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json; charset=utf-8"_ba);
        body = QJsonDocument(params).toJson(QJsonDocument::Compact);
    }
    QNetworkReply *reply = m_network->post(request, body);
    reply->setParent(this);
    QPointer<QObject> guard(context);
    connect(reply, &QNetworkReply::finished, this, [=, this] {
        reply->deleteLater();
        if (!guard)
            return;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        SlackResult result;
        if (status == 429) {
            const ServerWait::Wait wait = ServerWait::fromText(reply->rawHeader("Retry-After"));
            if (wait.tooLong) {
                result.error = tr("Slack asked to wait %1 s, longer than Baton waits (%2 minutes)")
                                   .arg(QString::fromLatin1(reply->rawHeader("Retry-After")))
                                   .arg(std::chrono::duration_cast<std::chrono::minutes>(ServerWait::ceiling).count());
                return done(result);
            }
            if (attempt < maxRateLimitRetries) {
                QTimer::singleShot(
                    wait.delay, this, [=, this] { call(method, token, params, guard, done, attempt + 1); });
                return;
            }
        }
        result.passing = status == 0 || status == 429 || status >= 500;
        result.body = QJsonDocument::fromJson(reply->readAll()).object();
        if (result.body.contains("ok"_L1)) {
            result.ok = result.body.value("ok"_L1).toBool();
            result.error = result.body.value("error"_L1).toString();
        } else {
            // Never errorString(): it is about the URL. The token is in a header, but say no more than needed.
            result.error = status > 0 ? u"HTTP %1 without a Web API answer"_s.arg(status)
                                      : u"Slack could not be reached (network error %1)"_s.arg(int(reply->error()));
        }
        done(result);
    });
}
