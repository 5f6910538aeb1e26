// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Baton

// The one-sentence outcome of a test or a save, with a dot in its colour. Sentences name
// commands in `backticks`: Markdown shows them as code.
RowLayout {
    id: outcome
    property var result: ({})
    property color dotColor
    Layout.fillWidth: true
    spacing: 8
    visible: (result.text || "") !== ""
    FontMetrics { id: metrics; font: sentence.font }
    Rectangle {
        Layout.alignment: Qt.AlignTop
        Layout.topMargin: Math.max(0, Math.round((metrics.height - height) / 2))
        implicitWidth: 8
        implicitHeight: 8
        radius: 4
        color: outcome.dotColor
    }
    Label {
        id: sentence
        Layout.fillWidth: true
        // A sentence may quote what a server answered: Markdown, but never its HTML or images.
        text: SafeText.markdown(outcome.result.text || "")
        textFormat: Text.MarkdownText
        color: outcome.dotColor
        wrapMode: Text.Wrap
        Accessible.ignored: !visible
    }
}
