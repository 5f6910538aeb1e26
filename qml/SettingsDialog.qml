// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Baton

// The Settings page: the model endpoint, each platform's token, home chat and allowed users, and
// the pairing requests waiting for approval. Tokens go to the keychain and are never shown back.
Dialog {
    id: dialog

    required property SettingsController settings
    /// The page on show: model, telegram, discord, slack or pairing.
    property string page: "model"

    /// Fields go back to what is saved (on open, and after a save).
    signal resetFields()

    parent: Overlay.overlay
    x: Math.round((parent.width - width) / 2)
    y: Math.round((parent.height - height) / 2)
    width: Math.min(parent.width - 64, 920)
    height: Math.min(parent.height - 56, 640)
    modal: true
    focus: true
    padding: 0
    topPadding: 0
    bottomPadding: 0
    closePolicy: Popup.CloseOnEscape
    onAboutToShow: {
        settings.reload()
        resetFields()
    }

    SystemPalette { id: system; colorGroup: SystemPalette.Active }
    readonly property bool dark: system.window.hslLightness < 0.5
    readonly property color accent: dark ? "#5eb3a5" : "#1f7a6d"
    readonly property color subtle: dark ? "#9aa3ab" : "#5f6b75"
    readonly property color errorColor: dark ? "#ff8a80" : "#b3261e"
    readonly property color line: Qt.darker(system.window, dark ? 0.75 : 1.14)
    readonly property color sidebar: Qt.darker(system.window, dark ? 1.15 : 1.03)
    readonly property color card: dark ? Qt.lighter(system.window, 1.25) : Qt.darker(system.window, 1.04)
    palette.window: system.window
    palette.windowText: system.windowText
    palette.base: system.base
    palette.text: system.text
    palette.button: system.button
    palette.buttonText: system.buttonText
    palette.highlight: system.highlight
    palette.highlightedText: system.highlightedText
    palette.placeholderText: subtle

    function relativeTime(date) {
        const seconds = (Date.now() - date.getTime()) / 1000
        if (seconds < 60)
            return qsTr("just now")
        if (seconds < 3600)
            return qsTr("%1 min ago").arg(Math.floor(seconds / 60))
        if (seconds < 86400)
            return qsTr("%1 h ago").arg(Math.floor(seconds / 3600))
        return date.toLocaleString(Qt.locale(), Locale.ShortFormat)
    }
    function stateColor(state) {
        return state === "ok" ? accent : state === "failed" ? errorColor : subtle
    }
    // What each platform calls its things, and where to find them.
    function hint(platform, field) {
        const hints = {
            telegram: {
                token: qsTr("From @BotFather. Kept in the system keychain as telegram.token."),
                home: qsTr("Where handoffs go: a chat id such as -1001234567890. /sethome in a chat sets it too."),
                users: qsTr("Numeric user ids, comma-separated. Anyone else can ask for a pairing code.")
            },
            discord: {
                token: qsTr("From the Developer Portal, under Bot. Kept in the system keychain as discord.token."),
                home: qsTr("Where handoffs go: a channel id (Developer Mode, then Copy Channel ID)."),
                users: qsTr("Numeric user ids, comma-separated. Anyone else can ask for a pairing code.")
            },
            slack: {
                token: qsTr("xoxb-…, from OAuth & Permissions. Kept in the system keychain as slack.bot_token."),
                app: qsTr("xapp-… with connections:write, for Socket Mode. Kept in the keychain as slack.app_token."),
                home: qsTr("Where handoffs go: a channel id such as C0123456789."),
                users: qsTr("Member ids such as U0123ABCD, comma-separated. Anyone else can ask for a pairing code.")
            }
        }
        return (hints[platform] || {})[field] || ""
    }
    function tokenPlaceholder(secret) {
        if (!secret)
            return ""
        if (secret.variable)
            return qsTr("Set by %1, which wins over the keychain").arg(secret.variable)
        return secret.set ? qsTr("Saved in the keychain — type to replace") : qsTr("Not set")
    }

    component PageTitle: Label {
        font.pixelSize: 20
        font.weight: Font.DemiBold
    }
    component Hint: Label {
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        font.pixelSize: 12
        color: palette.placeholderText
    }
    component FieldLabel: Label {
        Layout.alignment: Qt.AlignRight | Qt.AlignVCenter
        Layout.preferredWidth: 120
        horizontalAlignment: Text.AlignRight
    }
    component Field: TextField {
        Layout.fillWidth: true
        selectByMouse: true
    }
    // The one-sentence outcome of a test or a save, with a dot in its colour. Sentences name
    // commands in `backticks`: Markdown shows them as code.
    component Outcome: RowLayout {
        id: outcome
        property var result: ({})
        property color dotColor
        Layout.fillWidth: true
        spacing: 8
        visible: (result.text || "") !== ""
        FontMetrics { id: metrics; font: sentence.font }
        Rectangle {
            Layout.alignment: Qt.AlignTop
            Layout.topMargin: Math.max(0, Math.round((metrics.height - height) / 2))
            implicitWidth: 8
            implicitHeight: 8
            radius: 4
            color: outcome.dotColor
        }
        Label {
            id: sentence
            Layout.fillWidth: true
            text: outcome.result.text || ""
            textFormat: Text.MarkdownText
            color: outcome.dotColor
            wrapMode: Text.Wrap
        }
    }
    // The one action of a page, in the accent colour.
    component AccentButton: Button {
        id: accentButton
        property color fill
        leftPadding: 20
        rightPadding: 20
        contentItem: Label {
            text: accentButton.text
            // Dark text on the light accent of dark palettes, white on the deep one of light palettes.
            color: accentButton.fill.hslLightness > 0.5 ? "#0d1f1c" : "white"
            font.weight: Font.DemiBold
            horizontalAlignment: Text.AlignHCenter
            verticalAlignment: Text.AlignVCenter
        }
        background: Rectangle {
            implicitHeight: 30
            radius: 5
            color: accentButton.down ? Qt.darker(accentButton.fill, 1.15) : accentButton.fill
            opacity: accentButton.enabled ? 1 : 0.4
        }
    }

    background: Rectangle {
        color: system.window
        radius: 10
        border.color: dialog.line
    }
    Overlay.modal: Rectangle { color: Qt.rgba(0, 0, 0, dialog.dark ? 0.55 : 0.3) }

    header: Item {
        implicitHeight: 56
        Label {
            anchors.left: parent.left
            anchors.leftMargin: 22
            anchors.verticalCenter: parent.verticalCenter
            text: qsTr("Settings")
            font.pixelSize: 17
            font.weight: Font.DemiBold
        }
        Rectangle { anchors.bottom: parent.bottom; width: parent.width; height: 1; color: dialog.line }
    }

    footer: Item {
        implicitHeight: 56
        Rectangle { anchors.top: parent.top; width: parent.width; height: 1; color: dialog.line }
        Label {
            anchors.left: parent.left
            anchors.leftMargin: 22
            anchors.right: closeButton.left
            anchors.rightMargin: 16
            anchors.verticalCenter: parent.verticalCenter
            text: qsTr("Settings are stored in baton.ini; tokens and keys only in the system keychain.")
            color: dialog.subtle
            font.pixelSize: 12
            elide: Text.ElideRight
        }
        Button {
            id: closeButton
            objectName: "settingsCloseButton"
            anchors.right: parent.right
            anchors.rightMargin: 16
            anchors.verticalCenter: parent.verticalCenter
            text: qsTr("Close")
            onClicked: dialog.close()
        }
    }

    contentItem: RowLayout {
        spacing: 0

        // The pages.
        Rectangle {
            Layout.preferredWidth: 210
            Layout.fillHeight: true
            color: dialog.sidebar
            ColumnLayout {
                anchors.fill: parent
                anchors.margins: 10
                spacing: 2
                Repeater {
                    model: ["model"].concat(dialog.settings.platformNames).concat(["pairing"])
                    delegate: ItemDelegate {
                        id: entry
                        required property string modelData
                        required property int index
                        readonly property var platform: index > 0 && modelData !== "pairing"
                            ? (dialog.settings.platforms[index - 1] || {}) : null
                        objectName: "settingsNav_" + modelData
                        Layout.fillWidth: true
                        implicitHeight: 38
                        highlighted: dialog.page === modelData
                        onClicked: dialog.page = modelData
                        background: Rectangle {
                            radius: 6
                            color: entry.highlighted ? Qt.rgba(dialog.accent.r, dialog.accent.g, dialog.accent.b, 0.18)
                                : entry.hovered ? Qt.rgba(dialog.accent.r, dialog.accent.g, dialog.accent.b, 0.08)
                                : "transparent"
                        }
                        contentItem: RowLayout {
                            spacing: 8
                            Label {
                                Layout.fillWidth: true
                                text: entry.modelData === "model" ? qsTr("Model")
                                    : entry.modelData === "pairing" ? qsTr("Pairing requests")
                                    : (entry.platform.displayName || "")
                                font.weight: entry.highlighted ? Font.DemiBold : Font.Normal
                                elide: Text.ElideRight
                            }
                            // A platform's state: on and ready, on without a token, or off.
                            Label {
                                visible: entry.platform !== null
                                text: !entry.platform ? "" : !entry.platform.enabled ? qsTr("off")
                                    : entry.platform.tokenSet ? qsTr("on") : qsTr("no token")
                                font.pixelSize: 11
                                color: entry.platform && entry.platform.enabled
                                    ? (entry.platform.tokenSet ? dialog.accent : dialog.errorColor) : dialog.subtle
                            }
                            Rectangle {
                                visible: entry.modelData === "pairing" && dialog.settings.pairingRequests.length > 0
                                implicitWidth: Math.max(20, countLabel.implicitWidth + 10)
                                implicitHeight: 20
                                radius: 10
                                color: dialog.accent
                                Label {
                                    id: countLabel
                                    anchors.centerIn: parent
                                    text: dialog.settings.pairingRequests.length
                                    color: dialog.dark ? "#0d1f1c" : "white"
                                    font.pixelSize: 11
                                    font.weight: Font.DemiBold
                                }
                            }
                        }
                    }
                }
                Item { Layout.fillHeight: true }
            }
            Rectangle { anchors.right: parent.right; width: 1; height: parent.height; color: dialog.line }
        }

        Item {
            Layout.fillWidth: true
            Layout.fillHeight: true

            // Why something cannot be shown or used: the config, the store or the keychain.
            Rectangle {
                id: errorBanner
                visible: dialog.settings.errorText !== ""
                anchors.left: parent.left
                anchors.right: parent.right
                anchors.top: parent.top
                anchors.margins: 16
                height: visible ? errorLabel.implicitHeight + 20 : 0
                radius: 6
                color: Qt.rgba(dialog.errorColor.r, dialog.errorColor.g, dialog.errorColor.b, 0.12)
                Label {
                    id: errorLabel
                    objectName: "settingsError"
                    anchors.fill: parent
                    anchors.margins: 10
                    text: dialog.settings.errorText
                    color: dialog.errorColor
                    wrapMode: Text.Wrap
                }
            }

            Item {
                anchors.fill: parent
                anchors.topMargin: errorBanner.visible ? errorBanner.height + 16 : 0

                // The model endpoint.
                ScrollView {
                    id: modelPage
                    anchors.fill: parent
                    visible: dialog.page === "model"
                    contentWidth: availableWidth
                    clip: true

                    readonly property bool dirty: baseUrlField.text !== dialog.settings.baseUrl
                        || modelField.text !== dialog.settings.model || apiKeyField.text !== ""
                    function reset() {
                        baseUrlField.text = dialog.settings.baseUrl
                        modelField.text = dialog.settings.model
                        apiKeyField.text = ""
                    }
                    Component.onCompleted: reset()
                    Connections {
                        target: dialog
                        function onResetFields() { modelPage.reset() }
                    }
                    Connections {
                        target: dialog.settings
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
                        PageTitle { text: qsTr("Model") }
                        Hint {
                            text: qsTr("Baton talks to any OpenAI-compatible server: Ollama, llama.cpp, vLLM, LM Studio or a hosted API.")
                            font.pixelSize: 13
                        }
                        GridLayout {
                            Layout.fillWidth: true
                            Layout.topMargin: 6
                            columns: 2
                            columnSpacing: 16
                            rowSpacing: 6

                            FieldLabel { text: qsTr("Endpoint") }
                            Field {
                                id: baseUrlField
                                objectName: "baseUrlField"
                                placeholderText: "http://127.0.0.1:11434/v1"
                            }
                            Item { implicitWidth: 1 }
                            Hint { text: qsTr("The address up to /v1; Baton adds /chat/completions.") }

                            FieldLabel { text: qsTr("Model"); Layout.topMargin: 8 }
                            Field {
                                id: modelField
                                objectName: "modelField"
                                Layout.topMargin: 8
                                placeholderText: qsTr("e.g. qwen2.5:7b")
                            }
                            Item { implicitWidth: 1 }
                            Hint { text: qsTr("The name the server knows it by. Test the connection to see what it offers.") }

                            FieldLabel { text: qsTr("API key"); Layout.topMargin: 8 }
                            RowLayout {
                                Layout.topMargin: 8
                                spacing: 8
                                Field {
                                    id: apiKeyField
                                    objectName: "apiKeyField"
                                    echoMode: TextInput.Password
                                    placeholderText: dialog.settings.apiKeyVariable !== ""
                                        ? qsTr("Set by %1, which wins over the keychain").arg(dialog.settings.apiKeyVariable)
                                        : dialog.settings.apiKeySet ? qsTr("Saved in the keychain — type to replace")
                                        : qsTr("Not set — a local server needs none")
                                }
                                Button {
                                    text: qsTr("Remove")
                                    flat: true
                                    visible: dialog.settings.apiKeySet && dialog.settings.apiKeyVariable === ""
                                    onClicked: dialog.settings.removeSecret("llm.api_key")
                                }
                            }
                            Item { implicitWidth: 1 }
                            Hint { text: qsTr("Kept in the system keychain as llm.api_key, never in baton.ini.") }
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
                                enabled: (dialog.settings.tests["model"] || {}).state !== "running"
                                onClicked: dialog.settings.testModel(baseUrlField.text, apiKeyField.text, modelField.text)
                            }
                            Outcome {
                                objectName: "modelTestResult"
                                Layout.alignment: Qt.AlignVCenter
                                result: dialog.settings.tests["model"] || {}
                                dotColor: dialog.stateColor(result.state)
                            }
                            Item { Layout.fillWidth: true; visible: !(dialog.settings.tests["model"] || {}).text }
                        }

                        Rectangle { Layout.fillWidth: true; Layout.topMargin: 8; height: 1; color: dialog.line }
                        RowLayout {
                            Layout.fillWidth: true
                            spacing: 12
                            Outcome {
                                objectName: "modelSaveResult"
                                result: dialog.settings.saves["model"] || {}
                                dotColor: dialog.stateColor(result.state)
                            }
                            Item { Layout.fillWidth: true; visible: !(dialog.settings.saves["model"] || {}).text }
                            AccentButton {
                                objectName: "saveModelButton"
                                text: qsTr("Save")
                                fill: dialog.accent
                                enabled: modelPage.dirty && (dialog.settings.saves["model"] || {}).state !== "saving"
                                onClicked: dialog.settings.saveModel(baseUrlField.text, modelField.text, apiKeyField.text)
                            }
                        }
                        Item { implicitHeight: 12 }
                    }
                }

                // One page per platform.
                Repeater {
                    model: dialog.settings.platformNames
                    delegate: ScrollView {
                        id: platformPage
                        required property string modelData
                        required property int index
                        readonly property string name: modelData
                        readonly property var info: dialog.settings.platforms[index] || ({ secrets: [] })
                        readonly property var secrets: info.secrets || []
                        readonly property bool twoTokens: secrets.length > 1
                        readonly property var test: dialog.settings.tests[name] || ({})
                        readonly property var save: dialog.settings.saves[name] || ({})
                        readonly property bool dirty: enabledSwitch.checked !== (info.enabled || false)
                            || homeField.text !== (info.homeChat || "") || usersField.text !== (info.allowedUsers || "")
                            || tokenField.text !== "" || appTokenField.text !== ""

                        objectName: "platformPage_" + name
                        anchors.fill: parent
                        visible: dialog.page === name
                        contentWidth: availableWidth
                        clip: true

                        function reset() {
                            enabledSwitch.checked = info.enabled || false
                            homeField.text = info.homeChat || ""
                            usersField.text = info.allowedUsers || ""
                            tokenField.text = ""
                            appTokenField.text = ""
                        }
                        Component.onCompleted: reset()
                        Connections {
                            target: dialog
                            function onResetFields() { platformPage.reset() }
                        }
                        Connections {
                            target: dialog.settings
                            function onSaved(what, error) {
                                if (what === platformPage.name && error === "")
                                    platformPage.reset()
                            }
                        }

                        ColumnLayout {
                            x: 28
                            width: platformPage.availableWidth - 56
                            spacing: 14

                            Item { implicitHeight: 8 }
                            RowLayout {
                                Layout.fillWidth: true
                                PageTitle { Layout.fillWidth: true; text: platformPage.info.displayName || "" }
                                Switch {
                                    id: enabledSwitch
                                    objectName: "enabledSwitch"
                                    text: checked ? qsTr("Enabled") : qsTr("Disabled")
                                }
                            }
                            Hint {
                                text: qsTr("Talk to Baton from %1 and hand conversations off to it.")
                                    .arg(platformPage.info.displayName || "")
                                font.pixelSize: 13
                            }
                            GridLayout {
                                Layout.fillWidth: true
                                Layout.topMargin: 6
                                columns: 2
                                columnSpacing: 16
                                rowSpacing: 6

                                FieldLabel { text: qsTr("Bot token") }
                                Field {
                                    id: tokenField
                                    objectName: "tokenField"
                                    echoMode: TextInput.Password
                                    placeholderText: dialog.tokenPlaceholder(platformPage.secrets[0])
                                }
                                Item { implicitWidth: 1 }
                                Hint { text: dialog.hint(platformPage.name, "token") }

                                FieldLabel { text: qsTr("App token"); visible: platformPage.twoTokens; Layout.topMargin: 8 }
                                Field {
                                    id: appTokenField
                                    objectName: "appTokenField"
                                    visible: platformPage.twoTokens
                                    Layout.topMargin: 8
                                    echoMode: TextInput.Password
                                    placeholderText: dialog.tokenPlaceholder(platformPage.secrets[1])
                                }
                                Item { implicitWidth: 1; visible: platformPage.twoTokens }
                                Hint { text: dialog.hint(platformPage.name, "app"); visible: platformPage.twoTokens }

                                FieldLabel {
                                    Layout.topMargin: 8
                                    text: platformPage.info.homeChatKey === "home_chat" ? qsTr("Home chat") : qsTr("Home channel")
                                }
                                Field {
                                    id: homeField
                                    objectName: "homeField"
                                    Layout.topMargin: 8
                                    placeholderText: qsTr("Not set: handoffs to %1 are off").arg(platformPage.info.displayName || "")
                                }
                                Item { implicitWidth: 1 }
                                Hint { text: dialog.hint(platformPage.name, "home") }

                                FieldLabel { text: qsTr("Allowed users"); Layout.topMargin: 8 }
                                Field {
                                    id: usersField
                                    objectName: "usersField"
                                    Layout.topMargin: 8
                                    placeholderText: qsTr("Nobody yet: only approved pairing requests")
                                }
                                Item { implicitWidth: 1 }
                                Hint { text: dialog.hint(platformPage.name, "users") }
                            }

                            RowLayout {
                                Layout.fillWidth: true
                                Layout.topMargin: 10
                                Layout.leftMargin: 136
                                spacing: 12
                                Button {
                                    objectName: "testPlatformButton"
                                    Layout.alignment: Qt.AlignTop
                                    text: qsTr("Test connection")
                                    enabled: platformPage.test.state !== "running"
                                    onClicked: dialog.settings.testPlatform(platformPage.name, tokenField.text)
                                }
                                Outcome {
                                    objectName: "platformTestResult"
                                    Layout.alignment: Qt.AlignVCenter
                                    result: platformPage.test
                                    dotColor: dialog.stateColor(result.state)
                                }
                                Item { Layout.fillWidth: true; visible: !platformPage.test.text }
                            }

                            Rectangle { Layout.fillWidth: true; Layout.topMargin: 8; height: 1; color: dialog.line }
                            RowLayout {
                                Layout.fillWidth: true
                                spacing: 12
                                Outcome {
                                    objectName: "platformSaveResult"
                                    result: platformPage.save
                                    dotColor: dialog.stateColor(result.state)
                                }
                                Item { Layout.fillWidth: true; visible: !platformPage.save.text }
                                AccentButton {
                                    objectName: "savePlatformButton"
                                    text: qsTr("Save")
                                    fill: dialog.accent
                                    enabled: platformPage.dirty && platformPage.save.state !== "saving"
                                    onClicked: dialog.settings.savePlatform(platformPage.name, enabledSwitch.checked,
                                        homeField.text, usersField.text, tokenField.text, appTokenField.text)
                                }
                            }
                            Item { implicitHeight: 12 }
                        }
                    }
                }

                // People waiting for a yes or no.
                ScrollView {
                    id: pairingPage
                    objectName: "pairingPage"
                    anchors.fill: parent
                    visible: dialog.page === "pairing"
                    contentWidth: availableWidth
                    clip: true

                    ColumnLayout {
                        x: 28
                        width: pairingPage.availableWidth - 56
                        spacing: 14

                        Item { implicitHeight: 8 }
                        PageTitle { text: qsTr("Pairing requests") }
                        Hint {
                            text: qsTr("People who write to your bot and are not allowed yet get a code. Approve the ones you know: they can talk to Baton at once.")
                            font.pixelSize: 13
                        }
                        Repeater {
                            model: dialog.settings.pairingRequests
                            delegate: Rectangle {
                                id: request
                                required property var modelData
                                objectName: "pairingRow_" + modelData.code
                                Layout.fillWidth: true
                                implicitHeight: requestRow.implicitHeight + 24
                                radius: 8
                                color: dialog.card
                                RowLayout {
                                    id: requestRow
                                    anchors.fill: parent
                                    anchors.leftMargin: 16
                                    anchors.rightMargin: 12
                                    spacing: 16
                                    Label {
                                        text: request.modelData.code
                                        font.family: "monospace"
                                        font.pixelSize: 15
                                        font.weight: Font.DemiBold
                                        font.letterSpacing: 1.5
                                    }
                                    ColumnLayout {
                                        Layout.fillWidth: true
                                        spacing: 2
                                        Label {
                                            Layout.fillWidth: true
                                            text: request.modelData.userName || qsTr("User %1").arg(request.modelData.userId)
                                            font.weight: Font.DemiBold
                                            elide: Text.ElideRight
                                        }
                                        Label {
                                            Layout.fillWidth: true
                                            text: qsTr("%1 · user id %2 · %3").arg(request.modelData.displayName)
                                                .arg(request.modelData.userId).arg(dialog.relativeTime(request.modelData.requestedAt))
                                            color: dialog.subtle
                                            font.pixelSize: 12
                                            elide: Text.ElideRight
                                        }
                                    }
                                    Button {
                                        objectName: "denyButton"
                                        text: qsTr("Deny")
                                        flat: true
                                        onClicked: dialog.settings.deny(request.modelData.code)
                                    }
                                    AccentButton {
                                        objectName: "approveButton"
                                        text: qsTr("Approve")
                                        fill: dialog.accent
                                        onClicked: dialog.settings.approve(request.modelData.code)
                                    }
                                }
                            }
                        }
                        Label {
                            Layout.fillWidth: true
                            Layout.topMargin: 24
                            visible: dialog.settings.pairingRequests.length === 0
                            horizontalAlignment: Text.AlignHCenter
                            text: qsTr("No one is waiting for approval.")
                            color: dialog.subtle
                        }
                        Label {
                            objectName: "pairingNote"
                            Layout.fillWidth: true
                            visible: text !== ""
                            text: dialog.settings.pairingNote
                            wrapMode: Text.Wrap
                            color: dialog.subtle
                        }
                        Item { implicitHeight: 12 }
                    }
                }
            }
        }
    }
}
