// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QObject>

#include <functional>
#include <optional>

class Database;

/**
 * @brief Pairing requests from people the gateway does not know, and the guests they become.
 *
 * Bounds held in the store, so a restart resets none of them: one code per person per hour (asking
 * again returns the same code, not a new one), a code expires an hour after it was given, and at
 * most maxPending codes wait at once (a new one expires the oldest). Approved people are guests.
 */
class PairingStore : public QObject
{
    Q_OBJECT

public:
    explicit PairingStore(Database &database, QObject *parent = nullptr);

    static constexpr qint64 codeLifetimeMs = 3'600'000;
    static constexpr int maxPending = 3;
    static inline const QString guestRole = QStringLiteral("guest");

    struct Request
    {
        QString platform;
        QString userId;
        QString userName;
        QString chatId;
        QString code;
        qint64 requestedAt = 0;
        qint64 approvedAt = 0;
        QString role; // guestRole once approved
        qint64 expiresAt = 0;
    };
    struct CodeResult
    {
        QString code; // empty: this person had a code within the hour; nothing to send
        bool isNew = false; // false: this user already has one, do not send it again
    };

    /// The user's code, minted on first request and again an hour after the last one.
    [[nodiscard]] std::optional<CodeResult> requestCode(
        const QString &platform, const QString &userId, const QString &userName, const QString &chatId);
    /// guestRole for an approved person, else empty.
    [[nodiscard]] QString role(const QString &platform, const QString &userId);
    [[nodiscard]] bool isApproved(const QString &platform, const QString &userId)
    {
        return !role(platform, userId).isEmpty();
    }
    /// Codes not yet approved and not expired, oldest first.
    [[nodiscard]] QList<Request> pendingRequests();
    /// Everyone approved, in the order they were approved.
    [[nodiscard]] QList<Request> approvedPeople();
    /// Approves the request with @p code (case-insensitive); nullopt if none is pending.
    [[nodiscard]] std::optional<Request> approve(const QString &code);
    /// Expires the request with @p code; nullopt if none is pending. The person waits an hour to ask again.
    [[nodiscard]] std::optional<Request> deny(const QString &code);
    /// Ends an approved person's access; nullopt if they were not approved.
    [[nodiscard]] std::optional<Request> revoke(const QString &platform, const QString &userId);
    [[nodiscard]] QString errorString() const { return m_error; }

    /// Eight characters from an alphabet without look-alikes (no 0/O, 1/I/L).
    [[nodiscard]] static QString newCode();
    /// For tests: what "now" is, in ms since the epoch.
    void setClock(std::function<qint64()> clock) { m_clock = std::move(clock); }

Q_SIGNALS:
    void requested(const PairingStore::Request &request);
    void approved(const PairingStore::Request &request);

private:
    std::optional<Request> find(const QString &where, const QVariantList &values);
    QList<Request> list(const QString &where, const QVariantList &values);
    bool exec(const QString &action, const QString &sql, const QVariantList &values, int *changed = nullptr);
    bool setError(const QString &action, const QString &sqliteMessage);

    Database &m_db;
    QString m_error;
    std::function<qint64()> m_clock;
};
