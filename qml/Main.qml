// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Baton

// The chat window: sessions on the left, the conversation on the right, the composer below it.
ApplicationWindow {
    id: window

    required property ChatController controller
    // The Settings page, when the application provides one.
    property SettingsController settingsController: null
    property string gatewayNote: ""

    width: 1100
    height: 720
    minimumWidth: 720
    minimumHeight: 480
    visible: true
    title: qsTr("Baton — %1").arg(controller.title)

    SystemPalette { id: system; colorGroup: SystemPalette.Active }
    // Controls follow the desktop's palette, light or dark, whatever style is in use.
    color: system.window
    palette.window: system.window
    palette.windowText: system.windowText
    palette.base: system.base
    palette.text: system.text
    palette.button: system.button
    palette.buttonText: system.buttonText
    palette.highlight: system.highlight
    palette.highlightedText: system.highlightedText
    palette.placeholderText: subtle
    readonly property bool dark: system.window.hslLightness < 0.5
    readonly property color accent: dark ? "#5eb3a5" : "#1f7a6d"
    readonly property color subtle: dark ? "#9aa3ab" : "#5f6b75"
    readonly property color bubble: dark ? Qt.lighter(system.window, 1.35) : Qt.darker(system.window, 1.06)
    readonly property color errorColor: dark ? "#ff8a80" : "#b3261e"

    function relativeTime(date) {
        const seconds = (Date.now() - date.getTime()) / 1000
        if (seconds < 60)
            return qsTr("now")
        if (seconds < 3600)
            return qsTr("%1 min").arg(Math.floor(seconds / 60))
        if (seconds < 86400)
            return qsTr("%1 h").arg(Math.floor(seconds / 3600))
        return date.toLocaleDateString(Qt.locale(), Locale.ShortFormat)
    }

    Shortcut { sequence: "Ctrl+N"; onActivated: { window.controller.newChat(); composer.forceActiveFocus() } }
    Shortcut { sequence: "Ctrl+K"; onActivated: search.forceActiveFocus() }
    Shortcut { sequence: "Esc"; enabled: window.controller.busy; onActivated: window.controller.stop() }

    LinkDialog {
        id: linkDialog
        objectName: "linkDialog"
        anchors.centerIn: Overlay.overlay
        hintColor: window.subtle
    }

    Loader {
        id: settingsLoader
        active: window.settingsController !== null
        sourceComponent: SettingsDialog { settings: window.settingsController }
    }
    Shortcut { sequence: "Ctrl+,"; enabled: settingsLoader.item !== null; onActivated: settingsLoader.item.open() }

    RowLayout {
        anchors.fill: parent
        spacing: 0

        // Sessions, newest first, with search.
        Pane {
            Layout.preferredWidth: 280
            Layout.fillHeight: true
            padding: 12
            background: Rectangle { color: Qt.darker(system.window, window.dark ? 1.15 : 1.03) }

            ColumnLayout {
                anchors.fill: parent
                spacing: 10

                Button {
                    Layout.fillWidth: true
                    text: qsTr("New chat")
                    icon.name: "document-new"
                    onClicked: { window.controller.newChat(); composer.forceActiveFocus() }
                }
                TextField {
                    id: search
                    Layout.fillWidth: true
                    placeholderText: qsTr("Search conversations (Ctrl+K)")
                    onTextChanged: window.controller.sessions.filter = text
                }
                ListView {
                    id: sessionList
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    clip: true
                    spacing: 2
                    model: window.controller.sessions
                    delegate: ItemDelegate {
                        id: row
                        required property string sessionId
                        required property string title
                        required property string origin
                        required property var updatedAt
                        required property string handoffState
                        required property string handoffPlatform
                        width: ListView.view.width
                        highlighted: sessionId === window.controller.sessionId
                        onClicked: window.controller.openSession(sessionId)
                        contentItem: ColumnLayout {
                            spacing: 2
                            Label {
                                Layout.fillWidth: true
                                text: row.title
                                textFormat: Text.PlainText // titles come from people and models
                                elide: Text.ElideRight
                                font.weight: row.highlighted ? Font.DemiBold : Font.Normal
                            }
                            RowLayout {
                                spacing: 6
                                Label {
                                    // Where the conversation lives now: its platform after a handoff.
                                    readonly property string where: row.handoffState === "completed"
                                        ? row.handoffPlatform : row.origin
                                    text: window.controller.displayName(where === "cli" ? qsTr("terminal") : where)
                                    font.pixelSize: 11
                                    color: row.highlighted ? system.highlightedText : window.accent
                                    visible: where !== "desktop"
                                }
                                Label {
                                    text: window.relativeTime(row.updatedAt)
                                    font.pixelSize: 11
                                    color: row.highlighted ? system.highlightedText : window.subtle
                                }
                            }
                        }
                    }
                    Label {
                        anchors.centerIn: parent
                        visible: sessionList.count === 0
                        text: search.text ? qsTr("No match") : qsTr("No conversations yet")
                        color: window.subtle
                    }
                }
                Button {
                    objectName: "settingsButton"
                    Layout.fillWidth: true
                    flat: true
                    visible: window.settingsController !== null
                    text: qsTr("Settings")
                    icon.name: "configure"
                    onClicked: settingsLoader.item.open()
                }
                Label {
                    Layout.fillWidth: true
                    visible: window.gatewayNote !== ""
                    text: window.gatewayNote
                    textFormat: Text.PlainText
                    wrapMode: Text.Wrap
                    font.pixelSize: 11
                    color: window.subtle
                }
            }
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 0

            // Title, model and the handoff.
            ToolBar {
                Layout.fillWidth: true
                Layout.preferredHeight: 56
                background: Rectangle {
                    color: system.window
                    Rectangle { anchors.bottom: parent.bottom; width: parent.width; height: 1; color: Qt.darker(system.window, 1.12) }
                }
                RowLayout {
                    anchors.fill: parent
                    anchors.leftMargin: 16
                    anchors.rightMargin: 12
                    Label {
                        objectName: "sessionTitle"
                        Layout.fillWidth: true
                        Layout.minimumWidth: 180
                        text: window.controller.title
                        textFormat: Text.PlainText
                        font.pixelSize: 16
                        font.weight: Font.DemiBold
                        elide: Text.ElideRight
                    }
                    ComboBox {
                        id: modelPicker
                        objectName: "modelPicker"
                        Layout.preferredWidth: 170
                        editable: true
                        model: window.controller.models.length > 0 ? window.controller.models : [window.controller.model]
                        displayText: window.controller.model
                        onActivated: index => window.controller.model = textAt(index)
                        onAccepted: window.controller.model = editText
                        onPressedChanged: if (pressed) window.controller.refreshModels()
                        ToolTip.visible: hovered
                        ToolTip.text: qsTr("The model for the next replies")
                    }
                    Label {
                        id: handoffStatus
                        objectName: "handoffStatus"
                        Layout.maximumWidth: 240
                        text: window.controller.handoffText
                        textFormat: Text.PlainText
                        elide: Text.ElideRight
                        color: window.controller.handoffState === "failed" ? window.errorColor : window.subtle
                        visible: text !== ""
                    }
                    Button {
                        id: handoffButton
                        objectName: "handoffButton"
                        property alias menu: platformMenu
                        text: qsTr("Hand off to phone")
                        enabled: window.controller.sessionId !== ""
                            && window.controller.handoffPlatforms.length > 0
                            && ["pending", "running", "queued"].indexOf(window.controller.handoffState) < 0
                        onClicked: platformMenu.open()
                        ToolTip.visible: hovered && window.controller.handoffPlatforms.length === 0
                        ToolTip.text: qsTr("Set a home channel for Telegram, Discord or Slack first.")
                        Menu {
                            id: platformMenu
                            y: handoffButton.height
                            Repeater {
                                model: window.controller.handoffPlatforms
                                MenuItem {
                                    required property string modelData
                                    objectName: "handoffTo_" + modelData
                                    text: window.controller.displayName(modelData)
                                    onTriggered: window.controller.handOff(modelData)
                                }
                            }
                        }
                    }
                }
            }

            // While the conversation lives on a platform.
            Rectangle {
                Layout.fillWidth: true
                Layout.preferredHeight: 44
                visible: window.controller.livePlatform !== ""
                color: Qt.rgba(window.accent.r, window.accent.g, window.accent.b, 0.15)
                RowLayout {
                    anchors.fill: parent
                    anchors.leftMargin: 16
                    anchors.rightMargin: 12
                    Label {
                        objectName: "liveBanner"
                        Layout.fillWidth: true
                        text: qsTr("Continuing on %1 — %2").arg(window.controller.displayName(window.controller.livePlatform))
                            .arg(window.controller.title)
                        textFormat: Text.PlainText
                        elide: Text.ElideRight
                    }
                    // What the phone said while the screen was locked.
                    Label {
                        objectName: "awayNote"
                        visible: window.controller.awayNote !== ""
                        text: window.controller.awayNote
                        textFormat: Text.PlainText
                        font.weight: Font.DemiBold
                    }
                    Button {
                        objectName: "takeBackButton"
                        text: qsTr("Take back")
                        flat: true
                        onClicked: window.controller.takeBack()
                    }
                }
            }

            ListView {
                id: messageList
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                spacing: 14
                topMargin: 16
                bottomMargin: 16
                model: window.controller.messages
                // Follow the conversation as it grows, unless the reader scrolled up.
                property bool following: true
                onMovementEnded: following = atYEnd
                onCountChanged: if (following) Qt.callLater(positionViewAtEnd)
                onContentHeightChanged: if (following) Qt.callLater(positionViewAtEnd)
                delegate: Item {
                    id: message
                    required property string role
                    required property string content
                    required property string status
                    required property string platform
                    required property bool streaming
                    required property var segments
                    readonly property bool mine: role === "user"
                    width: ListView.view.width
                    // A reply another surface has only just begun has no words yet: nothing to show.
                    visible: (role === "user" || role === "assistant") && (content !== "" || streaming)
                    height: visible ? bubbleBox.height : 0

                    Rectangle {
                        id: bubbleBox
                        x: message.mine ? parent.width - width - 24 : 24
                        width: Math.min(parent.width * 0.78, Math.max(body.childrenRect.width, meta.implicitWidth) + 32)
                        height: body.childrenRect.height + meta.implicitHeight + 28
                        radius: 10
                        color: message.mine ? Qt.rgba(window.accent.r, window.accent.g, window.accent.b, 0.18) : window.bubble

                        // Prose as Markdown; each fenced code block in its own monospaced box with a copy button.
                        Column {
                            id: body
                            x: 16
                            y: 12
                            spacing: 8
                            readonly property real maxWidth: messageList.width * 0.78 - 32
                            Repeater {
                                // Rows change in place while a reply streams: untouched code blocks keep their colours.
                                model: SegmentListModel { segments: message.segments }
                                delegate: Loader {
                                    id: segment
                                    required property bool code
                                    required property string text
                                    required property string language
                                    required property int index
                                    readonly property bool last: index === message.segments.length - 1
                                    sourceComponent: code ? codeBlock : prose
                                    Component {
                                        id: prose
                                        TextEdit {
                                            objectName: "messageProse"
                                            width: Math.min(body.maxWidth, implicitWidth)
                                            readOnly: true
                                            selectByMouse: true
                                            wrapMode: Text.Wrap
                                            textFormat: TextEdit.MarkdownText
                                            text: segment.text + (message.streaming && segment.last ? " ▍" : "")
                                            color: message.status === "error" ? window.errorColor : system.text
                                            font.pixelSize: 14
                                            // Where a link leads shows on hover, and again before it opens.
                                            onLinkActivated: link => linkDialog.ask(link)
                                            ToolTip.visible: hoveredLink !== ""
                                            ToolTip.text: hoveredLink
                                            ToolTip.delay: 300
                                        }
                                    }
                                    Component {
                                        id: codeBlock
                                        CodeBlock {
                                            text: segment.text
                                            language: segment.language
                                            maxWidth: body.maxWidth
                                            dark: window.dark
                                            subtle: window.subtle
                                            onCopyRequested: text => window.controller.copyText(text)
                                        }
                                    }
                                }
                            }
                        }
                        RowLayout {
                            id: meta
                            anchors.top: body.bottom
                            anchors.topMargin: 4
                            x: 16
                            spacing: 8
                            Label {
                                visible: message.platform !== "desktop" && message.platform !== "cli"
                                text: qsTr("via %1").arg(window.controller.displayName(message.platform))
                                textFormat: Text.PlainText
                                font.pixelSize: 11
                                color: window.subtle
                            }
                            Label {
                                visible: message.status === "partial" && !message.streaming
                                text: qsTr("cut short")
                                font.pixelSize: 11
                                color: window.errorColor
                            }
                            ToolButton {
                                text: qsTr("Copy")
                                font.pixelSize: 11
                                implicitHeight: 22
                                visible: !message.streaming
                                onClicked: window.controller.copyText(message.content)
                            }
                        }
                    }
                }
                Label {
                    anchors.centerIn: parent
                    visible: messageList.count === 0
                    text: qsTr("Ask anything. Enter sends, Shift+Enter starts a new line.")
                    color: window.subtle
                }
                FirstRunCard {
                    anchors.horizontalCenter: parent.horizontalCenter
                    anchors.top: parent.verticalCenter
                    anchors.topMargin: 32
                    visible: messageList.count === 0 && settingsLoader.item !== null
                        && window.controller.handoffPlatforms.length === 0
                    accent: window.accent
                    subtle: window.subtle
                    onSetUp: platform => {
                        settingsLoader.item.page = platform
                        settingsLoader.item.open()
                        window.settingsController.setup.begin(platform)
                    }
                }
            }

            // The model's failure, with a way to try again.
            RowLayout {
                Layout.fillWidth: true
                Layout.leftMargin: 24
                Layout.rightMargin: 24
                visible: window.controller.errorText !== ""
                Label {
                    objectName: "errorText"
                    Layout.fillWidth: true
                    text: window.controller.errorText
                    textFormat: Text.PlainText
                    wrapMode: Text.Wrap
                    color: window.errorColor
                }
                Button { text: qsTr("Retry"); onClicked: window.controller.regenerate() }
            }

            Pane {
                Layout.fillWidth: true
                padding: 12
                RowLayout {
                    anchors.fill: parent
                    spacing: 8
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
                                color: system.base
                                border.width: composer.activeFocus ? 2 : 1
                                border.color: composer.activeFocus ? window.accent : Qt.darker(system.window, 1.25)
                            }
                            focus: true
                            Keys.onPressed: event => {
                                if ((event.key === Qt.Key_Return || event.key === Qt.Key_Enter)
                                        && !(event.modifiers & Qt.ShiftModifier)) {
                                    event.accepted = true
                                    if (!window.controller.busy && text.trim() !== "") {
                                        window.controller.send(text)
                                        text = ""
                                    }
                                }
                            }
                        }
                    }
                    Button {
                        objectName: "sendButton"
                        text: window.controller.busy ? qsTr("Stop") : qsTr("Send")
                        highlighted: !window.controller.busy
                        enabled: window.controller.busy || composer.text.trim() !== ""
                        onClicked: {
                            if (window.controller.busy) {
                                window.controller.stop()
                            } else {
                                window.controller.send(composer.text)
                                composer.text = ""
                            }
                        }
                    }
                    Button {
                        text: qsTr("Regenerate")
                        flat: true
                        visible: !window.controller.busy && messageList.count > 0
                        onClicked: window.controller.regenerate()
                    }
                }
            }
        }
    }
}
