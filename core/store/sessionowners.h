// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QStringList>

class Database;

/**
 * @brief Who began each chat session ("platform:user id" of the first writer), so a guest sees
 * and resumes only their own. Sessions begun on the desktop or in the terminal have no one.
 */
class SessionOwners : public QObject
{
    Q_OBJECT

public:
    explicit SessionOwners(Database &database, QObject *parent = nullptr);

    /// "telegram:111": how a person is named here.
    [[nodiscard]] static QString person(const QString &platform, const QString &userId)
    {
        return platform + u':' + userId;
    }

    bool setStartedBy(const QString &sessionId, const QString &person);
    /// Empty for a session no chat user began (desktop, terminal, older versions).
    [[nodiscard]] QString startedBy(const QString &sessionId);
    /// Ids of the sessions @p person began, most recently updated first.
    [[nodiscard]] QStringList sessionsStartedBy(const QString &person, int limit);
    [[nodiscard]] QString errorString() const { return m_error; }

private:
    bool setError(const QString &action, const QString &sqliteMessage);

    Database &m_db;
    QString m_error;
};
