// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "agent/agent.h"
#include "agent/llmclient.h"
#include "config/settings.h"
#include "fakellmserver.h"
#include "faketelegramserver.h"
#include "gateway/gateway.h"
#include "gateway/outboxsender.h"
#include "store/commandledger.h"
#include "store/homechats.h"
#include "store/outboxstore.h"
#include "store/pairingstore.h"
#include "store/sessionkeystore.h"
#include "store/sessionowners.h"
#include "store/sessionstore.h"
#include "store/setupcodestore.h"
#include "telegram/telegramadapter.h"
#include "teststore.h"

#include <QNetworkAccessManager>
#include <QTest>

#include <memory>

/**
 * @brief One Gateway in process, as GatewayService assembles it, on a fresh store: the real stores,
 * agent, outbox and Telegram adapter, talking to the fake model server and the fake Telegram on
 * 127.0.0.1. Owners are in allowedUsers; call start() after setting up the fakes' chats.
 */
struct GatewayRig
{
    static constexpr const char *token = "4242:rig";

    TestStore store;
    SessionStore sessions { store.db };
    SessionKeyStore keys { store.db };
    SessionOwners owners { store.db };
    PairingStore pairing { store.db };
    OutboxStore outbox { store.db };
    CommandLedger commands { store.db };
    SetupCodeStore setupCodes { store.db };
    HomeChats homeChats { store.db };
    Settings settings { store.dir.filePath(QStringLiteral("baton.ini")) };
    FakeLlmServer llm;
    FakeTelegramServer telegram { QString::fromLatin1(token) };
    QNetworkAccessManager network;
    LlmClient client { &network };
    Agent agent { sessions, client };
    OutboxSender sender { outbox };
    std::unique_ptr<TelegramAdapter> adapter;
    std::unique_ptr<Gateway> gateway;

    GatewayRig() { QVERIFY(llm.listen() && telegram.listen()); }
    ~GatewayRig()
    {
        gateway.reset();
        adapter.reset();
    }

    /// Writes baton.ini (owners, the home if given), assembles the gateway and waits until the
    /// adapter is online; false if it never is.
    [[nodiscard]] bool start(
        const QStringList &allowedUsers, const QString &homeChat = {}, const QString &homeThread = {})
    {
        settings.setPlatformEnabled(QStringLiteral("telegram"), true);
        settings.setAllowedUsers(QStringLiteral("telegram"), allowedUsers);
        if (!homeChat.isEmpty())
            settings.setHome(QStringLiteral("telegram"), homeChat, homeThread);
        if (!settings.save().isEmpty())
            return false;
        agent.setConfig({ llm.baseUrl(), QStringLiteral("unused"), QStringLiteral("fake"), {}, 20'000, false });
        sender.setRetryPolicy(RetryPolicy { 100, 200, 60'000 });
        TelegramAdapter::Options options;
        options.apiBase = telegram.apiBase();
        options.token = QString::fromLatin1(token);
        options.pollTimeoutS = 5;
        options.maxBackoffMs = 200;
        adapter = std::make_unique<TelegramAdapter>(&network, options);
        gateway = std::make_unique<Gateway>(
            Gateway::Stores { sessions, keys, owners, pairing, outbox, commands, setupCodes, homeChats }, sender, agent,
            settings);
        sender.addAdapter(adapter.get());
        gateway->addAdapter(adapter.get());
        adapter->start();
        return QTest::qWaitFor([this] { return adapter->state() == PlatformAdapter::State::Online; }, 10'000);
    }

    /// Makes @p user an approved guest, as `baton pairing approve` does.
    [[nodiscard]] bool approveGuest(qint64 user)
    {
        const auto code = pairing.requestCode(
            QStringLiteral("telegram"), QString::number(user), QStringLiteral("Guest"), QString::number(user));
        return code && !code->code.isEmpty() && pairing.approve(code->code).has_value();
    }
};
