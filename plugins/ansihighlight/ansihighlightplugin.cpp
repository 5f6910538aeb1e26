// SPDX-License-Identifier: GPL-3.0-or-later
#include "ansihighlightplugin.h"

#include <KSyntaxHighlighting/AbstractHighlighter>
#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Format>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/State>
#include <KSyntaxHighlighting/Theme>

#include <QColor>

using namespace Qt::StringLiterals;

namespace {

/// One block, line by line, into a string with SGR sequences.
class AnsiWriter : public KSyntaxHighlighting::AbstractHighlighter
{
public:
    explicit AnsiWriter(bool trueColor)
        : m_trueColor(trueColor)
    { }

    QString write(const QString &code)
    {
        KSyntaxHighlighting::State state;
        const QStringList lines = code.split(u'\n');
        for (qsizetype i = 0; i < lines.size(); ++i) {
            m_line = lines.at(i);
            m_written = 0;
            state = highlightLine(m_line, state);
            m_out += QStringView(m_line).sliced(m_written); // a tail no format covered
            if (i + 1 < lines.size())
                m_out += u'\n';
        }
        return std::exchange(m_out, {});
    }

protected:
    void applyFormat(int offset, int length, const KSyntaxHighlighting::Format &format) override
    {
        if (offset > m_written)
            m_out += QStringView(m_line).sliced(m_written, offset - m_written);
        const QStringView text = QStringView(m_line).sliced(offset, length);
        m_written = offset + length;
        if (format.isDefaultTextStyle(theme()) || !format.hasTextColor(theme())) {
            m_out += text;
            return;
        }
        QString sgr = colour(format.textColor(theme()));
        if (format.isBold(theme()))
            sgr += u";1"_s;
        if (format.isItalic(theme()))
            sgr += u";3"_s;
        m_out += u"\x1b["_s + sgr + u'm' + text + u"\x1b[0m"_s;
    }

private:
    [[nodiscard]] QString colour(const QColor &c) const
    {
        if (m_trueColor)
            return u"38;2;%1;%2;%3"_s.arg(c.red()).arg(c.green()).arg(c.blue());
        // The 6×6×6 cube of the 256-colour palette.
        const auto level = [](int v) { return (v * 5 + 127) / 255; };
        return u"38;5;%1"_s.arg(16 + 36 * level(c.red()) + 6 * level(c.green()) + level(c.blue()));
    }

    bool m_trueColor;
    QString m_out;
    QString m_line;
    int m_written = 0;
};

/// COLORFGBG ("15;0": white on black) is the one hint terminals give about their background.
bool terminalIsLight()
{
    const QString colours = qEnvironmentVariable("COLORFGBG");
    if (colours.isEmpty())
        return false;
    const int background = colours.section(u';', -1).toInt();
    return background == 7 || background == 15;
}

} // namespace

AnsiHighlightPlugin::AnsiHighlightPlugin()
    : m_repository(std::make_unique<KSyntaxHighlighting::Repository>())
{ }

AnsiHighlightPlugin::~AnsiHighlightPlugin() = default;

QString AnsiHighlightPlugin::highlight(const QString &code, const QString &language)
{
    auto definition = m_repository->definitionForName(language);
    if (!definition.isValid())
        definition = m_repository->definitionForFileName(u"code."_s + language);
    if (!definition.isValid())
        return code;
    const QString colourTerm = qEnvironmentVariable("COLORTERM");
    AnsiWriter writer(colourTerm == "truecolor"_L1 || colourTerm == "24bit"_L1);
    writer.setDefinition(definition);
    writer.setTheme(m_repository->defaultTheme(
        terminalIsLight() ? KSyntaxHighlighting::Repository::LightTheme : KSyntaxHighlighting::Repository::DarkTheme));
    return writer.write(code);
}
