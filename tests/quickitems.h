// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDebug>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QString>
#include <QTest>

/// The item called @p name under @p root (a shown one only, if asked). Through the visual tree:
/// Repeater and ListView delegates are not QObject children of what shows them.
inline QQuickItem *findItem(QQuickItem *root, const QString &name, bool shownOnly = false)
{
    if (!root)
        return nullptr;
    for (QQuickItem *child : root->childItems()) {
        if (child->objectName() == name && (!shownOnly || child->isVisible()))
            return child;
        if (QQuickItem *found = findItem(child, name, shownOnly))
            return found;
    }
    return nullptr;
}

/// The window's Main.qml loaded by @p engine, 1100x720 and exposed; nullptr if it did not load.
inline QQuickWindow *openMainWindow(QQmlApplicationEngine &engine)
{
    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Baton/Main.qml")));
    auto *window
        = engine.rootObjects().isEmpty() ? nullptr : qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
    if (!window)
        return nullptr;
    window->resize(1100, 720);
    return QTest::qWaitForWindowExposed(window) ? window : nullptr;
}

/// The item called @p name in @p window: a QObject child (a popup's content), else one in the
/// visual tree. Says so when there is none, so a failing test names what it missed.
inline QQuickItem *namedItem(QQuickWindow *window, const QString &name)
{
    auto *found = window->findChild<QQuickItem *>(name);
    if (!found)
        found = findItem(window->contentItem(), name);
    if (!found)
        qWarning() << "no item named" << name;
    return found;
}
