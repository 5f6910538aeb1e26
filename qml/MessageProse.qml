// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import Baton

// The prose of a message: its Markdown as SafeText.prose writes it (spaced paragraphs, inline code on
// a background, ruled tables and quotes), selectable, links shown before they open.
TextEdit {
    id: prose

    property real maxWidth: 600
    property bool failed: false

    objectName: "messageProse"
    width: Math.min(maxWidth, implicitWidth)
    readOnly: true
    selectByMouse: true
    wrapMode: Text.Wrap
    textFormat: TextEdit.RichText
    color: failed ? Theme.errorColor : Theme.system.text
    font.pixelSize: Theme.fontMessage
    // Where a link leads shows on hover, and again before it opens.
    ToolTip.visible: hoveredLink !== ""
    ToolTip.text: hoveredLink
    ToolTip.delay: 300
}
