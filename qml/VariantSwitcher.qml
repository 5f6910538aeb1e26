// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Baton

// "< 1/2 >" on a message with variants (Regenerate, edit and resend): flips to the variant before
// or after it. From the keyboard: Alt+Left and Alt+Right on the message (MessageList).
RowLayout {
    id: switcher

    required property int index // 1-based; 0 when the message has no variants
    required property int count
    required property var previous // the variant's message id, 0 for none
    required property var next

    /// The person chose the variant @p messageId.
    signal chosen(var messageId)

    objectName: "variantSwitcher"
    visible: count > 1
    spacing: 0
    Accessible.ignored: !visible

    ToolButton {
        objectName: "previousVariant"
        text: "‹"
        enabled: switcher.previous > 0
        implicitHeight: 22
        focusPolicy: Qt.NoFocus // from the keyboard: Alt+Left on the message
        onClicked: switcher.chosen(switcher.previous)
        Accessible.name: qsTr("Previous variant")
        Accessible.ignored: !switcher.visible
    }
    Label {
        objectName: "variantLabel"
        text: "%1/%2".arg(switcher.index).arg(switcher.count)
        font.pixelSize: Theme.fontSmall
        color: Theme.subtle
        Accessible.name: qsTr("Variant %1 of %2").arg(switcher.index).arg(switcher.count)
        Accessible.ignored: !switcher.visible
    }
    ToolButton {
        objectName: "nextVariant"
        text: "›"
        enabled: switcher.next > 0
        implicitHeight: 22
        focusPolicy: Qt.NoFocus // from the keyboard: Alt+Right on the message
        onClicked: switcher.chosen(switcher.next)
        Accessible.name: qsTr("Next variant")
        Accessible.ignored: !switcher.visible
    }
}
