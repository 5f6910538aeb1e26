// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QObject>
#include <QString>
#include <QTimer>
#include <QtQmlIntegration>

#include <memory>

class Database;
class PlatformLeases;
class Settings;
class StoreWatcher;

/**
 * @brief Which machine answers each platform when the store is shared (`[store] url`): the
 * gateway that holds the platform's lease, here, on another machine, or none.
 *
 * Read from the platform_leases rows when another connection wrote (the watcher) and when the
 * earliest lease ends, since a gateway that died writes nothing. With no url the store is this
 * data dir's own and its one gateway is the window's or a `baton --no-gui` beside it: nothing is
 * read and nothing is said.
 */
class GatewayHosts : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("made by the ChatController")
    /// "Gateway: Telegram on homeserver": one quiet line for the window; empty with no url.
    Q_PROPERTY(QString line READ line NOTIFY changed)

public:
    enum class Where { Unknown, Here, Elsewhere, Nobody };
    struct Leader
    {
        Where where = Where::Unknown;
        QString host;
        qint64 pid = 0;
        bool operator==(const Leader &) const = default;
    };

    /// Reads leases only when @p shared (a store named in `[store] url`).
    GatewayHosts(
        Database &database, StoreWatcher *watcher, const Settings &settings, bool shared, QObject *parent = nullptr);
    ~GatewayHosts() override;

    [[nodiscard]] bool isShared() const { return m_shared; }
    /// Who leads @p platform now; Unknown with no url or when the store could not be read.
    [[nodiscard]] Leader leader(const QString &platform) const;
    [[nodiscard]] QString line() const { return m_line; }
    /// The machine that runs @p leader: its host name, or "another computer" when it gave none.
    [[nodiscard]] static QString machine(const Leader &leader);
    /// The sentence for @p platform's leader in the line: "Telegram on homeserver".
    [[nodiscard]] static QString describe(const QString &platformLabel, const Leader &leader);

    /// Reads the leases again (also on every write by another connection and at a lease's end).
    void refresh();
    /// Words the line again: baton.ini now sets up other platforms.
    void settingsChanged();

Q_SIGNALS:
    void changed();

private:
    [[nodiscard]] QString composeLine() const;

    std::unique_ptr<PlatformLeases> m_leases;
    const Settings &m_settings;
    bool m_shared = false;
    bool m_readable = false;
    QHash<QString, Leader> m_leaders; // platforms with a lease still running
    QString m_line;
    QTimer m_expiry; // the earliest lease's end
    QTimer m_slow; // a leader that took a free platform announces nothing on PostgreSQL
};
