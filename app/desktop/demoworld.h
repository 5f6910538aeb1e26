// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/apppaths.h"

#include <QObject>
#include <QTemporaryDir>

#include <memory>

class FakeLlmServer;
class FakeTelegramServer;

/**
 * @brief `baton --demo`: a model and a Telegram on loopback, in this process, with a person on the
 * phone who answers in the topic a handoff opens. Nothing leaves the machine and no account is
 * needed; the demo's data lives in a temporary directory that goes when Baton quits.
 */
class DemoWorld : public QObject
{
    Q_OBJECT

public:
    explicit DemoWorld(QObject *parent = nullptr);
    ~DemoWorld() override;

    /// Starts the fakes and writes the demo's config; false with @p error when it cannot.
    [[nodiscard]] bool start(QString *error);
    [[nodiscard]] AppPaths paths() const;

    static constexpr qint64 phoneUser = 424242;
    static constexpr qint64 homeGroup = -1009999;

Q_SIGNALS:
    /// The person on the phone answered in @p topic.
    void phoneReplied(qint64 topic);

private:
    QTemporaryDir m_dir;
    std::unique_ptr<FakeLlmServer> m_llm;
    std::unique_ptr<FakeTelegramServer> m_telegram;
    QList<qint64> m_answered;
};
