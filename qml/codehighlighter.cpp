// SPDX-License-Identifier: GPL-3.0-or-later
#include "codehighlighter.h"

#include <QQuickTextDocument>

#ifdef BATON_HAVE_KF6_HIGHLIGHTING
#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <KSyntaxHighlighting/Theme>
#endif

CodeHighlighter::CodeHighlighter(QObject *parent)
    : QObject(parent)
{ }

CodeHighlighter::~CodeHighlighter() = default;

bool CodeHighlighter::available()
{
#ifdef BATON_HAVE_KF6_HIGHLIGHTING
    return true;
#else
    return false;
#endif
}

void CodeHighlighter::setDocument(QQuickTextDocument *document)
{
    if (document == m_document)
        return;
    m_document = document;
    apply();
    Q_EMIT changed();
}

void CodeHighlighter::setLanguage(const QString &language)
{
    if (language == m_language)
        return;
    m_language = language;
    apply();
    Q_EMIT changed();
}

void CodeHighlighter::setDark(bool dark)
{
    if (dark == m_dark)
        return;
    m_dark = dark;
    apply();
    Q_EMIT changed();
}

void CodeHighlighter::apply()
{
#ifdef BATON_HAVE_KF6_HIGHLIGHTING
    static KSyntaxHighlighting::Repository repository;
    if (!m_document || m_language.isEmpty())
        return;
    const auto definition = repository.definitionForName(m_language).isValid()
        ? repository.definitionForName(m_language)
        : repository.definitionForFileName(QStringLiteral("x.") + m_language);
    if (!definition.isValid())
        return;
    auto *highlighter = static_cast<KSyntaxHighlighting::SyntaxHighlighter *>(m_highlighter);
    if (!highlighter) {
        highlighter = new KSyntaxHighlighting::SyntaxHighlighter(m_document->textDocument());
        m_highlighter = highlighter;
    }
    highlighter->setTheme(repository.defaultTheme(
        m_dark ? KSyntaxHighlighting::Repository::DarkTheme : KSyntaxHighlighting::Repository::LightTheme));
    highlighter->setDefinition(definition);
#endif
}
