// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Baton

// Where the next message is written: Enter sends, Shift+Enter starts a new line; Send turns into
// Stop while a reply streams.
Pane {
    id: composerPane

    required property ChatController controller
    /// Whether the conversation has messages, so a reply can be generated again.
    property bool hasMessages: false

    function focusInput() {
        composer.forceActiveFocus()
    }

    padding: Theme.padding
    // A message not sent after all ("Take this conversation back?" answered no) comes back here.
    Connections {
        target: composerPane.controller.handoff
        function onDraftReturned(message) {
            composer.text = message
            composer.cursorPosition = message.length
            composer.forceActiveFocus()
        }
    }
    // Editing a message puts its text here; sending resends it (EditingBar).
    Connections {
        target: composerPane.controller
        function onEditStarted(text: string) {
            composer.text = text
            composer.cursorPosition = composer.length
            composerPane.focusInput()
        }
        function onEditingChanged() {
            if (!composerPane.controller.editing)
                composer.text = ""
        }
    }
    RowLayout {
        anchors.fill: parent
        spacing: Theme.spacing
        ScrollView {
            Layout.fillWidth: true
            Layout.preferredHeight: Math.min(composer.implicitHeight, 160)
            TextArea {
                id: composer
                objectName: "composer"
                placeholderText: qsTr("Message Baton")
                wrapMode: TextEdit.Wrap
                padding: 10
                background: Rectangle {
                    radius: 8
                    color: Theme.system.base
                    border.width: composer.activeFocus ? 2 : 1
                    border.color: composer.activeFocus ? Theme.accent : Theme.fieldBorder
                }
                focus: true
                Accessible.name: qsTr("Message to Baton")
                // Tab types a tab inside the text; after the last character, or with Ctrl, it
                // moves on, as Shift+Tab always moves back.
                Keys.onTabPressed: event => {
                    if ((event.modifiers & Qt.ControlModifier) || cursorPosition === length)
                        nextItemInFocusChain(true).forceActiveFocus(Qt.TabFocusReason)
                    else
                        event.accepted = false
                }
                Keys.onBacktabPressed: nextItemInFocusChain(false).forceActiveFocus(Qt.BacktabFocusReason)
                Keys.onPressed: event => {
                    if ((event.key === Qt.Key_Return || event.key === Qt.Key_Enter)
                            && !(event.modifiers & Qt.ShiftModifier)) {
                        event.accepted = true
                        if (!composerPane.controller.busy && text.trim() !== "") {
                            composerPane.controller.send(text)
                            text = ""
                        }
                    }
                }
            }
        }
        Button {
            objectName: "sendButton"
            text: composerPane.controller.busy ? qsTr("Stop") : qsTr("Send")
            highlighted: !composerPane.controller.busy
            enabled: composerPane.controller.busy || composer.text.trim() !== ""
            onClicked: {
                if (composerPane.controller.busy) {
                    composerPane.controller.stop()
                } else {
                    composerPane.controller.send(composer.text)
                    composer.text = ""
                }
            }
        }
        Button {
            text: qsTr("Regenerate")
            flat: true
            visible: !composerPane.controller.busy && composerPane.hasMessages
            Accessible.ignored: !visible
            onClicked: composerPane.controller.regenerate()
        }
    }
}
