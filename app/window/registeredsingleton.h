// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJSEngine>
#include <QPointer>

class QQmlEngine;

/**
 * @brief The QML_SINGLETON side of a controller C++ makes and owns: QML's instance is the one
 * registered with setInstance() before the window loads (docs/architecture.md, "The window").
 */
template<typename Controller> class RegisteredSingleton
{
public:
    /// QML's singleton: the registered instance, still owned by C++.
    static Controller *create(QQmlEngine *, QJSEngine *)
    {
        if (s_instance)
            QJSEngine::setObjectOwnership(s_instance, QJSEngine::CppOwnership);
        return s_instance;
    }
    /// Makes @p controller the one the window shows; call it before the engine loads the window.
    static void setInstance(Controller *controller) { s_instance = controller; }

private:
    static inline QPointer<Controller> s_instance;
};
