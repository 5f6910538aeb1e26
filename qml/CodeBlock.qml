// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import Baton

// One fenced code block of a message: monospaced, coloured by its language when the build has
// KSyntaxHighlighting, with a copy button. Long lines scroll sideways instead of breaking inside
// a word: Shift and the wheel, a touchpad, the scroll bar, or the arrow keys once the block has
// the focus (a block wider than its box is a Tab stop, so the keyboard reaches what is hidden).
Rectangle {
    id: block
    required property string text
    // The fence's info string ("cpp", "python", or "").
    required property string language
    property real maxWidth: 600
    readonly property alias highlighter: highlighter
    readonly property alias textItem: code
    readonly property alias scroller: scroller
    signal copyRequested(string text)

    objectName: "codeBlock"
    width: Math.min(maxWidth, code.implicitWidth + 24)
    height: scroller.y + scroller.height + 6
    radius: 6
    color: Theme.codeBackground
    border.color: scroller.activeFocus ? Theme.accent : Theme.codeBorder
    border.width: scroller.activeFocus ? 2 : 1
    Label {
        x: 12
        y: 6
        text: block.language
        textFormat: Text.PlainText
        font.pixelSize: Theme.fontSmall
        color: Theme.subtle
    }
    CopyButton {
        id: copyCode
        objectName: "copyCode"
        anchors.right: parent.right
        copyName: qsTr("Copy code block")
        implicitHeight: 24
        onCopyRequested: block.copyRequested(block.text)
    }
    Flickable {
        id: scroller
        objectName: "codeScroller"
        readonly property bool overflows: contentWidth > width + 0.5
        readonly property real step: 48

        function scrollBy(dx) {
            contentX = Math.max(0, Math.min(contentWidth - width, contentX + dx))
        }

        x: 12
        anchors.top: copyCode.bottom
        width: block.width - 24
        height: code.implicitHeight + (overflows ? bar.height + 2 : 0)
        contentWidth: code.implicitWidth
        contentHeight: code.implicitHeight
        // No dragging: a drag selects code. The wheels below, the scroll bar and the keys scroll it.
        interactive: false
        boundsBehavior: Flickable.StopAtBounds
        clip: true
        activeFocusOnTab: overflows
        Accessible.role: Accessible.Pane
        Accessible.name: qsTr("Code block, scrolls sideways with the arrow keys")
        Accessible.ignored: !overflows
        Keys.onLeftPressed: scrollBy(-step)
        Keys.onRightPressed: scrollBy(step)
        Keys.onPressed: event => {
            if (event.key === Qt.Key_Home) {
                contentX = 0
                event.accepted = true
            } else if (event.key === Qt.Key_End) {
                scrollBy(contentWidth)
                event.accepted = true
            }
        }
        ScrollBar.horizontal: ScrollBar {
            id: bar
            policy: scroller.overflows ? ScrollBar.AlwaysOn : ScrollBar.AlwaysOff
            Accessible.name: qsTr("Scroll the code sideways")
            Accessible.ignored: !scroller.overflows
        }
        // A plain wheel scrolls the conversation; with Shift (as in every text view) it goes sideways,
        // as does a touchpad's or a tilting wheel's sideways turn.
        WheelHandler {
            acceptedModifiers: Qt.ShiftModifier
            enabled: scroller.overflows
            onWheel: event => scroller.scrollBy(-(event.angleDelta.y !== 0 ? event.angleDelta.y : event.angleDelta.x) / 2)
        }
        WheelHandler {
            orientation: Qt.Horizontal
            acceptedModifiers: Qt.NoModifier
            enabled: scroller.overflows
            onWheel: event => scroller.scrollBy(-(event.pixelDelta.x !== 0 ? event.pixelDelta.x : event.angleDelta.x / 2))
        }
        TextEdit {
            id: code
            objectName: "codeText"
            readOnly: true
            selectByMouse: true
            wrapMode: TextEdit.NoWrap
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
}
