// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPointer>
#include <QQuickTextDocument>
#include <QtQmlIntegration>

class QSyntaxHighlighter;

/**
 * @brief Colours a code block's text by its language with KSyntaxHighlighting, when the build
 * found KF6SyntaxHighlighting; otherwise it does nothing and the block stays monospaced.
 */
class CodeHighlighter : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QQuickTextDocument *document READ document WRITE setDocument NOTIFY changed)
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY changed)
    Q_PROPERTY(bool dark READ dark WRITE setDark NOTIFY changed)
    Q_PROPERTY(bool available READ available CONSTANT)

public:
    explicit CodeHighlighter(QObject *parent = nullptr);
    ~CodeHighlighter() override;

    [[nodiscard]] QQuickTextDocument *document() const { return m_document; }
    void setDocument(QQuickTextDocument *document);
    [[nodiscard]] QString language() const { return m_language; }
    void setLanguage(const QString &language);
    [[nodiscard]] bool dark() const { return m_dark; }
    void setDark(bool dark);
    /// Whether this build can highlight at all.
    [[nodiscard]] static bool available();

Q_SIGNALS:
    void changed();

private:
    void apply();

    QPointer<QQuickTextDocument> m_document;
    QString m_language;
    bool m_dark = false;
    QSyntaxHighlighter *m_highlighter = nullptr;
};
