// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chatrequest.h"

#include <QObject>

class ChatStream;
class QNetworkAccessManager;

/**
 * @brief The OpenAI-compatible model endpoint: starts streaming chat completions.
 */
class LlmClient : public QObject
{
    Q_OBJECT

public:
    /// @p network is not owned; it must outlive the client.
    explicit LlmClient(QNetworkAccessManager *network, QObject *parent = nullptr);

    /// Starts a streaming completion; the stream belongs to the client until the caller deletes it.
    [[nodiscard]] ChatStream *startChat(const ChatRequest &request);

private:
    QNetworkAccessManager *m_network;
};
