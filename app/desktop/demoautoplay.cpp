// SPDX-License-Identifier: GPL-3.0-or-later
#include "demoautoplay.h"

#include "chatcontroller.h"

#include <QCoreApplication>
#include <QDir>
#include <QQuickWindow>
#include <QTextStream>

using namespace Qt::StringLiterals;

DemoAutoplay::DemoAutoplay(
    ChatController &controller, QQuickWindow &window, const QString &screenshotDir, QObject *parent)
    : QObject(parent)
    , m_controller(controller)
    , m_window(window)
    , m_dir(screenshotDir)
{
    connect(&m_tick, &QTimer::timeout, this, &DemoAutoplay::step);
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, [this] { fail(u"step %1 did not happen within 30 s"_s.arg(m_step)); });
}

void DemoAutoplay::start()
{
    QDir().mkpath(m_dir);
    m_tick.start(100);
    m_deadline.start(30'000);
}

void DemoAutoplay::shoot(const QString &name)
{
    const QString file = QDir(m_dir).filePath(name + u".png"_s);
    if (!m_window.grabWindow().save(file))
        fail(u"cannot save %1"_s.arg(file));
    QTextStream(stdout) << "demo: " << name << " -> " << file << Qt::endl;
}

void DemoAutoplay::fail(const QString &why)
{
    QTextStream(stderr) << "demo autoplay failed: " << why << Qt::endl;
    QCoreApplication::exit(1);
}

void DemoAutoplay::step()
{
    const auto next = [this] {
        ++m_step;
        m_deadline.start(30'000);
    };
    switch (m_step) {
    case 0: // the window is up
        if (!m_window.isExposed())
            return;
        shoot(u"1-start"_s);
        m_controller.send(u"Plan a weekend in Lisbon for two: trams, food, a view at sunset."_s);
        return next();
    case 1: // the reply has streamed in
        if (m_controller.busy() || m_controller.messages()->rowCount() < 2)
            return;
        shoot(u"2-reply"_s);
        if (!m_controller.handoffPlatforms().contains(u"telegram"_s))
            return fail(u"telegram is not offered for handoff"_s);
        m_controller.handOff(u"telegram"_s);
        return next();
    case 2: // handed off
        if (m_controller.handoffState() == "failed"_L1)
            return fail(m_controller.handoffText());
        if (m_controller.handoffState() != "completed"_L1)
            return;
        shoot(u"3-handed-off"_s);
        return next();
    case 3: { // the phone's message, and the assistant's answer to it, show up in the window
        const int rows = m_controller.messages()->rowCount();
        if (rows < 5 || m_controller.messages()->index(rows - 1).data(MessageListModel::RoleNameRole) != "assistant"_L1
            || m_controller.messages()->index(rows - 1).data(MessageListModel::ContentRole).toString().isEmpty())
            return;
        shoot(u"4-phone-replied"_s);
        m_tick.stop();
        m_deadline.stop();
        QTextStream(stdout) << "demo: played through" << Qt::endl;
        QCoreApplication::exit(0);
        return;
    }
    default:
        return;
    }
}
