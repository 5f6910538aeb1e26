// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QObject>

#include <optional>

class Database;

/**
 * @brief Pairing requests from people the gateway does not know, and their approval.
 *
 * A stranger gets one code per platform; asking again returns the same code instead of a new
 * one, so a flood of messages cannot mint codes. Approved users are served like allowed_users.
 */
class PairingStore : public QObject
{
    Q_OBJECT

public:
    explicit PairingStore(Database &database, QObject *parent = nullptr);

    struct Request
    {
        QString platform;
        QString userId;
        QString userName;
        QString chatId;
        QString code;
        qint64 requestedAt = 0;
        qint64 approvedAt = 0;
    };
    struct CodeResult
    {
        QString code;
        bool isNew = false; // false: this user already has one, do not send it again
    };

    /// The user's code, minted on first request.
    [[nodiscard]] std::optional<CodeResult> requestCode(
        const QString &platform, const QString &userId, const QString &userName, const QString &chatId);
    [[nodiscard]] bool isApproved(const QString &platform, const QString &userId);
    /// Requests not yet approved, oldest first.
    [[nodiscard]] QList<Request> pendingRequests();
    /// Approves the request with @p code (case-insensitive); nullopt if there is none pending.
    [[nodiscard]] std::optional<Request> approve(const QString &code);
    /// Drops the request with @p code; nullopt if there is none.
    [[nodiscard]] std::optional<Request> deny(const QString &code);
    [[nodiscard]] QString errorString() const { return m_error; }

    /// Eight characters from an alphabet without look-alikes (no 0/O, 1/I/L).
    [[nodiscard]] static QString newCode();

Q_SIGNALS:
    void requested(const PairingStore::Request &request);
    void approved(const PairingStore::Request &request);

private:
    std::optional<Request> find(const QString &where, const QVariantList &values);
    bool setError(const QString &action, const QString &sqliteMessage);

    Database &m_db;
    QString m_error;
};
