// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QNetworkAccessManager;
class QNetworkReply;

/**
 * @brief Asks a platform whether the configured home chat exists and the bot is in it, so handoffs
 * do not first fail when someone needs them. What to ask and what the answer means is each
 * platform's (PlatformCatalog::Descriptor::homeRequest and homeAnswer): Telegram getChat, Discord
 * GET /channels/{id}, Slack conversations.info (a channel the bot is not in takes no posts).
 */
class HomeChatCheck : public QObject
{
    Q_OBJECT

public:
    explicit HomeChatCheck(QNetworkAccessManager *network, QObject *parent = nullptr);

    /// finished(@p platform, ...) follows.
    void check(const QString &platform, const QString &apiBase, const QString &token, const QString &homeChat);

Q_SIGNALS:
    void finished(const QString &platform, bool ok, const QString &sentence);

private:
    void finish(const QString &platform, bool ok, QString sentence, const QString &token);

    QNetworkAccessManager *m_network;
};
