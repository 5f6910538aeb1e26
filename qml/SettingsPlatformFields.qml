// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Baton

// A platform's fields typed by hand: its token (two on Slack), home chat and allowed users, each
// with a hint saying what the platform calls it and where to find it.
GridLayout {
    id: fields

    required property string platform
    /// The platform's saved settings: displayName, homeChatKey and its secrets.
    required property var info
    readonly property var secrets: info.secrets || []
    readonly property bool twoTokens: secrets.length > 1
    property alias token: tokenField.text
    property alias appToken: appTokenField.text
    property alias homeChat: homeField.text
    property alias allowedUsers: usersField.text

    // What each platform calls its things, and where to find them.
    function hint(field) {
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
        return (hints[fields.platform] || {})[field] || ""
    }
    function tokenPlaceholder(secret) {
        if (!secret)
            return ""
        if (secret.variable)
            return qsTr("Set by %1, which wins over the keychain").arg(secret.variable)
        return secret.set ? qsTr("Saved in the keychain — type to replace") : qsTr("Not set")
    }

    columns: 2
    columnSpacing: Theme.margin
    rowSpacing: Theme.spacingSmall

    SettingsFieldLabel { id: tokenLabel; text: qsTr("Bot token") }
    SettingsField {
        id: tokenField
        objectName: "tokenField"
        label: tokenLabel.text
        echoMode: TextInput.Password
        placeholderText: fields.tokenPlaceholder(fields.secrets[0])
    }
    Item { implicitWidth: 1 }
    SettingsHint { text: fields.hint("token") }

    SettingsFieldLabel { id: appTokenLabel; text: qsTr("App token"); visible: fields.twoTokens; Layout.topMargin: 8 }
    SettingsField {
        id: appTokenField
        objectName: "appTokenField"
        label: appTokenLabel.text
        visible: fields.twoTokens
        Layout.topMargin: 8
        echoMode: TextInput.Password
        placeholderText: fields.tokenPlaceholder(fields.secrets[1])
    }
    Item { implicitWidth: 1; visible: fields.twoTokens }
    SettingsHint { text: fields.hint("app"); visible: fields.twoTokens }

    SettingsFieldLabel {
        id: homeLabel
        Layout.topMargin: 8
        text: fields.info.homeChatKey === "home_chat" ? qsTr("Home chat") : qsTr("Home channel")
    }
    SettingsField {
        id: homeField
        objectName: "homeField"
        label: homeLabel.text
        Layout.topMargin: 8
        placeholderText: qsTr("Not set: handoffs to %1 are off").arg(fields.info.displayName || "")
    }
    Item { implicitWidth: 1 }
    SettingsHint { text: fields.hint("home") }

    SettingsFieldLabel { id: usersLabel; text: qsTr("Allowed users"); Layout.topMargin: 8 }
    SettingsField {
        id: usersField
        objectName: "usersField"
        label: usersLabel.text
        Layout.topMargin: 8
        placeholderText: qsTr("Nobody yet: only approved pairing requests")
    }
    Item { implicitWidth: 1 }
    SettingsHint { text: fields.hint("users") }
}
