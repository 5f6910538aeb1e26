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
    Keys.onPressed: event => {
        if (event.matches(StandardKey.Copy) && currentItem) {
            controller.copyText((currentItem as MessageDelegate).content)
            event.accepted = true
        } else if (event.key === Qt.Key_Space && currentItem) {
            event.accepted = (currentItem as MessageDelegate).toggleThinking()
        }
    }
    clip: true
    spacing: 14
    topMargin: Theme.margin
    bottomMargin: Theme.margin
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
