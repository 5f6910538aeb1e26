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
 *
 * The language comes from the fence's info string (aliases such as "py" or "c++" included) or,
 * without one, a guess from the text (CodeLanguage); the theme follows the window's palette.
 */
class CodeHighlighter : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QQuickTextDocument *document READ document WRITE setDocument NOTIFY changed)
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY changed)
    Q_PROPERTY(bool dark READ dark WRITE setDark NOTIFY changed)
    Q_PROPERTY(bool available READ available CONSTANT)
    Q_PROPERTY(QString definition READ definition NOTIFY definitionChanged)
    Q_PROPERTY(int highlightedLines READ highlightedLines NOTIFY highlightedLinesChanged)

public:
    explicit CodeHighlighter(QObject *parent = nullptr);
    ~CodeHighlighter() override;

    [[nodiscard]] QQuickTextDocument *document() const { return m_document; }
    void setDocument(QQuickTextDocument *document);
    /// The fence's info string ("cpp", "python title=x.py", or "").
    [[nodiscard]] QString language() const { return m_language; }
    void setLanguage(const QString &language);
    [[nodiscard]] bool dark() const { return m_dark; }
    void setDark(bool dark);
    /// Whether this build can highlight at all.
    [[nodiscard]] static bool available();
    /// The KSyntaxHighlighting definition in use ("C++"), or "" for plain text.
    [[nodiscard]] QString definition() const { return m_definition; }
    /// How many lines were coloured so far: streaming into one block must not re-colour another.
    [[nodiscard]] int highlightedLines() const { return m_highlightedLines; }
    void countHighlightedLine();

Q_SIGNALS:
    void changed();
    void definitionChanged();
    void highlightedLinesChanged();

private:
    void apply();

    QPointer<QQuickTextDocument> m_document;
    QString m_language;
    bool m_dark = false;
    QString m_definition;
    int m_highlightedLines = 0;
    QSyntaxHighlighter *m_highlighter = nullptr;
    QMetaObject::Connection m_contentsWatch;
};
