// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QObject>
#include <QtQmlIntegration>

class Agent;

/**
 * @brief What the open conversation's reply is doing before its first word: thinking, or trying
 * the model again ("Connecting to the model, try 2 of 4"), so a wait is never silent.
 *
 * Follows the agent's turns in every session; shows the one of the session the window has open.
 */
class ReplyProgress : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("made by the ChatController")
    Q_PROPERTY(bool waiting READ waiting NOTIFY changed)
    Q_PROPERTY(QString text READ text NOTIFY changed)
    Q_PROPERTY(int attempt READ attempt NOTIFY changed)
    Q_PROPERTY(int total READ total NOTIFY changed)
    Q_PROPERTY(QString reason READ reason NOTIFY changed)

public:
    explicit ReplyProgress(Agent &agent, QObject *parent = nullptr);

    /// Shows @p sessionId's wait (the window opened it).
    void setSession(const QString &sessionId);

    /// True from a turn's start to its first word (or its end).
    [[nodiscard]] bool waiting() const { return m_waits.contains(m_sessionId); }
    /// "Thinking…", or which try of how many it is.
    [[nodiscard]] QString text() const;
    /// The try under way (1 = the first) and how many there will be at most.
    [[nodiscard]] int attempt() const { return m_waits.value(m_sessionId).attempt; }
    [[nodiscard]] int total() const { return m_waits.value(m_sessionId).total; }
    /// Why the last try failed, while a later one waits.
    [[nodiscard]] QString reason() const { return m_waits.value(m_sessionId).reason; }

Q_SIGNALS:
    void changed();

private:
    struct Wait
    {
        int attempt = 1;
        int total = 1;
        QString reason;
    };
    void end(const QString &sessionId);
    void update(const QString &sessionId);

    QString m_sessionId;
    QHash<QString, Wait> m_waits;
};
