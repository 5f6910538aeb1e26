// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sessionsource.h"

#include <QElapsedTimer>
#include <QObject>
#include <QSet>
#include <QTimer>

class OutboxSender;

/**
 * @brief Shows one reply on a platform while the model writes it: a first message as soon as
 * text arrives, edited with the growing text at most once per interval, then the final text,
 * split at the platform's limit, through the outbox.
 */
class ReplyStreamer : public QObject
{
    Q_OBJECT

public:
    struct Target
    {
        QString sessionId;
        qint64 messageId = 0; // the stored reply
        QString platform;
        QString chat;
        QString thread;
        int maxLength = 4096;
        /// Past this many characters (or maxParts messages) the rest of a reply is not posted.
        int maxReplyChars = 32'000;
        int maxParts = 10;
    };

    ReplyStreamer(OutboxSender &outbox, const Target &target, int editIntervalMs = 1'000, QObject *parent = nullptr);

    void append(const QString &delta);
    /// The reply is complete as @p text; finished() follows once every part is delivered.
    void finish(const QString &text);

Q_SIGNALS:
    /// @p error is the first delivery failure, empty when every part arrived.
    void finished(const QString &error);

private:
    void onDelivered(qint64 outboxId, const QString &platformMessageId, const QString &error);
    void sendFinal();
    void previewNow();
    [[nodiscard]] QString previewText() const;
    /// The final reply as the messages to post, shortened with a note when it is too long.
    [[nodiscard]] QStringList finalParts() const;
    /// Records @p content as a new message, or as an edit of platform message @p editOf, or of
    /// the one outbox row @p editOfOutboxId becomes once it is sent.
    [[nodiscard]] qint64 deliver(const QString &content, const QString &editOf = {}, qint64 editOfOutboxId = 0);

    OutboxSender &m_outbox;
    Target m_target;
    int m_editIntervalMs;
    QString m_text;
    QString m_shown; // what the preview message says now
    QString m_final;
    qint64 m_draftOutboxId = 0;
    QString m_draftMessageId;
    bool m_finishing = false;
    QSet<qint64> m_outstanding;
    QString m_error;
    QTimer m_editTimer;
    QElapsedTimer m_sinceEdit;
};
