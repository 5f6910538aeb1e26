// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Baton

// The Settings page of the model endpoint.
ScrollView {
    // The Settings dialog whose page this is.
    required property var dialog
    id: modelPage
    objectName: "modelPage"
    visible: modelPage.dialog.page === "model"
    contentWidth: availableWidth
    clip: true

    readonly property bool dirty: baseUrlField.text !== modelPage.dialog.settings.baseUrl
        || modelField.text !== modelPage.dialog.settings.model || apiKeyField.text !== ""
        || promptField.text !== modelPage.dialog.settings.systemPrompt
    function reset() {
        baseUrlField.text = modelPage.dialog.settings.baseUrl
        modelField.text = modelPage.dialog.settings.model
        apiKeyField.text = ""
        promptField.text = modelPage.dialog.settings.systemPrompt
    }
    Component.onCompleted: reset()
    Connections {
        target: modelPage.dialog
        function onResetFields() { modelPage.reset() }
    }
    Connections {
        target: modelPage.dialog.settings
        function onSaved(what, error) {
            if (what === "model" && error === "")
                modelPage.reset()
        }
    }

    ColumnLayout {
        x: 28
        width: modelPage.availableWidth - 56
        spacing: 14

        Item { implicitHeight: 8 }
        SettingsTitle { text: qsTr("Model") }
        SettingsHint {
            text: qsTr("Baton talks to any OpenAI-compatible server: Ollama, llama.cpp, vLLM, LM Studio or a hosted API.")
            font.pixelSize: Theme.fontBody
        }
        GridLayout {
            Layout.fillWidth: true
            Layout.topMargin: 6
            columns: 2
            columnSpacing: 16
            rowSpacing: 6

            SettingsFieldLabel { id: baseUrlLabel; text: qsTr("Endpoint") }
            SettingsField {
                id: baseUrlField
                objectName: "baseUrlField"
                label: baseUrlLabel.text
                placeholderText: "http://127.0.0.1:11434/v1"
            }
            Item { implicitWidth: 1 }
            SettingsHint { text: qsTr("The address up to /v1; Baton adds /chat/completions.") }

            SettingsFieldLabel { id: modelLabel; text: qsTr("Model"); Layout.topMargin: 8 }
            SettingsField {
                id: modelField
                objectName: "modelField"
                label: modelLabel.text
                Layout.topMargin: 8
                placeholderText: qsTr("e.g. qwen2.5:7b")
            }
            Item { implicitWidth: 1 }
            SettingsHint { text: qsTr("The name the server knows it by. Test the connection to see what it offers.") }

            SettingsFieldLabel { id: apiKeyLabel; text: qsTr("API key"); Layout.topMargin: 8 }
            RowLayout {
                Layout.topMargin: 8
                spacing: 8
                SettingsField {
                    id: apiKeyField
                    objectName: "apiKeyField"
                    label: apiKeyLabel.text
                    echoMode: TextInput.Password
                    placeholderText: modelPage.dialog.settings.apiKeyVariable !== ""
                        ? qsTr("Set by %1, which wins over the keychain").arg(modelPage.dialog.settings.apiKeyVariable)
                        : modelPage.dialog.settings.apiKeySet ? qsTr("Saved in the keychain — type to replace")
                        : qsTr("Not set — a local server needs none")
                }
                Button {
                    text: qsTr("Remove")
                    flat: true
                    visible: modelPage.dialog.settings.apiKeySet && modelPage.dialog.settings.apiKeyVariable === ""
                    onClicked: modelPage.dialog.settings.removeSecret("llm.api_key")
                    Accessible.name: qsTr("Remove the API key")
                    Accessible.ignored: !visible
                }
            }
            Item { implicitWidth: 1 }
            SettingsHint { text: qsTr("Kept in the system keychain as llm.api_key, never in baton.ini.") }

            SettingsFieldLabel { id: promptLabel; text: qsTr("System prompt"); Layout.topMargin: 8 }
            ScrollView {
                Layout.topMargin: 8
                Layout.fillWidth: true
                Layout.preferredHeight: 90
                TextArea {
                    id: promptField
                    objectName: "systemPromptField"
                    wrapMode: TextEdit.Wrap
                    placeholderText: qsTr("e.g. Answer briefly, in plain language.")
                    Accessible.name: promptLabel.text
                    // Tab leaves the field, as in the other fields of the page.
                    Keys.onTabPressed: nextItemInFocusChain(true).forceActiveFocus(Qt.TabFocusReason)
                    Keys.onBacktabPressed: nextItemInFocusChain(false).forceActiveFocus(Qt.BacktabFocusReason)
                }
            }
            Item { implicitWidth: 1 }
            SettingsHint { text: qsTr("Sent first in every chat that has none of its own (a chat's menu, Chat settings).") }
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.topMargin: 10
            Layout.leftMargin: 136
            spacing: 12
            Button {
                objectName: "testModelButton"
                Layout.alignment: Qt.AlignTop
                text: qsTr("Test connection")
                enabled: (modelPage.dialog.settings.tests["model"] || {}).state !== "running"
                onClicked: modelPage.dialog.settings.testModel(baseUrlField.text, apiKeyField.text, modelField.text)
            }
            SettingsOutcome {
                objectName: "modelTestResult"
                Layout.alignment: Qt.AlignVCenter
                result: modelPage.dialog.settings.tests["model"] || {}
                dotColor: Theme.stateColor(result.state)
            }
            Item { Layout.fillWidth: true; visible: !(modelPage.dialog.settings.tests["model"] || {}).text }
        }
        // What the server offers, by name: choosing one fills the model field.
        RowLayout {
            id: offeredRow
            Layout.fillWidth: true
            Layout.leftMargin: 136
            spacing: 12
            visible: (modelPage.dialog.settings.tests["model"] || {}).state === "ok"
                && modelPage.dialog.settings.testedModels.length > 0
            Label { text: qsTr("On the server"); color: Theme.subtle; Accessible.ignored: true }
            ComboBox {
                id: offeredPicker
                objectName: "offeredModelPicker"
                Layout.fillWidth: true
                model: modelPage.dialog.settings.testedModels
                currentIndex: modelPage.dialog.settings.testedModels.indexOf(modelField.text)
                displayText: currentIndex < 0 ? qsTr("Choose one of %n model(s)", "", count) : currentText
                Accessible.name: qsTr("Models on the server")
                Accessible.ignored: !visible
                onActivated: index => modelField.text = modelPage.dialog.settings.testedModels[index]
                // The style's text field would reach a screen reader even while the box is hidden.
                contentItem: ModelChoiceText { text: offeredPicker.displayText }
            }
        }

        Rectangle { Layout.fillWidth: true; Layout.topMargin: 8; height: 1; color: Theme.line }
        RowLayout {
            Layout.fillWidth: true
            spacing: 12
            SettingsOutcome {
                objectName: "modelSaveResult"
                result: modelPage.dialog.settings.saves["model"] || {}
                dotColor: Theme.stateColor(result.state)
            }
            Item { Layout.fillWidth: true; visible: !(modelPage.dialog.settings.saves["model"] || {}).text }
            AccentButton {
                objectName: "saveModelButton"
                text: qsTr("Save")
                fill: Theme.accent
                enabled: modelPage.dirty && (modelPage.dialog.settings.saves["model"] || {}).state !== "saving"
                onClicked: modelPage.dialog.settings.saveModel(baseUrlField.text, modelField.text, apiKeyField.text,
                    promptField.text)
            }
        }
        Item { implicitHeight: 12 }
    }
}
