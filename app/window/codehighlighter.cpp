// SPDX-License-Identifier: GPL-3.0-or-later
#include "codehighlighter.h"

#include "text/codelanguage.h"

#include <QQuickTextDocument>
#include <QTextDocument>

#ifdef BATON_HAVE_KF6_HIGHLIGHTING
#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <KSyntaxHighlighting/Theme>

namespace {

/// The repository reads hundreds of definition files: once per process, on first use.
KSyntaxHighlighting::Repository &repository()
{
    static KSyntaxHighlighting::Repository instance;
    return instance;
}

class CountingHighlighter : public KSyntaxHighlighting::SyntaxHighlighter
{
public:
    CountingHighlighter(QTextDocument *document, CodeHighlighter &owner)
        : KSyntaxHighlighting::SyntaxHighlighter(document)
        , m_owner(owner)
    { }

protected:
    void highlightBlock(const QString &text) override
    {
        KSyntaxHighlighting::SyntaxHighlighter::highlightBlock(text);
        m_owner.countHighlightedLine();
    }

private:
    CodeHighlighter &m_owner;
};

} // namespace
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

void CodeHighlighter::countHighlightedLine()
{
    ++m_highlightedLines;
    Q_EMIT highlightedLinesChanged();
}

void CodeHighlighter::apply()
{
#ifdef BATON_HAVE_KF6_HIGHLIGHTING
    QTextDocument *document = m_document ? m_document->textDocument() : nullptr;
    if (!document)
        return;
    if (!m_contentsWatch) {
        // Without an info string the language is guessed from the text, which a streamed block
        // only gets later: look again while no language is known.
        m_contentsWatch = connect(document, &QTextDocument::contentsChanged, this, [this] {
            if (m_definition.isEmpty())
                apply();
        });
    }
    const QString name = CodeLanguage::forFence(m_language, document->toPlainText());
    auto definition = repository().definitionForName(name);
    if (!definition.isValid() && !name.isEmpty())
        definition = repository().definitionForFileName(QStringLiteral("code.") + name);
    if (!definition.isValid()) {
        if (m_highlighter)
            static_cast<KSyntaxHighlighting::SyntaxHighlighter *>(m_highlighter)
                ->setDefinition(KSyntaxHighlighting::Definition {});
        return;
    }
    auto *highlighter = static_cast<KSyntaxHighlighting::SyntaxHighlighter *>(m_highlighter);
    if (!highlighter) {
        highlighter = new CountingHighlighter(document, *this);
        m_highlighter = highlighter;
    }
    const auto theme = repository().defaultTheme(
        m_dark ? KSyntaxHighlighting::Repository::DarkTheme : KSyntaxHighlighting::Repository::LightTheme);
    if (highlighter->theme().name() != theme.name() || highlighter->definition() != definition) {
        // Both set before one re-colouring pass; setDefinition re-colours the whole document.
        highlighter->setTheme(theme);
        highlighter->setDefinition(definition);
    }
    if (m_definition != definition.name()) {
        m_definition = definition.name();
        Q_EMIT definitionChanged();
    }
#endif
}
