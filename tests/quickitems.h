// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QQuickItem>
#include <QString>

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
