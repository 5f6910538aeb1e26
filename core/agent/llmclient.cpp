// SPDX-License-Identifier: GPL-3.0-or-later
#include "llmclient.h"

#include "chatstream.h"

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
