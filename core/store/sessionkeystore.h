// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

#include <optional>

class Database;

/**
 * @brief Which session a chat or thread is bound to (session_keys), by the adapter-made key.
 */
class SessionKeyStore : public QObject
{
    Q_OBJECT

public:
    explicit SessionKeyStore(Database &database, QObject *parent = nullptr);

    struct Binding
    {
        QString sessionId;
        qint64 updatedAt = 0;
    };

    /// Binds @p key to @p sessionId, replacing any earlier binding.
    bool bind(const QString &key, const QString &sessionId);
    [[nodiscard]] std::optional<Binding> binding(const QString &key);
    /// Every key that leads to @p sessionId (a session may live in several chats).
    [[nodiscard]] QStringList keysFor(const QString &sessionId);
    bool unbind(const QString &key);
    [[nodiscard]] QString errorString() const { return m_error; }

Q_SIGNALS:
    void bindingChanged(const QString &key, const QString &sessionId);

private:
    bool setError(const QString &action, const QString &sqliteMessage);

    Database &m_db;
    QString m_error;
};
