// SPDX-License-Identifier: GPL-3.0-or-later
#include "llmclient.h"

#include "chatchunk.h"
#include "chatstream.h"
#include "config/connectioncheck.h"
#include "config/secretscrubber.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>

using namespace Qt::StringLiterals;

LlmClient::LlmClient(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network)
{ }

ChatStream *LlmClient::startChat(const ChatRequest &request)
{
    auto *stream = new ChatStream(m_network, request, this);
    stream->start();
    return stream;
}

QString LlmClient::listedSentence(const QStringList &ids, const QString &wanted)
{
    const QString count = ids.size() == 1 ? tr("1 model") : tr("%1 models").arg(ids.size());
    return wanted.isEmpty() || ids.contains(wanted)
        ? tr("The model endpoint answered: %1 available.").arg(count)
        : tr("The model endpoint answered: %1 available, but none is called '%2'.").arg(count, wanted);
}

void LlmClient::listModels(const QString &baseUrl, const QString &apiKey)
{
    const QString base = ConnectionCheck::withoutSlash(baseUrl.trimmed());
    const QUrl parsed(base);
    if (!parsed.isValid() || parsed.host().isEmpty()
        || (parsed.scheme() != "http"_L1 && parsed.scheme() != "https"_L1)) {
        // Said after the caller connected, like every other answer.
        const QString sentence
            = tr("The model endpoint must be an http:// or https:// address, like http://127.0.0.1:11434/v1.");
        QMetaObject::invokeMethod(
            this, [this, sentence] { Q_EMIT modelsFailed(sentence); }, Qt::QueuedConnection);
        return;
    }
    const QString endpoint = parsed.toString(QUrl::RemoveUserInfo);
    QNetworkRequest request { QUrl(base + u"/models"_s) };
    request.setTransferTimeout(listTimeoutMs);
    if (!apiKey.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + apiKey.toUtf8());
    QNetworkReply *reply = m_network->get(request);
    connect(reply, &QNetworkReply::finished, this, [this, reply, endpoint, apiKey] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->readAll();
        QString message = ChatChunks::serverMessage(body);
        if (message.isEmpty())
            message = tr("no details");
        QString sentence;
        if (status == 0) {
            sentence = tr("Cannot reach the model endpoint at %1: %2. Is the server running?")
                           .arg(endpoint, ConnectionCheck::networkTrouble(reply));
        } else if (status == 401 || status == 403) {
            sentence = apiKey.isEmpty()
                ? tr("The model endpoint wants an API key (%1): %2.").arg(status).arg(message)
                : tr("The model endpoint rejected the API key (%1): %2.").arg(status).arg(message);
        } else if (status == 404) {
            sentence = tr("The model endpoint at %1 answered 404 (%2). Check the address: it usually ends in /v1.")
                           .arg(endpoint, message);
        } else if (status < 200 || status > 299) {
            sentence = tr("The model endpoint answered %1: %2.").arg(status).arg(message);
        } else if (const QJsonValue data = QJsonDocument::fromJson(body).object().value("data"_L1); !data.isArray()) {
            sentence = tr("The model endpoint at %1 answered, but not with a list of models. Check the address: it "
                          "usually ends in /v1.")
                           .arg(endpoint);
        } else {
            QStringList ids;
            for (const QJsonValue &entry : data.toArray())
                ids << entry.toObject().value("id"_L1).toString();
            ids.removeAll(QString());
            return Q_EMIT modelsListed(ids);
        }
        // Servers echo what they were sent now and then; the key never reaches a sentence.
        Q_EMIT modelsFailed(SecretScrubber::scrub(sentence, apiKey));
    });
}
