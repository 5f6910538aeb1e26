// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Baton

// Where the reply will be, from the moment a message is sent to its first word: "Thinking…", or
// which try of the model it is when Baton connects again.
Item {
    id: placeholder

    required property ReplyProgress progress

    objectName: "thinkingPlaceholder"
    visible: progress.waiting
    height: visible ? box.height + Theme.spacing : 0
    Accessible.role: Accessible.StaticText
    Accessible.name: label.text
    Accessible.description: progress.reason
    Accessible.ignored: !visible

    Rectangle {
        id: box
        y: Theme.spacing
        x: Theme.marginLarge
        width: row.implicitWidth + 2 * Theme.margin
        height: row.implicitHeight + 2 * Theme.padding
        radius: Theme.radius
        color: Theme.bubble

        RowLayout {
            id: row
            anchors.centerIn: parent
            spacing: Theme.spacing
            BusyIndicator {
                Layout.preferredWidth: 18
                Layout.preferredHeight: 18
                running: placeholder.visible
                Accessible.ignored: true
            }
            Label {
                id: label
                objectName: "thinkingText"
                text: placeholder.progress.text
                textFormat: Text.PlainText
                color: Theme.subtle
                font.pixelSize: Theme.fontMessage
                Accessible.ignored: true
            }
        }
    }
}
