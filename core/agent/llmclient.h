// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chatrequest.h"

#include <QObject>
#include <QStringList>
#include <QUrl>

class ChatStream;
class QNetworkAccessManager;

/**
 * @brief The OpenAI-compatible model endpoint: streams chat completions and lists the models.
 *
 * Listing is the one way Baton asks which models an endpoint offers: the window's model picker,
 * the Settings page's connection test and `baton doctor` all use listModels().
 */
class LlmClient : public QObject
{
    Q_OBJECT

public:
    /// How long listModels() waits for an answer.
    static constexpr int listTimeoutMs = 15'000;

    /// @p network is not owned; it must outlive the client.
    explicit LlmClient(QNetworkAccessManager *network, QObject *parent = nullptr);

    /// Starts a streaming completion; the stream belongs to the client until the caller deletes it.
    [[nodiscard]] ChatStream *startChat(const ChatRequest &request);

    /// GET {@p baseUrl}/models: modelsListed() or modelsFailed() follows, once per call, in the
    /// order the answers come. An empty @p apiKey sends no Authorization header.
    void listModels(const QString &baseUrl, const QString &apiKey);

    /// "The model endpoint answered: 3 models available." (and whether @p wanted is among @p ids).
    [[nodiscard]] static QString listedSentence(const QStringList &ids, const QString &wanted);

Q_SIGNALS:
    /// The ids the endpoint offers, in its order (possibly none).
    void modelsListed(const QStringList &ids);
    /// Why the models could not be listed, in one sentence without the API key.
    void modelsFailed(const QString &sentence);

private:
    QNetworkAccessManager *m_network;
};
