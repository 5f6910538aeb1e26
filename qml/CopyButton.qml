// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import Baton

// A small Copy button that says "Copied" for a moment after it copied, on the screen and to a
// screen reader.
ToolButton {
    id: button

    /// What a screen reader calls the button: what it copies ("Copy code block").
    required property string copyName
    /// True for a moment after a copy.
    property bool copied: false

    /// Pressed: the owner puts the text on the clipboard.
    signal copyRequested()

    text: copied ? qsTr("Copied") : qsTr("Copy")
    icon.name: copied ? "checkmark" : ""
    font.pixelSize: Theme.fontSmall
    focusPolicy: Qt.NoFocus // from the keyboard: Ctrl+C on the message
    Accessible.name: copyName
    onClicked: {
        copyRequested()
        copied = true
        settle.restart()
    }
    Timer {
        id: settle
        interval: 2000
        onTriggered: button.copied = false
    }
    // The button keeps no focus, so its new words would not be read: an alert, which screen readers
    // speak when it appears, says it instead.
    Item {
        objectName: "copiedNotice"
        visible: button.copied
        Accessible.role: Accessible.AlertMessage
        Accessible.name: qsTr("Copied to the clipboard")
        Accessible.ignored: !visible
    }
}
