// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "handoffstatus.h"

#include <QHash>
#include <QObject>
#include <QVariantList>

class Database;

/**
 * @brief What the window knows of each session beyond its messages: when it last showed it (so
 * phone messages since are unread) and when it was taken back from a platform.
 */
class SessionMarks : public QObject
{
    Q_OBJECT

public:
    struct Marks
    {
        qint64 seenAt = 0;
        qint64 takenBackAt = 0;
        /// The newest message someone wrote on a platform (not the desktop, not the terminal).
        qint64 lastPhoneAt = 0;
        /// Messages written on a platform since seenAt.
        int unread = 0;
    };

    explicit SessionMarks(Database &database, QObject *parent = nullptr);

    /// Everything in @p sessionId up to now has been seen in the window.
    bool markSeen(const QString &sessionId);
    /// The window continues @p sessionId; it no longer lives on its platform.
    bool markTakenBack(const QString &sessionId);
    /// The marks of the @p limit most recently updated sessions, by session id.
    [[nodiscard]] QHash<QString, Marks> recent(int limit);
    [[nodiscard]] Marks marks(const QString &sessionId);
    /// Whether a completed handoff still holds: not taken back since, or a phone message came after.
    [[nodiscard]] static bool livesOnPlatform(const HandoffStatus &handoff, const Marks &marks);

    [[nodiscard]] QString errorString() const { return m_error; }

private:
    bool setError(const QString &action, const QString &sqliteMessage);
    bool stamp(const QString &column, const QString &sessionId, const QString &action);
    [[nodiscard]] QHash<QString, Marks> read(const QString &where, const QVariantList &values);

    Database &m_db;
    QString m_error;
};
