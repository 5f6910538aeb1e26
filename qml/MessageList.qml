// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import Baton

// The conversation, following it as it grows; when empty, how to start and the way to the setup.
ListView {
    id: messageList

    required property ChatController controller

    /// A link in a message was clicked.
    signal linkActivated(string link)
    /// The person chose to set up @p platform from the first-run card.
    signal setUpRequested(string platform)

    /// The conversation's column: on a wide window its prose runs no wider than about
    /// Theme.measureCharacters characters of the message font, centred; the composer follows it.
    /// A message's text may take 78% of the column less 32 px of padding (MessageDelegate).
    readonly property real columnWidth: Math.min(width, maximumColumnWidth)
    /// The column's width on a window wide enough: it does not depend on the list's own width, so a
    /// layout can size the composer by it in the same pass that sizes the list.
    readonly property real maximumColumnWidth: Math.ceil((messageFont.averageCharacterWidth * Theme.measureCharacters + 32) / 0.78)
    readonly property real columnX: Math.round((width - columnWidth) / 2)

    objectName: "messageList"
    // One Tab stop between the header and the composer: the arrows go through the messages, a
    // screen reader reads each (MessageDelegate), Ctrl+C copies the current one.
    activeFocusOnTab: true
    Accessible.role: Accessible.List
    Accessible.name: qsTr("Messages")
    // On the current message: F2 edits a question, Alt+Left/Right flip variants, Ctrl+R retries
    // a failed reply or regenerates the last one (MessageActions).
    Keys.onPressed: event => {
        const current = currentItem as MessageDelegate
        if (!current)
            return
        if (event.matches(StandardKey.Copy)) {
            controller.copyText(current.content)
            copiedNote.show()
            event.accepted = true
        } else if (event.key === Qt.Key_F2 && current.role === "user" && !controller.busy) {
            controller.beginEdit(current.messageId)
            event.accepted = true
        } else if ((event.modifiers & Qt.AltModifier) && (event.key === Qt.Key_Left || event.key === Qt.Key_Right)) {
            const target = event.key === Qt.Key_Left ? current.previousVariant : current.nextVariant
            if (target > 0 && !controller.busy)
                controller.chooseVariant(target)
            event.accepted = true
        } else if (event.key === Qt.Key_R && (event.modifiers & Qt.ControlModifier) && !controller.busy) {
            if (current.status === "error" && current.index === count - 1)
                controller.retry(current.messageId)
            else if (current.index === count - 1)
                controller.regenerate()
            event.accepted = true
        } else if (event.key === Qt.Key_Space && currentItem) {
            event.accepted = (currentItem as MessageDelegate).toggleThinking()
        }
    }
    clip: true
    spacing: 14
    topMargin: Theme.margin
    model: controller.messages
    // Follow the conversation as it grows, unless the reader scrolled up.
    property bool following: true
    onMovementEnded: following = atYEnd
    onCountChanged: if (following) follow.restart()
    onContentHeightChanged: if (following) follow.restart()
    // Once per turn of the event loop, however many rows and heights changed in it.
    Timer {
        id: follow
        interval: 0
        onTriggered: messageList.positionViewAtEnd()
    }
    // Ctrl+C on a message says that it copied, on the screen and (an alert) to a screen reader.
    Label {
        id: copiedNote
        function show() {
            visible = true
            settle.restart()
        }
        objectName: "listCopiedNotice"
        parent: messageList // over the view, not scrolled with the messages
        visible: false
        anchors.horizontalCenter: parent.horizontalCenter
        anchors.bottom: parent.bottom
        anchors.bottomMargin: Theme.margin
        padding: Theme.spacingSmall
        leftPadding: Theme.padding
        rightPadding: Theme.padding
        text: qsTr("Copied")
        background: Rectangle {
            radius: Theme.radius
            color: Theme.card
            border.color: Theme.line
        }
        Accessible.role: Accessible.AlertMessage
        Accessible.name: qsTr("Copied to the clipboard")
        Accessible.ignored: !visible
        Timer {
            id: settle
            interval: 2000
            onTriggered: copiedNote.visible = false
        }
    }
    FontMetrics {
        id: messageFont
        font.pixelSize: Theme.fontMessage
    }
    // From the moment a message is sent to the reply's first word, below the last message (not
    // a footer: Qt 6.4 cannot create a bound footer component).
    ThinkingPlaceholder {
        id: thinking
        x: messageList.columnX
        y: messageList.originY + messageList.contentHeight
        width: messageList.columnWidth
        progress: messageList.controller.progress
    }
    onBottomMarginChanged: if (following) follow.restart()
    delegate: MessageDelegate {
        width: messageList.width
        columnX: messageList.columnX
        columnWidth: messageList.columnWidth
        controller: messageList.controller
        onLinkActivated: link => messageList.linkActivated(link)
    }
    // No model works yet: connecting one comes before anything else. Under a conversation the
    // card follows its last message; a failed reply asks again whether the model answers.
    readonly property bool needsModel: SettingsController.modelSetup !== null && SettingsController.modelSetup.needed
    bottomMargin: (cardBelow.visible ? cardBelow.height + 2 * Theme.margin : Theme.margin) + thinking.height
    ConnectModelCard {
        id: cardBelow
        parent: messageList // over the view's bottom, not in the content that scrolls
        anchors.bottom: parent.bottom
        anchors.bottomMargin: Theme.margin
        anchors.horizontalCenter: parent.horizontalCenter
        width: Math.min(implicitWidth, messageList.width - 2 * Theme.marginLarge)
        visible: messageList.count > 0 && messageList.needsModel
    }
    Connections {
        target: messageList.controller
        function onReplyFinished(sessionId: string, error: string) {
            if (error !== "" && SettingsController.modelSetup)
                SettingsController.modelSetup.check()
        }
    }
    ConnectModelCard {
        anchors.centerIn: parent
        width: Math.min(implicitWidth, messageList.width - 2 * Theme.marginLarge)
        visible: messageList.count === 0 && messageList.needsModel
    }
    Label {
        anchors.centerIn: parent
        visible: messageList.count === 0 && !messageList.needsModel
        text: qsTr("Ask anything. Enter sends, Shift+Enter starts a new line.")
        color: Theme.subtle
        Accessible.ignored: !visible
    }
    FirstRunCard {
        anchors.horizontalCenter: parent.horizontalCenter
        anchors.top: parent.verticalCenter
        anchors.topMargin: 32
        visible: messageList.count === 0 && messageList.controller.handoffPlatforms.length === 0
            && !messageList.needsModel
        onSetUp: platform => messageList.setUpRequested(platform)
    }
}
