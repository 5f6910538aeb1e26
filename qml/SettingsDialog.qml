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
    /// The page on show: model, telegram, discord, slack, pairing or away.
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
                    model: ["model"].concat(dialog.settings.platformNames).concat(["pairing", "away"])
                    delegate: ItemDelegate {
                        id: entry
                        required property string modelData
                        required property int index
                        readonly property var platform: index > 0 && modelData !== "pairing" && modelData !== "away"
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
                                    : entry.modelData === "away" ? qsTr("Away from the desk")
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
                SettingsModelPage {
                    anchors.fill: parent
                    dialog: dialog // the id: ids come before the page's own properties
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
                            // The setup wrote the token, the owner or the home: the fields show it.
                            target: dialog.settings.setup
                            function onChanged() {
                                if (dialog.settings.setup.platform === platformPage.name)
                                    platformPage.reset()
                            }
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
                                SettingsTitle { Layout.fillWidth: true; text: platformPage.info.displayName || "" }
                                Switch {
                                    id: enabledSwitch
                                    objectName: "enabledSwitch"
                                    text: checked ? qsTr("Enabled") : qsTr("Disabled")
                                }
                            }
                            SettingsHint {
                                text: qsTr("Talk to Baton from %1 and hand conversations off to it.")
                                    .arg(platformPage.info.displayName || "")
                                font.pixelSize: 13
                            }
                            PlatformSetup {
                                Layout.fillWidth: true
                                visible: dialog.settings.setup !== null
                                setup: dialog.settings.setup
                                platform: platformPage.name
                                displayName: platformPage.info.displayName || ""
                                accent: dialog.accent
                                subtle: dialog.subtle
                                errorColor: dialog.errorColor
                            }
                            Label {
                                Layout.topMargin: 6
                                text: qsTr("Or by hand")
                                font.weight: Font.DemiBold
                            }
                            GridLayout {
                                Layout.fillWidth: true
                                Layout.topMargin: 6
                                columns: 2
                                columnSpacing: 16
                                rowSpacing: 6

                                SettingsFieldLabel { text: qsTr("Bot token") }
                                SettingsField {
                                    id: tokenField
                                    objectName: "tokenField"
                                    echoMode: TextInput.Password
                                    placeholderText: dialog.tokenPlaceholder(platformPage.secrets[0])
                                }
                                Item { implicitWidth: 1 }
                                SettingsHint { text: dialog.hint(platformPage.name, "token") }

                                SettingsFieldLabel { text: qsTr("App token"); visible: platformPage.twoTokens; Layout.topMargin: 8 }
                                SettingsField {
                                    id: appTokenField
                                    objectName: "appTokenField"
                                    visible: platformPage.twoTokens
                                    Layout.topMargin: 8
                                    echoMode: TextInput.Password
                                    placeholderText: dialog.tokenPlaceholder(platformPage.secrets[1])
                                }
                                Item { implicitWidth: 1; visible: platformPage.twoTokens }
                                SettingsHint { text: dialog.hint(platformPage.name, "app"); visible: platformPage.twoTokens }

                                SettingsFieldLabel {
                                    Layout.topMargin: 8
                                    text: platformPage.info.homeChatKey === "home_chat" ? qsTr("Home chat") : qsTr("Home channel")
                                }
                                SettingsField {
                                    id: homeField
                                    objectName: "homeField"
                                    Layout.topMargin: 8
                                    placeholderText: qsTr("Not set: handoffs to %1 are off").arg(platformPage.info.displayName || "")
                                }
                                Item { implicitWidth: 1 }
                                SettingsHint { text: dialog.hint(platformPage.name, "home") }

                                SettingsFieldLabel { text: qsTr("Allowed users"); Layout.topMargin: 8 }
                                SettingsField {
                                    id: usersField
                                    objectName: "usersField"
                                    Layout.topMargin: 8
                                    placeholderText: qsTr("Nobody yet: only approved pairing requests")
                                }
                                Item { implicitWidth: 1 }
                                SettingsHint { text: dialog.hint(platformPage.name, "users") }
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
                                SettingsOutcome {
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
                                SettingsOutcome {
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
                SettingsPairingPage {
                    anchors.fill: parent
                    dialog: dialog // the id: ids come before the page's own properties
                }

                // Screen lock, sleep and notifications.
                SettingsAwayPage {
                    anchors.fill: parent
                    dialog: dialog
                }
            }
        }
    }
}
