// SPDX-License-Identifier: GPL-3.0-or-later
#include "safetext.h"

#include "safemarkdown.h"

#include <QDesktopServices>
#include <QUrl>
#include <QVariantMap>

using namespace Qt::StringLiterals;

QString SafeText::markdown(const QString &markdown) const
{
    return SafeMarkdown::toDisplay(markdown);
}

QString SafeText::prose(const QString &markdown, const QVariantMap &style) const
{
    SafeMarkdown::ProseStyle prose;
    prose.codeBackground = style.value(u"codeBackground"_s).value<QColor>();
    prose.rule = style.value(u"rule"_s).value<QColor>();
    prose.quoteText = style.value(u"quoteText"_s).value<QColor>();
    prose.fontPixelSize = style.value(u"fontPixelSize"_s, prose.fontPixelSize).toInt();
    prose.paragraphSpacing = style.value(u"paragraphSpacing"_s, prose.paragraphSpacing).toInt();
    return SafeMarkdown::toHtml(markdown, prose);
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
