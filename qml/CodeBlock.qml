// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import Baton

// One fenced code block of a message: monospaced, coloured by its language when the build has
// KSyntaxHighlighting, with a copy button.
Rectangle {
    id: block
    required property string text
    // The fence's info string ("cpp", "python", or "").
    required property string language
    property real maxWidth: 600
    readonly property alias highlighter: highlighter
    readonly property alias textItem: code
    signal copyRequested(string text)

    objectName: "codeBlock"
    width: Math.min(maxWidth, code.implicitWidth + 24)
    height: code.implicitHeight + copyCode.height + 12
    radius: 6
    color: Theme.codeBackground
    border.color: Theme.codeBorder
    Label {
        x: 12
        y: 6
        text: block.language
        textFormat: Text.PlainText
        font.pixelSize: Theme.fontSmall
        color: Theme.subtle
    }
    ToolButton {
        id: copyCode
        anchors.right: parent.right
        text: qsTr("Copy")
        focusPolicy: Qt.NoFocus // from the keyboard: Ctrl+C on the message
        Accessible.name: qsTr("Copy code block")
        font.pixelSize: Theme.fontSmall
        implicitHeight: 24
        onClicked: block.copyRequested(block.text)
    }
    TextEdit {
        id: code
        objectName: "codeText"
        x: 12
        anchors.top: copyCode.bottom
        width: Math.min(block.maxWidth - 24, implicitWidth)
        readOnly: true
        selectByMouse: true
        wrapMode: Text.WrapAnywhere
        textFormat: TextEdit.PlainText
        text: block.text
        color: Theme.system.text
        font.family: "monospace"
        font.pixelSize: Theme.fontBody
        CodeHighlighter {
            id: highlighter
            document: code.textDocument
            language: block.language
            dark: Theme.dark
        }
    }
}
