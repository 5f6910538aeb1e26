// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QTimer>
#include <QVariantList>
#include <QtQmlIntegration>

#include <memory>

class ConnectionCheck;
class Database;
class QNetworkAccessManager;
class SettingsController;
class SetupCodeStore;
class StoreWatcher;

/**
 * @brief The window's walk through setting up a platform (README.md, "Setting up a platform"): the bot's token,
 * checked at once; a one-time code the phone sends (a QR code and t.me link for Telegram); the
 * person who sends it is an owner; then the home, chosen from the chats they use. Nothing needs a
 * text editor or a restart.
 *
 * step: "token" (asking for it), "checking", "pairing" (the code is on show), "expired",
 * "paired" (choose the home), "done".
 */
class SetupController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("made by SettingsController")
    Q_PROPERTY(QString platform READ platform NOTIFY changed)
    Q_PROPERTY(QString step READ step NOTIFY changed)
    /// One sentence about the last thing that happened (a check, a save, a code); never a secret.
    Q_PROPERTY(QString sentence READ sentence NOTIFY changed)
    Q_PROPERTY(bool failed READ failed NOTIFY changed)
    /// The bot's handle as the platform reported it, once the token was checked.
    Q_PROPERTY(QString botName READ botName NOTIFY changed)
    /// Where the bot is created: BotFather, the Discord developer portal, Slack's app page.
    Q_PROPERTY(QString createUrl READ createUrl NOTIFY changed)
    Q_PROPERTY(QString code READ code NOTIFY changed)
    /// Telegram: https://t.me/<bot>?start=<code>.
    Q_PROPERTY(QString link READ link NOTIFY changed)
    /// Telegram: the link as a QR code, a data: URL for an Image.
    Q_PROPERTY(QString qrImage READ qrImage NOTIFY changed)
    /// Discord: the OAuth2 URL that adds the bot to a server.
    Q_PROPERTY(QString inviteUrl READ inviteUrl NOTIFY changed)
    /// Slack: the app manifest to paste.
    Q_PROPERTY(QString manifest READ manifest NOTIFY changed)
    /// Who redeemed the code.
    Q_PROPERTY(QString pairedName READ pairedName NOTIFY changed)
    /// [{chat, label, current}]: chats an owner paired or talked in, newest first.
    Q_PROPERTY(QVariantList homes READ homes NOTIFY changed)

public:
    SetupController(SettingsController &settings, Database &database, QNetworkAccessManager *network,
        StoreWatcher *watcher, QObject *parent = nullptr);
    ~SetupController() override;

    [[nodiscard]] QString platform() const { return m_platform; }
    [[nodiscard]] QString step() const { return m_step; }
    [[nodiscard]] QString sentence() const { return m_sentence; }
    [[nodiscard]] bool failed() const { return m_failed; }
    [[nodiscard]] QString botName() const { return m_botName; }
    [[nodiscard]] QString createUrl() const;
    [[nodiscard]] QString code() const { return m_code; }
    [[nodiscard]] QString link() const { return m_link; }
    [[nodiscard]] QString qrImage() const { return m_qrImage; }
    [[nodiscard]] QString inviteUrl() const { return m_inviteUrl; }
    [[nodiscard]] QString manifest() const;
    [[nodiscard]] QString pairedName() const { return m_pairedName; }
    [[nodiscard]] QVariantList homes() const { return m_homes; }

    /// Starts over for @p platform, asking for the token.
    Q_INVOKABLE void begin(const QString &platform);
    /// Checks @p token (empty: the saved one) with the platform, saves it to the keychain and turns
    /// the platform on, then shows a code. @p appToken is Slack's Socket Mode token.
    Q_INVOKABLE void submitToken(const QString &token, const QString &appToken = {});
    /// A fresh code; the one on show stops working.
    Q_INVOKABLE void newCode();
    /// Makes @p chat the platform's home.
    Q_INVOKABLE void chooseHome(const QString &chat);

Q_SIGNALS:
    void changed();

private:
    void setStep(const QString &step, const QString &sentence = {}, bool failed = false);
    void onChecked(const QString &what, bool ok, const QString &sentence);
    void onSaved(const QString &what, const QString &error);
    void onStoreChanged();
    void refreshHomes();
    /// The platform's entry in SettingsController::platforms().
    [[nodiscard]] QVariantMap info() const;
    [[nodiscard]] QStringList owners() const;
    [[nodiscard]] QString allowedUsersText() const;

    SettingsController &m_settings;
    Database &m_db;
    std::unique_ptr<SetupCodeStore> m_codes;
    ConnectionCheck *m_check;
    QTimer m_expiry;
    QString m_platform;
    QString m_step = QStringLiteral("token");
    QString m_sentence;
    bool m_failed = false;
    QString m_token;
    QString m_appToken;
    QString m_botName;
    QString m_botId;
    QString m_session;
    QString m_code;
    QString m_link;
    QString m_qrImage;
    QString m_inviteUrl;
    QString m_pairedName;
    QString m_pendingHome; // the chat a save in flight makes the home
    QVariantList m_homes;
    bool m_saving = false;
};
