// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import Baton

// The model's reasoning above its reply: open while the model is still thinking, folded away once
// the answer begins. A click, or Space on the message in the list, opens or folds it. Plain text:
// it is the model's, never rendered as Markdown.
Column {
    id: section

    property string reasoning
    /// The model is reasoning now: its answer has not begun.
    property bool live: false
    property real maxWidth: 600
    /// 0: follows live; 1: opened, 2: folded by the person.
    property int choice: 0
    readonly property bool expanded: choice === 0 ? live : choice === 1

    /// Opens or folds it; false when there is no reasoning to show.
    function toggle(): bool {
        if (!visible)
            return false
        choice = expanded ? 2 : 1
        return true
    }

    objectName: "thinkingSection"
    visible: reasoning !== ""
    spacing: Theme.spacingSmall

    ToolButton {
        objectName: "thinkingToggle"
        text: (section.expanded ? "▾ " : "▸ ") + (section.live ? qsTr("Thinking…") : qsTr("Thinking"))
        font.pixelSize: Theme.fontSmall
        implicitHeight: 24
        focusPolicy: Qt.NoFocus // from the keyboard: Space on the message
        onClicked: section.toggle()
        Accessible.name: section.expanded ? qsTr("Hide the model's thinking") : qsTr("Show the model's thinking")
        Accessible.ignored: !section.visible
    }
    Item {
        visible: section.expanded
        width: thinkingText.width + 10
        height: thinkingText.height
        Rectangle {
            width: 2
            height: parent.height
            color: Theme.line
        }
        TextEdit {
            id: thinkingText
            objectName: "thinkingText"
            x: 10
            width: Math.min(section.maxWidth - 10, implicitWidth)
            text: section.reasoning
            textFormat: TextEdit.PlainText
            readOnly: true
            selectByMouse: true
            wrapMode: Text.Wrap
            color: Theme.subtle
            font.pixelSize: Theme.fontBody
            font.italic: true
            Accessible.role: Accessible.StaticText
            Accessible.name: qsTr("The model's thinking: %1").arg(text)
            Accessible.ignored: !section.visible || !section.expanded
        }
    }
}
