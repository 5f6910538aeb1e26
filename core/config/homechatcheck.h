// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QNetworkAccessManager;
class QNetworkReply;

/**
 * @brief Asks a platform whether the configured home chat exists and the bot is in it, so handoffs
 * do not first fail when someone needs them: Telegram getChat, Discord GET /channels/{id}, Slack
 * conversations.info (a channel the bot is not a member of takes no posts).
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
    QNetworkReply *get(const QString &url, const QByteArray &authorization);
    void answer(QNetworkReply *reply, const QString &platform, const QString &homeChat, const QString &token);

    QNetworkAccessManager *m_network;
};
