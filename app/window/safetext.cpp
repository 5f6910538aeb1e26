// SPDX-License-Identifier: GPL-3.0-or-later
#include "safetext.h"

#include "safemarkdown.h"

#include <QDesktopServices>
#include <QUrl>

QString SafeText::markdown(const QString &markdown) const
{
    return SafeMarkdown::toDisplay(markdown);
}

bool SafeText::canOpen(const QString &url) const
{
    return SafeMarkdown::isOpenableLink(QUrl(url, QUrl::StrictMode));
}

bool SafeText::openLink(const QString &url) const
{
    // Checked here again: QML is not the only way to reach this.
    if (!canOpen(url))
        return false;
    return QDesktopServices::openUrl(QUrl(url, QUrl::StrictMode));
}
