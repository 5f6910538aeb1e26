// SPDX-License-Identifier: GPL-3.0-or-later
pragma Singleton
import QtQuick

// The window's colours, spacing and type sizes in one place. Colours follow the desktop's palette,
// light or dark, whatever style is in use; the accent is Baton's own.
QtObject {
    readonly property SystemPalette system: SystemPalette { colorGroup: SystemPalette.Active }
    readonly property bool dark: system.window.hslLightness < 0.5

    readonly property color accent: dark ? "#5eb3a5" : "#1f7a6d"
    /// Text on an accent-filled background.
    readonly property color textOnAccent: dark ? "#0d1f1c" : "white"
    readonly property color subtle: dark ? "#9aa3ab" : "#5f6b75"
    readonly property color errorColor: dark ? "#ff8a80" : "#b3261e"
    readonly property color bubble: dark ? Qt.lighter(system.window, 1.35) : Qt.darker(system.window, 1.06)
    readonly property color sidebar: Qt.darker(system.window, dark ? 1.15 : 1.03)
    readonly property color card: dark ? Qt.lighter(system.window, 1.25) : Qt.darker(system.window, 1.04)
    readonly property color line: Qt.darker(system.window, dark ? 0.75 : 1.14)
    readonly property color headerLine: Qt.darker(system.window, 1.12)
    readonly property color fieldBorder: Qt.darker(system.window, 1.25)
    readonly property color codeBackground: dark ? Qt.darker(system.base, 1.2) : Qt.darker(system.base, 1.04)
    readonly property color codeBorder: Qt.darker(system.window, 1.15)
    // Inline code, table rules and quotes' rules: tints of the text colour, so they read on either bubble.
    readonly property color inlineCode: tint(system.text, dark ? 0.12 : 0.07)
    readonly property color rule: tint(system.text, dark ? 0.28 : 0.2)
    /// How the prose's Markdown is drawn (SafeText.prose).
    readonly property var prose: ({
        codeBackground: inlineCode, rule: rule, quoteText: subtle,
        fontPixelSize: fontMessage, paragraphSpacing: 10
    })

    // Type sizes, in pixels.
    readonly property int fontSmall: 11
    readonly property int fontHint: 12
    readonly property int fontBody: 13
    readonly property int fontMessage: 14
    readonly property int fontHeading: 15
    readonly property int fontTitle: 16
    readonly property int fontDialogTitle: 17
    readonly property int fontPageTitle: 20
    readonly property int fontDisplay: 26

    // Spacing, in pixels.
    readonly property int spacingTiny: 2
    readonly property int spacingSmall: 6
    readonly property int spacing: 8
    readonly property int padding: 12
    readonly property int margin: 16
    readonly property int marginLarge: 24
    readonly property int radius: 10

    /// The widest the conversation's text runs, in characters of the message font: past about 80,
    /// the eye loses the next line's start.
    readonly property int measureCharacters: 80

    /// @p color with the opacity @p alpha, for tinted backgrounds.
    function tint(color, alpha) {
        return Qt.rgba(color.r, color.g, color.b, alpha)
    }
    /// The colour of an outcome's state: ok, failed, or anything else (running, saving).
    function stateColor(state) {
        return state === "ok" ? accent : state === "failed" ? errorColor : subtle
    }
    /// How long ago @p date was, briefly: "now", "5 min", "3 h", or the date.
    function relativeTime(date) {
        const seconds = (Date.now() - date.getTime()) / 1000
        if (seconds < 60)
            return qsTr("now")
        if (seconds < 3600)
            return qsTr("%1 min").arg(Math.floor(seconds / 60))
        if (seconds < 86400)
            return qsTr("%1 h").arg(Math.floor(seconds / 3600))
        return date.toLocaleDateString(Qt.locale(), Locale.ShortFormat)
    }
    /// How long ago @p date was, as a phrase: "just now", "5 min ago", or the date and time.
    function timeAgo(date) {
        const seconds = (Date.now() - date.getTime()) / 1000
        if (seconds < 60)
            return qsTr("just now")
        if (seconds < 3600)
            return qsTr("%1 min ago").arg(Math.floor(seconds / 60))
        if (seconds < 86400)
            return qsTr("%1 h ago").arg(Math.floor(seconds / 3600))
        return date.toLocaleString(Qt.locale(), Locale.ShortFormat)
    }
}
