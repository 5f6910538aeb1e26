// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/storetypes.h"

#include <QJsonArray>
#include <QList>
#include <QString>
#include <QUrl>

/// A function call the model asked for, accumulated from stream fragments.
struct ToolCall
{
    QString id;
    QString type = QStringLiteral("function");
    QString name;
    QString arguments;
};

/// Everything one chat completions request needs.
struct ChatRequest
{
    QUrl baseUrl;
    QString apiKey;
    QString model;
    QJsonArray messages;
    double temperature = -1; // omitted when < 0
    bool includeUsage = false;
    int timeoutMs = 120'000;
    int maxRetries = 3;
    int retryBaseDelayMs = 500;
};

/// The stored transcript as OpenAI chat messages: system prompt first, tool calls and results
/// kept as such, failed replies left out.
[[nodiscard]] QJsonArray toChatMessages(const QString &systemPrompt, const QList<Message> &transcript);
