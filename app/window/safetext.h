// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QtQmlIntegration>

/**
 * @brief What QML does with text and links it did not write: Markdown without HTML or images
 * (SafeMarkdown), and links opened only when they are web or mail links.
 */
class SafeText : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

public:
    using QObject::QObject;

    /// @p markdown as SafeMarkdown::toDisplay makes it, for a Text.MarkdownText item.
    Q_INVOKABLE [[nodiscard]] QString markdown(const QString &markdown) const;
    /// @p markdown as SafeMarkdown::toHtml writes it, for a TextEdit.RichText item; @p style holds
    /// the ProseStyle's fields by name (codeBackground, rule, quoteText, fontPixelSize,
    /// paragraphSpacing), as Theme.prose gives them.
    Q_INVOKABLE [[nodiscard]] QString prose(const QString &markdown, const QVariantMap &style) const;
    /// True when openLink() would open @p url.
    Q_INVOKABLE [[nodiscard]] bool canOpen(const QString &url) const;
    /// Hands @p url to the desktop when it is an http, https or mailto link; false otherwise.
    Q_INVOKABLE bool openLink(const QString &url) const;
};
