// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Baton

// One chat's own settings: its system prompt, or the default one from Settings.
Dialog {
    id: dialog
    objectName: "chatSettingsDialog"

    required property ChatController controller
    property string sessionId: ""
    property string chatTitle: ""
    // What the person typed for this chat, kept while the default is shown instead.
    property string ownPrompt: ""

    function ask(sessionId: string, title: string) {
        dialog.sessionId = sessionId
        dialog.chatTitle = title
        dialog.ownPrompt = dialog.controller.actions.systemPrompt(sessionId)
        useDefault.checked = dialog.controller.actions.usesDefaultPrompt(sessionId)
        dialog.showPrompt()
        open()
        useDefault.forceActiveFocus()
    }
    function showPrompt() {
        promptField.text = useDefault.checked ? dialog.controller.actions.defaultSystemPrompt() : dialog.ownPrompt
    }

    parent: Overlay.overlay
    anchors.centerIn: parent
    modal: true
    title: qsTr("Chat settings")
    standardButtons: Dialog.Save | Dialog.Cancel
    onAccepted: dialog.controller.actions.setSystemPrompt(dialog.sessionId, useDefault.checked, promptField.text)

    ColumnLayout {
        spacing: Theme.spacing
        width: 460
        Label {
            Layout.fillWidth: true
            text: qsTr("System prompt of “%1”").arg(dialog.chatTitle)
            textFormat: Text.PlainText // titles come from people and models
            elide: Text.ElideRight
            font.weight: Font.DemiBold
        }
        CheckBox {
            id: useDefault
            objectName: "useDefaultPrompt"
            text: qsTr("Use the default system prompt from Settings")
            onToggled: {
                if (checked)
                    dialog.ownPrompt = promptField.text
                dialog.showPrompt()
            }
        }
        ScrollView {
            Layout.fillWidth: true
            Layout.preferredHeight: 140
            TextArea {
                id: promptField
                objectName: "chatPromptField"
                readOnly: useDefault.checked
                wrapMode: TextEdit.Wrap
                placeholderText: useDefault.checked ? qsTr("No default system prompt is set")
                    : qsTr("None: the model gets only the conversation")
                Accessible.name: qsTr("System prompt of this chat")
                // Tab leaves the field, as in every other field of the window.
                Keys.onTabPressed: nextItemInFocusChain(true).forceActiveFocus(Qt.TabFocusReason)
                Keys.onBacktabPressed: nextItemInFocusChain(false).forceActiveFocus(Qt.BacktabFocusReason)
            }
        }
        Label {
            Layout.fillWidth: true
            text: qsTr("Sent to the model before the conversation, here and when the chat continues on a phone.")
            wrapMode: Text.Wrap
            font.pixelSize: Theme.fontSmall
            color: Theme.subtle
        }
    }
}
