// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QTimer>

class ChatController;
class QQuickWindow;

/**
 * @brief The demo playing itself (BATON_DEMO_AUTOPLAY=<dir>): a question, the streamed reply, a
 * handoff to Telegram, the phone's answer arriving in the window, a screenshot of each step in
 * <dir>, then exit 0 (or 1, saying which step did not happen in time). For tests and screencasts.
 */
class DemoAutoplay : public QObject
{
    Q_OBJECT

public:
    DemoAutoplay(
        ChatController &controller, QQuickWindow &window, const QString &screenshotDir, QObject *parent = nullptr);

    void start();

private:
    void step();
    void shoot(const QString &name);
    void fail(const QString &why);

    ChatController &m_controller;
    QQuickWindow &m_window;
    QString m_dir;
    QTimer m_tick;
    QTimer m_deadline;
    int m_step = 0;
};
