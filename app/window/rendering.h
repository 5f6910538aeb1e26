// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QQuickWindow>
#include <QSGRendererInterface>

namespace Rendering {

/// Call before the application object exists. A chat window needs no GPU: Qt Quick's software
/// renderer starts faster and keeps the window near 60 MB where a GL stack (llvmpipe on machines
/// without one) costs ~90 MB more. QT_QUICK_BACKEND, when set, still decides.
inline void chooseRenderer()
{
    if (qEnvironmentVariableIsEmpty("QT_QUICK_BACKEND"))
        QQuickWindow::setGraphicsApi(QSGRendererInterface::Software);
}

} // namespace Rendering
