// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

#include <functional>
#include <optional>

class Database;

/**
 * @brief One-time codes that make whoever sends one to the bot an owner (README.md, "Setting up a platform").
 *
 * The window or `baton pair` mints a code for a setup session; the person opens the link on their
 * phone (`/start <code>` on Telegram) or sends the code in a direct message, and the gateway redeems
 * it. A code lives ten minutes, is good once, and a newer code for the same platform voids older
 * ones, so at most one can be guessed at any time.
 */
class SetupCodeStore : public QObject
{
    Q_OBJECT

public:
    explicit SetupCodeStore(Database &database, QObject *parent = nullptr);

    static constexpr qint64 codeLifetimeMs = 600'000;

    struct Code
    {
        QString code;
        QString platform;
        QString setupSession;
        qint64 createdAt = 0;
        qint64 expiresAt = 0;
        qint64 usedAt = 0;
        QString userId;
        QString userName;
        QString chatId;
    };

    /// A fresh code for @p platform, bound to @p setupSession; nullopt with errorString() on a store error.
    [[nodiscard]] std::optional<Code> mint(const QString &platform, const QString &setupSession);
    /// Marks @p code used by this person if it is live for @p platform; nullopt when it is unknown,
    /// used or expired (errorString() is empty then) or on a store error.
    [[nodiscard]] std::optional<Code> redeem(const QString &platform, const QString &code, const QString &userId,
        const QString &userName, const QString &chatId);
    /// The newest code of @p setupSession, used or not.
    [[nodiscard]] std::optional<Code> latest(const QString &setupSession);
    /// Everyone who redeemed a code on @p platform, newest first: where they paired is a home to offer.
    [[nodiscard]] QList<Code> redeemed(const QString &platform);
    [[nodiscard]] QString errorString() const { return m_error; }

    /// Whether @p text has the shape of a code (eight letters and digits without look-alikes).
    [[nodiscard]] static bool looksLikeCode(const QString &text);
    void setClock(std::function<qint64()> clock) { m_clock = std::move(clock); }

Q_SIGNALS:
    void redeemedCode(const SetupCodeStore::Code &code);

private:
    QList<Code> list(const QString &where, const QVariantList &values);
    bool exec(const QString &action, const QString &sql, const QVariantList &values, int *changed = nullptr);

    Database &m_db;
    QString m_error;
    std::function<qint64()> m_clock;
};
