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
        }
    }
    clip: true
    spacing: 14
    topMargin: Theme.margin
    bottomMargin: Theme.margin + thinking.height
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
    // From the moment a message is sent to the reply's first word, below the last message (not
    // a footer: Qt 6.4 cannot create a bound footer component).
    ThinkingPlaceholder {
        id: thinking
        x: 0
        y: messageList.originY + messageList.contentHeight
        width: messageList.width
        progress: messageList.controller.progress
    }
    onBottomMarginChanged: if (following) follow.restart()
    delegate: MessageDelegate {
        width: ListView.view.width
        controller: messageList.controller
        onLinkActivated: link => messageList.linkActivated(link)
    }
    Label {
        anchors.centerIn: parent
        visible: messageList.count === 0
        text: qsTr("Ask anything. Enter sends, Shift+Enter starts a new line.")
        color: Theme.subtle
        Accessible.ignored: !visible
    }
    FirstRunCard {
        anchors.horizontalCenter: parent.horizontalCenter
        anchors.top: parent.verticalCenter
        anchors.topMargin: 32
        visible: messageList.count === 0 && messageList.controller.handoffPlatforms.length === 0
        onSetUp: platform => messageList.setUpRequested(platform)
    }
}
