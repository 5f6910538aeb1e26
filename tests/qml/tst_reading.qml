// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Baton
import BatonTest

// Reading a reply on a wide window: the column keeps about 80 characters a line and sits in the
// middle with the composer under it, paragraphs stay apart, a long code line scrolls sideways
// (keys, Shift and the wheel) instead of breaking, and Copy says "Copied".
TestCase {
    id: test
    name: "Reading"
    when: windowShown
    width: 1920
    height: 1080

    property var window: null
    readonly property string longLine: "const auto line = QStringLiteral(\"one long line that does not break inside a word: "
        + "it scrolls sideways instead, with the keys or with Shift and the wheel\"); // and on past the box"
    readonly property string reply: "**Reading** comfort, in `short`.\n\n"
        + "Paragraphs keep their space. This one is long enough to run across the whole column, so the measure shows: "
        + "it goes on past the first line and the second, because a line much wider than eighty characters makes the "
        + "eye lose its way back to the start of the next one.\n\n"
        + "Call `plainTitle()` on a title, or change `measureCharacters` in the theme.\n\n"
        + "| Setting | Default | Where |\n|---|---:|---|\n| measure | 80 | Theme.qml |\n| spacing | 10 | Theme.prose |\n\n"
        + "> A quote has a rule on its left and a quieter colour.\n\n"
        + "```cpp\n" + longLine + "\n```"

    // Set to the prose's own font before it measures.
    FontMetrics {
        id: messageFont
    }

    function findAll(item, name, found) {
        if (!item)
            return found
        if (item.objectName === name && found.indexOf(item) < 0)
            found.push(item)
        const children = item.children !== undefined ? item.children : []
        for (let i = 0; i < children.length; ++i)
            findAll(children[i], name, found)
        if (item.contentItem && item.contentItem !== item)
            findAll(item.contentItem, name, found)
        return found
    }
    function named(name) {
        return findAll(window.contentItem, name, [])[0]
    }
    // The reply's item of @p name: inside the delegate whose role is "assistant".
    function inReply(name) {
        return findAll(window.contentItem, name, []).find(item => {
            for (let p = item; p; p = p.parent) {
                if (p.role !== undefined && p.streaming !== undefined)
                    return p.role === "assistant"
            }
            return false
        })
    }

    function initTestCase() {
        ChatController.newChat()
        const component = Qt.createComponent("qrc:/qt/qml/Baton/Main.qml")
        verify(component.status === Component.Ready, component.errorString())
        window = component.createObject(null, { width: 1920, height: 1080 })
        verify(window !== null)
        window.requestActivate()
        tryVerify(() => window.active || window.visible)
        ChatController.send(reply)
        tryVerify(() => !ChatController.busy && inReply("codeBlock") !== undefined, 20000, "the reply is complete")
        tryCompare(inReply("codeBlock"), "text", longLine)
        waitForRendering(window.contentItem)
    }

    function cleanupTestCase() {
        window.destroy()
    }

    function test_0_screenshot() {
        if (Probe.screenshotDir === "")
            skip("BATON_SCREENSHOT_DIR is not set")
        waitForRendering(window.contentItem)
        const image = grabImage(window.contentItem)
        compare(image.width, 1920)
        image.save(Probe.screenshotDir + "/wide-window-" + (window.dark ? "dark" : "light") + ".png")
    }

    function test_0b_titlesArePlainText() {
        // The title came from the first line, "**Reading** comfort, in `short`.", as it was typed.
        compare(ChatController.title, "Reading comfort, in short.")
        compare(named("sessionTitle").text, "Reading comfort, in short.")
        compare(window.title, "Baton — Reading comfort, in short.")
        const sessions = named("sessionList")
        const shown = []
        for (let i = 0; i < sessions.count; ++i)
            shown.push(sessions.itemAtIndex(i).title)
        verify(shown.indexOf("Reading comfort, in short.") >= 0, "the sidebar: " + shown)
        verify(shown.every(title => title.indexOf("**") < 0), "no raw Markdown in the sidebar: " + shown)
    }

    function test_1_theColumnHoldsAbout80CharactersAndIsCentred() {
        compare(window.width, 1920)
        const list = named("messageList")
        const proses = findAll(window.contentItem, "messageProse", [])
        verify(proses.length >= 2)
        messageFont.font = proses[0].font
        const perLine = messageFont.averageCharacterWidth * 80
        for (const prose of proses) {
            verify(prose.maxWidth <= perLine + 1, "prose at most 80 characters wide: " + prose.maxWidth + " > " + perLine)
            verify(prose.maxWidth >= perLine * 0.9, "and uses the column: " + prose.maxWidth)
        }
        // Counted on the screen: the long paragraph's first line ends near the 80th character.
        const prose = proses.find(p => p.getText(0, p.length).indexOf("Paragraphs keep") >= 0)
        verify(prose !== undefined)
        const text = prose.getText(0, prose.length)
        const start = text.indexOf("Paragraphs keep")
        const firstLine = prose.positionToRectangle(start)
        const lineEnd = prose.positionAt(prose.width - 1, firstLine.y + firstLine.height / 2)
        const characters = lineEnd - start
        console.log("characters on a line at 1920 px:", characters, "column:", list.columnWidth, "of", list.width)
        verify(characters <= 88 && characters >= 60, characters + " characters on a line")

        // The column and the composer are centred in the conversation's area, and each message's
        // text lies inside the column, wherever the list put the message's row.
        const listCentre = list.mapToItem(null, list.width / 2, 0).x
        const columnLeft = list.mapToItem(null, list.columnX, 0).x
        fuzzyCompare(columnLeft + list.columnWidth / 2, listCentre, 1)
        verify(list.columnWidth < list.width - 400, "narrower than the window's area: " + list.columnWidth)
        for (const prose of proses) {
            const left = prose.mapToItem(null, 0, 0).x
            verify(left >= columnLeft && left + prose.width <= columnLeft + list.columnWidth,
                "text at " + left + "+" + prose.width + " inside the column " + columnLeft + "+" + list.columnWidth)
        }
        const composer = named("composerPane")
        fuzzyCompare(composer.mapToItem(null, composer.width / 2, 0).x, listCentre, 1)
        compare(composer.width, list.columnWidth)
    }

    function test_2_paragraphsStayApart() {
        const prose = inReply("messageProse")
        const text = prose.getText(0, prose.length)
        const first = prose.positionToRectangle(text.indexOf("comfort"))
        const second = prose.positionToRectangle(text.indexOf("Paragraphs keep"))
        verify(second.y - first.y >= first.height + 8, "a blank line's space between paragraphs: " + (second.y - first.y))
    }

    function test_3_longCodeLinesScrollSideways() {
        const block = inReply("codeBlock")
        const scroller = block.scroller
        compare(block.textItem.lineCount, 1, "the line does not wrap")
        verify(block.textItem.implicitWidth > scroller.width, "the line is wider than the box")
        verify(block.width <= block.maxWidth)
        compare(scroller.contentX, 0)
        // The keyboard: the block is a Tab stop when it hides text.
        verify(scroller.activeFocusOnTab)
        scroller.forceActiveFocus()
        keyClick(Qt.Key_Right)
        verify(scroller.contentX > 0, "Right scrolls")
        keyClick(Qt.Key_End)
        fuzzyCompare(scroller.contentX, scroller.contentWidth - scroller.width, 1)
        keyClick(Qt.Key_Home)
        compare(scroller.contentX, 0)
        // Shift and the wheel.
        mouseWheel(scroller, 20, 5, 0, -120, Qt.NoButton, Qt.ShiftModifier)
        tryVerify(() => scroller.contentX > 0, 2000, "Shift and the wheel scroll sideways")
        // Sideways on a touchpad; and a plain wheel still scrolls the conversation, not the block.
        keyClick(Qt.Key_Home)
        mouseWheel(scroller, 20, 5, -120, 0)
        tryVerify(() => scroller.contentX > 0, 2000, "a sideways turn scrolls sideways")
        const list = named("messageList")
        window.height = 500 // the conversation no longer fits: the list can scroll
        tryVerify(() => list.contentHeight > list.height)
        waitForRendering(window.contentItem) // the rows' new heights are laid out, the list follows them
        list.positionViewAtEnd()
        const before = list.contentY
        const x = scroller.contentX
        // A WheelHandler that just scrolled sideways keeps the wheel until its scroll ends: a turn
        // beside the column first, then one over the block.
        mouseWheel(list, 10, 10, 0, 120)
        tryVerify(() => list.contentY < before, 2000, "the wheel scrolls the list at its margin")
        tryVerify(() => !list.moving)
        list.positionViewAtEnd()
        mouseWheel(scroller, 20, 5, 0, 120)
        tryVerify(() => list.contentY < before, 2000, "the wheel scrolls the conversation over a code block")
        compare(scroller.contentX, x)
        window.height = 1080
        // The highlighting (where built) and the copy button are still there.
        verify(block.highlighter !== null)
        verify(findAll(block, "copyCode", []).length === 1)
    }

    function test_3b_codeTextIsStillSelectedByDragging() {
        const block = inReply("codeBlock")
        const code = block.textItem
        block.scroller.contentX = 0
        code.deselect()
        mouseDrag(code, 4, code.height / 2, 120, 0)
        verify(code.selectedText.length > 5, "a drag selects code: \"" + code.selectedText + "\"")
        code.deselect()
    }

    function test_4_copySaysCopied() {
        // The window just grew back (test 3): its list settles before anything is clicked in it.
        waitForRendering(window.contentItem)
        tryVerify(() => !named("messageList").moving, 5000)
        named("messageList").positionViewAtBeginning()
        const block = inReply("codeBlock")
        const button = findAll(block, "copyCode", [])[0]
        const notice = findAll(button, "copiedNotice", [])[0]
        tryVerify(() => {
            const p = button.mapToItem(null, button.width / 2, button.height / 2)
            return p.x > 0 && p.y > 0 && p.x < window.width && p.y < window.height
        }, 5000, "the Copy button is inside the window")
        compare(button.text, "Copy")
        verify(!notice.visible)
        mouseClick(button)
        compare(button.text, "Copied")
        verify(notice.visible, "the alert a screen reader speaks is shown")
        compare(notice.Accessible.role, Accessible.AlertMessage)
        compare(notice.Accessible.name, "Copied to the clipboard")
        compare(button.Accessible.name, "Copy code block", "the button still says what it copies")
        tryCompare(button, "text", "Copy", 5000)
        verify(!notice.visible)

        // From the keyboard: Ctrl+C on the current message.
        const list = named("messageList")
        const note = named("listCopiedNotice")
        verify(!note.visible)
        list.forceActiveFocus()
        list.currentIndex = list.count - 1
        keySequence(StandardKey.Copy)
        verify(note.visible, "Ctrl+C says Copied")
        compare(note.Accessible.role, Accessible.AlertMessage)
        tryVerify(() => !note.visible, 5000)

        const copyReply = inReply("copyMessage")
        mouseClick(copyReply)
        compare(copyReply.text, "Copied")
        verify(findAll(copyReply, "copiedNotice", [])[0].visible)
    }
}
