// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "handoff/handoffwaiter.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QVariantList>
#include <QtQmlIntegration>

class ChatController;
class Gateway;
class GatewayHosts;
class Settings;

/**
 * @brief The handoff as the window words it: which platforms can take one now and why not, a
 * failure in full with the Settings page that fixes it, and the question asked before a message
 * typed into a handed-off conversation takes it back.
 *
 * The waiter and the gateway speak to the terminal (commands, /resume); docs/architecture.md says
 * the window points to its Settings page instead, so their sentences are reworded here.
 */
class HandoffPresenter : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("made by the ChatController")
    /// Every platform of the build: {name, label, available, reason}, for the Hand off menu; an
    /// available one has a reason when a gateway on another machine answers it.
    Q_PROPERTY(QVariantList platforms READ platforms NOTIFY platformsChanged)
    /// The open conversation's failed handoff, in full; empty when there is none to show.
    Q_PROPERTY(QString failure READ failure NOTIFY failureChanged)
    /// The Settings page that fixes the failure (a platform's), or empty.
    Q_PROPERTY(QString fixPage READ fixPage NOTIFY failureChanged)
    Q_PROPERTY(QString fixLabel READ fixLabel NOTIFY failureChanged)
    /// The message waiting for an answer to "Take this conversation back?"; empty when none is.
    Q_PROPERTY(QString pendingMessage READ pendingMessage NOTIFY pendingMessageChanged)

public:
    HandoffPresenter(ChatController &controller, const Settings &settings, QObject *parent = nullptr);

    /// The gateway this process runs (its platforms' states count), or none: it runs elsewhere.
    void setGateway(Gateway *gateway);
    /// Who leads each platform on a shared store: one led by a gateway elsewhere can take a
    /// handoff whatever this process's gateway (a standby) says.
    void setHosts(GatewayHosts *hosts);
    [[nodiscard]] QVariantList platforms() const;
    /// Whether any platform is turned on in baton.ini: with none, Baton is a desktop chat only.
    [[nodiscard]] bool anyConfigured() const;
    /// Whether @p platform can take a handoff now; else @p why says why not. When the gateway of
    /// another machine takes it, @p why names that machine.
    [[nodiscard]] bool canTake(const QString &platform, QString *why = nullptr) const;

    [[nodiscard]] QString failure() const { return m_failure; }
    [[nodiscard]] QString fixPage() const { return m_fixPage; }
    [[nodiscard]] QString fixLabel() const;
    [[nodiscard]] QString pendingMessage() const { return m_pending; }

    /// The sentence the window shows for how a handoff to @p platform ended; a failure stays
    /// shown (failure()) until the conversation is handed off or taken back.
    QString finished(
        const QString &platform, HandoffWaiter::Outcome outcome, const QString &sentence, const HandoffStatus &status);
    /// @p sessionId is open now (empty: a new chat); shows its stored failure, if any.
    void showSession(const QString &sessionId, const HandoffStatus &status);
    /// A gateway's or the waiter's reason without its terminal advice (commands, /sethome).
    [[nodiscard]] static QString desktopReason(const QString &reason);

    /// Asks before @p message takes the conversation back from its platform.
    void ask(const QString &message);
    /// Takes the conversation back (the same note on the phone as Take back), then sends the message.
    Q_INVOKABLE void confirmTakeBack();
    /// Keeps the conversation on its platform; draftReturned() gives the message back to the composer.
    Q_INVOKABLE void cancelTakeBack();
    Q_INVOKABLE void dismissFailure();

Q_SIGNALS:
    void platformsChanged();
    void failureChanged();
    void pendingMessageChanged();
    void takeBackAsked(const QString &message);
    void draftReturned(const QString &message);

private:
    void setFailure(const QString &text, const QString &page);
    [[nodiscard]] QString failureText(const QString &platform, const QString &reason) const;

    ChatController &m_controller;
    const Settings &m_settings;
    QPointer<Gateway> m_gateway;
    QPointer<GatewayHosts> m_hosts;
    QString m_failure;
    QString m_fixPage;
    QString m_pending;
    QSet<QString> m_dismissed; // "session id/finished at" of failures closed in this run
    QString m_failureKey; // the one on show
    QString m_sessionId;
};
